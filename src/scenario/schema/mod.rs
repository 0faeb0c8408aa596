//! The scenario files as designers write them in RON.
//!
//! These types mirror the files one to one (`deny_unknown_fields`, so a misspelt
//! field is an error). Identifiers are strings here; [`super::model`] turns a
//! checked set of files into the compact runtime [`super::Scenario`].
//! Every field is documented for designers in `docs/scenario-format.md`.

use crate::hex::OffsetCoord;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The main scenario file (`scenario.ron`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    /// Stable identifier, used by saves and replays.
    pub id: String,
    /// Display name.
    pub name: String,
    /// One-paragraph briefing.
    #[serde(default)]
    pub description: String,
    /// Date and hour of turn 1.
    pub start: StartDate,
    /// Hours per turn (12 = two turns a day).
    pub turn_hours: u32,
    /// Number of turns.
    pub turns: u32,
    /// Hex size, km across flats.
    pub hex_km: u32,
    /// Default RNG seed.
    #[serde(default)]
    pub seed: u64,
    /// Included files, relative to this file.
    pub map: String,
    /// The terrain table.
    pub terrain: String,
    /// The unit-type library.
    pub unit_types: String,
    /// The combat results table.
    pub crt: String,
    /// The Allied order of battle.
    pub oob_allied: String,
    /// The Axis order of battle.
    pub oob_axis: String,
    /// The turn sequence; default: Allied then Axis.
    #[serde(default = "default_phases")]
    pub phases: Vec<PhaseSpec>,
    /// Rule parameters.
    #[serde(default)]
    pub rules: RulesSpec,
    /// Supply sources and parameters.
    #[serde(default)]
    pub supply: SupplySpec,
    /// Naval gunfire and air support.
    #[serde(default)]
    pub support: SupportSpec,
    /// Victory conditions.
    pub victory: VictorySpec,
    /// What happened historically, for the balance report.
    #[serde(default)]
    pub history: Vec<HistoricalEvent>,
    /// The computer's difficulty level for this scenario: a level of
    /// `scenarios/common/ai.ron` (`easy`, `normal`, `hard`). The player's
    /// choice (`--difficulty`, the start screen) overrides it.
    #[serde(default)]
    pub ai: Option<String>,
    /// When the computer's Axis goes over to the attack: windows of turns in
    /// which it strikes the Allied units instead of holding a line (the
    /// historical counterattacks). Empty: the difficulty level's
    /// `counterattack_until_percent` of the game.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counterattacks: Vec<TurnWindow>,
    /// The computer's withdrawal plan: lines a side falls back to, each
    /// held for a window of turns (the Etna and Tortorici lines).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub defence_lines: Vec<DefenceLineSpec>,
    /// Events: "when (a turn, a capture, an elimination, steps lost) then
    /// (arrivals, withdrawals, ratings, VP, a message, a rule window)".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<EventSpec>,
    /// The evacuation plan: windows, embarkation points, scoring
    /// (`schema::evacuation`). None: the map's `evacuation` places at
    /// `rules.evacuation_steps_per_turn`, on every turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evacuation: Option<EvacuationSpec>,
}

/// A defence line of a side's withdrawal plan: while its window is open the
/// computer's units of that side hold it instead of seeking contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefenceLineSpec {
    /// Display name ("Etna line").
    pub name: String,
    /// The side that holds it.
    pub side: Side,
    /// First turn it is held.
    pub from_turn: u32,
    /// Last turn it is held.
    pub until_turn: u32,
    /// Places it runs through, in order (place ids); the line joins them
    /// hex by hex.
    pub through: Vec<String>,
    /// The nations whose units hold it (e.g. `["DE"]`); empty: all of the
    /// side's units.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nations: Vec<String>,
}

/// A window of turns, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TurnWindow {
    /// First turn.
    pub from_turn: u32,
    /// Last turn.
    pub until_turn: u32,
}

/// Date of turn 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartDate {
    /// Year, e.g. 1943.
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// Day of month.
    pub day: u32,
    /// Hour 0–23 at which turn 1 begins.
    #[serde(default)]
    pub hour: u32,
}

impl StartDate {
    /// Days from 1970-01-01 to this date (proleptic Gregorian calendar,
    /// H. Hinnant's algorithm).
    #[must_use]
    pub fn days_since_epoch(&self) -> i64 {
        days_from_civil(
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        )
    }

