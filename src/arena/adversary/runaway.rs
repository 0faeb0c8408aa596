//! `runaway`: the defender evacuates everything it can from turn 1. Every
//! unit heads for the nearest evacuation port (places marked `evacuation`,
//! if the side has an evacuation phase) and crosses as soon as the rules
//! let it, most steps first; it never attacks. Where the side cannot
//! evacuate, its units run from the enemy they see instead. The exploit the
//! issue measured: on Sicily, an Axis that saves its army scores more than
//! one that fights for the island.

use super::{fields, ranked, Leave, PolicyInfo, Role, Script};
use crate::hex::Hex;
use crate::rules::{movement, GameView};
use crate::scenario::UnitId;

/// What `landfall arena --list` says.
pub const INFO: PolicyInfo = PolicyInfo {
    name: "runaway",
    role: Role::Defender,
    summary: "evacuates everything it can from turn 1 (else runs from the enemy); never attacks",
};

/// The policy.
#[derive(Debug, Clone, Default)]
pub struct Runaway {
    /// Land distance to the nearest evacuation port (built once; empty when
    /// the side has no port or no evacuation phase).
    ports: Option<Vec<u32>>,
}

impl Runaway {
    fn ports(&mut self, view: &GameView, unit: UnitId) -> &[u32] {
        self.ports.get_or_insert_with(|| {
            let s = view.scenario;
            // The same ports the computer's evacuation heads for.
            let goals = crate::ai::posture::ports(s, view.def(unit).side);
            if goals.is_empty() {
                return Vec::new();
            }
            fields::field(s, &goals, |a, b| fields::land_step(s, a, b))
        })
    }
}

impl Script for Runaway {
    fn steers(&self, _: &GameView, _: UnitId) -> bool {
        true
    }

    fn destinations(&mut self, view: &GameView, unit: UnitId, reach: &movement::Reach) -> Vec<Hex> {
        let ports = self.ports(view, unit).to_vec();
        if !ports.is_empty() {
            return ranked(view, unit, reach, |h| super::at(view, &ports, h));
        }
        // No way out by sea: as far as possible from every enemy in sight.
        let side = view.def(unit).side;
        let enemies: Vec<Hex> = view
            .side_units(side.enemy())
            .filter_map(|u| u.hex())
            .collect();
        if enemies.is_empty() {
            return Vec::new();
        }
        let nearest = |h: Hex| {
            enemies
                .iter()
                .map(|e| e.unsigned_distance_to(h))
                .min()
                .unwrap_or(0)
        };
        ranked(view, unit, reach, |h| 10_000u32.saturating_sub(nearest(h)))
    }

    fn combat(&self) -> Leave {
        Leave::Nothing
    }

    fn evacuation(&self) -> Leave {
        Leave::Everything
    }
}
