#!/usr/bin/env bash
# Proves a .deb of the app installs and works: dpkg -i, the files a desktop
# needs are where it looks for them, the installed app starts under Xvfb
# and paints its first screen (a screenshot with more than a handful of
# colours and the app's mark: not a blank window, nor "Loading..."), then dpkg -r removes it all.
# Prints the cold start (launch to first painted screen) in seconds.
#
#   scripts/test-package.sh [PATH.deb]   # default: the newest debug bundle
#
# Needs root (or sudo): CI runs as root. scripts/test.sh calls it after
# building the debug app with --bundles deb.
set -euo pipefail
cd "$(dirname "$0")/.."

# Fewer colours than this is a blank page: a lone background colour, or a
# background with a border. The first screen's text alone gives hundreds.
MIN_COLOURS=32
# The first screen (welcome or unlock) shows the app's mark, in these exact
# colours (ui/src/lib/session/Logo.svelte); "Loading..." does not.
MARK_COLOURS=("#1F5F5B" "#F2C14E")
TIMEOUT_S=60

if [ -z "${SANCTUARY_PACKAGE_XVFB:-}" ]; then
  SANCTUARY_PACKAGE_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$0" "$@"
fi

deb="${1:-}"
if [ -z "$deb" ]; then
  target="$(cargo metadata --format-version 1 --no-deps --offline | node -e \
    'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"
  deb="$(ls -t "$target"/debug/bundle/deb/*.deb 2>/dev/null | head -n 1 || true)"
fi
if [ -z "$deb" ] || [ ! -f "$deb" ]; then
  echo "No .deb to test: build one with scripts/package.sh --debug, or name it." >&2
  exit 1
fi
sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
pkg="$(dpkg-deb -f "$deb" Package)"
work="$(mktemp -d)"
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  $sudo_cmd dpkg -r "$pkg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "test-package: $*" >&2; exit 1; }

echo "== install $(basename "$deb") ($(( $(stat -c %s "$deb") / 1024 )) KiB)"
$sudo_cmd dpkg -i "$deb" >/dev/null
echo "   installed size $(dpkg-query -W -f='${Installed-Size}' "$pkg") KiB; depends: $(dpkg-query -W -f='${Depends}' "$pkg")"
dpkg-query -W -f='${Depends}' "$pkg" | grep -q 'libwebkit2gtk-4.1' || fail "the package does not depend on WebKitGTK"

exe="/usr/bin/sanctuary-app"
[ -x "$exe" ] || fail "$exe is missing"
desktop="$(dpkg -L "$pkg" | grep '^/usr/share/applications/.*\.desktop$' | head -n 1)"
[ -n "$desktop" ] || fail "no desktop entry in /usr/share/applications"
grep -q '^Exec=sanctuary-app' "$desktop" || fail "$desktop does not start sanctuary-app"
icon="$(sed -n 's/^Icon=//p' "$desktop")"
for size in 32x32 128x128 256x256@2; do
  [ -f "/usr/share/icons/hicolor/$size/apps/$icon.png" ] || fail "no $size icon named $icon"
done
echo "   $exe, $desktop, icons named $icon"

echo "== start the installed app under Xvfb"
# A fresh home: the first screen is the welcome for a new store, and
# nothing of this user's is read or written.
mkdir -p "$work/home"
start=$(date +%s%N)
env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME -u SANCTUARY_STORE -u SANCTUARY_DEMO \
  HOME="$work/home" "$exe" >"$work/app.log" 2>&1 &
app_pid=$!
colours=0
while :; do
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; fail "the app exited"; }
  if import -window root "$work/screen.png" 2>/dev/null; then
    colours="$(convert "$work/screen.png" -format %k info:)"
    if [ "$colours" -ge "$MIN_COLOURS" ]; then
      histogram="$(convert "$work/screen.png" -format %c histogram:info:-)"
      marked=1
      for c in "${MARK_COLOURS[@]}"; do grep -qi "$c" <<<"$histogram" || marked=0; done
      [ "$marked" -eq 1 ] && break
    fi
  fi
  if (( $(date +%s%N) - start > TIMEOUT_S * 1000000000 )); then
    cp "$work/screen.png" /tmp/sanctuary-package-blank.png 2>/dev/null || true
    cat "$work/app.log" >&2
    fail "no first screen after ${TIMEOUT_S}s (last screenshot: /tmp/sanctuary-package-blank.png, $colours colours)"
  fi
  sleep 0.2
done
cold_ms=$(( ($(date +%s%N) - start) / 1000000 ))
xdotool search --name "^Sanctuary Ambassadors$" >/dev/null || fail "no window titled Sanctuary Ambassadors"
cp "$work/screen.png" "${SANCTUARY_PACKAGE_SHOT:-/tmp/sanctuary-package-first-screen.png}"
echo "   first screen after $((cold_ms / 1000)).$(printf '%03d' $((cold_ms % 1000))) s ($colours colours);" \
  "screenshot ${SANCTUARY_PACKAGE_SHOT:-/tmp/sanctuary-package-first-screen.png}"

kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
echo "== remove"
$sudo_cmd dpkg -r "$pkg" >/dev/null
[ ! -e "$exe" ] || fail "$exe is still there after dpkg -r"
echo "ok: $pkg installs, starts, shows its first screen and uninstalls"
