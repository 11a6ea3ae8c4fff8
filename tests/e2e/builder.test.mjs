// The draft builder in Chromium, on real corpus files, driven by the page's labels as a user
// (or assistive technology) finds them: errors appear and disappear as required values are
// given and removed, the built DeploymentDraft is valid for its connect.yaml (checked here in
// Node), and a secret typed into a secured field is nowhere but in the password input —
// not in the JSON, the curl line, the link, the page's storage or its HTML — unless
// "Include secret values" is ticked (and never in the link).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useBrowser } from './browser.mjs';
import { openPage, paste, downloaded, linkState, settled, status, SHOTS } from './pagekit.mjs';

const require = createRequire(import.meta.url);
const api = require('../../pkg/node/index.cjs');
const env = useBrowser();
const corpus = (name) => readFileSync(new URL(`../../../shared/corpus/connect-yaml/${name}`, import.meta.url), 'utf8');

// Three real files: the payment template; one with global configuration, a job and an event;
// one more with a job. Each loaded another way: pasted, picked as an example, opened as a file.
const FILES = [
  { name: 'commercetools__connect-payment-integration-template__connect.yaml', load: 'paste' },
  { name: 'commercetools__connect-application-kit__application-templates_javascript_connect.yaml', load: 'example', example: 'Application kit (global configuration, job, event)' },
  { name: 'Eagle-Eye-Solutions__integration-commerce-tools__connect.yaml', load: 'file' },
];

/** Every configuration key of a connect.yaml, by group name (as the form names its groups). */
function keysOf(text) {
  const { spec } = api.parseConnectYaml(text);
  const keys = [];
  const add = (group, block, type) => {
    for (const [secured, list] of [[false, block?.standardConfiguration ?? []], [true, block?.securedConfiguration ?? []]]) {
      for (const d of list) keys.push({ group, type, key: d.key, secured, required: d.required, hasDefault: d.default !== undefined });
    }
  };
  if (spec.globalConfiguration) add('Global configuration', spec.globalConfiguration, 'global');
  for (const app of spec.configurations) add(app.applicationName, app, app.applicationType);
  return { spec, keys };
}

const field = (page, group, label) => page.getByRole('group', { name: group, exact: true }).getByLabel(label, { exact: true });

