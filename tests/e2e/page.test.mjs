// The page in a real headless Chromium (Debian's, driven by playwright-core): type an invalid
// draft, see the errors; make it valid, see "valid". Leaves a screenshot in target/e2e/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { useBrowser } from './browser.mjs';

const env = useBrowser();

test('typing an invalid draft shows its errors; fixing it shows valid', async () => {
  const page = await env.browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`${env.base}/www/`);
  await page.locator('#status').filter({ hasText: 'Paste or type' }).waitFor();

  const draft = page.locator('#draft');
  await draft.click();
  // Typed key by key, as a user would: the report updates on every keystroke.
  await draft.pressSequentially('{"connector": {"version": 1},\n "region": "eu", "configurations": []}');
  await page.locator('#status').filter({ hasText: 'invalid: 2 errors' }).waitFor();
  const items = await page.locator('#issues li').allTextContents();
  assert.ok(items.some((t) => t.includes('RequiredField') && t.includes('/connector/key')), items.join('\n'));
  assert.ok(items.some((t) => t.includes('InvalidField') && t.includes('/region · 2:12')), items.join('\n'));
  mkdirSync('target/e2e', { recursive: true });
  await page.screenshot({ path: 'target/e2e/page-invalid.png', fullPage: true });

  // Clicking an issue puts the caret on it.
  await page.locator('#issues li', { hasText: '/region' }).click();
  const caret = await draft.evaluate((el) => el.selectionStart);
  assert.equal(await draft.evaluate((el, at) => el.value.slice(at, at + 4), caret), '"eu"');

  await draft.fill('{"connector": {"key": "c1"}, "region": "europe-west1.gcp", "configurations": []}');
  await page.locator('#status').filter({ hasText: /^valid$/ }).waitFor();
  assert.equal(await page.locator('#issues li').count(), 0);

  await page.locator('#load-invalid').click();
  await page.locator('#status').filter({ hasText: 'invalid: 8 errors, 1 warning' }).waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('with a connector beside the draft, the cross-check issues appear next to it', async () => {
  const page = await env.browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${env.base}/www/`);
  await page.locator('#load-mismatch').click();
  await page.locator('#status').filter({ hasText: 'invalid: 4 errors' }).waitFor();
  const items = await page.locator('#issues li').allTextContents();
  assert.ok(items.some((t) => t.includes('DeploymentUnknownApplicationConfigurationKey') && t.includes('put it in securedConfiguration')), items.join('\n'));
  assert.ok(items.some((t) => t.includes("Did you mean 'enabler'")), items.join('\n'));
  // The secured key in the standard block is both answers (API.md §6), one mistake.
  assert.ok(items.some((t) => t.includes('DeploymentMissingApplicationConfigurationKey') && t.includes('one mistake')), items.join('\n'));
  assert.ok(!items.join('\n').includes('do-not-print-me'), 'a secured value is shown');
  mkdirSync('target/e2e', { recursive: true });
  await page.screenshot({ path: 'target/e2e/page-connector.png', fullPage: true });

  // The same draft is valid on its own: clearing the connector removes the cross-checks.
  await page.locator('#connector').fill('');
  await page.locator('#status').filter({ hasText: /^valid$/ }).waitFor();
  // A Connector JSON works as well as connect.yaml; one of the wrong shape is a clear message.
  await page.locator('#connector').fill(JSON.stringify({ configurations: [{ applicationName: 'processor', standardConfiguration: [], securedConfiguration: [] }], supportedRegions: ['us-central1.gcp'] }));
  await page.locator('#status').filter({ hasText: 'invalid' }).waitFor();
  assert.ok((await page.locator('#issues').textContent()).includes('DeploymentUnsupportedRegion'));
  await page.locator('#connector').fill('{"name": "no configurations"}');
  await page.locator('#status').filter({ hasText: 'no configurations array' }).waitFor();

  // A connect.yaml with its own mistake: the issue points into the connector box (API.md §6).
  const yaml = await page.evaluate(() => fetch('../examples/connect-yaml/valid/connect.yaml').then((r) => r.text()));
  const broken = yaml.replace(/applicationType: service/, 'applicationType: servce');
  assert.notEqual(broken, yaml);
  await page.locator('#connector').fill(broken);
  await page.locator('#status').filter({ hasText: 'invalid' }).waitFor();
  const own = page.locator('#issues li.context');
  assert.ok((await own.count()) >= 1, await page.locator('#issues').textContent());
  const text = await own.first().textContent();
  assert.ok(text.includes('connector /deployAs/') && text.includes("In the connector's connect.yaml"), text);
  await own.first().click();
  const [focused, caret] = await page.evaluate(() => [document.activeElement.id, document.activeElement.selectionStart]);
  assert.equal(focused, 'connector');
  assert.equal(broken.slice(caret, caret + 6), 'servce');
  assert.deepEqual(problems, []);
  await page.close();
});

// The browser build in Chromium, as a page loads it: a forced trap is answered with an
// InternalError report and the next call works (the guard re-instantiates the module); hostile
// JS values are reports, and the instance lives through thousands of them.
test('Chromium: a trap is survived, and hostile values never kill the instance', async () => {
  const page = await env.browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${env.base}/www/`);
  const result = await page.evaluate(async () => {
    const web = await import('/pkg/web/index.js');
    const glue = await import('/pkg/web/connect_preflight.js');
    const { guard } = await import('/pkg/web/guard.js');
    await web.init();
    const internal = guard(glue);
    const traps = [];
    for (let i = 0; i < 5; i++) {
      const report = internal.__forceTrap('trap');
      traps.push([report.valid, report.errors[0].code, web.validateKey('ab').valid]);
    }
    const draft = { connector: { key: 'c1' }, region: 'europe-west1.gcp', configurations: [] };
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const cyclic = {};
    cyclic.self = cyclic;
    const hostile = [proxy, cyclic, { get key() { throw new Error('S3CRET'); } }, { toJSON() { throw { get message() { throw 1; } }; } }, 10n, new Uint8Array(16)];
    const table = () => glue.__exports().__wbindgen_externrefs.length;
    web.validateDeploymentDraft(hostile[0]);
    const before = table();
    const codes = new Set();
    let calls = 0;
    for (let i = 0; i < 2000; i++) {
      for (const value of hostile) {
        codes.add(web.validateDeploymentDraft(value).errors[0].code);
        calls++;
      }
    }
    return { traps, codes: [...codes], calls, grew: table() - before, alive: web.validateDeploymentDraft(draft).valid };
  });
  console.log(`Chromium: ${result.calls} hostile calls, externref table grew by ${result.grew}`);
  assert.deepEqual(result.traps, Array(5).fill([false, 'InternalError', true]));
  assert.deepEqual(result.codes, ['InvalidJsonInput']);
  assert.equal(result.grew, 0);
  assert.equal(result.alive, true);
  assert.deepEqual(problems, []);
  await page.close();
});
