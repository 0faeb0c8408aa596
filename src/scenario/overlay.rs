//! The map overlay (`overlay.ron` beside the map file): designer additions
//! and corrections applied on top of a generated map, so `landfall mapgen`
//! can be rerun without losing hand work. The overlay is checked against the
//! map first, each problem at its own file:line:col; only a clean overlay is
//! applied:
//!
//! 1. `terrain`: each hex gets the legend character of its terrain id;
//! 2. `remove_places`, `remove_bridges` take places and bridges away;
//! 3. `rivers`, `roads`, `bridges` are added;
//! 4. `places`, `beaches`, `drop_zones`, `edges` replace the map's entry with
//!    the same id, or are added after the map's own.
//!
//! The merged map is then checked like any map (`validate_map.rs`).

use super::compile::Report;
use super::loader::Doc;
use super::model::Terrain;
use super::schema::{MapFile, OverlayFile};
use super::validate_map::off_map;
use crate::hex::{HexGrid, OffsetCoord};

/// Check `ov` against `map`; the merged map (with `map`'s file and
/// positions), or `None` if the overlay has errors.
pub fn apply(
    map: &Doc<MapFile>,
    ov: &Doc<OverlayFile>,
    terrain: Option<&[Terrain]>,
    r: &mut Report,
) -> Option<Doc<MapFile>> {
    let before = r.errors();
    let m = &map.value;
    let o = &ov.value;
    let grid = HexGrid::new(m.width, m.height);
    let mut rows: Vec<Vec<char>> = m.rows.iter().map(|row| row.chars().collect()).collect();
    for (i, t) in o.terrain.iter().enumerate() {
        let Some(ch) = m
            .legend
            .iter()
            .find(|(_, id)| **id == t.terrain)
            .map(|(c, _)| *c)
        else {
            let ids: Vec<&str> = m.legend.values().map(String::as_str).collect();
            r.error(
                ov,
                &format!("terrain[{i}].terrain"),
                format!(
                    "terrain `{}` has no character in the map's legend; the legend has: {}",
                    t.terrain,
                    ids.join(", ")
                ),
            );
            continue;
        };
        match rows
            .get_mut(t.hex.1.max(0) as usize)
            .and_then(|row| row.get_mut(t.hex.0.max(0) as usize))
            .filter(|_| grid.contains_offset(t.hex))
        {
            Some(cell) => *cell = ch,
            None => r.error(ov, &format!("terrain[{i}].hex"), off_map(t.hex, grid)),
        }
    }
    let water = |c: OffsetCoord| {
        let ch = rows
            .get(c.1.max(0) as usize)
            .and_then(|row| row.get(c.0.max(0) as usize));
        let id = ch.and_then(|ch| m.legend.get(ch));
        let t = id.and_then(|id| terrain.and_then(|t| t.iter().find(|x| x.id == *id)));
        t.is_some_and(|t| t.water)
    };
    let land = |c: OffsetCoord, path: String, r: &mut Report| {
        if !grid.contains_offset(c) {
            r.error(ov, &path, off_map(c, grid));
        } else if water(c) {
            r.error(ov, &path, format!("hex {c} is sea"));
        }
    };
    let pair = |(a, b): (OffsetCoord, OffsetCoord), path: String, r: &mut Report| {
        if !grid.contains_offset(a) {
            r.error(ov, &path, off_map(a, grid));
        } else if !grid.contains_offset(b) {
            r.error(ov, &path, off_map(b, grid));
        } else if a.to_hex().neighbor_direction(b.to_hex()).is_none() {
            r.error(ov, &path, format!("hexes {a} and {b} are not adjacent"));
        }
    };
    let same = |x: (OffsetCoord, OffsetCoord), y: (OffsetCoord, OffsetCoord)| {
        x == y || (x.0 == y.1 && x.1 == y.0)
    };
    for (i, river) in o.rivers.iter().enumerate() {
        for (j, s) in river.sides.iter().enumerate() {
            pair(*s, format!("rivers[{i}].sides[{j}]"), &mut *r);
        }
    }
    for (i, road) in o.roads.iter().enumerate() {
        for (j, w) in road.path.windows(2).enumerate() {
            pair((w[0], w[1]), format!("roads[{i}].path[{}]", j + 1), &mut *r);
        }
    }
    for (i, b) in o.bridges.iter().enumerate() {
        pair(*b, format!("bridges[{i}]"), &mut *r);
    }
    for (i, b) in o.remove_bridges.iter().enumerate() {
        if !m.bridges.iter().any(|x| same(*x, *b)) {
            r.error(
                ov,
                &format!("remove_bridges[{i}]"),
                format!("the map has no bridge between {} and {}", b.0, b.1),
            );
        }
    }
    for (i, id) in o.remove_places.iter().enumerate() {
        if !m.places.iter().any(|p| p.id == *id) {
            r.error(
                ov,
                &format!("remove_places[{i}]"),
                format!("the map has no place `{id}` to remove"),
            );
        }
    }
    for (i, p) in o.places.iter().enumerate() {
        land(p.hex, format!("places[{i}].hex"), &mut *r);
    }
    for (i, b) in o.beaches.iter().enumerate() {
        for (j, h) in b.hexes.iter().enumerate() {
            land(*h, format!("beaches[{i}].hexes[{j}]"), &mut *r);
        }
    }
    for (i, z) in o.drop_zones.iter().enumerate() {
        land(z.hex, format!("drop_zones[{i}].hex"), &mut *r);
    }
    for (i, e) in o.edges.iter().enumerate() {
        for (j, h) in e.hexes.iter().enumerate() {
            land(*h, format!("edges[{i}].hexes[{j}]"), &mut *r);
        }
    }
    if r.errors() > before {
        return None;
    }
    let mut merged = m.clone();
    merged.rows = rows
        .into_iter()
        .map(|row| row.into_iter().collect())
        .collect();
    merged.places.retain(|p| !o.remove_places.contains(&p.id));
    merged
        .bridges
        .retain(|b| !o.remove_bridges.iter().any(|x| same(*x, *b)));
    merged.rivers.extend(o.rivers.iter().cloned());
    merged.roads.extend(o.roads.iter().cloned());
    merged.bridges.extend(o.bridges.iter().copied());
    upsert(&mut merged.places, &o.places, |p| &p.id);
    upsert(&mut merged.beaches, &o.beaches, |b| &b.id);
    upsert(&mut merged.drop_zones, &o.drop_zones, |z| &z.id);
    upsert(&mut merged.edges, &o.edges, |e| &e.id);
    Some(Doc {
        value: merged,
        file: map.file.clone(),
        spans: map.spans.clone(),
    })
}

/// Replace the entry of `list` with the same id as each of `new`, or add it.
fn upsert<T: Clone>(list: &mut Vec<T>, new: &[T], id: impl Fn(&T) -> &String) {
    for x in new {
        match list.iter().position(|y| id(y) == id(x)) {
            Some(k) => list[k] = x.clone(),
            None => list.push(x.clone()),
        }
    }
}
