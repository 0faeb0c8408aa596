use super::*;
use crate::hex::OffsetCoord;
use crate::scenario::{builder::TestScenario, schema::PlaceKind, Side, UnitId};

fn normal() -> AiParams {
    AiLevels::builtin().levels["normal"].clone()
}

fn combat_game(defence: u32) -> Game {
    let t = TestScenario::new(&["ccccc", "ccccc", "ccccc"])
        .unit("us-a", Side::Allied, "infantry", (1, 1))
        .unit("us-b", Side::Allied, "infantry", (2, 2))
        .unit("us-far", Side::Allied, "infantry", (4, 0))
        .unit("de", Side::Axis, "infantry", (2, 1))
        .with(|u| u.defence = defence)
        .phases(vec![PhaseSpec::Combat(Side::Allied), PhaseSpec::EndTurn])
        .build();
    Game::new(t.scenario, 3)
}

#[test]
fn attacks_a_weak_stack_with_every_adjacent_unit() {
    let g = combat_game(2);
    let cmd = Ai::new(normal()).next_command(&g);
    let id = |n| g.scenario().unit_id(n).unwrap();
    assert_eq!(
        cmd,
        Command::Attack {
            attackers: vec![id("us-a"), id("us-b")],
            target: OffsetCoord(2, 1),
            support: Default::default(),
            advance: true
        }
    );
    // 12 against 2: 6:1, expected balance well above the threshold.
    let odds = crate::rules::combat::odds(
        &g.view(),
        &[id("us-a"), id("us-b")],
        OffsetCoord(2, 1).to_hex(),
        &Default::default(),
        false,
    )
    .unwrap();
    assert_eq!(odds.column_label, "6:1");
}

#[test]
fn declines_a_bad_attack() {
    let g = combat_game(30);
    assert_eq!(Ai::new(normal()).next_command(&g), Command::EndPhase);
}

#[test]
fn moves_towards_the_enemy_objective() {
    let t = TestScenario::new(&["cccccccc"])
        .place("palermo", PlaceKind::City, (7, 0))
        .objective("palermo", 10, 0, Side::Axis)
        .unit("us", Side::Allied, "infantry", (0, 0))
        .phases(vec![PhaseSpec::Movement(Side::Allied), PhaseSpec::EndTurn])
        .build();
    let g = Game::new(t.scenario, 1);
    let us = g.scenario().unit_id("us").unwrap();
    // 8 MP over clear (2 MP a hex): four hexes east.
    assert_eq!(
        Ai::new(normal()).next_command(&g),
        Command::Move {
            unit: us,
            path: vec![
                OffsetCoord(1, 0),
                OffsetCoord(2, 0),
                OffsetCoord(3, 0),
                OffsetCoord(4, 0)
            ]
        }
    );
}

#[test]
fn evacuates_german_units_late_in_the_game() {
    let t = TestScenario::new(&["ccc"])
        .place("messina", PlaceKind::Port, (2, 0))
        .with_place(|p| p.evacuation = true)
        .unit("15pg", Side::Axis, "infantry", (2, 0))
        .with(|u| u.nation = "DE".into())
        .unit("it", Side::Axis, "infantry", (2, 0))
        .with(|u| u.nation = "IT".into())
        .phases(vec![PhaseSpec::Evacuation(Side::Axis), PhaseSpec::EndTurn])
        .turns(10)
        .build();
    let mut g = Game::new(t.scenario, 1);
    let mut ai = Ai::new(normal());
    // Turn 1: not yet the Germans' evacuation window (65% of 10 turns), and
    // the game skips a phase with nothing to do, so step to turn 7 first.
    while g.state().turn < 7 {
        let cmd = ai.next_command(&g);
        assert_eq!(cmd, Command::EndPhase, "turn {}", g.state().turn);
        g.execute(cmd).unwrap();
    }
    let de = g.scenario().unit_id("15pg").unwrap();
    assert_eq!(ai.next_command(&g), Command::Evacuate { unit: de });
    g.execute(Command::Evacuate { unit: de }).unwrap();
    // Every nation only from 82% of the game (turn 9).
    assert_eq!(ai.next_command(&g), Command::EndPhase, "Italians stay");
}

#[test]
fn a_full_game_of_the_mini_fixture_is_legal_and_deterministic() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/mini");
    let s = crate::scenario::load_scenario(&path).unwrap();
    let p = normal();
    let a = selfplay::simulate(&s, 5, None, &p, &p);
    let b = selfplay::simulate(&s, 5, None, &p, &p);
    assert_eq!(a.summary, b.summary);
    assert!(a.summary.finished);
    assert_eq!(a.summary.rejected_commands, 0);
    assert_eq!(a.summary.turns_played, s.turns);
}

