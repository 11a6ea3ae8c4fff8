#!/usr/bin/env bash
# Assembles pkg/, the npm package root: the wasm through wasm-bindgen plus the committed files
# of pkg-template/. The browser build (pkg/web) is optimised for size (profile release, no
# draft fast path), the Node build (pkg/nodejs) for speed (profile release-node). No wasm-opt (docs/decisions.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# The browser build leaves out the DeploymentDraft fast path (size; same results, Cargo.toml).
cargo build --release --target wasm32-unknown-unknown --no-default-features
cargo build --profile release-node --target wasm32-unknown-unknown

rm -rf pkg
mkdir -p pkg
flags=(--no-typescript --remove-name-section --remove-producers-section)
wasm-bindgen --target web --out-dir pkg/web "${flags[@]}" target/wasm32-unknown-unknown/release/connect_preflight.wasm
wasm-bindgen --target nodejs --out-dir pkg/nodejs "${flags[@]}" target/wasm32-unknown-unknown/release-node/connect_preflight.wasm
# The guard (pkg-template/web/guard.js) needs two things wasm-bindgen's glue does not export:
# the live wasm exports and a way to replace a dead instance. Both are a few lines over the
# glue's own variables, checked here so that a wasm-bindgen upgrade that renames them fails the
# build instead of the recovery.
for name in 'let wasm' 'wasmModule' 'wasmInstance' '__wbg_get_imports()' 'cachedDataViewMemory0' 'cachedUint8ArrayMemory0'; do
  grep -qF "$name" pkg/nodejs/connect_preflight.js || { echo "build-pkg: the nodejs glue has no $name" >&2; exit 1; }
done
grep -qF '__wbg_finalize_init(instance, module)' pkg/web/connect_preflight.js || { echo "build-pkg: the web glue has no __wbg_finalize_init" >&2; exit 1; }
# The JS helpers (src/bindings.js, a snippet) as the guard's pre-filters: a clean payload
# object is answered in JS, before any crossing (src/report/table_fast.rs).
snippet=$(cd pkg/nodejs && ls snippets/*/src/bindings.js)
[ -n "$snippet" ] && [ -f "pkg/web/$snippet" ] || { echo "build-pkg: no bindings.js snippet" >&2; exit 1; }
cat >> pkg/nodejs/connect_preflight.js <<JS

// Added by scripts/build-pkg.sh for the guard (web/guard.js).
exports.__filters = require('./$snippet');
JS
cat >> pkg/web/connect_preflight.js <<JS

// Added by scripts/build-pkg.sh for the guard (guard.js).
export * as __filters from './$snippet';
JS
cat >> pkg/nodejs/connect_preflight.js <<'JS'
exports.__exports = () => wasm;
exports.__reinstantiate = () => {
    wasmInstance = new WebAssembly.Instance(wasmModule, __wbg_get_imports());
    wasm = wasmInstance.exports;
    cachedDataViewMemory0 = null;
    cachedUint8ArrayMemory0 = null;
    wasm.__wbindgen_start();
};
JS
cat >> pkg/web/connect_preflight.js <<'JS'
export function __exports() { return wasm; }
export function __reinstantiate() {
    const module = wasmModule;
    __wbg_finalize_init(new WebAssembly.Instance(module, __wbg_get_imports()), module);
}
JS
cp -R pkg-template/. pkg/
# The types, once (pkg-template/index.d.ts), in the two module formats TypeScript tells apart
# (moduleResolution node16/nodenext): ESM (index.d.mts: the entries' `export default init`)
# and CJS (index.d.cts, and index.d.ts for node10: the require entry has no default export).
mv pkg/index.d.ts pkg/index.d.mts
grep -qx 'export default init;' pkg/index.d.mts || { echo "build-pkg: index.d.ts has no 'export default init;'" >&2; exit 1; }
grep -vx 'export default init;' pkg/index.d.mts > pkg/index.d.cts
cp pkg/index.d.cts pkg/index.d.ts
# The JSON Schema of connect.yaml (committed, generated from the rule tables: tests/schema.rs)
# as a module for the web entry: bundlers import JS everywhere, JSON not (Rollup needs a plugin).
node -e 'const fs = require("fs"); const schema = fs.readFileSync("pkg-template/connect.schema.json", "utf8");
fs.writeFileSync("pkg/web/schema.js", "// The JSON Schema of connect.yaml (connect.schema.json), for connectYamlSchema().\nexport default " + JSON.stringify(JSON.parse(schema)) + ";\n");'
# The exports are listed once, by the bindings (src/bindings.rs): the ESM entries name every
# function the glue exports (test-only and guard helpers, `__…`, left out).
exports=$(grep -oE '^export function [A-Za-z][A-Za-z0-9_]*' pkg/web/connect_preflight.js | awk '{print $3}' | grep -v '^initSync$' | sort)
[ -n "$exports" ] || { echo "build-pkg: the web glue exports no function" >&2; exit 1; }
list=$(printf '  %s,\\n' $exports)
for entry in pkg/web/index.js pkg/node/index.mjs; do
  grep -qF '/* EXPORTS: ' "$entry" || { echo "build-pkg: $entry has no EXPORTS marker" >&2; exit 1; }
  sed -i "s|^  /\* EXPORTS: .*\*/\$|${list%\\n}|" "$entry"
done
# src/bindings.js arrives as an ES module snippet, and the guard is one too; the Node entry and
# the nodejs glue require() them, so the Node build gets their CommonJS twins (require of an ES
# module costs 1.5-2.5 ms of every start: docs/decisions.md, "Start").
node scripts/esm-to-cjs.mjs "pkg/nodejs/$snippet" "pkg/nodejs/$snippet"
node scripts/esm-to-cjs.mjs pkg-template/web/guard.js pkg/node/guard.cjs
echo '{ "type": "commonjs" }' > pkg/nodejs/snippets/package.json

for build in web nodejs; do
  size=$(wc -c < "pkg/$build/connect_preflight_bg.wasm")
  gz=$(gzip -9c "pkg/$build/connect_preflight_bg.wasm" | wc -c)
  echo "build: pkg/$build/connect_preflight_bg.wasm $size bytes, $gz gzipped"
done
