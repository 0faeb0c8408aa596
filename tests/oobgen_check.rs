//! The orders of battle of Gela, Sicily and Salerno are what
//! `tools/oobgen/gen.py` writes, and every unit's attack and defence follow
//! the ratings formula (`tools/oobgen/oob.py`, docs/oob.md; issue 18).
//! The generator is Python; CI machines have `python3` (`.ci/one-build.sh`
//! uses it too).

use std::path::Path;
use std::process::Command;

#[test]
fn shipped_orders_of_battle_follow_the_ratings_formula() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("python3")
        .arg(root.join("tools/oobgen/gen.py"))
        .args(["--check", "all"])
        .current_dir(root)
        .output()
        .expect("python3 runs (CI installs it)");
    assert!(
        out.status.success(),
        "tools/oobgen/gen.py --check all failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
