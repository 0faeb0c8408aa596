//! The shipped scenario data: the shared tables parse into the schema types,
//! and every shipped scenario loads without errors. (The loader's own error
//! handling is tested beside the loader; this file tests the content.)

use landfall::scenario::schema::{CrtFile, MoveClass, TerrainFile, UnitTypesFile};
use landfall::scenario::{Scenario, Side};
use std::path::Path;

fn read(path: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn terrain_table_has_the_map_generator_ids_and_costs() {
    let t: TerrainFile =
        ron::from_str(&read("scenarios/common/terrain.ron")).expect("terrain.ron parses");
    let ids: Vec<&str> = t.terrain.keys().map(String::as_str).collect();
    assert_eq!(
        ids,
        [
            "city", "clear", "forest", "hills", "marsh", "mountain", "rough", "sea", "town",
            "volcano"
        ]
    );
    for (id, spec) in &t.terrain {
        if spec.water {
            assert!(spec.move_cost.is_empty(), "{id}");
        } else {
            assert!(
                spec.move_cost.contains_key(&MoveClass::Foot),
                "{id}: foot may enter"
            );
        }
    }
    assert!(!t.terrain["volcano"]
        .move_cost
        .contains_key(&MoveClass::Motorised));
    assert_eq!(t.terrain["mountain"].combat_shift, -3);
}

#[test]
fn unit_types_cover_every_arm() {
    let u: UnitTypesFile =
        ron::from_str(&read("scenarios/common/unit_types.ron")).expect("unit_types.ron parses");
    for id in [
        "infantry",
        "armour",
        "mechanised",
        "motorised",
        "airborne",
        "glider",
        "commando",
        "artillery",
        "coastal",
        "garrison",
        "hq",
        "recon",
    ] {
        assert!(u.types.contains_key(id), "{id}");
    }
    assert!(u.types["coastal"].static_unit && u.types["coastal"].no_zoc);
    assert!(u.types["armour"].armour && u.types["infantry"].infantry);
}

#[test]
fn crt_has_ten_d6_columns_and_scatter_in_36ths() {
    let c: CrtFile = ron::from_str(&read("scenarios/common/crt.ron")).expect("crt.ron parses");
    assert_eq!(c.die, 6);
    assert_eq!(c.columns.first().map(|c| c.odds), Some((1, 3)));
    assert_eq!(c.columns.last().map(|c| c.odds), Some((7, 1)));
    assert_eq!(c.columns.len(), 10);
    assert_eq!(c.scatter.distance_day.iter().sum::<u32>(), c.scatter.out_of);
    assert_eq!(
        c.scatter.distance_night.iter().sum::<u32>(),
        c.scatter.out_of
    );
}

/// Load a shipped scenario, failing with every diagnostic if it has any.
fn load_clean(name: &str) -> std::sync::Arc<Scenario> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name);
    let loaded = landfall::scenario::load(&dir);
    let msgs: Vec<String> = loaded
        .diagnostics
        .iter()
        .map(|d| format!("{d:?}"))
        .collect();
    assert!(msgs.is_empty(), "{name}: {msgs:#?}");
    loaded.scenario.expect("no errors, so a scenario")
}

fn count(s: &Scenario, side: Side) -> usize {
    s.units.iter().filter(|u| u.side == side).count()
}

fn german_steps(s: &Scenario) -> u32 {
    s.units
        .iter()
        .filter(|u| u.nation == "DE")
        .map(|u| u.max_steps)
        .sum()
}

#[test]
fn gela_loads_clean_with_its_order_of_battle() {
    let s = load_clean("gela");
    assert_eq!((count(&s, Side::Allied), count(&s, Side::Axis)), (15, 12));
    assert_eq!(s.turns, 6);
    // Sudden death covers the DIME beach except Gela town (scored as an
    // objective), and no Axis unit starts on or next to those hexes.
    let dime = s
        .map
        .beaches
        .iter()
        .find(|b| b.id == "dime_gela")
        .expect("DIME beach");
    let gela = s
        .map
        .places
        .iter()
        .find(|p| p.id == "gela")
        .expect("Gela")
        .hex;
    let expected: Vec<_> = dime.hexes.iter().copied().filter(|&h| h != gela).collect();
    let sd = &s.victory.sudden_death[0];
    assert_eq!(sd.hexes, expected);
    assert_eq!(
        sd.from_turn, 3,
        "from 11 July, the day of the counterattack on the beaches (issue 18)"
    );
    for u in s.units.iter().filter(|u| u.side == Side::Axis) {
        if let Some(at) = u.setup {
            for h in &sd.hexes {
                assert!(
                    at.distance_to(h.to_hex()) > 1,
                    "{} starts next to beach hex {h}",
                    u.id
                );
            }
        }
    }
}

