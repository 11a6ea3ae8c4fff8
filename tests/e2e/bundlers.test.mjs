// The package in every bundler, as a user's project has it (a copy in node_modules, not a
// link): Vite's dev server and build with no configuration, esbuild, webpack 5 and Rollup,
// each build loaded in Chromium from a static server with the page's CSP. The app
// (tests/bundlers/main.js) calls a function before init() (it must throw "call await init()
// first"), awaits init() twice, validates a draft and reads the schema. Where a bundler needs
// a step of the user's, it is the one the README gives (esbuild and Rollup: copy the wasm).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/chromium.mjs';
import { startServer } from '../../scripts/serve.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = join(root, 'target/bundlers');
const project = join(work, 'project');
const require = createRequire(join(project, 'package.json'));
let browser;
const servers = [];

before(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  // A copy, as npm installs it: a link would be resolved to pkg/ and treated as source code.
  cpSync(join(root, 'pkg'), join(project, 'node_modules/connect-preflight'), { recursive: true, dereference: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  for (const f of ['main.js', 'index.html']) copyFileSync(join(root, 'tests/bundlers', f), join(project, f));
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  for (const s of servers) await s.close?.();
});

/** Loads `url` in Chromium and returns what the app wrote, with the page's errors. */
async function load(url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !/favicon/.test(m.location()?.url ?? '') && problems.push(m.text()));
  await page.goto(url);
  await page.waitForFunction(() => document.body?.dataset.result, null, { timeout: 30_000 });
  const result = JSON.parse(await page.evaluate(() => document.body.dataset.result));
  await page.close();
  return { result, problems: problems.filter((p) => !/404 \(Not Found\)/.test(p)) };
}

function assertWorks({ result, problems }, name) {
  assert.equal(result.error, undefined, `${name}: ${result.error}`);
  assert.match(result.beforeInit, /call await init\(\) first/, name);
  assert.equal(result.valid, false, name);
  assert.deepEqual(result.codes, ['InvalidField /region 1:40'], name);
  assert.equal(result.schema, 'https://json-schema.org/draft/2020-12/schema', name);
  assert.deepEqual(problems, [], name);
}

const serveDir = async (dir) => {
  const { server, url } = await startServer({ port: 0, site: dir });
  servers.push(server);
  return url;
};

test('Vite dev server, no configuration (dependency pre-bundling on)', async () => {
  const { createServer } = await import('vite');
  const server = await createServer({ root: project, configFile: false, logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  servers.push(server);
  assertWorks(await load(server.resolvedUrls.local[0]), 'vite dev');
});

test('Vite build, no configuration', async () => {
  const { build } = await import('vite');
  const outDir = join(work, 'vite');
  await build({ root: project, configFile: false, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  assertWorks(await load(await serveDir(outDir)), 'vite build');
});

test('esbuild (the wasm copied beside the bundle, as the README says)', async () => {
  const { build } = await import('esbuild');
  const outDir = join(work, 'esbuild');
  await build({ entryPoints: [join(project, 'main.js')], bundle: true, format: 'esm', outdir: outDir, absWorkingDir: project, logLevel: 'silent' });
  copyFileSync(require.resolve('connect-preflight/web/connect_preflight_bg.wasm'), join(outDir, 'connect_preflight_bg.wasm'));
  copyFileSync(join(project, 'index.html'), join(outDir, 'index.html'));
  assertWorks(await load(await serveDir(outDir)), 'esbuild');
});

test('webpack 5 (no configuration beyond entry and output)', async () => {
  const webpack = (await import('webpack')).default;
  const outDir = join(work, 'webpack');
  const stats = await new Promise((resolve, reject) =>
    webpack({ mode: 'production', context: project, entry: './main.js', output: { path: outDir, filename: 'main.js' } }, (err, s) => (err ? reject(err) : resolve(s))),
  );
  assert.equal(stats.hasErrors(), false, stats.toString('errors-only'));
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>webpack</title></head><body><script src="main.js"></script></body></html>');
  assertWorks(await load(await serveDir(outDir)), 'webpack');
});

test('Rollup with node-resolve (the wasm copied beside the bundle, as the README says)', async () => {
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const outDir = join(work, 'rollup');
  const bundle = await rollup({ input: join(project, 'main.js'), plugins: [nodeResolve({ browser: true, rootDir: project })], onwarn: () => {} });
  await bundle.write({ dir: outDir, format: 'es' });
  copyFileSync(require.resolve('connect-preflight/web/connect_preflight_bg.wasm'), join(outDir, 'connect_preflight_bg.wasm'));
  copyFileSync(join(project, 'index.html'), join(outDir, 'index.html'));
  assertWorks(await load(await serveDir(outDir)), 'rollup');
});
