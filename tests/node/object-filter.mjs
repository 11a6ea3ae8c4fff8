// The property test of a JS object filter (src/bindings.js: isCleanDraftObject,
// isCleanConnectorObject), shared by the tests of each payload: seeded random edits of clean
// payloads with odd JS values; the report for the object must equal the report for its JSON
// text (positions aside), and whatever the filter calls clean must have an empty report from
// the text path, which never uses the filter.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { mulberry32 } from './seeded.mjs';

// The filters themselves, the very module instance the package's wasm imports.
const snippets = new URL('../../node_modules/connect-preflight/nodejs/snippets/', import.meta.url);
const crate = readdirSync(snippets).find((d) => d.startsWith('connect-preflight'));
export const filters = await import(new URL(`${crate}/src/bindings.js`, snippets));

class Odd {}
const arrayWithToJSON = () => Object.assign([], { toJSON: () => [] });
/** Values that JSON treats differently from how they look, or that sit at a rule's edge;
 * each payload's test adds its own. */
export const ODD_VALUES = [
  () => '', () => ' ', () => '\u0085', () => '\u00a0x', () => 'a', () => 'ab', () => 'a b', () => 'x'.repeat(257), () => 'x'.repeat(256),
  () => 'lone \ud800', () => '\udc00', () => 'ÄÖ', () => 'K', () => 'tab\tin', () => 'quote"in', () => 'new\nline',
  () => 0, () => 1, () => 2, () => 1.5, () => -0, () => 2 ** 53, () => 1e300, () => NaN, () => Infinity, () => -1,
  () => true, () => false, () => null, () => undefined, () => [], () => ({}), () => Object.create(null),
  () => new Date(0), () => new String('ab'), () => ({ toJSON: () => 'ab' }), () => new Odd(), () => [, 'a'],
  arrayWithToJSON,
];
export { Odd };

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

function edit(root, random, VALUES, FIELDS) {
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
export const withoutPositions = (report) => {
  const strip = (issues) => issues.map(({ line, column, ...rest }) =>
    rest.code === 'InvalidJsonInput' ? { code: rest.code, path: rest.path } : rest);
  return { valid: report.valid, errors: strip(report.errors), warnings: strip(report.warnings) };
};


// The JSON text of `payload`; when JSON.stringify throws (a BigInt, a cycle), the report of the
// object must say so and no filter may call it clean (then undefined).
let filterOfRun = null;
let validateOfRun = null;
function unlessThrows(payload) {
  try {
    return JSON.stringify(payload);
  } catch {
    assert.equal(filterOfRun(payload), false);
    assert.equal(validateOfRun(payload).errors[0].code, 'InvalidJsonInput');
    return undefined;
  }
}

/**
 * Runs `count` seeded cases: each a template (from `templates()`, fresh each time) with one to
 * three edits (every 7th left clean). Returns how many cases ran and how many the filter
 * called clean, for the caller to assert that both sides were reached.
 */
export function objectMatchesText({ validate, filter, templates, values, fields, count, seed }) {
  [filterOfRun, validateOfRun] = [filter, validate];
  validate({}); // the package configures the filters on its first use
  const random = mulberry32(seed);
  let cases = 0;
  let calledClean = 0;
  for (let i = 0; i < count; i++) {
    const templateList = templates();
    let payload = templateList[i % templateList.length];
    const r = random();
    const edits = r < 0.6 ? 1 : r < 0.85 ? 2 : 3; // mostly one: a rule's edge alone
    for (let e = 0; e < edits && i % 7 !== 0; e++) payload = edit(payload, random, values, fields); // every 7th stays clean
    const text = unlessThrows(payload);
    // A string is JSON text to the API, not a value; undefined has no JSON text.
    if (typeof payload === 'string' || typeof text !== 'string') continue;
    cases++;
    const fromText = validate(text);
    assert.deepEqual(withoutPositions(validate(payload)), withoutPositions(fromText), text);
    if (filter(payload)) {
      calledClean++;
      assert.deepEqual(fromText, { valid: true, errors: [], warnings: [] }, `called clean: ${text}`);
    }
  }
  return { cases, calledClean };
}

/**
 * Every position × every value: each member of each template (and a new member of each
 * object, named by `fields`) set to each of `values`, alone. Returns the counts as
 * `objectMatchesText` does.
 */
export function everyPositionEveryValue({ validate, filter, templates, values, fields }) {
  [filterOfRun, validateOfRun] = [filter, validate];
  let cases = 0;
  let calledClean = 0;
  const check = (payload) => {
    const text = unlessThrows(payload);
    if (typeof text !== 'string') return;
    cases++;
    const fromText = validate(text);
    assert.deepEqual(withoutPositions(validate(payload)), withoutPositions(fromText), text);
    if (filter(payload)) {
      calledClean++;
      assert.deepEqual(fromText, { valid: true, errors: [], warnings: [] }, `called clean: ${text}`);
    }
  };
  templates().forEach((template, t) => {
    containers(template).forEach((_, c) => {
      const keys = Object.keys(containers(templates()[t])[c]);
      for (const key of [...keys, ...fields]) {
        for (const value of values) {
          const payload = templates()[t];
          const target = containers(payload)[c];
          if (Array.isArray(target) && !keys.includes(key)) continue;
          try {
            Object.defineProperty(target, key, { value: value(), enumerable: true, configurable: true, writable: true });
          } catch {
            continue;
          }
          check(payload);
        }
      }
    });
  });
  return { cases, calledClean };
}
