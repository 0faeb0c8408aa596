//! `coastdash`: the fast units (wheeled and tracked) race along the coast
//! roads for the deepest objective the enemy holds — the one farthest, over
//! land, from the side's nearest unit when the race begins — and keep on it
//! until it falls, then pick the next. The foot units, attacks and
//! evacuations are the default AI's.

use super::{at, objectives, ranked, FieldCache, Leave, PolicyInfo, Role, Script};
use crate::hex::Hex;
use crate::rules::{movement, GameView};
use crate::scenario::{MoveClass, PlaceId, UnitId};

/// What `landfall arena --list` says.
pub const INFO: PolicyInfo = PolicyInfo {
    name: "coastdash",
    role: Role::Attacker,
    summary: "fast units race along the coast roads for the deepest enemy objective",
};

/// The policy.
#[derive(Debug, Clone, Default)]
pub struct Coastdash {
    fields: FieldCache,
    /// The objective raced for.
    target: Option<PlaceId>,
}

impl Coastdash {
    fn target(&mut self, view: &GameView, unit: UnitId) -> Option<PlaceId> {
        let side = view.def(unit).side;
        let s = view.scenario;
        let held_by_enemy = |p: PlaceId| view.state.control[p as usize] != side;
        if let Some(t) = self.target.filter(|&t| held_by_enemy(t)) {
            return Some(t);
        }
        let own: Vec<Hex> = view.side_units(side).filter_map(|u| u.hex()).collect();
        let mut best: Option<(u32, PlaceId)> = None;
        for (place, ..) in objectives(view).into_iter().filter(|o| o.2 != side) {
            let field = self.fields.of(s, place, false);
            let depth = own
                .iter()
                .map(|&h| at(view, field, h))
                .min()
                .unwrap_or(super::fields::FAR);
            if depth == super::fields::FAR {
                continue;
            }
            if best
                .is_none_or(|(d, p)| (depth, std::cmp::Reverse(place)) > (d, std::cmp::Reverse(p)))
            {
                best = Some((depth, place));
            }
        }
        self.target = best.map(|(_, p)| p);
        self.target
    }
}

impl Script for Coastdash {
    fn steers(&self, view: &GameView, unit: UnitId) -> bool {
        view.def(unit).class != MoveClass::Foot
    }

    fn destinations(&mut self, view: &GameView, unit: UnitId, reach: &movement::Reach) -> Vec<Hex> {
        let Some(target) = self.target(view, unit) else {
            return Vec::new();
        };
        let field = self.fields.of(view.scenario, target, true).to_vec();
        ranked(view, unit, reach, |h| at(view, &field, h))
    }

    fn combat(&self) -> Leave {
        Leave::ToAi
    }

    fn evacuation(&self) -> Leave {
        Leave::ToAi
    }
}
