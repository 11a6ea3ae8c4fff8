// `make site`: the page as a self-contained folder, site/, that any static host serves: the
// HTML and CSS, the page's JS bundled with CodeMirror and the package's web build (esbuild),
// the web wasm, the bundled examples, and a precompressed .gz and .br of every text file
// and the wasm (scripts/serve.mjs sends them when the browser accepts them).
import { build } from 'esbuild';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const www = join(root, 'www');
const site = join(root, 'site');
const wasm = join(root, 'pkg/web/connect_preflight_bg.wasm');

rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
await build({
  entryPoints: [join(www, 'main.js')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'linked',
  outfile: join(site, 'app.js'),
  logLevel: 'warning',
  // wasm-bindgen's glue lists its one snippet module once per import (the same namespace
  // object each time): a duplicate key with the same value, harmless.
  logOverride: { 'duplicate-object-key': 'silent' },
  // The web build of the package, from pkg/ (node_modules/connect-preflight links to it).
  conditions: ['browser'],
});
for (const file of ['index.html', 'style.css']) cpSync(join(www, file), join(site, file));
cpSync(join(www, 'examples'), join(site, 'examples'), { recursive: true });
cpSync(wasm, join(site, 'connect_preflight_bg.wasm'));

const COMPRESSED = /\.(html|js|css|wasm|json|yaml|txt|md)$/;
let total = 0;
const rows = [];
for (const file of walk(site)) {
  if (!COMPRESSED.test(file)) continue;
  const bytes = readFileSync(file);
  const gz = gzipSync(bytes, { level: 9 });
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
  writeFileSync(`${file}.gz`, gz);
  writeFileSync(`${file}.br`, br);
  total += br.length;
  rows.push([file.slice(site.length + 1), bytes.length, gz.length, br.length]);
}
rows.sort((a, b) => b[1] - a[1]);
for (const [file, raw, gz, br] of rows.slice(0, 4)) console.log(`site: ${file.padEnd(28)} ${raw} B, ${gz} gzip, ${br} brotli`);
console.log(`site: ${rows.length} files, ${total} B brotli in all (site/)`);

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (!/\.(gz|br)$/.test(name)) yield path;
  }
}
