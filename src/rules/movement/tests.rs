use super::*;
use crate::scenario::{builder::TestScenario, schema::RoadClass, Side};

fn h(c: i32, r: i32) -> Hex {
    OffsetCoord(c, r).to_hex()
}

#[test]
fn infantry_crossing_minor_river_into_hills_stops_with_0_mp() {
    let t = TestScenario::new(&["chc", "ccc"])
        .river_minor((0, 0), (1, 0))
        .unit("inf", Side::Allied, "infantry", (0, 0))
        .with(|u| u.movement = 6)
        .build();
    let v = t.view();
    let inf = t.scenario.unit_id("inf").unwrap();
    assert_eq!(step_cost(&v, inf, h(0, 0), h(1, 0)), Ok(6)); // hills 4 + minor river 2
    let check = check_path(&v, inf, &[h(1, 0)]).unwrap();
    assert_eq!(
        check,
        PathCheck {
            cost: 6,
            mp_left: 0,
            ends_in_zoc: false
        }
    );
}

#[test]
fn not_enough_mp_is_refused_with_the_costs() {
    let t = TestScenario::new(&["cch"])
        .unit("15th Inf Regt", Side::Allied, "infantry", (0, 0))
        .with(|u| u.movement = 5)
        .build();
    let v = t.view();
    let u = t.scenario.unit_id("15th Inf Regt").unwrap();
    let err = check_path(&v, u, &[h(1, 0), h(2, 0)]).unwrap_err();
    assert_eq!(err.kind, RejectionKind::NotEnoughMp);
    assert_eq!(
        err.reason,
        "15th Inf Regt has 3 MP left; entering hills at (2,0) costs 4"
    );
}

#[test]
fn a_fresh_unit_may_always_move_one_hex() {
    let t = TestScenario::new(&["cm"])
        .unit("inf", Side::Allied, "infantry", (0, 0))
        .with(|u| u.movement = 4)
        .build();
    let v = t.view();
    let inf = t.scenario.unit_id("inf").unwrap();
    let check = check_path(&v, inf, &[h(1, 0)]).unwrap();
    assert_eq!(check.mp_left, 0);
    assert_eq!(reachable(&v, inf).cost_to(h(1, 0)), Some(4));
}

#[test]
fn zoc_stops_a_motorised_unit() {
    let t = TestScenario::new(&["cccccc", "cccccc", "cccccc"])
        .unit("mot", Side::Allied, "motorised", (0, 1))
        .unit("de", Side::Axis, "infantry", (3, 1))
        .build();
    let v = t.view();
    let mot = t.scenario.unit_id("mot").unwrap();
    // (2,1) is next to the German regiment: the move ends there.
    let check = check_path(&v, mot, &[h(1, 1), h(2, 1)]).unwrap();
    assert_eq!(
        check,
        PathCheck {
            cost: 4,
            mp_left: 0,
            ends_in_zoc: true
        }
    );
    let err = check_path(&v, mot, &[h(1, 1), h(2, 1), h(2, 2)]).unwrap_err();
    assert_eq!(err.kind, RejectionKind::Zoc);
    assert_eq!(
        err.reason,
        "mot entered an enemy zone of control at (2,1) and must stop there"
    );
    let reach = reachable(&v, mot);
    assert_eq!(reach.cost_to(h(2, 1)), Some(4));
    // Beyond the ZOC screen only by going round: (4,1) is 5 hexes away round the
    // top edge (12 MP) — but every route passes a ZOC hex, so it is unreachable.
    assert_eq!(reach.cost_to(h(4, 1)), None);
    assert_eq!(reach.cost_to(h(3, 1)), None, "enemy-occupied");
}

#[test]
fn zoc_to_zoc_move_is_rejected_with_its_reason() {
    let t = TestScenario::new(&["cccc", "cccc"])
        .unit("inf", Side::Allied, "infantry", (1, 0))
        .unit("de", Side::Axis, "infantry", (2, 1))
        .build();
    let v = t.view();
    let inf = t.scenario.unit_id("inf").unwrap();
    // (1,1) is also next to (2,1): ZOC to ZOC.
    let err = check_path(&v, inf, &[h(1, 1)]).unwrap_err();
    assert_eq!(err.kind, RejectionKind::Zoc);
    assert_eq!(
        err.reason,
        "inf cannot move directly from one enemy zone of control ((1,0)) to another ((1,1))"
    );
    // Leaving to a hex outside the ZOC is fine.
    assert!(check_path(&v, inf, &[h(0, 0)]).is_ok());
}

#[test]
fn zoc_to_zoc_allowed_when_the_scenario_says_so() {
    let t = TestScenario::new(&["cccc", "cccc"])
        .rules(|r| r.zoc_to_zoc = true)
        .unit("inf", Side::Allied, "infantry", (1, 0))
        .unit("de", Side::Axis, "infantry", (2, 1))
        .build();
    let v = t.view();
    let inf = t.scenario.unit_id("inf").unwrap();
    assert!(check_path(&v, inf, &[h(1, 1)]).is_ok());
}

