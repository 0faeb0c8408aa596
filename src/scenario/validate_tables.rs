//! Checks of the data tables: the terrain table (movement costs per class,
//! road costs), the unit-type library and the combat results table (CRT
//! notation, one result per die face, columns in rising odds).

use super::compile::Report;
use super::limits;
use super::loader::Doc;
use super::model::*;
use super::schema::*;

/// The terrain table in runtime form.
#[derive(Debug, Clone)]
pub struct Tables {
    /// Terrain types in table (id) order.
    pub terrain: Vec<Terrain>,
    /// `[road class][move class]`.
    pub road_cost: [[Option<u32>; 3]; 3],
    /// River crossing costs.
    pub river_cost: RiverCosts,
}

/// Most terrain types (a terrain id is one byte).
const MAX_TERRAIN: usize = 255;

/// Most distances in a scatter table, and the largest weight. The drop
/// distribution (`rules::airborne`) scales weights by the least common
/// multiple of the ring sizes on the map; with rings 1 to 5 and weights up to
/// 100 that stays below 10^8, far inside `u32`.
const MAX_SCATTER_DISTANCES: usize = 6;
const MAX_SCATTER_WEIGHT: u32 = 100;

/// Movement costs are summed along paths and supply traces in `u32`: keeping
/// each at most `MAX_FACTOR` (999) keeps every sum far from overflow.
fn cost_in_range(cost: u32) -> bool {
    i64::from(cost) <= limits::MAX_FACTOR
}

fn over_limit(what: &str, cost: u32) -> String {
    format!(
        "{what} must be at most {} (limit `MAX_FACTOR`), found {cost}",
        limits::MAX_FACTOR
    )
}

/// Check the terrain table and convert it.
///
/// A class missing from `move_cost` means "cannot enter" (marsh for wheels,
/// Etna for vehicles), so it is not an error by itself; a land terrain that
/// no class can enter is, and so is a cost of 0 (free movement forever).
/// Units set up where their class cannot go are reported in
/// `validate_units.rs`.
pub fn terrain(d: &Doc<TerrainFile>, r: &mut Report) -> Tables {
    let t = &d.value;
    if t.terrain.len() > MAX_TERRAIN {
        r.error(
            d,
            "terrain",
            format!("more than {MAX_TERRAIN} terrain types (limit `MAX_TERRAIN`)"),
        );
    }
    if t.terrain.is_empty() {
        r.error(d, "terrain", "the terrain table is empty");
    }
    let mut terrain = Vec::new();
    for (id, spec) in t.terrain.iter().take(MAX_TERRAIN) {
        let base = format!("terrain.{id}");
        if !spec.water && spec.move_cost.is_empty() {
            r.error(
                d,
                &format!("{base}.move_cost"),
                format!(
                    "land terrain `{id}` has no movement cost for any class: \
                     list Foot, Motorised and Tracked, or mark it `water: true`"
                ),
            );
        }
        let mut move_cost = [None; 3];
        for (class, cost) in &spec.move_cost {
            if *cost == 0 {
                r.error(
                    d,
                    &format!("{base}.move_cost.{class:?}"),
                    format!("movement cost of `{id}` for {class:?} must be at least 1"),
                );
            } else if !cost_in_range(*cost) {
                r.error(
                    d,
                    &format!("{base}.move_cost.{class:?}"),
                    over_limit(&format!("movement cost of `{id}` for {class:?}"), *cost),
                );
            }
            move_cost[class.index()] = Some(*cost);
        }
        terrain.push(Terrain {
            id: id.clone(),
            name: spec.name.clone(),
            move_cost,
            combat_shift: spec.combat_shift,
            sight: spec.sight,
            concealment: spec.concealment,
            water: spec.water,
            color: spec.color,
        });
    }
    let mut road_cost = [[None; 3]; 3];
    for (road, costs) in &t.road_cost {
        for (class, cost) in costs {
            if *cost == 0 {
                r.error(
                    d,
                    &format!("road_cost.{road:?}.{class:?}"),
                    format!("road cost for {class:?} must be at least 1"),
                );
            } else if !cost_in_range(*cost) {
                r.error(
                    d,
                    &format!("road_cost.{road:?}.{class:?}"),
                    over_limit(&format!("road cost for {class:?}"), *cost),
                );
            }
            road_cost[*road as usize][class.index()] = Some(*cost);
        }
    }
    for (field, cost) in [("minor", t.river_cost.minor), ("major", t.river_cost.major)] {
        if !cost_in_range(cost) {
            r.error(
                d,
                &format!("river_cost.{field}"),
                over_limit(&format!("{field} river cost"), cost),
            );
        }
    }
    Tables {
        terrain,
        road_cost,
        river_cost: t.river_cost.clone(),
    }
}