    /// Hours from 1970-01-01 00:00 to the start of `turn` (turn 1 begins
    /// at this date's `hour`) with turns of `turn_hours`.
    #[must_use]
    pub fn hours_at_turn(&self, turn: u32, turn_hours: u32) -> i64 {
        self.days_since_epoch() * 24
            + i64::from(self.hour)
            + i64::from(turn.saturating_sub(1)) * i64::from(turn_hours)
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
#[must_use]
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Side {
    /// The Allies (US, British, Canadian ...).
    Allied,
    /// The Axis (German, Italian).
    Axis,
}

impl Side {
    /// The other side.
    #[must_use]
    pub const fn enemy(self) -> Side {
        match self {
            Side::Allied => Side::Axis,
            Side::Axis => Side::Allied,
        }
    }
    /// Index 0 (Allied) or 1 (Axis), for per-side arrays.
    #[must_use]
    pub const fn index(self) -> usize {
        self as usize
    }
    /// Both sides, Allied first.
    pub const BOTH: [Side; 2] = [Side::Allied, Side::Axis];
}

impl std::fmt::Display for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Side::Allied => "Allied",
            Side::Axis => "Axis",
        })
    }
}

/// One step of the turn sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PhaseSpec {
    /// Scheduled arrivals of a side: reinforcements, landings, drops (automatic).
    Arrivals(Side),
    /// Supply trace and attrition for a side (automatic).
    Supply(Side),
    /// A side moves its units (player input).
    Movement(Side),
    /// A side attacks (player input).
    Combat(Side),
    /// A side may evacuate units across the strait (player input).
    Evacuation(Side),
    /// Victory points, control and the turn counter (automatic).
    EndTurn,
}

/// The default sequence: Allied arrivals, supply, movement, combat; the same for
/// the Axis (with evacuation); end of turn.
#[must_use]
pub fn default_phases() -> Vec<PhaseSpec> {
    use PhaseSpec::*;
    vec![
        Arrivals(Side::Allied),
        Supply(Side::Allied),
        Movement(Side::Allied),
        Combat(Side::Allied),
        Arrivals(Side::Axis),
        Supply(Side::Axis),
        Movement(Side::Axis),
        Combat(Side::Axis),
        Evacuation(Side::Axis),
        EndTurn,
    ]
}

/// General rule parameters.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RulesSpec {
    /// Most steps of one side allowed in a hex.
    pub stacking_steps: u32,
    /// May a unit move directly from one enemy ZOC hex to another?
    pub zoc_to_zoc: bool,
    /// Road movement bonus applies only when not starting in an enemy ZOC.
    pub road_needs_no_enemy_zoc: bool,
    /// Column shift for attacking when every attacker is across a river hexside
    /// (negative favours the defender).
    pub river_shift: i32,
    /// Column shift for armour attacking together with infantry.
    pub combined_arms_shift: i32,
    /// Column shift per artillery unit in support (at most `artillery_max`).
    pub artillery_shift: i32,
    /// Most artillery shifts in one attack.
    pub artillery_max: u32,
    /// Range in hexes from which artillery can support an attack.
    pub artillery_range: u32,
    /// Column shift against a defender that is out of supply.
    pub defender_unsupplied_shift: i32,
    /// Column shift for a landing assault against a defended beach.
    pub beach_assault_shift: i32,
    /// Column shift for attacking a fortified place.
    pub fortified_shift: i32,
    /// Extra step lost when a retreat is blocked.
    pub blocked_retreat_steps: u32,
    /// May a victorious attacker advance into the vacated hex?
    pub advance_after_combat: bool,
    /// Steps that may cross the strait per turn (evacuation capacity).
    pub evacuation_steps_per_turn: u32,
    /// Who may blow and repair bridges and roads (`rules::demolition`).
    pub demolitions: DemolitionRules,
    /// Landing craft for landings after turn 1 (`rules::amphibious`);
    /// empty: no limit but each beach's capacity.
    pub landing_craft: Vec<CraftWindow>,
}

impl Default for RulesSpec {
    fn default() -> Self {
        Self {
            stacking_steps: 9,
            zoc_to_zoc: false,
            road_needs_no_enemy_zoc: true,
            river_shift: -1,
            combined_arms_shift: 1,
            artillery_shift: 1,
            artillery_max: 2,
            artillery_range: 2,
            defender_unsupplied_shift: 1,
            beach_assault_shift: -2,
            fortified_shift: -1,
            blocked_retreat_steps: 1,
            advance_after_combat: true,
            evacuation_steps_per_turn: 4,
            demolitions: DemolitionRules::default(),
            landing_craft: Vec::new(),
        }
    }
}

/// Supply sources and effects.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SupplySpec {
    /// Longest supply trace, in movement points of the `trace_class`.
    pub trace_mp: u32,
    /// Movement class used to trace supply (costs from the terrain table).
    pub trace_class: MoveClass,
    /// Out-of-supply units attack at this percentage of their strength.
    pub unsupplied_attack_percent: u32,
    /// Out-of-supply units move at this percentage of their allowance.
    pub unsupplied_move_percent: u32,
    /// A step is lost after this many consecutive turns out of supply (0 = never).
    pub attrition_after_turns: u32,
    /// Fixed sources per side (depots, the strait, map edges).
    pub sources: Vec<SupplySource>,
    /// Beaches supply their side for this many turns at full capacity...
    pub beach_full_turns: u32,
    /// ...then lose this much capacity per turn (never below `beach_min_capacity`).
    pub beach_decline_per_turn: u32,
    /// Floor of a beach's capacity.
    pub beach_min_capacity: u32,
    /// Turns a captured port must be held before it supplies its new owner.
    pub port_hold_turns: u32,
    /// Steps a beach supplies per point of its current capacity.
    pub beach_supply_factor: u32,
    /// Steps a captured port supplies per point of its port capacity.
    pub port_supply_factor: u32,
}

