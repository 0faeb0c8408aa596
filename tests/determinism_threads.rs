//! Determinism across thread counts: the golden replays give the same state
//! hashes with the rayon pool and the Bevy task pools at 1 thread and at 4
//! threads (games verified concurrently on the pool's threads). CI runs this
//! file in both debug and release builds, so it also compares optimisation
//! levels against the hashes recorded in `tests/replays/`.
//!
//! Global thread pools can be sized only once per process, so the test runs
//! this same test binary twice as children (`child_report`, with
//! `LANDFALL_THREADS=1` and `=4`) and compares what they print.

use landfall::command::Command;
use landfall::replay;
use landfall::sim::Game;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn golden_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join("tests/replays"))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// One line per replay: its verification, and the hash chain of its
/// commands re-run on the current scenario. A replay that does not verify
/// (unreadable, another format, recorded on another version of the scenario,
/// a command the rules now refuse, a hash that differs) is an error: a golden
/// file must be re-recorded when the rules or the data change.
fn report(path: &Path) -> Result<String, String> {
    let name = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let r = replay::load(path).map_err(|e| format!("{name}: unreadable: {e}"))?;
    let dir = Path::new(ROOT).join("scenarios").join(&r.scenario_id);
    let s = landfall::scenario::load_scenario(&dir)
        .map_err(|d| format!("{name}: scenario {} does not load: {d:?}", r.scenario_id))?;
    let v = replay::verify(&s, &r).map_err(|e| format!("{name}: not verified: {e}"))?;
    let mut g = Game::new(s, r.seed);
    let mut chain = blake3::Hasher::new();
    for (i, (c, expected)) in r.commands.iter().zip(&r.hashes).enumerate() {
        g.execute(Command::clone(c))
            .map_err(|e| format!("{name}: command #{i} {c:?} refused: {e}"))?;
        if g.hash() != *expected {
            return Err(format!(
                "{name}: command #{i} {c:?}: hash {} instead of {expected}",
                g.hash()
            ));
        }
        chain.update(g.hash().as_bytes());
    }
    Ok(format!(
        "{name}: verified {} commands, final {}; chain {}",
        v.commands,
        v.game.hash(),
        chain.finalize().to_hex()
    ))
}

/// Child process: size the pools from `LANDFALL_THREADS`, verify every
/// golden replay concurrently, print one `REPORT` line each.
#[test]
#[ignore = "run by `hashes_are_identical_with_1_and_4_threads` in a child process"]
fn child_report() {
    let Some(n) = std::env::var("LANDFALL_THREADS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    else {
        return;
    };
    let pool = |_| bevy_tasks::TaskPoolBuilder::new().num_threads(n).build();
    bevy_tasks::ComputeTaskPool::get_or_init(|| pool(()));
    bevy_tasks::AsyncComputeTaskPool::get_or_init(|| pool(()));
    bevy_tasks::IoTaskPool::get_or_init(|| pool(()));
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build_global()
        .expect("first pool of the process");
    assert_eq!(rayon::current_num_threads(), n);
    let files = golden_files();
    let lines: Vec<Result<String, String>> = files.par_iter().map(|p| report(p)).collect();
    let mut failed = Vec::new();
    for l in lines {
        match l {
            Ok(l) => println!("REPORT {l}"),
            Err(e) => {
                println!("FAILED {e}");
                failed.push(e);
            }
        }
    }
    assert!(
        failed.is_empty(),
        "golden replays that do not verify:\n{}",
        failed.join("\n")
    );
}

fn child(threads: usize) -> Vec<String> {
    let exe = std::env::current_exe().expect("test binary");
    let out = std::process::Command::new(exe)
        .args([
            "--exact",
            "child_report",
            "--ignored",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env("LANDFALL_THREADS", threads.to_string())
        .env("RAYON_NUM_THREADS", threads.to_string())
        .output()
        .expect("run the child");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "child with {threads} threads failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
        .lines()
        .filter_map(|l| l.find("REPORT ").map(|i| l[i + 7..].to_string()))
        .collect()
}

#[test]
fn hashes_are_identical_with_1_and_4_threads() {
    let files = golden_files();
    assert!(!files.is_empty(), "no golden replays in tests/replays");
    let one = child(1);
    let four = child(4);
    assert_eq!(one.len(), files.len(), "{one:?}");
    assert_eq!(one, four);
    for l in &one {
        eprintln!("{l}");
    }
}
