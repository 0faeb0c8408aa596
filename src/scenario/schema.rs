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
    /// Names of the AI difficulty levels and their parameters.
    #[serde(default)]
    pub ai: Option<String>,
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

// ---------------------------------------------------------------- terrain

/// The terrain table (`terrain.ron`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerrainFile {
    /// Terrain types by id.
    pub terrain: BTreeMap<String, TerrainSpec>,
    /// Extra movement cost to cross a river hexside without a bridge.
    pub river_cost: RiverCosts,
    /// Movement cost along a road hexside, per road class, per movement class.
    pub road_cost: BTreeMap<RoadClass, BTreeMap<MoveClass, u32>>,
}

/// One terrain type.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerrainSpec {
    /// Display name.
    pub name: String,
    /// Movement cost per class; a class missing here cannot enter.
    pub move_cost: BTreeMap<MoveClass, u32>,
    /// Column shift for attacks into this terrain (negative helps the defender).
    #[serde(default)]
    pub combat_shift: i32,
    /// Hexes a unit standing here can see.
    #[serde(default = "default_sight")]
    pub sight: u32,
    /// How far into this terrain enemy units are seen (a unit in hills is seen
    /// from `concealment` hexes at most).
    #[serde(default = "default_sight")]
    pub concealment: u32,
    /// Sea: units cannot enter; ZOC does not extend into it.
    #[serde(default)]
    pub water: bool,
    /// Map colour as `(r, g, b)`.
    pub color: (u8, u8, u8),
}

fn default_sight() -> u32 {
    3
}

/// River crossing costs.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiverCosts {
    /// Extra MP to cross a minor river.
    pub minor: u32,
    /// Extra MP to cross a major river (foot only; vehicles need a bridge).
    pub major: u32,
}

/// River size on a hexside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RiverClass {
    /// Fordable stream: extra cost, combat shift.
    Minor,
    /// Only foot may cross without a bridge; blocks ZOC without a bridge.
    Major,
}

/// Road class on a hexside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RoadClass {
    /// Strade statali.
    Main,
    /// Minor roads and tracks.
    Secondary,
    /// Railway (movement as a secondary road for foot).
    Rail,
}

// ---------------------------------------------------------------- map

/// The map file (`map.ron`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapFile {
    /// Columns.
    pub width: u32,
    /// Rows.
    pub height: u32,
    /// One character per terrain id, used in `rows`.
    pub legend: BTreeMap<char, String>,
    /// `height` strings of `width` legend characters, row 0 first (north).
    pub rows: Vec<String>,
    /// Elevation in metres per hex, row by row (optional).
    #[serde(default)]
    pub elevation: Vec<Vec<i32>>,
    /// Rivers along hexsides.
    #[serde(default)]
    pub rivers: Vec<RiverSpec>,
    /// Roads and railways: chains of adjacent hexes.
    #[serde(default)]
    pub roads: Vec<RoadSpec>,
    /// Bridges: hexsides where a road crosses a river unhindered.
    #[serde(default)]
    pub bridges: Vec<(OffsetCoord, OffsetCoord)>,
    /// Sea crossings (the Strait of Messina): hexside between two hexes.
    #[serde(default)]
    pub straits: Vec<(OffsetCoord, OffsetCoord)>,
    /// Towns, cities, ports, airfields, landmarks.
    #[serde(default)]
    pub places: Vec<PlaceSpec>,
    /// Named landing beaches.
    #[serde(default)]
    pub beaches: Vec<BeachSpec>,
    /// Airborne drop zones.
    #[serde(default)]
    pub drop_zones: Vec<DropZoneSpec>,
    /// Named map edges where units enter or supply comes from.
    #[serde(default)]
    pub edges: Vec<EdgeSpec>,
}

/// A river: the hexsides it runs along, given as pairs of adjacent hexes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiverSpec {
    /// Name, e.g. "Simeto".
    #[serde(default)]
    pub name: String,
    /// Minor or Major.
    pub class: RiverClass,
    /// Hexsides, each as the two hexes it separates.
    pub sides: Vec<(OffsetCoord, OffsetCoord)>,
}

