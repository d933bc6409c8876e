#!/usr/bin/env bash
# Downloads Dear ImGui's sources from Debian's `imgui` source package into .deps/imgui.
# apt gets its own sources and lists folders, so the system's apt configuration stays untouched.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/.deps/imgui"
[ -f "$dest/imgui.cpp" ] && exit 0

work="$root/.deps/apt-src"
mkdir -p "$work/sources.list.d" "$work/lists/partial" "$work/download"
for f in /etc/apt/sources.list.d/*.sources; do
  [ -e "$f" ] || continue
  sed 's/^Types:.*/Types: deb-src/' "$f" > "$work/sources.list.d/$(basename "$f")"
done
apt_opts=(-o Dir::Etc::SourceParts="$work/sources.list.d" -o Dir::Etc::SourceList=/dev/null
          -o Dir::State::Lists="$work/lists" -qq)
apt-get "${apt_opts[@]}" update
(cd "$work/download" && apt-get "${apt_opts[@]}" source --download-only imgui)
tarball=$(ls "$work"/download/imgui_*.orig.tar.* | head -1)
rm -rf "$dest.tmp" && mkdir -p "$dest.tmp"
tar -xf "$tarball" -C "$dest.tmp" --strip-components=1
mv "$dest.tmp" "$dest"
echo "fetch-imgui: $(basename "$tarball") unpacked into .deps/imgui"
