#!/usr/bin/env bash
# The GitHub Action's step (action.yml): `connect-preflight check --format github` on the
# paths and options given as inputs. The words of INPUT_PATHS and INPUT_ARGS are split on
# blanks only (no globbing, no other shell expansion). CONNECT_PREFLIGHT_BIN runs a local
# build instead of the npm package (the repository's own test does).
set -euo pipefail
set -f
read -r -a paths <<< "${INPUT_PATHS:-.}"
read -r -a args <<< "${INPUT_ARGS:-}"
if [ -n "${CONNECT_PREFLIGHT_BIN:-}" ]; then
  command=(node "$CONNECT_PREFLIGHT_BIN")
else
  command=(npx --yes "connect-preflight@${INPUT_VERSION:-latest}")
fi
exec "${command[@]}" check --format github "${paths[@]}" "${args[@]}"
