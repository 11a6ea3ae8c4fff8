#!/usr/bin/env bash
# Runs every test level on the built pkg/ and ends with one summary line:
#   summary: N passed, M failed
# Each level's output is kept in target/test-logs/. A level whose command fails without a
# counted failure (a build error, a crash) counts as one failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver || true)}"
logs=target/test-logs
mkdir -p "$logs"

total_pass=0
total_fail=0
report=()

# Counts "test result: ... N passed; M failed" (cargo, wasm-bindgen-test-runner) and the
# "pass N" / "fail N" totals of node --test (tap and spec reporters).
count() {
  local log=$1 pass fail
  pass=$(grep -aoE '([0-9]+) passed;' "$log" | awk '{s+=$1} END {print s+0}')
  fail=$(grep -aoE '([0-9]+) failed;' "$log" | awk '{s+=$1} END {print s+0}')
  pass=$((pass + $(grep -aE '^(# |ℹ )pass [0-9]+' "$log" | awk '{s+=$NF} END {print s+0}')))
  fail=$((fail + $(grep -aE '^(# |ℹ )fail [0-9]+' "$log" | awk '{s+=$NF} END {print s+0}')))
  echo "$pass $fail"
}

level() {
  local name=$1; shift
  local log="$logs/$name.log"
  echo "== $name: $*"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  read -r pass fail < <(count "$log")
  if [ "$name" = types ] && [ "$status" -eq 0 ]; then pass=1; fi
  if [ "$status" -ne 0 ] && [ "$fail" -eq 0 ]; then fail=1; fi
  total_pass=$((total_pass + pass))
  total_fail=$((total_fail + fail))
  report+=("$(printf '%-14s %5d passed, %d failed (exit %d)' "$name" "$pass" "$fail" "$status")")
}

# Property tests draw from one fixed seed, printed, so that a failure reproduces: run again
# with the same PROPTEST_RNG_SEED (any u64 explores other cases).
export PROPTEST_RNG_SEED="${PROPTEST_RNG_SEED:-20261202}"
echo "proptest seed: PROPTEST_RNG_SEED=$PROPTEST_RNG_SEED"

level native        cargo test
level wasm-node     cargo test --target wasm32-unknown-unknown --test wasm_node
# The browser level runs the feature set that ships in pkg/web (no draft fast path).
level wasm-browser  cargo test --target wasm32-unknown-unknown --no-default-features --test wasm_browser
level types         npx --no-install tsc -p tests/types
level npm-package   node --test --test-reporter=spec tests/node/
level page          node --test --test-reporter=spec tests/e2e/

echo
printf '%s\n' "${report[@]}"
echo "summary: $total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
