#!/usr/bin/env bash
# Assembles pkg/, the npm package root: the release wasm through wasm-bindgen (nodejs and web
# builds) plus the committed files of pkg-template/. No wasm-opt (see docs/decisions.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

cargo build --release --target wasm32-unknown-unknown
wasm=target/wasm32-unknown-unknown/release/connect_preflight.wasm

rm -rf pkg
mkdir -p pkg
flags=(--no-typescript --remove-name-section --remove-producers-section)
wasm-bindgen --target nodejs --out-dir pkg/nodejs "${flags[@]}" "$wasm"
wasm-bindgen --target web --out-dir pkg/web "${flags[@]}" "$wasm"
cp -R pkg-template/. pkg/

size=$(wc -c < pkg/web/connect_preflight_bg.wasm)
gz=$(gzip -9c pkg/web/connect_preflight_bg.wasm | wc -c)
echo "build: pkg/ assembled; connect_preflight_bg.wasm $size bytes, $gz gzipped"
