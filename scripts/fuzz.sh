#!/usr/bin/env bash
# `make fuzz`: runs every cargo-fuzz target of fuzz/ (libFuzzer, nightly Rust) for
# FUZZ_SECONDS seconds each (default 60), one at a time, from a seed corpus built here:
# the fixture cases (tests/fixtures/*.json), the examples (examples/) and the real
# connect.yaml files of ../shared/corpus/connect-yaml (when that folder is there).
#
#   FUZZ_SECONDS=300 make fuzz
#   FUZZ_TARGETS="connect_yaml identifiers" scripts/fuzz.sh     only these targets
#   FUZZ_SANITIZER=none scripts/fuzz.sh                          cargo fuzz -s none
#
# Exit status: 0 when no target crashed; 1 when one did (its input is in
# fuzz/artifacts/<target>/ and must become a fixture); 2 when nightly Rust is missing.
# Not part of `make test`. Seeds go to fuzz/corpus/<target>/ (gitignored); libFuzzer adds
# what it finds there, and later runs start from it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
ALL_TARGETS=(connect_yaml deployment_draft deployment_update build_deployment_draft
  connector_staged_draft connector_update identifiers)
read -r -a TARGETS <<<"${FUZZ_TARGETS:-${ALL_TARGETS[*]}}"
LOGS=fuzz/target/fuzz-logs

if ! [[ "$FUZZ_SECONDS" =~ ^[0-9]+$ ]] || [ "$FUZZ_SECONDS" -lt 1 ]; then
  echo "fuzz: FUZZ_SECONDS must be a whole number of seconds, got '$FUZZ_SECONDS'" >&2
  exit 2
fi
for t in "${TARGETS[@]}"; do
  if [ ! -f "fuzz/fuzz_targets/$t.rs" ]; then
    echo "fuzz: no target '$t' (the targets: ${ALL_TARGETS[*]})" >&2
    exit 2
  fi
done

# ---- Toolchain ---------------------------------------------------------------------------
# (No `rustup ... | grep -q`: grep exits at the first match and, with pipefail, the
# SIGPIPE of rustup would count as a failure.)
toolchains="$(rustup toolchain list 2>/dev/null || true)"
if ! grep -q nightly <<<"$toolchains"; then
  shown="$(tr '\n' ' ' <<<"$toolchains" | sed 's/ *$//')"
  echo "make fuzz needs a nightly Rust toolchain (cargo-fuzz uses -Z flags); none is installed here: rustup toolchain list shows ${shown:-nothing (is rustup installed?)}." >&2
  echo "Install one with: rustup toolchain install nightly" >&2
  exit 2
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz (once, takes a few minutes)"
  cargo +nightly install cargo-fuzz
fi
echo "fuzz: $(cargo +nightly fuzz --version), $(rustc +nightly --version)"

# ---- Seed corpus ---------------------------------------------------------------------------
# Each seed: one context byte (0 none, 1 connectYaml, 2 connector, 3 deployment,
# 4 connectorStaged; fuzz/fuzz_targets/common/mod.rs), then the payload; with a context
# document from the bytes, "<document>\0<payload>". Files are named by their SHA-1, as
# libFuzzer names its own, so a rerun adds nothing twice.
command -v python3 >/dev/null || { echo "fuzz: python3 is needed to build the seed corpus" >&2; exit 2; }
python3 - "${ALL_TARGETS[@]}" <<'PY'
import glob, hashlib, json, os, sys

targets = sys.argv[1:]
KINDS = {"connectYaml": 1, "connector": 2, "deployment": 3, "connectorStaged": 4}
FUNCTIONS = {
    "validateConnectYaml": "connect_yaml",
    "validateDeploymentDraft": "deployment_draft",
    "validateDeploymentUpdate": "deployment_update",
    "buildDeploymentDraft": "build_deployment_draft",
    "validateConnectorStagedDraft": "connector_staged_draft",
    "validateConnectorUpdate": "connector_update",
    "applyConnectorUpdate": "connector_update",
    "buildConnectorUpdateActions": "connector_update",
    "validateKey": "identifiers",
    "validateProjectIdentifier": "identifiers",
    "canRedeploy": "identifiers",
    "checkTransition": "identifiers",
}
# Targets whose payload is the whole text after the context byte (no "<document>\0").
WHOLE_TEXT = {"connect_yaml", "identifiers"}
# Targets that take no context: one seed per payload is enough.
NO_CONTEXT = {"identifiers", "connector_staged_draft"}

seeds = {t: set() for t in targets}

def encode(text):
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: not UTF-8, the targets skip it anyway
        return None

def dumps(value):
    try:
        return json.dumps(value, indent=2, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, indent=2).encode("utf-8")

def document(value):
    """A context document as bytes: connect.yaml text as is, a resource as JSON."""
    if isinstance(value, str):
        return encode(value)
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8", "replace")

