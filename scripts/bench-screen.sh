#!/usr/bin/env bash
# Benchmark `prequal screen`: firms per second and peak memory (max RSS) on generated
# tenant lists, against the bundled default pack. A measurement, not a test: it prints
# one markdown table row per list size and never fails on a slow machine.
#
#   scripts/bench-screen.sh                 # 100,000 firms
#   scripts/bench-screen.sh 100000 1000000  # several sizes
#
# Builds with the bench profile (opt-level 3, thin LTO), generates the lists into the
# target directory with the seeded generator, and reads peak memory from GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
  sizes=(100000)
fi
target="${CARGO_TARGET_DIR:-target}"
data="$target/bench-data"

if ! command -v /usr/bin/time >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing GNU time..." >&2
    apt-get update -qq >&2 && apt-get install -y -qq time >&2
  else
    echo "GNU time is needed at /usr/bin/time (Debian/Ubuntu: apt-get install time)" >&2
    exit 2
  fi
fi

cargo build --quiet --profile bench -p prequal-cli --bin prequal --example gen_tenants
# Cargo puts bench-profile binaries in the release directory.
bin="$target/release/prequal"
gen="$target/release/examples/gen_tenants"
mkdir -p "$data"

# firms per CPU-second does not depend on what else the machine is running; firms/s does.
echo "| firms | wall time (s) | firms/s | firms per CPU-second | peak RSS (MB) | CPU | cores |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for rows in "${sizes[@]}"; do
  input="$data/tenants-$rows.csv"
  "$gen" "$rows" > "$input"
  log="$data/time-$rows.log"
  /usr/bin/time -v "$bin" screen --input "$input" --output "$data/results-$rows.csv" 2> "$log"
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log" \
    | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')
  rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
  cpu=$(sed -n 's/.*Percent of CPU this job got: //p' "$log")
  rate=$(sed -n 's/.*(\([0-9]*\) firms\/s).*/\1/p' "$log")
  user=$(sed -n 's/.*User time (seconds): //p' "$log")
  sys=$(sed -n 's/.*System time (seconds): //p' "$log")
  per_cpu=$(awk -v n="$rows" -v u="$user" -v s="$sys" 'BEGIN { printf "%d", n / (u + s) }')
  rss_mb=$(awk -v kb="$rss_kb" 'BEGIN { printf "%.1f", kb / 1024 }')
  echo "| $rows | $wall | $rate | $per_cpu | $rss_mb | $cpu | $(nproc) |"
done
