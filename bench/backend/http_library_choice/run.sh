#!/bin/sh
# The quick measurement behind the choice of HTTP library (docs/reliability.md): the smallest
# JSON server on Boost.Beast and on GNU libmicrohttpd, each with one event thread, under wrk at
# 2 and 64 connections (median of 3 runs of 3 s), and its RSS with 512 idle connections open.
# Everything on 127.0.0.1. Usage: bench/backend/http_library_choice/run.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${TMPDIR:-/tmp}/acw-http-choice
mkdir -p "$out"
g++ -O2 -std=c++17 -o "$out/beast_hello" "$here/beast_hello.cpp" -lpthread
gcc -O2 -o "$out/mhd_hello" "$here/mhd_hello.c" -lmicrohttpd

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
rate() {  # port connections -> median requests/s
  for _ in 1 2 3; do
    wrk -t2 -c"$2" -d3s "http://127.0.0.1:$1/" | awk '/Requests\/sec/ {print $2}'
  done | median
}
idle_rss() {  # pid port -> RSS in KB with 512 idle connections open
  node -e '
    const net = require("net"); const s = [];
    for (let i = 0; i < 512; i++) s.push(net.connect(+process.argv[1], "127.0.0.1"));
    setTimeout(() => { for (const c of s) c.destroy(); }, 1500);' "$2" &
  sleep 1
  awk '/VmRSS/ {print $2}' "/proc/$1/status"
  wait
}

printf '%-8s %12s %12s %14s\n' library "req/s c=2" "req/s c=64" "RSS 512 idle"
for lib in beast mhd; do
  port=$([ "$lib" = beast ] && echo 8791 || echo 8792)
  "$out/${lib}_hello" "$port" & pid=$!
  sleep 0.3
  printf '%-8s %12s %12s %11s KB\n' "$lib" "$(rate "$port" 2)" "$(rate "$port" 64)" "$(idle_rss "$pid" "$port")"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
