// Memory over many calls (make bench-memory; not part of make test): each entry point called
// CALLS times (default 1,000,000) on a valid and an invalid input from the fixtures, the wasm
// memory (memory.buffer.byteLength) and the process RSS sampled every tenth of the calls.
// Flat means the last sample within 5 % of the first (after a warm-up of one tenth).
import { createRequire } from 'node:module';
import { fixtureCases, call } from '../tests/node/fixture-cases.mjs';

const require = createRequire(import.meta.url);
const api = require('connect-preflight');
const glue = require('../pkg/nodejs/connect_preflight.js'); // the instance the entry guards: its memory
const CALLS = Number(process.env.CALLS ?? 1_000_000);
const only = process.env.ONLY ? new RegExp(process.env.ONLY) : null;

// One valid and one invalid input per function, as the fixtures give them.
const picked = new Map();
for (const { fn, want, runs } of fixtureCases()) {
  if (only && !only.test(fn)) continue;
  const valid = !Array.isArray(want.errors) || want.errors.length === 0; // a case without errors expects none
  const slot = `${fn} ${valid ? 'valid' : 'invalid'}`;
  if (!picked.has(slot) && runs[0]) picked.set(slot, { fn, ...runs[0] });
}

const MiB = 1024 * 1024;
const rows = [];
for (const [slot, { fn, input, second }] of picked) {
  try {
    call(api, fn, input, second);
  } catch {
    continue; // a misuse case: not a call to repeat
  }
  const samples = [];
  const step = Math.max(1, Math.floor(CALLS / 10));
  const started = process.hrtime.bigint();
  for (let i = 1; i <= CALLS; i++) {
    call(api, fn, input, second);
    if (i % step === 0) {
      globalThis.gc?.(); // with --expose-gc (make bench-memory): RSS without the garbage not yet collected
      samples.push([glue.__exports().memory.buffer.byteLength, process.memoryUsage.rss()]);
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const [first, last] = [samples[0], samples.at(-1)];
  const flat = (a, b) => b <= a * 1.05;
  rows.push([slot, (first[0] / MiB).toFixed(1), (last[0] / MiB).toFixed(1), (first[1] / MiB).toFixed(0), (last[1] / MiB).toFixed(0), flat(first[0], last[0]) && flat(first[1], last[1]) ? 'flat' : 'GROWS', seconds.toFixed(1)]);
  console.log(`${rows.at(-1).join('  ')}  RSS samples: ${samples.map(([, rss]) => (rss / MiB).toFixed(0)).join(' ')}`);
}
console.log(`\n${CALLS.toLocaleString('en')} calls each; wasm memory and RSS in MiB at the first and last sample:`);
console.log('| entry point | wasm first | wasm last | RSS first | RSS last | | seconds |\n|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
