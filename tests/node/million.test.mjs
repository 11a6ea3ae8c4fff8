// A million hostile calls (issue 10): the instance answers throughout, and neither the
// externref table nor the memory grows. A JS exception unwinding through wasm leaked shadow
// stack (the instance died after about a thousand) and an externref slot per call; a leak of
// one slot per call would show here as a table a million slots larger.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBuild } from './pkgdir.mjs';

test('a million throwing inputs: no death, no externref or memory growth (Node build)', async () => {
  const { api, glue } = await loadBuild('node');
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  const inputs = [proxy, { get connector() { throw new Error('boom'); } }, { toJSON() { throw Symbol('x'); } }];
  const table = () => glue.__exports().__wbindgen_externrefs.length;
  const memory = () => glue.__exports().memory.buffer.byteLength;
  for (const input of inputs) api.validateDeploymentDraft(input); // warm-up
  const [table0, memory0] = [table(), memory()];
  const N = 1_000_000;
  let invalidJson = 0;
  for (let i = 0; i < N; i++) {
    if (api.validateDeploymentDraft(inputs[i % inputs.length]).errors[0].code === 'InvalidJsonInput') invalidJson++;
  }
  console.log(`million: ${N} calls, ${invalidJson} InvalidJsonInput reports, externref table ${table0} → ${table()}, memory ${memory0} → ${memory()} bytes`);
  assert.equal(invalidJson, N);
  assert.equal(table(), table0);
  assert.equal(memory(), memory0);
  assert.equal(api.validateKey('ab').valid, true);
});
