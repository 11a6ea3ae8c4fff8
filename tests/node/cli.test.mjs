// The command-line tool of the package, `validate <kind>`: output lines, exit codes 0 / 1 / 2,
// --format json, context files. `check`, the formats and discovery: cli-check.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = 'pkg/bin/connect-preflight.cjs';

function run(...args) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

test('a valid draft: exit 0', () => {
  const r = run('validate', 'deployment-draft', 'examples/deployment-draft.valid.json');
  assert.equal(r.status, 0, r.err);
  assert.match(r.out, /^examples\/deployment-draft\.valid\.json: valid \(0 errors, 0 warnings\)$/m);
});

test('an invalid draft: one file:line:column line per issue, exit 1', () => {
  const r = run('validate', 'deployment-draft', 'examples/deployment-draft.invalid.json');
  assert.equal(r.status, 1, r.err);
  const file = 'examples/deployment-draft.invalid.json';
  assert.ok(r.out.includes(`${file}:2:10 error InvalidField `), r.out);
  assert.ok(r.out.includes(`${file}:1:1 error RequiredField Field 'region' is required. (at /region)`), r.out);
  assert.ok(r.out.includes(`${file}:4:13 warning UnknownField Unknown field 'regoin'. Did you mean 'region'?`), r.out);
  assert.match(r.out, /: invalid \(8 errors, 1 warning\)$/m);
});

test('several files: exit 1 when any is invalid', () => {
  const r = run('validate', 'deployment-draft', 'examples/deployment-draft.valid.json', 'examples/deployment-draft.invalid.json');
  assert.equal(r.status, 1);
  assert.match(r.out, /valid\.json: valid/);
});

test('--format json prints the reports', () => {
  const r = run('validate', 'deployment-draft', '--format', 'json', 'examples/deployment-draft.invalid.json');
  assert.equal(r.status, 1);
  const { files: [result], summary } = JSON.parse(r.out);
  assert.equal(result.file, 'examples/deployment-draft.invalid.json');
  assert.equal(result.status, 'invalid');
  assert.equal(result.errors.length, 8);
  assert.equal(summary.errors, 8);
});

test('misuse: exit 2 with the usage', () => {
  for (const args of [[], ['bogus'], ['validate'], ['schema'], ['schema', 'deployment-draft'], ['check', '--format', 'xml'], ['check', '--max-warnings', 'x'], ['check', '--kind', 'nope'], ['validate', 'nothing', 'x.json'], ['validate', 'deployment-draft'],
    ['validate', 'deployment-draft', '--bogus', 'x'], ['--format', 'xml']]) {
    const r = run(...args);
    assert.equal(r.status, 2, `${args.join(' ')} → ${r.status}`);
    assert.match(r.err, /usage: connect-preflight check/);
  }
  assert.equal(run('--help').status, 0);
  assert.match(run('--version').out, /^\d+\.\d+\.\d+\n$/);
});

test('a file that cannot be read is that file\'s problem: the others are checked, exit 2, no usage', () => {
  const r = run('validate', 'deployment-draft', 'no/such/file.json', 'examples/deployment-draft.valid.json');
  assert.equal(r.status, 2, r.out + r.err);
  assert.doesNotMatch(r.err, /usage:/);
  assert.match(r.out, /^no\/such\/file\.json: not checked: cannot read no\/such\/file\.json: no such file \(ENOENT\)$/m);
  assert.match(r.out, /^examples\/deployment-draft\.valid\.json: valid/m);
  const json = JSON.parse(run('validate', 'deployment-draft', '--format', 'json', 'no/such/file.json', 'examples/deployment-draft.valid.json').out);
  assert.deepEqual(json.files.map((r) => [r.file, r.status, 'problem' in r]), [['no/such/file.json', 'unchecked', true], ['examples/deployment-draft.valid.json', 'valid', false]]);
});

