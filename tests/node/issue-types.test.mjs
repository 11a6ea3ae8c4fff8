// The issue types of index.d.ts (IssueParams: per code, the params its message template names,
// generated from src/report/codes.rs) against what issues carry at run time: every param an
// issue of every fixture case carries has the declared type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fixtureCases, call } from './fixture-cases.mjs';

const require = createRequire(import.meta.url);
const api = require('connect-preflight');
const types = readFileSync(new URL('../../pkg-template/index.d.ts', import.meta.url), 'utf8');
const block = types.slice(types.indexOf('export interface IssueParams {'), types.indexOf('// END GENERATED: IssueParams'));
/** code → { param → declared type text } */
const DECLARED = Object.fromEntries(
  [...block.matchAll(/^ {2}(\w+): \{(.*)\};$/gm)].map(([, code, body]) => [
    code,
    Object.fromEntries([...body.matchAll(/(\w+)\?: ([^;]+)/g)].map(([, name, type]) => [name, type.trim()])),
  ]),
);
const TYPE_OF = { string: (v) => typeof v === 'string', number: (v) => typeof v === 'number', boolean: (v) => typeof v === 'boolean', null: (v) => v === null, unknown: () => true };
const fits = (value, declared) => declared.split('|').map((t) => t.trim()).some((t) => TYPE_OF[t]?.(value));

test('every template param an issue carries has the type index.d.ts declares for its code', () => {
  assert.ok(Object.keys(DECLARED).length === api.errorCatalog().length, 'IssueParams names every code');
  let checked = 0;
  const wrong = [];
  for (const { fn, runs } of fixtureCases()) {
    for (const { input, second } of runs) {
      let result;
      try {
        result = call(api, fn, input, second);
      } catch {
        continue; // misuse cases throw by design
      }
      const report = result?.report ?? result;
      for (const issue of [...(report?.errors ?? []), ...(report?.warnings ?? [])]) {
        for (const [name, declared] of Object.entries(DECLARED[issue.code] ?? {})) {
          if (!(name in issue)) continue;
          checked++;
          if (!fits(issue[name], declared)) wrong.push(`${issue.code}.${name}: ${JSON.stringify(issue[name])} is not ${declared}`);
        }
      }
    }
  }
  console.log(`issue params: ${checked} carried params checked against their declared types`);
  assert.ok(checked >= 200, `only ${checked} params checked`);
  assert.deepEqual([...new Set(wrong)], []);
});
