// The fixture corpus in headless Chromium against the build that ships: pkg/web exactly as
// published (size-optimised, without the draft-fast-path feature), loaded by the page's own
// `import` and `init()`. Each call runs in the page; its result is checked here.
import { test } from 'node:test';
import { useBrowser } from './browser.mjs';
import { call, check, fixtureCases } from '../node/fixture-cases.mjs';

const env = useBrowser();

test('every fixture case, in Chromium, on pkg/web', async () => {
  const page = await env.browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${env.base}/blank.html`);
  const cases = fixtureCases();
  const results = await page.evaluate(async ({ url, cases, callSource }) => {
    const api = await import(url);
    await api.default();
    // eslint-disable-next-line no-new-func
    const run = new Function(`return (${callSource})`)();
    return cases.map(({ fn, runs }) => runs.map(({ input, second }) => {
      try {
        return { result: run(api, fn, input, second) };
      } catch (e) {
        return { threw: String(e?.message ?? e) };
      }
    }));
  }, { url: `${env.base}/pkg/web/index.js`, cases: cases.map(({ fn, runs }) => ({ fn, runs })), callSource: call.toString() });
  let checked = 0;
  const failures = [];
  cases.forEach(({ name, want, runs }, i) => {
    runs.forEach(({ positions }, j) => {
      const got = results[i][j];
      try {
        if ('threw' in got) throw new Error(`threw: ${got.threw}`);
        check(want, got.result, positions);
        checked++;
      } catch (e) {
        failures.push(`${name} (run ${j}): ${e.message.split('\n')[0]}`);
      }
    });
  });
  console.log(`Chromium, pkg/web: ${checked} fixture runs checked`);
  if (failures.length || problems.length) throw new Error([...failures.slice(0, 20), ...problems].join('\n'));
  if (checked < 300) throw new Error(`only ${checked} runs checked`);
  await page.close();
});