impl Default for SupplySpec {
    fn default() -> Self {
        Self {
            trace_mp: 8,
            trace_class: MoveClass::Motorised,
            unsupplied_attack_percent: 50,
            unsupplied_move_percent: 50,
            attrition_after_turns: 2,
            sources: Vec::new(),
            beach_full_turns: 4,
            beach_decline_per_turn: 1,
            beach_min_capacity: 1,
            port_hold_turns: 1,
            beach_supply_factor: 4,
            port_supply_factor: 4,
        }
    }
}

/// A fixed supply source.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupplySource {
    /// The side it supplies.
    pub side: Side,
    /// A place id (port, depot) or map edge id.
    pub at: String,
}

/// Naval gunfire and air support.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SupportSpec {
    /// Naval gunfire points per turn for the Allies; index 0 = turn 1; the last
    /// entry repeats.
    pub naval_points: Vec<u32>,
    /// Hexes inland from a sea hex that naval gunfire reaches.
    pub naval_range: u32,
    /// Air support points per turn per side: `[allied, axis]` lists, last repeats.
    pub air_points_allied: Vec<u32>,
    /// Axis air support points per turn; last entry repeats.
    pub air_points_axis: Vec<u32>,
    /// Most support points spent on one attack.
    pub max_per_attack: u32,
}

/// Victory conditions.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VictorySpec {
    /// Objectives: places worth victory points.
    pub objectives: Vec<ObjectiveSpec>,
    /// Axis VP per step evacuated.
    #[serde(default)]
    pub evacuated_step_vp: u32,
    /// VP per enemy step eliminated (both sides).
    #[serde(default)]
    pub eliminated_step_vp: u32,
    /// Victory levels by Allied VP minus Axis VP, best first.
    pub levels: Vec<VictoryLevelSpec>,
    /// Conditions that end the game at once.
    #[serde(default)]
    pub sudden_death: Vec<SuddenDeathSpec>,
}

/// A place worth victory points.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveSpec {
    /// Place id.
    pub place: String,
    /// VP to the holder at the end of the game.
    pub vp: u32,
    /// VP to the holder at each end of turn.
    #[serde(default)]
    pub vp_per_turn: u32,
    /// Who holds it at the start.
    pub owner: Side,
}

/// A victory level: reached when Allied VP − Axis VP ≥ `min_margin`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VictoryLevelSpec {
    /// The winner at this level (None for a draw).
    pub winner: Option<Side>,
    /// Decisive, Marginal or Draw.
    pub level: VictoryLevel,
    /// Smallest Allied margin for this level.
    pub min_margin: i64,
}

/// How complete a victory is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum VictoryLevel {
    /// Overwhelming.
    Decisive,
    /// Narrow.
    Marginal,
    /// Neither side won.
    Draw,
}

/// A condition that ends the game immediately.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuddenDeathSpec {
    /// Shown to players, e.g. "The beachhead is split".
    pub label: String,
    /// The side that wins if it happens.
    pub winner: Side,
    /// The level of that win.
    pub level: VictoryLevel,
    /// A unit of `winner` on any of these hexes triggers it...
    pub hexes: Vec<OffsetCoord>,
    /// ...from this turn on.
    #[serde(default)]
    pub from_turn: u32,
}

/// A historical milestone for the balance report.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoricalEvent {
    /// Place id captured.
    pub place: String,
    /// Side that took it.
    pub side: Side,
    /// Turn on which it happened.
    pub turn: u32,
    /// Free text ("22 July: Palermo falls to Provisional Corps").
    #[serde(default)]
    pub note: String,
}

/// Movement class: which terrain costs a unit pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MoveClass {
    /// Infantry on foot, mules, paratroops.
    Foot,
    /// Wheeled vehicles.
    Motorised,
    /// Tanks and half-tracks.
    Tracked,
}

impl MoveClass {
    /// All classes in table order.
    pub const ALL: [MoveClass; 3] = [MoveClass::Foot, MoveClass::Motorised, MoveClass::Tracked];
    /// Index for per-class arrays.
    #[must_use]
    pub const fn index(self) -> usize {
        self as usize
    }
}

mod crt;
mod evacuation;
mod events;
mod map;
mod operations;
mod terrain;
mod units;

pub use crt::*;
pub use evacuation::*;
pub use events::*;
pub use map::*;
pub use operations::*;
pub use terrain::*;
pub use units::*;