#[test]
fn main_road_costs_one_mp_per_hex() {
    let t = TestScenario::new(&["hhhhh"])
        .road(RoadClass::Main, &[(0, 0), (1, 0), (2, 0), (3, 0), (4, 0)])
        .unit("mot", Side::Allied, "motorised", (0, 0))
        .with(|u| u.movement = 4)
        .build();
    let v = t.view();
    let mot = t.scenario.unit_id("mot").unwrap();
    let reach = reachable(&v, mot);
    assert_eq!(reach.cost_to(h(4, 0)), Some(4));
    assert_eq!(
        reach.path_to(h(4, 0)),
        Some(vec![h(1, 0), h(2, 0), h(3, 0), h(4, 0)])
    );
}

#[test]
fn road_bonus_is_lost_when_starting_in_enemy_zoc() {
    let t = TestScenario::new(&["hhhh", "cccc"])
        .road(RoadClass::Main, &[(0, 0), (1, 0), (2, 0)])
        .unit("mot", Side::Allied, "motorised", (1, 0))
        .unit("de", Side::Axis, "infantry", (0, 1))
        .build();
    let v = t.view();
    let mot = t.scenario.unit_id("mot").unwrap();
    assert!(v.in_zoc_of(Side::Axis, h(1, 0)));
    assert_eq!(
        step_cost(&v, mot, h(1, 0), h(2, 0)),
        Ok(6),
        "hills cost for motorised"
    );
    assert_eq!(
        step_cost(&v, mot, h(2, 0), h(1, 0)),
        Ok(1),
        "road from outside the ZOC"
    );
}

#[test]
fn major_river_stops_vehicles_but_not_foot_and_bridges_carry_both() {
    let t = TestScenario::new(&["ccc"])
        .river_major((0, 0), (1, 0))
        .river_major((1, 0), (2, 0))
        .road(RoadClass::Main, &[(1, 0), (2, 0)])
        .bridge((1, 0), (2, 0))
        .unit("tank", Side::Allied, "armour", (0, 0))
        .unit("inf", Side::Allied, "infantry", (0, 0))
        .build();
    let v = t.view();
    let tank = t.scenario.unit_id("tank").unwrap();
    let inf = t.scenario.unit_id("inf").unwrap();
    let err = step_cost(&v, tank, h(0, 0), h(1, 0)).unwrap_err();
    assert_eq!(
        err.reason,
        "tank cannot cross the major river into (1,0) without a bridge"
    );
    assert_eq!(step_cost(&v, inf, h(0, 0), h(1, 0)), Ok(6)); // clear 2 + major 4
    assert_eq!(step_cost(&v, tank, h(1, 0), h(2, 0)), Ok(1)); // road over the bridge
}

#[test]
fn sea_and_enemy_hexes_cannot_be_entered() {
    let t = TestScenario::new(&["c.c"])
        .unit("inf", Side::Allied, "infantry", (0, 0))
        .unit("de", Side::Axis, "infantry", (2, 0))
        .build();
    let v = t.view();
    let inf = t.scenario.unit_id("inf").unwrap();
    assert_eq!(
        step_cost(&v, inf, h(0, 0), h(1, 0)).unwrap_err().kind,
        RejectionKind::Prohibited
    );
    assert_eq!(
        step_cost(&v, inf, h(1, 0), h(2, 0)).unwrap_err().reason,
        "(2,0) is held by the enemy"
    );
}

#[test]
fn marsh_is_closed_to_motorised_units() {
    let t = TestScenario::new(&["cw"])
        .unit("mot", Side::Allied, "motorised", (0, 0))
        .build();
    let v = t.view();
    let mot = t.scenario.unit_id("mot").unwrap();
    assert_eq!(
        step_cost(&v, mot, h(0, 0), h(1, 0)).unwrap_err().reason,
        "mot (motorised) cannot enter marsh at (1,0)"
    );
}

#[test]
fn reachable_set_matches_check_path_everywhere() {
    let t = TestScenario::new(&["cchcc", "cfchc", "ccmcc", "wcccc"])
        .river_minor((1, 1), (2, 1))
        .unit("inf", Side::Allied, "infantry", (0, 0))
        .unit("de", Side::Axis, "infantry", (4, 3))
        .build();
    let v = t.view();
    let inf = t.scenario.unit_id("inf").unwrap();
    let reach = reachable(&v, inf);
    assert!(!reach.destinations().is_empty());
    for (hex, cost) in reach.destinations() {
        let path = reach.path_to(hex).unwrap();
        let check = check_path(&v, inf, &path).unwrap();
        assert_eq!(check.cost, cost, "cost to {hex:?}");
    }
}

#[test]
fn no_unit_walks_across_the_strait() {
    let mut t = TestScenario::new(&["cc"])
        .unit("inf", Side::Axis, "infantry", (0, 0))
        .build();
    let scenario = std::sync::Arc::get_mut(&mut t.scenario).unwrap();
    for (a, b) in [(h(0, 0), h(1, 0)), (h(1, 0), h(0, 0))] {
        let i = scenario.map.index(a).unwrap();
        let d = a.neighbor_direction(b).unwrap();
        scenario.map.sides[i][d.index() as usize].strait = true;
    }
    let v = t.view();
    let inf = t.scenario.unit_id("inf").unwrap();
    assert_eq!(
        step_cost(&v, inf, h(0, 0), h(1, 0)).unwrap_err().reason,
        "inf cannot cross the strait into (1,0): only ferries cross it (evacuation, supply)"
    );
    assert!(!crate::rules::zoc::exerts_into(&v, h(0, 0), h(1, 0)));
}
