//! Who may cross the strait, and what the steps that get away are worth.

use super::*;
use crate::scenario::builder::TestScenario;
use crate::scenario::schema::{
    EmbarkationSpec, EvacuationScoreSpec, EvacuationSpec, EvacuationWindowSpec, PlaceKind,
};

/// One row of clear hexes: "messina" at (2,0) and "faro" at (3,0) with
/// room for 3 steps each; the German ferries run on turns 3-4 (6 steps a
/// turn), the Italians' on turn 4 only (3 steps). Germans score 1 VP a
/// step, Italians none, and only units that fought.
fn strait() -> TestScenario {
    let port = |place: &str| EmbarkationSpec {
        place: place.into(),
        steps_per_turn: 3,
    };
    let window = |from_turn, until_turn, steps_per_turn, nation: &str| EvacuationWindowSpec {
        from_turn,
        until_turn,
        steps_per_turn,
        nations: vec![nation.into()],
    };
    TestScenario::new(&["cccc"])
        .turns(6)
        .place("messina", PlaceKind::Port, (2, 0))
        .place("faro", PlaceKind::Port, (3, 0))
        .evacuation(EvacuationSpec {
            ports: vec![port("messina"), port("faro")],
            windows: vec![window(3, 4, 6, "DE"), window(4, 4, 3, "IT")],
            scoring: vec![
                EvacuationScoreSpec {
                    nation: "DE".into(),
                    vp_per_step: 1,
                },
                EvacuationScoreSpec {
                    nation: "IT".into(),
                    vp_per_step: 0,
                },
            ],
            only_units_that_fought: true,
        })
}

fn reason(view: &GameView, unit: UnitId) -> String {
    check(view, unit).map_or_else(|r| r.reason, |()| "ok".into())
}

/// `unit` crossed this turn from the hex it stands on.
fn cross(state: &mut State, unit: UnitId) {
    let u = &mut state.units[unit as usize];
    u.status = Status::Evacuated;
    u.entered_turn = state.turn;
}

#[test]
fn legacy_evacuation_needs_a_marked_port_a_wait_and_ferry_room() {
    let t = TestScenario::new(&["ccc"])
        .rules(|r| r.evacuation_steps_per_turn = 4)
        .place("messina", PlaceKind::Port, (2, 0))
        .with_place(|p| p.evacuation = true)
        .unit("a", Side::Axis, "infantry", (2, 0))
        .unit("b", Side::Axis, "infantry", (2, 0))
        .unit("c", Side::Axis, "infantry", (0, 0))
        .unit("d", Side::Axis, "infantry", (2, 0))
        .build();
    let mut state = t.state.clone();
    state.turn = 3;
    let id = |n| t.scenario.unit_id(n).unwrap();
    let v = GameView::new(&t.scenario, &state);
    assert_eq!(reason(&v, id("c")), "c is not at an evacuation port");
    assert_eq!(reason(&v, id("a")), "ok");
    state.units[id("b") as usize].entered_turn = 3;
    let v = GameView::new(&t.scenario, &state);
    assert_eq!(
        reason(&v, id("b")),
        "b reached the port this turn and must wait a turn for the ferries"
    );
    cross(&mut state, id("d"));
    let v = GameView::new(&t.scenario, &state);
    assert_eq!(
        reason(&v, id("a")),
        "the ferries can carry 1 more steps this turn; a has 3"
    );
}

#[test]
fn the_ferries_run_only_in_their_nations_windows() {
    let t = strait()
        .unit("de", Side::Axis, "infantry", (2, 0))
        .with(|u| u.nation = "DE".into())
        .unit("it", Side::Axis, "infantry", (3, 0))
        .with(|u| u.nation = "IT".into())
        .build();
    let mut state = t.state.clone();
    let id = |n| t.scenario.unit_id(n).unwrap();
    let mut seen = Vec::new();
    for turn in 2..=5 {
        state.turn = turn;
        let v = GameView::new(&t.scenario, &state);
        seen.push((turn, reason(&v, id("de")), reason(&v, id("it"))));
    }
    let s = |x: &str| x.to_string();
    assert_eq!(
        seen,
        vec![
            (
                2,
                s("the ferries do not run for de until turn 3"),
                s("the ferries do not run for it until turn 4")
            ),
            (3, s("ok"), s("the ferries do not run for it until turn 4")),
            (4, s("ok"), s("ok")),
            (
                5,
                s("the ferries no longer run for de"),
                s("the ferries no longer run for it")
            ),
        ]
    );
}

