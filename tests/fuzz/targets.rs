//! The three fuzz targets and their seeds:
//! - `scenario_loader`: one file of a shipped scenario (or of the mini
//!   fixture) replaced by the input, in a scratch copy of `scenarios/`; the
//!   loader must not panic, must give positions, and a scenario that still
//!   loads must start and run its automatic phases without panicking.
//! - `replay_loader`: the input as a replay file; loading must not panic and
//!   parse errors carry line:col; a replay that parses is verified on its
//!   scenario (re-running mutated commands through `Game::execute`).
//! - `commands`: the input drives a game of a shipped scenario along its
//!   golden replay, inserting random commands (see `commands.rs`).

use super::commands;
use landfall::replay;
use landfall::scenario::{self, Scenario};
use landfall::sim::Game;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The shipped scenarios every target plays.
pub const SCENARIOS: [&str; 3] = ["gela", "salerno", "sicily"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A shipped scenario, loaded once per process.
pub fn shipped(name: &str) -> Arc<Scenario> {
    static CACHE: OnceLock<Vec<Arc<Scenario>>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        SCENARIOS
            .iter()
            .map(|n| {
                scenario::load_scenario(&root().join("scenarios").join(n))
                    .unwrap_or_else(|d| panic!("shipped scenario {n} does not load: {d:?}"))
            })
            .collect()
    });
    let i = SCENARIOS
        .iter()
        .position(|n| *n == name)
        .expect("a shipped scenario name");
    Arc::clone(&all[i])
}

/// The golden replay's commands for a scenario; panics if it has none or it
/// does not load.
pub fn golden(name: &str) -> Vec<landfall::command::Command> {
    let dir = root().join("tests/replays");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/replays")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|f| f.to_string_lossy().starts_with(&format!("{name}-")))
        })
        .collect();
    files.sort();
    let path = files
        .first()
        .unwrap_or_else(|| panic!("no golden replay of {name} in tests/replays"));
    replay::load(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .commands
}

// ---------------------------------------------------------------- scenarios

/// Files the scenario target may replace: `dir/file` relative to the scratch
/// copy, and the scenario directory to load afterwards.
const FILES: &[(&str, &str)] = &[
    ("gela/scenario.ron", "gela"),
    ("gela/map.ron", "gela"),
    ("gela/oob_allied.ron", "gela"),
    ("gela/oob_axis.ron", "gela"),
    ("salerno/scenario.ron", "salerno"),
    ("salerno/map.ron", "salerno"),
    ("salerno/oob_allied.ron", "salerno"),
    ("salerno/oob_axis.ron", "salerno"),
    ("sicily/scenario.ron", "sicily"),
    ("sicily/map.ron", "sicily"),
    ("sicily/oob_allied.ron", "sicily"),
    ("sicily/oob_axis.ron", "sicily"),
    ("common/terrain.ron", "gela"),
    ("common/unit_types.ron", "gela"),
    ("common/crt.ron", "gela"),
    ("mini/scenario.ron", "mini"),
    ("mini/map.ron", "mini"),
    ("mini/terrain.ron", "mini"),
    ("mini/unit_types.ron", "mini"),
    ("mini/crt.ron", "mini"),
    ("mini/oob_allied.ron", "mini"),
    ("mini/oob_axis.ron", "mini"),
];

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("scratch dir");
    for e in std::fs::read_dir(from).expect("source dir").flatten() {
        if e.path().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).expect("copy");
        }
    }
}

/// A scratch copy of `scenarios/` and the mini fixture, for one test.
pub fn scratch_scenarios(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("landfall-fuzz-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    for s in ["common", "gela", "salerno", "sicily"] {
        copy_dir(&root().join("scenarios").join(s), &d.join(s));
    }
    copy_dir(&root().join("tests/fixtures/valid/mini"), &d.join("mini"));
    d
}

/// Seeds of the scenario target: every replaceable file as shipped, plus the
/// committed corpus.
pub fn scenario_seeds(scratch: &Path, committed: Vec<(String, Vec<u8>)>) -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = committed.into_iter().map(|(_, b)| b).collect();
    for (f, _) in FILES {
        let mut s = format!("{f}\n").into_bytes();
        s.extend(std::fs::read(scratch.join(f)).expect("shipped file"));
        seeds.push(s);
    }
    seeds
}

