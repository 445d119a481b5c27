#!/usr/bin/env bash
# Build the WASM SDK into pkg/ (an npm-style package: ES module + .wasm + TypeScript types).
#
#   scripts/build-wasm.sh               # the SDK, into pkg/
#   scripts/build-wasm.sh --vectors     # the test build: the same engine plus runVector() for
#                                       # the cross-target test vectors, into
#                                       # target/prequal-wasm-vectors/pkg/
#   scripts/build-wasm.sh --screen      # the SDK with screening (feature `screen`: the
#                                       # Screener class) for the park staff page
#                                       # www/screen.html, into www/screen-pkg/. Its own
#                                       # module: reading and screening tenant lists adds
#                                       # ~50 KiB gzip that no visitor's first result should
#                                       # pay for; scripts/test.sh gates it at 272 KiB
#   scripts/build-wasm.sh --with-advise # the SDK (as in pkg/, which has the advisor) into
#                                       # www/advise-pkg/, among the widget's files: the module
#                                       # its "compare options" panel (www/prequal-advise.js)
#                                       # loads when a visitor opens it
#
# The .wasm is built with the `wasm` profile (Cargo.toml: opt-level "z", fat LTO, abort on
# panic), not `release`, which is the fast native CLI's (`cargo install`).
#
# Idempotent and self-installing on a fresh machine (scripts/wasm-toolchain.sh): the wasm32
# target, the wasm-bindgen CLI at exactly the version the crate is pinned to (only when
# `wasm-bindgen --version` does not already print it), and node_modules (npm ci) for
# wasm-opt from the npm `binaryen` package. Never the distribution's binaryen: its old
# wasm-opt produces modules that fail to load.
set -euo pipefail

cd "$(dirname "$0")/.."

variant=sdk
case "${1:-}" in
  "") ;;
  --vectors) variant=vectors ;;
  --with-advise) variant=advise ;;
  --screen) variant=screen ;;
  *) echo "usage: $0 [--vectors | --with-advise | --screen]" >&2; exit 2 ;;
esac

say() { printf '\033[1m[build-wasm]\033[0m %s\n' "$*" >&2; }

# --- toolchain (shared with the widget's build): target, pinned wasm-bindgen, npm wasm-opt,
# and the RUSTFLAGS every wasm32 build must share.
# shellcheck source=scripts/wasm-toolchain.sh
source scripts/wasm-toolchain.sh
wasm_toolchain
if [ ! -x node_modules/.bin/tsc ]; then
  say "npm ci (tsc)"
  npm ci --no-audit --no-fund
fi

# --- build -----------------------------------------------------------------------------------
features=()
out=pkg
profile=wasm
opt=(-Oz --converge)
case "$variant" in
  vectors) features=(--features vectors) out="$WASM_TARGET_DIR/prequal-wasm-vectors/pkg" ;;
  advise) out=www/advise-pkg ;;
  # Screening is a tool page: the fast profile and -O3 (see Cargo.toml's wasm-screen).
  screen) features=(--features screen) out=www/screen-pkg profile=wasm-screen opt=(-O3) ;;
esac

say "cargo build --profile $profile --target wasm32-unknown-unknown -p prequal-wasm ${features[*]}"
cargo build --profile "$profile" --target wasm32-unknown-unknown -p prequal-wasm "${features[@]}"

rm -rf "$out"
mkdir -p "$out"
say "wasm-bindgen $WASM_BINDGEN_VERSION --target web → $out"
wasm-bindgen --target web --out-dir "$out" --out-name prequal \
  "$WASM_TARGET_DIR/wasm32-unknown-unknown/$profile/prequal_wasm.wasm"

# The widget's flags (scripts/build-widget.sh): --converge: run -Oz again until the module
# stops shrinking; --low-memory-unused: Rust puts the 1 MiB stack first (growing down to 0)
# and its data above it, so the lowest 1 KiB is never addressed, which lets wasm-opt fold
# pointer offsets; --strip-producers: the toolchain names, useless to a browser.
say "wasm-opt ${opt[*]} --low-memory-unused --strip-producers (npm binaryen $("$WASM_OPT" --version | awk '{print $3}'))"
"$WASM_OPT" "${opt[@]}" --low-memory-unused --strip-producers \
  "$out/prequal_bg.wasm" -o "$out/prequal_bg.opt.wasm"
mv "$out/prequal_bg.opt.wasm" "$out/prequal_bg.wasm"

# --- package.json ------------------------------------------------------------------------------
version=$(node -e 'const m=JSON.parse(require("fs").readFileSync(0,"utf8"));console.log(m.packages.find(p=>p.name==="prequal-wasm").version)' \
  < <(cargo metadata --format-version 1 --no-deps))
cat > "$out/package.json" <<EOF
{
  "name": "prequal",
  "version": "$version",
  "description": "Loan pre-qualification for Shenzhen park loans (园区贷 2.0), the same engine in every browser and in Node: eligibility, limits, subsidised rates, schedules and APR, exact to the cent.",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./prequal.js",
  "module": "./prequal.js",
  "types": "./prequal.d.ts",
  "exports": {
    ".": {
      "types": "./prequal.d.ts",
      "default": "./prequal.js"
    },
    "./prequal_bg.wasm": "./prequal_bg.wasm"
  },
  "files": ["prequal.js", "prequal.d.ts", "prequal_bg.wasm", "prequal_bg.wasm.d.ts", "snippets"],
  "sideEffects": false
}
EOF

say "done: $out"
ls -l "$out" >&2
