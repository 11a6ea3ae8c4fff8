# The two commands: `make demo` and `make test`. Both install what is missing first.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

SOURCES := Cargo.toml Cargo.lock $(shell find src pkg-template -type f 2>/dev/null)

.PHONY: demo test build pack size bench-memory site schema setup serve bench bench-page screenshot bench-boundary attack-yaml fuzz clean

## demo: set up, build pkg/, run the command-line tool on the bundled examples
demo: build
	@echo
	@echo "== examples/deployment-draft.valid.json"
	@node pkg/bin/connect-preflight.cjs validate deployment-draft examples/deployment-draft.valid.json
	@echo
	@echo "== examples/deployment-draft.invalid.json (exit code 1 expected)"
	@node pkg/bin/connect-preflight.cjs validate deployment-draft examples/deployment-draft.invalid.json; \
	  status=$$?; [ $$status -eq 1 ] || { echo "unexpected exit code $$status"; exit 1; }
	@echo
	@echo "== examples/deployment-draft.valid.json against its connector (--connector connect.yaml or Connector JSON)"
	@node pkg/bin/connect-preflight.cjs validate deployment-draft examples/deployment-draft.valid.json --connector examples/connect-yaml/valid
	@echo
	@echo "== examples/deployment-draft.mismatch.json: valid alone, wrong for its connector (exit code 1 expected)"
	@node pkg/bin/connect-preflight.cjs validate deployment-draft examples/deployment-draft.mismatch.json --connector examples/connect-yaml/valid; \
	  status=$$?; [ $$status -eq 1 ] || { echo "unexpected exit code $$status"; exit 1; }
	@echo
	@echo "== examples/connector-staged-draft.json (valid; the HTTPS repository URL is a warning)"
	@node pkg/bin/connect-preflight.cjs validate connector-draft examples/connector-staged-draft.json
	@echo
	@echo "== examples/connect-yaml/valid (a directory means DIR/connect.yaml)"
	@node pkg/bin/connect-preflight.cjs validate connect-yaml examples/connect-yaml/valid
	@echo
	@echo "== examples/connect-yaml/invalid/connect.yaml (exit code 1 expected)"
	@node pkg/bin/connect-preflight.cjs validate connect-yaml examples/connect-yaml/invalid/connect.yaml; \
	  status=$$?; [ $$status -eq 1 ] || { echo "unexpected exit code $$status"; exit 1; }
	@echo
	@echo "== Tray.io: examples/tray/valid (DIR/connector.json) and a deploy request checked with it"
	@node pkg/bin/connect-preflight.cjs validate tray-connector examples/tray/valid
	@node pkg/bin/connect-preflight.cjs validate tray-deploy-request examples/tray/deploy-request.json --connector-json examples/tray/valid
	@echo
	@echo "== Tray.io: examples/tray/invalid/connector.json (exit code 1 expected)"
	@node pkg/bin/connect-preflight.cjs validate tray-connector examples/tray/invalid; \
	  status=$$?; [ $$status -eq 1 ] || { echo "unexpected exit code $$status"; exit 1; }
	@echo
	@echo "== Tray.io: a deploy response that was skipped (valid, with a warning)"
	@node pkg/bin/connect-preflight.cjs validate tray-deployment-response examples/tray/deployment-response.repeat.json
	@echo
	@echo "== tracker: a deployment record, valid and invalid (exit code 1 expected)"
	@node pkg/bin/connect-preflight.cjs validate tracker-deployment examples/tracker/deployment.valid.json
	@node pkg/bin/connect-preflight.cjs validate tracker-deployment examples/tracker/deployment.invalid.json; \
	  status=$$?; [ $$status -eq 1 ] || { echo "unexpected exit code $$status"; exit 1; }
	@echo
	@echo "== tracker: a status update from pending (succeeded skips in_progress: exit code 1 expected)"
	@node pkg/bin/connect-preflight.cjs validate tracker-status-update examples/tracker/status-update.json --current pending; \
	  status=$$?; [ $$status -eq 1 ] || { echo "unexpected exit code $$status"; exit 1; }
	@node pkg/bin/connect-preflight.cjs validate tracker-status-update examples/tracker/status-update.json --current in_progress
	@echo
	@echo "== tracker: list queries, normalized (the second exits 1: take 500, and take twice)"
	@node pkg/bin/connect-preflight.cjs validate tracker-query examples/tracker/query.txt
	@node pkg/bin/connect-preflight.cjs validate tracker-query examples/tracker/query.invalid.txt; \
	  status=$$?; [ $$status -eq 1 ] || { echo "unexpected exit code $$status"; exit 1; }
	@echo
	@echo "== check examples/: every connect.yaml, connector.json and payload found, errors only (exit code 1 expected)"
	@node pkg/bin/connect-preflight.cjs check examples --quiet; \
	  status=$$?; [ $$status -eq 1 ] || { echo "unexpected exit code $$status"; exit 1; }
	@echo
	@echo "Try the page (the draft builder): make serve, then open http://127.0.0.1:8080/"

