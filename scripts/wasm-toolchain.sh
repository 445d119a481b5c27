#!/usr/bin/env bash
# The WASM toolchain every build script needs, installed only when missing:
#   - the wasm32-unknown-unknown Rust target,
#   - the wasm-bindgen CLI at exactly the version Cargo.toml pins (`wasm-bindgen = "=X"`),
#     installed only when `wasm-bindgen --version` does not already print X (~7 min once),
#   - node_modules (npm ci) for wasm-opt from the npm `binaryen` package. Never the
#     distribution's binaryen: its old wasm-opt produces modules that fail to load.
#
# Source it from a script at the repository root, then call `wasm_toolchain`:
#
#   source scripts/wasm-toolchain.sh
#   wasm_toolchain            # sets WASM_BINDGEN_VERSION, WASM_OPT, WASM_TARGET_DIR
#
# or run it directly to install everything: bash scripts/wasm-toolchain.sh
# It also exports the RUSTFLAGS of every wasm32 build (panic locations name a fixed registry
# path, so a .wasm is the same bytes on every machine); every script that builds for wasm32
# must use the same flags, or cargo rebuilds the shared crates each time.

wasm_toolchain_say() { printf '\033[1m[wasm-toolchain]\033[0m %s\n' "$*" >&2; }
wasm_toolchain_die() {
  printf '[wasm-toolchain] error: %s\n' "$*" >&2
  return 1
}

wasm_toolchain() {
  local root
  root=$(git rev-parse --show-toplevel 2>/dev/null || pwd)
  (cd "$root" && [ -f Cargo.toml ]) || { wasm_toolchain_die "run from the repository"; return 1; }

  # The pinned wasm-bindgen version; Cargo.lock must agree with it.
  local pinned locked
  pinned=$(sed -n 's/^wasm-bindgen = "=\([0-9][0-9.]*\)".*/\1/p' "$root/Cargo.toml")
  [ -n "$pinned" ] || { wasm_toolchain_die 'Cargo.toml must pin wasm-bindgen exactly: wasm-bindgen = "=X.Y.Z"'; return 1; }
  locked=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock" 2>/dev/null || true)
  if [ -n "$locked" ] && [ "$locked" != "$pinned" ]; then
    wasm_toolchain_die "Cargo.lock has wasm-bindgen $locked but Cargo.toml pins $pinned"
    return 1
  fi
  WASM_BINDGEN_VERSION=$pinned

  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    wasm_toolchain_say "installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown || return 1
  fi

  local cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
  case ":$PATH:" in *":$cargo_bin:"*) ;; *) PATH="$cargo_bin:$PATH" ;; esac
  export PATH
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $pinned" ]; then
    wasm_toolchain_say "installing wasm-bindgen-cli $pinned (takes several minutes, once)"
    # No --locked: the CLI's own lock file does not resolve (webpki-roots).
    cargo install wasm-bindgen-cli --version "$pinned" || return 1
  fi
  if [ "$(wasm-bindgen --version)" != "wasm-bindgen $pinned" ]; then
    wasm_toolchain_die "wasm-bindgen on PATH is not $pinned"
    return 1
  fi

  if [ ! -d "$root/node_modules" ] || [ ! -x "$root/node_modules/.bin/wasm-opt" ]; then
    wasm_toolchain_say "npm ci (binaryen for wasm-opt, and the test tools)"
    (cd "$root" && npm ci --no-audit --no-fund) || return 1
  fi
  WASM_OPT="$root/node_modules/.bin/wasm-opt"

  WASM_TARGET_DIR=$(cd "$root" && cargo metadata --format-version 1 --no-deps |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))') ||
    return 1

  local registry="${CARGO_HOME:-$HOME/.cargo}/registry/src"
  # sha2's compact SHA-256 (a loop, not 64 unrolled rounds): ~7 KB less .wasm; the content
  # hash is computed once per pack, so its speed does not matter here.
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$registry=/cargo/registry/src --cfg sha2_backend_soft=\"compact\""
  export WASM_BINDGEN_VERSION WASM_OPT WASM_TARGET_DIR
}

# Run directly: install, and say what is there.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  cd "$(dirname "$0")/.."
  wasm_toolchain
  wasm_toolchain_say "wasm-bindgen $WASM_BINDGEN_VERSION, $("$WASM_OPT" --version), target dir $WASM_TARGET_DIR"
fi
