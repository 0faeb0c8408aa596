//! Hostile paths: devices, FIFOs, symlinks out of the scenario directory and
//! sparse giant files are refused promptly, with the limit or reason named,
//! instead of blocking, reading forever or exhausting memory. (Include
//! cycles, absolute includes and `../../etc/passwd` have fixtures of their
//! own in `tests/loader.rs`.)

use landfall::replay::{self, ReplayError};
use landfall::scenario;
use std::path::{Path, PathBuf};

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("landfall-limits-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn messages(path: &Path) -> Vec<String> {
    scenario::load(path)
        .diagnostics
        .iter()
        .map(|d| d.message.clone())
        .collect()
}

#[test]
fn a_device_is_not_read_as_a_scenario_or_a_replay() {
    assert_eq!(messages(Path::new("/dev/zero")), ["is not a regular file"]);
    let err = replay::load(Path::new("/dev/zero")).unwrap_err();
    assert_eq!(err.to_string(), "/dev/zero: not a regular file");
}

#[test]
fn a_fifo_is_refused_without_blocking() {
    let d = temp_dir("fifo");
    let fifo = d.join("game.ron");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("mkfifo unavailable; skipped");
        return;
    }
    assert!(matches!(replay::load(&fifo), Err(ReplayError::Io { .. })));
    let main = d.join("scenario.ron");
    std::os::unix::fs::symlink(&fifo, &main).expect("symlink");
    assert_eq!(messages(&main), ["is not a regular file"]);
}

#[test]
fn a_symlink_out_of_the_scenario_collection_is_refused() {
    let d = temp_dir("symlink");
    let mini = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/mini");
    let s = d.join("collection/mini");
    std::fs::create_dir_all(&s).expect("dir");
    for e in std::fs::read_dir(&mini).expect("mini").flatten() {
        std::fs::copy(e.path(), s.join(e.file_name())).expect("copy");
    }
    std::fs::remove_file(s.join("terrain.ron")).expect("rm");
    std::os::unix::fs::symlink("/etc/passwd", s.join("terrain.ron")).expect("symlink");
    let msgs = messages(&s);
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(
        msgs[0].starts_with("include `terrain.ron` escapes the scenario collection"),
        "{msgs:?}"
    );
}

#[test]
fn a_sparse_giant_replay_is_refused_naming_the_limit() {
    let d = temp_dir("sparse");
    let p = d.join("huge.ron");
    let f = std::fs::File::create(&p).expect("create");
    f.set_len(replay::MAX_FILE_BYTES + 1).expect("sparse file");
    let err = replay::load(&p).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: 268435457 bytes is larger than the 268435456-byte limit for replays",
            p.display()
        )
    );
}
