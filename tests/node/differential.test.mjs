// Differential test against the official connect.yaml validator
// (@commercetools-connect/specification: yaml@2 + its zod schema): on every corpus file and
// on seeded mutations of them, our verdict (valid or not) equals the official one, except
// for the deliberate differences of docs/decisions.md, which are recognised and counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import YAML from 'yaml';
import { validateConnectYaml } from 'connect-preflight';
import { mulberry32 } from './seeded.mjs';
import { deliberate, officialVerdict } from './official.mjs';

const corpus = new URL('../../../shared/corpus/connect-yaml/', import.meta.url);
async function officialValid(text) {
  return (await officialVerdict(text)).valid;
}

const SCALARS = [8080, true, false, null, '', '   ', 'a', 'ok-value', '/a b', '/a//b', '/nested/path', '0 0 * * MON', 'hello * * * * * world',
  '@every 1h30m', '*/5 * * * *', 'PORT', 'k_service', 'MY-KEY', 'merchant-center-custom-view', 'mc-app', 'assets', 'event', 'job', 'unknown', 0, 21, 600, 5, [], {}];
const EXTRA_FIELDS = [
  ['endpoint', '/x'], ['properties', { schedule: '@daily' }], ['retryPolicy', { strategy: 'immediate' }],
  ['retryPolicy', { strategy: 'exponential-backoff', minBackoffSeconds: 9, maxBackoffSeconds: 3 }], ['healthCheck', { path: '/h', timeoutSeconds: 30 }],
  ['configuration', { securedConfiguration: [{ key: 'SEC', description: 'd', default: 'x' }] }], ['scripts', { preDeploy: 'x' }],
  ['configuration', { standardConfiguration: [{ key: 'CLOUD_IDENTIFIER', description: 'd', default: 'gcp-eu' }, { key: 'CUSTOM_VIEW_ID', description: 'd', required: true }] }],
  ['appPath', '/x'], ['endpoints', '/x'],
];

/** Every [parent, key] in a JSON value. */
function slots(value, out = []) {
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      out.push([value, key]);
      slots(value[key], out);
    }
  }
  return out;
}

function mutate(doc, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const all = slots(doc);
  const apps = Array.isArray(doc.deployAs) ? doc.deployAs.filter((a) => a && typeof a === 'object') : [];
  switch (Math.floor(random() * 6)) {
    case 0: { // delete something
      if (!all.length) break;
      const [parent, key] = pick(all);
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      break;
    }
    case 1: { // rename a key, as a typo would
      const members = all.filter(([p]) => !Array.isArray(p));
      if (!members.length) break;
      const [parent, key] = pick(members);
      const typo = pick([`${key}s`, key.toLowerCase(), key.slice(0, -1), `${key[1] ?? ''}${key[0]}${key.slice(2)}`]);
      if (typo && !(typo in parent)) {
        parent[typo] = parent[key];
        delete parent[key];
      }
      break;
    }
    case 2: { // another value
      if (!all.length) break;
      const [parent, key] = pick(all);
      parent[key] = structuredClone(pick(SCALARS));
      break;
    }
    case 3: // another application type
      if (apps.length) pick(apps).applicationType = pick(['service', 'event', 'job', 'assets', 'merchant-center-custom-application', 'merchant-center-custom-view', 'mc-app']);
      break;
    case 4: // a duplicate application, or a duplicate configuration entry
      if (apps.length && random() < 0.5) doc.deployAs.push(structuredClone(pick(apps)));
      else {
        const lists = all.filter(([p, k]) => /Configuration$/.test(k) && Array.isArray(p[k]) && p[k].length);
        if (lists.length) {
          const [p, k] = pick(lists);
          p[k].push(structuredClone(p[k][0]));
        }
      }
      break;
    default: { // a field some other type has
      if (apps.length) {
        const [field, value] = pick(EXTRA_FIELDS);
        pick(apps)[field] = structuredClone(value);
      }
    }
  }
}

const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.yaml')).sort() : [];

// A missing corpus fails (a green run must have compared it), it is not skipped.
test('the corpus: our verdicts equal the official validator\'s', async () => {
  assert.equal(files.length, 37, `the corpus is not at ${corpus.pathname}: clone ../shared beside the project`);
  for (const file of files) {
    const text = readFileSync(new URL(file, corpus), 'utf8');
    const ours = validateConnectYaml(text);
    assert.equal(ours.valid, await officialValid(text), `${file}: ${JSON.stringify(ours.errors.map((e) => e.code))}`);
  }
});

test('mutations of the corpus: verdicts agree except the documented differences', async () => {
  assert.equal(files.length, 37, 'the corpus is missing');
  const random = mulberry32(20261122);
  const tally = { compared: 0, agree: 0, deliberate: {}, invalid: 0 };
  const disagreements = [];
  for (const file of files) {
    const original = YAML.parse(readFileSync(new URL(file, corpus), 'utf8'));
    for (let n = 0; n < 25; n++) {
      const doc = structuredClone(original);
      const times = 1 + Math.floor(random() * 2);
      for (let m = 0; m < times; m++) mutate(doc, random);
      const text = YAML.stringify(doc);
      const ours = validateConnectYaml(text);
      const theirs = await officialValid(text);
      tally.compared++;
      if (!ours.valid) tally.invalid++;
      if (ours.valid === theirs) {
        tally.agree++;
        continue;
      }
      const why = !theirs ? null : deliberate(ours);
      if (why) tally.deliberate[why] = (tally.deliberate[why] ?? 0) + 1;
      else disagreements.push(`${file} #${n}: ours ${ours.valid ? 'valid' : JSON.stringify(ours.errors.map((e) => `${e.code} ${e.path}`))}, official ${theirs ? 'valid' : 'invalid'}\n${text}`);
    }
  }
  console.log(`differential: ${JSON.stringify(tally)}`);
  assert.ok(tally.invalid > tally.compared / 4, 'the mutations should make many files invalid');
  assert.deepEqual(disagreements.slice(0, 3), []);
});
