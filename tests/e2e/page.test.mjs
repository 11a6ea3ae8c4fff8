// The page as served: only its own files (no third-party origin, no CSP violation), each
// compressed and with its MIME type; axe-core finds no serious or critical violation in any
// view; at 390 px wide nothing scrolls sideways. Also: the browser build survives a trap and
// thousands of hostile values in Chromium. Screenshots are left in target/e2e/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useBrowser } from './browser.mjs';
import { openPage, paste, status, SHOTS } from './pagekit.mjs';

const require = createRequire(import.meta.url);
const env = useBrowser();
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const yaml = readFileSync(new URL('../../www/examples/payment-integration-template.connect.yaml', import.meta.url), 'utf8');

/** Fills the builder with a draft that has errors and warnings (the views are judged full). */
async function fillBuilder(page) {
  await paste(page, 'connect.yaml', yaml);
  await status(page).filter({ hasText: 'DeploymentDraft: invalid' }).waitFor();
  await page.getByLabel('Connector key', { exact: true }).fill('x');
}

test('only its own files, compressed, with their types; no CSP violation; works without compression too', async () => {
  const { page, problems, requests, close } = await openPage(env);
  await fillBuilder(page);
  await page.getByLabel('Example', { exact: true }).selectOption({ index: 2 });
  await page.getByRole('tab', { name: 'Connector update' }).click();
  await page.getByRole('button', { name: 'Load an example' }).click();
  await status(page).filter({ hasText: 'update actions' }).waitFor();
  const origin = new URL(env.base).origin;
  const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  const served = await page.evaluate(async () => {
    const out = {};
    for (const file of ['', 'app.js', 'style.css', 'connect_preflight_bg.wasm']) {
      const r = await fetch(file, { cache: 'no-store' });
      out[file || 'index.html'] = [r.headers.get('content-type'), r.headers.get('content-encoding')];
    }
    return out;
  });
  assert.deepEqual(served['connect_preflight_bg.wasm'], ['application/wasm', 'br']);
  assert.deepEqual(served['app.js'], ['text/javascript; charset=utf-8', 'br']);
  assert.equal(served['index.html'][0], 'text/html; charset=utf-8');
  console.log(`${requests.length} requests, all to ${origin}`);
  assert.deepEqual(problems, []);
  await close();

  // A host that sends the files as they are (no precompressed copies, no encoding).
  const plain = await env.browser.newContext({ extraHTTPHeaders: { 'accept-encoding': 'identity' } });
  const p = await plain.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(`${env.base}/`);
  await p.getByLabel('Example', { exact: true }).selectOption({ index: 1 });
  await p.locator('#status').filter({ hasText: 'DeploymentDraft: invalid' }).waitFor();
  assert.deepEqual(errors, []);
  await plain.close();
});

test('axe-core: no serious or critical violation in any view, filled', async () => {
  const { page, problems, close } = await openPage(env);
  await fillBuilder(page);
  const found = {};
  const audit = async (view) => {
    // Evaluated by the DevTools protocol, which the page's CSP does not govern.
    await page.evaluate(AXE);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    found[view] = result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`);
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  };
  const serious = [...(await audit('build'))];
  await page.getByRole('tab', { name: 'Connector update' }).click();
  await page.getByRole('button', { name: 'Load an example' }).click();
  await status(page).filter({ hasText: 'update actions' }).waitFor();
  serious.push(...(await audit('connector update')));
  await page.getByRole('tab', { name: 'Check anything' }).click();
  await paste(page, 'Payload', readFileSync(new URL('../../examples/tray/invalid/connector.json', import.meta.url), 'utf8'));
  await status(page).filter({ hasText: 'invalid' }).waitFor();
  serious.push(...(await audit('check anything')));
  console.log(`axe-core ${JSON.parse(JSON.stringify(await page.evaluate(() => window.axe.version)))}: ${JSON.stringify(found)}`);
  assert.deepEqual(serious.map((v) => `${v.impact} ${v.id}: ${v.help}`), []);
  // Only the status line is a live region of the page (each CodeMirror editor has its own,
  // empty, for what the editor announces itself).
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('[aria-live]')].filter((e) => !e.closest('.cm-editor')).map((e) => e.id)), ['status']);
  assert.deepEqual(problems, []);
  await close();
});

test('390 px wide: no horizontal scrolling in any view', async () => {
  const { page, problems, close } = await openPage(env, { viewport: { width: 390, height: 844 } });
  await fillBuilder(page);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(await overflow(), 0, 'build');
  await page.screenshot({ path: `${SHOTS}/narrow-build.png`, fullPage: true });
  await page.getByRole('tab', { name: 'Connector update' }).click();
  await page.getByRole('button', { name: 'Load an example' }).click();
  await status(page).filter({ hasText: 'update actions' }).waitFor();
  assert.equal(await overflow(), 0, 'connector update');
  await page.getByRole('tab', { name: 'Check anything' }).click();
  await paste(page, 'Payload', readFileSync(new URL('../../examples/deployment-draft.invalid.json', import.meta.url), 'utf8'));
  await status(page).filter({ hasText: 'invalid' }).waitFor();
  assert.equal(await overflow(), 0, 'check anything');
  await page.screenshot({ path: `${SHOTS}/narrow-check.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await close();
});

// JS values are reports, and the instance lives through thousands of them.
test('Chromium: a trap is survived, and hostile values never kill the instance', async () => {
  const page = await env.browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${env.base}/blank.html`);
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
