// `connect-preflight check`: discovery, the formats (golden files), GitHub annotations and the
// step summary, SARIF, --max-warnings, --quiet, colour, files that cannot be read, --cross-check,
// issues sorted by place, and no value of a file ever printed (generated drafts full of secrets).
// UPDATE_GOLDEN=1 rewrites tests/node/golden/ from the current output (then read the diff).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import YAML from 'yaml';
import { mulberry32 } from './seeded.mjs';
import { mutate } from './mutations.mjs';

const require = createRequire(import.meta.url);
const api = require('connect-preflight');
const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'pkg/bin/connect-preflight.cjs');
const golden = new URL('golden/', import.meta.url);

function run(args, { cwd = root, env = {} } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
  return { status: r.status, out: r.stdout, err: r.stderr };
}
const tree = (files) => {
  const dir = mkdtempSync(join(tmpdir(), 'cp-check-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
};
const defs = JSON.parse(readFileSync(new URL('../fixtures/defs/connectors.json', import.meta.url), 'utf8'));

test('check finds connect.yaml, connector.json and JSON payloads by their fields; skips node_modules, .git and other JSON', () => {
  const dir = tree({
    'connect.yaml': defs.shopYaml,
    'node_modules/dep/connect.yaml': 'not: checked',
    '.git/connect.yaml': 'not: checked',
    'tray/connector.json': readFileSync(new URL('../../examples/tray/valid/connector.json', import.meta.url), 'utf8'),
    'deploy/draft.json': JSON.stringify(defs.validDraft),
    'deploy/redeploy.json': JSON.stringify({ version: 3, actions: [{ action: 'redeploy' }] }),
    'connector/update.json': JSON.stringify({ version: 3, actions: [{ action: 'setName', name: 'n' }] }),
    'tracker/record.json': readFileSync(new URL('../../examples/tracker/deployment.valid.json', import.meta.url), 'utf8'),
    'package.json': JSON.stringify({ name: 'x', version: '1.0.0' }),
    'tsconfig.json': '{ "compilerOptions": {} }',
    'notes.json': '{ "region": "eu" }',
    'broken.json': '{ "connector": ',
  });
  symlinkSync(dir, join(dir, 'loop')); // a link back up: not followed
  const r = run(['check', '--format', 'json'], { cwd: dir });
  const found = JSON.parse(r.out).files.map((f) => [f.file, f.kind]);
  assert.deepEqual(found, [
    ['connect.yaml', 'connect-yaml'],
    ['connector/update.json', 'connector-update'],
    ['deploy/draft.json', 'deployment-draft'],
    ['deploy/redeploy.json', 'deployment-update'],
    ['tracker/record.json', 'tracker-deployment'],
    ['tray/connector.json', 'tray-connector'],
  ]);
  assert.equal(r.status, 0, r.out);
  // --kind forces one kind on every .json/.yaml file found.
  const forced = JSON.parse(run(['check', 'deploy', '--kind', 'deployment-draft', '--format', 'json'], { cwd: dir }).out);
  assert.deepEqual(forced.files.map((f) => [f.file, f.status]), [['deploy/draft.json', 'valid'], ['deploy/redeploy.json', 'invalid']]);
  // A file given by name whose kind cannot be told is that file's problem.
  const unknown = run(['check', 'notes.json', 'connect.yaml'], { cwd: dir });
  assert.equal(unknown.status, 2);
  assert.match(unknown.out, /^notes\.json: not checked: cannot tell what kind of file notes\.json is: give --kind/m);
  assert.match(unknown.out, /^connect\.yaml: valid/m);
});

test('the formats on examples/ match their golden files', () => {
  for (const format of ['human', 'json', 'github', 'sarif', 'gitlab']) {
    const r = run(['check', 'examples', '--format', format]);
    assert.equal(r.status, 1, `${format}: ${r.err}`);
    const out = r.out.replaceAll(api.version(), '<version>');
    const file = new URL(`check.${format}.txt`, golden);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, out);
    assert.equal(out, readFileSync(file, 'utf8'), `${format} output differs from ${fileURLToPath(file)} (UPDATE_GOLDEN=1 to rewrite)`);
  }
});

test('issues are printed in file, line, column order in every file (generated broken connect.yaml files)', () => {
  const random = mulberry32(6122026);
  const original = YAML.parse(readFileSync(new URL('../../../shared/corpus/connect-yaml/Eagle-Eye-Solutions__integration-commerce-tools__connect.yaml', import.meta.url), 'utf8'));
  const files = {};
  for (let i = 0; i < 60; i++) {
    const doc = structuredClone(original);
    for (let m = 0; m < 6; m++) mutate(doc, random);
    files[`app${String(i).padStart(2, '0')}/connect.yaml`] = YAML.stringify(doc);
  }
  const dir = tree(files);
  const { files: results } = JSON.parse(run(['check', '--format', 'json'], { cwd: dir }).out);
  let pairs = 0;
  let unsortedByTheLibrary = 0;
  for (const f of results) {
    const all = [...f.errors, ...f.warnings].map((i) => [i.line, i.column]);
    const errors = f.errors.map((i) => [i.line, i.column]);
    for (let i = 1; i < errors.length; i++, pairs++) {
      assert.ok(errors[i - 1][0] < errors[i][0] || (errors[i - 1][0] === errors[i][0] && errors[i - 1][1] <= errors[i][1]), `${f.file}: ${JSON.stringify(errors)}`);
    }
    const report = api.validateConnectYaml(files[f.file]);
    if (report.errors.some((e, i) => i > 0 && e.line < report.errors[i - 1].line)) unsortedByTheLibrary++;
    assert.equal(all.length, report.errors.length + report.warnings.length);
  }
  // Human output: the file:line:column of consecutive issue lines of a file never go back.
  const human = run(['check'], { cwd: dir }).out.split('\n').map((l) => /^(\S+):(\d+):(\d+) (error|warning) /.exec(l)).filter(Boolean);
  for (let i = 1; i < human.length; i++) {
    const [a, b] = [human[i - 1], human[i]];
    if (a[1] !== b[1]) continue;
    assert.ok(Number(a[2]) < Number(b[2]) || (a[2] === b[2] && Number(a[3]) <= Number(b[3])), `${a[0]} then ${b[0]}`);
  }
  console.log(`sorted: ${results.length} generated files, ${pairs} pairs of errors in order, ${unsortedByTheLibrary} files the library reports out of place order`);
  assert.ok(unsortedByTheLibrary > 0, 'the generator reached files whose check order is not place order');
});

test('github: at most 10 error and 10 warning annotations, escaped; the whole list in $GITHUB_STEP_SUMMARY', () => {
  const random = mulberry32(61226);
  const files = {};
  const names = ['a,b', 'c:d', '100%', 'plain'];
  for (let i = 0; i < 12; i++) {
    const draft = { key: 'x y', connector: { version: 'v' }, region: 'mars', regoin: 1, type: 'prod', configurations: [] };
    if (random() < 0.5) delete draft.type;
    files[`${names[i % names.length]}-${i}/draft.json`] = JSON.stringify(draft, null, 2);
  }
  const dir = tree(files);
  const summary = join(dir, 'summary.md');
  const r = run(['check', '--format', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
  assert.equal(r.status, 1);
  const lines = r.out.trim().split('\n');
  const errors = lines.filter((l) => l.startsWith('::error '));
  const warnings = lines.filter((l) => l.startsWith('::warning '));
  assert.equal(errors.length, 10);
  assert.ok(warnings.length <= 10 && warnings.length > 0);
  for (const l of [...errors, ...warnings]) {
    const props = /^::\w+ (.*?)::/.exec(l)[1];
    // Properties are separated by ',' and set by ':': one inside a value is %2C / %3A.
    for (const prop of props.split(',')) assert.match(prop, /^(file|line|col|title)=[^:,]*$/, l);
  }
  assert.ok(lines.some((l) => l.includes('file=a%2Cb-0/draft.json')), 'a comma in a file name is escaped');
  assert.ok(lines.some((l) => l.includes('file=100%25-2/draft.json')), 'a percent sign is escaped');
  const notice = lines.find((l) => l.startsWith('::notice '));
  const total = JSON.parse(run(['check', '--format', 'json'], { cwd: dir }).out).summary;
  assert.match(notice, new RegExp(`${total.errors - 10} more errors`));
  const table = readFileSync(summary, 'utf8').split('\n').filter((l) => /^\| [^-F]/.test(l));
  assert.equal(table.length, total.errors + total.warnings, 'every issue is a row of the step summary');
  assert.ok(table.some((l) => l.startsWith('| c:d-1/draft.json |')));
  console.log(`github: ${total.errors} errors and ${total.warnings} warnings in 12 generated files, ${errors.length + warnings.length} annotations, ${table.length} summary rows`);
});

test('sarif: SARIF 2.1.0, one rule per catalog code, each result pointing at its rule and place', () => {
  const r = run(['check', 'examples', '--format', 'sarif']);
  const log = JSON.parse(r.out);
  assert.equal(log.version, '2.1.0');
  const [run0] = log.runs;
  const rules = run0.tool.driver.rules;
  const catalog = api.errorCatalog();
  assert.deepEqual(rules.map((x) => x.id), catalog.map((c) => c.code));
  assert.equal(new Set(rules.map((x) => x.id)).size, rules.length);
  for (const rule of rules) assert.ok(rule.shortDescription.text && rule.help.text, rule.id);
  assert.ok(run0.results.length >= 20);
  for (const result of run0.results) {
    assert.equal(rules[result.ruleIndex].id, result.ruleId);
    assert.ok(['error', 'warning'].includes(result.level));
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    assert.ok(!artifactLocation.uri.startsWith('/') && !artifactLocation.uri.includes('\\'), artifactLocation.uri);
    assert.ok(region.startLine >= 1 && region.startColumn >= 1);
  }
  assert.equal(run0.columnKind, 'utf16CodeUnits');
});

test('--max-warnings, --quiet, colour only when asked or on a terminal', () => {
  const file = 'examples/connector-staged-draft.json'; // valid, one warning
  assert.equal(run(['check', file]).status, 0);
  assert.equal(run(['check', file, '--max-warnings', '1']).status, 0);
  assert.equal(run(['check', file, '--max-warnings', '0']).status, 1);
  const quiet = run(['check', file, 'examples/deployment-draft.invalid.json', '--quiet']).out;
  assert.ok(!/ warning /.test(quiet) && / error /.test(quiet), quiet);
  assert.ok(!quiet.includes('connector-staged-draft.json: valid'), 'valid files are not listed when quiet');
  const ESC = '\u001b[';
  assert.ok(!run(['check', 'examples']).out.includes(ESC), 'not a terminal: no colour');
  assert.ok(run(['check', 'examples'], { env: { FORCE_COLOR: '1' } }).out.includes(ESC));
  assert.ok(!run(['check', 'examples'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).out.includes(ESC));
});

test('a file that cannot be read ends nothing: every other file is checked and printed, in every format', () => {
  for (const format of ['human', 'json', 'github', 'sarif', 'gitlab']) {
    const r = run(['check', 'no/such.json', 'examples/deployment-draft.invalid.json', 'examples/tray/valid', '--format', format]);
    assert.equal(r.status, 2, format);
    assert.equal(r.err, '', format);
    assert.ok(r.out.includes('no/such.json'), format);
    assert.ok(r.out.includes('deployment-draft.invalid.json'), format);
    assert.ok(r.out.includes('tray/valid/connector.json') || format !== 'human', format);
  }
});

test('--cross-check: drafts beside a connect.yaml are checked against it; its own issues are listed once, under its name', () => {
  const broken = defs.shopYaml.replace('applicationType: service', 'applicationType: servce');
  assert.notEqual(broken, defs.shopYaml);
  const dir = tree({
    'good/connect.yaml': defs.shopYaml,
    'good/deployments/staging.json': JSON.stringify({ ...defs.validDraft, configurations: [{ applicationName: 'nope', standardConfiguration: [], securedConfiguration: [] }] }, null, 2),
    'bad/connect.yaml': broken,
    'bad/draft.json': JSON.stringify(defs.validDraft, null, 2),
  });
  const alone = JSON.parse(run(['check', '--format', 'json'], { cwd: dir }).out);
  assert.equal(alone.files.find((f) => f.file === 'good/deployments/staging.json').status, 'valid', 'without --cross-check a draft is checked alone');
  const crossed = JSON.parse(run(['check', '--cross-check', '--format', 'json'], { cwd: dir }).out);
  const staging = crossed.files.find((f) => f.file === 'good/deployments/staging.json');
  assert.equal(staging.status, 'invalid');
  assert.ok(staging.errors.some((e) => e.code === 'DeploymentUnknownApplicationConfiguration'), JSON.stringify(staging.errors));
  const bad = crossed.files.filter((f) => f.file.startsWith('bad/'));
  const yamlIssues = bad.flatMap((f) => f.errors).filter((e) => e.file === 'bad/connect.yaml');
  assert.equal(yamlIssues.length, 1, 'the broken connect.yaml is reported once, as its own file');
  // Checked alone (its connect.yaml not among the files), the draft shows the connect.yaml's issue under that name.
  const one = run(['check', 'bad/draft.json', '--cross-check'], { cwd: dir }).out;
  assert.match(one, /^bad\/connect\.yaml:\d+:\d+ error InvalidField In the connector's connect\.yaml/m);
});

test('no value of a file is ever printed: generated drafts with a secret in every value and member position', () => {
  const random = mulberry32(2026);
  const files = {};
  const secrets = [];
  const secret = () => {
    const s = `S3CR3T${secrets.length}X${Math.floor(random() * 1e9)}`;
    secrets.push(s);
    return s;
  };
  for (let i = 0; i < 40; i++) {
    const draft = structuredClone(defs.validDraft);
    const entry = { key: 'CTP_CLIENT_SECRET', value: secret() };
    const app = { applicationName: 'service', standardConfiguration: [{ key: 'LOG_LEVEL', value: 1 }], securedConfiguration: [entry] };
    if (i % 4 === 1) entry[secret()] = 'member name'; // a secret pasted as a member name
    if (i % 4 === 2) app.standardConfiguration.push({ key: 'CTP_CLIENT_SECRET', value: secret() }); // in the wrong block
    if (i % 4 === 3) app.securedConfiguration = { CTP_CLIENT_SECRET: secret() }; // a container of the wrong shape
    draft.configurations = [app];
    draft.region = random() < 0.5 ? 'mars' : draft.region;
    files[`d${i}/draft.json`] = i % 2 ? JSON.stringify(draft) : JSON.stringify(draft, null, 2); // one line, or pretty
    files[`d${i}/connect.yaml`] = defs.shopYaml;
  }
  const dir = tree(files);
  let outputs = 0;
  for (const format of ['human', 'json', 'github', 'sarif', 'gitlab']) {
    for (const extra of [[], ['--cross-check']]) {
      const r = run(['check', '--format', format, ...extra], { cwd: dir, env: { FORCE_COLOR: '1', GITHUB_STEP_SUMMARY: join(dir, 'summary.md') } });
      const printed = r.out + r.err + (format === 'github' ? readFileSync(join(dir, 'summary.md'), 'utf8') : '');
      for (const s of secrets) assert.ok(!printed.includes(s), `${format} ${extra}: ${s} printed`);
      outputs++;
    }
  }
  console.log(`secrets: ${secrets.length} secrets in 40 generated drafts, ${outputs} outputs (5 formats, with and without --cross-check), none printed`);
});
