//! Demolitions and landing craft through the one command path
//! (`Game::execute`), on maps of a few hexes.

use crate::command::{Command, Event};
use crate::hex::{Hex, OffsetCoord};
use crate::rules::{movement, RejectionKind};
use crate::scenario::schema::{CraftWindow, PlaceKind, RoadClass, RulesSpec};
use crate::scenario::{builder::TestScenario, Entry, EventEffect, EventTrigger, MoveClass};
use crate::scenario::{PhaseSpec, ScenarioEvent, Side, UnitId};
use crate::sim::state::Status;
use crate::sim::Game;
use std::sync::Arc;

fn oc(c: i32, r: i32) -> OffsetCoord {
    OffsetCoord(c, r)
}

fn h(c: i32, r: i32) -> Hex {
    oc(c, r).to_hex()
}

fn id(g: &Game, unit: &str) -> UnitId {
    g.scenario().unit_id(unit).unwrap()
}

/// A main road west to east over a major river bridged between (2,0) and
/// (3,0). An Axis rear guard (`de`, infantry) on the east bank at (3,0),
/// Axis pioneers (`pio`) at (5,0); an Allied tank at (0,0) and Allied
/// engineers (`re`) at (1,0). Axis moves first.
fn bridge_game(f: impl FnOnce(&mut RulesSpec)) -> Game {
    let road: Vec<(i32, i32)> = (0..8).map(|c| (c, 0)).collect();
    let t = TestScenario::new(&["cccccccc"])
        .road(RoadClass::Main, &road)
        .river_major((2, 0), (3, 0))
        .bridge((2, 0), (3, 0))
        .unit("de", Side::Axis, "infantry", (3, 0))
        .unit("pio", Side::Axis, "engineer", (5, 0))
        .unit("tank", Side::Allied, "armour", (0, 0))
        .unit("re", Side::Allied, "engineer", (1, 0))
        .rules(|r| {
            r.demolitions.blow = vec![Side::Axis];
            r.demolitions.repair = vec![Side::Allied];
            f(r);
        })
        .phases(vec![
            PhaseSpec::Movement(Side::Axis),
            PhaseSpec::Movement(Side::Allied),
            PhaseSpec::Combat(Side::Allied),
            PhaseSpec::EndTurn,
        ])
        .build();
    Game::new(t.scenario, 3)
}

fn blow(g: &Game, unit: &str) -> Command {
    Command::Demolish {
        unit: id(g, unit),
        from: oc(2, 0),
        to: oc(3, 0),
    }
}

fn cost(g: &Game, class: MoveClass) -> Result<u32, movement::Blocked> {
    let v = g.view();
    movement::terrain_cost(v.scenario, v.state, class, h(2, 0), h(3, 0), true)
}

#[test]
fn a_blown_bridge_stops_vehicles_and_costs_foot_the_river_and_the_rubble() {
    let mut g = bridge_game(|_| {});
    let (de, tank) = (id(&g, "de"), id(&g, "tank"));
    assert_eq!(
        cost(&g, MoveClass::Tracked),
        Ok(1),
        "intact: the road crosses"
    );
    let events = g.execute(blow(&g, "de")).unwrap();
    assert_eq!(
        events,
        vec![Event::Blown {
            from: oc(2, 0),
            to: oc(3, 0),
            unit: Some(de)
        }]
    );
    // The rear guard spent 2 of its 8 MP and walks on east by the road.
    assert_eq!(g.state().unit(de).mp_left, 6);
    g.execute(Command::Move {
        unit: de,
        path: vec![oc(4, 0)],
    })
    .unwrap();
    g.execute(Command::EndPhase).unwrap();
    // The tank cannot cross the major river any more...
    let err = g
        .execute(Command::Move {
            unit: tank,
            path: vec![oc(1, 0), oc(2, 0), oc(3, 0)],
        })
        .unwrap_err();
    assert_eq!(err.kind, RejectionKind::Prohibited);
    assert!(err.reason.contains("major river"), "{}", err.reason);
    assert_eq!(
        cost(&g, MoveClass::Tracked),
        Err(movement::Blocked::MajorRiver)
    );
    // ...and foot pays clear 2 + major river 4 + rubble 2.
    assert_eq!(cost(&g, MoveClass::Foot), Ok(8));
    // The move range (the preview) agrees with the command.
    let v = g.view();
    assert!(movement::reachable(&v, tank).cost_to(h(3, 0)).is_none());
    assert!(movement::reachable(&v, tank).cost_to(h(2, 0)).is_some());
}