/// A road: consecutive hexes in `path` are joined by the road.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoadSpec {
    /// Main, Secondary or Rail.
    pub class: RoadClass,
    /// Adjacent hexes along the road.
    pub path: Vec<OffsetCoord>,
}

/// Kind of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PlaceKind {
    /// A city.
    City,
    /// A town or village.
    Town,
    /// A port town.
    Port,
    /// An airfield.
    Airfield,
    /// A bridge, pass or crossroads.
    Landmark,
}

/// A named place on a hex.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceSpec {
    /// Identifier used by objectives, arrivals and supply.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Kind.
    pub kind: PlaceKind,
    /// Where.
    pub hex: OffsetCoord,
    /// Port supply capacity in steps per turn (0 = no port).
    #[serde(default)]
    pub port_capacity: u32,
    /// Has an airfield.
    #[serde(default)]
    pub airfield: bool,
    /// Fortified: defenders get the `fortified_shift`.
    #[serde(default)]
    pub fortified: bool,
    /// Axis units here may evacuate across the strait.
    #[serde(default)]
    pub evacuation: bool,
}

/// A landing beach.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BeachSpec {
    /// Identifier used by arrivals.
    pub id: String,
    /// Display name, e.g. "DIME (Gela)".
    pub name: String,
    /// Land hexes on the shore where units come ashore, first preferred.
    pub hexes: Vec<OffsetCoord>,
    /// Steps that can land per turn.
    pub capacity: u32,
    /// The side whose supply comes over this beach.
    #[serde(default = "allied")]
    pub side: Side,
}

fn allied() -> Side {
    Side::Allied
}

/// An airborne drop zone.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DropZoneSpec {
    /// Identifier used by arrivals.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Centre hex.
    pub hex: OffsetCoord,
}

/// A map edge where units enter.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EdgeSpec {
    /// Identifier.
    pub id: String,
    /// Display name ("Road from Naples").
    pub name: String,
    /// Entry hexes, first preferred.
    pub hexes: Vec<OffsetCoord>,
}

// ---------------------------------------------------------------- units

/// The unit-type library (`unit_types.ron`): id → type.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitTypesFile {
    /// Types by id.
    pub types: BTreeMap<String, UnitTypeSpec>,
}

/// A unit type.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitTypeSpec {
    /// Display name.
    pub name: String,
    /// NATO symbol drawn on the counter.
    pub symbol: UnitSymbol,
    /// Default movement class.
    pub class: MoveClass,
    /// Counts as armour for combined arms.
    #[serde(default)]
    pub armour: bool,
    /// Counts as infantry for combined arms.
    #[serde(default)]
    pub infantry: bool,
    /// Can support attacks from range.
    #[serde(default)]
    pub artillery: bool,
    /// Never moves (coastal defence).
    #[serde(default)]
    pub static_unit: bool,
    /// Exerts no ZOC (HQ, coastal).
    #[serde(default)]
    pub no_zoc: bool,
}

/// NATO symbol kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnitSymbol {
    /// Crossed lines.
    Infantry,
    /// Oval.
    Armour,
    /// Crossed lines inside an oval.
    Mechanised,
    /// Infantry with wheels.
    Motorised,
    /// Infantry with a canopy.
    Airborne,
    /// Infantry with "R" / "C".
    Commando,
    /// A dot.
    Artillery,
    /// Artillery with a coast wave.
    Coastal,
    /// A flag.
    Headquarters,
    /// Recon diagonal.
    Recon,
}

/// Formation size, drawn above the symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum UnitSize {
    /// I
    Company,
    /// II
    Battalion,
    /// III
    Regiment,
    /// X
    Brigade,
    /// XX
    Division,
    /// XXX
    Corps,
    /// XXXX
    Army,
}

/// An order of battle file (`oob_allied.ron`, `oob_axis.ron`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OobFile {
    /// Which side this file holds.
    pub side: Side,
    /// Headquarters hierarchy: armies, corps, divisions.
    #[serde(default)]
    pub formations: Vec<FormationSpec>,
    /// Manoeuvre units.
    pub units: Vec<UnitSpec>,
}

