//! Shared by `tests/proptest_rules.rs` and `tests/determinism.rs`: a small
//! hand-built scenario that exercises every rule (landings with an assault,
//! a night drop, an edge reinforcement, supply, support, evacuation), a
//! chooser that turns four random numbers into a command (mostly plausible,
//! some garbage), and the invariants every state must keep.
#![allow(dead_code)]

use landfall::command::{acting_side, Command};
use landfall::hex::OffsetCoord;
use landfall::rules::{combat::Support, movement, GameView};
use landfall::scenario::builder::{Built, TestScenario};
use landfall::scenario::schema::{PlaceKind, SupplySource};
use landfall::scenario::{Entry, Scenario, Side, UnitId};
use landfall::sim::state::{State, Status};
use landfall::sim::Game;
use std::sync::Arc;

/// The invasion in miniature: sea to the north and west, a defended beach,
/// a drop zone inland, an Axis evacuation port in the east.
pub fn mini_invasion() -> Built {
    TestScenario::new(&[
        "........", ".cccccc.", ".chhcttc", "ccccrccc", "cfccccCc", "cccccccc",
    ])
    .place("port", PlaceKind::Port, (6, 2))
    .with_place(|p| p.evacuation = true)
    .place("town", PlaceKind::Town, (5, 2))
    .objective("town", 5, 1, Side::Axis)
    .beach("dime", &[(1, 1), (2, 1)], 6)
    .drop_zone("dz", (4, 3))
    .edge("east", &[(7, 5), (7, 4)])
    .supply(|s| {
        s.sources = vec![SupplySource {
            side: Side::Axis,
            at: "port".into(),
        }];
    })
    .support(|s| {
        s.naval_points = vec![4, 2, 1];
        s.air_points_allied = vec![2, 1];
        s.air_points_axis = vec![1];
        s.naval_range = 2;
        s.max_per_attack = 3;
    })
    .rules(|r| r.evacuation_steps_per_turn = 3)
    .unit("a_1st", Side::Allied, "infantry", (0, 0))
    .arriving(1, vec![Entry::Beach(0)])
    .unit("a_2nd", Side::Allied, "infantry", (0, 0))
    .arriving(1, vec![Entry::Beach(0)])
    .unit("a_armour", Side::Allied, "armour", (0, 0))
    .arriving(2, vec![Entry::Beach(0)])
    .unit("a_505th", Side::Allied, "airborne", (0, 0))
    .arriving(1, vec![Entry::Drop(0)])
    .with(|u| u.arrival.as_mut().expect("arrival").night = true)
    .unit("a_guns", Side::Allied, "artillery", (0, 3))
    .unit("x_coast", Side::Axis, "coastal", (2, 1))
    .unit("x_inf1", Side::Axis, "infantry", (2, 2))
    .unit("x_inf2", Side::Axis, "infantry", (5, 2))
    .unit("x_guns", Side::Axis, "artillery", (6, 3))
    .unit("x_panzer", Side::Axis, "armour", (0, 0))
    .arriving(2, vec![Entry::Edge(0)])
    .turns(6)
    .build()
}

/// The shipped Gela scenario; panics with the loader's diagnostics if it
/// does not load (a broken shipped scenario must fail the tests, not skip them).
pub fn gela() -> Arc<Scenario> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/gela");
    landfall::scenario::load_scenario(&dir).unwrap_or_else(|diagnostics| {
        let list: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        panic!("scenarios/gela does not load:\n{}", list.join("\n"))
    })
}

/// Four random numbers, turned into a command by [`choose`].
pub type Choice = (u8, u32, u32, u32);

fn neighbours_offset(c: OffsetCoord) -> Vec<OffsetCoord> {
    c.to_hex()
        .all_neighbors()
        .into_iter()
        .map(OffsetCoord::from_hex)
        .collect()
}

/// Turn a choice into a command for the current state: moves along paths from
/// `movement::reachable`, attacks on adjacent enemies (with random support),
/// evacuations, `EndPhase`, and garbage.
#[must_use]
pub fn choose(g: &Game, (kind, a, b, c): Choice) -> Command {
    let view = g.view();
    let n = view.state.units.len() as u32;
    let own: Vec<UnitId> = acting_side(g.phase())
        .map(|s| view.side_units(s).map(|u| u.id).collect())
        .unwrap_or_default();
    match kind % 16 {
        0..=7 if !own.is_empty() => {
            let unit = own[a as usize % own.len()];
            let reach = movement::reachable(&view, unit);
            let dests = reach.destinations();
            match dests
                .get(b as usize % dests.len().max(1))
                .and_then(|d| reach.path_to(d.0))
            {
                Some(path) => Command::Move {
                    unit,
                    path: path.into_iter().map(OffsetCoord::from_hex).collect(),
                },
                None => garbage(&view, a, b, c),
            }
        }
        8..=10 if !own.is_empty() => attack(&view, &own, a, b, c),
        11 => Command::Evacuate {
            unit: (a % n.max(1)) as UnitId,
        },
        12 | 13 => garbage(&view, a, b, c),
        _ => Command::EndPhase,
    }
}

