//! Amphibious landings: units scheduled over a beach come ashore on its hexes
//! in their side's arrivals phase, limited by the beach's capacity in steps
//! per turn, and must fight their way in against a defended beach.
//!
//! **Landings are automatic, by schedule** (there is no `Land` command): the
//! convoys sailed on a timetable, and a player could not hold a regiment back
//! at sea. A unit scheduled over a beach lands in its side's `Arrivals` phase
//! of its turn (or of the turn it was delayed to), in unit-id order.
//!
//! These functions decide; `command/landing.rs` carries a landing out.
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
//!    side's naval gunfire is fired by its plan (`gunfire.rs`:
//!    `Command::AllotGunfire`, what is left of the points allotted to this
//!    beach) or, with no plan, **automatically** (as many points as are left
//!    this turn); at most `support.max_per_attack`, only if the target is
//!    within naval range (each point a column shift, deducted from the pool). The
//!    same resolver as any attack (`command::resolve`: one die from the game
//!    RNG, losses by `combat::losses_of`, dealt to the unit at sea too);
//!    defenders retreat away from the sea. Air support is not spent
//!    automatically. A failed or fought landing does not try other entries
//!    this turn.

use super::entering::{can_enter, How};
use super::{combat, reinforcements, GameView};
use crate::hex::Hex;
use crate::scenario::{Scenario, UnitId};

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

/// The assault a unit due over beach `b` would have to fight, before any die
/// is rolled: the enemy hex and the odds, by the same [`combat::odds`] and
/// [`assault_support`] the resolver uses (the unit's position does not enter
/// an assault's odds, so the figures hold whether it fights from the sea or
/// from the beach hex it lands on). `None` if it would land unopposed or not
/// at all.
#[must_use]
pub fn assault_odds(view: &GameView, unit: UnitId, b: u16) -> Option<(Hex, combat::Odds)> {
    let target = match approach(view, unit, b) {
        Approach::IntoZoc { target, .. } | Approach::Defended(target) => target,
        Approach::Open(_) | Approach::Blocked => return None,
    };
    let support = assault_support(view, unit, target, b);
    let odds = combat::odds(view, &[unit], target, &support, true).ok()?;
    Some((target, odds))
}

/// The sea hexes next to `target`: a unit assaulting it from the sea comes
/// from there, and its defenders retreat away from them.
#[must_use]
pub fn seaward(scenario: &Scenario, target: Hex) -> Vec<Hex> {
    target
        .all_neighbors()
        .into_iter()
        .filter(|&n| scenario.is_water(n))
        .collect()
}

/// The support an assault by `unit` over beach `b` on `target` gets (rule
/// 3): the side's naval gunfire left this turn (with a plan, at most what it
/// still allots to `b`), up to `support.max_per_attack`, if the target is
/// within naval range; nothing else.
#[must_use]
pub fn assault_support(view: &GameView, unit: UnitId, target: Hex, b: u16) -> combat::Support {
    let side = view.def(unit).side;
    let planned = view.state.naval_plan[side.index()]
        .as_deref()
        .map_or(u32::MAX, |plan| super::gunfire::allotted(plan, b));
    let naval = if combat::within_naval_range(view, target) {
        view.state.support[side.index()]
            .naval
            .min(view.scenario.support.max_per_attack)
            .min(planned)
    } else {
        0
    };
    combat::Support {
        naval,
        ..Default::default()
    }
}
