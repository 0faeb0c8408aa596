//! The computer plays honestly: from what its side sees, with the rules'
//! own odds, by the scenario's data rather than by which side it is, and
//! with decisions one unit cannot flip. Tiny hand-built maps.

use super::*;
use crate::hex::{Hex, OffsetCoord};
use crate::rules::combat::{self, Support};
use crate::scenario::{builder::TestScenario, schema::PlaceKind, Side};

fn normal() -> AiParams {
    AiLevels::builtin().levels["normal"].clone()
}

fn h(c: i32, r: i32) -> Hex {
    OffsetCoord(c, r).to_hex()
}

/// Every command the AI gives over `phases` phases, each executed.
fn commands(mut g: Game, phases: usize) -> Vec<Command> {
    let mut ai = Ai::new(normal());
    let mut out = Vec::new();
    for _ in 0..phases * 40 {
        if g.is_over() {
            break;
        }
        let cmd = ai.next_command(&g);
        out.push(cmd.clone());
        let end = cmd == Command::EndPhase;
        g.execute(cmd).expect("legal");
        if end && out.iter().filter(|c| **c == Command::EndPhase).count() >= phases {
            break;
        }
    }
    out
}

/// A US regiment marching east on a town; two German panzer regiments
/// hidden in forest (concealment 1: seen only from next door) at `hidden`
/// (two hexes apart).
fn hidden_at(hidden: [(i32, i32); 2]) -> Game {
    let t = TestScenario::new(&["ccccccffcc", "cccccccccc", "cccccccccc", "ccccccccff"])
        .place("town", PlaceKind::Town, (9, 1))
        .objective("town", 10, 0, Side::Axis)
        .unit("us", Side::Allied, "infantry", (0, 1))
        .unit("pz1", Side::Axis, "armour", hidden[0])
        .unit("pz2", Side::Axis, "armour", hidden[1])
        .phases(vec![
            PhaseSpec::Movement(Side::Allied),
            PhaseSpec::Combat(Side::Allied),
            PhaseSpec::Movement(Side::Axis),
            PhaseSpec::EndTurn,
        ])
        .turns(3)
        .build();
    Game::new(t.scenario, 5)
}

#[test]
fn hidden_enemy_units_moved_elsewhere_change_no_command() {
    // Near the road east (two hexes from where the regiment would stop)
    // or far in the south-east corner: the Allies see neither, so their
    // turn is the same. Planning on the real game, the panzers near the
    // road would frighten the regiment short of its march.
    let near = hidden_at([(6, 0), (7, 0)]);
    let far = hidden_at([(8, 3), (9, 3)]);
    for g in [&near, &far] {
        assert!(crate::rules::fog::visible_enemies(&g.view(), Side::Allied).is_empty());
    }
    // The Allied movement phase (their combat phase has nothing to do).
    let (a, b) = (commands(near, 1), commands(far, 1));
    assert!(
        a.iter().any(|c| matches!(c, Command::Move { .. })),
        "the regiment marches: {a:?}"
    );
    assert_eq!(a, b);
}

/// US infantry, armour and artillery next to a German regiment on `target`
/// terrain, with `naval` points; `river`: a minor river on every side of
/// the German hex.
fn engaged(target: char, river: bool) -> crate::scenario::builder::Built {
    let mid = format!("c{target}c");
    let mut t = TestScenario::new(&["ccc", &mid, "ccc", "...."])
        .place("fort", PlaceKind::Town, (1, 1))
        .with_place(|p| p.fortified = true)
        .unit("inf", Side::Allied, "infantry", (0, 1))
        .unit("tank", Side::Allied, "armour", (2, 1))
        .unit("guns", Side::Allied, "artillery", (1, 2))
        .unit("de", Side::Axis, "infantry", (1, 1))
        .support(|sp| {
            sp.naval_points = vec![1];
            sp.air_points_allied = vec![1];
            sp.max_per_attack = 2;
            sp.naval_range = 3;
        });
    if river {
        for n in h(1, 1).all_neighbors() {
            let o = OffsetCoord::from_hex(n);
            t = t.river_minor((1, 1), (o.0, o.1));
        }
    }
    t.build()
}

