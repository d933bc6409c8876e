#!/usr/bin/env bash
# Every test, from a fresh machine: set-up, build, then core tests (native under
# ASan/UBSan and as wasm in Node, through ctest) and browser tests (node --test).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

scripts/bootstrap.sh
scripts/build.sh all

echo "== core tests, native (ASan + UBSan)"
ctest --preset native
echo "== core tests, wasm in Node"
ctest --preset wasm
echo "== browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/browser/
