#!/usr/bin/env bash
# Build everything and serve the demo site on http://127.0.0.1:8080 (from a fresh clone):
#   the WASM SDK (pkg/, scripts/build-wasm.sh), the park staff page's screening module
#   (www/screen-pkg/, scripts/build-wasm.sh --screen), the advisor module the widget loads on
#   demand (www/advise-pkg/, --with-advise), the widget (www/pkg/, scripts/build-widget.sh),
#   then www/ at / with /pkg/ and /examples/ (scripts/serve.mjs). Ctrl-C stops the server.
#
#   bash scripts/run.sh            # PORT=9000 bash scripts/run.sh for another port
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/build-wasm.sh
bash scripts/build-wasm.sh --screen
# The advisor module first: the widget's build lists its files' SRI hashes.
bash scripts/build-wasm.sh --with-advise
bash scripts/build-widget.sh

port="${PORT:-8080}"
printf '\n\033[1mprequal demo\033[0m on http://127.0.0.1:%s/ (Ctrl-C to stop)\n' "$port"
exec node scripts/serve.mjs --host 127.0.0.1 --port "$port"
