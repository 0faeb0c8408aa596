//! Procedural invasion scenarios: an island from noise, rivers, towns and
//! roads, beaches, two orders of battle, objectives and victory levels —
//! written as ordinary scenario RON files (`landfall generate`) or compiled in
//! memory (the bench's large maps, the GUI's "random island").
//!
//! Deterministic per `(seed, hexes, units)`: noise is quantised to integers
//! at once (`island.rs`) and every later choice comes from one ChaCha8 RNG
//! seeded with `seed`, drawn in a fixed order. The pipeline, one file each:
//! `island.rs` (shape, relief, ground), `rivers.rs`, `towns.rs` (towns,
//! roads, bridges), `coast.rs` (beaches, drop zone), `oob.rs` (units),
//! `files.rs` (writing and in-memory compiling). Documented in
//! `docs/performance.md` ("Generated scenarios").

mod coast;
mod files;
pub mod island;
mod oob;
mod rivers;
mod towns;

pub use files::GeneratedFiles;

use crate::scenario::schema::*;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::collections::{BTreeMap, HashSet};

/// Smallest map accepted, in hexes.
pub const MIN_HEXES: u32 = 200;
/// Largest map accepted (the loader's 1000 × 1000 limit).
pub const MAX_HEXES: u32 = 1_000_000;
/// Fewest units (both sides).
pub const MIN_UNITS: u32 = 4;

/// Why a scenario cannot be generated with these arguments.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GenerateError {
    /// Map size out of range.
    #[error("--hexes {0}: give {MIN_HEXES} to {MAX_HEXES} hexes")]
    Hexes(u32),
    /// Too few or too many units for the map.
    #[error("--units {units}: give {MIN_UNITS} to {max} units for a map of {hexes} hexes (at most one per 8 hexes)")]
    Units {
        /// Asked for.
        units: u32,
        /// Map size.
        hexes: u32,
        /// Most allowed.
        max: u32,
    },
    /// Writing a file failed.
    #[error("{0}")]
    Serialize(String),
}

/// Generate the scenario files for `seed` with about `hexes` hexes and
/// `units` units (both sides).
pub fn generate(seed: u64, hexes: u32, units: u32) -> Result<GeneratedFiles, GenerateError> {
    if !(MIN_HEXES..=MAX_HEXES).contains(&hexes) {
        return Err(GenerateError::Hexes(hexes));
    }
    let max = (hexes / 8).min(crate::scenario::limits::MAX_UNITS as u32);
    if units < MIN_UNITS || units > max {
        return Err(GenerateError::Units { units, hexes, max });
    }
    let (w, h) = island::dimensions(hexes);
    let mut board = island::generate(seed, w, h);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let rivers = rivers::rivers(&board);
    let river_sides: HashSet<(usize, usize)> = rivers
        .iter()
        .flat_map(|r| r.sides.iter().map(|&(a, b)| (a.min(b), a.max(b))))
        .collect();
    let river_hexes: HashSet<usize> = rivers
        .iter()
        .flat_map(|r| r.sides.iter().flat_map(|&(a, b)| [a, b]))
        .collect();
    let towns = towns::towns(&mut board, &river_hexes, &mut rng);
    let roads = towns::roads(&board, &towns, &river_sides);
    let bridges = towns::bridges(&roads, &river_sides);
    let turns = (8 + w / 12).clamp(8, 40);
    let allied = units - (units as usize * 45 / 100).max(1) as u32;
    let first_wave = (allied as usize * 2).div_ceil(5);
    let n_beaches = (allied as usize / 8).clamp(2, 12);
    let capacity = ((first_wave * 3).div_ceil(n_beaches) as u32).max(6);
    let places: HashSet<usize> = towns.iter().map(|t| t.hex).collect();
    let beaches = coast::beaches(&board, &places, n_beaches, capacity, &mut rng);
    let dz = (allied >= 10)
        .then(|| {
            beaches
                .first()
                .and_then(|b| coast::drop_zone(&board, &places, b))
        })
        .flatten();
    let (oob_allied, oob_axis) = oob::build(
        &oob::Inputs {
            board: &board,
            towns: &towns,
            beaches: &beaches,
            drop_zone: dz.as_ref().map(|d| d.id.clone()),
            units,
            turns,
        },
        &mut rng,
    );
    let map = MapFile {
        width: w,
        height: h,
        legend: island::Ground::LEGEND
            .iter()
            .map(|&(c, id)| (c, id.to_string()))
            .collect::<BTreeMap<_, _>>(),
        rows: (0..h as usize)
            .map(|r| {
                (0..w as usize)
                    .map(|c| board.ground[r * w as usize + c].char())
                    .collect()
            })
            .collect(),
        elevation: (0..h as usize)
            .map(|r| board.elev[r * w as usize..(r + 1) * w as usize].to_vec())
            .collect(),
        rivers: rivers::specs(&board, &rivers),
        roads: towns::road_specs(&board, &roads),
        bridges: bridges
            .iter()
            .map(|&(a, b)| (board.at(a), board.at(b)))
            .collect(),
        straits: Vec::new(),
        places: towns.iter().map(|t| t.spec.clone()).collect(),
        beaches: coast::beach_specs(&board, &beaches),
        drop_zones: dz.into_iter().collect(),
        edges: Vec::new(),
    };
    let main = scenario_file(seed, hexes, units, turns, &map);
    let header = |what: &str| {
        format!(
            "// {what} of a generated scenario: `landfall generate --seed {seed} --hexes {hexes} --units {units}`.\n\
             // Rerun the command to rebuild it (hand edits are lost).\n"
        )
    };
    let map_text = crate::mapgen::ron_out::to_ron(&map, &[])
        .map_err(|e| GenerateError::Serialize(e.to_string()))?;
    let files = vec![
        (
            "scenario.ron".to_string(),
            header("Main file") + &to_ron(&main, 3)?,
        ),
        ("map.ron".to_string(), header("Map") + &map_text),
        ("terrain.ron".to_string(), files::TERRAIN.to_string()),
        ("unit_types.ron".to_string(), files::UNIT_TYPES.to_string()),
        ("crt.ron".to_string(), files::CRT.to_string()),
        (
            "oob_allied.ron".to_string(),
            header("Allied order of battle") + &to_ron(&oob_allied, 2)?,
        ),
        (
            "oob_axis.ron".to_string(),
            header("Axis order of battle") + &to_ron(&oob_axis, 2)?,
        ),
    ];
    Ok(GeneratedFiles { files })
}

