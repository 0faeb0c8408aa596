//! Carry-overs on tiny hand-built legs, and campaign-file checks at
//! file:line:col.

use super::*;
use crate::scenario::builder::TestScenario;
use crate::scenario::schema::{FormationSpec, PlaceKind, UnitSize};
use crate::scenario::{Entry, Scenario, Side};
use crate::sim::state::{State, Status};
use std::sync::Arc;

fn formation(id: &str, parent: Option<&str>) -> FormationSpec {
    FormationSpec {
        id: id.into(),
        name: format!("{id} division"),
        size: UnitSize::Division,
        parent: parent.map(str::to_string),
    }
}

/// Leg 1 ("island"): two units of `hg` (one through a regiment under it),
/// one of `other`; a place `castro` the Allies may take. 12-hour turns from
/// 10 July 06:00 (the builder's start).
fn island() -> Scenario {
    let t = TestScenario::new(&["cccc"])
        .place("castro", PlaceKind::Town, (3, 0))
        .unit("a1", Side::Axis, "infantry", (0, 0))
        .with(|u| u.parent = "hg".into())
        .unit("a2", Side::Axis, "infantry", (1, 0))
        .with(|u| u.parent = "hg_regt".into())
        .unit("a3", Side::Axis, "infantry", (2, 0))
        .with(|u| u.parent = "other".into())
        .build();
    let mut s = (*t.scenario).clone();
    s.id = "island".into();
    s.formations = vec![
        formation("hg", None),
        formation("hg_regt", Some("hg")),
        formation("other", None),
    ];
    s
}

/// Leg 2 ("bay"): `b1`, `b2` (3 steps each) set up; `late` arrives on
/// turn 9 of 10. Same start date and turn length as leg 1.
fn bay() -> Scenario {
    let t = TestScenario::new(&["cccc"])
        .turns(10)
        .unit("b1", Side::Axis, "infantry", (0, 0))
        .unit("b2", Side::Axis, "infantry", (1, 0))
        .unit("late", Side::Allied, "infantry", (3, 0))
        .arriving(9, vec![Entry::Hex(crate::hex::OffsetCoord(3, 0).to_hex())])
        .build();
    let mut s = (*t.scenario).clone();
    s.id = "bay".into();
    s
}

fn campaign(refit: u32, after_hours: u32) -> Campaign {
    let leg = |id: &str, s: Scenario| Leg {
        id: id.into(),
        scenario_path: id.into(),
        scenario: Arc::new(s),
        strength: Vec::new(),
        arrivals: Vec::new(),
    };
    let mut bay = leg("bay", bay());
    bay.strength.push(StrengthCarry {
        from_leg: "island".into(),
        formation: "hg".into(),
        units: vec!["b1".into(), "b2".into()],
        refit_steps: refit,
        note: "test".into(),
    });
    bay.arrivals.push(ArrivalCarry {
        from_leg: "island".into(),
        when: Milestone::Taken {
            place: "castro".into(),
            by: Side::Allied,
        },
        after_hours,
        units: vec!["late".into()],
        note: "test".into(),
    });
    Campaign {
        id: "test".into(),
        name: "Test".into(),
        description: String::new(),
        path: "test/campaign.ron".into(),
        legs: vec![leg("island", island()), bay],
    }
}

fn outcome(evacuated: &[(&str, u32)], castro_taken_on: Option<u32>) -> LegOutcome {
    LegOutcome {
        leg: "island".into(),
        result: "test".into(),
        evacuated: evacuated
            .iter()
            .map(|(u, s)| UnitSteps {
                unit: (*u).into(),
                steps: *s,
            })
            .collect(),
        taken: castro_taken_on
            .map(|turn| TakenPlace {
                place: "castro".into(),
                by: Side::Allied,
                turn,
            })
            .into_iter()
            .collect(),
    }
}

fn steps_of(link: &CampaignLink, unit: &str) -> Option<u32> {
    link.carried.iter().find_map(|c| match c {
        Carried::Steps { unit: u, steps } if u == unit => Some(*steps),
        _ => None,
    })
}

