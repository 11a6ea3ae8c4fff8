// The builder against a hostile or careless user (from an outside attack on the page): secrets
// never move into a standard input or an output when the connector changes under them; the
// curl command expands nothing but its own placeholders, whatever is typed (generated strings
// run through bash); connector names like __proto__ are plain names; a Connector JSON of any
// shape cannot break the form; a half-typed connect.yaml keeps what was typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser } from './browser.mjs';
import { openPage, paste, downloaded, linkState, settled, status } from './pagekit.mjs';
import { mulberry32 } from '../node/seeded.mjs';

const env = useBrowser();
const field = (page, group, label) => page.getByRole('group', { name: group, exact: true }).getByLabel(label, { exact: true });
const entry = (key, required = true) => `        - key: ${key}\n          description: the ${key}\n          required: ${required}\n`;
const app = (name, blocks) =>
  `  - name: ${name}\n    applicationType: service\n    endpoint: /svc\n    configuration:\n${Object.entries(blocks).map(([block, keys]) => `      ${block}:\n${keys.map((k) => entry(k)).join('')}`).join('')}`;
const yaml = (apps, global) => `${global ? `inheritAs:\n  configuration:\n${Object.entries(global).map(([block, keys]) => `    ${block}:\n${keys.map((k) => entry(k).replace(/^ {8}/gm, '      ')).join('')}`).join('')}` : ''}deployAs:\n${apps.join('')}`;

async function outputs(page) {
  await settled(page);
  const { url, state } = await linkState(page);
  return {
    json: await downloaded(page, 'Download deployment-draft.json'),
    curl: await page.locator('#curl').textContent(),
    link: url + JSON.stringify(state),
    inputs: await page.evaluate(() => [...document.querySelectorAll('input:not([type=password])')].map((i) => i.value).join('\n')),
  };
}

test('a secret stays in its password input when the connector changes under it', async () => {
  const { page, problems, close } = await openPage(env);
  const transitions = [
    ['secured → standard', yaml([app('app', { securedConfiguration: ['TOKEN'] })]), yaml([app('app', { standardConfiguration: ['TOKEN'] })]), 'app'],
    ['secured → in both blocks', yaml([app('app', { securedConfiguration: ['TOKEN'] })]), yaml([app('app', { standardConfiguration: ['TOKEN'], securedConfiguration: ['TOKEN'] })]), 'app'],
    ['in both blocks from the start', yaml([app('app', { standardConfiguration: ['TOKEN'], securedConfiguration: ['TOKEN'] })]), null, 'app'],
    ['global secured → global standard', yaml([app('app', { standardConfiguration: ['OTHER'] })], { securedConfiguration: ['TOKEN'] }), yaml([app('app', { standardConfiguration: ['OTHER'] })], { standardConfiguration: ['TOKEN'] }), 'Global configuration'],
    ['global secured, app standard of the same name', yaml([app('app', { standardConfiguration: ['OTHER'] })], { securedConfiguration: ['TOKEN'] }), yaml([app('app', { standardConfiguration: ['TOKEN'] })], { securedConfiguration: ['TOKEN'] }), 'Global configuration'],
  ];
  await page.getByLabel('Connector key', { exact: true }).fill('my-connector');
  await page.getByLabel('Region', { exact: true }).selectOption('europe-west1.gcp');
  for (const [i, [name, before, after, group]] of transitions.entries()) {
    const secret = `Secret${i}Must-Stay-Hidden`;
    await paste(page, 'connect.yaml', before);
    await status(page).filter({ hasText: 'DeploymentDraft' }).waitFor();
    const input = field(page, group, 'TOKEN');
    assert.equal(await input.count(), 1, `${name}: one input for the key`);
    assert.equal(await input.getAttribute('type'), 'password', name);
    await input.fill(secret);
    if (after) await paste(page, 'connect.yaml', after);
    const out = await outputs(page);
    for (const [where, text] of Object.entries(out)) assert.ok(!text.includes(secret), `${name}: the secret is in the ${where}`);
  }
  assert.deepEqual(problems, []);
  await close();
});

