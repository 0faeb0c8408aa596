//! A leg's outcome read off a real game, and the next leg prepared from it.

use super::*;
use crate::command::Command;
use crate::scenario::builder::TestScenario;
use crate::scenario::campaign::{Carried, Leg, StrengthCarry};
use crate::scenario::schema::{FormationSpec, PlaceKind, UnitSize};
use crate::scenario::{PhaseSpec, Side};
use crate::sim::state::State;

/// Leg 1: `a1` (3 steps) waits on the port `messina`, `a2` inland, both of
/// `hg`; the Axis evacuation phase is the only phase. Leg 2: `b1`, `b2`
/// (3 steps each) take what `hg` got out plus 1 refit step.
fn two_legs() -> Campaign {
    let island = TestScenario::new(&["ccc"])
        .place("messina", PlaceKind::Port, (2, 0))
        .with_place(|p| p.evacuation = true)
        .unit("a1", Side::Axis, "infantry", (2, 0))
        .with(|u| u.parent = "hg".into())
        .unit("a2", Side::Axis, "infantry", (0, 0))
        .with(|u| u.parent = "hg".into())
        .phases(vec![PhaseSpec::Evacuation(Side::Axis), PhaseSpec::EndTurn])
        .turns(3)
        .build();
    let mut island = (*island.scenario).clone();
    island.formations = vec![FormationSpec {
        id: "hg".into(),
        name: "HG".into(),
        size: UnitSize::Division,
        parent: None,
    }];
    let bay = TestScenario::new(&["ccc"])
        .unit("b1", Side::Axis, "infantry", (0, 0))
        .unit("b2", Side::Axis, "infantry", (1, 0))
        .build();
    let leg = |id: &str, s: Scenario| Leg {
        id: id.into(),
        scenario_path: id.into(),
        scenario: Arc::new(s),
        strength: Vec::new(),
        arrivals: Vec::new(),
    };
    let mut bay = leg("bay", (*bay.scenario).clone());
    bay.strength.push(StrengthCarry {
        from_leg: "island".into(),
        formation: "hg".into(),
        units: vec!["b1".into(), "b2".into()],
        refit_steps: 1,
        note: "test".into(),
    });
    Campaign {
        id: "t".into(),
        name: "T".into(),
        description: String::new(),
        path: "t/campaign.ron".into(),
        legs: vec![leg("island", island), bay],
    }
}

#[test]
fn the_steps_a_leg_evacuates_set_the_next_legs_strength() {
    let c = two_legs();
    let (island, carry) = prepare(&c, 0, &[]).unwrap();
    assert!(carry.link.carried.is_empty() && carry.summary.is_empty());
    let mut game = Game::new(island, 1);
    while game.state().turn < 2 {
        game.execute(Command::EndPhase).unwrap();
    }
    let a1 = game.scenario().unit_id("a1").unwrap();
    game.execute(Command::Evacuate { unit: a1 }).unwrap();
    let o = outcome(&c, 0, &game);
    assert_eq!(o.leg, "island");
    assert_eq!(
        o.evacuated,
        vec![UnitSteps {
            unit: "a1".into(),
            steps: 3
        }]
    );
    assert_eq!(o.result, "unfinished after turn 1");
    // 3 evacuated + 1 refit: b1 full (3), b2 1.
    let (bay, carry) = next_leg(&c, &game).unwrap().expect("a second leg");
    assert_eq!(
        carry.link.carried,
        vec![
            Carried::Steps {
                unit: "b1".into(),
                steps: 3
            },
            Carried::Steps {
                unit: "b2".into(),
                steps: 1
            },
        ]
    );
    assert_eq!(carry.link.before, vec![o]);
    let st = State::new(&bay, 1);
    let b2 = bay.unit_id("b2").unwrap();
    assert_eq!(st.unit(b2).steps, 1);
    // After the last leg there is none.
    let last = Game::new(bay, 1);
    assert!(next_leg(&c, &last).unwrap().is_none());
    // A game played alone is not a leg.
    let alone = Game::new(Arc::clone(&c.legs[0].scenario), 1);
    assert!(next_leg(&c, &alone).is_err());
}
