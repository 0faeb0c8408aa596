//! Applying an evacuation (`Command::Evacuate`): the unit leaves the map
//! from its embarkation point. Who may cross and what it is worth is
//! `rules::evacuation`.

use super::Event;
use crate::rules::evacuation;
use crate::scenario::{Scenario, UnitId};
use crate::sim::state::{State, Status};

/// Take the unit off the map. It keeps the hex it left from and the turn
/// it crossed (the ferries' and the port's use this turn are read from
/// them); its steps count as evacuated if they score.
pub fn apply(scenario: &Scenario, state: &mut State, unit: UnitId) -> Vec<Event> {
    let turn = state.turn;
    let u = &mut state.units[unit as usize];
    let steps = u.steps;
    u.status = Status::Evacuated;
    u.entered_turn = turn;
    state.evacuated_this_turn += steps;
    if evacuation::vp_of(scenario, &state.units[unit as usize]) > 0 {
        state.evacuated_steps += steps;
    }
    vec![Event::Evacuated { unit, steps }]
}

#[cfg(test)]
mod tests {
    use crate::command::{Command, Event};
    use crate::rules::GameView;
    use crate::scenario::schema::{
        EmbarkationSpec, EvacuationScoreSpec, EvacuationSpec, EvacuationWindowSpec, PlaceKind,
    };
    use crate::scenario::{builder::TestScenario, PhaseSpec, Side};
    use crate::sim::state::Status;

    #[test]
    fn an_evacuated_unit_leaves_from_its_port_and_only_a_unit_that_fought_scores() {
        let t = TestScenario::new(&["ccc"])
            .place("messina", PlaceKind::Port, (2, 0))
            .evacuation(EvacuationSpec {
                ports: vec![EmbarkationSpec {
                    place: "messina".into(),
                    steps_per_turn: 9,
                }],
                windows: vec![EvacuationWindowSpec {
                    from_turn: 1,
                    until_turn: 5,
                    steps_per_turn: 9,
                    nations: Vec::new(),
                }],
                scoring: vec![EvacuationScoreSpec {
                    nation: "DE".into(),
                    vp_per_step: 1,
                }],
                only_units_that_fought: true,
            })
            .unit("veteran", Side::Axis, "infantry", (2, 0))
            .with(|u| u.nation = "DE".into())
            .unit("fresh", Side::Axis, "infantry", (2, 0))
            .with(|u| u.nation = "DE".into())
            .phases(vec![PhaseSpec::Evacuation(Side::Axis), PhaseSpec::EndTurn])
            .build();
        let mut state = t.state.clone();
        state.turn = 2; // both have been in Messina since turn 0
        let id = |n| t.scenario.unit_id(n).unwrap();
        state.units[id("veteran") as usize].fought = true;
        for n in ["veteran", "fresh"] {
            let cmd = Command::Evacuate { unit: id(n) };
            cmd.validate(&GameView::new(&t.scenario, &state)).unwrap();
            let events = cmd.apply(&t.scenario, &mut state);
            assert_eq!(
                events,
                vec![Event::Evacuated {
                    unit: id(n),
                    steps: 3
                }]
            );
            let u = state.unit(id(n));
            assert_eq!(
                (u.status, u.at, u.entered_turn),
                (Status::Evacuated, Some(crate::hex::OffsetCoord(2, 0)), 2)
            );
        }
        assert_eq!((state.evacuated_steps, state.evacuated_this_turn), (3, 6));
        assert!(GameView::new(&t.scenario, &state)
            .units_at(crate::hex::OffsetCoord(2, 0).to_hex())
            .is_empty());
    }
}
