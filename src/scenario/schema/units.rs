//! Unit types and orders of battle (`unit_types.ron`, `oob_*.ron`).

use super::*;

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
    /// Pioneers / sappers: may blow and repair bridges and roads when the
    /// scenario's `rules.demolitions.engineers_only` is set.
    #[serde(default)]
    pub engineer: bool,
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
    /// A place id: on an `Edge` entry, of the edge's road hexes (then of
    /// the others) the unit takes the open one nearest to this place.
    #[serde(default)]
    pub near: Option<String>,
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
