#!/usr/bin/env bash
# Build the <prequal-widget> renderer (crates/prequal-widget) into www/pkg/:
#   prequal_widget.js (ES module glue) and prequal_widget_bg.wasm (wasm-opt -Oz).
# www/prequal-widget.js (the loader that defines the element) imports them from there.
#
#   bash scripts/build-widget.sh
#
# Installs what is missing first (scripts/wasm-toolchain.sh). www/pkg/ is generated, never
# committed.
#
# Last, it prints the Subresource Integrity hashes (sha384, base64) of the released files and
# writes them to www/pkg/sri.json, for `integrity="sha384-..."` on the host page's tags (see
# the README's widget section). They change with every build. `bash scripts/build-widget.sh
# --sri` prints them again without building.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/wasm-toolchain.sh
source scripts/wasm-toolchain.sh
wasm_toolchain

say() { printf '\033[1m[build-widget]\033[0m %s\n' "$*" >&2; }

# The SRI hash of each released file (path relative to www/), printed and written to
# www/pkg/sri.json. Used after a build, or alone with --sri. The "compare options" panel's
# files, loaded on demand, are listed when built (scripts/build-wasm.sh --with-advise).
SRI_FILES=(prequal-widget.js prequal-widget.css pkg/prequal_widget.js pkg/prequal_widget_bg.wasm prequal-advise.js
  advise-pkg/prequal.js advise-pkg/prequal_bg.wasm)
while IFS= read -r snippet; do SRI_FILES+=("${snippet#www/}"); done < <(find www/advise-pkg/snippets -name '*.js' 2>/dev/null | sort)
sri() {
  local json="{" sep="" f hash
  for f in "${SRI_FILES[@]}"; do
    [ -f "www/$f" ] || continue
    hash="sha384-$(openssl dgst -sha384 -binary "www/$f" | openssl base64 -A)"
    printf '%s  %s\n' "$hash" "www/$f"
    json+="$sep"$'\n'"  \"$f\": \"$hash\""
    sep=","
  done
  printf '%s\n}\n' "$json" > www/pkg/sri.json
  say "SRI hashes written to www/pkg/sri.json"
}
if [ "${1:-}" = "--sri" ]; then
  sri
  exit 0
fi

# The `wasm` profile (Cargo.toml: opt-level "z", fat LTO, abort on panic); `release` is the
# native CLI's.
say "cargo build --profile wasm --target wasm32-unknown-unknown -p prequal-widget"
cargo build --profile wasm --target wasm32-unknown-unknown -p prequal-widget

out=www/pkg
rm -rf "$out"
mkdir -p "$out"
say "wasm-bindgen --target web → $out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name prequal_widget \
  "$WASM_TARGET_DIR/wasm32-unknown-unknown/wasm/prequal_widget.wasm"

# --converge: run -Oz again until the module stops shrinking (~1 KB gzip, ~7 s);
# --low-memory-unused: Rust puts the 1 MiB stack first (growing down to 0) and its data
# above, so the lowest 1 KiB is never addressed, which lets wasm-opt fold pointer offsets
# (~1.5 KB gzip); --strip-producers: the toolchain names, useless to a browser.
say "wasm-opt -Oz --converge (npm binaryen $("$WASM_OPT" --version | awk '{print $3}'))"
"$WASM_OPT" -Oz --converge --low-memory-unused --strip-producers \
  "$out/prequal_widget_bg.wasm" -o "$out/prequal_widget_bg.opt.wasm"
mv "$out/prequal_widget_bg.opt.wasm" "$out/prequal_widget_bg.wasm"

say "done: $out"
ls -l "$out" >&2
sri
