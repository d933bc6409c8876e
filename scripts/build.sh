#!/usr/bin/env bash
# Builds the native core + tests (ASan/UBSan) and the WebAssembly widget into build/, and packs
# the widget's npm package (scripts/package.sh → build/package/).
# Usage: scripts/build.sh [native|wasm|all]   (default: all)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export NODE_PATH=/usr/share/nodejs  # emcc's JS optimizer needs Debian's acorn from here
what="${1:-all}"

if [ "$what" = native ] || [ "$what" = all ]; then
  cmake --preset native >/dev/null
  cmake --build --preset native
fi
if [ "$what" = wasm ] || [ "$what" = all ]; then
  cmake --preset wasm >/dev/null
  cmake --build --preset wasm
  scripts/package.sh
fi
