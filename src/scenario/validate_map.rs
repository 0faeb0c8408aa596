//! Checks of the map file and its conversion to the flat runtime [`Map`]:
//! dimensions within the limits, rows of the right length made of legend
//! characters naming known terrain, hexsides between adjacent hexes on the
//! map (filled in for both hexes), unique place/beach/zone/edge ids.

use super::compile::Report;
use super::limits;
use super::loader::Doc;
use super::model::*;
use super::schema::*;
use crate::hex::{HexGrid, OffsetCoord};
use std::collections::{BTreeMap, BTreeSet};

/// Check the map and build it; `None` when its shape is unusable. Terrain
/// names are checked only if the terrain table parsed.
pub fn build(d: &Doc<MapFile>, terrain: Option<&[Terrain]>, r: &mut Report) -> Option<Map> {
    let m = &d.value;
    let mut shape_ok = true;
    for (name, v) in [("width", m.width), ("height", m.height)] {
        if v == 0 || v > limits::MAX_MAP_SIDE {
            r.error(
                d,
                name,
                format!(
                    "map {name} must be 1 to {} hexes (limit `MAX_MAP_SIDE`), found {v}",
                    limits::MAX_MAP_SIDE
                ),
            );
            shape_ok = false;
        }
    }
    if !shape_ok {
        return None;
    }
    let grid = HexGrid::new(m.width, m.height);
    let legend = legend(d, terrain, r);
    let terrain_ids = rows(d, &legend, r);
    let water =
        |i: usize| terrain.is_some_and(|t| t.get(terrain_ids[i] as usize).is_some_and(|t| t.water));
    let mut map = Map {
        grid,
        terrain: terrain_ids.clone(),
        elevation: elevation(d, r),
        sides: vec![[SideFeatures::default(); 6]; grid.len()],
        place_at: vec![None; grid.len()],
        places: m.places.clone(),
        beaches: m.beaches.clone(),
        drop_zones: m.drop_zones.clone(),
        edges: m.edges.clone(),
        rivers: m.rivers.clone(),
        roads: m.roads.clone(),
    };
    let ctx = Ctx { d, grid };
    for (i, river) in m.rivers.iter().enumerate() {
        for (j, &(a, b)) in river.sides.iter().enumerate() {
            ctx.side(&mut map, &format!("rivers[{i}].sides[{j}]"), a, b, r, |f| {
                f.river = Some(f.river.map_or(river.class, |c| c.max(river.class)));
            });
        }
    }
    for (i, road) in m.roads.iter().enumerate() {
        for (j, c) in road.path.iter().enumerate() {
            let path = format!("roads[{i}].path[{j}]");
            if !ctx.on_map(*c, &path, r) || j == 0 {
                continue;
            }
            let prev = road.path[j - 1];
            if grid.contains_offset(prev) {
                ctx.side(&mut map, &path, prev, *c, r, |f| {
                    // Main < Secondary < Rail: the smallest is the best road.
                    f.road = Some(f.road.map_or(road.class, |c| c.min(road.class)));
                });
            }
        }
    }
    for (i, &(a, b)) in m.bridges.iter().enumerate() {
        ctx.side(&mut map, &format!("bridges[{i}]"), a, b, r, |f| {
            f.bridge = true
        });
    }
    for (i, &(a, b)) in m.straits.iter().enumerate() {
        ctx.side(&mut map, &format!("straits[{i}]"), a, b, r, |f| {
            f.strait = true
        });
    }
    unique(d, "places", m.places.iter().map(|p| p.id.as_str()), r);
    for (i, p) in m.places.iter().enumerate() {
        let path = format!("places[{i}].hex");
        if let Some(ix) = ctx.index(p.hex, &path, r) {
            if let Some(other) = map.place_at[ix] {
                r.error(
                    d,
                    &path,
                    format!(
                        "place `{}` is on hex {}, which already holds place `{}`",
                        p.id, p.hex, m.places[other as usize].id
                    ),
                );
            } else {
                map.place_at[ix] = Some(i as PlaceId);
            }
        }
    }
    unique(d, "beaches", m.beaches.iter().map(|b| b.id.as_str()), r);
    for (i, b) in m.beaches.iter().enumerate() {
        if b.hexes.is_empty() {
            r.error(
                d,
                &format!("beaches[{i}].hexes"),
                format!("beach `{}` has no hexes", b.id),
            );
        }
        for (j, h) in b.hexes.iter().enumerate() {
            let path = format!("beaches[{i}].hexes[{j}]");
            if let Some(ix) = ctx.index(*h, &path, r) {
                if water(ix) {
                    r.error(
                        d,
                        &path,
                        format!(
                            "beach hex {h} is sea: list the land hexes where units come ashore"
                        ),
                    );
                }
            }
        }
    }
    unique(
        d,
        "drop_zones",
        m.drop_zones.iter().map(|z| z.id.as_str()),
        r,
    );
    for (i, z) in m.drop_zones.iter().enumerate() {
        let path = format!("drop_zones[{i}].hex");
        if let Some(ix) = ctx.index(z.hex, &path, r) {
            if water(ix) {
                r.error(
                    d,
                    &path,
                    format!("drop zone `{}` is on a sea hex {}", z.id, z.hex),
                );
            }
        }
    }
    unique(d, "edges", m.edges.iter().map(|e| e.id.as_str()), r);
    for (i, e) in m.edges.iter().enumerate() {
        if e.hexes.is_empty() {
            r.error(
                d,
                &format!("edges[{i}].hexes"),
                format!("map edge `{}` has no hexes", e.id),
            );
        }
        for (j, h) in e.hexes.iter().enumerate() {
            ctx.on_map(*h, &format!("edges[{i}].hexes[{j}]"), r);
        }
    }
    Some(map)
}

