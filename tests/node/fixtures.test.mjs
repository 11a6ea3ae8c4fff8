// The fixture corpus against the assembled package: loaded by name with both import and
// require (the Node build), and the browser build (pkg/web) initialised in Node; each payload
// as a JS object and as JSON text. The same corpus runs in Chromium in tests/e2e/fixtures.test.mjs.
import { test } from 'node:test';
import { createRequire } from 'node:module';
import * as esm from 'connect-preflight';
import { loadBuild } from './pkgdir.mjs';
import { call, check, fixtureCases } from './fixture-cases.mjs';

const cjs = createRequire(import.meta.url)('connect-preflight');
const web = (await loadBuild('web')).api;

for (const { name, fn, want, runs } of fixtureCases()) {
  test(name, () => {
    for (const api of [esm, cjs, web]) {
      for (const { input, second, positions } of runs) check(want, call(api, fn, input, second), positions);
    }
  });
}
