#!/usr/bin/env bash
# Installs what building and testing need on Debian/Ubuntu, and nothing that
# is already there: dpkg-query first, apt-get only for what is missing.
set -euo pipefail

packages=(build-essential pkg-config)
# poppler-utils: pdftotext and pdffonts check the printable records in the tests.
packages+=(poppler-utils)
# syncthing: the end-to-end sync test runs two instances on 127.0.0.1.
packages+=(syncthing)
# The desktop app (src-tauri): WebKitGTK and friends to build it; Xvfb,
# WebKitWebDriver and ImageMagick to run its e2e tests and look at it.
packages+=(libssl-dev libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev
  librsvg2-dev libxdo-dev file xvfb xauth webkit2gtk-driver imagemagick x11-utils xdotool)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "Rust is needed: install it from https://rustup.rs, then run this again." >&2
  exit 1
fi

# The app's UI (ui/) and its e2e tests (tests/e2e/) need Node 20.19 or later.
root="$(cd "$(dirname "$0")/.." && pwd)"
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' 2>/dev/null; then
  echo "Node.js 20.19 or later is needed for the app's UI: install it (e.g. from nodejs.org or your package manager), then run this again." >&2
  exit 1
fi

# npm ci only when the lock file changed since the last install: a stamp
# beside node_modules remembers which lock file it installed.
npm_install() {
  local dir="$1"; shift
  local stamp="$dir/node_modules/.sanctuary-lock.sha256"
  local want; want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "npm ci in ${dir#"$root"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error "$@")
    echo "$want" > "$stamp"
  fi
}
npm_install "$root/ui"
# WebdriverIO's optional drivers would try to download browsers: no scripts.
npm_install "$root/tests/e2e" --ignore-scripts

# tauri-driver bridges WebDriver to the app window; installed once into a
# tools directory outside the clone.
tools="${SANCTUARY_TOOLS:-$HOME/.cache/sanctuary-tools}"
if [ ! -x "$tools/bin/tauri-driver" ]; then
  echo "Installing tauri-driver into $tools"
  cargo install tauri-driver --version '^2' --locked --root "$tools" --quiet
fi
