//! The map generator: builds a scenario `map.ron` from the geographic data in
//! `assets/geodata/<region>/` (coastline, elevation, rivers, roads, towns,
//! beaches, drop zones).
//!
//! Steps: project the bbox ([`projection`]), classify each hex ([`cells`]),
//! lay rivers, roads, bridges and the strait ([`lines`]), place towns, beaches,
//! drop zones and edges ([`places`]), then write RON ([`ron_out`]). Every step
//! iterates in a fixed order, so the same inputs give byte-identical output.
//! The rules and thresholds are documented in `docs/maps.md`.

pub mod cells;
pub mod geodata;
pub mod lines;
pub mod places;
pub mod projection;
pub mod ron_out;
pub mod snap;

use crate::scenario::schema::MapFile;
use projection::{BBox, Layout};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A region with its own folder of geographic data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Region {
    /// Sicily, the Strait of Messina and Reggio.
    Sicily,
    /// The Gulf of Salerno.
    Salerno,
}

impl Region {
    /// Folder name under `assets/geodata/`.
    #[must_use]
    pub fn dir_name(self) -> &'static str {
        match self {
            Region::Sicily => "sicily",
            Region::Salerno => "salerno",
        }
    }
    /// The whole region's bbox (the extent of its data).
    #[must_use]
    pub fn default_bbox(self) -> BBox {
        match self {
            Region::Sicily => BBox {
                west: 12.30,
                south: 36.60,
                east: 15.75,
                north: 38.35,
            },
            Region::Salerno => BBox {
                west: 14.35,
                south: 40.25,
                east: 15.35,
                north: 41.00,
            },
        }
    }
    /// The default hex size in km.
    #[must_use]
    pub fn default_hex_km(self) -> f64 {
        match self {
            Region::Sicily => 5.0,
            Region::Salerno => 2.0,
        }
    }
}

impl std::str::FromStr for Region {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "sicily" => Ok(Region::Sicily),
            "salerno" => Ok(Region::Salerno),
            _ => Err(format!("unknown region `{s}` (expected sicily or salerno)")),
        }
    }
}

/// What can go wrong while generating a map.
#[derive(Debug, thiserror::Error)]
pub enum MapgenError {
    /// A file could not be read or written.
    #[error("{}: {message}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        message: String,
    },
    /// An input file is malformed.
    #[error("{}: {message}", path.display())]
    Data {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The options make no map.
    #[error("{0}")]
    Options(String),
}

/// What to generate.
#[derive(Debug, Clone)]
pub struct Options {
    /// Which data folder.
    pub region: Region,
    /// Hex size across flats, km.
    pub hex_km: f64,
    /// Area to map (default: the region's).
    pub bbox: Option<BBox>,
    /// `assets/geodata` (the region folder is appended).
    pub data_root: PathBuf,
}

/// A generated map plus what the generator noticed on the way.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The map.
    pub map: MapFile,
    /// The layout used (for callers that convert coordinates).
    pub layout: Layout,
    /// Collisions and moved places, for stderr.
    pub notes: Vec<String>,
}

/// Builds the map described by `opts`.
pub fn generate(opts: &Options) -> Result<Generated, MapgenError> {
    let bbox = opts.bbox.unwrap_or(opts.region.default_bbox());
    if !(bbox.west < bbox.east && bbox.south < bbox.north) {
        return Err(MapgenError::Options(format!(
            "bbox {},{},{},{} is empty (want W,S,E,N)",
            bbox.west, bbox.south, bbox.east, bbox.north
        )));
    }
    if !(opts.hex_km >= 0.5 && opts.hex_km <= 50.0) {
        return Err(MapgenError::Options(format!(
            "hex size {} km is out of range (0.5–50)",
            opts.hex_km
        )));
    }
    let layout = Layout::new(bbox, opts.hex_km);
    if layout.len() > 200_000 {
        return Err(MapgenError::Options(format!(
            "{}×{} hexes is too many; use bigger hexes or a smaller bbox",
            layout.width, layout.height
        )));
    }
    let geo = geodata::GeoData::load(&opts.data_root.join(opts.region.dir_name()))?;
    Ok(build(&geo, opts.region, layout))
}

/// Builds a map from loaded data (separate from [`generate`] for tests).
#[must_use]
pub fn build(geo: &geodata::GeoData, region: Region, layout: Layout) -> Generated {
    let land = cells::LandIndex::new(geo, &layout);
    let mut cells = cells::classify(geo, &layout, &land);
    let mut notes = Vec::new();
    // Rivers and roads need only land and sea, so they are laid first and
    // the places then snap to them (`snap.rs`) before towns are stamped.
    let rivers = lines::rivers(geo, &layout, &cells);
    let (roads, straits) = lines::roads(geo, &layout, &cells);
    let bridges = lines::bridges(&roads, &rivers);
    let (places, stamps, beaches, drop_zones, edges) = {
        let board = places::Board {
            layout: &layout,
            cells: &cells,
        };
        let (mut places, stamps, anchors) = places::places(geo, region, &board, &mut notes);
        snap::snap(&mut places, &anchors, &roads, &bridges, &layout, &mut notes);
        let beaches = places::beaches(geo, &board);
        let drop_zones = places::drop_zones(geo, &board);
        let edges = places::edges(region, &board, &places);
        (places, stamps, beaches, drop_zones, edges)
    };
    for (p, t) in places.iter().zip(&stamps) {
        if let (Some(t), Some(i)) = (t, layout.index(p.hex)) {
            cells[i].terrain = *t;
        }
    }
    let w = layout.width as usize;
    let rows = cells
        .chunks(w)
        .map(|row| row.iter().map(|c| c.terrain).collect())
        .collect();
    let elevation = cells
        .chunks(w)
        .map(|row| {
            row.iter()
                .map(|c| {
                    if c.is_land() {
                        c.mean_m.round() as i32
                    } else {
                        0
                    }
                })
                .collect()
        })
        .collect();
    let legend: BTreeMap<char, String> = cells::LEGEND
        .iter()
        .map(|&(ch, id)| (ch, id.to_owned()))
        .collect();
    let map = crate::scenario::schema::MapFile {
        width: layout.width,
        height: layout.height,
        legend,
        rows,
        elevation,
        rivers,
        roads,
        bridges,
        straits,
        places,
        beaches,
        drop_zones,
        edges,
    };
    Generated { map, layout, notes }
}

/// The default data folder: `assets/geodata` under the crate root.
#[must_use]
pub fn default_data_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/geodata")
}
