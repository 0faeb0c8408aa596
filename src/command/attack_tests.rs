//! Attacks, retreats and advances on maps of a few hexes.

use super::*;
use crate::hex::Hex;
use crate::scenario::{builder::TestScenario, CrtResult, Side};
use std::sync::Arc;

fn h(c: i32, r: i32) -> Hex {
    OffsetCoord(c, r).to_hex()
}

/// Build `t` with every die face of every column giving `result`.
fn with_crt(t: TestScenario, result: &str, step_vp: u32) -> (Arc<Scenario>, State) {
    let mut t = t.build();
    let s = Arc::get_mut(&mut t.scenario).expect("sole owner");
    let r: CrtResult = result.parse().expect("notation");
    for c in &mut s.crt.columns {
        c.results = vec![r; 6];
    }
    s.victory.eliminated_step_vp = step_vp;
    (t.scenario, t.state)
}

fn id(s: &Scenario, name: &str) -> UnitId {
    s.unit_id(name).expect("unit")
}

fn attack(s: &Scenario, state: &mut State, attackers: &[&str], target: (i32, i32)) -> Vec<Event> {
    let ids: Vec<UnitId> = attackers.iter().map(|a| id(s, a)).collect();
    apply(
        s,
        state,
        &ids,
        OffsetCoord(target.0, target.1),
        &Default::default(),
        true,
    )
}

#[test]
fn a_static_unit_loses_a_step_instead_of_retreating() {
    let t = TestScenario::new(&["ccc", "ccc"])
        .unit("us", Side::Allied, "infantry", (0, 0))
        .unit("bty", Side::Axis, "coastal", (1, 0));
    let (s, mut state) = with_crt(t, "R1", 0);
    state.units[id(&s, "bty") as usize].steps = 2;
    let events = attack(&s, &mut state, &["us"], (1, 0));
    let bty = id(&s, "bty");
    assert!(events.contains(&Event::RetreatBlocked { unit: bty }));
    assert_eq!(state.units[bty as usize].steps, 1);
    assert_eq!(state.units[bty as usize].at, Some(OffsetCoord(1, 0)));
}

#[test]
fn steps_lost_score_for_the_enemy() {
    let t = TestScenario::new(&["ccc", "ccc"])
        .unit("us", Side::Allied, "infantry", (0, 0))
        .unit("bty", Side::Axis, "coastal", (1, 0));
    let (s, mut state) = with_crt(t, "A1D1", 2);
    let ids = [id(&s, "us")];
    apply(
        &s,
        &mut state,
        &ids,
        OffsetCoord(1, 0),
        &Default::default(),
        false,
    );
    // The battery (1 step) is destroyed: 2 VP to the Allies; the US
    // regiment loses one step: 2 VP to the Axis.
    assert_eq!(state.vp, [2, 2]);
}

#[test]
fn armour_does_not_advance_up_etna_but_the_infantry_with_it_does() {
    let t = TestScenario::new(&["cvc", "ccc"])
        .unit("tank", Side::Allied, "armour", (0, 0))
        .unit("inf", Side::Allied, "infantry", (2, 0))
        .unit("de", Side::Axis, "infantry", (1, 0));
    let (s, mut state) = with_crt(t, "DE", 0);
    let events = attack(&s, &mut state, &["tank"], (1, 0));
    assert!(!events.iter().any(|e| matches!(e, Event::Advanced { .. })));
    assert_eq!(
        state.units[id(&s, "tank") as usize].at,
        Some(OffsetCoord(0, 0))
    );

    let t = TestScenario::new(&["cvc", "ccc"])
        .unit("tank", Side::Allied, "armour", (0, 0))
        .unit("inf", Side::Allied, "infantry", (2, 0))
        .unit("de", Side::Axis, "infantry", (1, 0));
    let (s, mut state) = with_crt(t, "DE", 0);
    let events = attack(&s, &mut state, &["tank", "inf"], (1, 0));
    let inf = id(&s, "inf");
    assert!(events.contains(&Event::Advanced {
        unit: inf,
        to: OffsetCoord(1, 0)
    }));
    assert_eq!(state.units[inf as usize].at, Some(OffsetCoord(1, 0)));
}

#[test]
fn vehicles_do_not_advance_over_an_unbridged_major_river() {
    let t = TestScenario::new(&["cc"])
        .river_major((0, 0), (1, 0))
        .unit("tank", Side::Allied, "armour", (0, 0))
        .unit("de", Side::Axis, "infantry", (1, 0));
    let (s, mut state) = with_crt(t, "DE", 0);
    let events = attack(&s, &mut state, &["tank"], (1, 0));
    assert!(!events.iter().any(|e| matches!(e, Event::Advanced { .. })));
    assert_eq!(
        state.units[id(&s, "tank") as usize].at,
        Some(OffsetCoord(0, 0))
    );
}

#[test]
fn a_static_unit_never_advances() {
    let t = TestScenario::new(&["cc"])
        .unit("bty", Side::Allied, "coastal", (0, 0))
        .with(|d| d.attack = 4)
        .unit("de", Side::Axis, "infantry", (1, 0));
    let (s, mut state) = with_crt(t, "DE", 0);
    let events = attack(&s, &mut state, &["bty"], (1, 0));
    assert_eq!(
        state.units[id(&s, "de") as usize].status,
        Status::Eliminated
    );
    assert!(!events.iter().any(|e| matches!(e, Event::Advanced { .. })));
    assert_eq!(
        state.units[id(&s, "bty") as usize].at,
        Some(OffsetCoord(0, 0))
    );
}

#[test]
fn an_attack_across_the_strait_is_refused() {
    let t = TestScenario::new(&["cc"])
        .strait((0, 0), (1, 0))
        .unit("us", Side::Allied, "infantry", (0, 0))
        .unit("de", Side::Axis, "infantry", (1, 0))
        .build();
    let v = t.view();
    let us = id(&t.scenario, "us");
    let r = combat::odds(&v, &[us], h(1, 0), &Default::default(), false);
    assert_eq!(
        r.unwrap_err().reason,
        "us cannot attack across the strait into (1,0): only ferries cross it (evacuation, supply)"
    );
    assert!(!combat::any_attack_possible(&v, Side::Allied));
}

#[test]
fn a_unit_at_messina_cannot_retreat_to_calabria_and_loses_the_step_instead() {
    // Attacker west, defender at "Messina", "Calabria" east across the strait.
    let t = TestScenario::new(&["ccc"])
        .strait((1, 0), (2, 0))
        .unit("us", Side::Allied, "infantry", (0, 0))
        .unit("de", Side::Axis, "infantry", (1, 0));
    let (s, mut state) = with_crt(t, "R1", 0);
    let de = id(&s, "de");
    let before = state.units[de as usize].steps;
    let events = attack(&s, &mut state, &["us"], (1, 0));
    assert!(events.contains(&Event::RetreatBlocked { unit: de }));
    let lost = s.rules.blocked_retreat_steps;
    assert_eq!(state.units[de as usize].steps, before - lost);
    assert_eq!(state.units[de as usize].at, Some(OffsetCoord(1, 0)));
}