#[test]
fn evacuated_steps_and_the_refit_set_the_next_legs_strength_in_order_clamped() {
    let c = campaign(2, 0);
    // hg got 2 + 1 steps out (a2 through its regiment), a3 is another
    // division's: 3 + 2 refit = 5 → b1 3 (its full strength), b2 2.
    let o = outcome(&[("a1", 2), ("a2", 1), ("a3", 3)], None);
    let carry = carry_over(&c, 1, std::slice::from_ref(&o)).unwrap();
    assert_eq!(steps_of(&carry.link, "b1"), Some(3));
    assert_eq!(steps_of(&carry.link, "b2"), Some(2));
    assert!(
        carry.summary[0].contains("3 step(s) got out of island + 2 refit = 5"),
        "{:?}",
        carry.summary
    );
    // More than the units hold: clamped to their full strength.
    let o = outcome(&[("a1", 3), ("a2", 3)], None);
    let carry = carry_over(&c, 1, &[o]).unwrap();
    assert_eq!(
        (steps_of(&carry.link, "b1"), steps_of(&carry.link, "b2")),
        (Some(3), Some(3))
    );
    assert!(
        carry.summary[0].contains("(2 more than these units hold)"),
        "{:?}",
        carry.summary
    );
    // Nothing got out and no refit: neither unit is in the leg.
    let carry = carry_over(&campaign(0, 0), 1, &[outcome(&[("a3", 3)], None)]).unwrap();
    assert_eq!(
        (steps_of(&carry.link, "b1"), steps_of(&carry.link, "b2")),
        (Some(0), Some(0))
    );
}

#[test]
fn the_carried_strength_is_the_legs_starting_state() {
    let c = campaign(0, 0);
    let o = outcome(&[("a1", 1)], None);
    let carry = carry_over(&c, 1, &[o]).unwrap();
    let bay = apply(&c.legs[1].scenario, &carry.link).unwrap();
    assert_eq!(bay.campaign.as_ref(), Some(&carry.link));
    let state = State::new(&bay, 1);
    let b1 = bay.unit_id("b1").unwrap();
    let b2 = bay.unit_id("b2").unwrap();
    assert_eq!(
        (state.unit(b1).status, state.unit(b1).steps),
        (Status::OnMap, 1)
    );
    assert_eq!(
        (state.unit(b2).status, state.unit(b2).at),
        (Status::Withdrawn, None)
    );
    // Applying the same link again changes nothing; another is refused.
    assert!(apply(&bay, &carry.link).is_ok());
    let mut other = carry.link.clone();
    other.carried.clear();
    assert!(apply(&bay, &other).unwrap_err().contains("already leg 2"));
}

#[test]
fn a_milestone_sets_the_arrival_turn_and_its_absence_keeps_the_unit_out() {
    // Castro taken on turn 3 (11 July 06:00) + 24 h = 12 July 06:00, the
    // start of the bay's turn 5.
    let c = campaign(0, 24);
    let carry = carry_over(&c, 1, &[outcome(&[], Some(3))]).unwrap();
    assert!(carry.link.carried.contains(&Carried::Arrival {
        unit: "late".into(),
        turn: 5
    }));
    // One hour more: the next turn that begins after it.
    let carry = carry_over(&campaign(0, 25), 1, &[outcome(&[], Some(3))]).unwrap();
    assert!(carry.link.carried.contains(&Carried::Arrival {
        unit: "late".into(),
        turn: 6
    }));
    let bay = apply(&c.legs[1].scenario, &carry.link).unwrap();
    let late = bay.unit_id("late").unwrap();
    assert_eq!(bay.unit(late).arrival.as_ref().unwrap().turn, 6);
    // Not taken, or taken too late for this leg: the unit is not in it.
    for o in [outcome(&[], None), outcome(&[], Some(30))] {
        let carry = carry_over(&c, 1, &[o]).unwrap();
        assert_eq!(
            steps_of(&carry.link, "late"),
            Some(0),
            "{:?}",
            carry.summary
        );
    }
}

