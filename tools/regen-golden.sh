#!/usr/bin/env bash
# Re-record the golden replays in tests/replays/ after a deliberate change of
# rules, scenario data or AI (docs/replays.md). Builds the headless binary.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --no-default-features --quiet
bin=target/release/landfall
$bin simulate scenarios/gela    --seed 1            --record tests/replays/gela-full-seed1.ron
$bin simulate scenarios/salerno --seed 1            --record tests/replays/salerno-full-seed1.ron
$bin simulate scenarios/sicily  --seed 1 --turns 10 --record tests/replays/sicily-10turns-seed1.ron
for f in tests/replays/*.ron; do $bin replay "$f" --verify; done
