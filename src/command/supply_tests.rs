use super::*;
use crate::command::Command;
use crate::hex::Hex;
use crate::hex::OffsetCoord;
use crate::rules::supply::*;
use crate::scenario::{
    builder::TestScenario,
    schema::{PlaceKind, SupplySource},
    PhaseSpec, Side,
};
use crate::sim::Game;

fn h(c: i32, r: i32) -> Hex {
    OffsetCoord(c, r).to_hex()
}

/// A strip of coast: beach at (0,1), the US regiment inland at (4,1).
fn strip() -> TestScenario {
    TestScenario::new(&["ccccccc", "ccccccc", "ccccccc"])
        .supply(|s| {
            s.trace_mp = 20;
            s.attrition_after_turns = 2;
            s.sources = vec![SupplySource {
                side: Side::Allied,
                at: "dime".into(),
            }];
        })
        .beach("dime", &[(0, 1)], 6)
        .unit("us", Side::Allied, "infantry", (4, 1))
}

/// A clear map of `rows`, the Allies supplied from the beaches named (to be
/// added with `.beach`), `trace_mp` MP of trace, 4 steps per point of beach
/// capacity.
fn from_beaches(rows: &[&str], trace_mp: u32, beaches: &[&str]) -> TestScenario {
    let beaches: Vec<String> = beaches.iter().map(|b| (*b).to_string()).collect();
    TestScenario::new(rows).supply(move |s| {
        s.trace_mp = trace_mp;
        s.beach_supply_factor = 4;
        s.sources = beaches
            .iter()
            .map(|b| SupplySource {
                side: Side::Allied,
                at: b.clone(),
            })
            .collect();
    })
}

/// The ids of the units `names`, sorted as `supplied_units` returns them.
fn ids(t: &crate::scenario::builder::Built, names: &[&str]) -> Vec<crate::scenario::UnitId> {
    let mut v: Vec<_> = names
        .iter()
        .map(|n| t.scenario.unit_id(n).unwrap())
        .collect();
    v.sort_unstable();
    v
}

#[test]
fn supply_trace_reaches_a_unit_from_its_beach() {
    let t = strip().build();
    let v = t.view();
    let cost = trace(&v, Side::Allied);
    let i = t.scenario.map.index(h(4, 1)).unwrap();
    assert_eq!(cost[i], 8, "4 clear hexes at 2 MP");
}

#[test]
fn supply_trace_cut_by_an_enemy_unit() {
    // A German screen across the strip: column 2, all three rows.
    let t = strip()
        .unit("de1", Side::Axis, "infantry", (2, 0))
        .unit("de2", Side::Axis, "infantry", (2, 2))
        .build();
    let v = t.view();
    let cost = trace(&v, Side::Allied);
    let i = t.scenario.map.index(h(4, 1)).unwrap();
    assert_eq!(cost[i], u32::MAX);
}

#[test]
fn a_unit_cut_from_its_beach_by_enemy_zoc_loses_a_step_after_2_turns() {
    let t = strip()
        .unit("de1", Side::Axis, "infantry", (2, 0))
        .unit("de2", Side::Axis, "infantry", (2, 2))
        .phases(vec![
            PhaseSpec::Supply(Side::Allied),
            PhaseSpec::Movement(Side::Allied),
            PhaseSpec::EndTurn,
        ])
        .build();
    let mut game = Game::new(t.scenario.clone(), 1);
    let us = t.scenario.unit_id("us").unwrap();
    // Turn 1 supply phase ran at start: out of supply, 1 turn.
    assert!(game.state().unit(us).supply.out_of_supply);
    assert_eq!(game.state().unit(us).supply.turns_out, 1);
    assert_eq!(game.state().unit(us).steps, 3);
    game.execute(Command::EndPhase).unwrap(); // end movement → end turn → turn 2 supply
    assert_eq!(game.state().turn, 2);
    assert_eq!(game.state().unit(us).supply.turns_out, 2);
    assert_eq!(
        game.state().unit(us).steps,
        2,
        "a step lost after 2 turns out of supply"
    );
}

#[test]
fn a_captured_port_becomes_a_supply_source_the_next_turn() {
    let t = TestScenario::new(&["ccccc"])
        .place("licata", PlaceKind::Port, (0, 0))
        .unit("us", Side::Allied, "infantry", (0, 0))
        .build();
    let mut state = t.state.clone();
    state.control[0] = Side::Allied;
    state.control_since[0] = 3;
    state.turn = 3;
    assert!(sources(&GameView::new(&t.scenario, &state), Side::Allied).is_empty());
    state.turn = 4;
    assert_eq!(
        sources(&GameView::new(&t.scenario, &state), Side::Allied),
        vec![h(0, 0)]
    );
}

