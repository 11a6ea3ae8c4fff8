// The fixture corpus against the assembled package, loaded by name with both import and
// require, with each payload as a JS object and as JSON text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as esm from 'connect-preflight';

const cjs = createRequire(import.meta.url)('connect-preflight');
const dir = new URL('../fixtures/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const PLAIN_VALUE = new Set(['validateKey', 'validateProjectIdentifier', 'canRedeploy', 'checkTransition', 'buildConnectorUpdateActions']);
const defs = JSON.parse(readFileSync(new URL('defs/connectors.json', dir), 'utf8'));
// "$ref:name" strings, at any depth, become defs[name].
const resolve = (v) => (typeof v === 'string' && v.startsWith('$ref:') ? defs[v.slice(5)]
  : Array.isArray(v) ? v.map(resolve)
  : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)])) : v);
// Calls the function with the case's arguments: the input, then context or source.
const call = (api, fn, input, second) => {
  if (fn === 'checkTransition') return api[fn](input.machine, input.from, input.to);
  if (fn === 'buildConnectorUpdateActions') return api[fn](input.before, input.after);
  if (fn === 'applyConnectorUpdate') return api[fn](second, input);
  return api[fn](input, second);
};

function summary(list) {
  return list.map((i) => `${i.code} ${i.path}`);
}

function check(want, result, positions) {
  if ('actions' in want) {
    assert.deepEqual(result, want.actions, 'actions');
    return;
  }
  let report = result;
  if ('report' in result) {
    if ('draft' in want) assert.deepEqual(result.draft, want.draft, 'draft');
    if ('result' in want) assert.deepEqual(result.connectorStaged, want.result, 'connectorStaged');
    report = result.report;
  }
  for (const kind of ['errors', 'warnings']) {
    const expected = want[kind] ?? [];
    assert.deepEqual(summary(report[kind]), summary(expected), kind);
    expected.forEach((w, n) => {
      const got = report[kind][n];
      assert.ok(typeof got.message === 'string' && got.message.length > 0);
      if (positions && 'line' in w) assert.deepEqual([got.line, got.column], [w.line, w.column], `${w.path} position`);
      for (const [name, value] of Object.entries(w.params ?? {})) assert.deepEqual(got[name], value, `${w.path} ${name}`);
      for (const name of w.absentParams ?? []) assert.ok(!(name in got), `${w.path} must not have ${name}`);
    });
  }
  assert.equal(report.valid, report.errors.length === 0);
}

assert.ok(files.length >= 3);
for (const file of files) {
  const { function: fn, cases } = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
  for (const c of cases) {
    test(`${file} › ${c.description}`, () => {
      for (const [how, api] of [['import', esm], ['require', cjs]]) {
        const second = resolve(c.context ?? c.source ?? c.connectorStaged);
        if ('inputText' in c || 'inputLines' in c) {
          check(c, call(api, fn, c.inputText ?? `${c.inputLines.join('\n')}\n`, second), true);
        } else {
          const input = resolve(c.input);
          check(c, call(api, fn, input, second), false);
          if (!PLAIN_VALUE.has(fn)) check(c, call(api, fn, JSON.stringify(input, null, 2), second), false);
        }
        assert.ok(how);
      }
    });
  }
}