/// A formation (army, corps, division) that units belong to.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormationSpec {
    /// Identifier.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Size.
    pub size: UnitSize,
    /// Parent formation id (None for the top).
    #[serde(default)]
    pub parent: Option<String>,
}

/// A unit in an order of battle.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitSpec {
    /// Stable identifier (saves and replays use it).
    pub id: String,
    /// Display name, e.g. "1st Inf Div / 16th Inf Regt".
    pub name: String,
    /// Nation, e.g. "US", "UK", "CA", "DE", "IT".
    pub nation: String,
    /// Parent formation id.
    pub parent: String,
    /// Unit type id.
    #[serde(rename = "type")]
    pub unit_type: String,
    /// Size marker.
    pub size: UnitSize,
    /// Strength in steps.
    pub steps: i64,
    /// Attack factor at full strength.
    pub attack: i64,
    /// Defence factor at full strength.
    pub defence: i64,
    /// Movement allowance in MP.
    pub movement: i64,
    /// Movement class override (default: the type's).
    #[serde(default)]
    pub class: Option<MoveClass>,
    /// Where the unit starts (None: it arrives later).
    #[serde(default)]
    pub setup: Option<OffsetCoord>,
    /// When and where it arrives.
    #[serde(default)]
    pub arrival: Option<ArrivalSpec>,
    /// Why the ratings are what they are.
    #[serde(default)]
    pub note: String,
}

/// A scheduled arrival.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArrivalSpec {
    /// Turn of arrival.
    pub turn: i64,
    /// Where it arrives.
    pub at: EntryPoint,
    /// Fallback entries tried in order if `at` is blocked.
    #[serde(default)]
    pub alternatives: Vec<EntryPoint>,
    /// Night drop (worse scatter).
    #[serde(default)]
    pub night: bool,
    /// Glider-borne (worse scatter; sea landings are deadly).
    #[serde(default)]
    pub glider: bool,
}

/// Where a unit enters the map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EntryPoint {
    /// Lands over a named beach (amphibious).
    Beach(String),
    /// Lands in a held port (place id).
    Port(String),
    /// Drops at a drop zone (airborne, with scatter).
    Drop(String),
    /// Enters at a named map edge.
    Edge(String),
    /// Appears on a hex.
    Hex(OffsetCoord),
}

// ---------------------------------------------------------------- CRT

/// The combat results table (`crt.ron`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrtFile {
    /// Faces of the die (rows per column).
    pub die: u32,
    /// Columns from worst to best for the attacker.
    pub columns: Vec<CrtColumnSpec>,
    /// Scatter table for airborne drops.
    pub scatter: ScatterSpec,
}

/// One CRT column: attacker:defender odds and a result per die face.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrtColumnSpec {
    /// Odds as `(attacker, defender)`, e.g. `(3, 1)`.
    pub odds: (u32, u32),
    /// One result per die face, face 1 first, in CRT notation:
    /// `"NE"`, `"A1"`, `"D1"`, `"R1"`, `"D1R1"`, `"A1D1"`, `"EX"`, `"DE"`, `"AE"`.
    pub results: Vec<String>,
}

/// Airborne scatter: probabilities in 1/`out_of`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScatterSpec {
    /// Denominator of all weights below.
    pub out_of: u32,
    /// Weight of drifting 0, 1, 2, ... hexes, by day.
    pub distance_day: Vec<u32>,
    /// Weight of drifting 0, 1, 2, ... hexes, by night.
    pub distance_night: Vec<u32>,
    /// Chance (in `out_of`) of losing a step on landing, by day.
    pub step_loss_day: u32,
    /// ...by night.
    pub step_loss_night: u32,
    /// Extra chance of losing a step for gliders.
    pub step_loss_glider_extra: u32,
    /// Steps lost by a glider unit that comes down in the sea.
    pub glider_sea_loss: u32,
}
