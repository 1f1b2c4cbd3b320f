#!/usr/bin/env bash
# Every check main must pass: formatting, lints, and every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

echo "== rustfmt";  cargo fmt --all --check
echo "== clippy";   cargo clippy --workspace --all-targets -- -D warnings
echo "== tests";    cargo test --workspace
