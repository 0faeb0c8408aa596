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
//! 4. **Landing craft after D-day** (`rules.landing_craft`): on the turns of
//!    a craft window at most `steps_per_turn` steps land over all beaches
//!    together (scheduled landings and embarked units alike, first come
//!    first served in unit-id order); a landing the craft cannot lift is
//!    blocked like a full beach. Outside every window only the beaches'
//!    capacity counts (the D-day fleets).
//! 5. **Embarking** (`Command::Embark`, [`check_embark`]): in its side's
//!    movement phase a unit that has not moved, stands on a port its side
//!    holds or on one of its side's beach hexes, and is not in an enemy
//!    zone of control may go aboard for a beach the window of the *next*
//!    turn names, if the craft have room for its steps among the units
//!    already embarked for that turn. It leaves the map and lands in its
//!    side's next arrivals phase by rules 1–4 (the one landing path,
//!    `command::landing::land`); thrown back or blocked, it stays at sea
//!    and tries again a turn later.

use super::entering::{can_enter, How};
use super::{combat, reinforcements, GameView, Rejection, RejectionKind};
use crate::hex::Hex;
use crate::scenario::schema::{CraftWindow, PlaceKind};
use crate::scenario::{Scenario, UnitId};
use crate::sim::state::State;

/// May a unit of `steps` steps land over a beach that has taken `used` steps
/// this turn, with `capacity` steps per turn?
#[must_use]
pub fn capacity_allows(used: u32, capacity: u32, steps: u32) -> bool {
    used + steps <= capacity || (used == 0 && steps > capacity)
}

/// The landing-craft window in force on `turn`, if any.
#[must_use]
pub fn craft_on(scenario: &Scenario, turn: u32) -> Option<&CraftWindow> {
    scenario
        .rules
        .landing_craft
        .iter()
        .find(|w| (w.from_turn..=w.until_turn).contains(&turn))
}

/// May the landing craft lift `steps` more steps this turn (rule 4)?
#[must_use]
pub fn craft_allows(scenario: &Scenario, state: &State, steps: u32) -> bool {
    craft_on(scenario, state.turn)
        .is_none_or(|w| state.works.craft_used + steps <= w.steps_per_turn)
}

fn refuse(why: String) -> Rejection {
    Rejection::new(RejectionKind::Prohibited, why)
}

/// May `unit` go aboard for beach `b` now (rule 5)? The phase is the
/// caller's check.
pub fn check_embark(view: &GameView, unit: UnitId, b: u16) -> Result<(), Rejection> {
    let s = view.scenario;
    let def = view.def(unit);
    let u = view.unit(unit);
    let Some(beach) = s.map.beaches.get(b as usize) else {
        return Err(refuse(format!("there is no beach #{b}")));
    };
    let lands = view.state.turn + 1;
    let Some(window) = craft_on(s, lands).filter(|w| w.beaches.contains(&beach.id)) else {
        return Err(refuse(format!(
            "no landing craft are assigned to {} for turn {lands}",
            beach.name
        )));
    };
    if beach.side != def.side {
        return Err(refuse(format!(
            "{} is not a {} beach",
            beach.name, def.side
        )));
    }
    let Some(here) = u.hex() else {
        return Err(refuse(format!("{} is not on the map", def.name)));
    };
    if def.kind.static_unit || u.moved {
        return Err(Rejection::new(
            RejectionKind::AlreadyActed,
            format!("{} has moved this phase or cannot move", def.name),
        ));
    }
    let at_port = s
        .map
        .index(here)
        .and_then(|i| s.map.place_at[i])
        .is_some_and(|p| {
            let place = &s.map.places[p as usize];
            (place.port_capacity > 0 || place.kind == PlaceKind::Port)
                && view.state.control[p as usize] == def.side
        });
    let at_beach = s
        .map
        .beaches
        .iter()
        .any(|x| x.side == def.side && x.hexes.iter().any(|h| h.to_hex() == here));
    if !at_port && !at_beach {
        return Err(refuse(format!(
            "{} must be in a port its side holds or on one of its beaches to embark",
            def.name
        )));
    }
    if view.in_zoc_of(def.side.enemy(), here) {
        return Err(Rejection::new(
            RejectionKind::Zoc,
            format!(
                "{} is in contact with the enemy and cannot embark",
                def.name
            ),
        ));
    }
    let booked: u32 = view
        .state
        .works
        .sailing
        .iter()
        .filter(|(_, &(_, t))| t == lands)
        .map(|(&x, _)| view.unit(x).steps)
        .sum();
    if booked + u.steps > window.steps_per_turn {
        return Err(refuse(format!(
            "the landing craft for turn {lands} lift {} steps and {booked} are booked; {} has {}",
            window.steps_per_turn, def.name, u.steps
        )));
    }
    Ok(())
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
