use super::*;
use crate::rules::RejectionKind;
use crate::scenario::{builder::TestScenario, schema::PlaceKind, PhaseSpec};
use crate::sim::Game;

fn game() -> (Game, UnitId, UnitId) {
    game_with_faces(None)
}

/// [`game`], with every column of the CRT giving `faces[die - 1]` if given.
fn game_with_faces(faces: Option<[&str; 6]>) -> (Game, UnitId, UnitId) {
    let mut t = TestScenario::new(&["ccccc", "ccccc", "ccccc"])
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
        .build();
    if let Some(faces) = faces {
        let s = std::sync::Arc::get_mut(&mut t.scenario).expect("sole owner");
        let results: Vec<crate::scenario::CrtResult> =
            faces.iter().map(|f| f.parse().expect("notation")).collect();
        for c in &mut s.crt.columns {
            c.results.clone_from(&results);
        }
    }
    let us = t.scenario.unit_id("us").unwrap();
    let de = t.scenario.unit_id("de").unwrap();
    (Game::new(t.scenario, 7), us, de)
}

#[test]
fn a_rejected_move_leaves_the_hash_unchanged() {
    let (mut g, us, _) = game();
    let before = g.hash();
    let err = g
        .execute(Command::Move {
            unit: us,
            path: vec![OffsetCoord(5, 1)],
        })
        .unwrap_err();
    assert_eq!(err.kind, RejectionKind::BadPath);
    assert_eq!(g.hash(), before);
    assert_eq!(g.state().hash(), before);
    assert!(g.log().is_empty());
}

#[test]
fn moving_into_a_place_takes_control() {
    let (mut g, us, _) = game();
    let events = g
        .execute(Command::Move {
            unit: us,
            path: vec![OffsetCoord(1, 0), OffsetCoord(2, 0)],
        })
        .unwrap();
    assert_eq!(
        events.last(),
        Some(&Event::ControlChanged {
            place: 0,
            side: Side::Allied
        })
    );
    assert_eq!(g.state().unit(us).at, Some(OffsetCoord(2, 0)));
}

#[test]
fn commands_out_of_phase_or_for_the_wrong_side_are_rejected() {
    let (mut g, us, de) = game();
    let before = g.hash();
    let err = g
        .execute(Command::Move {
            unit: de,
            path: vec![OffsetCoord(4, 1)],
        })
        .unwrap_err();
    assert_eq!(
        (err.kind, err.reason.as_str()),
        (RejectionKind::WrongSide, "de belongs to the Axis")
    );
    let err = g
        .execute(Command::Attack {
            attackers: vec![us],
            target: OffsetCoord(3, 1),
            support: Default::default(),
            advance: false,
        })
        .unwrap_err();
    assert_eq!(
        err.reason,
        "Attacking is not allowed in the Allied movement phase"
    );
    let err = g.execute(Command::Evacuate { unit: us }).unwrap_err();
    assert_eq!(err.kind, RejectionKind::WrongPhase);
    let err = g
        .execute(Command::Move {
            unit: 99,
            path: vec![OffsetCoord(1, 1)],
        })
        .unwrap_err();
    assert_eq!(err.kind, RejectionKind::UnknownUnit);
    assert_eq!(g.hash(), before);
}

#[test]
fn undo_restores_a_move_exactly() {
    let (mut g, us, _) = game();
    let before = g.hash();
    g.execute(Command::Move {
        unit: us,
        path: vec![OffsetCoord(1, 1)],
    })
    .unwrap();
    assert_ne!(g.hash(), before);
    assert_eq!(g.undo().unwrap(), vec![Event::Undone]);
    assert_eq!(g.hash(), before);
    assert_eq!(g.state().hash(), before);
    assert!(g.log().is_empty());
    let err = g.undo().unwrap_err();
    assert_eq!(err.reason, "nothing to undo in the Allied movement phase");
}

