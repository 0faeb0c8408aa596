//! What a side's computer is about this turn, from the scenario's data and
//! what the side sees, never from which side it is:
//! - **who defends**: the side holding most of the objectives' VP at the
//!   start (`Objective::owner`); the other attacks. With no objectives, the
//!   side that moves second defends.
//! - **who may evacuate**: a side with an evacuation phase in the
//!   scenario's turn (`phases`).
//! - **counterattacks**: the defender, inside the scenario's
//!   `counterattacks` windows (else the level's opening share of the game).
//! - **evacuation**: decided once for the game, then kept
//!   ([`Evacuation`]): from the level's share of the game, once the enemy
//!   holds enough of the objectives' VP, or once the enemy strength the side
//!   sees near its evacuation ports reaches a share of the side's whole
//!   strength. A single enemy unit near a port does not flip an army, and a
//!   unit shown and hidden again does not flip it back.

use super::objectives;
use super::AiParams;
use crate::hex::Hex;
use crate::rules::{combat, GameView};
use crate::scenario::{PhaseSpec, Scenario, Side, UnitId};

/// The side that defends: the holder of most of the objectives' VP at the
/// start; with none, the side whose movement phase comes second.
#[must_use]
pub fn defender(s: &Scenario) -> Side {
    let mut vp = [0u32; 2];
    for o in &s.objectives {
        vp[o.owner.index()] += o.vp + o.vp_per_turn * s.turns;
    }
    let first_mover = s.phases.iter().find_map(|p| match p {
        PhaseSpec::Movement(side) => Some(*side),
        _ => None,
    });
    match vp[0].cmp(&vp[1]) {
        std::cmp::Ordering::Greater => side_of_index(0),
        std::cmp::Ordering::Less => side_of_index(1),
        std::cmp::Ordering::Equal => first_mover.map_or(side_of_index(1), Side::enemy),
    }
}

/// The side whose index (`Side::index`) is `i`.
fn side_of_index(i: usize) -> Side {
    Side::BOTH[i]
}

/// Does the scenario give `side` an evacuation phase?
#[must_use]
pub fn may_evacuate(s: &Scenario, side: Side) -> bool {
    s.phases.contains(&PhaseSpec::Evacuation(side)) && s.map.places.iter().any(|p| p.evacuation)
}

/// The hexes of the places marked `evacuation` (the ports an army crosses
/// from), in place order.
#[must_use]
pub fn evacuation_hexes(s: &Scenario) -> Vec<Hex> {
    s.map
        .places
        .iter()
        .filter(|p| p.evacuation)
        .map(|p| p.hex.to_hex())
        .collect()
}

/// The ports `side` may evacuate from: [`evacuation_hexes`] if the
/// scenario gives it an evacuation phase ([`may_evacuate`]), else none.
/// The computer's evacuation and the `runaway` policy read this one list.
#[must_use]
pub fn ports(s: &Scenario, side: Side) -> Vec<Hex> {
    if may_evacuate(s, side) {
        evacuation_hexes(s)
    } else {
        Vec::new()
    }
}

/// Each side's evacuation decision, kept once taken.
#[derive(Debug, Clone, Default)]
pub struct Evacuation {
    /// Turn the evacuation began, by side index.
    begun: [Option<u32>; 2],
}

impl Evacuation {
    /// Has `side` begun its evacuation? Decides it (once) on what the side
    /// sees now; a decision taken stays for the game.
    pub fn decide(&mut self, view: &GameView, side: Side, params: &AiParams) -> bool {
        if self.begun[side.index()].is_none() && should_begin(view, side, params) {
            self.begun[side.index()] = Some(view.state.turn);
        }
        self.begun[side.index()].is_some()
    }

    /// The turn `side` began to evacuate, if it has.
    #[must_use]
    pub fn begun(&self, side: Side) -> Option<u32> {
        self.begun[side.index()]
    }
}

/// Should `side` begin to evacuate now, on what it sees?
#[must_use]
pub fn should_begin(view: &GameView, side: Side, params: &AiParams) -> bool {
    may_evacuate(view.scenario, side)
        && (objectives::past(view, params.evacuate_from_percent)
            || objectives::enemy_share_percent(view, side)
                >= params.evacuate_from_objectives_percent
            || threat_to_ports_percent(view, side, params.evacuate_when_enemy_within)
                >= params.evacuate_threat_percent)
}

/// The attack strength of the enemy units `side` sees within `hexes` of
/// its evacuation ports, as a share (percent) of `side`'s whole defence
/// strength on the map (0 if it has none there).
#[must_use]
pub fn threat_to_ports_percent(view: &GameView, side: Side, hexes: u32) -> u32 {
    let ports = evacuation_hexes(view.scenario);
    let strength = |u: &crate::sim::state::UnitState, attack: bool| {
        let d = view.def(u.id);
        combat::scaled(
            if attack { d.attack } else { d.defence },
            u.steps,
            d.max_steps,
        )
    };
    let threat: u32 = view
        .side_units(side.enemy())
        .filter(|u| {
            u.hex()
                .is_some_and(|h| ports.iter().any(|&p| p.unsigned_distance_to(h) <= hexes))
        })
        .map(|u| strength(u, true))
        .sum();
    let own: u32 = view
        .side_units(side)
        .filter(|u| u.hex().is_some())
        .map(|u| strength(u, false))
        .sum();
    if own == 0 {
        return 0;
    }
    threat * 100 / own
}

/// What `side`'s computer is doing this phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posture {
    /// The side.
    pub side: Side,
    /// Its evacuation has begun.
    pub evacuating: bool,
}

impl Posture {
    /// Does `unit` head for the ports and cross: its side evacuates, and
    /// its nation is one of the level's evacuating nations (or every nation
    /// does, late in the game)?
    #[must_use]
    pub fn evacuates(&self, view: &GameView, unit: UnitId, params: &AiParams) -> bool {
        let def = view.def(unit);
        self.evacuating
            && def.side == self.side
            && (params.evacuate_nations.is_empty()
                || params.evacuate_nations.contains(&def.nation)
                || objectives::past(view, params.evacuate_all_from_percent))
    }
}
