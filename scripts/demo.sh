#!/usr/bin/env bash
# Builds Sanctuary Ambassadors and opens it on a demo store (made once, in ./demo-store).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

export SANCTUARY_PASSPHRASE="${SANCTUARY_PASSPHRASE:-demo passphrase}"
cargo build --release -p sanctuary-cli
sanctuary=target/release/sanctuary
if [ ! -e demo-store/store.sqlite3 ]; then
  "$sanctuary" --store demo-store demo --ambassadors 200
fi
"$sanctuary" --store demo-store ambassador list | tail -n 15
echo
echo "Demo store: ./demo-store (passphrase: $SANCTUARY_PASSPHRASE)."
echo "Try: $sanctuary --store demo-store ambassador show <id>"
