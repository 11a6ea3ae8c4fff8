// The robustness table (docs/api-notes.md, "Budgets"): each hostile input once through the
// package's Node build, beside the official connect.yaml validator (yaml@2 + its zod schema)
// where the input is a connect.yaml, in one run. Per input: the time of one call, the wasm
// memory after it, the size of the report, and whether the module still answers. Not a test:
// wall-clock numbers belong here, the bounds that do not depend on the machine are asserted
// in tests/node/hostile.test.mjs.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as api from 'connect-preflight';

const require = createRequire(import.meta.url);
const glue = require('../pkg/nodejs/connect_preflight.js');
const memoryMiB = () => glue.__exports().memory.buffer.byteLength / 2 ** 20;

// The official validator runs in a child process (1 GB heap, 30 s): on some of these inputs
// it exhausts the heap and takes its process with it.
const scratch = mkdtempSync(join(tmpdir(), 'cp-robust-'));
const officialScript = `
  const { readFileSync } = require('node:fs');
  const YAML = require('yaml');
  const { SpecificationObjectZodSchema } = require('@commercetools-connect/specification');
  const text = readFileSync(process.argv[1], 'utf8');
  const start = process.hrtime.bigint();
  try { SpecificationObjectZodSchema.safeParse(YAML.parse(text)); } catch {}
  console.log(Number(process.hrtime.bigint() - start) / 1e6);`;
function official(text) {
  const file = join(scratch, 'connect.yaml');
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, ['--max-old-space-size=1024', '-e', officialScript, file], { encoding: 'utf8', timeout: 30_000 });
  if (r.error?.code === 'ETIMEDOUT') return 'timed out (30 s)';
  if (r.status !== 0) return 'crashed (heap)';
  return Number(r.stdout).toFixed(1);
}

function once(fn) {
  const start = process.hrtime.bigint();
  let out;
  try {
    out = fn();
  } catch (error) {
    out = { thrown: String(error?.message ?? error).slice(0, 60) };
  }
  return [Number(process.hrtime.bigint() - start) / 1e6, out];
}

const app = (i) => `  - name: app-${i}\n    applicationType: service\n    endpoint: /app-${i}\n    configuration:\n      standardConfiguration:\n${Array.from({ length: 20 }, (_, k) => `        - key: KEY_${k}\n          description: d\n          required: true\n`).join('')}`;
const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`), 'deployAs: []'].join('\n');
const yamlInputs = {
  'alias bomb by nodes (billion laughs)': bomb,
  'alias bomb by bytes (0.7 MB scalar ×100)': `deployAs: []\na: &a "${'x'.repeat(700_000)}"\nb: [${Array(100).fill('*a').join(', ')}]\n`,
  '2,700 applications (232,000 values)': `deployAs:\n${Array.from({ length: 2700 }, (_, i) => app(i)).join('')}`,
  '1.2 MB list of 300,000 values': `deployAs: []\nx:\n${'- 0\n'.repeat(300_000)}`,
  '3,000 applications (258,000 values)': `deployAs:\n${Array.from({ length: 3000 }, (_, i) => app(i)).join('')}`,
  '9 MB of "a: b" lines': 'a: b\n'.repeat(1_800_000),
  '11 MB text': '#'.repeat(11 * 2 ** 20),
  "the official endpoint regex's 30 characters": `deployAs:\n  - name: s1\n    applicationType: service\n    endpoint: /${'a'.repeat(28)}.\n`,
};
const wide = {};
for (let i = 0; i < 1e6; i++) wide[`f${i}`] = 1;
const manyKeys = { connector: { key: 'c1' }, region: 'europe-west1.gcp', configurations: [{ applicationName: 'n'.repeat(100_000), standardConfiguration: Array.from({ length: 1000 }, (_, i) => ({ key: `K${i}`, value: 'v' })), securedConfiguration: [] }] };
const svc = 'deployAs:\n  - name: svc\n    applicationType: service\n    endpoint: /x\n';
const fields = (n) => JSON.stringify(Object.fromEntries(Object.entries(wide).slice(0, n)));
const [text800k, text200k] = [fields(800_000), fields(200_000)];
let deep = {};
for (let i = 0; i < 1e5; i++) deep = { a: deep };
const jsonInputs = {
  '1,000,000 unknown fields (object, 11.9 MB as JSON)': [() => api.validateDeploymentDraft(wide)],
  '800,000 unknown fields (9.5 MB text)': [() => api.validateDeploymentDraft(text800k)],
  '200,000 unknown fields (2.2 MB text)': [() => api.validateDeploymentDraft(text200k)],
  'Uint8Array(1e7)': [() => api.validateDeploymentDraft(new Uint8Array(1e7))],
  '100 KB application name × 1,000 keys, with connect.yaml': [() => api.validateDeploymentDraft(manyKeys, { connectYaml: svc })],
  'depth 100,000 object': [() => api.validateDeploymentDraft(deep)],
  '11 MB string': [() => api.validateDeploymentDraft('x'.repeat(11e6))],
};
// 10,000 project actions against 10,000 private projects (a list scanned per action took 16 s).
const projectList = Array.from({ length: 10_000 }, (_, i) => `europe-west1.gcp:p-${i}`);
const staged = { id: 'id', version: 1, key: 'k', name: 'n', private: true, privateProjects: projectList, creator: { email: 'a@b.co' } };
const projectUpdate = { version: 1, actions: projectList.map((p, i) => ({ action: i % 2 ? 'addPrivateProject' : 'removePrivateProject', privateProject: i % 4 < 2 ? p : `${p}-new` })) };
const commentUpdate = { version: 1, actions: Array.from({ length: 10_000 }, (_, i) => ({ action: 'addCertificationComment', comment: `c${i}` })) };
const connectorInputs = {
  'applyConnectorUpdate: 10,000 project actions × 10,000 projects': [() => api.applyConnectorUpdate(staged, projectUpdate).report],
  'validateConnectorUpdate: 10,000 project actions × 10,000 projects': [() => api.validateConnectorUpdate(projectUpdate, { connectorStaged: staged })],
  'applyConnectorUpdate: 10,000 certification comments': [() => api.applyConnectorUpdate(staged, commentUpdate).report],
};

const rows = [];
for (const [name, text] of Object.entries(yamlInputs)) {
  const [ms, report] = once(() => api.validateConnectYaml(text));
  rows.push({ input: `connect.yaml: ${name}`, ours: ms, memory: memoryMiB(), official: official(text), report });
}
for (const [name, [fn]] of Object.entries(jsonInputs)) {
  const [ms, report] = once(fn);
  rows.push({ input: `DeploymentDraft: ${name}`, ours: ms, memory: memoryMiB(), official: undefined, report });
}
for (const [name, [fn]] of Object.entries(connectorInputs)) {
  const [ms, report] = once(fn);
  rows.push({ input: name, ours: ms, memory: memoryMiB(), official: undefined, report });
}

console.log('robustness: one call each (ms), wasm memory after it (MiB; it never shrinks), report size (KB)');
console.log(`| input | ours ms | official ms | memory MiB | report KB | first code | alive |`);
console.log(`|---|---|---|---|---|---|---|`);
for (const row of rows) {
  const size = JSON.stringify(row.report).length / 1024;
  const code = row.report?.errors?.[0]?.code ?? (row.report?.thrown ? `threw ${row.report.thrown}` : '-');
  const alive = api.validateKey('ab').valid;
  console.log(`| ${row.input} | ${row.ours.toFixed(1)} | ${row.official ?? '-'} | ${row.memory.toFixed(1)} | ${size.toFixed(1)} | ${code} | ${alive} |`);
}
