#!/usr/bin/env bash
# Every test of the project, from a fresh clone: installs what it needs, then runs
#   1. the Rust workspace tests (core, CLI, WASM crate natively), the JSON Schema check,
#   2. the WASM build and its Node tests (same JSON vectors, byte-identical to native),
#      and the SDK's size gate (.wasm <= 140 KiB gzip -9),
#   3. the browser tests (the widget, the park staff screening page, the HTML report), the
#      widget's size gate (wasm + JS + CSS <= 180 KiB gzip -9) and the screening module's
#      (<= 272 KiB gzip -9: a tool page's module, never on a visitor's first result),
# stopping at the first failure. Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "Rust workspace tests"
cargo test --workspace
step "WASM crate with screening (native): slices, headers, bad rows"
cargo test -p prequal-wasm --features screen --lib

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
  step "Screening page module: size gate"
  PREQUAL_WASM_BUDGET_GZIP=278528 bash scripts/size.sh www/screen-pkg
fi
step "all tests passed"
