//! Evacuation across the Strait of Messina: who may cross, and what the
//! steps that get away are worth. Applying it is `command::evacuation`.
//!
//! In its evacuation phase a side may take off the map a unit that stands on
//! an embarkation point of the scenario's plan ([`Evacuation`]) and has been
//! there since an earlier turn (it waited a phase for the ferries), while a
//! window of its nation is open and both the window and the embarkation
//! point have room for its steps this turn. The steps that get away score
//! for the Axis at their nation's rate — only those of units that fought,
//! if the plan says so (`victory.rs`).
//!
//! What crossed this turn is read from the units themselves: an evacuated
//! unit keeps the hex it left from and the turn it crossed
//! (`UnitState::at`, `entered_turn`).

use super::{GameView, Rejection, RejectionKind};
use crate::hex::OffsetCoord;
use crate::scenario::{Evacuation, Scenario, Side, UnitId};
use crate::sim::state::{State, Status, UnitState};

/// Steps that crossed on `turn` from `port` (`None`: from anywhere) and
/// whose nation `counts`.
fn crossed(
    scenario: &Scenario,
    state: &State,
    port: Option<OffsetCoord>,
    counts: impl Fn(&str) -> bool,
) -> u32 {
    state
        .units
        .iter()
        .filter(|u| {
            u.status == Status::Evacuated
                && u.entered_turn == state.turn
                && port.is_none_or(|p| u.at == Some(p))
                && counts(&scenario.unit(u.id).nation)
        })
        .map(|u| u.steps)
        .sum()
}

/// May `unit` evacuate now?
pub fn check(view: &GameView, unit: UnitId) -> Result<(), Rejection> {
    let def = view.def(unit);
    let u = view.unit(unit);
    let plan: &Evacuation = &view.scenario.evacuation;
    let refuse = |reason: String| Err(Rejection::new(RejectionKind::Evacuation, reason));
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
    let map = &view.scenario.map;
    let port = map
        .index(hex)
        .and_then(|i| map.place_at[i])
        .and_then(|p| plan.port(p));
    let Some(port) = port else {
        return refuse(format!("{} is not at an evacuation port", def.name));
    };
    let turn = view.state.turn;
    if u.entered_turn >= turn {
        return refuse(format!(
            "{} reached the port this turn and must wait a turn for the ferries",
            def.name
        ));
    }
    let Some(window) = plan.window(&def.nation, turn) else {
        let next = plan
            .windows
            .iter()
            .filter(|w| w.carries(&def.nation) && w.window.from_turn > turn)
            .map(|w| w.window.from_turn)
            .min();
        return refuse(match next {
            Some(t) => format!("the ferries do not run for {} until turn {t}", def.name),
            None => format!("the ferries no longer run for {}", def.name),
        });
    };
    let used = crossed(view.scenario, view.state, None, |n| window.carries(n));
    if used + u.steps > window.steps_per_turn {
        return refuse(format!(
            "the ferries can carry {} more steps this turn; {} has {}",
            window.steps_per_turn.saturating_sub(used),
            def.name,
            u.steps
        ));
    }
    let at = Some(OffsetCoord::from_hex(hex));
    let loaded = crossed(view.scenario, view.state, at, |_| true);
    if loaded + u.steps > port.steps_per_turn {
        return refuse(format!(
            "{} can load {} more steps this turn; {} has {}",
            map.places[port.place as usize].name,
            port.steps_per_turn.saturating_sub(loaded),
            def.name,
            u.steps
        ));
    }
    Ok(())
}

/// Can any unit of `side` evacuate now?
#[must_use]
pub fn any_eligible(view: &GameView, side: Side) -> bool {
    view.side_units(side).any(|u| check(view, u.id).is_ok())
}

/// Axis VP the evacuated unit `u` is worth: its steps at its nation's rate,
/// or nothing if it never fought and only units that fought score.
#[must_use]
pub fn vp_of(scenario: &Scenario, u: &UnitState) -> u32 {
    let def = scenario.unit(u.id);
    let plan = &scenario.evacuation;
    if u.status != Status::Evacuated
        || def.side != Side::Axis
        || (plan.only_units_that_fought && !u.fought)
    {
        return 0;
    }
    u.steps * plan.vp_per_step(&def.nation)
}

/// Axis VP of everything evacuated so far.
#[must_use]
pub fn vp(scenario: &Scenario, state: &State) -> u32 {
    state.units.iter().map(|u| vp_of(scenario, u)).sum()
}

#[cfg(test)]
#[path = "evacuation_tests.rs"]
mod tests;
