#!/usr/bin/env bash
# How small a WASM module running prequal's engine can be, whatever the SDK around it:
# builds benches/size-floor (the engine with text-in, JSON-text-out entry points and
# nothing else) in three variants with the SDK's profile (`wasm`), wasm-bindgen and wasm-opt
# flags, and prints raw, gzip -9 and brotli sizes of each .wasm next to the shipped SDK's.
#
#   bash scripts/size-floor.sh [--json FILE]
#
# Not a test: it measures what issue 4's 60 KiB budget is up against.
set -euo pipefail
cd "$(dirname "$0")/.."

json_out=""
case "${1:-}" in
  "") ;;
  --json) json_out="${2:?--json needs a file}" ;;
  *) echo "usage: $0 [--json FILE]" >&2; exit 2 ;;
esac

# shellcheck source=scripts/wasm-toolchain.sh
source scripts/wasm-toolchain.sh
wasm_toolchain

target="$WASM_TARGET_DIR/size-floor"
work="$target/out"
rm -rf "$work"
mkdir -p "$work"

gz() { gzip -9 -n < "$1" | wc -c; }
br() {
  node -e '
    const zlib = require("zlib");
    const out = zlib.brotliCompressSync(require("fs").readFileSync(process.argv[1]), {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
    });
    console.log(out.length);' "$1"
}

rows=()
measure() { # NAME FILE
  rows+=("$1|$(wc -c < "$2")|$(gz "$2")|$(br "$2")")
}

for variant in schedule evaluate evaluate-bundled; do
  features=()
  [ "$variant" = schedule ] || features=(--features "$variant")
  echo "[size-floor] $variant" >&2
  (cd benches/size-floor && CARGO_TARGET_DIR="$target" \
    cargo build -q --profile wasm --target wasm32-unknown-unknown "${features[@]}")
  wasm-bindgen --target web --out-dir "$work/$variant" --out-name floor \
    "$target/wasm32-unknown-unknown/wasm/prequal_size_floor.wasm"
  # The SDK's wasm-opt flags (scripts/build-wasm.sh).
  "$WASM_OPT" -Oz --converge --low-memory-unused --strip-producers "$work/$variant/floor_bg.wasm" -o "$work/$variant/floor.wasm"
  measure "$variant" "$work/$variant/floor.wasm"
done
if [ -f pkg/prequal_bg.wasm ]; then
  measure "SDK (pkg/prequal_bg.wasm)" pkg/prequal_bg.wasm
fi

kib() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }
printf '%-30s %12s %12s %12s\n' "module" raw "gzip -9" brotli
for row in "${rows[@]}"; do
  IFS='|' read -r name raw gzip brotli <<< "$row"
  printf '%-30s %12s %12s %12s\n' "$name" "$(kib "$raw")" "$(kib "$gzip")" "$(kib "$brotli")"
done
echo "schedule: read a request, compute, write JSON (rust_decimal, the reader, errors, the writer)"
echo "evaluate: + read and validate a pack, read a firm, evaluate every product, write the report"
echo "evaluate-bundled: evaluate on the bundled pack (its JSON inside the module)"

if [ -n "$json_out" ]; then
  node -e '
    const rows = process.argv.slice(2).map((r) => { const [name, raw, gzip, brotli] = r.split("|");
      return { name, raw: +raw, gzip: +gzip, brotli: +brotli }; });
    require("fs").writeFileSync(process.argv[1], JSON.stringify(rows, null, 2) + "\n");' "$json_out" "${rows[@]}"
fi