/// Check the unit-type library.
pub fn unit_types(d: &Doc<UnitTypesFile>, r: &mut Report) {
    if d.value.types.is_empty() {
        r.error(d, "types", "the unit-type library is empty");
    }
    for (id, t) in &d.value.types {
        if t.name.trim().is_empty() {
            r.error(
                d,
                &format!("types.{id}.name"),
                format!("unit type `{id}` has no name"),
            );
        }
    }
}

/// Check the CRT and parse its notation; `None` if it has errors.
pub fn crt(d: &Doc<CrtFile>, r: &mut Report) -> Option<(Crt, ScatterSpec)> {
    let f = &d.value;
    let before = r.errors();
    if f.die == 0 || f.die > 100 {
        r.error(
            d,
            "die",
            format!("die must have 1 to 100 faces, found {}", f.die),
        );
    }
    if f.columns.is_empty() {
        r.error(d, "columns", "the CRT has no columns");
    }
    let mut columns = Vec::new();
    let mut prev: Option<(u32, u32)> = None;
    for (i, c) in f.columns.iter().enumerate() {
        let (a, b) = c.odds;
        if a == 0 || b == 0 {
            r.error(
                d,
                &format!("columns[{i}].odds"),
                format!("odds ({a}, {b}) need both numbers at least 1"),
            );
        } else if let Some((pa, pb)) = prev {
            // a/b must rise: a*pb > pa*b (in u64, no overflow).
            if u64::from(a) * u64::from(pb) <= u64::from(pa) * u64::from(b) {
                r.error(
                    d,
                    &format!("columns[{i}].odds"),
                    format!(
                        "odds {a}:{b} do not follow {pa}:{pb}: columns go from worst to best odds"
                    ),
                );
            }
        }
        if a > 0 && b > 0 {
            prev = Some((a, b));
        }
        if c.results.len() != f.die as usize {
            r.error(
                d,
                &format!("columns[{i}].results"),
                format!(
                    "column {a}:{b} has {} results, expected one per die face ({})",
                    c.results.len(),
                    f.die
                ),
            );
        }
        let mut results = Vec::new();
        for (j, s) in c.results.iter().enumerate() {
            match s.parse::<CrtResult>() {
                Ok(res) => results.push(res),
                Err(e) => r.error(d, &format!("columns[{i}].results[{j}]"), e),
            }
        }
        columns.push(CrtColumn {
            odds: c.odds,
            results,
        });
    }
    let s = &f.scatter;
    if s.out_of == 0 {
        r.error(d, "scatter.out_of", "scatter `out_of` must be at least 1");
    }
    for (name, v) in [
        ("distance_day", &s.distance_day),
        ("distance_night", &s.distance_night),
    ] {
        if v.len() > MAX_SCATTER_DISTANCES {
            r.error(
                d,
                &format!("scatter.{name}"),
                format!(
                    "scatter `{name}` lists {} distances, more than the limit of \
                     {MAX_SCATTER_DISTANCES} (0 to 5 hexes, `MAX_SCATTER_DISTANCES`)",
                    v.len()
                ),
            );
        }
        if let Some(&w) = v.iter().find(|&&w| w > MAX_SCATTER_WEIGHT) {
            r.error(
                d,
                &format!("scatter.{name}"),
                format!(
                    "scatter weight {w} in `{name}` is more than the limit of \
                     {MAX_SCATTER_WEIGHT} (`MAX_SCATTER_WEIGHT`)"
                ),
            );
        }
        if v.iter().map(|&w| u64::from(w)).sum::<u64>() == 0 {
            r.error(
                d,
                &format!("scatter.{name}"),
                format!("scatter `{name}` needs at least one weight above 0"),
            );
        }
    }
    (r.errors() == before).then(|| {
        (
            Crt {
                die: f.die,
                columns,
            },
            f.scatter.clone(),
        )
    })
}