#[test]
fn a_cut_road_costs_the_ground_plus_the_rubble() {
    let t = TestScenario::new(&["cccc"])
        .road(RoadClass::Main, &[(0, 0), (1, 0), (2, 0), (3, 0)])
        .unit("de", Side::Axis, "infantry", (1, 0))
        .rules(|r| r.demolitions.blow = vec![Side::Axis])
        .phases(vec![PhaseSpec::Movement(Side::Axis), PhaseSpec::EndTurn])
        .build();
    let mut g = Game::new(t.scenario, 1);
    let de = id(&g, "de");
    g.execute(Command::Demolish {
        unit: de,
        from: oc(1, 0),
        to: oc(2, 0),
    })
    .unwrap();
    let v = g.view();
    let c = movement::terrain_cost(
        v.scenario,
        v.state,
        MoveClass::Motorised,
        h(1, 0),
        h(2, 0),
        true,
    );
    assert_eq!(c, Ok(2 + 2), "clear 2 + rubble 2 instead of the road's 1");
    let c = movement::terrain_cost(
        v.scenario,
        v.state,
        MoveClass::Motorised,
        h(2, 0),
        h(3, 0),
        true,
    );
    assert_eq!(c, Ok(1), "the rest of the road is untouched");
}

#[test]
fn who_may_blow_when_and_where() {
    let mut g = bridge_game(|_| {});
    // Not the Allies (not in `blow`), and not in their phase either.
    let pio = id(&g, "pio");
    let far = g.execute(blow(&g, "pio")).unwrap_err();
    assert_eq!(far.kind, RejectionKind::BadPath);
    assert!(
        far.reason.contains("must stand on (2,0) or (3,0)"),
        "{}",
        far.reason
    );
    let nothing = g
        .execute(Command::Demolish {
            unit: pio,
            from: oc(5, 0),
            to: oc(5, 1),
        })
        .unwrap_err();
    assert!(
        nothing.reason.contains("off the map") || nothing.reason.contains("not between two land"),
        "{}",
        nothing.reason
    );
    g.execute(blow(&g, "de")).unwrap();
    let again = g.execute(blow(&g, "de")).unwrap_err();
    assert!(again.reason.contains("already blown"), "{}", again.reason);
    g.execute(Command::EndPhase).unwrap();
    let allied = g
        .execute(Command::Demolish {
            unit: id(&g, "re"),
            from: oc(1, 0),
            to: oc(2, 0),
        })
        .unwrap_err();
    assert!(
        allied.reason.contains("Allied may not blow"),
        "{}",
        allied.reason
    );
}

#[test]
fn crossings_are_blown_in_the_movement_phase_only() {
    let t = TestScenario::new(&["ccc"])
        .road(RoadClass::Main, &[(0, 0), (1, 0), (2, 0)])
        .unit("de", Side::Axis, "infantry", (1, 0))
        .unit("us", Side::Allied, "infantry", (2, 0))
        .rules(|r| r.demolitions.blow = vec![Side::Axis])
        .phases(vec![
            PhaseSpec::Combat(Side::Axis),
            PhaseSpec::Movement(Side::Axis),
            PhaseSpec::EndTurn,
        ])
        .build();
    let mut g = Game::new(t.scenario, 1);
    let cmd = Command::Demolish {
        unit: id(&g, "de"),
        from: oc(1, 0),
        to: oc(0, 0),
    };
    assert_eq!(g.view().phase(), PhaseSpec::Combat(Side::Axis));
    assert_eq!(
        g.execute(cmd.clone()).unwrap_err().kind,
        RejectionKind::WrongPhase
    );
    g.execute(Command::EndPhase).unwrap();
    g.execute(cmd).unwrap();
}

#[test]
fn only_engineers_blow_when_the_scenario_says_so() {
    let mut g = bridge_game(|r| r.demolitions.engineers_only = true);
    let err = g.execute(blow(&g, "de")).unwrap_err();
    assert!(err.reason.contains("not an engineer"), "{}", err.reason);
    let pio = id(&g, "pio");
    g.execute(Command::Move {
        unit: pio,
        path: vec![oc(4, 0)],
    })
    .unwrap();
    // (4,0) is not on the hexside: the pioneers must reach (3,0).
    assert!(g.execute(blow(&g, "pio")).is_err());
}

