use super::*;
use crate::command::Event;
use crate::rules::amphibious::*;
use crate::rules::combat;
use crate::rules::combat::ShiftReason;
use crate::scenario::{builder::TestScenario, Entry, Side};
use crate::sim::Game;

fn events_of(g: &Game) -> Vec<Event> {
    // Game::new swallows the setup events; re-run the start on a fresh state.
    let mut state = crate::sim::state::State::new(g.scenario(), g.seed());
    crate::command::start_game(g.scenario(), &mut state)
}

#[test]
fn capacity_counts_steps_and_lets_a_big_unit_land_alone() {
    assert!(capacity_allows(0, 4, 3));
    assert!(!capacity_allows(3, 4, 3));
    assert!(capacity_allows(3, 6, 3));
    // Larger than the whole beach: only alone, on an unused beach.
    assert!(capacity_allows(0, 2, 3));
    assert!(!capacity_allows(1, 2, 3));
}

#[test]
fn beach_capacity_delays_the_second_unit_a_turn() {
    let t = TestScenario::new(&["....", "cccc", "cccc"])
        .beach("dime", &[(0, 1), (1, 1)], 4)
        .unit("a1", Side::Allied, "infantry", (0, 0))
        .arriving(1, vec![Entry::Beach(0)])
        .unit("a2", Side::Allied, "infantry", (0, 0))
        .arriving(1, vec![Entry::Beach(0)])
        .unit("de", Side::Axis, "infantry", (3, 2))
        .build();
    let g = Game::new(t.scenario.clone(), 7);
    let (a1, a2) = (
        t.scenario.unit_id("a1").unwrap(),
        t.scenario.unit_id("a2").unwrap(),
    );
    assert_eq!(g.state().unit(a1).at, Some(OffsetCoord(0, 1)));
    assert_eq!(g.state().unit(a2).status, Status::Pending);
    assert_eq!(g.state().unit(a2).delayed_to, 2);
    assert_eq!(g.state().beach_used, vec![3]);
    assert_eq!(g.state().draws, 0);
}

#[test]
fn a_full_beach_is_blocked_and_the_landing_waits() {
    let t = TestScenario::new(&["...", "ccc", "ccc"])
        .rules(|r| r.stacking_steps = 3)
        .beach("dime", &[(0, 1)], 9)
        .unit("a0", Side::Allied, "infantry", (0, 1))
        .unit("a1", Side::Allied, "infantry", (0, 0))
        .arriving(1, vec![Entry::Beach(0)])
        .unit("de", Side::Axis, "infantry", (2, 2))
        .build();
    let a1 = t.scenario.unit_id("a1").unwrap();
    assert_eq!(approach(&t.view(), a1, 0), Approach::Blocked);
    let g = Game::new(t.scenario.clone(), 7);
    assert_eq!(g.state().unit(a1).status, Status::Pending);
    assert!(events_of(&g).contains(&Event::Delayed {
        unit: a1,
        until: 2,
        reason: "every entry point is blocked".into()
    }));
}

fn zoc_landing() -> (crate::scenario::builder::Built, UnitId, UnitId) {
    // Beach (1,1) next to an Axis regiment dug in on the hills at (2,1).
    let t = TestScenario::new(&["....", ".chc", ".ccc"])
        .beach("dime", &[(1, 1)], 9)
        .support(|s| {
            s.naval_points = vec![2, 1];
            s.naval_range = 1;
            s.max_per_attack = 3;
        })
        .unit("us", Side::Allied, "infantry", (0, 0))
        .arriving(1, vec![Entry::Beach(0)])
        .unit("de", Side::Axis, "infantry", (2, 1))
        .with(|u| u.defence = 3)
        .build();
    let us = t.scenario.unit_id("us").unwrap();
    let de = t.scenario.unit_id("de").unwrap();
    (t, us, de)
}

