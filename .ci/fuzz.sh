#!/usr/bin/env bash
# Short fuzzing pass for CI (called by .ci/run): each of the three targets
# (scenario loader, replay loader, command validator) runs for
# LANDFALL_FUZZ_SECS seconds (default 25) in release. Crashing inputs are
# written to target/fuzz-crashes/<target>/ and fail the run. Run longer with
# e.g. LANDFALL_FUZZ_SECS=600 .ci/fuzz.sh; see docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANDFALL_FUZZ_SECS="${LANDFALL_FUZZ_SECS:-25}"
# Default features, so CI reuses the release build of `cargo test --release`;
# without the window stack: LANDFALL_FUZZ_FEATURES=--no-default-features.
# The grep only hides build noise; the exit status is cargo's.
set +e
# shellcheck disable=SC2086
cargo test --release ${LANDFALL_FUZZ_FEATURES:-} --test fuzz -- --ignored --nocapture --test-threads 1 2>&1 |
  grep -E '^(fuzz |test |  |    )|panicked|FAILED|test result|error'
status=${PIPESTATUS[0]}
set -e
exit "$status"
