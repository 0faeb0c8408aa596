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
        /// Where it came to rest (moved off an enemy-held or full hex, or
        /// ashore from the sea, if it came down there).
        at: OffsetCoord,
        /// Hexes from the zone to `at` (0: on target).
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
    /// A scenario event fired (its effects follow).
    EventFired {
        /// Index in `Scenario::events`.
        event: u16,
        /// Its id.
        id: String,
    },
    /// A message of a scenario event.
    Message {
        /// The text.
        text: String,
    },
    /// A nation's ratings changed (scenario event).
    RatingsChanged {
        /// Nation.
        nation: String,
        /// Attack, percent of the printed rating.
        attack_percent: u32,
        /// Defence, percent of the printed rating.
        defence_percent: u32,
    },
    /// A unit was taken out of the game by a scenario event.
    Withdrawn {
        /// Unit.
        unit: UnitId,
    },
    /// A rule window opened or closed (scenario event).
    WindowChanged {
        /// The rule.
        rule: crate::scenario::schema::RuleWindow,
        /// Open now?
        open: bool,
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
    /// A crossing (road or bridge hexside) was blown: by a unit, or by a
    /// scenario event (`unit` none).
    Blown {
        /// One hex of the hexside.
        from: OffsetCoord,
        /// The other.
        to: OffsetCoord,
        /// The unit that blew it.
        unit: Option<UnitId>,
    },
    /// A unit worked on a blown crossing: `done` of `needed` phases; the
    /// crossing is whole again when they are equal.
    RepairWork {
        /// One hex of the hexside.
        from: OffsetCoord,
        /// The other.
        to: OffsetCoord,
        /// The unit.
        unit: UnitId,
        /// Phases of work so far.
        done: u32,
        /// Phases needed.
        needed: u32,
    },
    /// A unit went aboard landing craft to land over a beach.
    Embarked {
        /// Unit.
        unit: UnitId,
        /// Beach index.
        beach: u16,
        /// Turn it lands.
        lands: u32,
    },
}