#[test]
fn landing_into_an_enemy_zoc_triggers_an_assault_with_the_beach_shift() {
    let (t, us, de) = zoc_landing();
    // The odds the resolver uses, computed with the unit ashore on (1,1).
    let mut ashore = t.state.clone();
    crate::command::arrivals::place(&t.scenario, &mut ashore, us, OffsetCoord(1, 1).to_hex());
    ashore.support[0].naval = 2;
    let view = GameView::new(&t.scenario, &ashore);
    assert_eq!(
        approach(&GameView::new(&t.scenario, &t.state), us, 0),
        Approach::IntoZoc {
            land: OffsetCoord(1, 1).to_hex(),
            target: OffsetCoord(2, 1).to_hex()
        }
    );
    let support = combat::Support {
        naval: 2,
        ..Default::default()
    };
    let odds = combat::odds(&view, &[us], OffsetCoord(2, 1).to_hex(), &support, true).unwrap();
    let shifts: Vec<(ShiftReason, i32)> =
        odds.shifts.iter().map(|s| (s.reason, s.columns)).collect();
    assert_eq!(
        shifts,
        vec![
            (ShiftReason::Terrain, -1),
            (ShiftReason::NavalGunfire, 2),
            (ShiftReason::BeachAssault, -2)
        ]
    );
    // 6 against 3 is 2:1; -1 column in all: 1:1.
    assert_eq!(
        (odds.attack, odds.defence, odds.column_label.as_str()),
        (6, 3, "1:1")
    );

    // Seed 0 rolls a 4: R1 on the 1:1 column.
    let g = Game::new(t.scenario.clone(), 0);
    let events = events_of(&g);
    let combat = events.iter().find_map(|e| match e {
        Event::Combat {
            attackers,
            target,
            column,
            die,
            result,
        } => Some((
            attackers.clone(),
            *target,
            column.clone(),
            *die,
            result.to_string(),
        )),
        _ => None,
    });
    assert_eq!(
        combat,
        Some((
            vec![us],
            OffsetCoord(2, 1),
            "1:1".to_string(),
            4,
            "R1".to_string()
        ))
    );
    assert!(events.contains(&Event::Landed {
        unit: us,
        beach: 0,
        at: OffsetCoord(1, 1)
    }));
    assert_eq!(g.state().unit(us).at, Some(OffsetCoord(1, 1)));
    assert_eq!(g.state().unit(us).steps, 3);
    assert_eq!(g.state().unit(de).steps, 3);
    // It falls back away from the landing, to the only hex out of Allied ZOC.
    assert_eq!(g.state().unit(de).at, Some(OffsetCoord(3, 1)));
    assert_eq!(g.state().draws, 1);
    // The naval gunfire was spent from the pool.
    assert_eq!(g.state().support[0].naval, 0);
}

#[test]
fn a_defended_beach_that_holds_keeps_the_landing_at_sea() {
    // The only beach hex is held by the Axis; the landing fights from the sea.
    let t = TestScenario::new(&["...", ".cc", "..."])
        .beach("dime", &[(1, 1)], 9)
        .unit("us", Side::Allied, "infantry", (0, 0))
        .arriving(1, vec![Entry::Beach(0)])
        .unit("de", Side::Axis, "infantry", (1, 1))
        .build();
    let us = t.scenario.unit_id("us").unwrap();
    let de = t.scenario.unit_id("de").unwrap();
    assert_eq!(
        approach(&t.view(), us, 0),
        Approach::Defended(OffsetCoord(1, 1).to_hex())
    );
    // Seed 0 rolls a 4: A1 on the 1:2 column.
    let g = Game::new(t.scenario.clone(), 0);
    let events = events_of(&g);
    let die = events.iter().find_map(|e| match e {
        Event::Combat {
            column,
            die,
            result,
            ..
        } => Some((column.clone(), *die, result.to_string())),
        _ => None,
    });
    // 6:6 is 1:1, the beach shift -2 puts it on the first column, 1:2.
    assert_eq!(die, Some(("1:2".to_string(), 4, "A1".to_string())));
    assert_eq!(g.state().unit(us).status, Status::Pending);
    assert_eq!(g.state().unit(us).steps, 2);
    assert_eq!(g.state().unit(us).delayed_to, 2);
    assert_eq!(g.state().unit(de).at, Some(OffsetCoord(1, 1)));
    assert!(events.contains(&Event::Delayed {
        unit: us,
        until: 2,
        reason: "the assault on the beach was thrown back".into()
    }));
}