#[test]
fn the_odds_the_computer_fears_are_the_odds_the_preview_shows() {
    for (terrain, river) in [('h', false), ('c', true), ('t', false)] {
        let mut t = engaged(terrain, river);
        t.state.support[Side::Allied.index()] = crate::sim::state::SupportLeft { naval: 1, air: 1 };
        let v = t.view();
        let id = |n| t.scenario.unit_id(n).unwrap();
        let front = front::Front::new(&v, Side::Axis);
        let expected = front
            .odds_against(&v, h(1, 1), &[id("de")])
            .expect("threatened");
        let preview = combat::odds(
            &v,
            &[id("inf"), id("tank")],
            h(1, 1),
            &Support {
                naval: 1,
                air: 1,
                artillery: vec![id("guns")],
            },
            false,
        )
        .unwrap();
        assert_eq!(expected, preview, "terrain {terrain}, river {river}");
        // The loss the movement score weighs reads the same column.
        let steps = v.unit(id("de")).steps;
        let lost: i64 = preview
            .per_face
            .iter()
            .map(|r| i64::from(combat::losses_of(r, 0, steps).1))
            .sum();
        assert_eq!(
            front.expected_loss_x100(&v, h(1, 1), &[id("de")]),
            lost * 100 / i64::from(preview.die)
        );
    }
}

#[test]
fn the_side_holding_the_objectives_defends_whichever_it_is() {
    // The Allies hold the town: the Axis attacks it, by assignment.
    let t = TestScenario::new(&["cccccccc"])
        .place("town", PlaceKind::Town, (7, 0))
        .objective("town", 10, 0, Side::Allied)
        .unit("de", Side::Axis, "infantry", (0, 0))
        .phases(vec![PhaseSpec::Movement(Side::Axis), PhaseSpec::EndTurn])
        .build();
    assert_eq!(posture::defender(&t.scenario), Side::Allied);
    let g = Game::new(t.scenario.clone(), 1);
    let de = g.scenario().unit_id("de").unwrap();
    let Command::Move { unit, path } = Ai::new(normal()).next_command(&g) else {
        panic!("the Axis attacker marches");
    };
    assert_eq!(unit, de);
    assert_eq!(path.last(), Some(&OffsetCoord(4, 0)));
}

/// A port with the evacuation mark, five German regiments round it and
/// `allies` Allied regiments `hexes` away, on turn 1 of 20.
fn evacuation_game(allies: usize) -> crate::scenario::builder::Built {
    let mut t = TestScenario::new(&["cccccccccccc", "cccccccccccc"])
        .place("messina", PlaceKind::Port, (11, 0))
        .with_place(|p| p.evacuation = true)
        .place("town", PlaceKind::Town, (0, 0))
        .objective("town", 10, 0, Side::Axis)
        .turns(20);
    for k in 0..5 {
        t = t
            .unit(
                &format!("de{k}"),
                Side::Axis,
                "infantry",
                (7 + k % 3, k % 2),
            )
            .with(|u| u.nation = "DE".into());
    }
    for k in 0..allies {
        t = t.unit(
            &format!("us{k}"),
            Side::Allied,
            "infantry",
            (4, k as i32 % 2),
        );
    }
    t.build()
}

#[test]
fn one_enemy_unit_near_the_ports_does_not_start_the_evacuation() {
    let p = normal();
    let one = evacuation_game(1);
    assert!(!posture::should_begin(&one.view(), Side::Axis, &p));
    // Six regiments (36 attack against 25 defence) are an army at the gates.
    let army = evacuation_game(12);
    assert!(posture::should_begin(&army.view(), Side::Axis, &p));
}

