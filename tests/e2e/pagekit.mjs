// Helpers of the page tests: a page that records its errors, CSP violations and every request,
// the page's controls by their accessible names, and the share link decoded.
import { mkdirSync, readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

export const SHOTS = 'target/e2e';
mkdirSync(SHOTS, { recursive: true });

export async function openPage(env, { viewport = { width: 1280, height: 900 }, path = '/', permissions = [] } = {}) {
  const context = await env.browser.newContext({ viewport, permissions, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`console ${m.type()}: ${m.text()}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${env.base}${path}`);
  await page.locator('#status').filter({ hasNotText: 'Loading' }).waitFor();
  return { page, context, problems, requests, close: () => context.close() };
}

/** Replaces the text of the CodeMirror editor named `label`, as a paste would. */
export async function paste(page, label, text) {
  const editor = page.getByRole('textbox', { name: label, exact: true });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  if (text === '') await page.keyboard.press('Delete');
  else await page.keyboard.insertText(text);
}

/** The text of a download started by clicking the button named `name`. */
export async function downloaded(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
  return readFileSync(await download.path(), 'utf8');
}

/** Waits until the builder's outputs (JSON, curl, command line, link) show the current form:
 * they are redrawn after the frame that shows the issues, with aria-busy until then. */
export const settled = (page) => page.locator('#request[aria-busy="false"]').waitFor();

/** The builder state in the page's URL fragment (the share link), decoded. */
export async function linkState(page) {
  await settled(page);
  await page.waitForFunction(() => location.hash.startsWith('#state='));
  // The fragment is written 250 ms after the last change.
  await page.waitForTimeout(400);
  const url = page.url();
  const packed = Buffer.from(url.slice(url.indexOf('#state=') + 7), 'base64url');
  return { url, state: JSON.parse(inflateRawSync(packed).toString('utf8')) };
}

export const status = (page) => page.locator('#status');
