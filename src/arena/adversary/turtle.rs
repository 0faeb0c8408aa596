//! `turtle`: the defender never leaves its objectives. A unit on an
//! objective its side holds stays there; every other unit marches to the
//! nearest objective its side holds that no friendly unit guards yet (else
//! to the nearest one held). It attacks as the default AI would, from where
//! it stands, but never advances after combat, and it never evacuates.

use super::{at, objectives, ranked, FieldCache, Leave, PolicyInfo, Role, Script};
use crate::hex::Hex;
use crate::rules::{movement, GameView};
use crate::scenario::UnitId;
use std::collections::BTreeSet;

/// What `landfall arena --list` says.
pub const INFO: PolicyInfo = PolicyInfo {
    name: "turtle",
    role: Role::Defender,
    summary: "never leaves its objectives: every unit sits on one; attacks without advancing",
};

/// The policy.
#[derive(Debug, Clone, Default)]
pub struct Turtle {
    fields: FieldCache,
    /// (turn, phase) of `claimed`.
    phase: Option<(u32, u32)>,
    /// Objectives a unit was sent to this phase.
    claimed: BTreeSet<crate::scenario::PlaceId>,
}

impl Script for Turtle {
    fn steers(&self, _: &GameView, _: UnitId) -> bool {
        true
    }

    fn destinations(&mut self, view: &GameView, unit: UnitId, reach: &movement::Reach) -> Vec<Hex> {
        let key = (view.state.turn, view.state.phase);
        if self.phase != Some(key) {
            self.phase = Some(key);
            self.claimed.clear();
        }
        let side = view.def(unit).side;
        let Some(here) = view.unit(unit).hex() else {
            return Vec::new();
        };
        let held: Vec<_> = objectives(view)
            .into_iter()
            .filter(|o| o.2 == side)
            .collect();
        if held.iter().any(|o| o.1 == here) {
            return Vec::new(); // on an objective: it stays
        }
        let guarded = |o: &(crate::scenario::PlaceId, Hex, _, _)| {
            self.claimed.contains(&o.0) || view.steps_at(o.1, side) > 0
        };
        let free: Vec<_> = held.iter().filter(|o| !guarded(o)).copied().collect();
        let pool = if free.is_empty() { held } else { free };
        let s = view.scenario;
        let Some(target) = pool
            .iter()
            .map(|o| (at(view, self.fields.of(s, o.0, false), here), o.0))
            .min()
            .map(|(_, p)| p)
        else {
            return Vec::new();
        };
        self.claimed.insert(target);
        let field = self.fields.of(s, target, false).to_vec();
        ranked(view, unit, reach, |h| at(view, &field, h))
    }

    fn combat(&self) -> Leave {
        Leave::ToAiHoldingGround
    }

    fn evacuation(&self) -> Leave {
        Leave::Nothing
    }
}