#[test]
fn engineers_repair_a_blown_bridge_in_two_phases_then_tanks_cross() {
    let mut g = bridge_game(|_| {});
    let (de, re, tank) = (id(&g, "de"), id(&g, "re"), id(&g, "tank"));
    g.execute(blow(&g, "de")).unwrap();
    g.execute(Command::Move {
        unit: de,
        path: vec![oc(4, 0), oc(5, 0), oc(6, 0)],
    })
    .unwrap();
    g.execute(Command::EndPhase).unwrap();
    // Engineers that moved cannot repair this phase.
    g.execute(Command::Move {
        unit: re,
        path: vec![oc(2, 0)],
    })
    .unwrap();
    let moved = g
        .execute(Command::Repair {
            unit: re,
            from: oc(2, 0),
            to: oc(3, 0),
        })
        .unwrap_err();
    assert_eq!(moved.kind, RejectionKind::AlreadyActed);
    // Turn 2: the first phase of work.
    while g.state().turn < 2 || g.view().phase() != PhaseSpec::Movement(Side::Allied) {
        g.execute(Command::EndPhase).unwrap();
    }
    let rep = Command::Repair {
        unit: re,
        from: oc(3, 0),
        to: oc(2, 0),
    };
    let events = g.execute(rep.clone()).unwrap();
    assert!(matches!(
        events[0],
        Event::RepairWork {
            done: 1,
            needed: 2,
            ..
        }
    ));
    assert_eq!(
        cost(&g, MoveClass::Tracked),
        Err(movement::Blocked::MajorRiver)
    );
    while g.state().turn < 3 || g.view().phase() != PhaseSpec::Movement(Side::Allied) {
        g.execute(Command::EndPhase).unwrap();
    }
    let events = g.execute(rep.clone()).unwrap();
    assert!(matches!(
        events[0],
        Event::RepairWork {
            done: 2,
            needed: 2,
            ..
        }
    ));
    assert_eq!(cost(&g, MoveClass::Tracked), Ok(1));
    assert!(g.execute(rep).is_err(), "nothing left to repair");
    g.execute(Command::Move {
        unit: tank,
        path: vec![oc(1, 0), oc(2, 0), oc(3, 0)],
    })
    .unwrap();
}

#[test]
fn no_repair_under_the_enemys_nose() {
    let mut g = bridge_game(|_| {});
    let re = id(&g, "re");
    g.execute(blow(&g, "de")).unwrap();
    g.execute(Command::EndPhase).unwrap();
    g.execute(Command::Move {
        unit: re,
        path: vec![oc(2, 0)],
    })
    .unwrap();
    while g.state().turn < 2 || g.view().phase() != PhaseSpec::Movement(Side::Allied) {
        g.execute(Command::EndPhase).unwrap();
    }
    // The rear guard still holds the east bank.
    let err = g
        .execute(Command::Repair {
            unit: re,
            from: oc(2, 0),
            to: oc(3, 0),
        })
        .unwrap_err();
    assert!(
        err.reason.contains("enemy holds one bank"),
        "{}",
        err.reason
    );
}

#[test]
fn an_event_blows_the_prepared_demolitions_at_the_start() {
    let g = bridge_game(|_| {});
    let mut s = (**g.scenario()).clone();
    s.events = vec![ScenarioEvent {
        id: "prepared".into(),
        when: EventTrigger::Turn(1),
        then: vec![EventEffect::Demolish(vec![(oc(2, 0), oc(3, 0))])],
        note: String::new(),
    }];
    let g = Game::new(Arc::new(s), 3);
    assert_eq!(
        cost(&g, MoveClass::Tracked),
        Err(movement::Blocked::MajorRiver)
    );
    // The state hash covers it: the same game without the event differs.
    let plain = bridge_game(|_| {});
    assert_ne!(g.hash(), plain.hash());
}

/// Two beaches (`west` at (1,1), `east` at (5,1)) on the north shore of a
/// strip of land, a port at (0,2); landing craft for 3 steps a turn from
/// turn 2, for the east beach. Allied units: `a` and `b` (3 steps each,
/// due over the west beach on turn 2), `c` in the port.
fn craft_game() -> Game {
    let t = TestScenario::new(&["........", "cccccccc", "cccccccc"])
        .beach("west", &[(1, 1)], 9)
        .beach("east", &[(5, 1)], 9)
        .place("porto", PlaceKind::Port, (0, 2))
        .with_place(|p| p.port_capacity = 2)
        .objective("porto", 1, 0, Side::Allied)
        .unit("a", Side::Allied, "infantry", (0, 0))
        .arriving(2, vec![Entry::Beach(0)])
        .unit("b", Side::Allied, "infantry", (0, 0))
        .arriving(2, vec![Entry::Beach(0)])
        .unit("c", Side::Allied, "infantry", (0, 2))
        .unit("de", Side::Axis, "infantry", (7, 2))
        .rules(|r| {
            r.landing_craft = vec![CraftWindow {
                from_turn: 2,
                until_turn: 5,
                steps_per_turn: 3,
                beaches: vec!["east".into()],
            }]
        })
        .phases(vec![
            PhaseSpec::Arrivals(Side::Allied),
            PhaseSpec::Movement(Side::Allied),
            PhaseSpec::EndTurn,
        ])
        .build();
    Game::new(t.scenario, 5)
}