## test: set up, build, run every test level, end with a summary line
test: site
	@scripts/setup.sh browser
	@scripts/test-all.sh

## build: the npm package in pkg/
build: setup pkg/package.json
	@mkdir -p node_modules && ln -sfn ../pkg node_modules/connect-preflight

pkg/package.json: $(SOURCES)
	@scripts/build-pkg.sh

## pack: the npm package as a tarball, target/connect-preflight-VERSION.tgz (npm install it)
pack: build
	@mkdir -p target && cd pkg && npm pack --pack-destination ../target

setup:
	@scripts/setup.sh rust
	@scripts/setup.sh npm

## schema: rewrite pkg-template/connect.schema.json from the rule tables (tests/schema.rs checks it)
schema: setup
	UPDATE_SCHEMA=1 cargo test --test schema

## site: the draft-builder page as a self-contained folder, site/ (any static host serves it)
site: build
	@node scripts/build-site.mjs

## serve: the page (site/) on http://127.0.0.1:8080/, compressed, with the wasm's MIME type
serve: site
	@node scripts/serve.mjs

## screenshot: docs/builder.png, the README's picture of the page (Chromium)
screenshot: site
	@scripts/setup.sh browser
	@node scripts/screenshot.mjs

clean:
	rm -rf pkg site target node_modules

## bench: speed side by side with the peers, as ratios (bench/)
bench: build
	node bench/connect-yaml.mjs
	node bench/table.mjs
	node bench/robustness.mjs
	node bench/cli.mjs
	node bench/start.mjs
	@$(MAKE) --no-print-directory bench-page

## bench-memory: wasm memory and RSS over 1,000,000 calls of each entry point (CALLS=n for fewer)
bench-memory: build
	node --expose-gc bench/memory.mjs

## bench-page: the builder in Chromium, one keystroke to rendered issues (50-application connector)
bench-page: site
	@scripts/setup.sh browser
	node bench/page.mjs

## size: where the shipped wasm's bytes go, per crate and per module of ours (scripts/size.mjs)
size: build
	@node scripts/size.mjs

## bench-boundary: how payloads and reports should cross the wasm boundary (docs/decisions.md)
bench-boundary: setup
	cd bench/boundary && CARGO_TARGET_DIR=../../target/bench cargo build --release --target wasm32-unknown-unknown
	wasm-bindgen --target nodejs --out-dir bench/boundary/pkg target/bench/wasm32-unknown-unknown/release/boundary_bench.wasm
	node bench/boundary/run.mjs

## attack-yaml: ~78,000 generated YAML texts, our verdict against the official one (not part of make test)
attack-yaml: build
	node bench/yaml-attack.mjs

## fuzz: every cargo-fuzz target for FUZZ_SECONDS seconds each (nightly Rust; not part of make test)
FUZZ_SECONDS ?= 60
fuzz:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh
