#!/usr/bin/env bash
# Issue 15: `cargo build --release` (what `cargo run --release` builds) and
# `cargo test --release` must compile every shared dependency once. The
# dev-dependencies (proptest) switch on features of crates the window stack
# shares (rand 0.10 under bevy_math); if those features ever differ again,
# the test build gets its own copy of Bevy's whole stack (~20 minutes cold).
# Both builds are up to date when this runs, so cargo only lists artifacts:
# every package in both graphs must have the same files in both.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
cargo build --release --message-format=json --quiet > target/one-build-run.json
cargo test --release --no-run --message-format=json --quiet > target/one-build-test.json
python3 - target/one-build-run.json target/one-build-test.json <<'PY'
import json, re, sys
def artifacts(path):
    out = {}
    for line in open(path):
        m = json.loads(line)
        if m.get("reason") != "compiler-artifact" or m["target"]["kind"] == ["bin"] \
                or "test" in m["target"]["kind"] or m["profile"]["test"]:
            continue
        name = m["package_id"] + " " + m["target"]["name"]
        # The unit's hash (deps/libNAME-HASH.rlib): one per distinct build.
        out.setdefault(name, set()).update(re.findall(r"-([0-9a-f]{16})\.", " ".join(m["filenames"])))
    return out
run, test = artifacts(sys.argv[1]), artifacts(sys.argv[2])
twice = sorted(k for k in run.keys() & test.keys() if run[k] != test[k])
for k in twice:
    print(f"built twice: {k}\n  run:  {sorted(run[k])}\n  test: {sorted(test[k])}")
bevy = sorted(k for k in twice if "bevy" in k)
print(f"one-build check: {len(run)} library artifacts in the release build, "
      f"{len(test.keys() - run.keys())} more for the tests, {len(twice)} built twice "
      f"({len(bevy)} of Bevy's)")
sys.exit(1 if twice else 0)
PY
