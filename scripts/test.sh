#!/usr/bin/env bash
# Every test, from a fresh machine: set-up, build, then the C++ tests (core and dev backend
# natively under ASan/UBSan, a short libFuzzer smoke of every parser of outside data, the core
# again as wasm in Node, all through ctest), and the
# node --test suites: the download budget, the npm package (its files, types, and the React +
# wagmi example built with Vite on the real stack), contracts on anvil, the widget in headless
# Chromium, and end to end on the real stack (anvil + contracts + dev backend + widget).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

scripts/bootstrap.sh
scripts/build.sh all

echo "== C++ tests, native (ASan + UBSan)"
ctest --preset native
echo "== fuzz smoke: each libFuzzer target on its seeds, then 8 s of fuzzing (docs/reliability.md)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
ctest --preset fuzz
echo "== core tests, wasm in Node"
ctest --preset wasm
echo "== package, contracts, browser and end-to-end tests"
node --test --test-concurrency=2 tests/build/ tests/package/ tests/chain/ tests/browser/ tests/e2e/