#[test]
fn supply_is_computed_with_one_search_per_side() {
    let t = strip()
        .unit("us2", Side::Allied, "infantry", (3, 0))
        .unit("us3", Side::Allied, "infantry", (5, 2))
        .build();
    let mut state = t.state.clone();
    TRACES.with(|c| c.set(0));
    let mut events = Vec::new();
    supply_phase(&t.scenario, &mut state, Side::Allied, &mut events);
    assert_eq!(TRACES.with(|c| c.get()), 1, "three units, one search");
}

#[test]
fn beach_capacity_declines_after_the_first_turns() {
    let t = strip()
        .supply(|s| {
            s.beach_full_turns = 2;
            s.beach_decline_per_turn = 2;
            s.beach_min_capacity = 1;
        })
        .build();
    let caps: Vec<u32> = (1..=6)
        .map(|turn| beach_capacity(&t.scenario, 0, turn))
        .collect();
    assert_eq!(caps, vec![6, 6, 4, 2, 1, 1]);
}

#[test]
fn a_depot_stops_supplying_once_the_enemy_holds_it() {
    let t = TestScenario::new(&["ccccc"])
        .place("palermo", PlaceKind::City, (0, 0))
        .supply(|s| {
            s.sources = vec![SupplySource {
                side: Side::Axis,
                at: "palermo".into(),
            }]
        })
        .unit("de", Side::Axis, "infantry", (3, 0))
        .build();
    let mut state = t.state.clone();
    assert_eq!(
        sources(&GameView::new(&t.scenario, &state), Side::Axis),
        vec![h(0, 0)]
    );
    state.control[0] = Side::Allied;
    assert!(sources(&GameView::new(&t.scenario, &state), Side::Axis).is_empty());
}

#[test]
fn a_beach_supplies_only_as_many_steps_as_its_capacity_allows() {
    // Capacity 2 × factor 4 = 8 steps: the two nearest regiments (3 steps each)
    // are supplied, the third (farthest) is not.
    let t = from_beaches(&["ccccccc", "ccccccc", "ccccccc"], 20, &["dime"])
        .beach("dime", &[(0, 1)], 2)
        .unit("near", Side::Allied, "infantry", (1, 1))
        .unit("mid", Side::Allied, "infantry", (2, 1))
        .unit("far", Side::Allied, "infantry", (5, 1))
        .build();
    assert_eq!(
        supplied_units(&t.view(), Side::Allied),
        ids(&t, &["near", "mid"])
    );
}

#[test]
fn capacity_left_is_what_a_beach_keeps_after_feeding_its_units() {
    // Capacity 3 x 4 = 12 steps; two regiments of 3 steps draw 6.
    let t = from_beaches(&["ccccccc", "ccccccc", "ccccccc"], 20, &["dime"])
        .beach("dime", &[(0, 1)], 3)
        .unit("near", Side::Allied, "infantry", (1, 1))
        .unit("mid", Side::Allied, "infantry", (2, 1))
        .build();
    let left = capacity_left(&t.view(), Side::Allied);
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].0.hex, h(0, 1));
    assert_eq!(left[0].1, Some(6));
}

#[test]
fn every_open_hex_of_a_beach_supplies_and_they_share_its_capacity() {
    // Beach along column 0, rows 0-4. An enemy regiment at (1,0) puts the
    // beach's first hexes in its zone of control; the trace must still start
    // from the free hexes further down (it used to start only from the first
    // open hex, so one enemy unit cut off the whole beach). Capacity 2 x 4 = 8
    // steps is shared: two of the three regiments (3 steps each) are supplied.
    let t = from_beaches(&["ccccccc"; 5], 20, &["dime"])
        .beach("dime", &[(0, 0), (0, 1), (0, 2), (0, 3), (0, 4)], 2)
        .unit("de", Side::Axis, "infantry", (1, 0))
        .unit("a", Side::Allied, "infantry", (2, 4))
        .unit("b", Side::Allied, "infantry", (3, 4))
        .unit("c", Side::Allied, "infantry", (4, 4))
        .build();
    let v = t.view();
    let sources = supply_sources(&v, Side::Allied);
    assert_eq!(sources.len(), 5, "every beach hex is a source");
    assert!(sources.iter().all(|s| s.pool == sources[0].pool));
    assert_eq!(supplied_units(&v, Side::Allied), ids(&t, &["a", "b"]));
}

