//! `passive`: ends every phase at once. The floor of any ladder: a scenario
//! where doing nothing scores as well as the AI has no game in it.

use super::{Leave, PolicyInfo, Role, Script};
use crate::hex::Hex;
use crate::rules::{movement, GameView};
use crate::scenario::UnitId;

/// What `landfall arena --list` says.
pub const INFO: PolicyInfo = PolicyInfo {
    name: "passive",
    role: Role::Either,
    summary: "ends every phase at once: never moves, attacks or evacuates",
};

/// The policy.
#[derive(Debug, Clone, Copy, Default)]
pub struct Passive;

impl Script for Passive {
    fn steers(&self, _: &GameView, _: UnitId) -> bool {
        true
    }
    fn destinations(&mut self, _: &GameView, _: UnitId, _: &movement::Reach) -> Vec<Hex> {
        Vec::new()
    }
    fn combat(&self) -> Leave {
        Leave::Nothing
    }
    fn evacuation(&self) -> Leave {
        Leave::Nothing
    }
}