for (const [index, { name, load, example }] of FILES.entries()) {
  test(`builder: ${name}`, async () => {
    const yaml = corpus(name);
    const { spec, keys } = keysOf(yaml);
    const { page, problems, close } = await openPage(env);
    if (load === 'paste') await paste(page, 'connect.yaml', yaml);
    else if (load === 'example') await page.getByLabel('Example', { exact: true }).selectOption({ label: example });
    else await page.getByLabel('Open connect.yaml', { exact: true }).setInputFiles({ name: 'connect.yaml', mimeType: 'text/yaml', buffer: Buffer.from(yaml) });
    await status(page).filter({ hasText: 'DeploymentDraft: invalid' }).waitFor();
    for (const app of spec.configurations) assert.equal(await page.getByRole('group', { name: app.applicationName, exact: true }).count(), 1, app.applicationName);

    await page.getByLabel('Connector key', { exact: true }).fill('my-connector');
    await page.getByLabel('Region', { exact: true }).selectOption('europe-west1.gcp');
    await page.getByLabel('Project key', { exact: true }).fill('shop-staging');

    // Every required key without a default is an error at its field, gone once given.
    const secrets = [];
    let required = 0;
    for (const [i, k] of keys.entries()) {
      const input = field(page, k.group, k.key);
      assert.equal(await input.getAttribute('type'), k.secured ? 'password' : 'text', `${k.group} ${k.key}`);
      const missing = k.required && !k.hasDefault;
      assert.equal(await input.getAttribute('aria-invalid'), missing ? 'true' : null, `${k.group} ${k.key} before`);
      if (missing) {
        required++;
        const described = await input.evaluate((el) => el.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id).textContent).join(' '));
        assert.match(described, /Deployment(Missing|Empty)(Application|Global)ConfigurationKey|Missing/, described);
      }
      if (!missing && i % 2 === 1) continue; // leave some optional ones (and defaults) empty
      const value = k.secured ? `S3cret-${index}-${i}-do-not-leak` : `value-${i}`;
      if (k.secured) secrets.push(value);
      await input.fill(value);
      assert.equal(await input.getAttribute('aria-invalid'), null, `${k.group} ${k.key} after`);
    }
    assert.ok(required > 0, 'the file has required keys');
    await status(page).filter({ hasText: /^DeploymentDraft: valid/ }).waitFor();
    assert.equal(await page.locator('#summary-list li.error').count(), 0);

    // Removing a required value brings its error back, in the field and in the summary.
    const first = keys.find((k) => k.required && !k.hasDefault);
    const input = field(page, first.group, first.key);
    const kept = await input.inputValue();
    await input.fill('');
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    await status(page).filter({ hasText: 'DeploymentDraft: invalid: 1 error' }).waitFor();
    assert.ok((await page.locator('#summary-list li.error').textContent()).includes(first.key));
    // The summary item is a button that moves focus to the field.
    await page.locator('#summary-list li.error button').click();
    assert.equal(await input.evaluate((el) => el === document.activeElement), true);
    await input.fill(kept);
    await status(page).filter({ hasText: /^DeploymentDraft: valid/ }).waitFor();

    // The overrides: a job's schedule and an event's retry policy, judged at their fields.
    const job = spec.configurations.find((a) => a.applicationType === 'job');
    if (job) {
      const schedule = field(page, job.applicationName, 'Schedule');
      await schedule.fill('every day');
      assert.equal(await schedule.getAttribute('aria-invalid'), 'true');
      assert.ok((await page.locator('#summary-list').textContent()).includes('InvalidSchedule'));
      await schedule.fill('30 2 * * *');
      assert.equal(await schedule.getAttribute('aria-invalid'), null);
    }
    const event = spec.configurations.find((a) => a.applicationType === 'event');
    if (event) {
      await field(page, event.applicationName, 'Retry strategy').selectOption('exponential-backoff');
      const min = field(page, event.applicationName, 'Min backoff seconds');
      assert.equal(await min.getAttribute('aria-invalid'), 'true'); // required by the strategy
      await min.fill('700');
      assert.equal(await min.getAttribute('aria-invalid'), 'true'); // 1 to 600
      await min.fill('5');
      await field(page, event.applicationName, 'Max backoff seconds').fill('60');
      assert.equal(await min.getAttribute('aria-invalid'), null);
    }
    await status(page).filter({ hasText: /^DeploymentDraft: valid/ }).waitFor();

    // The JSON: valid for this connect.yaml, checked in Node; secured values as ${KEY}.
    const json = await downloaded(page, 'Download deployment-draft.json');
    const draft = JSON.parse(json);
    const report = api.validateDeploymentDraft(json, { connectYaml: yaml });
    assert.deepEqual(report.errors, [], json);
    if (job) assert.equal(draft.configurations.find((c) => c.applicationName === job.applicationName).schedule, '30 2 * * *');
    if (event) assert.deepEqual(draft.configurations.find((c) => c.applicationName === event.applicationName).retryPolicy, { strategy: 'exponential-backoff', minBackoffSeconds: 5, maxBackoffSeconds: 60 });
    const secured = [...draft.configurations, draft.globalConfiguration].filter(Boolean).flatMap((b) => b.securedConfiguration);
    // Each secured value is its own ${NAME}: the key, or CP_<APPLICATION>_<KEY> for a key
    // another application has too.
    const placeholders = secured.map((e) => e.value);
    assert.ok(secured.length > 0 && placeholders.every((v) => /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(v)), JSON.stringify(secured));
    assert.equal(new Set(placeholders).size, placeholders.length, 'one variable per secured value');
    assert.ok(secured.some((e) => e.value === `\${${e.key}}`));
    const exported = await page.locator('#curl-variables').textContent();
    for (const v of placeholders) assert.ok(exported.includes(v.slice(2, -1)), `${exported} lacks ${v}`);
    await settled(page);
    const curl = await page.locator('#curl').textContent();
    assert.ok(curl.startsWith("curl -sS -X POST 'https://connect.europe-west1.gcp.commercetools.com/shop-staging/deployments'"), curl);
    assert.ok(curl.includes('Bearer ${BEARER_TOKEN}'));
    assert.equal(await page.locator('#cli').textContent(), "npx connect-preflight validate deployment-draft deployment-draft.json --connector connect.yaml --project-key 'shop-staging'");

    const everywhere = async () => {
      const { url, state } = await linkState(page);
      return {
        json: await downloaded(page, 'Download deployment-draft.json'),
        curl: await settled(page).then(() => page.locator('#curl').textContent()),
        link: url + JSON.stringify(state),
        url,
        state,
        storage: await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie])),
        html: await page.evaluate(() => document.documentElement.outerHTML),
        // The page outside the two outputs that show the JSON (which holds the secrets when ticked).
        elsewhere: await page.evaluate(() => {
          const copy = document.documentElement.cloneNode(true);
          for (const id of ['draft-output', 'curl']) copy.querySelector(`#${id}`).replaceChildren();
          return copy.outerHTML;
        }),
      };
    };
    const leaks = (where) => Object.entries(where).flatMap(([k, v]) => secrets.filter((s) => String(typeof v === 'string' ? v : JSON.stringify(v)).includes(s)).map((s) => `${k}: ${s}`));
    const hidden = await everywhere();
    assert.deepEqual(leaks(hidden), []);
    // The link holds the connector (the file, byte for byte: the example is a copy of it) and
    // the standard values, and opens the same form.
    assert.equal(hidden.state.source, yaml);
    const standard = keys.find((k) => !k.secured && k.group !== 'Global configuration');
    if (standard) assert.ok(Object.values(hidden.state.values).includes(await field(page, standard.group, standard.key).inputValue()));

    // Ticked: the JSON and the curl command carry the secrets (the link never does).
    await page.getByLabel('Include secret values', { exact: true }).check();
    const shown = await everywhere();
    assert.ok(secrets.every((s) => shown.json.includes(s) && shown.curl.includes(s)), 'secrets in the JSON and curl when ticked');
    assert.deepEqual(leaks({ link: shown.link, storage: shown.storage, elsewhere: shown.elsewhere }), []);
    assert.deepEqual(api.validateDeploymentDraft(shown.json, { connectYaml: yaml }).errors, []);
    await page.screenshot({ path: `${SHOTS}/builder-${index + 1}.png`, fullPage: true });

    // The link, opened in a new page: same connector and values, secured fields empty.
    const again = await openPage(env, { path: `/${new URL(shown.url).hash}` });
    await status(again.page).filter({ hasText: 'DeploymentDraft: invalid' }).waitFor(); // the secrets are missing
    if (standard) assert.equal(await field(again.page, standard.group, standard.key).inputValue(), await field(page, standard.group, standard.key).inputValue());
    const secret = keys.find((k) => k.secured);
    assert.equal(await field(again.page, secret.group, secret.key).inputValue(), '');
    assert.equal(await again.page.getByLabel('Connector key', { exact: true }).inputValue(), 'my-connector');
    assert.deepEqual(again.problems, []);
    await again.close();
    console.log(`${name}: ${keys.length} keys, ${required} required without default, ${secrets.length} secrets checked in 5 places`);
    assert.deepEqual(problems, []);
    await close();
  });
}

