//! Why a command is illegal, in words fit to show the player.

use serde::Serialize;

/// The broad reason a command was refused (for tests, AI and tooling).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum RejectionKind {
    /// Not allowed in the current phase.
    WrongPhase,
    /// The unit belongs to the other side.
    WrongSide,
    /// No such unit.
    UnknownUnit,
    /// The unit is not on the map (pending, eliminated, evacuated).
    NotOnMap,
    /// The path is not a chain of adjacent hexes, or leaves the map.
    BadPath,
    /// Terrain, sea, river or enemy units forbid entry.
    Prohibited,
    /// Not enough movement points.
    NotEnoughMp,
    /// Zones of control forbid it.
    Zoc,
    /// Too many steps in the hex.
    Stacking,
    /// The unit has already moved or attacked this phase, or cannot move.
    AlreadyActed,
    /// Attackers not adjacent, no enemy in the target hex, ...
    BadAttack,
    /// Support points or artillery unavailable.
    Support,
    /// Evacuation not possible.
    Evacuation,
    /// Nothing to undo, or undo closed by a die roll.
    Undo,
    /// The game has ended.
    GameOver,
}

/// A refused command: what kind of problem, and a sentence explaining it
/// ("15th Inf Regt has 1 MP left; entering hills costs 2").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{reason}")]
pub struct Rejection {
    /// Broad reason.
    pub kind: RejectionKind,
    /// The sentence for the player.
    pub reason: String,
}

impl Rejection {
    /// A rejection of `kind` with a sentence.
    #[must_use]
    pub fn new(kind: RejectionKind, reason: impl Into<String>) -> Self {
        Self {
            kind,
            reason: reason.into(),
        }
    }
}
