//! The terrain table (`terrain.ron`): movement costs, combat shifts, sight.

use super::*;

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
