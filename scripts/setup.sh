#!/usr/bin/env bash
# Installs what the project needs, only what is missing (idempotent). Usage:
#   scripts/setup.sh rust      wasm32 target + the pinned wasm-bindgen-cli
#   scripts/setup.sh browser   Debian's chromium + chromium-driver (matching versions)
#   scripts/setup.sh npm       npm ci from the committed package-lock.json
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# The wasm-bindgen CLI must be exactly the version Cargo.toml pins for the crate.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

case "${1:-}" in
  rust)
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
      echo "setup: adding the wasm32-unknown-unknown target"
      rustup target add wasm32-unknown-unknown
    fi
    if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
      echo "setup: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes a few minutes once)"
      # --locked fails on this registry (no locked webpki-roots); the default features only add
      # download support, which we do not use.
      cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --no-default-features --force
    fi
    ;;
  browser)
    if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
      echo "setup: installing chromium and chromium-driver from apt"
      as_root apt-get update
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
    fi
    ;;
  npm)
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      echo "setup: npm ci"
      npm ci --no-audit --no-fund
    fi
    ;;
  *)
    echo "usage: scripts/setup.sh rust|browser|npm" >&2
    exit 2
    ;;
esac
