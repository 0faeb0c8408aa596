use super::*;
use crate::scenario::{builder::TestScenario, Side};
use rand::SeedableRng;

fn h(c: i32, r: i32) -> Hex {
    OffsetCoord(c, r).to_hex()
}

fn ids(t: &crate::scenario::builder::Built, names: &[&str]) -> Vec<UnitId> {
    names
        .iter()
        .map(|n| t.scenario.unit_id(n).unwrap())
        .collect()
}

/// Three US regiments (6 attack each) around a German regiment (6 defence).
fn three_on_one(defender_terrain: char) -> crate::scenario::builder::Built {
    let row1: String = format!("c{defender_terrain}c");
    TestScenario::new(&["ccc", &row1, "ccc"])
        .unit("a", Side::Allied, "infantry", (0, 1))
        .unit("b", Side::Allied, "infantry", (1, 0))
        .unit("c", Side::Allied, "infantry", (2, 1))
        .unit("de", Side::Axis, "infantry", (1, 1))
        .build()
}

#[test]
fn three_to_one_into_a_town_uses_the_two_to_one_column() {
    let t = three_on_one('t');
    let v = t.view();
    let o = odds(
        &v,
        &ids(&t, &["a", "b", "c"]),
        h(1, 1),
        &Support::default(),
        false,
    )
    .unwrap();
    assert_eq!((o.attack, o.defence), (18, 6));
    assert_eq!(o.base_column, 3, "3:1");
    assert_eq!(o.shifts.len(), 1);
    assert_eq!(o.shifts[0].reason, ShiftReason::Terrain);
    assert_eq!(o.shifts[0].text, "Town: -1");
    assert_eq!(o.column_label, "2:1");
}

#[test]
fn odds_round_in_the_defenders_favour() {
    // 17:6 is 2.83:1 → the 2:1 column.
    let t = TestScenario::new(&["ccc", "ccc"])
        .unit("a", Side::Allied, "infantry", (0, 0))
        .with(|u| u.attack = 11)
        .unit("b", Side::Allied, "infantry", (1, 1))
        .unit("de", Side::Axis, "infantry", (1, 0))
        .build();
    let v = t.view();
    let o = odds(
        &v,
        &ids(&t, &["a", "b"]),
        h(1, 0),
        &Support::default(),
        false,
    )
    .unwrap();
    assert_eq!((o.attack, o.defence), (17, 6));
    assert_eq!(o.column_label, "2:1");
}

#[test]
fn distribution_is_exactly_the_crt_column() {
    let t = three_on_one('c');
    let v = t.view();
    let o = odds(
        &v,
        &ids(&t, &["a", "b", "c"]),
        h(1, 1),
        &Support::default(),
        false,
    )
    .unwrap();
    assert_eq!(o.column_label, "3:1");
    let column = &t.scenario.crt.columns[o.column];
    assert_eq!(o.per_face, column.results);
    let names: Vec<(String, u32)> = o
        .outcomes
        .iter()
        .map(|c| (c.result.to_string(), c.faces))
        .collect();
    assert_eq!(
        names,
        vec![
            ("NE".into(), 1),
            ("R1".into(), 1),
            ("D1".into(), 1),
            ("D1R1".into(), 1),
            ("EX".into(), 1),
            ("D2R1".into(), 1)
        ]
    );
    assert_eq!(o.outcomes.iter().map(|c| c.faces).sum::<u32>(), o.die);
}

#[test]
fn for_seed_7_the_die_rolls_a_known_face() {
    let t = three_on_one('c');
    let v = t.view();
    let o = odds(
        &v,
        &ids(&t, &["a", "b", "c"]),
        h(1, 1),
        &Support::default(),
        false,
    )
    .unwrap();
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let rolls: Vec<(u32, String)> = (0..4)
        .map(|_| roll(&o, &mut rng))
        .map(|(f, r)| (f, r.to_string()))
        .collect();
    assert_eq!(
        rolls,
        KNOWN_ROLLS
            .iter()
            .map(|(f, r)| (*f, r.to_string()))
            .collect::<Vec<_>>()
    );
}

/// The first four rolls of ChaCha8 seeded with 7 on the 3:1 column. A change
/// here means the RNG or its use changed: every replay would diverge.
const KNOWN_ROLLS: [(u32, &str); 4] = [(1, "NE"), (1, "NE"), (2, "R1"), (2, "R1")];

