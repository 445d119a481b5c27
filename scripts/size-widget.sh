#!/usr/bin/env bash
# Transfer size of <prequal-widget>: every file a page downloads for it, each compressed on
# its own as a server would send it (gzip -9, and brotli quality 11 for reference):
#   www/pkg/prequal_widget_bg.wasm, www/pkg/prequal_widget.js (glue), www/prequal-widget.js
#   (loader), www/prequal-widget.css. The policy pack is data, not counted (the default pack
#   is inside the .wasm, so it is).
# Fails when the gzip total exceeds the budget.
#
#   scripts/size-widget.sh                     # run scripts/build-widget.sh first
#   PREQUAL_WIDGET_BUDGET_GZIP=184320          # the budget in bytes of gzip -9 (default 180 KiB)
set -euo pipefail
cd "$(dirname "$0")/.."

budget="${PREQUAL_WIDGET_BUDGET_GZIP:-184320}"
files=(www/pkg/prequal_widget_bg.wasm www/pkg/prequal_widget.js www/prequal-widget.js www/prequal-widget.css)
for file in "${files[@]}"; do
  [ -f "$file" ] || { echo "size-widget: $file is missing; run scripts/build-widget.sh first" >&2; exit 1; }
done

brotli_size() {
  node -e '
    const zlib = require("zlib");
    const data = require("fs").readFileSync(process.argv[1]);
    const out = zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
    console.log(out.length);' "$1"
}
kib() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }

total_raw=0 total_gz=0 total_br=0
printf '%-34s %12s %12s %12s\n' "<prequal-widget> transfer" raw "gzip -9" brotli
for file in "${files[@]}"; do
  raw=$(wc -c < "$file")
  gz=$(gzip -9 -n -c "$file" | wc -c)
  br=$(brotli_size "$file")
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
  printf '%-34s %12s %12s %12s\n' "$file" "$(kib "$raw")" "$(kib "$gz")" "$(kib "$br")"
done
printf '%-34s %12s %12s %12s\n' "total" "$(kib "$total_raw")" "$(kib "$total_gz")" "$(kib "$total_br")"
printf 'bytes: raw %s, gzip -9 %s, brotli %s; budget %s gzip\n' "$total_raw" "$total_gz" "$total_br" "$budget"

if [ "$total_gz" -gt "$budget" ]; then
  echo "size-widget: FAIL: $total_gz bytes gzip -9, over the budget of $budget ($(kib "$budget"))" >&2
  exit 1
fi
echo "size-widget: ok: $total_gz bytes gzip -9, within the budget of $budget ($(kib "$budget"))"
