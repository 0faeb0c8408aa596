//! Entering a hex: the one rule that says whether a unit may come into a hex,
//! or reach across a hexside, whatever the reason it goes there.
//!
//! Every way of changing a unit's hex calls [`can_enter`]: a move (each step,
//! `movement.rs`), a retreat (`retreat.rs`), an advance after combat, an
//! attack (reaching across the hexside into the enemy), a landing from the
//! sea (`amphibious.rs`), a parachute or glider drop (`airborne.rs`) and a
//! reinforcement's arrival (`reinforcements.rs`). What it checks, in order:
//!
//! 1. **Static units** (coastal batteries, garrisons) never leave their hex:
//!    they cannot move, retreat or advance.
//! 2. **Adjacency**: a move, retreat, advance or attack goes to a hex next to
//!    the one it starts from.
//! 3. **The strait**: no unit walks, retreats, advances or attacks across a
//!    strait hexside (the Strait of Messina is crossed only by ferries:
//!    evacuation and supply).
//! 4. **The map**: the hex is on the map and is land.
//! 5. **The enemy**: an attack needs enemy units in the hex; every other way
//!    in needs the hex free of them.
//! 6. **Terrain**: the terrain has a cost for the unit's movement class
//!    (armour does not go up Etna), and vehicles cross a major river only at
//!    a bridge. An attack does not enter the hex, so it is not bound by the
//!    defender's terrain or the river (the river shifts the odds instead,
//!    `combat.rs`); the units that could not enter cannot advance into it.
//!
//! What each way adds on top stays with its own rule: movement points and
//! zones of control (`movement.rs`, `zoc.rs`), retreat's ban on enemy ZOC,
//! a landing's beach capacity, stacking where the unit stops (`stacking.rs`).

use super::movement::{terrain_cost, Blocked};
use super::{GameView, Rejection, RejectionKind};
use crate::hex::{Hex, OffsetCoord};
use crate::scenario::{MoveClass, UnitId};

/// Why a unit goes into a hex.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// One step of a move.
    Move,
    /// One hex of a retreat after combat.
    Retreat,
    /// Advance after combat into the hex the defenders left.
    Advance,
    /// An attack on the enemy in the hex (the unit stays where it is).
    Attack,
    /// Coming ashore from the sea.
    Landing,
    /// Coming down by parachute or glider.
    Drop,
    /// A reinforcement entering the map (edge, port, hex).
    Arrival,
}

impl How {
    /// Does this way start from a hex next to the one entered?
    const fn starts_next_door(self) -> bool {
        matches!(self, How::Move | How::Retreat | How::Advance | How::Attack)
    }

    fn verb(self) -> &'static str {
        match self {
            How::Move => "move",
            How::Retreat => "retreat",
            How::Advance => "advance",
            How::Attack => "attack",
            How::Landing => "land",
            How::Drop => "come down",
            How::Arrival => "enter",
        }
    }

    /// "enter" for a move (the wording players know), "retreat into" etc.
    fn into(self) -> String {
        match self {
            How::Move | How::Arrival => "enter".into(),
            other => format!("{} into", other.verb()),
        }
    }

    /// "cross" for a move, "retreat across" etc.
    fn across(self) -> String {
        match self {
            How::Move => "cross".into(),
            other => format!("{} across", other.verb()),
        }
    }
}

fn prohibited(reason: String) -> Rejection {
    Rejection::new(RejectionKind::Prohibited, reason)
}

/// May `unit` go into `to` (from the adjacent `from` for a move, retreat,
/// advance or attack; `from` is ignored for landings, drops and arrivals)?
/// The reason, worded for the player, if not.
pub fn can_enter(
    view: &GameView,
    unit: UnitId,
    from: Hex,
    to: Hex,
    how: How,
) -> Result<(), Rejection> {
    let s = view.scenario;
    let def = view.def(unit);
    let label = OffsetCoord::from_hex(to);
    if def.kind.static_unit && matches!(how, How::Move | How::Retreat | How::Advance) {
        return Err(Rejection::new(
            RejectionKind::AlreadyActed,
            format!("{} is a static unit and cannot {}", def.name, how.verb()),
        ));
    }
    if how.starts_next_door() {
        if from.unsigned_distance_to(to) != 1 {
            let kind = if how == How::Attack {
                RejectionKind::BadAttack
            } else {
                RejectionKind::BadPath
            };
            return Err(Rejection::new(
                kind,
                format!("{} is not next to {label}", def.name),
            ));
        }
        if s.map.side_between(from, to).strait {
            return Err(prohibited(format!(
                "{} cannot {} the strait into {label}: only ferries cross it (evacuation, supply)",
                def.name,
                how.across()
            )));
        }
    }
    let Some(terrain) = s.terrain_of(to) else {
        return Err(Rejection::new(
            RejectionKind::BadPath,
            format!("{label} is off the map"),
        ));
    };
    if terrain.water {
        return Err(prohibited(format!(
            "{} cannot {} the sea at {label}",
            def.name,
            how.into()
        )));
    }
    let enemy_there = view.enemy_occupied(to, def.side);
    if how == How::Attack {
        if !enemy_there {
            return Err(Rejection::new(
                RejectionKind::BadAttack,
                format!("there is no enemy unit at {label}"),
            ));
        }
        return Ok(());
    }
    if enemy_there {
        return Err(prohibited(format!("{label} is held by the enemy")));
    }
    if terrain.move_cost[def.class.index()].is_none() {
        return Err(prohibited(format!(
            "{} ({}) cannot {} {} at {label}",
            def.name,
            class_name(def.class),
            how.into(),
            terrain.name.to_lowercase()
        )));
    }
    if how.starts_next_door()
        && terrain_cost(s, view.state, def.class, from, to, false) == Err(Blocked::MajorRiver)
    {
        return Err(prohibited(format!(
            "{} cannot cross the major river into {label} without a bridge",
            def.name
        )));
    }
    Ok(())
}

/// The movement class in words.
#[must_use]
pub fn class_name(c: MoveClass) -> &'static str {
    match c {
        MoveClass::Foot => "foot",
        MoveClass::Motorised => "motorised",
        MoveClass::Tracked => "tracked",
    }
}

#[cfg(test)]
#[path = "entering_tests.rs"]
mod tests;