test('curl expands only its own placeholders: generated strings in every field, run by bash', async () => {
  const random = mulberry32(14);
  const ATOMS = ['$(touch PWNED)', '`touch PWNED`', '${BEARER_TOKEN}', '${HOME}', '$HOME', "'", '"', '\\', '\nEOF\n', 'EOF', "'EOF'", '$', '!', '%s', 'ü', ' ', '\\$', '${', '}', '#', ';', '&&', '|'];
  const hostile = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => ATOMS[Math.floor(random() * ATOMS.length)]).join('x');
  const { page, problems, close } = await openPage(env);
  await paste(page, 'connect.yaml', yaml([app('app', { standardConfiguration: ['PLAIN'], securedConfiguration: ['TOKEN', '1KEY'] })]));
  await page.getByLabel('Region', { exact: true }).selectOption('europe-west1.gcp');
  const dir = mkdtempSync(join(tmpdir(), 'cp-curl-'));
  let cases = 0;
  for (let n = 0; n < 40; n++) {
    const given = { key: hostile(), connector: hostile(), project: hostile(), plain: hostile(), secret: hostile() };
    await page.getByLabel('Deployment key', { exact: true }).fill(given.key);
    await page.getByLabel('Connector key', { exact: true }).fill(given.connector);
    await page.getByLabel('Project key', { exact: true }).fill(given.project);
    await field(page, 'app', 'PLAIN').fill(given.plain);
    await field(page, 'app', 'TOKEN').fill(given.secret);
    await field(page, 'app', '1KEY').fill('k');
    for (const ticked of [false, true]) {
      await page.getByLabel('Include secret values', { exact: true }).setChecked(ticked);
      await settled(page);
      const curl = await page.locator('#curl').textContent();
      const json = JSON.parse(await downloaded(page, 'Download deployment-draft.json'));
      // What the shell must send: the JSON shown, each secured ${NAME} filled from the environment.
      const names = ticked ? [] : json.configurations.flatMap((c) => c.securedConfiguration.map((e) => /^\$\{(\w+)\}$/.exec(e.value)[1]));
      if (!ticked) assert.deepEqual(names, ['TOKEN', 'CP_APP_1KEY']);
      let expected = JSON.stringify(json, null, 2);
      for (const n of names) expected = expected.replaceAll(`\${${n}}`, `env-${n}`);
      writeFileSync(join(dir, 'run.sh'), `curl() { printf '%s\\n' "$@" > args; cat > body; }\nexport BEARER_TOKEN=bearer ${names.map((n) => `${n}=env-${n}`).join(' ')} HOME=/home/x\n${curl}\n`);
      const r = spawnSync('bash', ['run.sh'], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.ok(!existsSync(join(dir, 'PWNED')), `a command ran: ${JSON.stringify(given)}`);
      const body = readFileSync(join(dir, 'body'), 'utf8').replace(/\n$/, '');
      assert.equal(body, expected, JSON.stringify(given));
      const args = readFileSync(join(dir, 'args'), 'utf8');
      // A text input holds no line break: the project key as the page holds it.
      const project = await page.getByLabel('Project key', { exact: true }).inputValue();
      const url = `https://connect.europe-west1.gcp.commercetools.com/${project}/deployments`;
      assert.equal(args.split('\n').slice(0, 3).join(' '), '-sS -X POST', args);
      assert.ok(args.includes(`\n${url}\n`), `${JSON.stringify(args)} has no ${JSON.stringify(url)}`);
      assert.ok(args.includes('Authorization: Bearer bearer'));
      if (!ticked) assert.ok(!curl.includes(given.secret) || given.secret.length < 3 || expected.includes(given.secret), 'the secret is in the curl command');
      cases++;
    }
  }
  console.log(`curl: ${cases} generated commands run by bash, every body and URL as shown, no command run`);
  assert.deepEqual(problems, []);
  await close();
});

test('names like __proto__ and constructor are plain names: their values reach the draft, nothing else changes', async () => {
  const names = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];
  const text = yaml(names.map((n) => app(n, { standardConfiguration: ['__proto__', 'constructor', 'title'] })), { standardConfiguration: ['__proto__'] });
  const { page, problems, close } = await openPage(env);
  await paste(page, 'connect.yaml', text);
  await page.getByLabel('Connector key', { exact: true }).fill('my-connector');
  await page.getByLabel('Region', { exact: true }).selectOption('europe-west1.gcp');
  for (const n of names) for (const key of ['__proto__', 'constructor', 'title']) await field(page, n, key).fill(`${n}.${key}`);
  await field(page, 'Global configuration', '__proto__').fill('global');
  await status(page).filter({ hasText: /^DeploymentDraft: valid/ }).waitFor();
  const draft = JSON.parse(await downloaded(page, 'Download deployment-draft.json'));
  for (const n of names) {
    const values = Object.fromEntries(draft.configurations.find((c) => c.applicationName === n).standardConfiguration.map((e) => [e.key, e.value]));
    assert.deepEqual(values, Object.fromEntries([['__proto__', `${n}.__proto__`], ['constructor', `${n}.constructor`], ['title', `${n}.title`]]));
  }
  assert.deepEqual(draft.globalConfiguration.standardConfiguration, [{ key: '__proto__', value: 'global' }]);
  assert.deepEqual(await page.evaluate(() => [({}).title, Object.prototype.constructor === Object, Object.getPrototypeOf({}) === Object.prototype]), [undefined, true, true], 'Object.prototype was changed');
  assert.deepEqual(problems, []);
  await close();
});

