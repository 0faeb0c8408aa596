//! Amphibious landings: units scheduled over a beach come ashore on its hexes
//! in their side's arrivals phase, limited by the beach's capacity in steps
//! per turn, and must fight their way in against a defended beach.
//!
//! **Landings are automatic, by schedule** (there is no `Land` command): the
//! convoys sailed on a timetable, and a player could not hold a regiment back
//! at sea. A unit scheduled over a beach lands in its side's `Arrivals` phase
//! of its turn (or of the turn it was delayed to), in unit-id order.
//!
//! 1. **Capacity.** A unit lands only if the steps already landed over this
//!    beach this turn plus its own steps fit in the beach's `capacity`. A unit
//!    larger than the whole capacity may still land alone on a beach nobody has
//!    used this turn (otherwise it could never land).
//! 2. **Choice of hex**, the beach's hexes in listed order (first preferred):
//!    a. an *open* hex — land, not enemy-held, not in enemy ZOC, stacking room
//!    (see [`reinforcements::entry_open`]): the unit simply lands;
//!    b. else a hex in enemy ZOC, not enemy-held, with stacking room: the unit
//!    lands and at once **assaults** the adjacent enemy hex that exerts the
//!    ZOC (lowest map index if several);
//!    c. else an enemy-held beach hex: the unit **assaults it from the sea**;
//!    it lands there (even if still in enemy ZOC) only if the defenders
//!    retreat or die, otherwise it stays
//!    at sea after its losses and tries again next turn;
//!    d. else (every hex full): the beach is blocked; the next entry listed
//!    for the unit is tried, and if none works the landing is delayed a turn
//!    (`reinforcements.rs`).
//! 3. **Assault.** One combat with `combat::odds(.., assault = true)`: no
//!    adjacency needed, the `rules.beach_assault_shift` applies, and the
//!    side's naval gunfire is fired **automatically**: as many points as are
//!    left this turn, up to `support.max_per_attack`, if the target is within
//!    naval range (each point a column shift, deducted from the pool). The
//!    same resolver as any attack (`command::resolve`: one die from the game
//!    RNG, losses by `combat::losses_of`, dealt to the unit at sea too);
//!    defenders retreat away from the sea. Air support is not spent
//!    automatically. A failed or fought landing does not try other entries
//!    this turn.

use super::entering::{can_enter, How};
use super::{combat, reinforcements, GameView};
use crate::command::{resolve, take_control, Event, Fight};
use crate::hex::{Hex, OffsetCoord};
use crate::scenario::{Scenario, UnitId};
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

/// May a unit of `steps` steps land over a beach that has taken `used` steps
/// this turn, with `capacity` steps per turn?
#[must_use]
pub fn capacity_allows(used: u32, capacity: u32, steps: u32) -> bool {
    used + steps <= capacity || (used == 0 && steps > capacity)
}

/// How a unit would come ashore over a beach, before any die is rolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approach {
    /// Land unopposed on this hex.
    Open(Hex),
    /// Land on `land` and assault the enemy at `target`.
    IntoZoc {
        /// The beach hex it lands on.
        land: Hex,
        /// The enemy hex it assaults.
        target: Hex,
    },
    /// Assault the enemy-held beach hex from the sea.
    Defended(Hex),
    /// No hex can take the unit.
    Blocked,
}

/// Pick how `unit` would land over beach `b` (rule 2 of this file).
#[must_use]
pub fn approach(view: &GameView, unit: UnitId, b: u16) -> Approach {
    let side = view.def(unit).side;
    let hexes: Vec<Hex> = view.scenario.map.beaches[b as usize]
        .hexes
        .iter()
        .map(|h| h.to_hex())
        .collect();
    if let Some(&h) = hexes
        .iter()
        .find(|&&h| reinforcements::entry_open(view, unit, h, How::Landing))
    {
        return Approach::Open(h);
    }
    for &land in &hexes {
        let usable = can_enter(view, unit, land, land, How::Landing).is_ok()
            && super::stacking::check_entry(view, unit, land).is_ok();
        if !usable {
            continue;
        }
        if let Some(target) = zoc_source(view, land, side) {
            return Approach::IntoZoc { land, target };
        }
    }
    match hexes.iter().find(|&&h| view.enemy_occupied(h, side)) {
        Some(&h) => Approach::Defended(h),
        None => Approach::Blocked,
    }
}

/// The enemy-held hex (lowest map index) whose units put `hex` in their ZOC.
fn zoc_source(view: &GameView, hex: Hex, side: crate::scenario::Side) -> Option<Hex> {
    let mut sources: Vec<(usize, Hex)> = hex
        .all_neighbors()
        .into_iter()
        .filter(|&n| {
            super::zoc::exerts_into(view, n, hex)
                && view
                    .units_at(n)
                    .iter()
                    .any(|&u| view.def(u).side == side.enemy() && !view.def(u).kind.no_zoc)
        })
        .filter_map(|n| view.scenario.map.index(n).map(|i| (i, n)))
        .collect();
    sources.sort_unstable_by_key(|s| s.0);
    sources.first().map(|s| s.1)
}

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
    if !capacity_allows(state.beach_used[b as usize], beach.capacity, steps) {
        return Landing::Blocked;
    }
    state.sync_index(scenario);
    let how = approach(&GameView::new(scenario, state), unit, b);
    match how {
        Approach::Blocked => Landing::Blocked,
        Approach::Open(hex) => {
            come_ashore(scenario, state, unit, b, steps, hex, events);
            Landing::Landed
        }
        Approach::IntoZoc { land, target } => {
            come_ashore(scenario, state, unit, b, steps, land, events);
            assault(scenario, state, unit, target, &[land], events);
            if state.units[unit as usize].status == Status::OnMap {
                Landing::Landed
            } else {
                Landing::Repulsed
            }
        }
        Approach::Defended(target) => {
            let seaward: Vec<Hex> = target
                .all_neighbors()
                .into_iter()
                .filter(|&n| scenario.is_water(n))
                .collect();
            let cleared = assault(scenario, state, unit, target, &seaward, events);
            state.sync_index(scenario);
            let u = &state.units[unit as usize];
            // Having fought for it, the unit may land in enemy ZOC.
            let open = cleared
                && u.status == Status::Pending
                && super::stacking::check_entry(&GameView::new(scenario, state), unit, target)
                    .is_ok();
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
    reinforcements::place(scenario, state, unit, hex);
    state.beach_used[b as usize] += steps;
    let at = OffsetCoord::from_hex(hex);
    events.push(Event::Landed { unit, beach: b, at });
    take_control(scenario, state, at, scenario.unit(unit).side, events);
}

/// Resolve an assault by `unit` (on the map next to `target`, or still at
/// sea) on the enemy at `target`; defenders retreat away from `from`.
/// Returns true if no defender is left in `target`.
fn assault(
    scenario: &Scenario,
    state: &mut State,
    unit: UnitId,
    target: Hex,
    from: &[Hex],
    events: &mut Vec<Event>,
) -> bool {
    let side = scenario.unit(unit).side;
    let naval = {
        state.sync_index(scenario);
        let view = GameView::new(scenario, state);
        if combat::within_naval_range(&view, target) {
            state.support[side.index()]
                .naval
                .min(scenario.support.max_per_attack)
        } else {
            0
        }
    };
    let support = combat::Support {
        naval,
        ..Default::default()
    };
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

#[cfg(test)]
#[path = "amphibious_tests.rs"]
mod tests;
