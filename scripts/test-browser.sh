#!/usr/bin/env bash
# Browser end-to-end tests of <prequal-widget>, the park staff screening page (www/screen.html)
# and the HTML report (tests/browser/, node --test + playwright-core)
# in Debian's Chromium, on the demo site served on 127.0.0.1 by scripts/serve.mjs.
#
#   bash scripts/test-browser.sh
#
# From a fresh machine: installs Chromium (and a CJK font for the screenshots) when missing,
# node_modules (npm ci), builds the widget (scripts/build-widget.sh), the screening module
# (scripts/build-wasm.sh --screen), the advisor module (--with-advise), the CLI and the native example
# the tests compare with. Screenshots go to test-artifacts/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[test-browser]\033[0m %s\n' "$*" >&2; }

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  need_apt+=(fonts-wqy-microhei)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  say "apt-get install ${need_apt[*]}"
  sudo_=""
  [ "$(id -u)" -eq 0 ] || sudo_="sudo"
  $sudo_ apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y "${need_apt[@]}"
fi

if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ]; then
  say "npm ci (playwright-core, axe-core)"
  npm ci --no-audit --no-fund
fi

# The advisor module first: the widget's build lists its files' SRI hashes.
bash scripts/build-wasm.sh --with-advise
bash scripts/build-widget.sh
bash scripts/build-wasm.sh --screen
say "cargo build -p prequal-widget --example evaluate-native, -p prequal-cli"
cargo build -q -p prequal-widget --example evaluate-native
cargo build -q -p prequal-cli

mkdir -p test-artifacts
say "node --test tests/browser/"
CHROMIUM="$(command -v chromium)" node --test --test-concurrency=1 tests/browser/
say "screenshots: test-artifacts/"