fn attack(view: &GameView, own: &[UnitId], a: u32, b: u32, c: u32) -> Command {
    let mut pairs = Vec::new();
    for &u in own {
        let Some(at) = view.unit(u).at else { continue };
        for t in neighbours_offset(at) {
            if view.enemy_occupied(t.to_hex(), view.def(u).side) {
                pairs.push((u, t));
            }
        }
    }
    let Some(&(first, target)) = pairs.get(a as usize % pairs.len().max(1)) else {
        return garbage(view, a, b, c);
    };
    let mut attackers = vec![first];
    for (i, &(u, t)) in pairs.iter().enumerate() {
        if t == target && u != first && !attackers.contains(&u) && b >> (i % 32) & 1 == 1 {
            attackers.push(u);
        }
    }
    let artillery = own
        .iter()
        .copied()
        .filter(|&u| view.def(u).kind.artillery && !attackers.contains(&u) && c & 8 != 0)
        .collect();
    let support = Support {
        naval: c % 3,
        air: (c / 3) % 2,
        artillery,
    };
    Command::Attack {
        attackers,
        target,
        support,
        advance: c & 16 != 0,
    }
}

fn garbage(view: &GameView, a: u32, b: u32, c: u32) -> Command {
    let n = view.state.units.len() as u32;
    let unit = (a % (n + 3)) as UnitId;
    let coord = |x: u32| OffsetCoord((x % 11) as i32 - 1, ((x / 11) % 9) as i32 - 1);
    match b % 5 {
        0 => Command::Move { unit, path: vec![] },
        1 => Command::Move {
            unit,
            path: vec![coord(c), coord(c / 7)],
        },
        2 => Command::Attack {
            attackers: vec![unit, unit],
            target: coord(c),
            support: Support::default(),
            advance: true,
        },
        3 => Command::Attack {
            attackers: vec![unit],
            target: coord(c),
            support: Support {
                naval: c % 9,
                air: c % 5,
                artillery: vec![(c % (n + 2)) as UnitId],
            },
            advance: false,
        },
        _ => Command::Evacuate { unit },
    }
}

/// Check every invariant of a state; the first broken one, in words.
pub fn check_invariants(scenario: &Scenario, state: &State) -> Result<(), String> {
    let view = GameView::new(scenario, state);
    let limit = scenario.rules.stacking_steps;
    for u in &state.units {
        let name = &scenario.unit(u.id).name;
        match u.status {
            Status::OnMap => {
                let Some(at) = u.at else {
                    return Err(format!("{name} is on the map with no hex"));
                };
                let hex = at.to_hex();
                if scenario.map.index(hex).is_none() {
                    return Err(format!("{name} is off the map at {at}"));
                }
                if !scenario.is_land(hex) {
                    return Err(format!("{name} is in the sea at {at}"));
                }
                if u.steps == 0 {
                    return Err(format!("{name} is on the map with 0 steps"));
                }
            }
            Status::Pending | Status::Evacuated | Status::Eliminated | Status::Withdrawn => {
                if u.at.is_some() {
                    return Err(format!("{name} is {:?} but has a hex", u.status));
                }
            }
        }
        if u.steps > scenario.unit(u.id).max_steps {
            return Err(format!("{name} has more steps than it started with"));
        }
        if (u.status == Status::Eliminated) != (u.steps == 0) {
            return Err(format!(
                "{name}: status {:?} with {} steps",
                u.status, u.steps
            ));
        }
    }
    for i in 0..scenario.map.grid.len() {
        let hex = scenario.map.grid.hex_at(i);
        let here = view.units_at(hex);
        let allied = here.iter().any(|&u| view.def(u).side == Side::Allied);
        let axis = here.iter().any(|&u| view.def(u).side == Side::Axis);
        if allied && axis {
            return Err(format!("both sides in {}", OffsetCoord::from_hex(hex)));
        }
        for side in [Side::Allied, Side::Axis] {
            let steps = view.steps_at(hex, side);
            if steps > limit {
                return Err(format!(
                    "{steps} {side} steps in {} (limit {limit})",
                    OffsetCoord::from_hex(hex)
                ));
            }
        }
    }
    Ok(())
}

/// Play `choices` on a fresh game: returns the game and how many commands
/// were accepted. Panics (with the reason) if an invariant breaks or a
/// rejected command changed anything.
pub fn play(scenario: Arc<Scenario>, seed: u64, choices: &[Choice]) -> (Game, usize) {
    let mut g = Game::new(scenario.clone(), seed);
    if let Err(e) = check_invariants(&scenario, g.state()) {
        panic!("initial state: {e}");
    }
    let mut accepted = 0;
    for &choice in choices {
        let command = choose(&g, choice);
        let (hash, state_hash, log) = (g.hash(), g.state().hash(), g.log().len());
        match g.execute(command.clone()) {
            Ok(_) => {
                accepted += 1;
                assert_eq!(g.hash(), g.state().hash(), "logged hash after {command:?}");
                if let Err(e) = check_invariants(&scenario, g.state()) {
                    panic!("after {command:?}: {e}");
                }
                // Fog is only a filter: building either side's view changes nothing.
                let hash = g.hash();
                for side in [Side::Allied, Side::Axis] {
                    let seen = landfall::rules::fog::visible_state(&scenario, g.state(), side);
                    assert!(seen.units.len() == g.state().units.len());
                }
                assert_eq!(g.state().hash(), hash, "fog changed the state");
            }
            Err(_) => {
                assert_eq!(g.hash(), hash, "rejected {command:?} changed the hash");
                assert_eq!(
                    g.state().hash(),
                    state_hash,
                    "rejected {command:?} changed the state"
                );
                assert_eq!(g.log().len(), log, "rejected {command:?} was logged");
            }
        }
    }
    (g, accepted)
}
