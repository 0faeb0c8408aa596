//! Landings applied: a unit comes ashore over a beach (fighting its way in
//! when the beach is defended) or comes down on a drop zone. The rules of
//! both — capacity, the choice of hex, the assault, the scatter and where a
//! drop may come to rest — are in `rules::amphibious` and `rules::airborne`;
//! the assault is fought by the one resolver of every attack
//! ([`super::resolve`]).

use super::arrivals::{place, Landing};
use super::{inflict, resolve, take_control, Event, Fight};
use crate::hex::{Hex, OffsetCoord};
use crate::rules::amphibious::{self, Approach};
use crate::rules::{airborne, gunfire, stacking, GameView};
use crate::scenario::{Arrival, Scenario, UnitId};
use crate::sim::state::{State, Status};
use rand::Rng;

/// Land `unit` over beach `b` (automatic, in the arrivals phase).
pub fn land(
    scenario: &Scenario,
    state: &mut State,
    unit: UnitId,
    b: u16,
    events: &mut Vec<Event>,
) -> Landing {
    let beach = &scenario.map.beaches[b as usize];
    let steps = state.units[unit as usize].steps;
    if !amphibious::capacity_allows(state.beach_used[b as usize], beach.capacity, steps)
        || !amphibious::craft_allows(scenario, state, steps)
    {
        return Landing::Blocked;
    }
    state.sync_index(scenario);
    let how = amphibious::approach(&GameView::new(scenario, state), unit, b);
    match how {
        Approach::Blocked => Landing::Blocked,
        Approach::Open(hex) => {
            come_ashore(scenario, state, unit, b, steps, hex, events);
            Landing::Landed
        }
        Approach::IntoZoc { land, target } => {
            come_ashore(scenario, state, unit, b, steps, land, events);
            assault(scenario, state, (unit, b), target, &[land], events);
            if state.units[unit as usize].status == Status::OnMap {
                Landing::Landed
            } else {
                Landing::Repulsed
            }
        }
        Approach::Defended(target) => {
            let seaward = amphibious::seaward(scenario, target);
            let cleared = assault(scenario, state, (unit, b), target, &seaward, events);
            state.sync_index(scenario);
            let u = &state.units[unit as usize];
            // Having fought for it, the unit may land in enemy ZOC.
            let open = cleared
                && u.status == Status::Pending
                && stacking::check_entry(&GameView::new(scenario, state), unit, target).is_ok();
            if open {
                let steps = state.units[unit as usize].steps;
                come_ashore(scenario, state, unit, b, steps, target, events);
                Landing::Landed
            } else {
                Landing::Repulsed
            }
        }
    }
}

fn come_ashore(
    scenario: &Scenario,
    state: &mut State,
    unit: UnitId,
    b: u16,
    steps: u32,
    hex: Hex,
    events: &mut Vec<Event>,
) {
    place(scenario, state, unit, hex);
    state.beach_used[b as usize] += steps;
    if amphibious::craft_on(scenario, state.turn).is_some() {
        state.works.craft_used += steps;
    }
    let at = OffsetCoord::from_hex(hex);
    events.push(Event::Landed { unit, beach: b, at });
    take_control(scenario, state, at, scenario.unit(unit).side, events);
}

/// Resolve an assault by `unit` over beach `b` (on the map next to
/// `target`, or still at sea) on the enemy at `target`; defenders retreat
/// away from `from`. The naval points fired come out of the side's gunfire
/// plan too. Returns true if no defender is left in `target`.
fn assault(
    scenario: &Scenario,
    state: &mut State,
    (unit, b): (UnitId, u16),
    target: Hex,
    from: &[Hex],
    events: &mut Vec<Event>,
) -> bool {
    let support = {
        state.sync_index(scenario);
        amphibious::assault_support(&GameView::new(scenario, state), unit, target, b)
    };
    let side = scenario.unit(unit).side;
    gunfire::spend(state, side, b, support.naval);
    let fight = Fight {
        attackers: &[unit],
        target,
        support: &support,
        assault: true,
        retreat_from: from,
    };
    // `odds` only refuses an assault with no defender (nothing to fight).
    resolve(scenario, state, &fight, events).unwrap_or(true)
}

/// Drop `unit` at zone `z` (automatic, in the arrivals phase): two draws,
/// the hex it comes down on and its step loss (`rules::airborne`).
pub fn drop(
    scenario: &Scenario,
    state: &mut State,
    unit: UnitId,
    z: u16,
    arrival: &Arrival,
    events: &mut Vec<Event>,
) -> Landing {
    let zone = scenario.map.drop_zones[z as usize].hex.to_hex();
    state.sync_index(scenario);
    if airborne::nearest_free_land(&GameView::new(scenario, state), unit, zone).is_none() {
        return Landing::Blocked;
    }
    let scatter = airborne::scatter_distribution(scenario, zone, arrival.night, arrival.glider);
    let pick = state.rng.random_range(0..scatter.total.max(1));
    let loss_roll = state.rng.random_range(1..=scatter.out_of.max(1));
    state.draws += 2;
    let came_down = scatter.came_down(scenario, zone, pick);
    let mut lost = u32::from(loss_roll <= scatter.step_loss);
    let ditched = came_down.in_sea && arrival.glider;
    if ditched {
        lost += scenario.scatter.glider_sea_loss;
    }
    let side = scenario.unit(unit).side;
    let rest = {
        state.sync_index(scenario);
        airborne::rest_hex(&GameView::new(scenario, state), unit, came_down.hex)
    };
    let Some(rest) = rest else {
        return Landing::Blocked;
    };
    place(scenario, state, unit, rest);
    let at = OffsetCoord::from_hex(rest);
    events.push(Event::Dropped {
        unit,
        zone: z,
        at,
        scatter: zone.unsigned_distance_to(rest),
    });
    let cause = if ditched {
        "glider ditched in the sea"
    } else {
        "drop"
    };
    inflict(scenario, state, &[unit], lost, cause, events);
    if state.units[unit as usize].status == Status::OnMap {
        take_control(scenario, state, at, side, events);
    }
    Landing::Landed
}

#[cfg(test)]
#[path = "landing_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "drop_tests.rs"]
mod drop_tests;

#[cfg(test)]
#[path = "gunfire_tests.rs"]
mod gunfire_tests;