test('builder: the keyboard alone, from paste to copy', async () => {
  const yaml = corpus(FILES[0].name);
  const { page, problems, close } = await openPage(env, { permissions: ['clipboard-read', 'clipboard-write'] });
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent;
      return { tag: el.tagName, type: el.type ?? null, label: label?.trim().slice(0, 80), invalid: el.getAttribute('aria-invalid'), inSummary: !!el.closest('#summary-list') };
    });
  // Tab from the top of the page to the connect.yaml editor, and paste.
  let at;
  for (let i = 0; i < 20 && (at = await focused()).label !== 'connect.yaml'; i++) await page.keyboard.press('Tab');
  assert.equal(at.label, 'connect.yaml');
  await page.keyboard.insertText(yaml);
  await status(page).filter({ hasText: 'DeploymentDraft: invalid' }).waitFor();
  // Tab on to the first summary item: Enter takes focus to its field.
  for (let i = 0; i < 20 && !(at = await focused()).inSummary; i++) await page.keyboard.press('Tab');
  assert.ok(at.inSummary, JSON.stringify(at));
  await page.keyboard.press('Enter');
  assert.deepEqual([(await focused()).label, (await focused()).invalid], ['Connector key', 'true']);
  // On through the form: type into each field in error, pick a region with the arrow keys,
  // until the copy button; Enter copies the JSON.
  let steps = 0;
  for (; steps < 200; steps++) {
    at = await focused();
    if (at.tag === 'BUTTON' && at.label === 'Copy JSON') break;
    if (at.tag === 'SELECT' && at.label === 'Region') await page.keyboard.press('ArrowDown');
    else if (at.tag === 'INPUT' && at.invalid === 'true') await page.keyboard.type(at.label === 'Connector key' ? 'my-connector' : at.type === 'password' ? 'kbd-secret' : 'kbd-value');
    await page.keyboard.press('Tab');
  }
  assert.equal(at.label, 'Copy JSON', `reached after ${steps} steps`);
  await status(page).filter({ hasText: /^DeploymentDraft: valid/ }).waitFor();
  await page.keyboard.press('Enter');
  await status(page).filter({ hasText: 'Copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.deepEqual(api.validateDeploymentDraft(copied, { connectYaml: yaml }).errors, []);
  assert.ok(!copied.includes('kbd-secret'), 'the secret stays out of the copied JSON');
  assert.ok(copied.includes('"${CTP_CLIENT_SECRET}"'));
  // Focus is visible: the focused button has an outline.
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none');
  console.log(`keyboard: paste to copy in ${steps} steps`);
  assert.deepEqual(problems, []);
  await close();
});

