//! `blitz`: every unit drives on the richest objective its side does not
//! hold (most VP, then most VP per turn), by the shortest way over land,
//! ignoring supply, terrain and the enemy's line; once none is left, on the
//! richest objective. Attacks and evacuations as the default AI.

use super::{at, objectives, ranked, FieldCache, Leave, PolicyInfo, Role, Script};
use crate::hex::Hex;
use crate::rules::{movement, GameView};
use crate::scenario::UnitId;

/// What `landfall arena --list` says.
pub const INFO: PolicyInfo = PolicyInfo {
    name: "blitz",
    role: Role::Attacker,
    summary: "every unit drives on the richest objective it does not hold, ignoring supply",
};

/// The policy.
#[derive(Debug, Clone, Default)]
pub struct Blitz {
    fields: FieldCache,
}

impl Script for Blitz {
    fn steers(&self, _: &GameView, _: UnitId) -> bool {
        true
    }

    fn destinations(&mut self, view: &GameView, unit: UnitId, reach: &movement::Reach) -> Vec<Hex> {
        let side = view.def(unit).side;
        let s = view.scenario;
        let per_turn = |p: crate::scenario::PlaceId| {
            s.objectives
                .iter()
                .find(|o| o.place == p)
                .map_or(0, |o| o.vp_per_turn)
        };
        let all = objectives(view);
        let richest = |want_enemy: bool| {
            all.iter()
                .filter(|o| !want_enemy || o.2 != side)
                .max_by_key(|o| (o.3, per_turn(o.0), std::cmp::Reverse(o.0)))
                .map(|o| o.0)
        };
        let Some(target) = richest(true).or_else(|| richest(false)) else {
            return Vec::new();
        };
        let field = self.fields.of(s, target, false).to_vec();
        ranked(view, unit, reach, |h| at(view, &field, h))
    }

    fn combat(&self) -> Leave {
        Leave::ToAi
    }

    fn evacuation(&self) -> Leave {
        Leave::ToAi
    }
}
