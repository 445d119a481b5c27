#!/usr/bin/env bash
# Build the <prequal-widget> renderer (crates/prequal-widget) into www/pkg/:
#   prequal_widget.js (ES module glue) and prequal_widget_bg.wasm (wasm-opt -Oz).
# www/prequal-widget.js (the loader that defines the element) imports them from there.
#
#   bash scripts/build-widget.sh
#
# Installs what is missing first (scripts/wasm-toolchain.sh). www/pkg/ is generated, never
# committed.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/wasm-toolchain.sh
source scripts/wasm-toolchain.sh
wasm_toolchain

say() { printf '\033[1m[build-widget]\033[0m %s\n' "$*" >&2; }

say "cargo build --release --target wasm32-unknown-unknown -p prequal-widget"
cargo build --release --target wasm32-unknown-unknown -p prequal-widget

out=www/pkg
rm -rf "$out"
mkdir -p "$out"
say "wasm-bindgen --target web → $out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name prequal_widget \
  "$WASM_TARGET_DIR/wasm32-unknown-unknown/release/prequal_widget.wasm"

say "wasm-opt -Oz (npm binaryen $("$WASM_OPT" --version | awk '{print $3}'))"
"$WASM_OPT" -Oz \
  "$out/prequal_widget_bg.wasm" -o "$out/prequal_widget_bg.opt.wasm"
mv "$out/prequal_widget_bg.opt.wasm" "$out/prequal_widget_bg.wasm"

say "done: $out"
ls -l "$out" >&2