test('builder: a Connector JSON as the source (supportedRegions, staged, its key)', async () => {
  const defs = JSON.parse(readFileSync(new URL('../fixtures/defs/connectors.json', import.meta.url), 'utf8'));
  const connector = { ...defs.shopStaged, supportedRegions: ['us-central1.gcp'] };
  const { page, problems, close } = await openPage(env);
  await paste(page, 'connect.yaml', JSON.stringify(connector, null, 2));
  await status(page).filter({ hasText: 'DeploymentDraft: invalid' }).waitFor();
  assert.equal(await page.getByLabel('Connector key', { exact: true }).inputValue(), 'shop-connector');
  assert.equal(await page.getByLabel('Staged', { exact: true }).isChecked(), true);
  const regions = await page.getByLabel('Region', { exact: true }).locator('option').allTextContents();
  assert.deepEqual(regions, ['Choose…', 'us-central1.gcp']);
  const types = await page.getByLabel('Type', { exact: true }).locator('option').allTextContents();
  assert.deepEqual(types, ['Not set', 'preview']);
  // A JSON syntax error is shown in the editor, at its place.
  await paste(page, 'connect.yaml', '{"configurations": [}');
  await page.locator('#source-issues li.error').filter({ hasText: 'InvalidJsonInput' }).waitFor();
  assert.equal(await page.locator('#source-editor .cm-lint-marker-error').count(), 1);
  assert.deepEqual(problems, []);
  await close();
});

test('builder: a dropped connect.yaml; its own issues are buttons that select their place', async () => {
  const yaml = corpus(FILES[0].name);
  const broken = yaml.replace('applicationType: service', 'applicationType: servce');
  assert.notEqual(broken, yaml);
  const { page, problems, close } = await openPage(env);
  // A file dropped on the editor replaces its text (not inserted at the caret).
  await paste(page, 'connect.yaml', 'deployAs: []\n');
  const drop = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'connect.yaml', { type: 'text/yaml' }));
    return data;
  }, broken);
  await page.locator('#source-editor .cm-content').dispatchEvent('drop', { dataTransfer: drop });
  const item = page.locator('#source-issues li.error').filter({ hasText: 'servce' });
  await item.waitFor();
  assert.ok(!(await page.getByRole('textbox', { name: 'connect.yaml', exact: true }).textContent()).includes('deployAs: []'), 'replaced, not inserted');
  const where = await item.locator('.where').textContent();
  assert.match(where, /^\d+:\d+$/);
  // Enter on the issue (a button) puts the selection on the value it is about.
  await item.locator('button').focus();
  await page.keyboard.press('Enter');
  const selected = await page.evaluate(() => document.getSelection().toString());
  assert.equal(selected, 'servce');
  assert.ok(await page.evaluate(() => !!document.activeElement.closest('#source-editor')));
  await status(page).filter({ hasText: 'connect.yaml: 1 error' }).waitFor();
  assert.deepEqual(problems, []);
  await close();
});
