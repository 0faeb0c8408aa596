//! The arrivals phase applied: scheduled units come on at their entry points
//! (ports, map edges, hexes), land over beaches or drop on zones, in unit-id
//! order. Which entry is open, how a landing would go and where a drop may
//! come to rest are rules (`rules::reinforcements`, `rules::amphibious`,
//! `rules::airborne`); this file changes the state and reports the events.
//! A unit with no open entry is delayed to the next turn; so is a unit whose
//! beach assault was thrown back (it does not try its other entries that
//! turn). A unit destroyed while landing is not.

use super::landing::{drop, land};
use super::Event;
use crate::hex::{Hex, OffsetCoord};
use crate::rules::entering::How;
use crate::rules::{gunfire, reinforcements, GameView};
use crate::scenario::{Entry, Scenario, Side, UnitId};
use crate::sim::state::{State, Status};

/// What came of one attempt to bring a unit on at one entry point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Landing {
    /// The unit is on the map.
    Landed,
    /// This entry point is closed (full, over capacity, blocked): try the next.
    Blocked,
    /// The unit fought and stays at sea (or was destroyed): no other entry
    /// this turn.
    Repulsed,
}

/// Bring on every unit of `side` due this turn (`rules::gunfire::due`: the
/// scheduled ones and those at sea in landing craft), in unit-id order.
pub fn arrive(scenario: &Scenario, state: &mut State, side: Side, events: &mut Vec<Event>) {
    let due = gunfire::due(scenario, state, side, state.turn);
    for unit in due {
        let (entries, arrival) = match state.works.sailing.get(&unit) {
            Some(&(b, _)) => (vec![Entry::Beach(b)], None),
            None => match scenario.units[unit as usize].arrival.clone() {
                Some(a) => (a.entries.clone(), Some(a)),
                None => continue,
            },
        };
        let mut outcome = Landing::Blocked;
        for entry in &entries {
            outcome = match *entry {
                Entry::Beach(b) => land(scenario, state, unit, b, events),
                Entry::Drop(z) => match &arrival {
                    Some(a) => drop(scenario, state, unit, z, a, events),
                    None => Landing::Blocked,
                },
                Entry::Port(p) => {
                    let hex = scenario.map.places[p as usize].hex.to_hex();
                    placed(
                        state.control[p as usize] == side
                            && enter(scenario, state, unit, &[hex], events),
                    )
                }
                Entry::Edge(e) => {
                    let near = arrival.as_ref().and_then(|a| a.near);
                    let hexes = reinforcements::edge_hexes(scenario, unit, e, near);
                    placed(enter(scenario, state, unit, &hexes, events))
                }
                Entry::Hex(h) => placed(enter(scenario, state, unit, &[h], events)),
            };
            if outcome != Landing::Blocked {
                break;
            }
        }
        if state.units[unit as usize].status != Status::Pending {
            state.works.sailing.remove(&unit);
        }
        if outcome != Landing::Landed && state.units[unit as usize].status == Status::Pending {
            let until = state.turn + 1;
            state.units[unit as usize].delayed_to = until;
            if let Some(s) = state.works.sailing.get_mut(&unit) {
                s.1 = until;
            }
            let reason = if outcome == Landing::Repulsed {
                "the assault on the beach was thrown back"
            } else {
                "every entry point is blocked"
            };
            events.push(Event::Delayed {
                unit,
                until,
                reason: reason.into(),
            });
        }
    }
    // The side's gunfire plan was for this arrivals phase.
    state.naval_plan[side.index()] = None;
}

fn placed(ok: bool) -> Landing {
    if ok {
        Landing::Landed
    } else {
        Landing::Blocked
    }
}

/// Place `unit` on the first open hex of `hexes`; false if none is open.
fn enter(
    scenario: &Scenario,
    state: &mut State,
    unit: UnitId,
    hexes: &[Hex],
    events: &mut Vec<Event>,
) -> bool {
    let open = {
        state.sync_index(scenario);
        let view = GameView::new(scenario, state);
        reinforcements::first_open(&view, unit, hexes, How::Arrival)
    };
    let Some(hex) = open else { return false };
    place(scenario, state, unit, hex);
    events.push(Event::Arrived {
        unit,
        at: OffsetCoord::from_hex(hex),
    });
    true
}

/// Put a pending unit on the map at `hex` with full movement.
pub fn place(scenario: &Scenario, state: &mut State, unit: UnitId, hex: Hex) {
    let def = &scenario.units[unit as usize];
    let turn = state.turn;
    let u = &mut state.units[unit as usize];
    u.status = Status::OnMap;
    u.at = Some(OffsetCoord::from_hex(hex));
    u.mp_left = def.movement;
    u.moved = false;
    u.entered_turn = turn;
}

#[cfg(test)]
#[path = "arrivals_tests.rs"]
mod tests;
