// A string argument that is no payload is read up to 65,536 UTF-16 units, and one more to see
// that it is longer (docs/api-notes.md, "Budgets"). A path parameter past that is an error and
// no path is built: a path made from part of a string names another resource (found by an
// outside attack: 'a' × 65,536 + '/../../admin' was a valid name, cut before its slash).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBuilds } from './pkgdir.mjs';

const LIMIT = 65_536;
const builds = await loadBuilds();
const ID = '3c5e0000-0000-4000-8000-000000002387';

test('path parameters at and past the read limit, in every position, both builds', () => {
  let cases = 0;
  for (const { name, api } of builds) {
    for (const length of [LIMIT - 1, LIMIT, LIMIT + 1, LIMIT + 12, 300_000]) {
      const long = 'a'.repeat(Math.min(length, LIMIT)) + (length > LIMIT ? '/../../admin'.padEnd(length - LIMIT, 'b').slice(0, length - LIMIT) : '');
      const calls = [
        ['name', () => api.trayDeployPath(long, '1.0')],
        ['name', () => api.trayStatusPath(long, '1.0', ID)],
        ['id', () => api.trayStatusPath('acme-tmdb', '1.0', long)],
      ];
      for (const [param, callIt] of calls) {
        const { path, report } = callIt();
        cases++;
        if (length > LIMIT) {
          assert.equal(path, null, `${name} ${param} of ${length}: a path was built`);
          assert.ok(report.errors.some((e) => e.code === 'InvalidPathParam' && e.path === `/${param}` && /longer than 65,536/.test(e.message)), JSON.stringify(report.errors.map((e) => e.message.slice(0, 120))));
          assert.ok(report.errors.every((e) => e.message.length <= 1000 && (e.invalidValue ?? '').length <= 201));
        } else if (param === 'name') {
          assert.ok(path?.endsWith('1.0') || path?.includes(long.slice(0, 10)), `${name} ${param} of ${length}: ${path?.slice(0, 40)}`);
        }
      }
    }
  }
  console.log(`plain strings: ${cases} path calls around the 65,536-unit limit`);
});
