#!/usr/bin/env bash
# The WASM SDK's tests, from a fresh clone (installs what it needs through build-wasm.sh):
#   1. build the SDK (pkg/, with the advisor) and the test build with runVector
#      (target/prequal-wasm-vectors/),
#   2. the Node tests (tests/wasm/): every JSON vector through WASM, byte-identical to native;
#      the JS API; 10,000+ fuzzed calls; the declarations against the schemas and real outputs;
#      the advisor against the CLI,
#   3. tsc --noEmit on the typed example (examples/sdk/typed-example.ts).
# The size gate is scripts/size.sh, which scripts/test.sh runs after this.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "build the SDK (pkg/) and the vectors build"
bash scripts/build-wasm.sh
bash scripts/build-wasm.sh --vectors

step "native outputs for the byte-identity test"
native=$(mktemp)
trap 'rm -f "$native"' EXIT
cargo run --quiet -p prequal-wasm --example vectors-native > "$native"

step "node --test tests/wasm/"
PREQUAL_NATIVE_VECTORS="$native" node --test tests/wasm/

step "tsc --noEmit on the typed example"
node_modules/.bin/tsc --noEmit -p tests/wasm/tsconfig.json
echo "tsc: ok"
