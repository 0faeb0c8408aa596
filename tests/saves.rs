//! Saves on a real scenario (Gela): writes are atomic, so an interrupted save
//! never replaces the good one; autosave keeps the last N and "continue"
//! skips a damaged newest file; a save from another scenario, another
//! version of its scenario or another format is refused with a message.

use landfall::command::Command;
use landfall::replay::{self, autosave, ReplayError};
use landfall::scenario::{self, Scenario};
use landfall::sim::Game;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn gela() -> Arc<Scenario> {
    scenario::load_scenario(&Path::new(ROOT).join("scenarios/gela")).expect("gela loads")
}

/// The golden Gela game's commands: the file must load.
fn golden() -> Vec<Command> {
    replay::load(&Path::new(ROOT).join("tests/replays/gela-full-seed1.ron"))
        .map(|r| r.commands)
        .unwrap_or_else(|e| panic!("the golden Gela replay does not load: {e}"))
}

/// Gela after the first `n` golden commands.
fn played(n: usize) -> Game {
    let mut g = Game::new(gela(), 1);
    for (i, c) in golden().into_iter().take(n).enumerate() {
        let shown = format!("{c:?}");
        if let Err(r) = g.execute(c) {
            panic!("golden command #{i} {shown} is refused: {}", r.reason);
        }
    }
    g
}

fn temp_dir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("saves-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn an_interrupted_save_never_replaces_the_good_one() {
    let dir = temp_dir("interrupted");
    let path = dir.join("game.ron");
    let (a, b) = (played(10), played(30));
    assert_ne!(a.hash(), b.hash());
    replay::save(&path, &replay::record(&a)).unwrap();
    // A process that crashed while writing the next save leaves its temporary
    // file, truncated, beside the save; the rename never happened.
    let text = replay::to_ron(&replay::record(&b));
    let stale = dir.join(".game.ron.tmp-999999");
    std::fs::write(&stale, &text[..text.len() / 2]).unwrap();
    let g = replay::load_game(&path, a.scenario()).expect("the good save still loads");
    assert_eq!(g.hash(), a.hash());
    // Had the half-written file been renamed, it would be refused with a
    // position, never half-applied.
    match replay::load(&stale) {
        Err(ReplayError::Parse { line, col, .. }) => assert!(line > 1 && col >= 1),
        other => panic!("truncated save: {other:?}"),
    }
    // The next save goes through and leaves no temporary file of its own.
    replay::save(&path, &replay::record(&b)).unwrap();
    assert_eq!(
        replay::load_game(&path, b.scenario()).unwrap().hash(),
        b.hash()
    );
    assert_eq!(names(&dir), [".game.ron.tmp-999999", "game.ron"]);
}

#[test]
fn a_save_that_cannot_be_renamed_into_place_fails_and_cleans_up() {
    let dir = temp_dir("rename-fails");
    // The target is a non-empty directory: the rename fails after the temp
    // file was fully written; the error is a value, the temp file is removed.
    let target = dir.join("game.ron");
    std::fs::create_dir_all(target.join("inside")).unwrap();
    let err = replay::save(&target, &replay::record(&played(5))).unwrap_err();
    assert!(matches!(err, ReplayError::Io { .. }), "{err}");
    assert!(
        err.to_string().starts_with(&target.display().to_string()),
        "{err}"
    );
    assert_eq!(names(&dir), ["game.ron"]);
    // A missing directory: nothing is created.
    let missing = dir.join("no/such/dir/game.ron");
    assert!(replay::save(&missing, &replay::record(&played(5))).is_err());
    assert!(!dir.join("no").exists());
}

