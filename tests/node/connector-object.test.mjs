// A ConnectorStagedDraft given as a JS object is first looked at by a JS filter
// (isCleanConnectorObject in src/bindings.js, written from the Rust tables) that answers only
// "certainly clean"; everything else crosses into Rust. This test checks the filter against
// Rust (tests/node/object-filter.mjs says how), with values at the edges of each rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateConnectorStagedDraft } from 'connect-preflight';
import { everyPositionEveryValue, filters, ODD_VALUES, objectMatchesText, withoutPositions } from './object-filter.mjs';

const isCleanConnectorObject = filters.cleanObjectFilter('validateConnectorStagedDraft');

const templates = () => [
  {
    key: 'my-connector', name: 'My connector', description: 'Payments', integrationTypes: ['psp', 'other'],
    creator: { name: 'Jane', title: 'CTO', email: 'jane@example.com', company: 'Example', logoUrl: 'https://example.com/l.png', noOfContributors: 3, supportUrl: 'http://example.com/s' },
    repository: { url: 'git@github.com:example/my-connector.git', tag: 'v1.2.0' },
    supportedRegions: ['europe-west1.gcp', 'us-east-2.aws'], privateProjects: ['europe-west1.gcp:shop-prod', 'us-east-2.aws:shop_2'],
    documentationUrl: 'https://example.com/docs',
  },
  { name: 'x', creator: { email: 'a@b.c' }, repository: { url: 'git@github.com://o/r.git', tag: 'A' } },
];

// Each rule's edges: emails, URLs, repository URLs, tags, regions, integration types, projects.
const VALUES = [
  ...ODD_VALUES,
  () => 'jane@example.com', () => 'jane@example', () => '@example.com', () => 'jane@.com', () => 'jane@example.', () => 'a@b@c.d', () => 'j ane@e.com',
  () => 'jäne@example.com', () => 'jane@exa\u00a0mple.com',
  () => 'https://example.com', () => 'http://e', () => 'https://', () => 'https:///x', () => 'https://?q', () => 'https://#f', () => 'ftp://e.com',
  () => 'https://e.com/a b', () => 'https://e.com/\u00e9', () => 'HTTPS://e.com',
  () => 'git@github.com:o/r.git', () => 'git@github.com://o/r.git', () => 'git@github.com://.git', () => 'git@github.com:.git', () => 'git@github.com:/r.git',
  () => 'https://github.com/o/r.git', () => 'git@gitlab.com:o/r.git', () => 'git@github.com:o/r', () => 'git@github.com:o/r!.git', () => 'git@github.com:o~/r@1.git',
  () => 'v1', () => '1.0.0', () => '-v1', () => '.v1', () => 'v1..2', () => 'v1//2', () => 'v1.', () => 'v1/', () => 'v1.lock', () => 'v1@{2}', () => 'v_1@a/b-c', () => 'x'.repeat(255),
  () => ['psp'], () => ['psp', 'psp'], () => ['payments'], () => ['europe-west1.gcp'], () => ['europe-west1.gcp', 'europe-west1.gcp'], () => ['eu'],
  () => ['europe-west1.gcp:ab'], () => ['europe-west1.gcp:a'], () => ['europe-west1:ab'], () => ['europe-west1.gcp:ab', 'europe-west1.gcp:ab'],
  () => ['us-east-2.aws:' + 'k'.repeat(36)], () => ['us-east-2.aws:' + 'k'.repeat(37)], () => ['us-east-2.aws:a.b'], () => ['us-east-2.aws:ab:cd'], () => ['eu.gcp:ab'],
  () => Array.from({ length: 70 }, (_, i) => `us-east-2.aws:p${i}`), () => [, 'psp'],
  () => 3, () => 3.0, () => 0.5,
  () => ({ email: 'jane@example.com' }), () => ({ url: 'git@github.com:o/r.git', tag: 'v1' }),
];
const FIELDS = ['key', 'name', 'description', 'integrationTypes', 'creator', 'repository', 'supportedRegions', 'privateProjects',
  'documentationUrl', 'email', 'title', 'company', 'logoUrl', 'noOfContributors', 'supportUrl', 'url', 'tag', 'id', 'version',
  'status', 'configurations', 'toJSON', '__proto__', 'extra', 'nmae'];

test('a connector draft object gets the same report as its JSON text, and the filter calls clean only clean drafts', () => {
  const { cases, calledClean } = objectMatchesText({
    validate: validateConnectorStagedDraft, filter: isCleanConnectorObject, templates, values: VALUES, fields: FIELDS, count: 12000, seed: 20261207,
  });
  console.log(`ConnectorStagedDraft objects: ${cases} cases, ${calledClean} called clean`);
  assert.ok(cases > 10000, `${cases} cases`);
  assert.ok(calledClean > cases / 5 && calledClean < cases * 0.8, `${calledClean} of ${cases} called clean`);
});

test('every member of a connector draft set to every edge value: the same report as text', () => {
  const { cases, calledClean } = everyPositionEveryValue({
    validate: validateConnectorStagedDraft, filter: isCleanConnectorObject, templates, values: VALUES, fields: FIELDS,
  });
  console.log(`ConnectorStagedDraft, every position × every value: ${cases} cases, ${calledClean} called clean`);
  assert.ok(cases > 15000 && calledClean > 500, `${calledClean} of ${cases}`);
});

test('the connector filter leaves warnings and what it does not check to Rust', () => {
  const clean = () => templates()[0];
  assert.equal(isCleanConnectorObject(clean()), true);
  assert.equal(isCleanConnectorObject(Object.assign(Object.create(null), clean())), true);
  const cases = {
    'an HTTPS repository URL (a warning)': (d) => { d.repository.url = 'https://github.com/o/r.git'; },
    'a host other than github.com (a warning)': (d) => { d.repository.url = 'git@gitlab.com:o/r.git'; },
    'a logo URL that is no URL (a warning)': (d) => { d.creator.logoUrl = 'logo.png'; },
    'a project outside the Connect regions (a warning)': (d) => { d.privateProjects = ['eu.gcp:shop']; },
    'a field of the ConnectorStaged (a warning)': (d) => { d.status = 'Draft'; },
    'a count of 3.5': (d) => { d.creator.noOfContributors = 3.5; },
    'a duplicate region': (d) => { d.supportedRegions = ['us-east-2.aws', 'us-east-2.aws']; },
    'a lone surrogate in the description': (d) => { d.description = 'x\ud800'; },
    'a Unicode space in the email': (d) => { d.creator.email = 'jane@exa\u2003mple.com'; },
    'a name of white space only': (d) => { d.name = '\u0085'; },
    'a tag ending in .lock': (d) => { d.repository.tag = 'v1.lock'; },
  };
  for (const [name, change] of Object.entries(cases)) {
    const draft = clean();
    change(draft);
    assert.equal(isCleanConnectorObject(draft), false, name);
    assert.deepEqual(withoutPositions(validateConnectorStagedDraft(draft)), withoutPositions(validateConnectorStagedDraft(JSON.stringify(draft))), name);
  }
});