/// Legend character → terrain index (unknown terrain ids are reported).
fn legend(
    d: &Doc<MapFile>,
    terrain: Option<&[Terrain]>,
    r: &mut Report,
) -> BTreeMap<char, Option<TerrainId>> {
    let mut out = BTreeMap::new();
    for (c, id) in &d.value.legend {
        let ix = terrain.and_then(|t| t.iter().position(|t| t.id == *id));
        if let (Some(t), None) = (terrain, ix) {
            let ids: Vec<&str> = t.iter().map(|t| t.id.as_str()).collect();
            r.error(
                d,
                &format!("legend.{c}"),
                format!(
                    "unknown terrain `{id}`; the terrain table has: {}",
                    ids.join(", ")
                ),
            );
        }
        out.insert(*c, ix.map(|i| i as TerrainId));
    }
    out
}

/// The terrain of every hex from `rows`; bad rows and characters reported.
fn rows(
    d: &Doc<MapFile>,
    legend: &BTreeMap<char, Option<TerrainId>>,
    r: &mut Report,
) -> Vec<TerrainId> {
    let m = &d.value;
    let (w, h) = (m.width as usize, m.height as usize);
    let mut out = vec![0; w * h];
    if m.rows.len() != h {
        r.error(
            d,
            "rows",
            format!("map has {} rows, expected `height` = {h}", m.rows.len()),
        );
    }
    for (y, row) in m.rows.iter().enumerate().take(h) {
        let path = format!("rows[{y}]");
        let n = row.chars().count();
        if n != w {
            r.error(
                d,
                &path,
                format!("row {y} has {n} hexes, expected `width` = {w}"),
            );
        }
        for (x, c) in row.chars().enumerate().take(w) {
            match legend.get(&c) {
                Some(Some(t)) => out[y * w + x] = *t,
                Some(None) => {}
                None => {
                    // Point at the character itself: one past the opening quote.
                    let mut p = d.spans.find(&path);
                    p.col += 1 + x;
                    let keys: String = legend.keys().collect();
                    r.at(
                        &d.file,
                        p,
                        format!("unknown terrain character `{c}` at hex ({x},{y}); the legend has `{keys}`"),
                        true,
                    );
                    break; // one per row is enough to fix it
                }
            }
        }
    }
    out
}

fn elevation(d: &Doc<MapFile>, r: &mut Report) -> Vec<i32> {
    let m = &d.value;
    let (w, h) = (m.width as usize, m.height as usize);
    if m.elevation.is_empty() {
        return vec![0; w * h];
    }
    let mut out = vec![0; w * h];
    if m.elevation.len() != h {
        r.error(
            d,
            "elevation",
            format!(
                "elevation has {} rows, expected `height` = {h}",
                m.elevation.len()
            ),
        );
    }
    for (y, row) in m.elevation.iter().enumerate().take(h) {
        if row.len() != w {
            r.error(
                d,
                &format!("elevation[{y}]"),
                format!(
                    "elevation row {y} has {} values, expected `width` = {w}",
                    row.len()
                ),
            );
        }
        for (x, e) in row.iter().enumerate().take(w) {
            out[y * w + x] = *e;
        }
    }
    out
}

fn unique<'a>(d: &Doc<MapFile>, list: &str, ids: impl Iterator<Item = &'a str>, r: &mut Report) {
    let mut seen = BTreeSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id) {
            r.error(
                d,
                &format!("{list}[{i}].id"),
                format!("duplicate id `{id}` in `{list}`"),
            );
        }
    }
}

struct Ctx<'a> {
    d: &'a Doc<MapFile>,
    grid: HexGrid,
}

impl Ctx<'_> {
    fn on_map(&self, c: OffsetCoord, path: &str, r: &mut Report) -> bool {
        let ok = self.grid.contains_offset(c);
        if !ok {
            r.error(self.d, path, off_map(c, self.grid));
        }
        ok
    }

    fn index(&self, c: OffsetCoord, path: &str, r: &mut Report) -> Option<usize> {
        self.on_map(c, path, r)
            .then(|| self.grid.offset_index(c))
            .flatten()
    }

    /// Set a feature on the side between `a` and `b`, for both hexes.
    fn side(
        &self,
        map: &mut Map,
        path: &str,
        a: OffsetCoord,
        b: OffsetCoord,
        r: &mut Report,
        set: impl Fn(&mut SideFeatures),
    ) {
        let (Some(ia), Some(ib)) = (self.index(a, path, r), self.index(b, path, r)) else {
            return;
        };
        let Some(dir) = a.to_hex().neighbor_direction(b.to_hex()) else {
            r.error(self.d, path, format!("hexes {a} and {b} are not adjacent"));
            return;
        };
        set(&mut map.sides[ia][dir.index() as usize]);
        set(&mut map.sides[ib][dir.const_neg().index() as usize]);
    }
}

/// "hex (9,2) is off the map (8×6: columns 0–7, rows 0–5)".
#[must_use]
pub fn off_map(c: OffsetCoord, g: HexGrid) -> String {
    format!(
        "hex {c} is off the map ({}×{}: columns 0–{}, rows 0–{})",
        g.width,
        g.height,
        g.width.saturating_sub(1),
        g.height.saturating_sub(1)
    )
}
