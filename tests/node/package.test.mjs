// The npm package as users get it: entries, init, plain results, misuse, catalog, types,
// the web build, and what `npm pack` would publish.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as esm from 'connect-preflight';
import init from 'connect-preflight';
import { JS_ONLY } from './pkgdir.mjs';

const require = createRequire(import.meta.url);
const cjs = require('connect-preflight');
const pkgDir = new URL('../../pkg/', import.meta.url);

// The exports are listed once, by the bindings (src/bindings.rs): every `#[wasm_bindgen]`
// function but the test-only `__…` ones, plus the entries' init and initSync. The entries are
// written from them (scripts/build-pkg.sh); the types are checked against them here.
const BINDINGS = readFileSync(new URL('../../src/bindings.rs', import.meta.url), 'utf8');
const BOUND = [...BINDINGS.matchAll(/#\[wasm_bindgen(?:\(js_name = (\w+)\))?\]\s*pub fn (\w+)/g)].map((m) => m[1] ?? m[2]).filter((n) => !n.startsWith('__'));
const API = [...BOUND, 'init', 'initSync', ...JS_ONLY].sort();
const TYPED = [...readFileSync(new URL('../../pkg-template/index.d.ts', import.meta.url), 'utf8').matchAll(/^export function (\w+)/gm)].map((m) => m[1]).sort();

test('the exports are the bindings\' functions, typed; the CLI and the test runners name only those', () => {
  assert.ok(BOUND.length >= 15, `only ${BOUND.length} functions read from src/bindings.rs`);
  assert.deepEqual(TYPED, API, 'index.d.ts declares exactly the exports');
  // What the CLI calls (`api.name(`) and the functions the fixture runners dispatch on.
  const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
  const named = [
    ...['main', 'kinds'].flatMap((m) => [...read(`../../pkg-template/cli/${m}.cjs`).matchAll(/\bapi\.(\w+)\(/g)].map((x) => [`the CLI (${m}.cjs)`, x[1]])),
    ...[...read('../fixtures.rs').matchAll(/\("(\w+)", /g)].map((m) => ['tests/fixtures.rs', m[1]]),
    ...[...read('../common/wasm.rs').matchAll(/^\s+"(\w+)" =>/gm)].map((m) => ['tests/common/wasm.rs', m[1]]),
  ];
  assert.ok(named.length >= 20, `only ${named.length} names read`);
  for (const [where, name] of named) assert.ok(API.includes(name), `${where} names ${name}, which the package does not export`);
});

test('require and import expose the same functions', () => {
  assert.deepEqual(Object.keys(cjs).sort(), API);
  assert.deepEqual(Object.keys(esm).filter((k) => k !== 'default').sort(), API);
  assert.equal(init, esm.init);
  for (const name of API) assert.equal(typeof esm[name], 'function', name);
});

test('init() resolves and does nothing in Node; the version matches package.json', async () => {
  await esm.init();
  await cjs.init();
  esm.initSync();
  const pkg = JSON.parse(readFileSync(new URL('package.json', pkgDir), 'utf8'));
  assert.equal(esm.version(), pkg.version);
  const cargo = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  assert.match(cargo, new RegExp(`^version = "${pkg.version}"$`, 'm'), 'Cargo.toml and package.json versions differ');
});

test('require and import give the same results', () => {
  const draft = { connector: {}, region: 'mars', configurations: 'x', extra: 1 };
  assert.deepEqual(cjs.validateDeploymentDraft(draft), esm.validateDeploymentDraft(draft));
  assert.deepEqual(cjs.validateDeploymentDraft(JSON.stringify(draft)), esm.validateDeploymentDraft(JSON.stringify(draft)));
});

function assertPlain(value, where = 'result') {
  assert.notEqual(value, undefined, `${where} is undefined`);
  if (value === null || typeof value !== 'object') {
    assert.ok(['string', 'number', 'boolean'].includes(typeof value) || value === null, `${where}: ${typeof value}`);
    return;
  }
  const proto = Object.getPrototypeOf(value);
  assert.ok(Array.isArray(value) || proto === Object.prototype, `${where} is not a plain object or array`);
  for (const [k, v] of Object.entries(value)) assertPlain(v, `${where}.${k}`);
}

test('results are plain JSON-compatible objects', () => {
  assertPlain(esm.validateDeploymentDraft({ key: 'a b', region: 1, configurations: [{}], zz: true }));
  assertPlain(esm.validateDeploymentDraft('{"key": '));
  assertPlain(esm.errorCatalog());
  assertPlain(esm.validateKey(undefined));
});

test('bad input is a report, never an exception', () => {
  const r = esm.validateDeploymentDraft('{"key": ');
  assert.equal(r.valid, false);
  assert.deepEqual([r.errors[0].code, r.errors[0].line, r.errors[0].column], ['InvalidJsonInput', 1, 9]);
  const cyclic = {};
  cyclic.self = cyclic;
  assert.equal(esm.validateDeploymentDraft(cyclic).errors[0].code, 'InvalidJsonInput');
  assert.equal(esm.validateDeploymentDraft(10n).errors[0].code, 'InvalidJsonInput');
  // Nothing JSON can send (a request with it would have no body): InvalidJsonInput, saying what it is.
  for (const [value, what] of [[undefined, 'it is undefined'], [() => 1, 'it is a function'], [Symbol('s'), 'it is a symbol'], [{ toJSON: () => undefined }, 'its toJSON returns']]) {
    const [issue] = esm.validateDeploymentDraft(value).errors;
    assert.equal(issue.code, 'InvalidJsonInput');
    assert.ok(issue.message.startsWith(`The payload cannot be read as JSON: ${what}`), issue.message);
  }
  assert.equal(esm.validateDeploymentDraft(null).errors[0].code, 'InvalidField');
  let deep = {};
  for (let i = 0; i < 5000; i++) deep = { a: deep };
  assert.equal(esm.validateDeploymentDraft(deep).errors[0].code, 'InvalidJsonInput');
  // Past the depth budget, an object's issue points into no text: the caller never saw its JSON.
  for (const depth of [128, 1000]) {
    let nested = 1;
    for (let i = 0; i < depth; i++) nested = [nested];
    const [issue] = esm.validateTrackerStatusUpdate({ status: nested }).errors;
    assert.deepEqual([issue.code, issue.line, issue.column], ['InvalidJsonInput', undefined, undefined]);
    assert.match(issue.message, /^The payload cannot be read as JSON: it is nested deeper than 128 levels/);
  }
  assert.equal(esm.validateKey(Symbol('x')).valid, false);
  // The module still works afterwards.
  assert.equal(esm.validateKey('still-alive').valid, true);
});

test('API misuse throws an Error that says what was expected', () => {
  assert.throws(() => esm.validateDeploymentDraft({}, 'context'), { name: 'Error', message: /context must be an object/ });
  assert.throws(() => esm.validateDeploymentDraft({}, [1]), /context must be an object/);
  assert.doesNotThrow(() => esm.validateDeploymentDraft({}, null));
  assert.doesNotThrow(() => esm.validateDeploymentDraft({}, {}));
  assert.throws(() => esm.toErrorResponse('nope'), /expects a Report/);
  // A context of the wrong shape would silently disable the cross-checks: it throws instead.
  assert.throws(() => esm.validateDeploymentDraft({}, { conectYaml: 'x' }), /no field 'conectYaml' \(did you mean 'connectYaml'\?\)/);
  // A field name is repeated cut to the echo budget (found by an outside attack: 1 MB quoted).
  assert.throws(() => esm.validateDeploymentDraft({}, { ['A'.repeat(1 << 20)]: 1 }), (e) => e.message.length < 400 && /no field 'A{200}…'/.test(e.message));
  assert.throws(() => esm.validateDeploymentDraft({}, { connectYaml: 42 }), /connectYaml must be the text of connect.yaml/);
  assert.throws(() => esm.validateDeploymentDraft({}, { connector: { name: 'x' } }), /no configurations array/);
  assert.throws(() => esm.validateDeploymentUpdate({}, { deployment: 'd1' }), /context.deployment must be a Deployment/);
  assert.throws(() => esm.buildDeploymentDraft({}, 42), /source must be connect.yaml text or a Connector/);
  assert.throws(() => esm.buildDeploymentDraft({}, undefined), /source must be/);
  assert.throws(() => esm.checkTransition('deployment', 'Draft', 'Queued'), /unknown machine 'deployment'; the machines are connectDeployment, connectorStaged, connectorPreviewable, trayDeployment, trackerDeployment/);
  assert.throws(() => esm.allowedTransitions(undefined, 'Draft'), /the machine must be a string/);
  assert.throws(() => esm.buildConnectorUpdateActions({}, [1]), /expects after .* to be an object/);
  assert.throws(() => esm.applyConnectorUpdate('nope', {}), /connectorStaged .* is not JSON/);
  // A connect.yaml that cannot be read is bad input, not misuse: a report, the file's issue first.
  const unread = esm.validateDeploymentDraft({}, { connectYaml: 'deployAs: [' }).errors[0];
  assert.deepEqual([unread.code, unread.source], ['InvalidYaml', 'connectYaml']);
});

test('allowedTransitions and canRedeploy read the same table', () => {
  assert.deepEqual(esm.allowedTransitions('connectDeployment', 'Deployed'), ['Queued', 'Undeploying']);
  assert.deepEqual(esm.allowedTransitions('trackerDeployment', 'pending'), ['in_progress', 'failed']);
  assert.deepEqual(esm.allowedTransitions('connectDeployment', 'Deleted'), []);
  for (const status of ['Draft', 'Queued', 'Deploying', 'Deployed', 'Failed', 'Undeploying', 'UndeployFailed']) {
    assert.equal(esm.canRedeploy(status).valid, esm.allowedTransitions('connectDeployment', status).includes('Queued'), status);
  }
  assert.equal(esm.canRedeploy('Deploying').errors[0].message, 'Invalid status change: Already deploying.');
});

test('errorCatalog lists every code with its HTTP status, in step with the TypeScript union', () => {
  const catalog = esm.errorCatalog();
  const dts = readFileSync(new URL('index.d.ts', pkgDir), 'utf8');
  const block = dts.slice(dts.indexOf('BEGIN GENERATED: Code'), dts.indexOf('END GENERATED: Code'));
  const union = [...block.matchAll(/\| '(\w+)'/g)].map((m) => m[1]);
  assert.deepEqual(catalog.map((e) => e.code), union);
  for (const e of catalog) {
    assert.equal(typeof e.httpStatus, 'number');
    assert.ok(['api', 'preflight'].includes(e.origin));
    assert.ok(e.message.length > 0);
  }
  const byCode = Object.fromEntries(catalog.map((e) => [e.code, e]));
  assert.equal(byCode.ConcurrentModification.httpStatus, 409);
  assert.equal(byCode.DeploymentUnknownApplicationConfiguration.httpStatus, 400);
  assert.equal(byCode.InvalidYaml.origin, 'preflight');
  assert.ok(!('DeploymentApplicationRequiredError' in byCode));
});

test('toErrorResponse builds the API envelope', () => {
  const report = esm.validateDeploymentDraft(JSON.stringify({ connector: { key: 'c1' }, region: 'eu', configurations: [] }));
  const response = esm.toErrorResponse(report);
  assert.equal(response.statusCode, 400);
  assert.equal(response.message, report.errors[0].message);
  const { path, line, column, ...wire } = report.errors[0];
  assert.ok(path && line && column);
  assert.deepEqual(response.errors[0], wire);
  assert.equal(wire.invalidValue, 'eu');
  assert.equal(esm.toErrorResponse(esm.validateKey('fine')), null);
});

test('secured values never appear in the output', () => {
  const SECRET = 'sentinel-Secret-4711';
  const NUMBER = 987654321987;
  const draft = {
    key: 'k1', connector: { key: 'c1' }, region: 'europe-west1.gcp',
    configurations: [{ applicationName: 'a1', standardConfiguration: [], securedConfiguration: [
      { key: 'S1', value: NUMBER }, { key: 'S2', value: SECRET, extra: 1 }, { key: 'S3', value: [SECRET] }, { key: 'S4', value: { SECRET } },
    ] }],
    globalConfiguration: { securedConfiguration: [{ key: 'G', value: NUMBER }, { key: 'H', value: [SECRET] }] },
  };
  for (const input of [draft, JSON.stringify(draft)]) {
    const report = esm.validateDeploymentDraft(input);
    assert.equal(report.valid, false);
    const out = JSON.stringify([report, esm.toErrorResponse(report)]);
    assert.ok(!out.includes(String(NUMBER)), 'numeric secret leaked');
    assert.ok(!out.includes(SECRET), 'secret leaked');
    assert.equal(report.errors.length, 5);
    for (const issue of report.errors) assert.ok(!('invalidValue' in issue), issue.path);
  }
});

test('the web build works in Node when given the wasm bytes', async () => {
  const web = await import(new URL('web/index.js', pkgDir));
  await web.init(readFileSync(new URL('web/connect_preflight_bg.wasm', pkgDir)));
  const draft = '{"connector": {"key": "c1"}, "region": "eu", "configurations": []}';
  assert.deepEqual(web.validateDeploymentDraft(draft), esm.validateDeploymentDraft(draft));
  assert.deepEqual(Object.keys(web).filter((k) => k !== 'default').sort(), API);
});

test('package.json: exports map, files, and what npm would publish', () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', pkgDir), 'utf8'));
  assert.equal(pkg.name, 'connect-preflight');
  // Each condition names its own types first: index.d.mts for ES modules, index.d.cts for
  // require (TypeScript's node16 reads a .d.ts as CommonJS; types-matrix.test.mjs checks them).
  assert.deepEqual(Object.keys(pkg.exports['.']), ['node', 'import', 'default']);
  assert.deepEqual(pkg.exports['.'].node, { import: { types: './index.d.mts', default: './node/index.mjs' }, require: { types: './index.d.cts', default: './node/index.cjs' } });
  assert.deepEqual(pkg.exports['.'].default, { types: './index.d.mts', default: './web/index.js' });
  assert.equal(pkg.exports['./web/*.wasm'], './web/*.wasm', 'the wasm can be imported by path (to copy it)');
  assert.equal(pkg.exports['./connect.schema.json'], './connect.schema.json');
  for (const field of ['repository', 'homepage', 'bugs', 'keywords']) assert.ok(pkg[field], `package.json has no ${field}`);
  assert.equal(pkg.sideEffects, false);
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkgDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const published = JSON.parse(out)[0].files.map((f) => f.path).sort();
  for (const file of ['README.md', 'bin/connect-preflight.cjs', 'cli/main.cjs', 'cli/kinds.cjs', 'cli/files.cjs', 'cli/formats.cjs',
    'index.d.ts', 'index.d.mts', 'index.d.cts', 'connect.schema.json', 'web/schema.js', 'web/guard.js', 'node/index.cjs', 'node/index.mjs', 'node/guard.cjs', 'nodejs/connect_preflight.js',
    'nodejs/connect_preflight_bg.wasm', 'package.json', 'web/connect_preflight.js', 'web/connect_preflight_bg.wasm', 'web/index.js', 'web/package.json']) {
    assert.ok(published.includes(file), `npm pack lacks ${file}`);
  }
  // The JS helpers (src/bindings.js) are snippets the glue of each build loads by path.
  for (const build of ['nodejs', 'web']) {
    const glue = readFileSync(new URL(`${build}/connect_preflight.js`, pkgDir), 'utf8');
    const snippets = [...glue.matchAll(/\.\/(snippets\/[^'"`]+\.js)/g)].map((m) => `${build}/${m[1]}`);
    assert.ok(snippets.length > 0, `${build}: the glue loads no snippet`);
    for (const file of snippets) assert.ok(published.includes(file), `npm pack lacks ${file}`);
  }
  assert.ok(published.includes('nodejs/snippets/package.json'), 'the Node snippets must be marked as ES modules');
  // Only what the package needs: no sources, tests, maps or build leftovers.
  const stray = published.filter((f) => !/^(README\.md|package\.json|connect\.schema\.json|index\.d\.[cm]?ts|bin\/|cli\/|node\/|nodejs\/|web\/)/.test(f) || /\.(rs|map|ts\.map)$|test/.test(f));
  assert.deepEqual(stray, []);
  console.log(`npm pack: ${published.length} files`);
  assert.equal(pkg.engines.node, '>=20.19', 'require(esm) of the snippet needs Node 20.19');
});

test('connect.yaml: text only (misuse throws), spec in the API shape, positions on every issue', () => {
  assert.throws(() => esm.validateConnectYaml({ deployAs: [] }), /expects the text of connect.yaml/);
  assert.throws(() => esm.parseConnectYaml(undefined), /expects the text of connect.yaml/);
  const text = readFileSync(new URL('../../examples/connect-yaml/valid/connect.yaml', import.meta.url), 'utf8');
  const { spec, report } = esm.parseConnectYaml(text);
  assert.equal(report.valid, true);
  assert.deepEqual(spec.configurations.map((a) => [a.applicationName, a.applicationType]), [['enabler', 'assets'], ['processor', 'service'], ['cleanup', 'job']]);
  assert.deepEqual(spec.configurations[1].securedConfiguration, [{ key: 'PSP_API_KEY', description: "the payment provider's API key", required: true }]);
  assert.equal(spec.configurations[2].schedule, '0 3 * * *');
  assertPlain(spec);
  const broken = esm.parseConnectYaml('deployAs: [');
  assert.equal(broken.spec, null);
  assert.deepEqual([broken.report.errors[0].code, typeof broken.report.errors[0].line], ['InvalidYaml', 'number']);
  const bad = esm.validateConnectYaml(readFileSync(new URL('../../examples/connect-yaml/invalid/connect.yaml', import.meta.url), 'utf8'));
  assert.ok(bad.errors.every((e) => Number.isInteger(e.line) && Number.isInteger(e.column)));
});

test('short and long strings cross the same way (the long ones by TextEncoder): astral characters, lone surrogates', () => {
  for (const pad of [0, 300]) {
    const comment = `# ${'x'.repeat(pad)}\n`;
    const yaml = `${comment}deployAs:\n  - name: s1\n    applicationType: service\n    endpoint: /svc\n    configuration:\n      standardConfiguration:\n        - key: A1\n          description: "\u{1F600} \uD800 broken"\n          default: ""\n`;
    const { spec, report } = esm.parseConnectYaml(yaml);
    assert.equal(report.errors[0].code, 'InvalidField', `pad ${pad}`);
    // Columns count UTF-16 units; the line is the same whatever the comment's length.
    assert.deepEqual([report.errors[0].line, report.errors[0].column], [10, 20], `pad ${pad}`);
    assert.equal(spec.configurations[0].standardConfiguration[0].description, '\u{1F600} \uFFFD broken');
    const draft = JSON.stringify({ key: 'k'.repeat(pad + 2), connector: { key: 'c1' }, region: 'europe-west1.gcp', configurations: [] });
    assert.equal(esm.validateDeploymentDraft(draft).valid, esm.validateDeploymentDraft(JSON.parse(draft)).valid, `pad ${pad}`);
  }
});

test('hostile connect.yaml in wasm: reports, no crash, the module still answers (Node and browser builds)', async () => {
  const web = await import(new URL('web/index.js', pkgDir));
  await web.init(readFileSync(new URL('web/connect_preflight_bg.wasm', pkgDir)));
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`), 'deployAs: []'].join('\n');
  const app = (i) => `  - name: app-${i}\n    applicationType: service\n    endpoint: /app-${i}\n    configuration:\n      standardConfiguration:\n${Array.from({ length: 20 }, (_, k) => `        - key: KEY_${k}\n          description: the key number ${k}\n          required: true\n`).join('')}`;
  const big = `deployAs:\n${Array.from({ length: 1400 }, (_, i) => app(i)).join('')}`;
  assert.ok(big.length > 2_000_000);
  // 258,000 values: over the node budget (docs/api-notes.md, "Budgets").
  const huge = `deployAs:\n${Array.from({ length: 3000 }, (_, i) => app(i)).join('')}`;
  assert.ok(huge.length > 5_000_000);
  const inputs = {
    bomb: [bomb, 'InvalidYaml'],
    'nested blocks': [`deployAs:\n${'- '.repeat(20000)}1\n`, 'InvalidYaml'],
    'nested flow': [`deployAs: ${'['.repeat(50000)}`, 'InvalidYaml'],
    'nested maps': [`deployAs: ${'{a: '.repeat(20000)}`, 'InvalidYaml'],
    'deep indentation': [`deployAs:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}a${i}:\n`).join('')}`, 'InvalidYaml'],
    'long scalar': [`deployAs:\n  - name: s1\n    applicationType: service\n    endpoint: /${'a'.repeat(2_000_000)}.\n`, 'InvalidField'],
    '2 MB file': [big, null],
    '5 MB file over the node budget': [huge, 'InvalidYaml'],
    '11 MB over the input budget': ['#'.repeat(11 * 1024 * 1024), 'InvalidYaml'],
    'a long scalar aliased 100 times': [`deployAs: []\na: &a "${'x'.repeat(700_000)}"\nb: [${Array(100).fill('*a').join(', ')}]\n`, 'InvalidYaml'],
  };
  for (const api of [esm, web]) {
    for (const [name, [text, code]] of Object.entries(inputs)) {
      const report = api.validateConnectYaml(text);
      assert.equal(report.errors[0]?.code ?? null, code, name);
      assert.ok(report.errors.every((e) => e.message.length < 600), `${name}: messages stay short`);
    }
    assert.equal(api.validateConnectYaml('deployAs: []').valid, true, 'still alive');
  }
});
