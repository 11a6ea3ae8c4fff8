// Debian's Chromium driven by playwright-core (scripts/chromium.mjs), with the page server on
// site/ (and pkg/ at /pkg/), for the e2e tests: `const env = useBrowser();` then
// `env.browser`, `env.base` in the tests. The site is built by `make site` before the tests.
import { before, after } from 'node:test';
import { existsSync } from 'node:fs';
import { launchChromium } from '../../scripts/chromium.mjs';
import { startServer } from '../../scripts/serve.mjs';

export function useBrowser() {
  const env = { browser: undefined, base: undefined, server: undefined };
  before(async () => {
    if (!existsSync(new URL('../../site/index.html', import.meta.url))) throw new Error('site/ is not built: run make site');
    ({ server: env.server, url: env.base } = await startServer({ port: 0, pkg: true }));
    env.browser = await launchChromium();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}
