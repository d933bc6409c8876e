#!/usr/bin/env bash
# Local chain in one step: start anvil (background) on PORT, deploy Superfluid + G$ +
# CreditsVault, fund the dev accounts; prints the path of deployment.json on stdout.
#   chain/scripts/up.sh [PORT]      (default: $ANVIL_PORT or 8545)
# Stop with chain/scripts/stop-anvil.sh [PORT].
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT="${1:-${ANVIL_PORT:-8545}}"
OUT="${DEPLOYMENT_OUT:-$ROOT/build/chain/deployment.json}"
"$ROOT/chain/scripts/start-anvil.sh" "$PORT" >&2
node "$ROOT/chain/scripts/deploy.mjs" --rpc "http://127.0.0.1:$PORT" --out "$OUT"