test('a Connector JSON of any shape: no page error, a status, no field labelled undefined', async () => {
  const defs = JSON.parse(readFileSync(new URL('../fixtures/defs/connectors.json', import.meta.url), 'utf8'));
  const WRONG = [null, 5, 'abc', {}, [], [null], [5], true, { key: 1 }];
  WRONG.push({ toString: 1 }, { toString: 'x', valueOf: 'y' });
  const SLOTS = [
    (c, v) => (c.configurations = v),
    (c, v) => (c.configurations[0] = v),
    (c, v) => (c.configurations[0].applicationName = v),
    (c, v) => (c.configurations[0].standardConfiguration = v),
    (c, v) => (c.configurations[0].standardConfiguration[0] = v),
    (c, v) => (c.configurations[0].securedConfiguration = v),
    (c, v) => (c.globalConfiguration = v),
    (c, v) => (c.supportedRegions = v),
    (c, v) => (c.configurations[0].applicationType = v),
    (c, v) => c.configurations[0].standardConfiguration?.[0] && (c.configurations[0].standardConfiguration[0].description = v),
    (c, v) => c.configurations[0].standardConfiguration?.[0] && (c.configurations[0].standardConfiguration[0].default = v),
    // nested past the library's depth budget: refused as a source, said in the status
    (c) => (c.deep = JSON.parse(`${'['.repeat(200)}${']'.repeat(200)}`)),
  ];
  const { page, problems, close } = await openPage(env);
  let cases = 0;
  for (const [s, set] of SLOTS.entries()) {
    for (const wrong of WRONG) {
      const connector = structuredClone(defs.shopConnector);
      if (s === 4 && !connector.configurations[0].standardConfiguration?.length) continue;
      set(connector, structuredClone(wrong));
      await paste(page, 'connect.yaml', JSON.stringify(connector, null, 2));
      await status(page).filter({ hasText: /DeploymentDraft|cannot be read|cannot be used/ }).waitFor();
      await page.getByLabel('Connector key', { exact: true }).fill(`k${cases}`); // a keystroke after it
      const labels = await page.locator('#configuration-groups label').allTextContents();
      assert.ok(!labels.some((l) => /undefined|\[object Object\]/.test(l)), `${s} ${JSON.stringify(wrong)}: ${labels}`);
      cases++;
    }
  }
  console.log(`connector shapes: ${cases} generated Connector JSONs, no page error`);
  assert.deepEqual(problems, []);
  await close();
});

test('a half-typed connect.yaml keeps the form and what was typed; an empty editor clears it', async () => {
  const text = yaml([app('app', { standardConfiguration: ['PLAIN'], securedConfiguration: ['TOKEN'] })]);
  const { page, problems, close } = await openPage(env);
  await paste(page, 'connect.yaml', text);
  await field(page, 'app', 'PLAIN').fill('kept');
  await field(page, 'app', 'TOKEN').fill('kept-secret');
  await paste(page, 'connect.yaml', `${text}x: [\n`);
  await status(page).filter({ hasText: 'cannot be read: the form shows its last readable version' }).waitFor();
  assert.equal(await field(page, 'app', 'PLAIN').inputValue(), 'kept');
  await paste(page, 'connect.yaml', text);
  await status(page).filter({ hasNotText: 'cannot be read' }).waitFor();
  assert.equal(await field(page, 'app', 'PLAIN').inputValue(), 'kept');
  assert.equal(await field(page, 'app', 'TOKEN').inputValue(), 'kept-secret');
  await paste(page, 'connect.yaml', '');
  await status(page).filter({ hasText: 'Paste a connect.yaml' }).waitFor();
  assert.equal(await page.locator('#configuration-groups input').count(), 0);
  assert.deepEqual(problems, []);
  await close();
});

