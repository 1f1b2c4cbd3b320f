#!/usr/bin/env bash
# Every check main must pass: formatting, lints, and every test, then the
# desktop app: its bindings, its UI tests, and e2e in the real window.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

echo "== rustfmt";  cargo fmt --all --check
echo "== clippy";   cargo clippy --workspace --all-targets -- -D warnings
echo "== tests";    cargo test --workspace
echo "== fuzz"      # A short run of every fuzz target; scripts/fuzz.sh installs cargo-fuzz if missing.
scripts/fuzz.sh "${FUZZ_SECONDS:-10}"

echo "== bindings"  # The TypeScript bindings the tests above regenerated must be the committed ones.
if [ -n "$(git status --porcelain -- ui/src/lib/bindings)" ]; then
  git status --short -- ui/src/lib/bindings
  git --no-pager diff -- ui/src/lib/bindings | head -n 40
  echo "ui/src/lib/bindings is stale: run 'cargo test -p sanctuary-app export_bindings' and commit the result." >&2
  exit 1
fi
echo "== ui";       (cd ui && npm run --silent check && npm test --silent)
echo "== licences"  # The About screen's component list must match Cargo.lock and the UI bundle.
node scripts/licences.mjs --check
# The debug app, bundled as a .deb too (seconds more): e2e drives the binary,
# the package test installs the .deb.
echo "== app";      ui/node_modules/.bin/tauri build --debug --bundles deb
echo "== e2e"
tools="${SANCTUARY_TOOLS:-$HOME/.cache/sanctuary-tools}"
(cd tests/e2e && PATH="$tools/bin:$PATH" xvfb-run -a -s "-screen 0 1280x800x24" npm test --silent)
echo "== package"  # dpkg -i the debug .deb, start it under Xvfb, see its first screen, dpkg -r.
scripts/test-package.sh
