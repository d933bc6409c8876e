#!/usr/bin/env bash
# Load test of acw-dev-backend on loopback with wrk (Debian package `wrk`): requests/s and
# latency percentiles of
#   profile   GET  /v1/accounts/:account/profile
#   quote     GET  /v1/quote?gdAmountWei=…
#   record    POST /v1/celo/events/record of an already-credited transaction (the idempotent
#             path: one eth_getTransactionReceipt to the chain node, no write)
#   usage     POST /v1/usage with an API key, a new requestId each time (a write: one SQLite
#             transaction, fsync'ed with synchronous=FULL)
# against a Release build (build/bench, not the ASan build of the native preset) and the fake
# JSON-RPC node of the backend tests (acw-bench-node), rate limits off. Bounded in time:
# DURATION seconds per scenario and run. Writes a JSON report (every run + the median).
# Not part of scripts/test.sh.
#
# Usage: bench/backend/load.sh [--duration 10] [--connections 2] [--threads 2] [--runs 3]
#                              [--out build/bench/load-report.json] [--scenarios profile,quote,record,usage]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

duration=10 connections=2 threads=2 runs=3 out=build/bench/load-report.json
scenarios=profile,quote,record,usage
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --scenarios) scenarios="$2"; shift 2 ;;
    *) echo "load.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "load.sh: wrk is missing (apt-get install wrk)" >&2; exit 1; }

echo "== building the Release backend and fake node into build/bench"
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DACW_SANITIZE=OFF >/dev/null
cmake --build build/bench --target acw-dev-backend acw-bench-node -j 2 >/dev/null
backend_bin=build/bench/dev-backend/acw-dev-backend
node_bin=build/bench/dev-backend/bench/acw-bench-node

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Waits for a line starting with $2 in file $1; prints the rest of it.
wait_line() {
  for _ in $(seq 1 200); do
    if grep -q "^$2" "$1" 2>/dev/null; then grep -m1 "^$2" "$1" | cut -d' ' -f2-; return; fi
    sleep 0.05
  done
  echo "load.sh: no '$2' line in $1" >&2; cat "$1" >&2; exit 1
}

"$node_bin" serve >"$work/node.out" 2>&1 &
pids+=($!)
rpc_url="$(wait_line "$work/node.out" url)"
tx="$(wait_line "$work/node.out" tx)"
account="$(wait_line "$work/node.out" account)"
cat >"$work/deployment.json" <<JSON
{"chainId": 31337, "rpcUrl": "$rpc_url", "vault": "0x5fbdb2315678afecb367f032d93f642f64180aa3",
 "token": "0x00000000000000000000000000000000000000a4", "deployBlock": 0}
JSON
"$backend_bin" --host 127.0.0.1 --port 0 --db "$work/db.sqlite" --deployment "$work/deployment.json" \
  --scan-interval-ms 0 --read-rate 0 --write-rate 0 >"$work/backend.out" 2>"$work/backend.log" &
pids+=($!)
base="$(wait_line "$work/backend.out" "acw-dev-backend listening on" | sed -E 's/.*(http:[^ ]+).*/\1/')"

json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# The payment credited once (the record scenario then repeats it), and an API key.
record_body="{\"txHash\":\"$tx\"}"
curl -fsS -X POST "$base/v1/celo/events/record" -d "$record_body" | json_field status | grep -qx credited
nonce_json="$(curl -fsS -X POST "$base/v1/auth/nonce" -H 'Origin: http://localhost:5173' \
  -d "{\"account\":\"$account\",\"chainId\":31337}")"
nonce="$(echo "$nonce_json" | json_field nonce)"
signature="$(echo "$nonce_json" | python3 -c 'import json,sys; sys.stdout.write(json.load(sys.stdin)["message"])' |
  "$node_bin" sign ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80)"  # anvil key 0
token="$(curl -fsS -X POST "$base/v1/auth/api-keys" \
  -d "{\"account\":\"$account\",\"nonce\":\"$nonce\",\"signature\":\"$signature\"}" | json_field token)"

run_wrk() {  # scenario run -> one JSON line
  local scenario="$1" run="$2"
  local -a env=(BENCH_RUN="$run")
  local url
  case "$scenario" in
    profile) url="$base/v1/accounts/$account/profile" ;;
    quote) url="$base/v1/quote?gdAmountWei=100000000000000000000" ;;
    record) url="$base/v1/celo/events/record"; env+=(BENCH_METHOD=POST BENCH_BODY="$record_body") ;;
    usage) url="$base/v1/usage"; env+=(BENCH_METHOD=POST BENCH_USAGE=1 BENCH_AUTH="Bearer $token") ;;
    *) echo "load.sh: unknown scenario $scenario" >&2; exit 2 ;;
  esac
  env "${env[@]}" wrk -t "$threads" -c "$connections" -d "${duration}s" --latency \
    -s bench/backend/wrk.lua "$url" | tail -n 1
}

results="$work/results.jsonl"
: >"$results"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  for scenario in ${scenarios//,/ }; do
    line="$(run_wrk "$scenario" "$run")"
    echo "run $run $scenario: $line"
    echo "{\"scenario\":\"$scenario\",\"run\":$run,\"result\":$line}" >>"$results"
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$(dirname "$out")"
python3 - "$results" "$out" <<PY
import json, os, platform, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
scenarios = {}
for r in rows:
    scenarios.setdefault(r["scenario"], []).append(r["result"])
def median(values): return round(statistics.median(values), 3)
report = {
    "command": "bench/backend/load.sh --duration $duration --connections $connections --threads $threads --runs $runs",
    "tool": "wrk -t $threads -c $connections -d ${duration}s --latency",
    "machine": {"cpus": os.cpu_count(), "cpu": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine()),
                "loadavgBefore": "$load_before", "loadavgAfter": "$load_after"},
    "backend": "Release build (build/bench), SQLite WAL + synchronous=FULL, rate limits off, logging to a file",
    "scenarios": {
        name: {"median": {"requestsPerSecond": median([r["requestsPerSecond"] for r in results]),
                          "p50Ms": median([r["latencyMs"]["p50"] for r in results]),
                          "p99Ms": median([r["latencyMs"]["p99"] for r in results])},
               "errors": sum(sum(r["errors"].values()) for r in results),
               "runs": results}
        for name, results in scenarios.items()},
}
json.dump(report, open(sys.argv[2], "w"), indent=2)
print(f"{'scenario':10} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} errors  (median of {len(rows) // len(scenarios)} runs)")
for name, s in report["scenarios"].items():
    m = s["median"]
    print(f"{name:10} {m['requestsPerSecond']:>10.1f} {m['p50Ms']:>8.3f} {m['p99Ms']:>8.3f} {s['errors']}")
PY
echo "report: $out"
