#!/usr/bin/env bash
# Stops the anvil that start-anvil.sh started on PORT (by its pid file only).
#   chain/scripts/stop-anvil.sh [PORT]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT="${1:-${ANVIL_PORT:-8545}}"
PIDFILE="$ROOT/build/chain/anvil-$PORT.pid"
[[ -f "$PIDFILE" ]] || { echo "stop-anvil: no pid file for port $PORT" >&2; exit 0; }
PID="$(cat "$PIDFILE")"
if kill -0 "$PID" 2>/dev/null; then
  kill "$PID"
  for _ in $(seq 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$PID" 2>/dev/null && kill -9 "$PID" 2>/dev/null || true
fi
rm -f "$PIDFILE"
echo "stopped anvil on port $PORT"
