#!/usr/bin/env bash
# Load test of acw-dev-backend on loopback with wrk (Debian package `wrk`): requests/s and
# latency percentiles of
#   health, config, quote, profile, credit-history, usage-log, api-keys   the GET routes
#   history-page   the credit history as the History view asks for a late page of one filter:
#                  source=deposit&fundingStatus=funded&from=<90 days ago>&limit=10&offset=20
#   nonce     POST /v1/auth/nonce (a write: one SQLite transaction)
#   record    POST /v1/celo/events/record of an already-credited transaction (the idempotent
#             path: one eth_getTransactionReceipt to the chain node, no write)
#   usage     POST /v1/usage with an API key, a new requestId each time (a write: one SQLite
#             transaction, fsync'ed with synchronous=FULL)
# against a Release build (build/bench, not the ASan build of the native preset) and the fake
# JSON-RPC node of the backend tests (acw-bench-node), rate limits off. Bounded in time:
# DURATION seconds per scenario and run. Writes a JSON report (every run + the median).
# Not part of scripts/test.sh.
#   --connections 2,64   each scenario at each of these wrk connection counts
#   --ref main           also measure that git ref's backend (built from `git archive` into
#                        build/bench-ref), for old-and-new tables
#   --hostile            each run again while 256 slowloris and 64 idle keep-alive connections
#                        (bench/backend/hostile_clients.mjs, from 127.0.0.2 and up) are open
#   --flood SECONDS      then 32 connections flooding header lines and 32 flooding chunked
#                        bodies for SECONDS, the backend's RSS sampled every 0.2 s
#   --usage-rows N       the account has N usage rows (bench/backend/seed_usage.py) before
#                        the runs: the usage-log page at 0 and at 100,000 rows
#   --history-rows N     the account has N more credit-history entries, one a day back from now
#                        (bench/backend/seed_credits.py): the History pages at 1 and 1,000 entries
#
# Usage: bench/backend/load.sh [--duration 10] [--connections 2] [--threads 2] [--runs 3]
#                              [--out build/bench/load-report.json] [--scenarios profile,quote,…]
#                              [--ref main] [--hostile] [--flood 10] [--usage-rows 100000]
#                              [--history-rows 1000]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

duration=10 connections=2 threads=2 runs=3 out=build/bench/load-report.json
scenarios=health,config,quote,profile,credit-history,usage-log,api-keys,record,nonce,usage
ref="" hostile=0 flood=0 usage_rows=0 history_rows=0
while [ $# -gt 0 ]; do
  case "$1" in
    --ref) ref="$2"; shift 2 ;;
    --hostile) hostile=1; shift ;;
    --flood) flood="$2"; shift 2 ;;
    --usage-rows) usage_rows="$2"; shift 2 ;;
    --history-rows) history_rows="$2"; shift 2 ;;
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
node_bin=build/bench/dev-backend/bench/acw-bench-node
backends=("new=build/bench/dev-backend/acw-dev-backend")
if [ -n "$ref" ]; then
  echo "== building $ref's backend into build/bench-ref/$ref"
  src="build/bench-ref/$ref-src"
  rm -rf "$src" && mkdir -p "$src"
  git archive "$ref" | tar -x -C "$src"
  cmake -S "$src" -B "build/bench-ref/$ref" -DCMAKE_BUILD_TYPE=Release -DACW_SANITIZE=OFF >/dev/null
  cmake --build "build/bench-ref/$ref" --target acw-dev-backend -j 2 >/dev/null
  backends+=("$ref=build/bench-ref/$ref/dev-backend/acw-dev-backend")
