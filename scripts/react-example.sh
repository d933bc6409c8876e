#!/usr/bin/env bash
# Builds the React + wagmi example (host-examples/react-wagmi/, Vite) into build/react-wagmi/,
# with the widget installed from the packed tarball (build/package/, scripts/package.sh) as a
# dApp developer installs it. Its other npm packages come from its lockfile (npm ci, skipped
# while node_modules is up to date); the widget is not in that lockfile, since the tarball
# changes with every build of the widget: it is installed with --no-save.
# Without a tarball (a fresh checkout) it sets up and builds the widget first. The demo server
# (scripts/demo.sh) then serves the example at /react-wagmi/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
example="$root/host-examples/react-wagmi"
shopt -s nullglob
tarballs=("$root"/build/package/ai-credits-widget-*.tgz)
if [ ${#tarballs[@]} -eq 0 ]; then
  "$root/scripts/bootstrap.sh"
  "$root/scripts/build.sh" wasm
  tarballs=("$root"/build/package/ai-credits-widget-*.tgz)
fi
if [ ${#tarballs[@]} -ne 1 ]; then
  echo "react-example: expected one build/package/ai-credits-widget-*.tgz (run scripts/build.sh wasm)" >&2
  exit 1
fi
cd "$example"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
rm -rf node_modules/ai-credits-widget
npm install --no-save --no-audit --no-fund --loglevel=error "${tarballs[0]}"
node_modules/.bin/vite build --outDir "$root/build/react-wagmi" --emptyOutDir --logLevel warn
echo "react-example: build/react-wagmi/"
