//! Each way into a hex is refused where the rulebook refuses it, with the
//! reason, on maps of a few hexes.

use super::*;
use crate::rules::RejectionKind;
use crate::scenario::{builder::TestScenario, Side};

fn h(c: i32, r: i32) -> Hex {
    OffsetCoord(c, r).to_hex()
}

fn reason(r: Result<(), Rejection>) -> String {
    r.expect_err("refused").reason
}

#[test]
fn armour_cannot_go_up_etna_by_any_way() {
    let t = TestScenario::new(&["cvc"])
        .unit("tank", Side::Allied, "armour", (0, 0))
        .unit("inf", Side::Allied, "infantry", (2, 0))
        .build();
    let v = t.view();
    let tank = t.scenario.unit_id("tank").unwrap();
    let inf = t.scenario.unit_id("inf").unwrap();
    for how in [
        How::Move,
        How::Retreat,
        How::Advance,
        How::Arrival,
        How::Landing,
    ] {
        let r = can_enter(&v, tank, h(0, 0), h(1, 0), how);
        assert_eq!(r.unwrap_err().kind, RejectionKind::Prohibited, "{how:?}");
    }
    assert_eq!(
        reason(can_enter(&v, tank, h(0, 0), h(1, 0), How::Advance)),
        "tank (tracked) cannot advance into etna at (1,0)"
    );
    assert_eq!(
        reason(can_enter(&v, tank, h(0, 0), h(1, 0), How::Move)),
        "tank (tracked) cannot enter etna at (1,0)"
    );
    // Foot soldiers climb it.
    assert_eq!(can_enter(&v, inf, h(2, 0), h(1, 0), How::Advance), Ok(()));
}

#[test]
fn nothing_crosses_the_strait_but_the_ferries() {
    let t = TestScenario::new(&["cc"])
        .strait((0, 0), (1, 0))
        .unit("us", Side::Allied, "infantry", (0, 0))
        .unit("de", Side::Axis, "infantry", (1, 0))
        .build();
    let v = t.view();
    let us = t.scenario.unit_id("us").unwrap();
    let de = t.scenario.unit_id("de").unwrap();
    assert_eq!(
        reason(can_enter(&v, us, h(0, 0), h(1, 0), How::Attack)),
        "us cannot attack across the strait into (1,0): only ferries cross it (evacuation, supply)"
    );
    assert_eq!(
        reason(can_enter(&v, de, h(1, 0), h(0, 0), How::Attack)),
        "de cannot attack across the strait into (0,0): only ferries cross it (evacuation, supply)"
    );
    let t = TestScenario::new(&["cc"])
        .strait((0, 0), (1, 0))
        .unit("de", Side::Axis, "infantry", (1, 0))
        .build();
    let v = t.view();
    let de = t.scenario.unit_id("de").unwrap();
    for how in [How::Move, How::Retreat, How::Advance] {
        let r = can_enter(&v, de, h(1, 0), h(0, 0), how);
        assert!(r.unwrap_err().reason.contains("the strait"), "{how:?}");
    }
}

#[test]
fn vehicles_cross_a_major_river_only_at_a_bridge() {
    let t = TestScenario::new(&["ccc"])
        .river_major((0, 0), (1, 0))
        .river_major((1, 0), (2, 0))
        .bridge((1, 0), (2, 0))
        .unit("tank", Side::Allied, "armour", (1, 0))
        .unit("inf", Side::Allied, "infantry", (1, 0))
        .build();
    let v = t.view();
    let tank = t.scenario.unit_id("tank").unwrap();
    let inf = t.scenario.unit_id("inf").unwrap();
    for how in [How::Move, How::Retreat, How::Advance] {
        assert_eq!(
            reason(can_enter(&v, tank, h(1, 0), h(0, 0), how)),
            "tank cannot cross the major river into (0,0) without a bridge",
            "{how:?}"
        );
        assert_eq!(
            can_enter(&v, tank, h(1, 0), h(2, 0), how),
            Ok(()),
            "{how:?}"
        );
        assert_eq!(can_enter(&v, inf, h(1, 0), h(0, 0), how), Ok(()), "{how:?}");
    }
    // An attack does not enter: the river shifts the odds instead.
    let t = TestScenario::new(&["cc"])
        .river_major((0, 0), (1, 0))
        .unit("tank", Side::Allied, "armour", (0, 0))
        .unit("de", Side::Axis, "infantry", (1, 0))
        .build();
    let v = t.view();
    let tank = t.scenario.unit_id("tank").unwrap();
    assert_eq!(can_enter(&v, tank, h(0, 0), h(1, 0), How::Attack), Ok(()));
}

#[test]
fn a_static_unit_never_leaves_its_hex() {
    let t = TestScenario::new(&["cc"])
        .unit("bty", Side::Axis, "coastal", (0, 0))
        .build();
    let v = t.view();
    let bty = t.scenario.unit_id("bty").unwrap();
    for how in [How::Move, How::Retreat, How::Advance] {
        let r = can_enter(&v, bty, h(0, 0), h(1, 0), how);
        assert_eq!(r.unwrap_err().kind, RejectionKind::AlreadyActed, "{how:?}");
    }
    assert_eq!(
        reason(can_enter(&v, bty, h(0, 0), h(1, 0), How::Advance)),
        "bty is a static unit and cannot advance"
    );
}

#[test]
fn reaching_across_needs_a_neighbour_and_coming_in_needs_land_free_of_the_enemy() {
    let t = TestScenario::new(&["cc.c"])
        .unit("us", Side::Allied, "infantry", (0, 0))
        .unit("de", Side::Axis, "infantry", (1, 0))
        .build();
    let v = t.view();
    let us = t.scenario.unit_id("us").unwrap();
    assert_eq!(
        can_enter(&v, us, h(0, 0), h(3, 0), How::Attack)
            .unwrap_err()
            .kind,
        RejectionKind::BadAttack
    );
    assert_eq!(
        reason(can_enter(&v, us, h(0, 0), h(1, 0), How::Retreat)),
        "(1,0) is held by the enemy"
    );
    assert_eq!(
        reason(can_enter(&v, us, h(2, 0), h(2, 0), How::Drop)),
        "us cannot come down into the sea at (2,0)"
    );
    assert_eq!(
        reason(can_enter(&v, us, h(1, 0), h(1, 0), How::Landing)),
        "(1,0) is held by the enemy"
    );
    assert_eq!(
        reason(can_enter(&v, us, h(0, 0), h(0, 0), How::Attack)),
        "us is not next to (0,0)"
    );
}
