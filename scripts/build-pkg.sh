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
cp -R pkg-template/. pkg/
# src/bindings.js arrives as an ES module snippet; the nodejs glue require()s it, which Node
# (>= 20.19) does for a file it knows to be a module.
echo '{ "type": "module" }' > pkg/nodejs/snippets/package.json

for build in web nodejs; do
  size=$(wc -c < "pkg/$build/connect_preflight_bg.wasm")
  gz=$(gzip -9c "pkg/$build/connect_preflight_bg.wasm" | wc -c)
  echo "build: pkg/$build/connect_preflight_bg.wasm $size bytes, $gz gzipped"
done