def add(target, payload, contexts=()):
    """The payload alone (every fixed context kind) and with each (kind, document)."""
    if target not in seeds or payload is None:
        return
    kinds = [0] if target in NO_CONTEXT else range(5)
    for kind in kinds:
        seeds[target].add(bytes([kind]) + payload)
    if target in WHOLE_TEXT:
        return
    for kind, doc in contexts:
        if doc is not None and b"\0" not in doc:
            seeds[target].add(bytes([kind]) + doc + b"\0" + payload)

def resolve(value, defs):
    if isinstance(value, str) and value.startswith("$ref:"):
        return defs[value[len("$ref:"):]]
    if isinstance(value, dict):
        return {k: resolve(v, defs) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve(v, defs) for v in value]
    return value

def contexts_of(case, defs):
    """(kind, document) for the case's context, source or connectorStaged."""
    out = []
    if "context" in case and isinstance(case["context"], dict):
        for field, value in resolve(case["context"], defs).items():
            if field in KINDS and value is not None:
                out.append((KINDS[field], document(value)))
    if "source" in case:
        source = resolve(case["source"], defs)
        out.append((1 if isinstance(source, str) else 2, document(source)))
    if "connectorStaged" in case:
        out.append((4, document(resolve(case["connectorStaged"], defs))))
    return out

defs_path = "tests/fixtures/defs/connectors.json"
defs = json.load(open(defs_path, encoding="utf-8")) if os.path.exists(defs_path) else {}
skipped = set()
for path in sorted(glob.glob("tests/fixtures/*.json")):
    doc = json.load(open(path, encoding="utf-8"))
    target = FUNCTIONS.get(doc.get("function"))
    if target is None:
        skipped.add(os.path.basename(path))
        continue
    for case in doc.get("cases", []):
        if "inputText" in case:
            payload = encode(case["inputText"])
        elif "inputLines" in case:
            payload = encode("\n".join(case["inputLines"]) + "\n")
        elif "input" in case:
            value = resolve(case["input"], defs)
            payload = dumps(value)
            if isinstance(value, str):  # validateKey("x"): also the bare string
                add(target, encode(value))
        else:
            continue
        add(target, payload, contexts_of(case, defs))

# Real connect.yaml files: the examples, the shared corpus (flat *.yaml or */connect.yaml)
# and the fixtures' shop connector; each also as the context of the example drafts.
yaml_files = sorted(glob.glob("examples/connect-yaml/*/connect.yaml"))
shared = "../shared/corpus/connect-yaml"
if os.path.isdir(shared):
    yaml_files += sorted(glob.glob(f"{shared}/*.yaml") + glob.glob(f"{shared}/*/connect.yaml"))
else:
    print(f"fuzz: {shared} is not there: seeding without the shared connect.yaml corpus")
yamls = [open(p, "rb").read() for p in yaml_files]
if isinstance(defs.get("shopYaml"), str):
    yamls.append(defs["shopYaml"].encode("utf-8"))
drafts = [open(p, "rb").read() for p in sorted(glob.glob("examples/deployment-draft*.json"))]
build_inputs = [dumps(resolve(c["input"], defs))
                for c in json.load(open("tests/fixtures/build-deployment-draft.json", encoding="utf-8"))["cases"][:3]] \
    if os.path.exists("tests/fixtures/build-deployment-draft.json") else []
for text in yamls:
    add("connect_yaml", text)
    for draft in drafts:
        add("deployment_draft", draft, [(1, text)])
    for build_input in build_inputs:
        add("build_deployment_draft", build_input, [(1, text)])
for draft in drafts:
    add("deployment_draft", draft)
for path in sorted(glob.glob("examples/connector-staged-draft*.json")):
    draft = open(path, "rb").read()
    add("connector_staged_draft", draft)
    try:
        after = json.loads(draft)
        before = dict(after, name="Before", privateProjects=[])
        add("connector_update", dumps({"before": before, "after": after}))
    except ValueError:
        pass

for target in targets:
    folder = os.path.join("fuzz", "corpus", target)
    os.makedirs(folder, exist_ok=True)
    new = 0
    for seed in seeds[target]:
        name = os.path.join(folder, hashlib.sha1(seed).hexdigest())
        if not os.path.exists(name):
            with open(name, "wb") as f:
                f.write(seed)
            new += 1
    total = len(os.listdir(folder))
    print(f"fuzz: corpus {folder}: {len(seeds[target])} seeds ({new} new), {total} inputs in all")
if skipped:
    print(f"fuzz: fixtures without a fuzz target (skipped): {', '.join(sorted(skipped))}")
PY