#[test]
fn each_embarkation_point_loads_only_its_own_capacity() {
    let t = strait()
        .unit("a", Side::Axis, "infantry", (2, 0))
        .with(|u| u.nation = "DE".into())
        .unit("b", Side::Axis, "infantry", (2, 0))
        .with(|u| u.nation = "DE".into())
        .unit("c", Side::Axis, "infantry", (3, 0))
        .with(|u| u.nation = "DE".into())
        .unit("d", Side::Axis, "infantry", (3, 0))
        .with(|u| u.nation = "DE".into())
        .build();
    let mut state = t.state.clone();
    state.turn = 3;
    let id = |n| t.scenario.unit_id(n).unwrap();
    cross(&mut state, id("a"));
    let v = GameView::new(&t.scenario, &state);
    // Messina has loaded its 3 steps; Faro has room, and so do the ferries.
    assert_eq!(
        reason(&v, id("b")),
        "messina can load 0 more steps this turn; b has 3"
    );
    assert_eq!(reason(&v, id("c")), "ok");
    cross(&mut state, id("c"));
    let v = GameView::new(&t.scenario, &state);
    // The window's 6 steps are used up now, whatever the port.
    assert_eq!(
        reason(&v, id("d")),
        "the ferries can carry 0 more steps this turn; d has 3"
    );
    // Next turn both have room again.
    state.turn = 4;
    let v = GameView::new(&t.scenario, &state);
    assert_eq!(
        (reason(&v, id("b")), reason(&v, id("d"))),
        (s("ok"), s("ok"))
    );
}

fn s(x: &str) -> String {
    x.to_string()
}

#[test]
fn steps_score_at_their_nations_rate_and_only_if_they_fought() {
    let t = strait()
        .unit("de_fought", Side::Axis, "infantry", (2, 0))
        .with(|u| u.nation = "DE".into())
        .unit("de_fresh", Side::Axis, "infantry", (2, 0))
        .with(|u| u.nation = "DE".into())
        .unit("it_fought", Side::Axis, "infantry", (3, 0))
        .with(|u| u.nation = "IT".into())
        .unit("de_on_map", Side::Axis, "infantry", (3, 0))
        .with(|u| u.nation = "DE".into())
        .build();
    let mut state = t.state.clone();
    state.turn = 4;
    let id = |n| t.scenario.unit_id(n).unwrap();
    for n in ["de_fought", "it_fought", "de_on_map"] {
        state.units[id(n) as usize].fought = true;
    }
    for n in ["de_fought", "de_fresh", "it_fought"] {
        cross(&mut state, id(n));
    }
    let worth = |n| vp_of(&t.scenario, state.unit(id(n)));
    assert_eq!(
        [
            worth("de_fought"),
            worth("de_fresh"),
            worth("it_fought"),
            worth("de_on_map")
        ],
        [3, 0, 0, 0]
    );
    assert_eq!(vp(&t.scenario, &state), 3);
}

#[test]
fn without_a_plan_every_evacuated_step_scores_the_scenario_rate() {
    let t = TestScenario::new(&["ccc"])
        .place("messina", PlaceKind::Port, (2, 0))
        .with_place(|p| p.evacuation = true)
        .unit("a", Side::Axis, "infantry", (2, 0))
        .unit("b", Side::Axis, "infantry", (2, 0))
        .build();
    let mut state = t.state.clone();
    state.turn = 2;
    cross(&mut state, t.scenario.unit_id("a").unwrap());
    assert_eq!(vp(&t.scenario, &state), 3);
}
