//! Property test of the loader on hostile input: arbitrary text and bytes in
//! any file of a scenario never panic, and every error carries a position.

use landfall::scenario;
use proptest::prelude::*;
use std::path::{Path, PathBuf};

const FILES: [&str; 7] = [
    "scenario",
    "map",
    "terrain",
    "unit_types",
    "crt",
    "oob_allied",
    "oob_axis",
];

fn scratch() -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("loader_fuzz");
    std::fs::create_dir_all(&d).unwrap();
    for f in FILES {
        let src = Path::new("tests/fixtures/valid/mini").join(format!("{f}.ron"));
        std::fs::copy(src, d.join(format!("{f}.ron"))).unwrap();
    }
    d
}

fn check(which: usize, bytes: &[u8]) {
    let d = scratch();
    std::fs::write(d.join(format!("{}.ron", FILES[which])), bytes).unwrap();
    let loaded = scenario::load(&d);
    assert_eq!(loaded.scenario.is_some(), loaded.errors() == 0);
    for diag in &loaded.diagnostics {
        assert!(diag.line >= 1, "{diag}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_never_panic(which in 0usize..7, bytes in proptest::collection::vec(any::<u8>(), 1..400)) {
        check(which, &bytes);
    }

    #[test]
    fn ron_like_text_never_panics(which in 0usize..7, text in "[(){}\\[\\]:,\"'a-z0-9_ .#!/*\n-]{1,300}") {
        check(which, text.as_bytes());
    }

    #[test]
    fn edited_mini_files_never_panic(which in 0usize..7, at in any::<prop::sample::Index>(), insert in "[(){}\\[\\]:,\"0-9a-z -]{0,8}", cut in 0usize..12) {
        let good = std::fs::read(Path::new("tests/fixtures/valid/mini").join(format!("{}.ron", FILES[which]))).unwrap();
        let i = at.index(good.len());
        let mut v = good[..i].to_vec();
        v.extend_from_slice(insert.as_bytes());
        v.extend_from_slice(&good[(i + cut).min(good.len())..]);
        check(which, &v);
    }
}
