// The fixture corpus (tests/fixtures/*.json) as calls and checks, shared by the Node runner
// (tests/node/fixtures.test.mjs, both builds) and the Chromium runner (tests/e2e/fixtures.test.mjs,
// the shipped pkg/web in the browser).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const dir = new URL('../fixtures/', import.meta.url);
const PLAIN_VALUE = new Set(['validateKey', 'validateProjectIdentifier', 'canRedeploy', 'checkTransition', 'buildConnectorUpdateActions', 'trayDeployPath', 'trayStatusPath']);
// What a case may expect beside the report: [the case's name, the result's member].
const RESULT_FIELDS = [['draft', 'draft'], ['result', 'connectorStaged'], ['path', 'path'], ['query', 'query'], ['search', 'search'], ['matrix', 'matrix'], ['latest', 'latest']];
const defs = JSON.parse(readFileSync(new URL('defs/connectors.json', dir), 'utf8'));
// "$ref:name" strings, at any depth, become defs[name].
const resolve = (v) => (typeof v === 'string' && v.startsWith('$ref:') ? defs[v.slice(5)]
  : Array.isArray(v) ? v.map(resolve)
  : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)])) : v);

/** Calls the function with the case's arguments: the input, then context or source. Self-contained:
 * the Chromium runner sends its source into the page. */
export function call(api, fn, input, second) {
  if (fn === 'checkTransition') return api[fn](input.machine, input.from, input.to);
  if (fn === 'buildConnectorUpdateActions') return api[fn](input.before, input.after);
  if (fn === 'applyConnectorUpdate') return api[fn](second, input);
  if (fn === 'trayDeployPath') return api[fn](input.name, input.version);
  if (fn === 'trayStatusPath') return api[fn](input.name, input.version, input.id);
  return api[fn](input, second);
}

/** Every case of every fixture file: { name, fn, want, runs: [{ input, second, positions }] }
 * (a value case runs as the value and, for payload functions, as its JSON text). */
export function fixtureCases() {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 3);
  const out = [];
  for (const file of files) {
    const { function: fn, cases } = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
    for (const c of cases) {
      const second = resolve(c.context ?? c.source ?? c.connectorStaged ?? c.connectorJson ?? c.current ?? c.componentId);
      const runs = [];
      if ('inputText' in c || 'inputLines' in c) {
        runs.push({ input: c.inputText ?? `${c.inputLines.join('\n')}\n`, second, positions: true });
      } else {
        const input = resolve(c.input);
        runs.push({ input, second, positions: false });
        if (!PLAIN_VALUE.has(fn)) runs.push({ input: JSON.stringify(input, null, 2), second, positions: false });
      }
      out.push({ name: `${file} › ${c.description}`, fn, want: c, runs });
    }
  }
  return out;
}

const summary = (list) => list.map((i) => `${i.code} ${i.path}`);

/** Checks one result against the case. */
export function check(want, result, positions) {
  if ('actions' in want) {
    assert.deepEqual(result, want.actions, 'actions');
    return;
  }
  let report = result;
  if ('report' in result) {
    for (const [name, member] of RESULT_FIELDS) if (name in want) assert.deepEqual(result[member], want[name], member);
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
