// Boundary measurement: run with `make bench-boundary`. Prints µs per call and ratios.
import { createRequire } from 'node:module';
import { payloads } from '../payloads.mjs';
const require = createRequire(import.meta.url);
const b = require('./pkg/boundary_bench.js');

function time(fn, arg) {
  for (let i = 0; i < 50; i++) fn(arg);
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < 300_000_000n) {
    for (let i = 0; i < 20; i++) fn(arg);
    n += 20;
    elapsed = process.hrtime.bigint() - start;
  }
  return Number(elapsed) / n / 1000;
}

const rows = [];
for (const [name, draft] of Object.entries(payloads)) {
  const text = JSON.stringify(draft);
  const inSwb = time(b.inSwb, draft);
  const inJson = time(b.inJson, draft);
  const inText = time(b.inText, text);
  const outSwb = time(b.outSwb, text);
  const outJson = time(b.outJson, text);
  rows.push({ payload: name, bytes: text.length, errors: b.inText(text),
    'in: swb µs': inSwb.toFixed(1), 'in: JSON µs': inJson.toFixed(1), 'in: text µs': inText.toFixed(1),
    'in swb/JSON': (inSwb / inJson).toFixed(2),
    'out: swb µs': outSwb.toFixed(1), 'out: JSON µs': outJson.toFixed(1), 'out swb/JSON': (outSwb / outJson).toFixed(2) });
}
console.table(rows);