# ---- Build -------------------------------------------------------------------------------
mkdir -p "$LOGS"
sanitizer="${FUZZ_SANITIZER:-address}"
echo "fuzz: building the targets (sanitizer: $sanitizer; a few minutes the first time; log: $LOGS/build.log)"
if ! cargo +nightly fuzz build -s "$sanitizer" >"$LOGS/build.log" 2>&1; then
  # AddressSanitizer cannot always link the crate's cdylib (rust-lld); the crate forbids
  # unsafe code, so without a sanitizer the targets still catch every panic and assertion.
  # (Only a link error: cargo-fuzz echoes -Zsanitizer=address on every failure.)
  if [ -z "${FUZZ_SANITIZER:-}" ] && grep -qE 'undefined (hidden )?(symbol|reference)|linking with `' "$LOGS/build.log"; then
    echo "fuzz: the AddressSanitizer build failed to link; building without a sanitizer (-s none)"
    sanitizer=none
    if ! cargo +nightly fuzz build -s "$sanitizer" >"$LOGS/build.log" 2>&1; then
      tail -n 40 "$LOGS/build.log" >&2
      echo "fuzz: the fuzz targets do not build (whole log: $LOGS/build.log)" >&2
      exit 1
    fi
  else
    tail -n 40 "$LOGS/build.log" >&2
    echo "fuzz: the fuzz targets do not build (whole log: $LOGS/build.log)" >&2
    exit 1
  fi
fi

# ---- Run -----------------------------------------------------------------------------------
crashed=()
failed=()
summary=()
for t in "${TARGETS[@]}"; do
  log="$LOGS/$t.log"
  artifacts="fuzz/artifacts/$t"
  mkdir -p "$artifacts"
  marker="$LOGS/$t.started"
  touch "$marker"
  echo "== fuzz $t for ${FUZZ_SECONDS}s (log: $log)"
  set +e
  cargo +nightly fuzz run -s "$sanitizer" "$t" "$PWD/fuzz/corpus/$t" -- \
    -max_total_time="$FUZZ_SECONDS" -rss_limit_mb=2048 -max_len=262144 -print_final_stats=1 \
    >"$log" 2>&1
  status=$?
  set -e
  runs="$(grep -aoE 'stat::number_of_executed_units: *[0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+$' || true)"
  [ -n "$runs" ] || runs="$(grep -aoE 'Done [0-9]+ runs' "$log" | tail -n 1 | grep -oE '[0-9]+' || true)"
  [ -n "$runs" ] || runs="$(grep -aoE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#' || true)"
  # libFuzzer's failing inputs; it also writes slow-unit-* for slow inputs, which are no crash.
  new_artifacts="$(find "$artifacts" -type f -newer "$marker" \( -name 'crash-*' -o -name 'oom-*' \
    -o -name 'timeout-*' -o -name 'leak-*' -o -name 'minimized-from-*' \) | sort)"
  slow="$(find "$artifacts" -type f -newer "$marker" -name 'slow-unit-*' | wc -l)"
  if [ "$status" -ne 0 ] && [ -n "$new_artifacts" ]; then
    crashed+=("$t")
    summary+=("$(printf '%-24s %12s executions  CRASH: %s' "$t" "${runs:-?}" "$(tr '\n' ' ' <<<"$new_artifacts")")")
    grep -aE 'panicked at|assertion|ERROR: libFuzzer|SUMMARY' "$log" | head -n 8 || true
  elif [ "$status" -ne 0 ]; then
    failed+=("$t")
    summary+=("$(printf '%-24s %12s executions  FAILED (exit %d, no crash input; see %s)' "$t" "${runs:-?}" "$status" "$log")")
    tail -n 20 "$log"
  else
    summary+=("$(printf '%-24s %12s executions  no crash' "$t" "${runs:-?}")")
  fi
  if [ "$slow" -gt 0 ]; then
    summary[-1]+=" ($slow slow input(s) in $artifacts/slow-unit-*)"
  fi
  echo "${summary[-1]}"
done

echo
echo "== fuzz summary (${FUZZ_SECONDS}s per target, sanitizer: $sanitizer)"
printf '%s\n' "${summary[@]}"
if [ ${#crashed[@]} -gt 0 ]; then
  echo
  echo "fuzz: ${#crashed[@]} target(s) crashed: ${crashed[*]}."
  echo "The crash inputs are in fuzz/artifacts/<target>/ (listed above). Each crash must become a"
  echo "fixture (tests/fixtures/, with the API's expected answer) before it is fixed. Reproduce with:"
  echo "  cargo +nightly fuzz run -s $sanitizer <target> fuzz/artifacts/<target>/<file>"
  exit 1
fi
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${#failed[@]} target(s) failed without a crash input: ${failed[*]} (see $LOGS/)" >&2
  exit 1
fi
echo "fuzz: no crash in ${#TARGETS[@]} target(s)."
