#!/usr/bin/env bash
# The npm package for dApp developers (docs/embedding.md): fills build/package/ai-credits-widget/
# from the wasm build (build/wasm/dist/) and embed/package/ (manifest, README, React component,
# type declarations), then packs it: build/package/ai-credits-widget-<version>.tgz.
# Usage: scripts/package.sh   (after scripts/build.sh wasm; scripts/build.sh runs it)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dist="${ACW_DIST:-$root/build/wasm/dist}"
out="$root/build/package"
dir="$out/ai-credits-widget"

rm -rf "$dir" "$out"/*.tgz
mkdir -p "$dir"
for f in ai-credits-widget.mjs ai-credits-widget.js ai-credits-widget.wasm ai-credits-bridge.mjs \
         ai-credits-bridge.js iframe.html ai-credits-frame.js ai-credits-frame.css; do
  cp "$dist/$f" "$dir/"
done
cp "$root"/embed/package/{package.json,README.md,react.mjs,index.d.ts,script.d.ts,react.d.ts,iframe-bridge.d.ts} "$dir/"
cp "$root/LICENSE" "$dir/"  # the license package.json names (npm packs LICENSE whatever "files" says)
# npm pack writes the tarball's name on stdout.
tarball="$(cd "$dir" && npm pack --silent --pack-destination "$out")"
echo "package: build/package/$tarball"
