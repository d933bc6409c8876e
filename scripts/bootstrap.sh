#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh Debian 12 machine.
# Idempotent: a second run only checks and returns.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

apt_packages=(
  emscripten cmake g++ make pkg-config python3
  nlohmann-json3-dev libfmt-dev doctest-dev
  chromium fonts-inter fonts-dejavu-core fonttools xz-utils dpkg-dev
  libcpp-httplib-dev libsqlite3-dev libsecp256k1-dev libcrypto++-dev
  libboost-dev  # Boost.Asio + Boost.Beast (header-only): the dev backend's HTTP server
  clang libclang-rt-14-dev llvm  # libFuzzer + sanitizer runtimes, llvm-symbolizer (preset fuzz)
  wrk  # the dev backend's load test, bench/backend/load.sh
  libmicrohttpd-dev  # the other side of bench/backend/http_library_choice/run.sh
)

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing apt packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

"$root/scripts/fetch-imgui.sh"

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "bootstrap: installing npm packages from the lockfile"
  npm ci --no-audit --no-fund --loglevel=error
fi
