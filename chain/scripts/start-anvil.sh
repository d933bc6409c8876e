#!/usr/bin/env bash
# Starts the local chain in the background and waits until it answers.
#   chain/scripts/start-anvil.sh [PORT]        (default: $ANVIL_PORT or 8545)
# anvil from npm @foundry-rs/anvil-linux-amd64, 127.0.0.1, chain id 31337, automine (no
# --block-time: deploys need it), --code-size-limit 32768 (Superfluid's largest contract).
# Writes build/chain/anvil-PORT.pid and build/chain/anvil-PORT.log; stop with stop-anvil.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT="${1:-${ANVIL_PORT:-8545}}"
ANVIL="$ROOT/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
OUT="$ROOT/build/chain"
PIDFILE="$OUT/anvil-$PORT.pid"
LOG="$OUT/anvil-$PORT.log"
mkdir -p "$OUT"

if [[ ! -x "$ANVIL" ]]; then
  echo "start-anvil: $ANVIL missing; run 'npm ci' first" >&2
  exit 1
fi
if [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  echo "start-anvil: already running on port $PORT (pid $(cat "$PIDFILE"))" >&2
  exit 0
fi

# setsid: the node survives the end of this script's session (its own process group).
setsid "$ANVIL" --host 127.0.0.1 --port "$PORT" --chain-id 31337 --code-size-limit 32768 \
  "${@:2}" >"$LOG" 2>&1 </dev/null &
PID=$!
echo "$PID" >"$PIDFILE"

if ! node --input-type=module -e "
  import { waitForRpc } from '$ROOT/chain/lib/anvil.mjs';
  await waitForRpc('http://127.0.0.1:$PORT', { timeoutMs: 15000 });
"; then
  echo "start-anvil: anvil did not answer on port $PORT; log:" >&2
  tail -n 20 "$LOG" >&2 || true
  kill "$PID" 2>/dev/null || true
  rm -f "$PIDFILE"
  exit 1
fi
echo "anvil pid $PID on http://127.0.0.1:$PORT"
