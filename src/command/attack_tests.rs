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

/// Nobody advanced and `unit` is still at `at`.
fn assert_stayed_put(s: &Scenario, state: &State, events: &[Event], unit: &str, at: (i32, i32)) {
    assert!(!events.iter().any(|e| matches!(e, Event::Advanced { .. })));
    assert_eq!(
        state.units[id(s, unit) as usize].at,
        Some(OffsetCoord(at.0, at.1))
    );
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
    assert_stayed_put(&s, &state, &events, "tank", (0, 0));

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
    assert_stayed_put(&s, &state, &events, "tank", (0, 0));
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
    assert_stayed_put(&s, &state, &events, "bty", (0, 0));
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

/// For every CRT column and every die face: the result the resolver applies
/// is the one the preview (`combat::odds`) shows for that face, on the
/// column the preview names, and the steps lost are `combat::losses_of`'s.
#[test]
fn preview_and_resolution_agree_on_every_column_and_face() {
    use rand::SeedableRng;
    let columns = TestScenario::new(&["c"]).build().scenario.crt.columns.len();
    for column in 0..columns {
        let mut faces_seen = [false; 6];
        for seed in 0..400u64 {
            if faces_seen.iter().all(|&f| f) {
                break;
            }
            // Defence 6 (3 steps of 3); attack = 6 × the column's ratio.
            let t = TestScenario::new(&["ccccc", "ccccc", "ccccc"])
                .unit("us", Side::Allied, "infantry", (1, 1))
                .unit("de", Side::Axis, "infantry", (2, 1))
                .build();
            let (s, mut state) = (t.scenario, t.state);
            let (num, den) = s.crt.columns[column].odds;
            let mut s2 = (*s).clone();
            s2.units[id(&s, "us") as usize].attack = 6 * num / den;
            let s = Arc::new(s2);
            state.rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
            let (us, de) = (id(&s, "us"), id(&s, "de"));
            let preview = {
                state.sync_index(&s);
                let view = GameView::new(&s, &state);
                combat::odds(&view, &[us], h(2, 1), &Default::default(), false).expect("legal")
            };
            assert_eq!(
                preview.column, column,
                "attack {}",
                s.units[us as usize].attack
            );
            let (a0, d0) = (
                state.units[us as usize].steps,
                state.units[de as usize].steps,
            );
            let events = apply(
                &s,
                &mut state,
                &[us],
                OffsetCoord(2, 1),
                &Default::default(),
                false,
            );
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

#[test]
fn a_combat_marks_attackers_and_defenders_as_having_fought() {
    let t = TestScenario::new(&["cccc"])
        .unit("us", Side::Allied, "infantry", (0, 0))
        .unit("de", Side::Axis, "infantry", (1, 0))
        .unit("idle", Side::Axis, "infantry", (3, 0));
    let (s, mut state) = with_crt(t, "NE", 0);
    attack(&s, &mut state, &["us"], (1, 0));
    let fought = |n| state.units[id(&s, n) as usize].fought;
    assert_eq!(
        [fought("us"), fought("de"), fought("idle")],
        [true, true, false]
    );
}
