//! Orders are judged on what their side can see (fog of war is a rule, not
//! only a view).
//!
//! A command is checked against the real state. If the real state refuses
//! it, it is checked again on the acting side's view ([`fog::visible_state`]):
//! - refused there too: the refusal the player gets is the one worded from
//!   that view, so a refusal never names a hex or unit the side cannot see;
//! - allowed there: hidden enemy units are what stands in the way. A `Move`
//!   is then accepted and carried out as far as the real rules allow
//!   (`move_order.rs`: the column runs into the enemy and stops, with an
//!   [`super::Event::Contact`]); any other order is refused without naming
//!   what refused it.
//!
//! A command the real state allows is allowed: every hex an order touches
//! directly (an attack's target, next to the attackers) is always in sight.

use super::{acting_side, Command};
use crate::rules::{fog, GameView, Rejection, RejectionKind};
use crate::scenario::Scenario;
use crate::sim::state::State;

/// Validate `command` for the side acting now, as that side sees the game.
pub fn validate_as_seen(
    command: &Command,
    scenario: &Scenario,
    state: &State,
) -> Result<(), Rejection> {
    let refusal = match command.validate(&GameView::new(scenario, state)) {
        Ok(()) => return Ok(()),
        Err(r) => r,
    };
    let phase = scenario.phases[state.phase as usize];
    let Some(side) = acting_side(phase) else {
        return Err(refusal);
    };
    let mut seen = fog::visible_state(scenario, state, side);
    seen.sync_index(scenario);
    match command.validate(&GameView::new(scenario, &seen)) {
        Err(as_seen) => Err(as_seen),
        Ok(()) if matches!(command, Command::Move { .. }) => Ok(()),
        Ok(()) => Err(Rejection::new(
            RejectionKind::Prohibited,
            "the order cannot be carried out".to_string(),
        )),
    }
}