test('an endless file (/dev/zero) is read only up to the input budget, then refused', () => {
  const r = spawnSync(process.execPath, [bin, 'validate', 'connect-yaml', '/dev/zero', 'examples/connect-yaml/valid'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.error, undefined, 'it finished');
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /\/dev\/zero:1:1 error InvalidYaml .*the limit is 5242880 bytes/);
  assert.match(r.stdout, /valid\/connect\.yaml: valid/);
});

test('a context file that is not JSON: the file is named, no byte of it printed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cp-cli-'));
  const context = join(dir, 'deployment.json');
  writeFileSync(context, '{"id": "d1", "value": S3CRET-in-context}');
  const r = run('validate', 'deployment-update', '--deployment', context, 'examples/deployment-draft.valid.json');
  assert.equal(r.status, 2);
  assert.match(r.out, /deployment-draft\.valid\.json: not checked: not checked: .*deployment\.json is not valid JSON/);
  assert.ok(!(r.out + r.err).includes('S3CRET'), r.out + r.err);
});

test('connect-yaml: a directory means DIR/connect.yaml; issues with line and column', () => {
  const ok = run('validate', 'connect-yaml', 'examples/connect-yaml/valid');
  assert.equal(ok.status, 0, ok.out + ok.err);
  assert.match(ok.out, /^examples\/connect-yaml\/valid\/connect\.yaml: valid/m);
  const bad = run('validate', 'connect-yaml', 'examples/connect-yaml/invalid/connect.yaml');
  assert.equal(bad.status, 1);
  assert.ok(bad.out.includes("examples/connect-yaml/invalid/connect.yaml:5:5 error UnknownField Unknown field 'endpoints'. Did you mean 'endpoint'?"), bad.out);
  assert.ok(bad.out.includes('connect.yaml:18:5 error NotAllowedForApplicationType'), bad.out);
  const json = JSON.parse(run('validate', 'connect-yaml', '--format=json', 'examples/connect-yaml/invalid').out);
  assert.equal(json.files[0].file, 'examples/connect-yaml/invalid/connect.yaml');
  assert.equal(json.files[0].errors.length, 5);
  assert.equal(run('validate', 'connect-yaml', 'examples').status, 2, 'a directory without connect.yaml is misuse');
});

test('deployment kinds with --connector (connect.yaml, a directory, or Connector JSON), --deployment, --project-key', () => {
  const ok = run('validate', 'deployment-draft', 'examples/deployment-draft.valid.json', '--connector', 'examples/connect-yaml/valid');
  assert.equal(ok.status, 0, ok.out + ok.err);
  const bad = run('validate', 'deployment-draft', 'examples/deployment-draft.mismatch.json', '--connector=examples/connect-yaml/valid/connect.yaml');
  assert.equal(bad.status, 1, bad.out + bad.err);
  assert.match(bad.out, /mismatch\.json:8:\d+ error DeploymentEmptyRequiredApplicationConfigurationKey/);
  assert.match(bad.out, /mismatch\.json:9:\d+ error DeploymentUnknownApplicationConfigurationKey .*PSP_API_KEY is declared as secret: put it in securedConfiguration/);
  assert.match(bad.out, /DeploymentUnknownApplicationConfiguration .*Did you mean 'enabler'\?/);
  assert.ok(!bad.out.includes('do-not-print-me'), 'a secured value leaked');
  assert.equal(run('validate', 'deployment-draft', 'examples/deployment-draft.mismatch.json').status, 0, 'valid on its own');

  const dir = mkdtempSync(join(tmpdir(), 'cp-cli-'));
  const defs = JSON.parse(readFileSync('tests/fixtures/defs/connectors.json', 'utf8'));
  writeFileSync(join(dir, 'connector.json'), JSON.stringify(defs.regionalConnector));
  writeFileSync(join(dir, 'deployment.json'), JSON.stringify({ ...defs.shopDeployment, status: 'Deploying' }));
  writeFileSync(join(dir, 'draft.json'), JSON.stringify({ ...defs.validDraft, region: 'us-east-2.aws' }));
  writeFileSync(join(dir, 'update.json'), JSON.stringify({ version: 4, actions: [{ action: 'redeploy' }] }));
  const region = run('validate', 'deployment-draft', join(dir, 'draft.json'), '--connector', join(dir, 'connector.json'));
  assert.equal(region.status, 1);
  assert.match(region.out, /DeploymentUnsupportedRegion/);
  const update = run('validate', 'deployment-update', join(dir, 'update.json'), '--deployment', join(dir, 'deployment.json'));
  assert.equal(update.status, 1);
  assert.match(update.out, /DeploymentInvalidStatusTransition Invalid status change: Already deploying/);
  assert.equal(run('validate', 'deployment-draft', join(dir, 'draft.json'), '--connector', join(dir, 'nope.json')).status, 2);
  assert.equal(run('validate', 'deployment-update', join(dir, 'update.json'), '--deployment', join(dir, 'update.json'), '--project-key').status, 2);
  assert.equal(run('validate', 'connect-yaml', 'examples/connect-yaml/valid', '--connector', 'x').status, 2);
});