#[test]
fn autosave_saves_every_command_and_keeps_the_last_n_turns() {
    let dir = temp_dir("autosave");
    let mut saver = autosave::Autosaver::new(&dir, 3);
    let mut g = Game::new(gela(), 1);
    // (turn, hash of the file's game) of every file, in the order created.
    let mut files: Vec<(PathBuf, u32, String)> = Vec::new();
    let mut record = |saver: &mut autosave::Autosaver, g: &Game| {
        let p = saver.after_command(g).unwrap();
        match files.last_mut() {
            Some(last) if last.0 == p => last.2 = g.hash(),
            _ => files.push((p, g.state().turn, g.hash())),
        }
    };
    record(&mut saver, &g);
    let commands = golden();
    for (i, c) in commands.into_iter().enumerate() {
        g.execute(c).unwrap();
        record(&mut saver, &g);
        if i == 40 {
            // Mid-game, the newest autosave is the game as it is now.
            let (_, now) = autosave::load_latest(&dir, &gela()).expect("loads");
            assert_eq!(now.hash(), g.hash());
            assert_eq!(now.log().len(), i + 1);
        }
    }
    let turns: Vec<u32> = files.iter().map(|f| f.1).collect();
    assert!(files.len() >= 4, "saved on turns {turns:?}");
    // One file per turn, in turn order.
    assert!(turns.windows(2).all(|w| w[0] < w[1]), "{turns:?}");
    let kept = autosave::list(&dir, "gela");
    assert_eq!(kept.len(), 3);
    let last = &files[files.len() - 3..];
    for (f, (p, turn, _)) in kept.iter().zip(last) {
        assert_eq!(f, p);
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.ends_with(&format!("-turn{turn:03}.ron")), "{name}");
    }
    // Continue: the newest is the game after its last command.
    assert_eq!(autosave::latest(&dir), Some(kept[2].clone()));
    let (p, game) = autosave::load_latest(&dir, &gela()).expect("an autosave loads");
    assert_eq!(p, kept[2]);
    assert_eq!(game.hash(), g.hash());
    // A damaged newest file (say, written by a tool without atomic writes) is
    // skipped: continue falls back to the one before.
    let text = std::fs::read(&kept[2]).unwrap();
    std::fs::write(&kept[2], &text[..text.len() / 3]).unwrap();
    let (p, game) = autosave::load_latest(&dir, &gela()).expect("an older autosave loads");
    assert_eq!(p, kept[1]);
    assert_eq!(game.hash(), last[1].2);
    // Another save continues the sequence and prunes the oldest.
    let next = autosave::autosave(&dir, &g, 3).unwrap();
    assert_eq!(
        autosave::list(&dir, "gela"),
        vec![kept[1].clone(), kept[2].clone(), next]
    );
}

/// A copy of `scenarios/` where Gela's scenario file has one more comment
/// line: same rules, but another version of the files.
fn changed_gela(tag: &str) -> Arc<Scenario> {
    let d = temp_dir(&format!("changed-gela-{tag}"));
    for s in ["common", "gela"] {
        std::fs::create_dir_all(d.join(s)).unwrap();
        for e in std::fs::read_dir(Path::new(ROOT).join("scenarios").join(s))
            .unwrap()
            .flatten()
        {
            std::fs::copy(e.path(), d.join(s).join(e.file_name())).unwrap();
        }
    }
    let f = d.join("gela/scenario.ron");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, format!("// edited after the save was made\n{text}")).unwrap();
    scenario::load_scenario(&d.join("gela")).expect("still valid")
}

#[test]
fn a_save_from_another_scenario_version_is_refused_with_a_message() {
    let dir = temp_dir("version");
    let path = dir.join("game.ron");
    let g = played(12);
    replay::save(&path, &replay::record(&g)).unwrap();
    let changed = changed_gela("api");
    assert_ne!(changed.content_hash, g.scenario().content_hash);
    let err = replay::load_game(&path, &changed).err().expect("refused");
    assert!(matches!(err, ReplayError::ScenarioChanged { .. }), "{err}");
    assert_eq!(
        err.to_string(),
        format!(
            "scenario `gela` has changed since the replay was recorded (content hash {}, now {}); \
             re-record it with `landfall simulate ... --record` if the change is intended",
            g.scenario().content_hash,
            changed.content_hash
        )
    );
    assert!(!err.is_divergence(), "exit 1, not 3");
    // Another scenario altogether.
    let salerno = scenario::load_scenario(&Path::new(ROOT).join("scenarios/salerno")).unwrap();
    let err = replay::load_game(&path, &salerno).err().expect("refused");
    assert_eq!(
        err.to_string(),
        "the replay was recorded on scenario `gela`, not `salerno`"
    );
    // A save written by a future build.
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("format: 3,", "format: 4,", 1);
    std::fs::write(&path, text).unwrap();
    let err = replay::load_game(&path, g.scenario())
        .err()
        .expect("refused");
    assert_eq!(
        err.to_string(),
        "replay format 4 is not supported (this build reads formats 2 to 3: \
         record the game again with this build)"
    );
}

#[test]
fn the_cli_refuses_a_save_of_a_changed_scenario_with_exit_1() {
    let dir = temp_dir("cli-version");
    let path = dir.join("game.ron");
    replay::save(&path, &replay::record(&played(12))).unwrap();
    let changed = changed_gela("cli");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_landfall"))
        .args(["replay", "--verify", "--scenario"])
        .arg(&changed.source)
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("has changed since the replay was recorded"),
        "{stderr}"
    );
}
