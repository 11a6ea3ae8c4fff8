// The package's types as every TypeScript module resolution reads them (node16, nodenext,
// bundler, node10; ES module and CommonJS consumers: tests/types/matrix/), and the package
// linted by @arethetypeswrong/cli and publint, as `npm pack` would publish it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { publint } from 'publint';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const matrix = join(root, 'tests/types/matrix');

const COMMON = ['--noEmit', '--strict', '--skipLibCheck', 'false', '--target', 'es2022', '--lib', 'es2022,dom'];
const CASES = [
  { resolution: 'node16', module: 'node16', files: ['esm.mts', 'cjs.cts'] },
  { resolution: 'nodenext', module: 'nodenext', files: ['esm.mts', 'cjs.cts'] },
  { resolution: 'bundler', module: 'esnext', files: ['esm.mts'] },
  { resolution: 'node10', module: 'commonjs', files: ['node10.ts'] },
];

for (const { resolution, module, files } of CASES) {
  test(`types: moduleResolution ${resolution} (${files.join(', ')})`, () => {
    const args = [tsc, ...COMMON, '--module', module, '--moduleResolution', resolution, ...files.map((f) => join(matrix, f))];
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
}

test('@arethetypeswrong/cli: no problem in any resolution', () => {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js'), '--pack', 'pkg', '--format', 'json'], { cwd: root, encoding: 'utf8' });
  const result = JSON.parse(r.stdout);
  const problems = result.analysis?.problems ?? result.problems ?? [];
  assert.deepEqual(problems, [], r.stdout.slice(0, 2000));
  assert.equal(r.status, 0, r.stderr);
});

test('publint: no error, warning or suggestion', async () => {
  const { messages } = await publint({ pkgDir: join(root, 'pkg'), level: 'suggestion', strict: true });
  assert.deepEqual(messages.map((m) => `${m.type} ${m.code} ${m.path?.join('.') ?? ''}`), []);
});