#[test]
fn undo_after_an_attack_is_refused_with_a_reason() {
    let (mut g, us, _) = game();
    g.execute(Command::Move {
        unit: us,
        path: vec![OffsetCoord(1, 1), OffsetCoord(2, 1)],
    })
    .unwrap();
    g.execute(Command::EndPhase).unwrap();
    assert_eq!(g.phase(), PhaseSpec::Combat(Side::Allied));
    let events = g
        .execute(Command::Attack {
            attackers: vec![us],
            target: OffsetCoord(3, 1),
            support: Default::default(),
            advance: true,
        })
        .unwrap();
    assert!(matches!(events[0], Event::Combat { .. }));
    let err = g.undo().unwrap_err();
    assert_eq!(err.kind, RejectionKind::Undo);
    assert_eq!(
        err.reason,
        "cannot undo: the attack on (3,1) rolled a die; undo is closed until the next phase"
    );
}

/// Every die face has a different effect (`FACES`), so the test sees that
/// seed 7 rolls one die, which face it picks, and that the result is applied.
#[test]
fn for_seed_7_the_attack_rolls_and_resolves_as_recorded() {
    const FACES: [&str; 6] = ["D1", "A1", "D2", "R1", "A1D1", "DE"];
    let (mut g, us, de) = game_with_faces(Some(FACES));
    g.execute(Command::Move {
        unit: us,
        path: vec![OffsetCoord(1, 1), OffsetCoord(2, 1)],
    })
    .unwrap();
    g.execute(Command::EndPhase).unwrap();
    // 6 attack vs 2 defence: 3:1 column.
    let odds = crate::rules::combat::odds(
        &g.view(),
        &[us],
        OffsetCoord(3, 1).to_hex(),
        &Default::default(),
        false,
    )
    .unwrap();
    assert_eq!(odds.column_label, "3:1");
    let (us_steps, de_steps) = (g.state().unit(us).steps, g.state().unit(de).steps);
    assert_eq!((us_steps, de_steps), (3, 3));
    let events = g
        .execute(Command::Attack {
            attackers: vec![us],
            target: OffsetCoord(3, 1),
            support: Default::default(),
            advance: true,
        })
        .unwrap();
    let Event::Combat { die, result, .. } = &events[0] else {
        panic!("first event is the combat")
    };
    // Seed 7 rolls a 2 for this attack (its own dice, `sim::dice`): the
    // second face, A1 — the attacker loses one step, the defender is
    // untouched and nobody moves.
    assert_eq!((*die, result.to_string().as_str()), (2, FACES[1]));
    assert_eq!(g.state().unit(de).steps, de_steps);
    assert_eq!(g.state().unit(de).at, Some(OffsetCoord(3, 1)));
    assert_eq!(g.state().unit(us).steps, us_steps - 1);
    assert_eq!(g.state().unit(us).at, Some(OffsetCoord(2, 1)));
    assert_eq!(g.state().draws, 1);
}

#[test]
fn end_phase_walks_the_turn_sequence_and_ends_the_game() {
    let (mut g, _, _) = game();
    let turns = g.scenario().turns;
    let mut n = 0;
    while !g.is_over() {
        g.execute(Command::EndPhase).unwrap();
        n += 1;
        assert!(n < 100);
    }
    assert_eq!(g.state().turn, turns);
    // Axis still hold Gela: 5 VP to the Axis → the Axis margin is -5: draw band.
    assert_eq!(g.state().vp, [0, 5]);
    let err = g.execute(Command::EndPhase).unwrap_err();
    assert_eq!(err.kind, RejectionKind::GameOver);
}

#[test]
fn same_commands_same_seed_same_hash() {
    let run = || {
        let (mut g, us, _) = game();
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
        g.log().iter().map(|e| e.hash.clone()).collect::<Vec<_>>()
    };
    let a = run();
    assert_eq!(a, run());
    assert_eq!(a.len(), 4);
}