test('secured key names the shell would read (from a Connector JSON): one safe variable each, nothing run', async () => {
  const HOSTILE = ['API_KEY:-$(touch PWNED)', 'A[$(touch PWNED)]', 'A-B', 'A}', 'A:=x', '#', 'a/b', 'A:?boom', 'A B', 'é', '${A}',
    'IFS', 'PWD', 'RANDOM', 'BEARER_TOKEN', 'PROJECT_KEY', 'REGION', 'BASH_ENV', '1KEY', '_1KEY', 'SHARED'];
  const configurations = [
    { applicationName: 'app-a', applicationType: 'service', standardConfiguration: [{ key: 'TOKEN', description: 'public' }], securedConfiguration: HOSTILE.map((key) => ({ key, description: 'd', required: true })) },
    { applicationName: 'app b', applicationType: 'service', standardConfiguration: [], securedConfiguration: [{ key: 'SHARED', description: 'd', required: true }] },
  ];
  const connector = { key: 'my-connector', configurations, globalConfiguration: { standardConfiguration: [], securedConfiguration: [{ key: 'TOKEN', description: 'the global secret', required: true }] } };
  const { page, problems, close } = await openPage(env);
  await paste(page, 'connect.yaml', JSON.stringify(connector, null, 2));
  await page.getByLabel('Region', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Project key', { exact: true }).fill('shop');
  const typed = {};
  for (const [i, key] of HOSTILE.entries()) await field(page, 'app-a', key).fill((typed[`app-a ${key}`] = `secret-${i}`));
  await field(page, 'app b', 'SHARED').fill('secret-b');
  await field(page, 'app-a', 'TOKEN').fill('public-value');
  await field(page, 'Global configuration', 'TOKEN').fill('global-secret');
  await settled(page);
  const json = JSON.parse(await downloaded(page, 'Download deployment-draft.json'));
  const curl = await page.locator('#curl').textContent();
  const variables = (await page.locator('#curl-variables').textContent()).replace('Export first: ', '').split(' ');
  const placeholders = [...json.configurations, json.globalConfiguration].flatMap((b) => b.securedConfiguration.map((e) => /^\$\{(\w+)\}$/.exec(e.value)?.[1]));
  assert.ok(placeholders.every(Boolean), JSON.stringify(placeholders));
  assert.equal(new Set(placeholders).size, placeholders.length, 'one variable per secured value');
  for (const taken of ['IFS', 'PWD', 'RANDOM', 'BEARER_TOKEN', 'PROJECT_KEY', 'REGION', 'BASH_ENV']) assert.ok(!placeholders.includes(taken), taken);
  // The standard value of app-a's TOKEN is what was typed (the global TOKEN is another slot).
  assert.equal(json.configurations[0].standardConfiguration.find((e) => e.key === 'TOKEN').value, 'public-value');
  const dir = mkdtempSync(join(tmpdir(), 'cp-keys-'));
  writeFileSync(join(dir, 'run.sh'), `curl() { printf '%s\\n' "$@" > args; cat > body; }\nexport ${variables.map((n) => `${n}=env-${n}`).join(' ')}\n${curl}\n`);
  const r = spawnSync('bash', ['run.sh'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(!existsSync(join(dir, 'PWNED')), 'a command ran');
  let expected = JSON.stringify(json, null, 2);
  for (const n of placeholders) expected = expected.replaceAll(`\${${n}}`, `env-${n}`);
  assert.equal(readFileSync(join(dir, 'body'), 'utf8').replace(/\n$/, ''), expected);
  console.log(`secured key names: ${HOSTILE.length} hostile names, ${placeholders.length} variables, body as shown, nothing run`);
  assert.deepEqual(problems, []);
  await close();
});

test('what was typed survives a name edited letter by letter, and a link opened in the same tab applies', async () => {
  const text = (name) => yaml([app(name, { standardConfiguration: ['PLAIN'], securedConfiguration: ['TOKEN'] })]);
  const { page, problems, close } = await openPage(env);
  await paste(page, 'connect.yaml', text('app'));
  await field(page, 'app', 'PLAIN').fill('kept');
  await field(page, 'app', 'TOKEN').fill('kept-secret');
  await paste(page, 'connect.yaml', text('ap')); // readable, another name
  await paste(page, 'connect.yaml', text('app'));
  assert.equal(await field(page, 'app', 'PLAIN').inputValue(), 'kept');
  assert.equal(await field(page, 'app', 'TOKEN').inputValue(), 'kept-secret');
  // A link of another form, opened by changing only the fragment.
  const other = await openPage(env);
  await paste(other.page, 'connect.yaml', text('linked'));
  await field(other.page, 'linked', 'PLAIN').fill('from-the-link');
  const { url } = await linkState(other.page);
  await other.close();
  await page.evaluate((hash) => (location.hash = hash), new URL(url).hash);
  await page.getByRole('group', { name: 'linked', exact: true }).waitFor();
  assert.equal(await field(page, 'linked', 'PLAIN').inputValue(), 'from-the-link');
  assert.deepEqual(problems, []);
  await close();
});
