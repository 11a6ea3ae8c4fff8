// The shipped wasm against its committed budget (bench/size-budget.json): a build that grows by
// more than 2 KB gzipped fails, so growth is a decision (docs/decisions.md), not an accident.
// `make size` shows where the bytes go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const budget = JSON.parse(readFileSync(new URL('../../bench/size-budget.json', import.meta.url), 'utf8'));
const SLACK = 2048;

for (const build of ['web', 'nodejs']) {
  test(`pkg/${build}: the wasm within 2 KB of its budget`, () => {
    const gz = gzipSync(readFileSync(new URL(`../../pkg/${build}/connect_preflight_bg.wasm`, import.meta.url)), { level: 9 }).length;
    console.log(`size: pkg/${build} ${gz} bytes gzipped, budget ${budget[build]} (${gz - budget[build] >= 0 ? '+' : ''}${gz - budget[build]})`);
    assert.ok(gz <= budget[build] + SLACK, `pkg/${build} is ${gz} bytes gzipped: ${gz - budget[build]} over its budget of ${budget[build]} (bench/size-budget.json)`);
  });
}