/// Axis movement on a 3×8 clear map, turn 1 of 1 (so past the counterattack
/// window): the German regiment at (3,1) faces `allies` Allied regiments of
/// `attack` strength each, in column 1.
fn axis_facing(attack: u32) -> (Game, UnitId) {
    let t = TestScenario::new(&["cccccccc", "cccccccc", "cccccccc"])
        .unit("us-a", Side::Allied, "infantry", (1, 0))
        .with(|u| u.attack = attack)
        .unit("us-b", Side::Allied, "infantry", (1, 1))
        .with(|u| u.attack = attack)
        .unit("us-c", Side::Allied, "infantry", (1, 2))
        .with(|u| u.attack = attack)
        .unit("de", Side::Axis, "infantry", (3, 1))
        .phases(vec![PhaseSpec::Movement(Side::Axis), PhaseSpec::EndTurn])
        .turns(1)
        .build();
    let g = Game::new(t.scenario, 1);
    let de = g.scenario().unit_id("de").unwrap();
    (g, de)
}

fn distance_to_allies(g: &Game, hex: OffsetCoord) -> u32 {
    g.view()
        .side_units(Side::Allied)
        .filter_map(|u| u.hex())
        .map(|h| h.unsigned_distance_to(hex.to_hex()))
        .min()
        .unwrap()
}

#[test]
fn an_axis_unit_facing_ruinous_odds_falls_back_out_of_reach() {
    let (g, de) = axis_facing(30);
    // 90 attack against its 4 defence: far beyond the top column.
    let cmd = Ai::new(normal()).next_command(&g);
    let Command::Move { unit, path } = cmd else {
        panic!("expected a move, got {cmd:?}");
    };
    assert_eq!(unit, de);
    let end = *path.last().unwrap();
    assert!(
        distance_to_allies(&g, end) >= 3,
        "{end:?} is still within reach"
    );
}

#[test]
fn an_axis_unit_facing_a_weak_enemy_holds_contact() {
    let (g, _) = axis_facing(1);
    let cmd = Ai::new(normal()).next_command(&g);
    let end = match &cmd {
        Command::Move { path, .. } => *path.last().unwrap(),
        _ => OffsetCoord(3, 1),
    };
    assert!(
        distance_to_allies(&g, end) <= 2,
        "{cmd:?} ran from a weak enemy"
    );
}

#[test]
fn germans_evacuate_once_the_allies_hold_most_objectives() {
    let t = TestScenario::new(&["ccc"])
        .place("messina", PlaceKind::Port, (2, 0))
        .with_place(|p| p.evacuation = true)
        .place("palermo", PlaceKind::City, (0, 0))
        .objective("palermo", 30, 0, Side::Allied)
        .objective("messina", 10, 0, Side::Axis)
        .unit("15pg", Side::Axis, "infantry", (2, 0))
        .with(|u| u.nation = "DE".into())
        .phases(vec![PhaseSpec::Evacuation(Side::Axis), PhaseSpec::EndTurn])
        .turns(40)
        .build();
    let g = Game::new(t.scenario, 1);
    // Turn 1 of 40, long before `evacuate_from_percent`, but the Allies hold
    // 30 of 40 objective VP (75%, over `evacuate_from_objectives_percent`).
    let de = g.scenario().unit_id("15pg").unwrap();
    assert_eq!(g.state().turn, 1);
    assert_eq!(
        Ai::new(normal()).next_command(&g),
        Command::Evacuate { unit: de }
    );
}

#[test]
fn clearing_an_enemy_objective_or_a_sudden_death_hex_is_worth_more() {
    use crate::scenario::schema::{SuddenDeathSpec, VictoryLevel};
    let t = TestScenario::new(&["cccc"])
        .place("borgo", PlaceKind::Town, (1, 0))
        .objective("borgo", 10, 0, Side::Axis)
        .sudden_death(SuddenDeathSpec {
            label: "the beach is retaken".into(),
            winner: Side::Axis,
            level: VictoryLevel::Decisive,
            hexes: vec![OffsetCoord(3, 0)],
            from_turn: 2,
        })
        .build();
    let p = normal();
    let v = t.view();
    let stake = |side, c| attacks::stake_x100(&v, side, OffsetCoord(c, 0).to_hex(), &p);
    assert_eq!(stake(Side::Allied, 1), 10 * p.stake_x100_per_vp);
    assert_eq!(stake(Side::Allied, 3), p.sudden_death_stake_x100);
    assert_eq!(stake(Side::Allied, 2), 0);
    assert_eq!(stake(Side::Axis, 1), 0, "its own objective is no stake");
    assert_eq!(stake(Side::Axis, 3), 0, "its own winning hex is no stake");
}