/// Pretty RON of a schema value; nesting deeper than `depth` stays on one
/// line (one unit or objective per line).
fn to_ron<T: serde::Serialize>(value: &T, depth: usize) -> Result<String, GenerateError> {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(depth)
        .indentor("    ")
        .struct_names(false)
        .separate_tuple_members(false);
    ron::ser::to_string_pretty(value, config)
        .map(|s| s + "\n")
        .map_err(|e| GenerateError::Serialize(e.to_string()))
}

/// The main file: objectives (the capital, the ports, a few towns), victory
/// levels from their VP total, Axis supply from the capital and two towns.
fn scenario_file(seed: u64, hexes: u32, units: u32, turns: u32, map: &MapFile) -> ScenarioFile {
    let mut objectives = Vec::new();
    let (mut ports, mut others) = (0, 0);
    for p in &map.places {
        let vp = match p.kind {
            PlaceKind::City => 20,
            PlaceKind::Port if ports < 8 => {
                ports += 1;
                10
            }
            PlaceKind::Town if others < 8 => {
                others += 1;
                4
            }
            _ => continue,
        };
        objectives.push(ObjectiveSpec {
            place: p.id.clone(),
            vp,
            vp_per_turn: 0,
            owner: Side::Axis,
        });
    }
    let total: i64 = objectives.iter().map(|o| i64::from(o.vp)).sum();
    let level = |winner, level, min_margin| VictoryLevelSpec {
        winner,
        level,
        min_margin,
    };
    let sources = map
        .places
        .iter()
        .filter(|p| p.kind != PlaceKind::Port)
        .take(3)
        .map(|p| SupplySource {
            side: Side::Axis,
            at: p.id.clone(),
        })
        .collect();
    ScenarioFile {
        id: format!("island_{seed}"),
        name: format!("Random island #{seed}"),
        description: format!(
            "A generated invasion: {} × {} hexes, {units} units. The Allies land over {} beaches; \
             the Axis holds the towns and the capital inland. Generated by \
             `landfall generate --seed {seed} --hexes {hexes} --units {units}`.",
            map.width,
            map.height,
            map.beaches.len()
        ),
        start: StartDate {
            year: 1943,
            month: 7,
            day: 10,
            hour: 3,
        },
        turn_hours: 24,
        turns,
        hex_km: 5,
        seed,
        map: "map.ron".into(),
        terrain: "terrain.ron".into(),
        unit_types: "unit_types.ron".into(),
        crt: "crt.ron".into(),
        oob_allied: "oob_allied.ron".into(),
        oob_axis: "oob_axis.ron".into(),
        phases: default_phases(),
        evacuation: None,
        rules: RulesSpec {
            evacuation_steps_per_turn: 0,
            ..RulesSpec::default()
        },
        supply: SupplySpec {
            trace_mp: 12,
            sources,
            ..SupplySpec::default()
        },
        support: SupportSpec {
            naval_points: vec![6, 6, 4, 4, 3],
            naval_range: 4,
            air_points_allied: vec![2],
            air_points_axis: vec![1],
            max_per_attack: 2,
        },
        victory: VictorySpec {
            objectives,
            evacuated_step_vp: 0,
            eliminated_step_vp: 1,
            levels: vec![
                level(Some(Side::Allied), VictoryLevel::Decisive, total / 2),
                level(Some(Side::Allied), VictoryLevel::Marginal, total / 6),
                level(None, VictoryLevel::Draw, -total / 6),
                level(Some(Side::Axis), VictoryLevel::Marginal, -total / 2),
                level(Some(Side::Axis), VictoryLevel::Decisive, -1_000_000),
            ],
            sudden_death: Vec::new(),
        },
        history: Vec::new(),
        ai: None,
        counterattacks: Vec::new(),
        defence_lines: Vec::new(),
        events: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
