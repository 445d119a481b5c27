#!/usr/bin/env bash
# Every benchmark of the project in one run, then the generated tables of BENCHMARKS.md
# rewritten from the results (between its <!-- bench:NAME --> markers; the prose stays).
# A measurement, not a test: it fails only when something cannot run or when two engines
# compared side by side disagree on a verdict (then no figure would be valid).
#
#   bash scripts/bench-all.sh            # full run: ~25 minutes on 2 cores, after the builds
#   bash scripts/bench-all.sh --quick    # development: fewer and shorter runs, no 1M-row
#                                        # screening, no browser; still rewrites BENCHMARKS.md
#   bash scripts/bench-all.sh --no-report   # measure only; results in target/bench-results/
#
# Steps (raw results as JSON in target/bench-results/):
#   1. builds: the WASM SDK (pkg/) and the widget (www/pkg/), which install their toolchain;
#      their sizes, and the size floor (scripts/size-floor.sh: the engine alone in a module)
#   2. core criterion benches: cargo bench -p prequal --bench evaluate
#   3. side by side, native: benches/compare (its own workspace, with GoRules ZEN): the
#      verdict check on 1,001 firms, then criterion (prequal vs ZEN eligibility, evaluate,
#      schedules, APR)
#   4. side by side, Node: benches/compare/node (json-rules-engine vs the WASM SDK), with
#      its own verdict check; scripts/bench-wasm.mjs (WASM against native)
#   5. payload: <prequal-widget> against the ZEN browser packages (npm tarballs)
#   6. widget first render in headless Chromium (scripts/bench-widget.mjs; full run only)
#   7. prequal screen on 100,000 and 1,000,000 firms (scripts/bench-screen.sh), and the park
#      staff page on 100,000 in Chromium (scripts/bench-screen-page.mjs; full run only)
#   8. scripts/bench-report.mjs: BENCHMARKS.md
# Criterion figures are its median with the min and max of its samples; every other
# figure is the median, min and max over several runs.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0 report=1
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    --no-report) report=0 ;;
    *) echo "usage: $0 [--quick] [--no-report]" >&2; exit 2 ;;
  esac
done

out=target/bench-results
rm -rf "$out" && mkdir -p "$out"
step() { printf '\n\033[1m[bench-all]\033[0m %s\n' "$*" >&2; }

if [ "$quick" = 1 ]; then
  criterion=(--warm-up-time 1 --measurement-time 2 --sample-size 20)
  node_batches=7 wasm_runs=1 screen_runs=1 screen_sizes=(100000)
else
  criterion=(--warm-up-time 3 --measurement-time 8 --sample-size 100)
  node_batches=21 wasm_runs=3 screen_runs=3 screen_sizes=(100000 1000000)
fi

step "machine"
{
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
  mem_kb=$(sed -n 's/^MemTotal:[[:space:]]*\([0-9]*\) kB/\1/p' /proc/meminfo)
  chromium=$( (command -v chromium >/dev/null && chromium --version 2>/dev/null) || echo "")
  printf '{"date": "%s", "cpu": "%s", "cores": %s, "memory_kb": %s, "rustc": "%s", "node": "%s", "chromium": "%s", "load_before": "%s", "quick": %s, "commit": "%s"}\n' \
    "$(date -u +%Y-%m-%dT%H:%MZ)" "${cpu:-unknown}" "$(nproc)" "${mem_kb:-0}" "$(rustc --version)" "$(node --version)" \
    "$chromium" "$(cut -d' ' -f1-3 /proc/loadavg)" "$([ "$quick" = 1 ] && echo true || echo false)" \
    "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo +changes)"
} > "$out/machine.json"
cat "$out/machine.json" >&2

step "builds: WASM SDK and widget"
bash scripts/build-wasm.sh >&2
bash scripts/build-widget.sh >&2
# size.sh fails when the .wasm is over its budget; here only its figures count.
{ bash scripts/size.sh || true; } | sed -n 's/^bytes: wasm \([0-9]*\) \/ \([0-9]*\) \/ \([0-9]*\); glue \([0-9]*\) \/ \([0-9]*\) \/ \([0-9]*\)$/{"wasm": [\1, \2, \3], "glue": [\4, \5, \6]}/p' > "$out/sdk-size.json"

step "size floor: the engine alone in a module (scripts/size-floor.sh)"
bash scripts/size-floor.sh --json "$out/size-floor.json" >&2

step "core criterion benches (crates/prequal/benches/evaluate.rs)"
cargo bench -p prequal --bench evaluate -- "${criterion[@]}" >&2
node scripts/bench-report.mjs --collect-criterion target/criterion > "$out/core-criterion.json"

step "side by side, native: verdict check, then criterion (benches/compare)"
(
  cd benches/compare
  cargo run --quiet --profile bench --example check -- "../../$out/firms.json" >&2
  cargo bench --bench compare -- "${criterion[@]}" >&2
)
node scripts/bench-report.mjs --collect-criterion benches/compare/target/criterion > "$out/compare-criterion.json"
awk '/^name = "zen-engine"/ { getline; gsub(/"/, "", $3); print "{\"zen_engine\": \"" $3 "\"}" }' \
  benches/compare/Cargo.lock > "$out/zen-version.json"

step "side by side, Node: WASM SDK vs json-rules-engine (benches/compare/node)"
(cd benches/compare/node && npm ci --silent --no-audit --no-fund >&2)
node benches/compare/node/compare.mjs --firms "$out/firms.json" --batches "$node_batches" --json > "$out/node-compare.json"

step "WASM SDK against native (scripts/bench-wasm.mjs), $wasm_runs run(s)"
: > "$out/bench-wasm.jsonl"
for _ in $(seq "$wasm_runs"); do
  node scripts/bench-wasm.mjs --json >> "$out/bench-wasm.jsonl"
done

step "payload: <prequal-widget> against the ZEN browser packages"
node benches/compare/node/payload.mjs --json > "$out/payload.json"

if [ "$quick" = 0 ] && command -v chromium >/dev/null 2>&1; then
  step "widget first render (scripts/bench-widget.mjs)"
  if node scripts/bench-widget.mjs >&2; then
    cp test-artifacts/bench-widget.json "$out/bench-widget.json"
  else
    echo "bench-widget failed; its table is left as it was" >&2
  fi
fi

step "prequal screen: ${screen_sizes[*]} firms, $screen_runs run(s) each"
: > "$out/screen.md"
for _ in $(seq "$screen_runs"); do
  bash scripts/bench-screen.sh "${screen_sizes[@]}" | grep '^| [0-9]' >> "$out/screen.md"
done
cat "$out/screen.md" >&2

if [ "$quick" = 0 ] && command -v chromium >/dev/null 2>&1; then
  step "the park staff screening page, 100,000 firms (scripts/bench-screen-page.mjs)"
  bash scripts/build-wasm.sh --screen
  # Writes target/bench-results/screen-page.json; BENCHMARKS.md quotes it by hand.
  node scripts/bench-screen-page.mjs 100000 >&2 || echo "bench-screen-page failed" >&2
fi

if [ "$report" = 1 ]; then
  step "BENCHMARKS.md"
  node scripts/bench-report.mjs "$out" BENCHMARKS.md
fi
step "done: results in $out/"
