// init() of the browser build, run in Node (each case in a fresh process: a module instance is
// set up once): it takes a Response, a BufferSource or a WebAssembly.Module (a URL is fetched:
// the bundler tests load it so in Chromium); it runs once however often it is called, also
// concurrently; a function called before it throws "call await init() first".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('../../pkg/web/', import.meta.url));

function run(body) {
  const script = `
    import { readFileSync } from 'node:fs';
    const api = await import(${JSON.stringify(`${web}index.js`)});
    const bytes = readFileSync(${JSON.stringify(`${web}connect_preflight_bg.wasm`)});
    ${body}`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

const SOURCES = {
  'a Response': 'new Response(bytes, { headers: { "content-type": "application/wasm" } })',
  'an ArrayBuffer': 'bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)',
  'a Uint8Array': 'new Uint8Array(bytes)',
  'a WebAssembly.Module': 'new WebAssembly.Module(bytes)',
};

for (const [name, source] of Object.entries(SOURCES)) {
  test(`init(${name}), then every call works`, () => {
    const out = run(`await api.init(${source}); console.log(api.validateKey('ab').valid, api.version());`);
    assert.match(out, /^true \d+\.\d+\.\d+$/);
  });
}

test('init() runs once: called again, and concurrently, it instantiates one module', () => {
  const out = run(`
    const calls = [];
    const original = WebAssembly.instantiate;
    // Only ours (Node's fetch instantiates a wasm HTTP parser of its own, lazily).
    WebAssembly.instantiate = (...a) => { if (new Error().stack.includes('connect_preflight.js')) calls.push(1); return original(...a); };
    await Promise.all([api.init(bytes), api.init(bytes), api.init(new Uint8Array(bytes))]);
    await api.init(bytes);
    console.log(calls.length, api.validateKey('ab').valid);`);
  assert.equal(out, '1 true');
});

test('a function called before init() throws "call await init() first"; initSync works too', () => {
  const out = run(`
    try { api.validateDeploymentDraft('{}'); console.log('no throw'); } catch (e) { console.log(e.message); }
    api.initSync(bytes);
    console.log(api.validateDeploymentDraft('{}').valid);`);
  assert.equal(out, 'connect-preflight: call await init() first (or initSync(bytes)), then validateDeploymentDraft()\nfalse');
});

test('a wasm URL answered with an HTML page (a dev server that moved the module): init() says what to do', () => {
  const out = run(`
    try { await api.init(new Response('<!doctype html><p>index</p>', { headers: { 'content-type': 'application/wasm' } })); console.log('no throw'); }
    catch (e) { console.log(e.message); }`);
  assert.match(out, /^connect-preflight: connect_preflight_bg\.wasm was not found where this module expected it/);
  assert.match(out, /optimizeDeps: \{ exclude: \['connect-preflight'\] \}/);
});