#[test]
fn sicily_loads_clean_with_the_full_order_of_battle() {
    let s = load_clean("sicily");
    // 52 Allied: the 30th RCT's 2nd Battalion and Bernard's two end-run
    // landings are counters of their own (issue 18).
    assert_eq!((count(&s, Side::Allied), count(&s, Side::Axis)), (52, 62));
    // Lehrgang (issue 18): nobody crosses before 1 August (turn 23), the
    // Germans' Lehrgang window is 11-17 August, and only German steps that
    // fought score.
    let first = s
        .evacuation
        .windows
        .iter()
        .map(|w| w.window.from_turn)
        .min();
    assert_eq!(first, Some(23));
    assert_eq!(
        s.evacuation.window("DE", 33).map(|w| w.steps_per_turn),
        Some(5)
    );
    assert_eq!(s.evacuation.ports.len(), 3);
    assert_eq!(
        (
            s.evacuation.vp_per_step("DE"),
            s.evacuation.vp_per_step("IT")
        ),
        (1, 0)
    );
    assert!(s.evacuation.only_units_that_fought);
    assert_eq!(s.turns, 39);
    // The victory arithmetic in scenario.ron assumes 42 German steps.
    assert_eq!(german_steps(&s), 42);
    let vp: u32 = s.victory.objectives.iter().map(|o| o.vp).sum();
    assert_eq!(vp, 100);
    // Every unit either sets up on the map or arrives inside the scenario.
    for u in &s.units {
        assert!(
            u.setup.is_some() || u.arrival.as_ref().is_some_and(|a| a.turn <= s.turns),
            "{}",
            u.id
        );
    }
}

#[test]
fn salerno_loads_clean_with_arrivals_from_three_sides() {
    let s = load_clean("salerno");
    assert_eq!((count(&s, Side::Allied), count(&s, Side::Axis)), (29, 21));
    assert_eq!(s.turns, 20);
    // Eighth Army's leading brigade group from the south edge on 16 Sep.
    let lead = s
        .units
        .iter()
        .find(|u| u.id == "uk_5div_lead")
        .expect("Eighth Army");
    assert_eq!(lead.arrival.as_ref().map(|a| a.turn), Some(15));
    let axis_arrivals: Vec<u32> = s
        .units
        .iter()
        .filter(|u| u.side == Side::Axis)
        .filter_map(|u| u.arrival.as_ref().map(|a| a.turn))
        .collect();
    assert_eq!(axis_arrivals.len(), 13);
    assert!(axis_arrivals.iter().all(|&t| (3..=13).contains(&t)));
    assert!(!s.victory.sudden_death[0].hexes.is_empty());
}

/// The days (hours since 1 Jan 1943, roughly) a scenario covers.
fn hours(s: &Scenario) -> (i64, i64) {
    const MONTH_DAYS: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let d = &s.start;
    let day =
        i64::from(d.year - 1943) * 365 + MONTH_DAYS[(d.month - 1) as usize] + i64::from(d.day);
    let start = day * 24 + i64::from(d.hour);
    (start, start + i64::from(s.turns * s.turn_hours))
}

/// One rating per unit (issue 18): a unit present in two scenarios on the
/// same dates has the same attack and defence in both (movement and steps
/// follow each map's scale and are not compared).
#[test]
fn a_unit_in_two_scenarios_on_the_same_dates_has_the_same_ratings() {
    let all: Vec<_> = ["gela", "sicily", "salerno"]
        .into_iter()
        .map(|n| (n, load_clean(n)))
        .collect();
    let mut differ = Vec::new();
    let mut pairs = 0;
    for (i, (a_name, a)) in all.iter().enumerate() {
        for (b_name, b) in &all[i + 1..] {
            let ((a0, a1), (b0, b1)) = (hours(a), hours(b));
            if a0 >= b1 || b0 >= a1 {
                continue;
            }
            for u in &a.units {
                let Some(v) = b.units.iter().find(|v| v.id == u.id) else {
                    continue;
                };
                pairs += 1;
                if (u.attack, u.defence) != (v.attack, v.defence) {
                    differ.push(format!(
                        "{}: {a_name} {}/{}, {b_name} {}/{}",
                        u.id, u.attack, u.defence, v.attack, v.defence
                    ));
                }
            }
        }
    }
    assert!(
        pairs >= 5,
        "Gela and Sicily share the HG units: {pairs} pairs"
    );
    assert!(differ.is_empty(), "ratings differ: {differ:#?}");
}
