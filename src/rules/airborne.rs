//! Airborne drops: units scheduled at a drop zone come down there in their
//! side's arrivals phase.

use super::reinforcements;
use crate::command::Event;
use crate::hex::OffsetCoord;
use crate::scenario::{Arrival, Scenario, UnitId};
use crate::sim::state::State;

/// Drop `unit` at zone `z`; false if it cannot drop this turn.
pub fn drop(
    scenario: &Scenario,
    state: &mut State,
    unit: UnitId,
    z: u16,
    _arrival: &Arrival,
    events: &mut Vec<Event>,
) -> super::amphibious::Landing {
    let zone = &scenario.map.drop_zones[z as usize];
    let mut inner = Vec::new();
    if !reinforcements::enter(scenario, state, unit, &[zone.hex.to_hex()], &mut inner) {
        return super::amphibious::Landing::Blocked;
    }
    let at = state.units[unit as usize].at.unwrap_or(OffsetCoord(0, 0));
    events.push(Event::Dropped {
        unit,
        zone: z,
        at,
        scatter: 0,
    });
    super::amphibious::Landing::Landed
}
