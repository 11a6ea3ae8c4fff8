// The ready-made integrations, run here as their hosts would run them: the GitHub Action's
// step (action.yml → scripts/action.sh) with GITHUB_* variables set, and the pre-commit hook
// (.pre-commit-hooks.yaml) on the files its pattern selects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'pkg/bin/connect-preflight.cjs');
const pkg = JSON.parse(readFileSync(join(root, 'pkg/package.json'), 'utf8'));

test('the GitHub Action: its step runs check --format github on its inputs, and writes the step summary', () => {
  const action = YAML.parse(readFileSync(join(root, 'action.yml'), 'utf8'));
  assert.equal(action.runs.using, 'composite');
  const [step] = action.runs.steps;
  assert.match(step.run, /\$GITHUB_ACTION_PATH\/scripts\/action\.sh/);
  assert.deepEqual(Object.keys(action.inputs).sort(), ['args', 'paths', 'version']);
  const dir = mkdtempSync(join(tmpdir(), 'cp-action-'));
  const summary = join(dir, 'summary.md');
  const env = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION_PATH: root,
    GITHUB_WORKSPACE: root,
    GITHUB_STEP_SUMMARY: summary,
    CONNECT_PREFLIGHT_BIN: bin,
    INPUT_PATHS: 'examples/deployment-draft.invalid.json examples/tray',
    INPUT_ARGS: '--max-warnings 0',
    INPUT_VERSION: pkg.version,
  };
  const r = spawnSync('bash', [join(root, 'scripts/action.sh')], { cwd: root, env, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^::error file=examples\/deployment-draft\.invalid\.json,line=2,col=10,title=InvalidField::/m);
  assert.match(r.stdout, /^::warning file=examples\/tray\/invalid\/connector\.json,line=5,col=11,title=UnknownField::/m);
  const table = readFileSync(summary, 'utf8');
  assert.match(table, /^## connect-preflight$/m);
  assert.match(table, /\| examples\/tray\/invalid\/connector\.json \| 8 \| 16 \| error \| `InvalidField` \|/);
  // The inputs are words, never shell: a glob or a command substitution is a file name.
  const odd = spawnSync('bash', [join(root, 'scripts/action.sh')], { cwd: root, env: { ...env, INPUT_PATHS: `* $(touch ${join(dir, 'pwned')})`, INPUT_ARGS: '' }, encoding: 'utf8' });
  assert.equal(odd.status, 2);
  assert.match(odd.stdout, /file=\*,title=not checked::cannot read \*/);
  assert.match(odd.stdout, /cannot read \$\(touch/);
  assert.ok(!existsSync(join(dir, 'pwned')), 'a command substitution ran');
});

test('the pre-commit hook: its pattern and entry pass a repository of payloads and other JSON', () => {
  const [hook] = YAML.parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8'));
  assert.equal(hook.language, 'node');
  assert.deepEqual(hook.additional_dependencies, [`connect-preflight@${pkg.version}`], 'the hook installs the version being released');
  const pattern = new RegExp(hook.files);
  const files = {
    'connect.yaml': readFileSync(join(root, 'examples/connect-yaml/valid/connect.yaml'), 'utf8'),
    'service/connect.yml': readFileSync(join(root, 'examples/connect-yaml/valid/connect.yaml'), 'utf8'),
    'package.json': '{ "name": "shop", "version": "1.0.0" }',
    'tsconfig.json': '{ "compilerOptions": {} }',
    'deploy/draft.json': readFileSync(join(root, 'examples/deployment-draft.valid.json'), 'utf8'),
    'README.md': '# not selected',
    'config.yaml': 'not: selected',
  };
  const dir = mkdtempSync(join(tmpdir(), 'cp-hook-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const selected = Object.keys(files).filter((f) => pattern.test(f));
  assert.deepEqual(selected, ['connect.yaml', 'service/connect.yml', 'package.json', 'tsconfig.json', 'deploy/draft.json']);
  const [command, ...args] = hook.entry.split(' ');
  assert.equal(command, 'connect-preflight');
  const ok = spawnSync(process.execPath, [bin, ...args, ...selected], { cwd: dir, encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /^3 files checked: 3 valid, 0 invalid/m);
  writeFileSync(join(dir, 'deploy/draft.json'), readFileSync(join(root, 'examples/deployment-draft.invalid.json'), 'utf8'));
  const bad = spawnSync(process.execPath, [bin, ...args, ...selected], { cwd: dir, encoding: 'utf8' });
  assert.equal(bad.status, 1, 'a broken payload fails the commit');
});