#[test]
fn resolver_frequencies_follow_the_distribution() {
    let t = three_on_one('c');
    let v = t.view();
    let o = odds(
        &v,
        &ids(&t, &["a", "b", "c"]),
        h(1, 1),
        &Support::default(),
        false,
    )
    .unwrap();
    let n = 6000u32;
    let mut counts = [0u32; 6];
    for seed in 0..u64::from(n) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let (face, result) = roll(&o, &mut rng);
        assert_eq!(result, o.per_face[face as usize - 1]);
        counts[face as usize - 1] += 1;
    }
    for c in counts {
        // Each face 1/6: 1000 expected; 4 standard deviations ≈ 115.
        assert!(
            (885..=1115).contains(&c),
            "face count {c} out of 1000 ± 115"
        );
    }
}

#[test]
fn attacking_across_a_river_shifts_left() {
    let t = TestScenario::new(&["cc"])
        .river_minor((0, 0), (1, 0))
        .unit("a", Side::Allied, "infantry", (0, 0))
        .unit("de", Side::Axis, "infantry", (1, 0))
        .build();
    let v = t.view();
    let o = odds(&v, &ids(&t, &["a"]), h(1, 0), &Support::default(), false).unwrap();
    assert_eq!(o.base_column, 1, "1:1");
    assert_eq!(
        o.shifts.iter().map(|s| s.reason).collect::<Vec<_>>(),
        vec![ShiftReason::River]
    );
    assert_eq!(o.column_label, "1:2");
}

#[test]
fn combined_arms_and_artillery_shift_right() {
    let t = TestScenario::new(&["ccc", "ccc"])
        .unit("inf", Side::Allied, "infantry", (0, 0))
        .unit("tank", Side::Allied, "armour", (1, 1))
        .unit("guns", Side::Allied, "artillery", (2, 1))
        .unit("de", Side::Axis, "infantry", (1, 0))
        .with(|u| u.defence = 15)
        .build();
    let v = t.view();
    let support = Support {
        artillery: ids(&t, &["guns"]),
        ..Support::default()
    };
    let o = odds(&v, &ids(&t, &["inf", "tank"]), h(1, 0), &support, false).unwrap();
    assert_eq!((o.attack, o.defence), (15, 15));
    let reasons: Vec<ShiftReason> = o.shifts.iter().map(|s| s.reason).collect();
    assert_eq!(
        reasons,
        vec![ShiftReason::CombinedArms, ShiftReason::Artillery]
    );
    assert_eq!(o.column_label, "3:1");
}

#[test]
fn naval_gunfire_only_reaches_near_the_sea() {
    let t = TestScenario::new(&[".cccc"])
        .support(|s| {
            s.naval_range = 2;
            s.max_per_attack = 3;
        })
        .unit("a", Side::Allied, "infantry", (3, 0))
        .unit("de", Side::Axis, "infantry", (4, 0))
        .build();
    let mut state = t.state.clone();
    state.support[0].naval = 5;
    let v = GameView::new(&t.scenario, &state);
    let support = Support {
        naval: 2,
        ..Support::default()
    };
    let err = odds(&v, &ids(&t, &["a"]), h(4, 0), &support, false).unwrap_err();
    assert_eq!(err.kind, RejectionKind::Support);
    assert_eq!(
        err.reason,
        "naval gunfire does not reach (4,0) (more than 2 hexes from the sea)"
    );
}

#[test]
fn attacker_must_be_adjacent_and_target_held_by_enemy() {
    let t = TestScenario::new(&["cccc"])
        .unit("a", Side::Allied, "infantry", (0, 0))
        .unit("de", Side::Axis, "infantry", (3, 0))
        .build();
    let v = t.view();
    assert_eq!(
        odds(&v, &ids(&t, &["a"]), h(3, 0), &Support::default(), false)
            .unwrap_err()
            .reason,
        "a is not next to (3,0)"
    );
    assert_eq!(
        odds(&v, &ids(&t, &["a"]), h(1, 0), &Support::default(), false)
            .unwrap_err()
            .reason,
        "there is no enemy unit at (1,0)"
    );
}

#[test]
fn losses_fall_on_the_strongest_unit_first() {
    let t = TestScenario::new(&["cc"])
        .unit("a", Side::Axis, "infantry", (0, 0))
        .unit("b", Side::Axis, "infantry", (0, 0))
        .with(|u| u.max_steps = 4)
        .build();
    let mut state = t.state.clone();
    state.units[1].steps = 4;
    let v = GameView::new(&t.scenario, &state);
    let lost = allocate_losses(&v, &ids(&t, &["a", "b"]), 2);
    // b (4 steps) loses one, then a and b tie at 3: the lower id (a) loses.
    assert_eq!(lost, vec![(0, 1), (1, 1)]);
}
