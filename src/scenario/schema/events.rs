//! Scenario events (`events` in `scenario.ron`): "when this happens, then
//! do that" — the fall of Mussolini, the armistice, the evacuation order.
//! Which events fire is decided in `src/rules/events.rs`; what firing does
//! is applied in `src/command/events.rs`. Documented for designers in
//! `docs/scenario-format.md` (Events).

use super::*;
use crate::hex::OffsetCoord;

/// One event: fires once, at the start of the first phase in which its
/// trigger holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventSpec {
    /// Stable identifier (unique among the events).
    pub id: String,
    /// What makes it fire.
    pub when: Trigger,
    /// What it does, in order (not empty).
    pub then: Vec<Effect>,
    /// The source or reason (history, a designer's note).
    #[serde(default)]
    pub note: String,
}

/// What makes an event fire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Trigger {
    /// The start of this turn.
    Turn(u32),
    /// A place has been taken by `by` (it changed hands to that side during
    /// the game).
    Taken {
        /// Place id.
        place: String,
        /// The side that took it.
        by: Side,
    },
    /// A unit has been eliminated.
    Eliminated(String),
    /// A side (or one of its nations) has lost at least `at_least` steps in
    /// all: steps of units on the map, eliminated, evacuated or withdrawn.
    StepsLost {
        /// The side.
        side: Side,
        /// Only units of this nation (`"IT"`); none: the whole side.
        #[serde(default)]
        nation: Option<String>,
        /// Steps.
        at_least: u32,
    },
}

/// What an event does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Effect {
    /// A line in the log and on the screen.
    Message(String),
    /// Victory points to a side (negative to take them away).
    Vp {
        /// The side.
        side: Side,
        /// Points.
        vp: i64,
    },
    /// From now on the units of `nation` attack and defend at these
    /// percentages of their ratings (100 = unchanged; replaces an earlier
    /// change of the same nation).
    Ratings {
        /// Nation, as in the orders of battle (`"IT"`).
        nation: String,
        /// Attack, percent.
        attack_percent: u32,
        /// Defence, percent.
        defence_percent: u32,
    },
    /// These units (unit ids) come on at their `arrival` entry from this
    /// turn on (not before their arrival `turn`); until the event fires they
    /// do not arrive at all.
    Arrive(Vec<String>),
    /// These units leave the game (on the map or still to arrive): they
    /// neither score nor count as eliminated. `nation` withdraws every unit
    /// of that nation as well.
    Withdraw {
        /// Unit ids.
        #[serde(default)]
        units: Vec<String>,
        /// Every unit of this nation.
        #[serde(default)]
        nation: Option<String>,
    },
    /// Blow these crossings (hexside pairs carrying a road or a bridge),
    /// whoever stands there: the demolitions prepared in advance.
    Demolish(Vec<(OffsetCoord, OffsetCoord)>),
    /// Open or close a rule window.
    Window {
        /// The rule.
        rule: RuleWindow,
        /// Open (true) or close (false).
        open: bool,
    },
}

/// A rule that events can open and close. A window that some event opens
/// starts closed; otherwise it starts open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RuleWindow {
    /// The Axis may evacuate across the strait (`Evacuation` phases).
    Evacuation,
}
