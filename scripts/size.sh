#!/usr/bin/env bash
# Transfer size of the WASM SDK in pkg/: raw, gzip -9 and brotli (quality 11) of the .wasm
# and of the JS glue (prequal.js and its snippets). Fails when the .wasm exceeds the budget.
#
#   scripts/size.sh [PKG_DIR]          # default pkg/ (run scripts/build-wasm.sh first)
#   PREQUAL_WASM_BUDGET_GZIP=143360    # the budget in bytes of gzip -9 (default 140 KiB)
set -euo pipefail
cd "$(dirname "$0")/.."

pkg="${1:-pkg}"
budget="${PREQUAL_WASM_BUDGET_GZIP:-143360}"
wasm="$pkg/prequal_bg.wasm"
[ -f "$wasm" ] || { echo "size: $wasm is missing; run scripts/build-wasm.sh first" >&2; exit 1; }

glue=("$pkg/prequal.js")
while IFS= read -r file; do glue+=("$file"); done < <(find "$pkg/snippets" -name '*.js' 2>/dev/null | sort)

# node for brotli (no brotli CLI needed); gzip -9 from gzip itself.
sizes() {
  local raw gz br
  raw=$(cat "$@" | wc -c)
  gz=$(cat "$@" | gzip -9 -n | wc -c)
  br=$(cat "$@" | node -e '
    const zlib = require("zlib");
    const chunks = [];
    process.stdin.on("data", (c) => chunks.push(c)).on("end", () => {
      const out = zlib.brotliCompressSync(Buffer.concat(chunks), {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_GENERIC },
      });
      console.log(out.length);
    });')
  echo "$raw $gz $br"
}

read -r wraw wgz wbr < <(sizes "$wasm")
read -r jraw jgz jbr < <(sizes "${glue[@]}")
kib() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }

printf '%-34s %12s %12s %12s\n' "prequal SDK ($pkg)" raw "gzip -9" brotli
printf '%-34s %12s %12s %12s\n' "prequal_bg.wasm" "$(kib "$wraw")" "$(kib "$wgz")" "$(kib "$wbr")"
printf '%-34s %12s %12s %12s\n' "JS glue (prequal.js + snippets)" "$(kib "$jraw")" "$(kib "$jgz")" "$(kib "$jbr")"
printf '%-34s %12s %12s %12s\n' "total" "$(kib $((wraw + jraw)))" "$(kib $((wgz + jgz)))" "$(kib $((wbr + jbr)))"
printf 'bytes: wasm %s / %s / %s; glue %s / %s / %s\n' "$wraw" "$wgz" "$wbr" "$jraw" "$jgz" "$jbr"

if [ "$wgz" -gt "$budget" ]; then
  echo "size: FAIL: prequal_bg.wasm is $wgz bytes gzip -9, over the budget of $budget ($(kib "$budget"))" >&2
  exit 1
fi
echo "size: ok: prequal_bg.wasm is $wgz bytes gzip -9, within the budget of $budget ($(kib "$budget"))"