/// Run the scenario loader on one input: the first line names the file to
/// replace (an unknown name picks one by its bytes), the rest is its content.
/// Returns whether the scenario loaded.
pub fn exec_scenario(scratch: &Path, input: &[u8]) -> bool {
    let cut = input
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(input.len());
    let head = String::from_utf8_lossy(&input[..cut]);
    let body = input.get(cut + 1..).unwrap_or(&[]);
    let (file, dir) = FILES
        .iter()
        .find(|(f, _)| *f == head)
        .copied()
        .unwrap_or_else(|| {
            let h = input[..cut]
                .iter()
                .fold(0usize, |a, &b| a.wrapping_mul(31).wrapping_add(b as usize));
            FILES[h % FILES.len()]
        });
    let path = scratch.join(file);
    let original = std::fs::read(&path).expect("scratch file");
    std::fs::write(&path, body).expect("write input");
    let loaded = scenario::load(&scratch.join(dir));
    std::fs::write(&path, &original).expect("restore");
    assert_eq!(
        loaded.scenario.is_some(),
        loaded.errors() == 0,
        "scenario iff no error; diagnostics: {:?}",
        loaded
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    );
    for d in &loaded.diagnostics {
        assert!(
            d.line >= 1 && d.col >= 1,
            "diagnostic without a position: {d}"
        );
        assert!(!d.message.is_empty(), "empty diagnostic at {d}");
    }
    let Some(s) = loaded.scenario else {
        return false;
    };
    // A mutated scenario that still validates must also play.
    let mut g = Game::new(s, 1);
    for _ in 0..8 {
        if g.is_over() || g.execute(landfall::command::Command::EndPhase).is_err() {
            break;
        }
        assert_eq!(g.hash(), g.state().hash());
    }
    true
}

// ------------------------------------------------------------------ replays

/// Seeds of the replay target: each golden replay re-recorded on the current
/// scenario (so the content hash fits and mutations reach `verify`), cut to
/// its first 0, 30 and 120 commands, plus the committed corpus.
pub fn replay_seeds(committed: Vec<(String, Vec<u8>)>) -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = committed.into_iter().map(|(_, b)| b).collect();
    for name in SCENARIOS {
        let commands = golden(name);
        for cut in [0usize, 30, 120] {
            let mut g = Game::new(shipped(name), 1);
            for (i, c) in commands.iter().take(cut).enumerate() {
                if let Err(r) = g.execute(c.clone()) {
                    panic!("{name} golden command #{i} {c:?} refused: {r}");
                }
            }
            seeds.push(replay::to_ron(&replay::record(&g)).into_bytes());
        }
    }
    seeds
}

/// Load one input as a replay file; verify it if it parses. Returns whether
/// it parsed and named a shipped scenario (so `verify` ran).
pub fn exec_replay(scratch: &Path, input: &[u8]) -> bool {
    let path = scratch.join("input.ron");
    std::fs::write(&path, input).expect("write input");
    match replay::load(&path) {
        Err(replay::ReplayError::Parse {
            line, col, message, ..
        }) => {
            assert!(
                line >= 1 && col >= 1,
                "parse error without a position: {message}"
            );
            false
        }
        Err(e) => {
            assert!(!e.to_string().is_empty());
            false
        }
        Ok(r) => {
            let Some(name) = SCENARIOS.iter().find(|n| **n == r.scenario_id) else {
                return false;
            };
            let s = shipped(name);
            if let Err(e) = replay::verify(&s, &r) {
                assert!(!e.to_string().is_empty());
            }
            true
        }
    }
}

// ----------------------------------------------------------------- commands

/// Seeds of the command target: the committed corpus plus a few fixed
/// random byte strings.
pub fn command_seeds(committed: Vec<(String, Vec<u8>)>) -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = committed.into_iter().map(|(_, b)| b).collect();
    let mut rng = super::harness::Rng::new(7);
    for len in [16usize, 64, 256, 1024] {
        seeds.push((0..len).map(|_| rng.next() as u8).collect());
    }
    seeds
}

/// Drive a game with the input (see `commands::drive`); returns whether an
/// inserted command was accepted.
pub fn exec_commands(input: &[u8]) -> bool {
    let name = SCENARIOS[input.first().copied().unwrap_or(0) as usize % SCENARIOS.len()];
    commands::drive(
        shipped(name),
        &golden_cached(name),
        input.get(1..).unwrap_or(&[]),
    ) > 0
}

fn golden_cached(name: &str) -> Arc<Vec<landfall::command::Command>> {
    static CACHE: OnceLock<Vec<Arc<Vec<landfall::command::Command>>>> = OnceLock::new();
    let all = CACHE.get_or_init(|| SCENARIOS.iter().map(|n| Arc::new(golden(n))).collect());
    let i = SCENARIOS.iter().position(|n| *n == name).unwrap_or(0);
    Arc::clone(&all[i])
}
