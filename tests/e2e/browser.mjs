// Debian's Chromium (never a downloaded one) driven by playwright-core, with the page server,
// for the e2e tests: `const env = useBrowser();` then `env.browser`, `env.base` in the tests.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

export function useBrowser() {
  const env = { browser: undefined, base: undefined, server: undefined };
  before(async () => {
    ({ server: env.server, url: env.base } = await startServer({ port: 0 }));
    env.browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}
