//! What applying a command caused: the GUI animates these, the log prints
//! them, and the replay viewer steps through them.

use crate::hex::OffsetCoord;
use crate::scenario::{CrtResult, PhaseSpec, PlaceId, Side, UnitId};
use serde::Serialize;

/// One consequence of a command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Event {
    /// A unit moved along a path.
    Moved {
        /// Unit.
        unit: UnitId,
        /// Hexes entered, in order.
        path: Vec<OffsetCoord>,
        /// MP left.
        mp_left: u32,
    },
    /// An attack was resolved.
    Combat {
        /// Attacking units.
        attackers: Vec<UnitId>,
        /// Target hex.
        target: OffsetCoord,
        /// Final odds column label ("3:1").
        column: String,
        /// The die roll.
        die: u32,
        /// The result.
        result: CrtResult,
    },
    /// A unit lost steps.
    StepLost {
        /// Unit.
        unit: UnitId,
        /// Steps lost.
        steps: u32,
        /// Steps left.
        left: u32,
        /// Why ("combat", "blocked retreat", "out of supply", "landing").
        cause: String,
    },
    /// A unit was destroyed.
    Eliminated {
        /// Unit.
        unit: UnitId,
    },
    /// A unit retreated.
    Retreated {
        /// Unit.
        unit: UnitId,
        /// Hexes entered.
        path: Vec<OffsetCoord>,
    },
    /// A move ran into an enemy its side had not seen (its hex, or its zone
    /// of control) and stopped at the last hex it could legally reach.
    Contact {
        /// Unit.
        unit: UnitId,
        /// Where it stopped.
        at: OffsetCoord,
        /// The hexes of its order it did not reach.
        short_by: u32,
    },
    /// A unit could not retreat.
    RetreatBlocked {
        /// Unit.
        unit: UnitId,
    },
    /// A victorious attacker advanced into the vacated hex.
    Advanced {
        /// Unit.
        unit: UnitId,
        /// Hex.
        to: OffsetCoord,
    },
    /// A place changed hands.
    ControlChanged {
        /// Place.
        place: PlaceId,
        /// New owner.
        side: Side,
    },
    /// A new phase began.
    PhaseBegan {
        /// Turn.
        turn: u32,
        /// Phase.
        phase: PhaseSpec,
    },
    /// A unit came ashore.
    Landed {
        /// Unit.
        unit: UnitId,
        /// Beach index.
        beach: u16,
        /// Hex.
        at: OffsetCoord,
    },
    /// A unit dropped by parachute or glider.
    Dropped {
        /// Unit.
        unit: UnitId,
        /// Drop zone index.
        zone: u16,
        /// Where it came down.
        at: OffsetCoord,
        /// Hexes it drifted.
        scatter: u32,
    },
    /// A reinforcement entered the map.
    Arrived {
        /// Unit.
        unit: UnitId,
        /// Hex.
        at: OffsetCoord,
    },
    /// An arrival was put off.
    Delayed {
        /// Unit.
        unit: UnitId,
        /// New turn.
        until: u32,
        /// Why.
        reason: String,
    },
    /// Supply state of a unit changed.
    SupplyChanged {
        /// Unit.
        unit: UnitId,
        /// Now out of supply?
        out_of_supply: bool,
    },
    /// A unit left the map across the strait.
    Evacuated {
        /// Unit.
        unit: UnitId,
        /// Steps saved.
        steps: u32,
    },
    /// Victory points scored.
    Scored {
        /// Side.
        side: Side,
        /// Points.
        vp: i64,
        /// Why.
        reason: String,
    },
    /// The game ended.
    GameOver {
        /// Winner.
        winner: Option<Side>,
        /// Explanation.
        reason: String,
    },
    /// The last command was taken back.
    Undone,
}
