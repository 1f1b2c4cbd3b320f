#!/usr/bin/env bash
# Runs each fuzz target (sync bundles and invites, the CSV and XLSX readers) for a bounded time (default 60 s each).
#   scripts/fuzz.sh [SECONDS]
# Needs the nightly toolchain; installs cargo-fuzz into $FUZZ_TOOLS (default:
# ../fuzz-tools beside the clone) if missing. A crash leaves its input under
# fuzz/artifacts/<target>/: copy it to crates/sync/tests/sync/regressions/
# so the stable test suite replays it for ever.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="${FUZZ_TOOLS:-$(dirname "$root")/fuzz-tools}"
export PATH="$tools/bin:$PATH"
if ! command -v cargo-fuzz >/dev/null; then
    cargo install cargo-fuzz --locked --root "$tools"
fi
cd "$root/fuzz"
for target in bundle invite csv xlsx; do
    echo "fuzzing $target for ${seconds}s"
    mkdir -p "corpus/$target"
    cargo +nightly fuzz run "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048
done