#[test]
fn carried_values_from_a_file_are_checked_before_they_touch_the_scenario() {
    let c = campaign(0, 0);
    let bay = &c.legs[1].scenario;
    let link = |carried: Vec<Carried>| CampaignLink {
        campaign: "test".into(),
        path: String::new(),
        leg: 1,
        leg_id: "bay".into(),
        carried,
        before: Vec::new(),
    };
    let steps = |unit: &str, steps| Carried::Steps {
        unit: unit.into(),
        steps,
    };
    let cases = [
        (vec![steps("b1", 4)], "more than its 3 at full strength"),
        (vec![steps("zz", 1)], "not a unit of `bay`"),
        (vec![steps("b1", 1), steps("b1", 2)], "carried twice"),
        (
            vec![Carried::Arrival {
                unit: "late".into(),
                turn: 11,
            }],
            "outside turns 1-10",
        ),
        (
            vec![Carried::Arrival {
                unit: "b1".into(),
                turn: 2,
            }],
            "has no arrival",
        ),
    ];
    for (carried, why) in cases {
        let err = apply(bay, &link(carried)).unwrap_err();
        assert!(err.contains(why), "{err}");
    }
    // The outcomes must be those of the legs before, in order.
    let mut o = outcome(&[], None);
    o.leg = "bay".into();
    assert!(carry_over(&c, 1, &[o])
        .unwrap_err()
        .contains("is of leg `bay`"));
    assert!(carry_over(&c, 1, &[]).is_err());
}

/// A scratch scenario collection: Gela copied (with the shared tables) and
/// a campaign directory holding `text` as `campaign.ron`.
fn scratch(name: &str, text: &str) -> std::path::PathBuf {
    let root =
        std::env::temp_dir().join(format!("landfall-campaign-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    for dir in ["gela", "common"] {
        std::fs::create_dir_all(root.join(dir)).unwrap();
        for f in std::fs::read_dir(src.join(dir)).unwrap().flatten() {
            std::fs::copy(f.path(), root.join(dir).join(f.file_name())).unwrap();
        }
    }
    std::fs::create_dir_all(root.join("camp")).unwrap();
    let file = root.join("camp").join(CAMPAIGN_FILE);
    std::fs::write(&file, text).unwrap();
    file
}

#[test]
fn a_campaign_file_is_checked_at_file_line_col() {
    let good = r#"(
    id: "t",
    name: "T",
    legs: [
        (id: "first", scenario: "../gela"),
        (id: "second", scenario: "../gela",
         strength: [(from_leg: "first", formation: "hg_div", units: ["de_hg_pzregt"],
                     refit_steps: 1, note: "test")]),
    ],
)
"#;
    let file = scratch("good", good);
    let loaded = load(&file);
    assert_eq!(loaded.errors(), 0, "{:?}", loaded.diagnostics);
    let c = loaded.campaign.unwrap();
    assert_eq!(c.legs.len(), 2);
    assert_eq!(c.legs[1].scenario.id, "gela");

    let bad = r#"(
    id: "t",
    name: "T",
    legs: [
        (id: "first", scenario: "../gela"),
        (id: "second", scenario: "../gela",
         strength: [(from_leg: "frist", formation: "hg_div", units: ["de_hg_pzregt"],
                     refit_steps: 1, note: "test"),
                    (from_leg: "first", formation: "hg_dvi", units: ["de_hg_pzregt", "nobody"],
                     refit_steps: 1, note: "")]),
        (id: "first", scenario: "../.."),
    ],
)
"#;
    let file = scratch("bad", bad);
    let loaded = load(&file);
    assert!(loaded.campaign.is_none());
    let at = |line: usize, col: usize, text: &str| {
        assert!(
            loaded.diagnostics.iter().any(|d| d.file == file
                && d.line == line
                && d.col == col
                && d.message.contains(text)),
            "no `{text}` at {line}:{col} in {:#?}",
            loaded.diagnostics
        );
    };
    at(
        7,
        32,
        "`frist` is not an earlier leg of the campaign (earlier legs: first)",
    );
    at(9, 52, "`hg_dvi` is not a formation of leg `first`");
    at(9, 70, "`de_hg_pzregt` is named by two carry-overs");
    at(
        9,
        86,
        "`nobody` is not a unit of this leg's scenario `gela`",
    );
    at(10, 44, "say where the refit figure comes from");
    at(11, 14, "leg id `first` is used twice");
    at(11, 33, "escapes the scenario collection");
    assert_eq!(loaded.errors(), 7, "{:#?}", loaded.diagnostics);
    // A syntax error is reported where `ron` finds it.
    let file = scratch(
        "syntax",
        "(id: \"t\", name: \"T\", legs: [(id: \"a\", scenaro: \"../gela\")])",
    );
    let loaded = load(&file);
    assert_eq!(loaded.diagnostics.len(), 1, "{:?}", loaded.diagnostics);
    let d = &loaded.diagnostics[0];
    assert_eq!((d.line, d.col), (1, 39), "{d}");
    assert!(d.message.contains("scenaro"), "{d}");
}
