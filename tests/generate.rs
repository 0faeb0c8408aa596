//! `landfall generate`: the files it writes load clean with `landfall
//! validate`, the same arguments write the same bytes, another seed writes
//! another island, and bad arguments are usage errors.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_landfall")
}

fn out_dir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("generate")
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    d
}

fn generate(seed: u64, dir: &Path) -> std::process::Output {
    Command::new(bin())
        .args([
            "generate",
            "--seed",
            &seed.to_string(),
            "--hexes",
            "2000",
            "--units",
            "100",
            "--out",
        ])
        .arg(dir)
        .output()
        .expect("runs")
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| {
            let e = e.expect("entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn generated_scenario_validates_clean_and_is_byte_identical_per_seed() {
    let (a, b, c) = (out_dir("a"), out_dir("b"), out_dir("c"));
    for (seed, dir) in [(42, &a), (42, &b), (43, &c)] {
        let out = generate(seed, dir);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let fa = files(&a);
    assert_eq!(
        fa.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        [
            "crt.ron",
            "map.ron",
            "oob_allied.ron",
            "oob_axis.ron",
            "scenario.ron",
            "terrain.ron",
            "unit_types.ron"
        ]
    );
    assert_eq!(fa, files(&b), "same seed, same bytes");
    let fc = files(&c);
    let map = |f: &[(String, Vec<u8>)]| {
        f.iter()
            .find(|(n, _)| n == "map.ron")
            .map(|(_, t)| t.clone())
    };
    assert_ne!(map(&fa), map(&fc), "another seed, another island");
    let v = Command::new(bin())
        .arg("validate")
        .arg(&a)
        .arg(&c)
        .output()
        .expect("runs");
    assert_eq!(v.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&v.stdout).contains("0 errors, 0 warnings")
            || String::from_utf8_lossy(&v.stderr).contains("0 errors, 0 warnings")
    );
}

#[test]
fn committed_example_is_what_the_generator_writes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/generated/island_1");
    let d = out_dir("example");
    let out = generate(1, &d);
    assert!(out.status.success());
    // The shared tables are copies of scenarios/common at generation time and
    // may have moved on since; what the generator itself writes must match.
    let own = |dir: &Path| {
        let mut f = files(dir);
        f.retain(|(n, _)| {
            ["scenario.ron", "map.ron", "oob_allied.ron", "oob_axis.ron"].contains(&n.as_str())
        });
        f
    };
    assert_eq!(own(&root), own(&d), "regenerate with: landfall generate --seed 1 --hexes 2000 --units 100 --out scenarios/generated/island_1");
}

#[test]
fn too_many_units_is_a_usage_error() {
    let out = Command::new(bin())
        .args(["generate", "--hexes", "2000", "--units", "5000", "--out"])
        .arg(out_dir("bad"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--units 5000"));
}
