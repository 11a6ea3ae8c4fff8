// Contract points of API.md §2 found broken from outside (issue 11), on both builds: the report
// given to toErrorResponse as JSON text; a lone surrogate judged alike on every path (a JS
// object, its JSON text, its JSON.stringify; as context, as source, as an argument of the
// connector functions), never an exception and never an unreadable input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadBuilds } from './pkgdir.mjs';

const builds = await loadBuilds();
const defs = JSON.parse(readFileSync(new URL('../fixtures/defs/connectors.json', import.meta.url), 'utf8'));
const summary = (report) => [...report.errors, ...report.warnings].map((i) => `${i.code} ${i.path}`).sort();

test('toErrorResponse takes a report as JSON text; statusCode is the API status', () => {
  for (const { name, api } of builds) {
    const report = api.validateDeploymentDraft('{}');
    assert.deepEqual(api.toErrorResponse(JSON.stringify(report)), api.toErrorResponse(report), name);
    // A report saved to a file with a byte-order mark is still its JSON text (as for payloads).
    assert.deepEqual(api.toErrorResponse(`\uFEFF${JSON.stringify(report)}`), api.toErrorResponse(report), name);
    assert.equal(api.toErrorResponse(JSON.stringify({ valid: true, errors: [], warnings: [] })), null);
    const conflict = api.validateDeploymentUpdate({ version: 1, actions: [{ action: 'redeploy' }] }, { deployment: { ...defs.shopDeployment, version: 3 } });
    assert.equal(conflict.errors[0]?.code, 'ConcurrentModification');
    assert.equal(api.toErrorResponse(JSON.stringify(conflict)).statusCode, 409);
    assert.throws(() => api.toErrorResponse('{"errors": 5}'), /errors/);
    assert.throws(() => api.toErrorResponse('not json'), /expects a Report/);
  }
});

// Where a lone surrogate can stand in a draft: a known key's value, an unknown key, a key of an
// entry, an application name, high or low, alone or beside a pair.
const LONE = ['\ud800', '\udfff', 'a\ud83d', '\ude00b', '\ud83d\ude00\ud800'];
function drafts() {
  const out = [];
  for (const s of LONE) {
    out.push(['unknown top-level key', { ...defs.validDraft, [`x${s}`]: 1 }]);
    out.push(['value of key', { ...defs.validDraft, key: `k${s}` }]);
    out.push(['region', { ...defs.validDraft, region: `europe-west1.gcp${s}` }]);
    const d = structuredClone(defs.validDraft);
    d.configurations = [{ applicationName: `app${s}`, standardConfiguration: [{ key: `K${s}`, value: `v${s}` }], securedConfiguration: [] }];
    out.push(['configuration entry', d]);
  }
  return out;
}

test('a lone surrogate: an object, its JSON text and JSON.stringify are judged alike', () => {
  let compared = 0;
  let unknownField = 0;
  for (const { name, api } of builds) {
    for (const [where, draft] of drafts()) {
      const fromObject = api.validateDeploymentDraft(draft);
      const fromText = api.validateDeploymentDraft(JSON.stringify(draft));
      assert.ok(!fromObject.errors.some((e) => e.code === 'InvalidJsonInput'), `${name} ${where}: ${JSON.stringify(fromObject.errors)}`);
      assert.deepEqual(summary(fromObject), summary(fromText), `${name} ${where}`);
      if (where === 'unknown top-level key') {
        assert.ok(fromObject.warnings.some((w) => w.code === 'UnknownField'), `${name} ${where}`);
        unknownField++;
      }
      compared++;
    }
  }
  console.log(`lone surrogates: ${compared} drafts compared, ${unknownField} unknown keys reported as UnknownField`);
  assert.equal(unknownField, LONE.length * builds.length);
});

test('a lone surrogate in a context, a source or a connector argument: answered, never thrown', () => {
  let calls = 0;
  for (const { name, api } of builds) {
    for (const s of LONE) {
      const yaml = defs.shopYaml.replace('description: log level', `description: log level ${s}`);
      const viaContext = api.validateDeploymentDraft(defs.validDraft, { connectYaml: yaml });
      const viaText = api.validateConnectYaml(yaml);
      assert.equal(viaText.valid, true, `${name}: ${JSON.stringify(viaText.errors)}`);
      assert.ok(!viaContext.errors.some((e) => e.source), `${name}: ${JSON.stringify(viaContext.errors)}`);
      const built = api.buildDeploymentDraft({ connector: { key: 'c' }, region: 'europe-west1.gcp', values: { service: { CTP_REGION: 'x', CTP_CLIENT_SECRET: 'y' } }, globalValues: { PROJECT_KEY: 'p', SHARED_SECRET: 's' } }, yaml);
      assert.ok(built.draft, `${name}: ${JSON.stringify(built.report.errors)}`);
      const staged = { ...defs.shopStaged, name: `n${s}`, private: true, privateProjects: [`europe-west1.gcp:p${s}`] };
      const applied = api.applyConnectorUpdate(staged, { version: staged.version, actions: [{ action: 'setName', name: `m${s}` }] });
      assert.ok(applied.connectorStaged, `${name}: ${JSON.stringify(applied.report.errors)}`);
      assert.equal(applied.connectorStaged.name, `m${s}`.toWellFormed());
      const actions = api.buildConnectorUpdateActions(staged, { ...staged, name: `o${s}` });
      assert.equal(actions[0]?.action, 'setName');
      calls += 5;
    }
  }
  console.log(`lone surrogates in contexts, sources and connector arguments: ${calls} calls answered`);
});
