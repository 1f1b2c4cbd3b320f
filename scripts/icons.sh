#!/usr/bin/env bash
# Renders icons/icon.svg to every icon the desktop packages use: PNGs for
# Linux (.deb/.rpm desktop entry and the window), icon.ico for Windows
# (.msi/NSIS) and icon.icns for macOS (.dmg). The Tauri CLI renders SVG
# itself, offline; it also makes Android, iOS and Windows Store sizes,
# which this app does not ship, so those stay in the scratch directory.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
if ! ui/node_modules/.bin/tauri icon icons/icon.svg --output "$scratch" >"$scratch/log" 2>&1; then
  cat "$scratch/log" >&2
  exit 1
fi
for f in 32x32.png 64x64.png 128x128.png 128x128@2x.png icon.png icon.ico icon.icns; do
  cp "$scratch/$f" "icons/$f"
done
echo "icons/: rendered from icons/icon.svg"
