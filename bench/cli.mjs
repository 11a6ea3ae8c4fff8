// The command line's start-up (make bench): wall-clock time of whole runs of
// `connect-preflight check`, the median of 15 runs each, beside `node -e 0` (Node's own start):
// one connect.yaml, and the 37 corpus files in one run. Printed, not asserted.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = 'pkg/bin/connect-preflight.cjs';
const RUNS = 15;

function median(args) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status === null) throw new Error(`${args.join(' ')} did not finish`);
  }
  return times.sort((a, b) => a - b)[RUNS >> 1];
}

const node = median(['-e', '0']);
const one = median([bin, 'check', 'examples/connect-yaml/valid/connect.yaml']);
const corpus = median([bin, 'check', '../shared/corpus/connect-yaml', '--kind', 'connect-yaml']);
console.log(`command line, median of ${RUNS} runs: node -e 0 ${node.toFixed(0)} ms; check one connect.yaml ${one.toFixed(0)} ms (target 100); check the 37 corpus files ${corpus.toFixed(0)} ms (target 200)`);