fi

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
json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# Starts backend binary $1 on a fresh database; sets base, backend_pid, record_body, token.
start_backend() {
  rm -f "$work"/db.sqlite*
  : >"$work/backend.out"
  "$1" --host 127.0.0.1 --port 0 --db "$work/db.sqlite" --deployment "$work/deployment.json" \
    --siwe-origin http://localhost:5173 \
    --scan-interval-ms 0 --read-rate 0 --write-rate 0 >"$work/backend.out" 2>"$work/backend.log" &
  backend_pid=$!
  pids+=("$backend_pid")
  base="$(wait_line "$work/backend.out" "acw-dev-backend listening on" | sed -E 's/.*(http:[^ ]+).*/\1/')"
  # The payment credited once (the record scenario then repeats it), and an API key.
  record_body="{\"txHash\":\"$tx\"}"
  curl -fsS -X POST "$base/v1/celo/events/record" -d "$record_body" | json_field status | grep -qx credited
  nonce_body="{\"account\":\"$account\",\"chainId\":31337}"
  local nonce_json nonce signature
  nonce_json="$(curl -fsS -X POST "$base/v1/auth/nonce" -H 'Origin: http://localhost:5173' -d "$nonce_body")"
  nonce="$(echo "$nonce_json" | json_field nonce)"
  signature="$(echo "$nonce_json" | python3 -c 'import json,sys; sys.stdout.write(json.load(sys.stdin)["message"])' |
    "$node_bin" sign ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80)"  # anvil key 0
  token="$(curl -fsS -X POST "$base/v1/auth/api-keys" \
    -d "{\"account\":\"$account\",\"nonce\":\"$nonce\",\"signature\":\"$signature\"}" | json_field token)"
  if [ "$usage_rows" -gt 0 ]; then
    echo "== $(python3 bench/backend/seed_usage.py "$work/db.sqlite" "$account" "$usage_rows") usage rows"
  fi
  if [ "$history_rows" -gt 0 ]; then
    echo "== $(python3 bench/backend/seed_credits.py "$work/db.sqlite" "$account" "$history_rows") credit-history entries"
  fi
}

stop_backend() {
  kill "$backend_pid" 2>/dev/null || true
  wait "$backend_pid" 2>/dev/null || true
}

run_wrk() {  # scenario run connections -> one JSON line
  local scenario="$1" run="$2" conns="$3"
  local -a env=(BENCH_RUN="$run-$conns-$RANDOM")
  local url
  case "$scenario" in
    health) url="$base/health" ;;
    config) url="$base/config/values" ;;
    credit-history) url="$base/v1/accounts/$account/credit-history" ;;
    history-page)
      local from
      from="$(date -u -d '90 days ago' +%Y-%m-%dT%H:%M:%SZ)"
      url="$base/v1/accounts/$account/credit-history?source=deposit&fundingStatus=funded&from=$from&limit=10&offset=20" ;;
    usage-log) url="$base/v1/accounts/$account/usage"; env+=(BENCH_AUTH="Bearer $token") ;;
    api-keys) url="$base/v1/accounts/$account/api-keys"; env+=(BENCH_AUTH="Bearer $token") ;;
    nonce) url="$base/v1/auth/nonce"; env+=(BENCH_METHOD=POST BENCH_BODY="$nonce_body") ;;
    profile) url="$base/v1/accounts/$account/profile" ;;
    quote) url="$base/v1/quote?gdAmountWei=100000000000000000000" ;;
    record) url="$base/v1/celo/events/record"; env+=(BENCH_METHOD=POST BENCH_BODY="$record_body") ;;
    usage) url="$base/v1/usage"; env+=(BENCH_METHOD=POST BENCH_USAGE=1 BENCH_AUTH="Bearer $token") ;;
    *) echo "load.sh: unknown scenario $scenario" >&2; exit 2 ;;
  esac
  env "${env[@]}" wrk -t "$threads" -c "$conns" -d "${duration}s" --latency \
    -s bench/backend/wrk.lua "$url" | tail -n 1
}

port_of() { echo "${base##*:}"; }

