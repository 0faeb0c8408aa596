//! The computer holding a defence line of its side's withdrawal plan
//! (`objectives::holding_line`, `movement.rs`, `attacks::advance_into`).

use super::*;
use crate::hex::OffsetCoord;
use crate::scenario::{builder::TestScenario, schema::PlaceKind, Side, UnitId};

fn normal() -> AiParams {
    AiLevels::builtin().levels["normal"].clone()
}

/// A clear map, 12 columns by 3 rows; the places "n" at (2,0) and "s" at
/// (2,2) that the Axis line runs through (down column 2).
fn front() -> TestScenario {
    TestScenario::new(&["cccccccccccc"; 3])
        .place("n", PlaceKind::Landmark, (2, 0))
        .place("s", PlaceKind::Landmark, (2, 2))
}

/// Hexes from `hex` to the line down column 2.
fn from_line(hex: OffsetCoord) -> u32 {
    (0..3)
        .map(|r| {
            OffsetCoord(2, r)
                .to_hex()
                .unsigned_distance_to(hex.to_hex())
        })
        .min()
        .unwrap()
}

#[test]
fn the_line_is_held_inside_its_window_and_outside_counterattacks() {
    let t = front()
        .turns(10)
        .counterattack(1, 2)
        .defence_line("Gela line", Side::Axis, (2, 6), &["n", "s"], &["DE"])
        .defence_line("Beachhead", Side::Allied, (1, 2), &["n"], &[])
        .build();
    let p = normal();
    let held = |side, turn| {
        let mut state = t.state.clone();
        state.turn = turn;
        let view = GameView::new(&t.scenario, &state);
        objectives::holding_line(&view, side, &p).map(|l| l.name.clone())
    };
    let gela = Some("Gela line".to_string());
    let axis: Vec<_> = (1..=8).map(|turn| held(Side::Axis, turn)).collect();
    assert_eq!(
        axis,
        vec![
            None,
            None,
            gela.clone(),
            gela.clone(),
            gela.clone(),
            gela,
            None,
            None
        ]
    );
    assert!(
        t.scenario.defence_line(Side::Axis, 2).is_some(),
        "turn 2: the line is open, but the counterattack comes first"
    );
    assert_eq!(
        held(Side::Allied, 2),
        Some("Beachhead".to_string()),
        "counterattack windows are the Axis's"
    );
    assert_eq!(held(Side::Allied, 3), None);
    let hexes: Vec<_> = (0..3).map(|r| OffsetCoord(2, r).to_hex()).collect();
    assert_eq!(t.scenario.defence_lines[0].hexes, hexes);
}

/// Axis movement, turn 1 of 1 (past the counterattack window): a German
/// regiment at (8,0) and an Italian one at (8,2), six hexes in front of
/// the line, face one weak Allied regiment at (11,1). With `line`, the
/// Germans (only) hold the line down column 2 this turn. Returns where the
/// German and the Italian end the phase.
fn axis_move(line: bool) -> (OffsetCoord, OffsetCoord) {
    let mut t = front()
        .unit("a1", Side::Allied, "infantry", (11, 1))
        .with(|u| u.attack = 1)
        .unit("de", Side::Axis, "infantry", (8, 0))
        .with(|u| u.nation = "DE".into())
        .unit("it", Side::Axis, "infantry", (8, 2))
        .with(|u| u.nation = "IT".into())
        .phases(vec![PhaseSpec::Movement(Side::Axis), PhaseSpec::EndTurn])
        .turns(1);
    if line {
        t = t.defence_line("Gela line", Side::Axis, (1, 1), &["n", "s"], &["DE"]);
    }
    let mut g = Game::new(t.build().scenario, 1);
    assert_eq!(g.phase(), PhaseSpec::Movement(Side::Axis));
    let report = play_phase(&mut g, &mut Ai::new(normal()));
    assert_eq!(report.rejected, 0);
    let at = |n: &str| {
        let id: UnitId = g.scenario().unit_id(n).unwrap();
        g.state().unit(id).at.unwrap()
    };
    (at("de"), at("it"))
}

#[test]
fn units_of_a_nation_holding_the_line_fall_back_to_it() {
    let (de, it) = axis_move(true);
    // 8 MP over clear (2 MP a hex): four hexes west, two short of the line.
    assert_eq!(from_line(de), 2, "the German ended at {de:?}");
    assert!(from_line(it) >= 6, "the Italian ({it:?}) holds no line");
}

#[test]
fn without_the_line_the_same_units_seek_contact_instead() {
    let (de, it) = axis_move(false);
    assert!(from_line(de) >= 6, "the German fell back to {de:?}");
    assert!(from_line(it) >= 6, "the Italian fell back to {it:?}");
}

#[test]
fn a_unit_holding_the_line_advances_only_onto_ground_near_it() {
    // The German at (5,1), three hexes in front of the line, turn 1 of 2;
    // the line is held on turn 1 only.
    let t = front()
        .unit("a1", Side::Allied, "infantry", (6, 1))
        .unit("de", Side::Axis, "infantry", (5, 1))
        .with(|u| u.nation = "DE".into())
        .unit("it", Side::Axis, "infantry", (5, 0))
        .with(|u| u.nation = "IT".into())
        .defence_line("Gela line", Side::Axis, (1, 1), &["n", "s"], &["DE"])
        .turns(2)
        .build();
    let p = normal();
    let id = |n| t.scenario.unit_id(n).unwrap();
    let advance = |turn, unit, c, r| {
        let mut state = t.state.clone();
        state.turn = turn;
        let view = GameView::new(&t.scenario, &state);
        let front = super::front::Front::new(&view, Side::Axis);
        attacks::advance_into(
            &view,
            Side::Axis,
            OffsetCoord(c, r).to_hex(),
            id(unit),
            &p,
            &front,
        )
    };
    assert_eq!(objectives::LINE_DEPTH, 2);
    assert_eq!(from_line(OffsetCoord(4, 1)), 2);
    assert!(advance(1, "de", 4, 1), "2 hexes from the line: on it");
    assert!(!advance(1, "de", 6, 1), "4 hexes in front: no chase");
    assert_eq!(from_line(OffsetCoord(5, 1)), 3);
    assert!(!advance(1, "de", 5, 1), "3 hexes in front: no chase");
    assert!(advance(1, "it", 6, 1), "the Italian does not hold the line");
    assert!(advance(2, "de", 6, 1), "turn 2: the line is no longer held");
}

#[test]
fn an_attack_from_the_line_far_in_front_of_it_does_not_advance() {
    // A strong German regiment next to a weak Allied one at (6,1), four
    // hexes in front of the line it holds: it attacks, and stays put.
    let t = front()
        .unit("a1", Side::Allied, "infantry", (6, 1))
        .with(|u| u.defence = 1)
        .unit("de", Side::Axis, "infantry", (5, 1))
        .with(|u| {
            u.nation = "DE".into();
            u.attack = 30;
        })
        .defence_line("Gela line", Side::Axis, (1, 1), &["n", "s"], &["DE"])
        .phases(vec![PhaseSpec::Combat(Side::Axis), PhaseSpec::EndTurn])
        .turns(1)
        .build();
    let g = Game::new(t.scenario, 1);
    let de = g.scenario().unit_id("de").unwrap();
    assert_eq!(
        Ai::new(normal()).next_command(&g),
        Command::Attack {
            attackers: vec![de],
            target: OffsetCoord(6, 1),
            support: Default::default(),
            advance: false
        }
    );
}
