// A DeploymentDraft given as a JS object is first looked at by a JS filter (src/bindings.js)
// that answers only "certainly clean"; everything else crosses into Rust. This test checks the
// filter against Rust (tests/node/object-filter.mjs says how).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateDeploymentDraft } from 'connect-preflight';
import { everyPositionEveryValue, filters, ODD_VALUES, Odd, objectMatchesText, withoutPositions } from './object-filter.mjs';

const { isCleanDraftObject } = filters;

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

const VALUES = [
  ...ODD_VALUES,
  () => 'europe-west1.gcp', () => 'europe-west1', () => 'preview', () => 'sandbox', () => 'production', () => '0 0 * * *',
  () => [, { key: 'A', value: 'a' }], () => [{ key: 'A', value: 'a' }, { key: 'A', value: 'b' }], () => ({ key: 'A', value: 'a' }),
  () => ({ applicationName: 'app', standardConfiguration: [], securedConfiguration: [] }),
  () => ({ applicationName: 'app', standardConfiguration: [], securedConfiguration: [], schedule: '*/5 * * * *' }),
];
const FIELDS = ['key', 'value', 'id', 'version', 'staged', 'type', 'region', 'connector', 'configurations', 'globalConfiguration',
  'applicationName', 'standardConfiguration', 'securedConfiguration', 'schedule', 'retryPolicy', 'toJSON', '__proto__', 'extra'];

test('a draft object gets the same report as its JSON text, and the filter calls clean only clean drafts', () => {
  const { cases, calledClean } = objectMatchesText({
    validate: validateDeploymentDraft, filter: isCleanDraftObject, templates, values: VALUES, fields: FIELDS, count: 12000, seed: 20261123,
  });
  console.log(`DeploymentDraft objects: ${cases} cases, ${calledClean} called clean`);
  // The property is not vacuous: many drafts take the filter's way, many do not.
  assert.ok(cases > 10000, `${cases} cases`);
  assert.ok(calledClean > cases / 5 && calledClean < cases * 0.8, `${calledClean} of ${cases} called clean`);
});

test('every member of a draft set to every edge value: the same report as text', () => {
  const { cases, calledClean } = everyPositionEveryValue({
    validate: validateDeploymentDraft, filter: isCleanDraftObject, templates, values: VALUES, fields: FIELDS,
  });
  console.log(`DeploymentDraft, every position × every value: ${cases} cases, ${calledClean} called clean`);
  assert.ok(cases > 10000 && calledClean > 100, `${calledClean} of ${cases}`);
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
    'a class instance as the connector': (d) => { d.connector = Object.assign(new Odd(), d.connector); },
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
