// A DeploymentDraft given as a JS object is first looked at by a JS filter (src/bindings.js)
// that answers only "certainly clean"; everything else crosses into Rust. This test checks the
// filter against Rust: on seeded random edits of clean drafts (odd JS values included), the
// report for the object equals the report for its JSON text (positions aside), and whatever
// the filter calls clean has an empty report from the text path, which never uses it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { validateDeploymentDraft } from 'connect-preflight';
import { mulberry32 } from './seeded.mjs';

// The filter itself, the very module instance the package's wasm imports.
const snippets = new URL('../../node_modules/connect-preflight/nodejs/snippets/', import.meta.url);
const crate = readdirSync(snippets).find((d) => d.startsWith('connect-preflight'));
const { isCleanDraftObject } = await import(new URL(`${crate}/src/bindings.js`, snippets));

const templates = () => [
  {
    key: 'my-deployment',
    connector: { key: 'my-connector', version: 1 },
    region: 'europe-west1.gcp',
    configurations: [
      { applicationName: 'service', standardConfiguration: [{ key: 'A', value: 'a' }, { key: 'B', value: '' }], securedConfiguration: [{ key: 'S', value: 's3cret' }] },
      { applicationName: 'job', standardConfiguration: [], securedConfiguration: [] },
    ],
  },
  {
    type: 'preview',
    connector: { id: 'b1a4d2c9-0000-4000-8000-000000000000', staged: true, version: 3 },
    region: 'us-east-2.aws',
    configurations: [],
    globalConfiguration: { standardConfiguration: [{ key: 'G', value: 'g' }], securedConfiguration: [] },
  },
];

class Draft {}
const arrayWithToJSON = () => Object.assign([], { toJSON: () => [] });
// Values that JSON treats differently from how they look, or that sit at a rule's edge.
const VALUES = [
  () => '', () => ' ', () => '\u0085', () => '\u00a0x', () => 'a', () => 'ab', () => 'a b', () => 'x'.repeat(257), () => 'x'.repeat(256),
  () => 'europe-west1.gcp', () => 'europe-west1', () => 'preview', () => 'sandbox', () => 'production', () => '0 0 * * *', () => 'lone \ud800',
  () => '\udc00', () => 'ÄÖ', () => 'K', () => 'tab\tin', () => 'quote"in', () => 'new\nline',
  () => 0, () => 1, () => 2, () => 1.5, () => -0, () => 2 ** 53, () => 1e300, () => NaN, () => Infinity, () => -1,
  () => true, () => false, () => null, () => undefined, () => [], () => ({}), () => Object.create(null),
  () => new Date(0), () => new String('ab'), () => ({ toJSON: () => 'ab' }), () => new Draft(), () => [, { key: 'A', value: 'a' }],
  arrayWithToJSON, () => [{ key: 'A', value: 'a' }, { key: 'A', value: 'b' }], () => ({ key: 'A', value: 'a' }),
  () => ({ applicationName: 'app', standardConfiguration: [], securedConfiguration: [] }),
  () => ({ applicationName: 'app', standardConfiguration: [], securedConfiguration: [], schedule: '*/5 * * * *' }),
];
const FIELDS = ['key', 'value', 'id', 'version', 'staged', 'type', 'region', 'connector', 'configurations', 'globalConfiguration',
  'applicationName', 'standardConfiguration', 'securedConfiguration', 'schedule', 'retryPolicy', 'toJSON', '__proto__', 'extra'];

// Every object and array inside `root`, with the root itself.
function containers(root) {
  const found = [];
  const walk = (v) => {
    if (typeof v !== 'object' || v === null || found.includes(v)) return;
    found.push(v);
    for (const k of Object.keys(v)) walk(v[k]);
  };
  walk(root);
  return found;
}

function edit(root, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const all = containers(root);
  if (all.length === 0) return pick(VALUES)();
  const target = pick(all);
  const keys = Object.keys(target);
  const choice = random();
  try {
    if (choice < 0.4 && keys.length > 0) target[pick(keys)] = pick(VALUES)();
    else if (choice < 0.6 && keys.length > 0) delete target[pick(keys)];
    else if (choice < 0.8) Object.defineProperty(target, pick(FIELDS), { value: pick(VALUES)(), enumerable: true, configurable: true, writable: true });
    else if (Array.isArray(target)) target.push(structuredClone(target[0] ?? { key: 'C', value: 'c' }));
    else return pick(VALUES)(); // the whole draft replaced
  } catch {
    // a String object's characters, a frozen value: left as they are
  }
  return root;
}

