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
use crate::scenario::UnitId;

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
