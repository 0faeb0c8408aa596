//! Amphibious landings: units scheduled over a beach come ashore on its
//! hexes in their side's arrivals phase, up to the beach's capacity in steps
//! per turn.

use super::reinforcements;
use crate::command::Event;
use crate::hex::{Hex, OffsetCoord};
use crate::scenario::{Scenario, UnitId};
use crate::sim::state::State;

/// Land `unit` over beach `b`; false if it cannot land this turn.
pub fn land(scenario: &Scenario, state: &mut State, unit: UnitId, b: u16, events: &mut Vec<Event>) -> bool {
    let beach = &scenario.map.beaches[b as usize];
    let steps = state.units[unit as usize].steps;
    if state.beach_used[b as usize] + steps > beach.capacity.max(steps.min(beach.capacity.max(1))) {
        return false;
    }
    let hexes: Vec<Hex> = beach.hexes.iter().map(|h| h.to_hex()).collect();
    let mut inner = Vec::new();
    if !reinforcements::enter(scenario, state, unit, &hexes, &mut inner) {
        return false;
    }
    state.beach_used[b as usize] += steps;
    let at = state.units[unit as usize].at.unwrap_or(OffsetCoord(0, 0));
    events.push(Event::Landed { unit, beach: b, at });
    true
}
