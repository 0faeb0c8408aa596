//! Each policy does what its name says, on tiny hand-built maps.

use super::*;
use crate::ai::AiLevels;
use crate::hex::OffsetCoord;
use crate::scenario::{builder::TestScenario, schema::PlaceKind, schema::RoadClass};

fn normal() -> AiParams {
    AiLevels::builtin().get(None).cloned().unwrap()
}

fn game(t: TestScenario) -> Game {
    Game::new(t.build().scenario, 3)
}

fn first(name: &str, g: &Game) -> Command {
    policy(name, &normal()).unwrap().next_command(g)
}

/// Where a move command ends.
fn end_of(cmd: &Command) -> Option<OffsetCoord> {
    match cmd {
        Command::Move { path, .. } => path.last().copied(),
        _ => None,
    }
}

/// A corridor, an Axis unit in the middle, an evacuation port at the east
/// end, an Axis objective at the west end and an Allied unit far off.
fn corridor(phases: Vec<PhaseSpec>) -> TestScenario {
    TestScenario::new(&["cccccccccccc", "cccccccccccc"])
        .place("messina", PlaceKind::Port, (11, 0))
        .with_place(|p| p.evacuation = true)
        .place("palermo", PlaceKind::City, (0, 0))
        .objective("palermo", 10, 0, Side::Axis)
        .unit("de", Side::Axis, "infantry", (5, 0))
        .unit("us", Side::Allied, "infantry", (0, 1))
        .phases(phases)
}

#[test]
fn the_defender_comes_from_the_objectives() {
    let axis = corridor(vec![PhaseSpec::EndTurn]).build().scenario;
    assert_eq!(defender(&axis), Side::Axis);
    let allied = TestScenario::new(&["cc"])
        .place("gela", PlaceKind::Town, (0, 0))
        .objective("gela", 5, 0, Side::Allied)
        .build()
        .scenario;
    assert_eq!(defender(&allied), Side::Allied);
    assert_eq!(Role::Attacker.sides(&allied), [Side::Axis]);
}

#[test]
fn passive_ends_every_phase() {
    for phase in [
        PhaseSpec::Movement(Side::Axis),
        PhaseSpec::Combat(Side::Axis),
        PhaseSpec::Evacuation(Side::Axis),
    ] {
        let g = game(corridor(vec![phase, PhaseSpec::EndTurn]));
        assert_eq!(first("passive", &g), Command::EndPhase, "{phase:?}");
    }
}

#[test]
fn runaway_heads_for_the_evacuation_port() {
    let g = game(corridor(vec![
        PhaseSpec::Movement(Side::Axis),
        PhaseSpec::Evacuation(Side::Axis),
        PhaseSpec::EndTurn,
    ]));
    let cmd = first("runaway", &g);
    let end = end_of(&cmd).expect("a move");
    assert!(end.0 > 5, "east, towards Messina: {cmd:?}");
}

#[test]
fn runaway_crosses_the_strait_and_never_attacks() {
    let t = corridor(vec![
        PhaseSpec::Combat(Side::Axis),
        PhaseSpec::Evacuation(Side::Axis),
        PhaseSpec::EndTurn,
    ])
    .unit("de-port", Side::Axis, "infantry", (11, 0))
    .unit("us-weak", Side::Allied, "infantry", (6, 0))
    .with(|u| u.defence = 1);
    let mut g = game(t);
    let mut p = policy("runaway", &normal()).unwrap();
    assert_eq!(
        p.next_command(&g),
        Command::EndPhase,
        "no attack at any odds"
    );
    g.execute(Command::EndPhase).unwrap();
    let port = g.scenario().unit_id("de-port").unwrap();
    assert_eq!(p.next_command(&g), Command::Evacuate { unit: port });
}

#[test]
fn runaway_without_a_way_out_runs_from_the_enemy() {
    // The Allies hold the objective here, so they defend; they have no
    // evacuation phase, so they run from the Axis unit they see.
    let t = TestScenario::new(&["cccccccc"])
        .place("gela", PlaceKind::Town, (3, 0))
        .objective("gela", 5, 0, Side::Allied)
        .unit("us", Side::Allied, "infantry", (3, 0))
        .unit("de", Side::Axis, "infantry", (1, 0))
        .phases(vec![PhaseSpec::Movement(Side::Allied), PhaseSpec::EndTurn]);
    let g = game(t);
    let end = end_of(&first("runaway", &g)).expect("a move");
    assert!(end.0 > 3, "away from the Axis unit: {end:?}");
}

