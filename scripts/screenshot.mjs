// docs/builder.png, the README's picture of the draft builder (make screenshot): the page from
// site/ in Chromium, the application kit example picked, a few fields filled by their labels
// (one required key left empty, so an error shows at its field and in the summary).
import { launchChromium } from './chromium.mjs';
import { startServer } from './serve.mjs';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../docs/builder.png', import.meta.url));
const { server, url } = await startServer({ port: 0 });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(url);
  await page.locator('#status').filter({ hasNotText: 'Loading' }).waitFor();
  await page.getByLabel('Example', { exact: true }).selectOption({ label: 'Application kit (global configuration, job, event)' });
  await page.locator('#status').filter({ hasText: 'DeploymentDraft: invalid' }).waitFor();
  await page.getByLabel('Connector key', { exact: true }).fill('my-connector');
  await page.getByLabel('Project key', { exact: true }).fill('shop-staging');
  await page.getByLabel('Region', { exact: true }).selectOption('europe-west1.gcp');
  const inputs = page.locator('#configuration-groups input[aria-required="true"]');
  const n = await inputs.count();
  for (let i = 1; i < n; i++) {
    const input = inputs.nth(i);
    await input.fill((await input.getAttribute('type')) === 'password' ? 'a-secret-value' : 'a-value');
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: out });
  console.log(`screenshot: ${out} (${n - 1} of ${n} required keys filled)`);
} finally {
  await browser.close();
  server.close();
}
