#!/usr/bin/env bash
# Builds the release .deb of the desktop app with the Tauri bundler: the
# binary, a desktop entry, the icons in every size, and dependencies on
# WebKitGTK and GTK declared for apt. Prints the package's path last.
#
#   scripts/package.sh            # release .deb (and nothing else)
#   scripts/package.sh --debug    # a debug build, as scripts/test.sh makes
#
# The build date the app shows is today's, unless SOURCE_DATE_EPOCH is
# already set (to rebuild a release byte for byte, set it to the release
# commit's time: git log -1 --format=%ct).
# Windows and macOS packages are built on those systems: see README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

profile=release
for arg in "$@"; do
  case "$arg" in
    --debug) profile=debug ;;
    *) echo "usage: scripts/package.sh [--debug]" >&2; exit 2 ;;
  esac
done

: "${SOURCE_DATE_EPOCH:=$(date +%s)}"
export SOURCE_DATE_EPOCH

flags=(--bundles deb)
[ "$profile" = debug ] && flags+=(--debug)
ui/node_modules/.bin/tauri build "${flags[@]}" >&2

target="$(cargo metadata --format-version 1 --no-deps --offline | node -e \
  'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"
version="$(cargo metadata --format-version 1 --no-deps --offline | node -e \
  'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).packages.find(p=>p.name==="sanctuary-app").version))')"
deb="$(ls -t "$target/$profile/bundle/deb/"*"_${version}_"*.deb | head -n 1)"
size_kib=$(( $(stat -c %s "$deb") / 1024 ))
echo "package: $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version), ${size_kib} KiB," \
  "installed $(dpkg-deb -f "$deb" Installed-Size) KiB, depends: $(dpkg-deb -f "$deb" Depends)" >&2
echo "$deb"
