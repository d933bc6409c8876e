#!/usr/bin/env bash
# Builds the widget and serves the demo pages; prints the URL. Ctrl-C stops it.
# Usage: scripts/demo.sh [port]   (default 8080)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

scripts/bootstrap.sh
scripts/build.sh wasm
exec node scripts/serve.mjs --port "${1:-8080}" --host 127.0.0.1
