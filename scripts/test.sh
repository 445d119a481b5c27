#!/usr/bin/env bash
# Every test of the project, from a fresh clone: installs what it needs, then runs
#   1. the Rust workspace tests (core, CLI, WASM crate natively), the JSON Schema check,
#   2. the WASM build and its Node tests (same JSON vectors, byte-identical to native),
#      and the SDK's size gate (.wasm <= 140 KiB gzip -9),
#   3. the widget's browser tests and its size gate (wasm + JS + CSS <= 180 KiB gzip -9),
# stopping at the first failure. Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "Rust workspace tests"
cargo test --workspace
step "JSON Schema of packs and firms is current"
cargo test -p prequal --features schema --test schema

if [ -f scripts/test-wasm.sh ]; then
  step "WASM SDK: build and Node tests"
  bash scripts/test-wasm.sh
  step "WASM SDK: size gate"
  bash scripts/size.sh
fi
if [ -f scripts/test-browser.sh ]; then
  step "Widget: browser end-to-end tests"
  bash scripts/test-browser.sh
  step "Widget: size gate"
  bash scripts/size-widget.sh
fi
step "all tests passed"
