//! Running the `landfall` binary from an integration test, at the project
//! root (shared by the tests of the sweeps' command lines).

use std::path::Path;
use std::process::{Command, Output};

/// Run `landfall ARGS` at the project root.
pub fn landfall(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_landfall"))
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .args(args)
        .output()
        .expect("landfall runs")
}

/// Run `landfall ARGS`, insist that it succeeds, and return its stdout.
pub fn ok(args: &[&str]) -> Vec<u8> {
    let out = landfall(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}