// Text reports carry line and column; object reports cannot. An object JSON cannot carry (a
// lone surrogate) is InvalidJsonInput both ways, with messages that differ.
const withoutPositions = (report) => {
  const strip = (issues) => issues.map(({ line, column, ...rest }) =>
    rest.code === 'InvalidJsonInput' ? { code: rest.code, path: rest.path } : rest);
  return { valid: report.valid, errors: strip(report.errors), warnings: strip(report.warnings) };
};

test('a draft object gets the same report as its JSON text, and the filter calls clean only clean drafts', () => {
  validateDeploymentDraft({}); // the package configures the filter on its first use
  const random = mulberry32(20261123);
  let cases = 0;
  let calledClean = 0;
  for (let i = 0; i < 12000; i++) {
    const templateList = templates();
    let draft = templateList[i % templateList.length];
    const r = random();
    const edits = r < 0.6 ? 1 : r < 0.85 ? 2 : 3; // mostly one: a rule's edge alone
    for (let e = 0; e < edits && i % 7 !== 0; e++) draft = edit(draft, random); // every 7th stays clean
    const text = JSON.stringify(draft);
    // A string is JSON text to the API, not a value; undefined has no JSON text.
    if (typeof draft === 'string' || typeof text !== 'string') continue;
    cases++;
    const fromText = validateDeploymentDraft(text);
    assert.deepEqual(withoutPositions(validateDeploymentDraft(draft)), withoutPositions(fromText), text);
    if (isCleanDraftObject(draft)) {
      calledClean++;
      assert.deepEqual(fromText, { valid: true, errors: [], warnings: [] }, `called clean: ${text}`);
    }
  }
  // The property is not vacuous: many drafts take the filter's way, many do not.
  assert.ok(cases > 10000, `${cases} cases`);
  assert.ok(calledClean > cases / 5 && calledClean < cases * 0.8, `${calledClean} of ${cases} called clean`);
});

test('the filter leaves to Rust what JSON would write differently or what it does not check', () => {
  validateDeploymentDraft({});
  const clean = () => templates()[0];
  assert.equal(isCleanDraftObject(clean()), true);
  assert.equal(isCleanDraftObject(Object.assign(Object.create(null), clean())), true);
  const cases = {
    'a lone surrogate in a value': (d) => { d.configurations[0].standardConfiguration[0].value = 'x\ud800'; },
    'a key of white space only (U+0085)': (d) => { d.configurations[0].standardConfiguration[0].key = '\u0085'; },
    'a field set to undefined': (d) => { d.key = undefined; },
    'an array with its own toJSON': (d) => { d.configurations = Object.assign(d.configurations, { toJSON: () => [] }); },
    'a Date as a value': (d) => { d.configurations[0].standardConfiguration[0].value = new Date(0); },
    'a class instance as the connector': (d) => { d.connector = Object.assign(new Draft(), d.connector); },
    'a hole in an array': (d) => { d.configurations[0].securedConfiguration = [, { key: 'S', value: 's' }]; },
    'a schedule': (d) => { d.configurations[1].schedule = '0 0 * * *'; },
    'a retry policy': (d) => { d.configurations[0].retryPolicy = {}; },
    'a version of 2^53': (d) => { d.connector.version = 2 ** 53; },
    'staged as a sandbox': (d) => { d.connector.staged = true; d.type = 'sandbox'; },
    'preview without staged': (d) => { d.type = 'preview'; },
  };
  for (const [name, change] of Object.entries(cases)) {
    const draft = clean();
    change(draft);
    assert.equal(isCleanDraftObject(draft), false, name);
    assert.deepEqual(withoutPositions(validateDeploymentDraft(draft)), withoutPositions(validateDeploymentDraft(JSON.stringify(draft))), name);
  }
});