fn to_phase(g: &mut Game, turn: u32, phase: PhaseSpec) -> Vec<Event> {
    let mut all = Vec::new();
    while g.state().turn < turn || g.view().phase() != phase {
        all.extend(g.execute(Command::EndPhase).unwrap());
    }
    all
}

#[test]
fn the_landing_craft_lift_so_many_steps_a_turn() {
    let mut g = craft_game();
    let (a, b) = (id(&g, "a"), id(&g, "b"));
    let events = to_phase(&mut g, 2, PhaseSpec::Movement(Side::Allied));
    // The beach could take both; the craft lift one 3-step regiment.
    assert_eq!(g.state().unit(a).status, Status::OnMap);
    assert_eq!(g.state().unit(b).status, Status::Pending);
    assert!(events.contains(&Event::Delayed {
        unit: b,
        until: 3,
        reason: "every entry point is blocked".into()
    }));
    to_phase(&mut g, 3, PhaseSpec::Movement(Side::Allied));
    assert_eq!(g.state().unit(b).status, Status::OnMap);
}

#[test]
fn an_embarked_unit_lands_next_turn_by_the_landing_path() {
    let mut g = craft_game();
    let c = id(&g, "c");
    // Turn 1: the craft window for turn 2 names the east beach only.
    let west = g
        .execute(Command::Embark { unit: c, beach: 0 })
        .unwrap_err();
    assert!(
        west.reason
            .contains("no landing craft are assigned to west"),
        "{}",
        west.reason
    );
    let events = g.execute(Command::Embark { unit: c, beach: 1 }).unwrap();
    assert_eq!(
        events,
        vec![Event::Embarked {
            unit: c,
            beach: 1,
            lands: 2
        }]
    );
    assert_eq!(g.state().unit(c).status, Status::Pending);
    assert_eq!(g.state().unit(c).hex(), None);
    // Turn 2: units come on in id order; `a` takes the 3 steps of lift,
    // so `b` and `c` wait at sea; turn 3 is `b`'s, turn 4 `c`'s.
    let events = to_phase(&mut g, 2, PhaseSpec::Movement(Side::Allied));
    let landed: Vec<UnitId> = events
        .iter()
        .filter_map(|e| match e {
            Event::Landed { unit, .. } => Some(*unit),
            _ => None,
        })
        .collect();
    assert_eq!(
        landed,
        vec![id(&g, "a")],
        "a (id order) takes the 3 steps of lift"
    );
    assert_eq!(g.state().unit(c).status, Status::Pending, "c waits at sea");
    to_phase(&mut g, 3, PhaseSpec::Movement(Side::Allied));
    assert_eq!(g.state().unit(id(&g, "b")).status, Status::OnMap);
    to_phase(&mut g, 4, PhaseSpec::Movement(Side::Allied));
    assert_eq!(g.state().unit(c).at, Some(oc(5, 1)));
    assert_eq!(g.state().unit(c).status, Status::OnMap);
    assert!(g.state().works.sailing.is_empty());
}

#[test]
fn embarking_needs_a_port_or_a_beach_and_room_in_the_craft() {
    let mut g = craft_game();
    let c = id(&g, "c");
    g.execute(Command::Move {
        unit: c,
        path: vec![oc(1, 2)],
    })
    .unwrap();
    let err = g
        .execute(Command::Embark { unit: c, beach: 1 })
        .unwrap_err();
    assert_eq!(err.kind, RejectionKind::AlreadyActed);
    to_phase(&mut g, 2, PhaseSpec::Movement(Side::Allied));
    let err = g
        .execute(Command::Embark { unit: c, beach: 1 })
        .unwrap_err();
    assert!(err.reason.contains("must be in a port"), "{}", err.reason);
    // `a` landed on the west beach: it may embark from there.
    let a = id(&g, "a");
    g.execute(Command::Embark { unit: a, beach: 1 }).unwrap();
    // The craft for turn 3 are booked (3 of 3 steps).
    let b = id(&g, "b");
    assert_eq!(g.state().unit(b).status, Status::Pending);
    let err = g
        .execute(Command::Embark { unit: c, beach: 1 })
        .unwrap_err();
    assert!(!err.reason.is_empty());
}
