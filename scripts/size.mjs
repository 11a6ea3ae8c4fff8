// make size: where the shipped wasm's bytes go. Reads the wasm as cargo built it (before
// wasm-bindgen removes the name section), sizes every function body of the code section,
// names it from the name section (Rust's legacy mangling: crate::module::…::fn), and prints the
// code bytes per crate and per module of ours, each with its share of the shipped file's
// gzipped size (a share of code bytes, as an estimate: gzip does not split by function).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BUILDS = {
  'browser (pkg/web)': ['target/wasm32-unknown-unknown/release/connect_preflight.wasm', 'pkg/web/connect_preflight_bg.wasm'],
  'Node (pkg/nodejs)': ['target/wasm32-unknown-unknown/release-node/connect_preflight.wasm', 'pkg/nodejs/connect_preflight_bg.wasm'],
};

/** A reader of the wasm binary format: LEB128 numbers, names, sections. */
function reader(bytes, at = 0) {
  const r = {
    at,
    u32() {
      let result = 0;
      let shift = 0;
      for (;;) {
        const b = bytes[r.at++];
        result |= (b & 0x7f) << shift;
        if (!(b & 0x80)) return result >>> 0;
        shift += 7;
      }
    },
    name() {
      const n = r.u32();
      const s = new TextDecoder().decode(bytes.subarray(r.at, r.at + n));
      r.at += n;
      return s;
    },
  };
  return r;
}

/** { bodies: [[functionIndex, size]], names: Map(index → name) } */
function functions(bytes) {
  const r = reader(bytes, 8);
  let imported = 0;
  const bodies = [];
  const names = new Map();
  while (r.at < bytes.length) {
    const id = bytes[r.at++];
    const size = r.u32();
    const end = r.at + size;
    if (id === 2) {
      for (let i = 0, n = r.u32(); i < n; i++) {
        r.name();
        r.name();
        const kind = bytes[r.at++];
        if (kind === 0) (imported++, r.u32());
        else if (kind === 1) (r.at++, bytes[r.at++] & 1 ? (r.u32(), r.u32()) : r.u32());
        else if (kind === 2) (bytes[r.at++] & 1 ? (r.u32(), r.u32()) : r.u32());
        else if (kind === 3) r.at += 2;
        else r.u32();
      }
    } else if (id === 10) {
      for (let i = 0, n = r.u32(); i < n; i++) {
        const body = r.u32();
        bodies.push([imported + i, body]);
        r.at += body;
      }
    } else if (id === 0 && r.name() === 'name') {
      while (r.at < end) {
        const sub = bytes[r.at++];
        const len = r.u32();
        const subEnd = r.at + len;
        if (sub === 1) for (let i = 0, n = r.u32(); i < n; i++) names.set(r.u32(), r.name());
        r.at = subEnd;
      }
    }
    r.at = end;
  }
  return { bodies, names };
}

/**
 * The path of a Rust symbol: `_ZN17connect_preflight6report7checker…17h0123E` (legacy) →
 * ['connect_preflight', 'report', 'checker', …]; an impl `<connect_preflight::report::Issue as
 * serde::Serialize>::serialize` belongs to its type's path; `_R…` (v0) symbols of the standard
 * library are read for their crate and module names.
 */
function path(symbol) {
  const legacy = /^_ZN(.*)E$/.exec(symbol);
  if (legacy) {
    const parts = [];
    let s = legacy[1];
    for (let len; (len = /^\d+/.exec(s)); ) {
      const n = Number(len[0]);
      parts.push(s.slice(len[0].length, len[0].length + n));
      s = s.slice(len[0].length + n);
    }
    if (/^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
    const impl = /^_?\$LT\$(.*?)(\$u20\$as\$u20\$|\$GT\$)/.exec(parts[0] ?? '');
    if (impl) return [...impl[1].replace(/^\$RF\$|^\$BP\$|^mut\$u20\$/g, '').replace(/\$LT\$.*/, '').split('..'), ...parts.slice(1)];
    return parts;
  }
  const v0 = /^_R.*?C[sr]?[0-9A-Za-z]*_(\d+)(.*)$/.exec(symbol);
  if (v0) {
    const parts = [v0[2].slice(0, Number(v0[1]))];
    for (const m of v0[2].slice(Number(v0[1])).matchAll(/(\d+)([A-Za-z_][A-Za-z0-9_]*)/g)) parts.push(m[2].slice(0, Number(m[1])));
    return parts;
  }
  return [symbol.split('::')[0] || '(unnamed)'];
}

for (const [build, [unstripped, shipped]] of Object.entries(BUILDS)) {
  const bytes = readFileSync(join(unstripped));
  const gz = gzipSync(readFileSync(join(shipped)), { level: 9 }).length;
  const { bodies, names } = functions(bytes);
  const total = bodies.reduce((s, [, n]) => s + n, 0);
  const byCrate = new Map();
  const byModule = new Map();
  for (const [index, size] of bodies) {
    const parts = path(names.get(index) ?? '(unnamed)');
    const crate = parts[0] || '(unnamed)';
    byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
    if (crate === 'connect_preflight') {
      const module = parts.slice(0, parts.length > 3 ? 3 : parts.length - 1).join('::');
      byModule.set(module, (byModule.get(module) ?? 0) + size);
    }
  }
  const row = ([name, size]) => `| ${name} | ${size.toLocaleString('en')} | ${((100 * size) / total).toFixed(1)} % | ~${Math.round((gz * size) / total / 1024)} KB |`;
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(`\n### ${build}: ${readFileSync(join(shipped)).length.toLocaleString('en')} bytes, ${gz.toLocaleString('en')} gzipped; ${bodies.length} functions, ${total.toLocaleString('en')} bytes of code\n`);
  console.log('| crate | code bytes | share | of the gzipped file |\n|---|---|---|---|');
  for (const r of top(byCrate, 12)) console.log(row(r));
  console.log('\n| module (ours) | code bytes | share | of the gzipped file |\n|---|---|---|---|');
  for (const r of top(byModule, 15)) console.log(row(r));
}

function join(relative) {
  return `${root}${relative}`;
}
