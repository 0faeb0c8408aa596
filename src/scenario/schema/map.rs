//! The map file (`map.ron`): terrain rows, hexsides, places, beaches, drop zones, edges.

use super::*;

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

/// A map overlay (`overlay.ron` beside the map file): the designer's
/// additions and corrections, applied on top of the (generated) map so that
/// `landfall mapgen` can be rerun without losing them. Every field may be
/// left out.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverlayFile {
    /// Terrain of single hexes (a terrain id of the map's legend).
    #[serde(default)]
    pub terrain: Vec<TerrainOverride>,
    /// Rivers added.
    #[serde(default)]
    pub rivers: Vec<RiverSpec>,
    /// Roads added.
    #[serde(default)]
    pub roads: Vec<RoadSpec>,
    /// Bridges added.
    #[serde(default)]
    pub bridges: Vec<(OffsetCoord, OffsetCoord)>,
    /// Bridges of the map removed (blown before the scenario starts, or
    /// wrongly generated).
    #[serde(default)]
    pub remove_bridges: Vec<(OffsetCoord, OffsetCoord)>,
    /// Places added, or replacing the map's place with the same id.
    #[serde(default)]
    pub places: Vec<PlaceSpec>,
    /// Ids of places of the map removed.
    #[serde(default)]
    pub remove_places: Vec<String>,
    /// Beaches added or replaced (by id).
    #[serde(default)]
    pub beaches: Vec<BeachSpec>,
    /// Drop zones added or replaced (by id).
    #[serde(default)]
    pub drop_zones: Vec<DropZoneSpec>,
    /// Entry edges added or replaced (by id).
    #[serde(default)]
    pub edges: Vec<EdgeSpec>,
}

/// The terrain of one hex, set by an overlay.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerrainOverride {
    /// The hex.
    pub hex: OffsetCoord,
    /// A terrain id that the map's legend has a character for.
    pub terrain: String,
}