#[test]
fn turtle_stays_on_its_objective_and_sends_others_to_one() {
    let t = corridor(vec![PhaseSpec::Movement(Side::Axis), PhaseSpec::EndTurn])
        .place("enna", PlaceKind::Town, (8, 1))
        .objective("enna", 5, 0, Side::Axis)
        .unit("de-enna", Side::Axis, "infantry", (8, 1));
    let g = game(t);
    let mut p = policy("turtle", &normal()).unwrap();
    let cmd = p.next_command(&g);
    let de = g.scenario().unit_id("de").unwrap();
    // "de" (at 5,0) is sent to Palermo, the held objective nobody guards
    // (Enna is guarded), never moved away from an objective.
    assert!(
        matches!(&cmd, Command::Move { unit, .. } if *unit == de),
        "{cmd:?}"
    );
    assert!(end_of(&cmd).unwrap().0 < 5, "west, to Palermo: {cmd:?}");
    let mut g = g;
    g.execute(cmd).unwrap();
    assert_eq!(p.next_command(&g), Command::EndPhase, "de-enna stays");
}

#[test]
fn turtle_attacks_without_advancing() {
    let t = TestScenario::new(&["ccccc"])
        .place("gela", PlaceKind::Town, (1, 0))
        .objective("gela", 5, 0, Side::Axis)
        .unit("de", Side::Axis, "armour", (1, 0))
        .unit("de2", Side::Axis, "armour", (1, 0))
        .unit("us", Side::Allied, "infantry", (2, 0))
        .with(|u| u.defence = 1)
        .phases(vec![PhaseSpec::Combat(Side::Axis), PhaseSpec::EndTurn]);
    let g = game(t);
    let ai = Ai::new(normal()).next_command(&g);
    assert!(
        matches!(ai, Command::Attack { advance: true, .. }),
        "{ai:?}"
    );
    let cmd = first("turtle", &g);
    assert!(
        matches!(cmd, Command::Attack { advance: false, .. }),
        "{cmd:?}"
    );
}

#[test]
fn blitz_drives_on_the_richest_objective_not_the_nearest() {
    let t = TestScenario::new(&["ccccccccccc"])
        .place("village", PlaceKind::Town, (3, 0))
        .objective("village", 1, 0, Side::Axis)
        .place("palermo", PlaceKind::City, (10, 0))
        .objective("palermo", 20, 0, Side::Axis)
        .unit("us", Side::Allied, "infantry", (5, 0))
        .phases(vec![PhaseSpec::Movement(Side::Allied), PhaseSpec::EndTurn]);
    let g = game(t);
    let end = end_of(&first("blitz", &g)).expect("a move");
    assert!(
        end.0 > 5,
        "east to Palermo (20 VP), not the village: {end:?}"
    );
}

#[test]
fn coastdash_races_fast_units_along_the_coast_road_and_leaves_foot_to_the_ai() {
    // Sea on row 0, a coast road along row 1; the deepest objective is at
    // the far east end.
    let t = TestScenario::new(&["............", "cccccccccccc", "cccccccccccc"])
        .road(
            RoadClass::Main,
            &(0..12).map(|c| (c, 1)).collect::<Vec<_>>(),
        )
        .place("near", PlaceKind::Town, (3, 2))
        .objective("near", 5, 0, Side::Axis)
        .place("messina", PlaceKind::Port, (11, 1))
        .objective("messina", 5, 0, Side::Axis)
        .unit("us-inf", Side::Allied, "infantry", (0, 2))
        .unit("us-mot", Side::Allied, "motorised", (1, 2))
        .phases(vec![PhaseSpec::Movement(Side::Allied), PhaseSpec::EndTurn]);
    let g = game(t);
    let p = policy("coastdash", &normal()).unwrap();
    let mot = g.scenario().unit_id("us-mot").unwrap();
    let inf = g.scenario().unit_id("us-inf").unwrap();
    assert!(p.script.steers(&g.view(), mot) && !p.script.steers(&g.view(), inf));
    let mut p = p;
    let cmd = p.next_command(&g);
    let Command::Move { unit, path } = &cmd else {
        panic!("a move: {cmd:?}");
    };
    assert_eq!(*unit, mot);
    assert!(
        path.iter().any(|h| h.1 == 1),
        "onto the coast road: {path:?}"
    );
    assert!(
        path.last().unwrap().0 > 3,
        "past the near objective: {path:?}"
    );
}

#[test]
fn policies_decide_on_what_their_side_sees() {
    // An Axis unit far out of sight of the Allied unit: moving it elsewhere
    // (still out of sight) changes nothing in what any policy commands.
    let at = |x: i32| {
        let t = TestScenario::new(&["cccccccccccccccccccc"])
            .place("palermo", PlaceKind::City, (19, 0))
            .objective("palermo", 10, 0, Side::Axis)
            .unit("us", Side::Allied, "motorised", (0, 0))
            .unit("de", Side::Axis, "infantry", (x, 0))
            .phases(vec![PhaseSpec::Movement(Side::Allied), PhaseSpec::EndTurn]);
        game(t)
    };
    let (a, b) = (at(16), at(18));
    for info in POLICIES {
        assert_eq!(first(info.name, &a), first(info.name, &b), "{}", info.name);
    }
}
