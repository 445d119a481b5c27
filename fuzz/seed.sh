#!/usr/bin/env bash
# Build the committed seed corpora (fuzz/seeds/TARGET) from the examples. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p fuzz/seeds/policy fuzz/seeds/firm fuzz/seeds/evaluate fuzz/seeds/tenants
for pack in examples/packs/*.json; do cp "$pack" "fuzz/seeds/policy/$(basename "$pack")"; done
for firm in examples/firms/*.json; do cp "$firm" "fuzz/seeds/firm/$(basename "$firm")"; done
for pack in examples/packs/*.json; do
  for firm in examples/firms/*.json; do
    out="fuzz/seeds/evaluate/$(basename "$pack" .json)--$(basename "$firm" .json)"
    { cat "$pack"; printf '\377'; cat "$firm"; printf '\377'; printf '2026-03-01'; } > "$out"
  done
done
cp examples/tenants/tenants-zh-20.csv fuzz/seeds/tenants/
head -40 examples/tenants/tenants-1000.csv > fuzz/seeds/tenants/tenants-en-39.csv