#[test]
fn a_defended_beach_cleared_by_the_assault_takes_the_landing() {
    let t = TestScenario::new(&["...", ".cc", "..."])
        .beach("dime", &[(1, 1)], 9)
        .unit("us", Side::Allied, "infantry", (0, 0))
        .arriving(1, vec![Entry::Beach(0)])
        .unit("de", Side::Axis, "infantry", (1, 1))
        .with(|u| u.defence = 1)
        .build();
    let us = t.scenario.unit_id("us").unwrap();
    let de = t.scenario.unit_id("de").unwrap();
    // Seed 14 rolls a 5: 6 against 1 is 6:1, the beach shift makes it 4:1: D2R1.
    let g = Game::new(t.scenario.clone(), 14);
    let events = events_of(&g);
    assert!(events.contains(&Event::Combat {
        attackers: vec![us],
        target: OffsetCoord(1, 1),
        column: "4:1".into(),
        die: 5,
        result: "D2R1".parse().unwrap(),
    }));
    assert_eq!(g.state().unit(de).steps, 1);
    assert_eq!(g.state().unit(de).at, Some(OffsetCoord(2, 1)));
    assert_eq!(g.state().unit(us).at, Some(OffsetCoord(1, 1)));
    assert_eq!(g.state().unit(us).status, Status::OnMap);
    assert_eq!(g.state().beach_used, vec![3]);
}

/// For every CRT column and die face, the odds a player is shown for a beach
/// assault (`assault_odds`, before the arrivals phase) are the ones the
/// landing is fought on: same column, the result of the face rolled, and the
/// losses `losses_of` gives, to the unit at sea and to the defender.
#[test]
fn assault_preview_and_resolution_agree_on_every_column_and_face() {
    use rand::SeedableRng;
    let columns = TestScenario::new(&["c"]).build().scenario.crt.columns.len();
    for column in 0..columns {
        let mut faces_seen = [false; 6];
        for seed in 0..400u64 {
            if faces_seen.iter().all(|&f| f) {
                break;
            }
            // A regiment of defence 6 holds the beach hex (1,1); the unit at
            // sea attacks at 6 × the column's ratio; the beach's -2 columns
            // and 2 points of naval gunfire (spent by the same rule in the
            // preview and the landing) cancel out.
            let t = TestScenario::new(&["...", ".cc", ".cc"])
                .rules(|r| r.beach_assault_shift = -2)
                .support(|s| {
                    s.naval_points = vec![2];
                    s.naval_range = 3;
                    s.max_per_attack = 2;
                })
                .beach("dime", &[(1, 1)], 9)
                .unit("us", Side::Allied, "infantry", (0, 0))
                .arriving(1, vec![Entry::Beach(0)])
                .unit("de", Side::Axis, "infantry", (1, 1))
                .build();
            let (s, mut state) = (t.scenario, t.state);
            let us = s.unit_id("us").unwrap();
            let de = s.unit_id("de").unwrap();
            let (num, den) = s.crt.columns[column].odds;
            let mut s2 = (*s).clone();
            s2.units[us as usize].attack = 6 * num / den;
            let s = std::sync::Arc::new(s2);
            state.rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
            crate::command::start_turn(&s, &mut state);
            state.sync_index(&s);
            let (target, preview) =
                assault_odds(&GameView::new(&s, &state), us, 0).expect("a defended beach");
            assert_eq!(target, OffsetCoord(1, 1).to_hex());
            assert_eq!(preview.column, column);
            let (a0, d0) = (
                state.units[us as usize].steps,
                state.units[de as usize].steps,
            );
            let mut events = Vec::new();
            land(&s, &mut state, us, 0, &mut events);
            let die = crate::command::fight_check::assert_fight_matches_preview(
                &s,
                &state,
                &events,
                &preview,
                (us, a0),
                (de, d0),
            );
            faces_seen[die as usize - 1] = true;
        }
        assert!(
            faces_seen.iter().all(|&f| f),
            "column {column}: faces {faces_seen:?}"
        );
    }
}