#[test]
fn an_evacuation_once_begun_sticks() {
    let p = normal();
    let army = evacuation_game(12);
    let calm = evacuation_game(0);
    let mut e = posture::Evacuation::default();
    assert!(!e.decide(&calm.view(), Side::Axis, &p));
    assert!(e.decide(&army.view(), Side::Axis, &p));
    assert!(
        e.decide(&calm.view(), Side::Axis, &p),
        "the army gone from sight does not call the ferries back"
    );
    assert_eq!(e.begun(Side::Axis), Some(1));
    assert!(
        !e.decide(&army.view(), Side::Allied, &p),
        "a side without an evacuation phase never evacuates"
    );
}

#[test]
fn the_attacker_advances_only_where_it_can_hold() {
    // The US regiment attacks the German one at (2,0); German armour waits
    // at (4,0), two hexes beyond. Advancing would put 3 steps at 2:1 odds
    // and worse: it stays. Without the armour it advances.
    let build = |armour: bool| {
        let mut t = TestScenario::new(&["cccccc", "cccccc"])
            .unit("us", Side::Allied, "infantry", (1, 0))
            .unit("us2", Side::Allied, "infantry", (1, 1))
            .unit("de", Side::Axis, "infantry", (2, 0))
            .with(|u| u.defence = 1);
        if armour {
            t = t.unit("pz", Side::Axis, "armour", (4, 0)).unit(
                "pz2",
                Side::Axis,
                "armour",
                (4, 1),
            );
        }
        t.build()
    };
    let p = normal();
    for (armour, advance) in [(true, false), (false, true)] {
        let t = build(armour);
        let v = t.view();
        let front = front::Front::new(&v, Side::Allied);
        let us = t.scenario.unit_id("us").unwrap();
        assert_eq!(
            attacks::advance_into(&v, Side::Allied, h(2, 0), us, &p, &front),
            advance,
            "armour {armour}"
        );
    }
}

#[test]
fn the_reserve_is_the_units_farthest_behind_the_line() {
    // Five US regiments in a column, the enemy in the east: with 20% in
    // reserve the westernmost one is it, whatever its id.
    let t = TestScenario::new(&["cccccccc"])
        .unit("e", Side::Allied, "infantry", (5, 0))
        .unit("d", Side::Allied, "infantry", (4, 0))
        .unit("w", Side::Allied, "infantry", (0, 0))
        .unit("c", Side::Allied, "infantry", (3, 0))
        .unit("b", Side::Allied, "infantry", (2, 0))
        .unit("de", Side::Axis, "infantry", (7, 0))
        .build();
    let v = t.view();
    let reserve = movement::reserve_of(&v, Side::Allied, &normal());
    let names: Vec<&str> = ["e", "d", "w", "c", "b"]
        .into_iter()
        .filter(|n| reserve[t.scenario.unit_id(n).unwrap() as usize])
        .collect();
    assert_eq!(names, ["w"]);
}

/// A German regiment holding a town; two US regiments hidden in forest
/// (seen only from next door) at `hidden`.
fn defender_with_hidden(hidden: [(i32, i32); 2]) -> Game {
    let t = TestScenario::new(&["ffcccccff", "ffcccccff"])
        .place("town", PlaceKind::Town, (4, 0))
        .objective("town", 10, 0, Side::Axis)
        .unit("us1", Side::Allied, "infantry", hidden[0])
        .unit("us2", Side::Allied, "infantry", hidden[1])
        .unit("de", Side::Axis, "infantry", (4, 0))
        .phases(vec![PhaseSpec::Movement(Side::Axis), PhaseSpec::EndTurn])
        .turns(3)
        .build();
    Game::new(t.scenario, 5)
}

#[test]
fn a_defender_does_not_march_on_enemies_it_cannot_see() {
    // West or east of the town, unseen: the defender's turn is the same.
    // Planning on the real game, it would go for contact with them.
    let west = defender_with_hidden([(0, 0), (1, 1)]);
    let east = defender_with_hidden([(8, 0), (7, 1)]);
    for g in [&west, &east] {
        assert!(crate::rules::fog::visible_enemies(&g.view(), Side::Axis).is_empty());
    }
    assert_eq!(commands(west, 1), commands(east, 1));
}
