// Tray.io and tracker payloads given as JS objects are first looked at by JS filters
// (cleanObjectFilter in src/bindings.js, written from the Rust tables by src/report/table_fast.rs)
// that answer only "certainly clean"; everything else crosses into Rust. This test checks each
// filter against Rust (tests/node/object-filter.mjs says how): every member set to every edge
// value, and seeded random edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateTrayConnector, validateTrayDeployRequest, validateTrayDeploymentResponse, validateTrackerDeployment, validateTrackerStatusUpdate } from 'connect-preflight';
import { everyPositionEveryValue, filters, ODD_VALUES, objectMatchesText } from './object-filter.mjs';

// The filter of each payload, named by its API function.
const FUNCTION = {
  trayConnector: 'validateTrayConnector', trayDeployRequest: 'validateTrayDeployRequest', trayDeploymentResponse: 'validateTrayDeploymentResponse',
  trackerDeployment: 'validateTrackerDeployment', trackerStatusUpdate: 'validateTrackerStatusUpdate',
};
const filter = (kind) => filters.cleanObjectFilter(FUNCTION[kind]);

// Base64 of `size` bytes starting with `head`.
const zip = (size, head) => {
  const bytes = new Uint8Array(size);
  bytes.set(head);
  return Buffer.from(bytes).toString('base64');
};
const ZIP = zip(600, [0x50, 0x4b, 3, 4]);

const VALUES = [
  ...ODD_VALUES,
  () => '550e8400-e29b-41d4-a716-446655440001', () => '550E8400-E29B-41D4-A716-446655440001', () => '550e8400-e29b-41d4-a716-44665544000', () => '550e8400_e29b-41d4-a716-446655440001', () => '550e84_0-e29b-41d4-a716-446655440001', () => '550e8400-e29b-41d4-a716-44665544000g',
  () => 'a1b2c3d', () => 'a1b2c3', () => 'A1B2C3D4E5F6', () => 'a1b2c3g', () => 'a'.repeat(40), () => 'a'.repeat(41),
  () => 'acme-tmdb', () => 'Acme TMDB', () => 'acme--tmdb', () => '-acme', () => 'acme-', () => '[namespace]-tmdb', () => 'acme2-v3',
  () => '1.0', () => '1', () => '2.0', () => 'Deploying', () => 'Deployed', () => 'Failed', () => 'Building', () => 'deploying',
  () => 'pending', () => 'in_progress', () => 'succeeded', () => 'failed', () => 'rolled_back', () => 'done', () => '2026-12-01T10:00:00Z',
  () => ZIP, () => zip(600, [0x50, 0x4b, 5, 6]), () => zip(400, [0x50, 0x4b, 3, 4]), () => zip(512, [0x50, 0x4b, 3, 4]), () => zip(511, [0x50, 0x4b, 3, 4]),
  () => zip(600, [0x4d, 0x5a]), () => ZIP.replaceAll('A', '-'), () => `${ZIP}=`, () => `${ZIP.slice(0, 400)}\n${ZIP.slice(400)}`, () => ZIP.slice(0, -1),
  () => ({ a: [1, { b: null }] }), () => ({ a: 1n }), () => ({ a: undefined }), () => ({ d: new Date(0) }), () => ({ s: 'x\ud800' }), () => ({ n: NaN }),
  () => ['a', 'b'], () => ['a', 1],
];
const FIELDS = ['extra', 'name', 'version', 'status', 'id', 'toJSON', '__proto__'];

const payloads = {
  trayConnector: {
    validate: validateTrayConnector,
    templates: () => [{ name: 'acme-tmdb', version: '1.0', title: 'T', description: '', service: { name: 's', version: '1' }, tags: ['a'], isTrigger: false, rawHttp: { enabled: true } }, { name: 'a1', version: '1.0' }],
  },
  trayDeployRequest: { validate: (b) => validateTrayDeployRequest(b), templates: () => [{ connectorSourceCode: ZIP }] },
  trayDeploymentResponse: {
    validate: validateTrayDeploymentResponse,
    templates: () => [{ id: 'd1', deploymentStatus: 'Deployed', connectorName: 'acme-tmdb', connectorVersion: '1.0', repeatDeployment: false }],
  },
  trackerDeployment: {
    validate: validateTrackerDeployment,
    templates: () => [{
      componentId: '550e8400-e29b-41d4-a716-446655440001', environmentId: '550e8400-e29b-41d4-a716-446655440010', version: 'v1',
      deployedBy: 'ci', commitSha: 'a1b2c3d4', description: 'd', metadata: { url: 'https://ci.example.com', runs: [1, 2, { ok: true }] },
    }],
  },
  trackerStatusUpdate: { validate: (u) => validateTrackerStatusUpdate(u), templates: () => [{ status: 'succeeded' }] },
};

for (const [kind, { validate, templates }] of Object.entries(payloads)) {
  test(`${kind}: every member set to every edge value, and random edits: the same report as text`, () => {
    const every = everyPositionEveryValue({ validate, filter: filter(kind), templates, values: VALUES, fields: FIELDS });
    const random = objectMatchesText({ validate, filter: filter(kind), templates, values: VALUES, fields: FIELDS, count: 3000, seed: 20261207 });
    console.log(`${kind}: every position × every value ${every.cases} cases, ${every.calledClean} called clean; random edits ${random.cases} cases, ${random.calledClean} called clean`);
    assert.ok(every.calledClean >= 3 && every.calledClean < every.cases, `${every.calledClean} of ${every.cases}`);
    assert.ok(random.calledClean > random.cases / 10, `${random.calledClean} of ${random.cases}`);
  });
}

test('the filters are used: a clean object gives the clean report without crossing', () => {
  for (const [kind, { validate, templates }] of Object.entries(payloads)) {
    const payload = templates()[0];
    assert.equal(filter(kind)(payload), true, kind);
    assert.deepEqual(validate(payload), { valid: true, errors: [], warnings: [] }, kind);
  }
});
