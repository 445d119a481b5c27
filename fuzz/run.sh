#!/usr/bin/env bash
# Fuzz one target for a given time: bash fuzz/run.sh TARGET [SECONDS] [JOBS]
#   TARGET: policy | firm | evaluate | tenants | json_text   SECONDS: default 600   JOBS: default 1
# Installs cargo-fuzz when missing. The machine has one stable toolchain: RUSTC_BOOTSTRAP
# lets cargo-fuzz pass its sanitizer flags to it. New inputs go to fuzz/corpus/TARGET (not
# committed); the committed seeds in fuzz/seeds/TARGET are read too. Crashes land in
# fuzz/artifacts/TARGET with the command to reproduce them.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/run.sh TARGET [SECONDS] [JOBS]}
seconds=${2:-600}
jobs=${3:-1}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
mkdir -p "fuzz/corpus/$target"
export RUSTC_BOOTSTRAP=1
cd fuzz
# With one job libFuzzer prints to this terminal; with more, each job logs to fuzz-N.log.
parallel=()
[ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")
exec cargo fuzz run "$target" "corpus/$target" "seeds/$target" -- \
  -max_total_time="$seconds" "${parallel[@]}" -print_final_stats=1 -max_len=65536
