#!/usr/bin/env bash
# The demo: builds everything, starts a local chain (anvil with the Superfluid framework, G$
# and our vault), the dev backend and the page server, and prints the URL. Ctrl-C stops it.
# Usage: scripts/demo.sh [port]   (default 8080)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

scripts/bootstrap.sh
scripts/build.sh all
exec node scripts/stack.mjs --port "${1:-8080}"
