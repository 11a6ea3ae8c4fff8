// connect.yaml validation, side by side with the official validator in one run:
// ours = validateConnectYaml (the package's Node build; the browser build on one line too); official = yaml@2 YAML.parse + the zod
// schema of @commercetools-connect/specification (what `commercetools connect validate` runs).
// Run with `make bench`. Prints a table and the ratios; times are means over repeated calls.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import YAML from 'yaml';
import { SpecificationObjectZodSchema } from '@commercetools-connect/specification';
import { validateConnectYaml } from 'connect-preflight';
import * as web from '../pkg/web/index.js';
import { time, geomean, generatedConnectYaml } from './util.mjs';

const official = (text) => {
  try {
    return SpecificationObjectZodSchema.safeParse(YAML.parse(text)).success;
  } catch {
    return false;
  }
};
const ours = (text) => validateConnectYaml(text).valid;

const corpus = new URL('../../shared/corpus/connect-yaml/', import.meta.url);
const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.yaml')).sort() : [];
const ratios = [];
let oursTotal = 0;
let officialTotal = 0;
// Per byte, the files with issues against the clean ones (issue 16: at most 1.5×).
const perByte = { clean: [], issues: [] };
for (const file of files) {
  const text = readFileSync(new URL(file, corpus), 'utf8');
  const a = time(() => ours(text));
  const b = time(() => official(text));
  ratios.push(b / a);
  oursTotal += a;
  officialTotal += b;
  perByte[ours(text) && validateConnectYaml(text).warnings.length === 0 ? 'clean' : 'issues'].push((a * 1000) / Buffer.byteLength(text));
}
// The browser build (size-optimised), run here in Node for comparison.
await web.init(readFileSync(new URL('../pkg/web/connect_preflight_bg.wasm', import.meta.url)));
let webTotal = 0;
for (const file of files) {
  const text = readFileSync(new URL(file, corpus), 'utf8');
  webTotal += time(() => web.validateConnectYaml(text).valid);
}
console.log(`connect.yaml corpus: ${files.length} files`);
console.log(`  mean per file: ours ${(oursTotal / files.length).toFixed(1)} µs, official ${(officialTotal / files.length).toFixed(1)} µs`);
console.log(`  official / ours: ${(officialTotal / oursTotal).toFixed(1)}× on the corpus mean; per-file geometric mean ${geomean(ratios).toFixed(1)}×, min ${Math.min(...ratios).toFixed(1)}×`);
console.log(`  the browser build (size-optimised), in Node: ${(webTotal / files.length).toFixed(1)} µs per file, official / ours ${(officialTotal / webTotal).toFixed(1)}×`);
const mean = (list) => list.reduce((x, y) => x + y, 0) / list.length;
console.log(`  per KB (the Node build): ${perByte.clean.length} clean files ${mean(perByte.clean).toFixed(1)} µs, ${perByte.issues.length} with issues ${mean(perByte.issues).toFixed(1)} µs: ${(mean(perByte.issues) / mean(perByte.clean)).toFixed(2)}× (target ≤ 1.5×)`);

console.log('large and hostile inputs (ms per call):');
const rows = [];
for (const apps of [60, 600]) {
  process.stderr.write(`generated ${apps}\n`);
  const text = generatedConnectYaml(apps);
  rows.push({ input: `generated, ${apps} applications`, bytes: text.length, ours: time(() => ours(text), 1) / 1000, official: time(() => official(text), 1) / 1000 });
}
const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`), 'deployAs: []', ''].join('\n');
rows.push({ input: 'alias bomb (9 levels × 9)', bytes: bomb.length, ours: time(() => ours(bomb), 1) / 1000, official: time(() => official(bomb), 1) / 1000 });
const deep = `deployAs: ${'['.repeat(5000)}`;
rows.push({ input: '5,000 nested [', bytes: deep.length, ours: time(() => ours(deep), 1) / 1000, official: time(() => official(deep), 1) / 1000 });
for (const n of [20, 22]) {
  const text = `deployAs:\n  - name: s1\n    applicationType: service\n    endpoint: /${'a'.repeat(n)}.\n`;
  // One call each: repeated calls make V8 compile the official regex to native code, which
  // ran out of memory and killed Node in our first run (docs/decisions.md).
  rows.push({ input: `endpoint '/' + ${n} × 'a' + '.'`, bytes: text.length, ours: time(() => ours(text)) / 1000, official: time(() => official(text), 1, 0) / 1000 });
}
const n = 28;
const worst = `deployAs:\n  - name: s1\n    applicationType: service\n    endpoint: /${'a'.repeat(n)}.\n`;
rows.push({ input: `endpoint '/' + ${n} × 'a' + '.'`, bytes: worst.length, ours: time(() => ours(worst)) / 1000, official: process.env.BENCH_SLOW ? time(() => official(worst), 1) / 1000 : '(~16 s; BENCH_SLOW=1)' });
console.table(rows.map((r) => ({ ...r, ours: r.ours.toFixed(3), official: typeof r.official === 'number' ? r.official.toFixed(3) : r.official })));