#[test]
fn units_an_exhausted_beach_turns_away_draw_from_the_next_source_in_reach() {
    // Two beaches at the ends of a strip: "west" (capacity 1 x 4 = 4 steps)
    // and "east" (12 steps); trace 12 MP, clear terrain 2 MP a hex.
    let t = from_beaches(&["ccccccccccc"; 3], 12, &["west", "east"])
        .beach("west", &[(0, 1)], 1)
        .beach("east", &[(10, 1)], 3)
        .unit("a", Side::Allied, "infantry", (1, 1))
        .unit("b", Side::Allied, "infantry", (2, 1))
        .unit("c", Side::Allied, "infantry", (0, 2))
        .build();
    let v = t.view();
    let id = |n| t.scenario.unit_id(n).unwrap();
    // a and c are 2 MP from west, b 4 MP. a is fed (4 -> 1 step left), c
    // is turned away and west closes; b and c trace again to east alone:
    // both are out of its 12 MP reach.
    assert_eq!(supplied_units(&v, Side::Allied), ids(&t, &["a"]));
    // b at (4,1): still nearer west (8 MP) than east (12 MP), so only the
    // second trace feeds it, from east.
    let mut state = t.state.clone();
    state.units[id("b") as usize].at = Some(OffsetCoord(4, 1));
    let v = GameView::new(&t.scenario, &state);
    assert_eq!(supplied_units(&v, Side::Allied), ids(&t, &["a", "b"]));
}

/// Run `phases` supply phases of the Allies on `state`; after each, the
/// (out of supply, turns out, steps) of `unit`.
fn supply_phases(
    t: &crate::scenario::builder::Built,
    state: &mut State,
    unit: &str,
    phases: usize,
) -> Vec<(bool, u32, u32)> {
    let id = t.scenario.unit_id(unit).unwrap();
    (0..phases)
        .map(|_| {
            let mut events = Vec::new();
            supply_phase(&t.scenario, state, Side::Allied, &mut events);
            let u = state.unit(id);
            (u.supply.out_of_supply, u.supply.turns_out, u.steps)
        })
        .collect()
}

#[test]
fn a_unit_on_short_rations_is_out_of_supply_but_loses_no_steps() {
    // Beach capacity 1 x 4 = 4 steps: "near" (3 steps, 2 MP away) is fed,
    // "far" (3 steps, 8 MP away, well inside the 20 MP trace) is turned
    // away. Out of supply for four phases with attrition every 2: only an
    // isolated unit would have lost 2 steps by now.
    let t = from_beaches(&["ccccccc"; 3], 20, &["dime"])
        .supply(|s| s.attrition_after_turns = 2)
        .beach("dime", &[(0, 1)], 1)
        .unit("near", Side::Allied, "infantry", (1, 1))
        .unit("far", Side::Allied, "infantry", (4, 1))
        .build();
    let i = t.scenario.map.index(h(4, 1)).unwrap();
    assert_eq!(trace(&t.view(), Side::Allied)[i], 8, "the trace reaches it");
    assert_eq!(supplied_units(&t.view(), Side::Allied), ids(&t, &["near"]));
    let mut state = t.state.clone();
    assert_eq!(
        supply_phases(&t, &mut state, "far", 4),
        vec![(true, 0, 3); 4],
        "short rations: out of supply, no turns counted, no step lost"
    );
    let near = state.unit(t.scenario.unit_id("near").unwrap());
    assert!(!near.supply.out_of_supply);
    assert_eq!(near.steps, 3);
}

#[test]
fn an_isolated_unit_loses_a_step_every_attrition_after_turns_phases() {
    // The German screen of `supply_trace_cut_by_an_enemy_unit`: no trace
    // reaches "us" at all. Attrition every 2 phases: 3 steps, then 2 after
    // the second phase and 1 after the fourth.
    let t = strip()
        .unit("de1", Side::Axis, "infantry", (2, 0))
        .unit("de2", Side::Axis, "infantry", (2, 2))
        .build();
    let mut state = t.state.clone();
    assert_eq!(
        supply_phases(&t, &mut state, "us", 4),
        vec![(true, 1, 3), (true, 2, 2), (true, 3, 2), (true, 4, 1)]
    );
}

#[test]
fn an_isolated_unit_starts_counting_afresh_once_the_trace_reaches_it() {
    // Cut off for one phase (1 turn out), then the screen's northern unit
    // leaves (taken off the map as an evacuation does): the unit is traced
    // again and its count is back to 0. The screen returns: being cut off
    // again costs no step before 2 more phases.
    let t = strip()
        .unit("de1", Side::Axis, "infantry", (2, 0))
        .unit("de2", Side::Axis, "infantry", (2, 2))
        .build();
    let de1 = t.scenario.unit_id("de1").unwrap() as usize;
    let mut state = t.state.clone();
    assert_eq!(supply_phases(&t, &mut state, "us", 1), vec![(true, 1, 3)]);
    let screen = state.units[de1].clone();
    state.units[de1].status = Status::Evacuated;
    state.units[de1].at = None;
    assert_eq!(supply_phases(&t, &mut state, "us", 1), vec![(false, 0, 3)]);
    state.units[de1] = screen;
    assert_eq!(
        supply_phases(&t, &mut state, "us", 2),
        vec![(true, 1, 3), (true, 2, 2)]
    );
}