test('connector-draft and connector-update (with --connector-staged)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cp-cli-'));
  const defs = JSON.parse(readFileSync('tests/fixtures/defs/connectors.json', 'utf8'));
  writeFileSync(join(dir, 'draft.json'), JSON.stringify({ name: 'n', creator: { email: 'jane' }, repository: { url: 'git@github.com:e/r.git', tag: 'v1' } }, null, 2));
  writeFileSync(join(dir, 'staged.json'), JSON.stringify(defs.pendingPrivateStaged));
  writeFileSync(join(dir, 'update.json'), JSON.stringify({ version: 7, actions: [{ action: 'updatePreviewable' }, { action: 'setCreatorLogo', creatorLogoUrl: 'https://e.com/l.png' }] }, null, 2));
  const draft = run('validate', 'connector-draft', join(dir, 'draft.json'));
  assert.equal(draft.status, 1);
  assert.match(draft.out, /draft\.json:4:\d+ error InvalidField Field 'email' must be an email address/);
  const alone = run('validate', 'connector-update', join(dir, 'update.json'));
  assert.equal(alone.status, 0, alone.out);
  assert.match(alone.out, /warning UnknownField .*Did you mean 'logoUrl'\?/);
  const staged = run('validate', 'connector-update', join(dir, 'update.json'), '--connector-staged', join(dir, 'staged.json'));
  assert.equal(staged.status, 1);
  assert.match(staged.out, /ConnectorStagedPreviewRequestUnderProcess/);
  assert.equal(run('validate', 'connector-draft', join(dir, 'draft.json'), '--connector-staged', join(dir, 'staged.json')).status, 2);
});

test("a context file's own problems are printed against that file (API.md §6)", () => {
  const dir = mkdtempSync(join(tmpdir(), 'cp-cli-'));
  const defs = JSON.parse(readFileSync('tests/fixtures/defs/connectors.json', 'utf8'));
  writeFileSync(join(dir, 'connect.yaml'), defs.servceYaml);
  writeFileSync(join(dir, 'draft.json'), JSON.stringify(defs.validDraft));
  const r = run('validate', 'deployment-draft', join(dir, 'draft.json'), '--connector', dir);
  assert.equal(r.status, 1);
  const yamlFile = join(dir, 'connect.yaml');
  assert.ok(r.out.split('\n').some((l) => l.startsWith(`${yamlFile}:3:22 error InvalidField In the connector's connect.yaml:`)), r.out);
  assert.ok(!r.out.includes('DeploymentUnknownApplicationConfiguration'), r.out);
  const json = JSON.parse(run('validate', 'deployment-draft', join(dir, 'draft.json'), '--connector', dir, '--format', 'json').out);
  assert.equal(json.files[0].errors[0].source, 'connectYaml');
  assert.equal(json.files[0].errors[0].file, yamlFile, 'the issue names the file its line and column are in');
});

