// Timing helpers shared by the benchmarks.

/** Mean µs per call of fn, repeated for at least `ms` milliseconds after a warm-up. */
export function time(fn, minCalls = 20, ms = 300) {
  for (let i = 0; i < Math.min(minCalls, 5); i++) fn();
  let calls = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (calls < minCalls || elapsed < BigInt(ms) * 1_000_000n) {
    fn();
    calls++;
    elapsed = process.hrtime.bigint() - start;
    if (elapsed > 20_000_000_000n) break;
  }
  return Number(elapsed) / calls / 1000;
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
