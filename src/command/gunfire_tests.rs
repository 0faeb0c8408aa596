//! The naval gunfire plan for landings (`Command::AllotGunfire`,
//! `rules::gunfire`): the odds shown before the landings are the odds they
//! are fought on, whichever beach gets the points; the plan is validated,
//! hashed, undone and replayed; without one the fire stays automatic.

use crate::command::{Command, Event};
use crate::hex::OffsetCoord;
use crate::rules::gunfire::{forecast, LandingForecast};
use crate::rules::RejectionKind;
use crate::scenario::{builder::TestScenario, Entry, PhaseSpec, Scenario, Side};
use crate::sim::Game;
use std::sync::Arc;

/// Sea along row 0; beach "able" at (1,1) and beach "baker" at (5,1), each
/// held by an Axis regiment; one Allied regiment due over each on turn 2,
/// with 2 naval points that turn (at most 2 on one assault). An Allied
/// coastal battery ashore between them sees both defenders. No beach
/// shift, so that no column is cut at the table's edge.
fn two_beaches() -> Arc<Scenario> {
    TestScenario::new(&[".......", "ccccccc", "ccccccc"])
        .rules(|r| r.beach_assault_shift = 0)
        .support(|s| {
            s.naval_points = vec![0, 2];
            s.naval_range = 1;
            s.max_per_attack = 2;
        })
        .beach("able", &[(1, 1)], 9)
        .beach("baker", &[(5, 1)], 9)
        .unit("us_a", Side::Allied, "infantry", (1, 0))
        .arriving(2, vec![Entry::Beach(0)])
        .unit("us_b", Side::Allied, "infantry", (5, 0))
        .arriving(2, vec![Entry::Beach(1)])
        .unit("de_a", Side::Axis, "infantry", (1, 1))
        .unit("de_b", Side::Axis, "infantry", (5, 1))
        .unit("watch", Side::Allied, "coastal", (3, 1))
        .phases(vec![
            PhaseSpec::Arrivals(Side::Allied),
            PhaseSpec::Movement(Side::Allied),
            PhaseSpec::EndTurn,
        ])
        .build()
        .scenario
}

