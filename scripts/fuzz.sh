#!/usr/bin/env bash
# Longer fuzzing than the smoke test in scripts/test.sh (docs/reliability.md, "Fuzzing").
#
#   scripts/fuzz.sh [SECONDS] [TARGET…]     default: 300 seconds for every target
#   ACW_FUZZ_JOBS=N scripts/fuzz.sh …       targets fuzzed at the same time (default: cores)
#
# Builds the `fuzz` preset (clang, libFuzzer, ASan + UBSan), then runs each target for SECONDS
# on its committed seeds (tests/fuzz/corpus/<target>, only read) plus the corpus it has grown so
# far (build/fuzz/corpus/<target>: kept between runs, ignored by git; the smoke test in
# scripts/test.sh does not use it). Logs go to build/fuzz/logs/, crashing inputs to
# build/fuzz/artifacts/. Prints the executions and coverage per target; exits 1 when a target
# crashed.
#
# Targets: backend_wire wallet_json flow_info amount_input fixture widget backend_body
# backend_query backend_headers. A crash: replay with build/fuzz/tests/fuzz/fuzz_<target> <file>
# (fuzz_widget also with ACW_FUZZ_TRACE=1), fix, add a test to tests/unit/fuzz_regressions_test.cpp
# (core) or tests/backend/ (backend) and keep the input as tests/fuzz/corpus/<target>/regression-*.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

seconds="${1:-300}"
[ $# -gt 0 ] && shift
case "$seconds" in ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS] [TARGET…]" >&2; exit 2 ;; esac
jobs="${ACW_FUZZ_JOBS:-$(nproc)}"

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

build="$root/build/fuzz"
if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for f in "$build"/targets/*.options; do
    t="$(basename "$f" .options)"
    [ -x "$build/tests/fuzz/fuzz_$t" ] && targets+=("$t")
  done
fi
for t in "${targets[@]}"; do
  [ -x "$build/tests/fuzz/fuzz_$t" ] || { echo "fuzz: no target '$t'" >&2; exit 2; }
done
mkdir -p "$build/logs"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
symbolizer="$(command -v llvm-symbolizer || command -v llvm-symbolizer-14 || true)"
[ -n "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH="$symbolizer"

run_one() {
  local t="$1" build="$2" seconds="$3" root="$4"
  local options=()
  mapfile -t options < "$build/targets/$t.options"
  mkdir -p "$build/corpus/$t"
  if "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" "${options[@]}" \
      "$build/corpus/$t" "$root/tests/fuzz/corpus/$t" > "$build/logs/$t.log" 2>&1; then
    echo "ok $t"
  else
    echo "CRASH $t"
  fi
}
export -f run_one

echo "fuzz: ${#targets[@]} targets, ${seconds} s each, ${jobs} at a time"
start=$(date +%s)
results="$(printf '%s\n' "${targets[@]}" |
  xargs -P "$jobs" -I{} bash -c 'run_one "$@"' _ {} "$build" "$seconds" "$root")"
elapsed=$(( $(date +%s) - start ))

status=0
printf '%-16s %12s %8s %8s %10s\n' target executions exec/s cov corpus
for t in "${targets[@]}"; do
  log="$build/logs/$t.log"
  runs="$(awk '/^stat::number_of_executed_units:/ {n = $2} END {print n}' "$log")"
  speed="$(awk '/^stat::average_exec_per_sec:/ {n = $2} END {print n}' "$log")"
  cov="$(grep -a -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')"
  corpus="$(ls "$build/corpus/$t" | wc -l)"
  printf '%-16s %12s %8s %8s %10s\n' "$t" "${runs:--}" "${speed:--}" "${cov:--}" "$corpus"
  if grep -q "^CRASH $t\$" <<<"$results"; then
    status=1
    echo "  CRASH: $(grep -a -o 'Test unit written to .*' "$log" | tail -1) (log: $log)"
  fi
done
echo "fuzz: ${elapsed} s wall"
exit $status