results="$work/results.jsonl"
rss="$work/rss.jsonl"
: >"$results"
: >"$rss"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for entry in "${backends[@]}"; do
  label="${entry%%=*}"
  start_backend "${entry#*=}"
  for run in $(seq 1 "$runs"); do
    for conns in ${connections//,/ }; do
      for scenario in ${scenarios//,/ }; do
        for attack in $(seq 0 "$hostile"); do
          hostile_pid=""
          if [ "$attack" = 1 ]; then
            node bench/backend/hostile_clients.mjs --port "$(port_of)" --seconds $((duration + 3)) \
              --slowloris 256 --idle 64 >"$work/hostile.out" &
            hostile_pid=$!
            sleep 2  # the connections are open before wrk starts
          fi
          line="$(run_wrk "$scenario" "$run" "$conns")"
          [ -n "$hostile_pid" ] && wait "$hostile_pid"
          echo "$label run $run c=$conns $scenario${hostile_pid:+ (hostile)}: $line"
          echo "{\"backend\":\"$label\",\"scenario\":\"$scenario\",\"connections\":$conns,\"hostile\":$attack,\"run\":$run,\"result\":$line}" >>"$results"
        done
      done
    done
  done
  if [ "$flood" -gt 0 ] && [ "$label" = new ]; then
    node bench/backend/hostile_clients.mjs --port "$(port_of)" --seconds "$flood" \
      --flood-headers 32 --flood-chunked 32 >"$work/flood.out" &
    flood_pid=$!
    while kill -0 "$flood_pid" 2>/dev/null; do
      awk -v b="$label" '/VmRSS/ {print "{\"backend\":\"" b "\",\"rssKb\":" $2 "}"}' "/proc/$backend_pid/status" >>"$rss"
      sleep 0.2
    done
    echo "$label flood: $(cat "$work/flood.out")"
    health="$(curl -s -o /dev/null -w '%{http_code}' "$base/health")"
    echo "$label after the flood: GET /health $health"
  fi
  stop_backend
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$(dirname "$out")"
python3 - "$results" "$rss" "$out" <<PY
import json, os, platform, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
rss = [json.loads(line)["rssKb"] for line in open(sys.argv[2])]
groups = {}
for r in rows:
    key = f"{r['backend']} c={r['connections']}{' hostile' if r['hostile'] else ''} {r['scenario']}"
    groups.setdefault(key, []).append(r["result"])
def median(values): return round(statistics.median(values), 3)
report = {
    "command": "bench/backend/load.sh --duration $duration --connections $connections --threads $threads --runs $runs${ref:+ --ref $ref}$( [ "$hostile" = 1 ] && echo ' --hostile')$( [ "$flood" -gt 0 ] && echo " --flood $flood")$( [ "$usage_rows" -gt 0 ] && echo " --usage-rows $usage_rows")$( [ "$history_rows" -gt 0 ] && echo " --history-rows $history_rows")",
    "tool": "wrk -t $threads -d ${duration}s --latency",
    "machine": {"cpus": os.cpu_count(), "cpu": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine()),
                "loadavgBefore": "$load_before", "loadavgAfter": "$load_after"},
    "backend": "Release builds (build/bench, build/bench-ref), SQLite WAL + synchronous=FULL, rate limits off, logging to a file",
    "scenarios": {
        name: {"median": {"requestsPerSecond": median([r["requestsPerSecond"] for r in results]),
                          "p50Ms": median([r["latencyMs"]["p50"] for r in results]),
                          "p99Ms": median([r["latencyMs"]["p99"] for r in results])},
               "errors": sum(sum(r["errors"].values()) for r in results),
               "runs": results}
        for name, results in groups.items()},
}
if rss:
    report["flood"] = {"rssKbMax": max(rss), "rssKbLast": rss[-1], "samples": len(rss)}
json.dump(report, open(sys.argv[3], "w"), indent=2)
print(f"{'scenario':40} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} errors  (median of $runs runs)")
for name, s in report["scenarios"].items():
    m = s["median"]
    print(f"{name:40} {m['requestsPerSecond']:>10.1f} {m['p50Ms']:>8.3f} {m['p99Ms']:>8.3f} {s['errors']}")
if rss:
    print(f"flood: RSS max {max(rss) / 1024:.1f} MB, last {rss[-1] / 1024:.1f} MB ({len(rss)} samples)")
PY
echo "report: $out"