test('Tray kinds: connector.json (a directory means DIR/connector.json), a deploy request with --connector-json, a response', () => {
  const ok = run('validate', 'tray-connector', 'examples/tray/valid');
  assert.equal(ok.status, 0, ok.out + ok.err);
  assert.match(ok.out, /^examples\/tray\/valid\/connector\.json: valid/m);
  const bad = run('validate', 'tray-connector', 'examples/tray/invalid');
  assert.equal(bad.status, 1);
  assert.ok(bad.out.includes("examples/tray/invalid/connector.json:2:11 error InvalidField Field 'name' must be kebab-case"), bad.out);
  assert.ok(bad.out.includes("tray-cdk init would have named it 'acme-tmdb'"), bad.out);
  // The connector.json's own issues are printed against that file, with its positions.
  const request = run('validate', 'tray-deploy-request', 'examples/tray/deploy-request.json', '--connector-json', 'examples/tray/invalid');
  assert.equal(request.status, 1);
  assert.ok(request.out.includes('examples/tray/invalid/connector.json:3:14 error InvalidField Version'), request.out);
  const repeat = run('validate', 'tray-deployment-response', 'examples/tray/deployment-response.repeat.json');
  assert.equal(repeat.status, 0);
  assert.ok(repeat.out.includes('warning TrayRepeatDeployment This deployment was skipped'), repeat.out);
  // A kind refuses the options it does not take, and says which it takes.
  const refused = run('validate', 'tray-connector', 'examples/tray/valid', '--current', 'pending');
  assert.equal(refused.status, 2);
  assert.match(refused.err, /tray-connector does not take --current: it takes no context options/);
});

test('tracker kinds: a record, a status update with --current, a query (its search printed)', () => {
  assert.equal(run('validate', 'tracker-deployment', 'examples/tracker/deployment.valid.json').status, 0);
  const bad = run('validate', 'tracker-deployment', 'examples/tracker/deployment.invalid.json');
  assert.equal(bad.status, 1);
  assert.ok(bad.out.includes('examples/tracker/deployment.invalid.json:2:18 error InvalidField'), bad.out);
  const skip = run('validate', 'tracker-status-update', 'examples/tracker/status-update.json', '--current', 'pending');
  assert.equal(skip.status, 1);
  assert.ok(skip.out.includes('error InvalidStatusTransition The status cannot change from pending to succeeded'), skip.out);
  assert.equal(run('validate', 'tracker-status-update', 'examples/tracker/status-update.json', '--current', 'in_progress').status, 0);
  const dir = mkdtempSync(join(tmpdir(), 'cp-cli-'));
  const record = join(dir, 'current.json');
  writeFileSync(record, JSON.stringify({ id: 'd-1', status: 'done' }));
  const fromFile = run('validate', 'tracker-status-update', 'examples/tracker/status-update.json', '--current', record);
  assert.equal(fromFile.status, 1);
  // A record read from its file: the issue is printed against it (a value: no position).
  assert.ok(fromFile.out.includes(`${record} error InvalidField`), fromFile.out);
  const query = run('validate', 'tracker-query', 'examples/tracker/query.txt');
  assert.equal(query.status, 0, query.out);
  assert.ok(query.out.includes('examples/tracker/query.txt: search ?componentId=550e8400-e29b-41d4-a716-446655440001&skip=0&take=50'), query.out);
  const json = JSON.parse(run('validate', 'tracker-query', 'examples/tracker/query.txt', '--format', 'json').out);
  assert.equal(json.files[0].search, '?componentId=550e8400-e29b-41d4-a716-446655440001&skip=0&take=50');
  assert.equal(run('validate', 'tracker-query', 'examples/tracker/query.invalid.txt').status, 1);
});
