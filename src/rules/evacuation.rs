//! Evacuation across the Strait of Messina.
//!
//! In its evacuation phase a side may take off the map any unit that stands on
//! a place marked `evacuation` (Messina and the strait ports) and has been
//! there since an earlier turn (it spent a phase there waiting for the
//! ferries). At most `rules.evacuation_steps_per_turn` steps cross per turn.
//! Evacuated steps score for the Axis (`victory.rs`).

use super::{GameView, Rejection, RejectionKind};
use crate::command::Event;
use crate::scenario::{Scenario, Side, UnitId};
use crate::sim::state::{State, Status};

/// May `unit` evacuate now?
pub fn check(view: &GameView, unit: UnitId) -> Result<(), Rejection> {
    let def = view.def(unit);
    let u = view.unit(unit);
    let Some(hex) = u.hex() else {
        return Err(Rejection::new(
            RejectionKind::NotOnMap,
            format!("{} is not on the map", def.name),
        ));
    };
    if !super::events::window_open(view.state, crate::scenario::schema::RuleWindow::Evacuation) {
        return Err(Rejection::new(
            RejectionKind::Evacuation,
            "evacuation has not been ordered (a scenario event opens it)",
        ));
    }
    if !view.scenario.map.place(hex).is_some_and(|p| p.evacuation) {
        return Err(Rejection::new(
            RejectionKind::Evacuation,
            format!("{} is not at an evacuation port", def.name),
        ));
    }
    if u.entered_turn >= view.state.turn {
        return Err(Rejection::new(
            RejectionKind::Evacuation,
            format!(
                "{} reached the port this turn and must wait a turn for the ferries",
                def.name
            ),
        ));
    }
    let cap = view.scenario.rules.evacuation_steps_per_turn;
    let used = view.state.evacuated_this_turn;
    if used + u.steps > cap {
        return Err(Rejection::new(
            RejectionKind::Evacuation,
            format!(
                "the ferries can carry {} more steps this turn; {} has {}",
                cap.saturating_sub(used),
                def.name,
                u.steps
            ),
        ));
    }
    Ok(())
}

/// Can any unit of `side` evacuate now?
#[must_use]
pub fn any_eligible(view: &GameView, side: Side) -> bool {
    view.side_units(side).any(|u| check(view, u.id).is_ok())
}

/// Take the unit off the map; its steps score for its side.
pub fn apply(scenario: &Scenario, state: &mut State, unit: UnitId) -> Vec<Event> {
    let u = &mut state.units[unit as usize];
    let steps = u.steps;
    u.status = Status::Evacuated;
    u.at = None;
    state.evacuated_this_turn += steps;
    if scenario.unit(unit).side == Side::Axis {
        state.evacuated_steps += steps;
    }
    vec![Event::Evacuated { unit, steps }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::Command;
    use crate::scenario::{builder::TestScenario, schema::PlaceKind, PhaseSpec};

    #[test]
    fn an_evacuated_unit_scores_its_steps_and_leaves_the_map() {
        let t = TestScenario::new(&["ccc"])
            .place("messina", PlaceKind::Port, (2, 0))
            .with_place(|p| p.evacuation = true)
            .unit("15pg", Side::Axis, "infantry", (2, 0))
            .phases(vec![PhaseSpec::Evacuation(Side::Axis), PhaseSpec::EndTurn])
            .build();
        let mut state = t.state.clone();
        state.turn = 2; // it has been in Messina since turn 0
        let unit = t.scenario.unit_id("15pg").unwrap();
        let cmd = Command::Evacuate { unit };
        cmd.validate(&GameView::new(&t.scenario, &state)).unwrap();
        let events = cmd.apply(&t.scenario, &mut state);
        assert_eq!(events, vec![Event::Evacuated { unit, steps: 3 }]);
        assert_eq!(state.units[unit as usize].status, Status::Evacuated);
        assert_eq!(state.evacuated_steps, 3);
        assert!(GameView::new(&t.scenario, &state)
            .units_at(crate::hex::OffsetCoord(2, 0).to_hex())
            .is_empty());
    }

    #[test]
    fn evacuation_needs_a_port_a_wait_and_ferry_room() {
        let t = TestScenario::new(&["ccc"])
            .rules(|r| r.evacuation_steps_per_turn = 4)
            .place("messina", PlaceKind::Port, (2, 0))
            .with_place(|p| p.evacuation = true)
            .unit("a", Side::Axis, "infantry", (2, 0))
            .unit("b", Side::Axis, "infantry", (2, 0))
            .unit("c", Side::Axis, "infantry", (0, 0))
            .build();
        let mut state = t.state.clone();
        state.turn = 3;
        let id = |n| t.scenario.unit_id(n).unwrap();
        let v = GameView::new(&t.scenario, &state);
        assert_eq!(
            check(&v, id("c")).unwrap_err().reason,
            "c is not at an evacuation port"
        );
        state.evacuated_this_turn = 3;
        let v = GameView::new(&t.scenario, &state);
        assert_eq!(
            check(&v, id("a")).unwrap_err().reason,
            "the ferries can carry 1 more steps this turn; a has 3"
        );
        state.evacuated_this_turn = 0;
        state.units[id("b") as usize].entered_turn = 3;
        let v = GameView::new(&t.scenario, &state);
        assert!(check(&v, id("a")).is_ok());
        assert_eq!(
            check(&v, id("b")).unwrap_err().reason,
            "b reached the port this turn and must wait a turn for the ferries"
        );
    }
}
