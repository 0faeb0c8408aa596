use super::*;
use crate::hex::OffsetCoord;
use crate::scenario::{builder::TestScenario, schema::PlaceKind, PhaseSpec, Scenario, Side};
use std::path::PathBuf;
use std::sync::Arc;

fn scenario() -> Arc<Scenario> {
    TestScenario::new(&["ccccc", "ccccc", "ccccc"])
        .place("gela", PlaceKind::Town, (2, 0))
        .objective("gela", 5, 0, Side::Axis)
        .unit("us", Side::Allied, "infantry", (0, 1))
        .unit("de", Side::Axis, "infantry", (3, 1))
        .with(|u| u.defence = 2)
        .phases(vec![
            PhaseSpec::Movement(Side::Allied),
            PhaseSpec::Combat(Side::Allied),
            PhaseSpec::EndTurn,
        ])
        .build()
        .scenario
}

/// A short game: a move, an attack with a die roll, a few phases.
fn played() -> Game {
    let s = scenario();
    let us = s.unit_id("us").unwrap();
    let mut g = Game::new(s, 7);
    g.execute(Command::Move {
        unit: us,
        path: vec![OffsetCoord(1, 1), OffsetCoord(2, 1)],
    })
    .unwrap();
    g.execute(Command::EndPhase).unwrap();
    g.execute(Command::Attack {
        attackers: vec![us],
        target: OffsetCoord(3, 1),
        support: Default::default(),
        advance: true,
    })
    .unwrap();
    g.execute(Command::EndPhase).unwrap();
    g.execute(Command::EndPhase).unwrap();
    g
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("landfall-replay-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("game.ron")
}

#[test]
fn record_lists_commands_hashes_and_end_of_phase_checkpoints() {
    let g = played();
    let r = record(&g);
    assert_eq!(r.format, FORMAT);
    assert_eq!(r.scenario_id, "test");
    assert_eq!(r.seed, 7);
    assert_eq!(r.commands.len(), 5);
    assert_eq!(r.hashes.last(), Some(&g.hash()));
    let at: Vec<(u32, u32, usize)> = r
        .checkpoints
        .iter()
        .map(|c| (c.turn, c.phase, c.command_index))
        .collect();
    assert_eq!(at, vec![(1, 0, 1), (1, 1, 3), (2, 0, 4)]);
}

#[test]
fn save_load_round_trip_keeps_the_hash() {
    let g = played();
    let path = temp("round-trip");
    save(&path, &record(&g)).unwrap();
    let loaded = load(&path).unwrap();
    assert_eq!(loaded, record(&g));
    let v = verify(g.scenario(), &loaded).unwrap();
    assert_eq!((v.commands, v.checkpoints), (5, 3));
    let again = load_game(&path, g.scenario()).unwrap();
    assert_eq!(again.hash(), g.hash());
    assert_eq!(again.state(), g.state());
    // No temporary file is left beside the save.
    let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("game.ron")]);
}

#[test]
fn one_altered_command_fails_at_exactly_that_index() {
    let g = played();
    let mut r = record(&g);
    let us = g.scenario().unit_id("us").unwrap();
    // Same destination by another path: legal, but a different state (MP left).
    r.commands[0] = Command::Move {
        unit: us,
        path: vec![OffsetCoord(1, 1)],
    };
    let err = verify(g.scenario(), &r).err().unwrap();
    let ReplayError::Diverged(d) = &err else {
        panic!("{err}")
    };
    assert_eq!(
        (d.command_index, d.turn, d.phase.as_str()),
        (0, 1, "Allied movement")
    );
    assert_eq!(d.expected, r.hashes[0]);
    assert_ne!(d.found, d.expected);
    assert!(d.rejected.is_none());
    assert!(err.is_divergence());
}

#[test]
fn a_command_rejected_on_replay_is_a_divergence_with_the_reason() {
    let g = played();
    let mut r = record(&g);
    let us = g.scenario().unit_id("us").unwrap();
    r.commands[2] = Command::Attack {
        attackers: vec![us],
        target: OffsetCoord(0, 0),
        support: Default::default(),
        advance: true,
    };
    let ReplayError::Diverged(d) = verify(g.scenario(), &r).err().unwrap() else {
        panic!()
    };
    assert_eq!((d.command_index, d.phase.as_str()), (2, "Allied combat"));
    assert_eq!(
        d.rejected.as_deref(),
        Some("there is no enemy unit at (0,0)")
    );
    assert_eq!(
        d.found, r.hashes[1],
        "a rejected command leaves the hash unchanged"
    );
}

#[test]
fn a_truncated_file_is_an_error_with_line_and_column() {
    let g = played();
    let text = to_ron(&record(&g));
    let path = temp("truncated");
    std::fs::write(&path, &text[..text.len() / 2]).unwrap();
    let err = load(&path).unwrap_err();
    let ReplayError::Parse { line, col, .. } = &err else {
        panic!("{err}")
    };
    assert!(*line > 1 && *col >= 1, "{err}");
    assert!(err.to_string().contains("not a valid replay"), "{err}");
    std::fs::write(&path, [0xff, 0xfe, b'(']).unwrap();
    assert!(matches!(
        load(&path),
        Err(ReplayError::Parse {
            line: 1,
            col: 1,
            ..
        })
    ));
}

#[test]
fn a_replay_of_a_changed_scenario_is_refused() {
    let g = played();
    let r = record(&g);
    let mut changed = (**g.scenario()).clone();
    changed.content_hash = "0123".into();
    let err = verify(&Arc::new(changed), &r).err().unwrap();
    assert!(matches!(err, ReplayError::ScenarioChanged { .. }), "{err}");
    assert!(!err.is_divergence());
    assert!(
        err.to_string()
            .starts_with("scenario `test` has changed since the replay was recorded"),
        "{err}"
    );
}

#[test]
fn inconsistent_or_future_files_are_refused() {
    let g = played();
    let mut r = record(&g);
    r.format = FORMAT + 1;
    let p = std::path::Path::new("x.ron");
    assert!(matches!(
        parse(p, &to_ron(&r)),
        Err(ReplayError::Format { found, supported })
            if found == FORMAT + 1 && supported == FORMAT
    ));
    // A file of the first format (whole-state hash) is refused by version,
    // not reported as a divergence.
    r.format = 1;
    assert!(matches!(
        parse(p, &to_ron(&r)),
        Err(ReplayError::Format {
            found: 1,
            supported: FORMAT
        })
    ));
    // Format 2 (before `AllotGunfire`) is a subset of format 3: it loads.
    r.format = 2;
    assert_eq!(parse(p, &to_ron(&r)).expect("format 2 loads").format, 2);
    r.format = FORMAT;
    r.hashes.pop();
    assert!(matches!(
        parse(p, &to_ron(&r)),
        Err(ReplayError::Malformed(_))
    ));
}

#[test]
fn the_ron_text_has_one_command_per_line() {
    let text = to_ron(&record(&played()));
    let line = text.lines().find(|l| l.contains("Move(")).unwrap();
    assert_eq!(line.trim(), "Move(unit: 1, path: [(1, 1), (2, 1)]),");
    assert!(text.lines().any(|l| l.trim() == "EndPhase,"));
}
