#!/usr/bin/env bash
# Builds the Sanctuary Ambassadors app and opens it on a demo store (made
# once, in ./demo-store; passphrase "demo passphrase", shown on the unlock
# screen). `scripts/demo.sh --cli` keeps the command-line demo.
# SANCTUARY_DEMO_AMBASSADORS sets the size of a new demo store (default 200).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

export SANCTUARY_PASSPHRASE="${SANCTUARY_PASSPHRASE:-demo passphrase}"
target="${CARGO_TARGET_DIR:-target}"

if [ "${1:-}" = "--cli" ]; then
  cargo build --release -p sanctuary-cli
  sanctuary="$target/release/sanctuary"
  if [ ! -e demo-store/store.sqlite3 ]; then
    "$sanctuary" --store demo-store demo --ambassadors "${SANCTUARY_DEMO_AMBASSADORS:-200}"
  fi
  "$sanctuary" --store demo-store ambassador list | tail -n 15
  echo
  echo "Demo store: ./demo-store (passphrase: $SANCTUARY_PASSPHRASE)."
  echo "Try: $sanctuary --store demo-store ambassador show <id>"
  exit 0
fi

# A release build: the first one takes several minutes, later ones seconds.
ui/node_modules/.bin/tauri build --no-bundle
echo "Opening the app on ./demo-store (passphrase: $SANCTUARY_PASSPHRASE)."
SANCTUARY_STORE="$PWD/demo-store" SANCTUARY_DEMO=1 exec "$target/release/sanctuary-app"
