// Timing helpers shared by the benchmarks.

/**
 * Mean µs per call of fn, repeated for at least `ms` milliseconds after a warm-up. Calls are
 * timed in batches of about a millisecond: reading the clock once per call would add its own
 * cost (~0.08 µs here) to every call, as much as a whole ajv validation of a small draft.
 */
export function time(fn, minCalls = 20, ms = 300) {
  for (let i = 0; i < Math.min(minCalls, 5); i++) fn();
  const timed = (n) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    return process.hrtime.bigint() - start;
  };
  let batch = 1;
  let calls = 0;
  let elapsed = timed(1);
  if (elapsed >= 1_000_000n) {
    calls = 1; // a slow call is its own batch, and already measured
  } else {
    while (batch < 1 << 20 && timed(batch) < 1_000_000n) batch *= 2;
    elapsed = 0n;
  }
  while (calls < minCalls || elapsed < BigInt(ms) * 1_000_000n) {
    elapsed += timed(batch);
    calls += batch;
    if (elapsed > 20_000_000_000n) break;
  }
  return Number(elapsed) / calls / 1000;
}

/**
 * Median µs per call of each function of `fns` (name → fn), measured in `rounds` interleaved
 * rounds of `ms` milliseconds each: this machine's speed drifts within a run, and timing one
 * side after the other would put the drift into the ratio.
 */
export function timeInterleaved(fns, rounds = 7, ms = 40) {
  const samples = Object.fromEntries(Object.keys(fns).map((name) => [name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(fns)) samples[name].push(time(fn, 5, ms));
  }
  const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, median(list)]));
}

export function geomean(values) {
  return Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length);
}

/** A well-formed connect.yaml: `apps` service applications with 20 keys each (~1.85 KB each). */
export function generatedConnectYaml(apps) {
  let text = 'deployAs:\n';
  for (let i = 0; i < apps; i++) {
    text += `  - name: app-${i}\n    applicationType: service\n    endpoint: /app-${i}\n    configuration:\n      standardConfiguration:\n`;
    for (let k = 0; k < 20; k++) text += `        - key: KEY_${k}\n          description: the key number ${k}\n          required: true\n`;
  }
  return text;
}