/// The column label each beach's assault was fought on, (able, baker).
fn fought(events: &[Event]) -> (String, String) {
    let at = |hex: OffsetCoord| {
        events
            .iter()
            .find_map(|e| match e {
                Event::Combat { target, column, .. } if *target == hex => Some(column.clone()),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no assault on {hex}: {events:?}"))
    };
    (at(OffsetCoord(1, 1)), at(OffsetCoord(5, 1)))
}

/// Play turn 1's movement phase with `plan`, then land: the forecast shown
/// before the landings and the events of the arrivals phase.
fn land_with(plan: &[(u16, u32)], seed: u64) -> (Game, Vec<LandingForecast>, Vec<Event>) {
    let mut g = Game::new(two_beaches(), seed);
    assert_eq!(g.phase(), PhaseSpec::Movement(Side::Allied));
    for &(beach, points) in plan {
        g.execute(Command::AllotGunfire { beach, points }).unwrap();
    }
    let shown = forecast(&g.view(), Side::Allied);
    let events = g.execute(Command::EndPhase).unwrap();
    (g, shown, events)
}

fn labels(f: &[LandingForecast]) -> (String, String) {
    assert_eq!(f.len(), 2, "{f:?}");
    (
        f[0].odds.column_label.clone(),
        f[1].odds.column_label.clone(),
    )
}

#[test]
fn the_points_go_where_the_plan_sends_them_and_the_odds_shown_are_the_odds_fought() {
    let (g, on_able, fought_able) = land_with(&[(0, 2), (1, 0)], 3);
    let (_, on_baker, fought_baker) = land_with(&[(1, 2)], 3);
    // The forecast is what the arrivals phase fought, beach by beach.
    assert_eq!(labels(&on_able), fought(&fought_able));
    assert_eq!(labels(&on_baker), fought(&fought_baker));
    // And the choice matters: two columns move from one beach to the other.
    assert_eq!((on_able[0].naval, on_able[1].naval), (2, 0));
    assert_eq!((on_baker[0].naval, on_baker[1].naval), (0, 2));
    assert_eq!(on_able[0].odds.column, on_baker[0].odds.column + 2);
    assert_eq!(on_baker[1].odds.column, on_able[1].odds.column + 2);
    // The fleet fired what the plan allotted, and the plan is used up.
    assert_eq!(g.state().support[0].naval, 0);
    assert_eq!(g.state().naval_plan, [None, None]);
}

#[test]
fn without_a_plan_the_fire_is_automatic_in_unit_order() {
    let (g, shown, events) = land_with(&[], 3);
    assert_eq!(labels(&shown), fought(&events));
    assert_eq!((shown[0].naval, shown[1].naval), (2, 0));
    assert_eq!(g.state().naval_plan, [None, None]);
}

#[test]
fn a_plan_beyond_the_points_or_outside_a_player_phase_is_refused() {
    let mut g = Game::new(two_beaches(), 3);
    g.execute(Command::AllotGunfire {
        beach: 0,
        points: 2,
    })
    .unwrap();
    let over = g
        .execute(Command::AllotGunfire {
            beach: 1,
            points: 1,
        })
        .unwrap_err();
    assert_eq!(over.kind, RejectionKind::Support);
    assert!(over.reason.contains("only 2"), "{}", over.reason);
    // Setting a beach again replaces its figure.
    g.execute(Command::AllotGunfire {
        beach: 0,
        points: 1,
    })
    .unwrap();
    g.execute(Command::AllotGunfire {
        beach: 1,
        points: 1,
    })
    .unwrap();
    assert_eq!(g.state().naval_plan[0], Some(vec![(0, 1), (1, 1)]));
    let nowhere = g
        .execute(Command::AllotGunfire {
            beach: 9,
            points: 0,
        })
        .unwrap_err();
    assert!(nowhere.reason.contains("no beach #9"), "{}", nowhere.reason);
    // The Axis side's view does not show the Allied plan.
    let axis = crate::rules::fog::visible_state(g.scenario(), g.state(), Side::Axis);
    assert_eq!(axis.naval_plan[0], None);
}

#[test]
fn a_plan_changes_the_hash_is_undone_and_replays_exactly() {
    let mut g = Game::new(two_beaches(), 5);
    let before = g.hash();
    g.execute(Command::AllotGunfire {
        beach: 1,
        points: 2,
    })
    .unwrap();
    assert_ne!(g.hash(), before, "the plan is part of the state");
    assert_eq!(g.state().hash(), g.hash());
    g.undo().unwrap();
    assert_eq!(g.hash(), before);
    assert_eq!(g.state().naval_plan[0], None);
    g.execute(Command::AllotGunfire {
        beach: 1,
        points: 2,
    })
    .unwrap();
    g.execute(Command::EndPhase).unwrap();
    let r = crate::replay::record(&g);
    assert_eq!(r.format, crate::replay::FORMAT);
    let text = crate::replay::to_ron(&r);
    let back = crate::replay::parse(std::path::Path::new("t.ron"), &text).unwrap();
    let v = crate::replay::verify(g.scenario(), &back).unwrap();
    assert_eq!(v.game.hash(), g.hash());
}

#[test]
fn the_computer_plans_its_fire_by_its_own_rule() {
    // The defender of "baker" is weaker: with no fire its assault has the
    // better odds, so the computer sends both points to "able".
    let s = {
        let mut s = (*two_beaches()).clone();
        let de_b = s.unit_id("de_b").unwrap();
        s.units[de_b as usize].defence = 2;
        Arc::new(s)
    };
    let mut g = Game::new(s, 3);
    let params = crate::ai::AiLevels::builtin().levels["normal"].clone();
    let mut ai = crate::ai::Ai::new(params);
    let mut sent = Vec::new();
    loop {
        let c = ai.next_command(&g);
        if c == Command::EndPhase {
            break;
        }
        g.execute(c.clone()).unwrap();
        sent.push(c);
    }
    assert_eq!(
        sent,
        vec![
            Command::AllotGunfire {
                beach: 1,
                points: 0
            },
            Command::AllotGunfire {
                beach: 0,
                points: 2
            }
        ]
    );
    let shown = forecast(&g.view(), Side::Allied);
    let events = g.execute(Command::EndPhase).unwrap();
    assert_eq!(labels(&shown), fought(&events));
    assert_eq!(ai.illegal_proposals(), 0);
}
