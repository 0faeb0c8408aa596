//! Reinforcements and scheduled arrivals: which entry is open. Applied by
//! `command::arrivals`.
//!
//! In its arrivals phase each side brings on the units scheduled for this turn
//! (or delayed to it), in unit-id order. A unit enters at its scheduled entry
//! point, or at the first alternative that is open: an entry hex is closed if
//! the enemy holds it, if it lies in enemy ZOC, or if stacking leaves no room.
//! Beaches (`amphibious.rs`) also have a per-turn capacity in steps; drop
//! zones (`airborne.rs`) scatter. A unit with no open entry is delayed to the
//! next turn; so is a unit whose beach assault was thrown back (it does not
//! try its other entries that turn). A unit destroyed while landing is not.

use super::entering::{can_enter, How};
use super::{stacking, GameView};
use crate::hex::Hex;
use crate::scenario::{PlaceId, Scenario, UnitId};

/// The hexes of map edge `edge` in the order `unit` tries them: hexes on a
/// road its class may use first, then the rest; within each group the
/// nearest to place `near` first (when given), then the edge's file order.
#[must_use]
pub fn edge_hexes(scenario: &Scenario, unit: UnitId, edge: u16, near: Option<PlaceId>) -> Vec<Hex> {
    let class = scenario.unit(unit).class;
    let map = &scenario.map;
    let target = near.map(|p| map.places[p as usize].hex.to_hex());
    let mut hexes: Vec<(usize, Hex)> = map.edges[edge as usize]
        .hexes
        .iter()
        .map(|h| h.to_hex())
        .enumerate()
        .collect();
    let on_road = |h: Hex| {
        map.index(h).is_some_and(|i| {
            map.sides[i].iter().any(|f| {
                f.road
                    .is_some_and(|r| scenario.road_cost[r as usize][class.index()].is_some())
            })
        })
    };
    hexes.sort_by_key(|&(k, h)| {
        (
            !on_road(h),
            target.map_or(0, |t| t.unsigned_distance_to(h)),
            k,
        )
    });
    hexes.into_iter().map(|(_, h)| h).collect()
}

/// Is `hex` open for `unit` to come onto the map there (`how`: an arrival or
/// a landing): a hex it may enter (`entering.rs`: land its movement class can
/// enter, not enemy-held), not in enemy ZOC, with stacking room?
#[must_use]
pub fn entry_open(view: &GameView, unit: UnitId, hex: Hex, how: How) -> bool {
    let side = view.def(unit).side;
    can_enter(view, unit, hex, hex, how).is_ok()
        && !view.in_zoc_of(side.enemy(), hex)
        && stacking::check_entry(view, unit, hex).is_ok()
}

/// The first hex of `hexes` open for `unit` to come on there (`how`).
#[must_use]
pub fn first_open(view: &GameView, unit: UnitId, hexes: &[Hex], how: How) -> Option<Hex> {
    hexes
        .iter()
        .copied()
        .find(|&h| entry_open(view, unit, h, how))
}
