#!/usr/bin/env bash
# Runs each fuzz target (sync bundles and invites, bundle documents, the CSV and XLSX readers) for a bounded time (default 60 s each).
#   scripts/fuzz.sh [SECONDS]
# cargo-fuzz needs nightly compiler features: with a nightly toolchain
# installed it is used, otherwise the stable one with RUSTC_BOOTSTRAP=1.
# Installs cargo-fuzz into $FUZZ_TOOLS (default: ../fuzz-tools beside the
# clone) if missing. A crash leaves its input under fuzz/artifacts/<target>/:
# copy it to crates/sync/tests/sync/regressions/ (bundle, invite) or
# crates/core/tests/core/fuzz_regressions/ (documents) so the stable test
# suite replays it for ever. The corpus of `documents` starts from seeds the
# core's regression test writes (valid documents and changes).
#
# Built without optimisation and without AddressSanitizer by default: the
# targets are safe Rust, where a bad index or overflow panics anyway (debug
# assertions and overflow checks are on), and an optimised sanitizer build
# of the core's whole dependency tree would be most of CI's fuzzing time.
# FUZZ_FLAGS="--release --sanitizer address" asks for that build instead.
set -euo pipefail
seconds="${1:-60}"
read -ra flags <<< "${FUZZ_FLAGS:---dev --sanitizer none}"
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="${FUZZ_TOOLS:-$(dirname "$root")/fuzz-tools}"
export PATH="$tools/bin:$PATH"
if ! command -v cargo-fuzz >/dev/null; then
    cargo install cargo-fuzz --locked --root "$tools"
fi
toolchain=()
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    toolchain=(+nightly)
else
    export RUSTC_BOOTSTRAP=1
fi
cd "$root/fuzz"
mkdir -p corpus/documents
cp -n "$root"/crates/core/tests/core/fuzz_regressions/seed-*.bin corpus/documents/ 2>/dev/null || true
# Every target in one cargo invocation: the sanitizer build of the
# workspace is shared, and is most of the cost on a fresh machine.
cargo "${toolchain[@]}" fuzz build "${flags[@]}"
for target in bundle invite documents csv xlsx; do
    echo "fuzzing $target for ${seconds}s"
    mkdir -p "corpus/$target"
    cargo "${toolchain[@]}" fuzz run "${flags[@]}" "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048
done
