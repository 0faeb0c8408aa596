//! Line features: rivers along hexsides, roads and railways as chains of
//! adjacent hexes, bridges where a road crosses a river hexside, and the
//! Messina ferry as a strait hexside.
//!
//! Rivers follow the hexside lattice (a river separates the hexes on its two
//! banks, as on a board wargame): each point of the river is snapped to the
//! nearest hex corner and consecutive corners are joined by hexsides. Roads
//! run through hex centres; legs that cut across a bay are rerouted over land.

use super::cells::Cell;
use super::geodata::{Feature, GeoData};
use super::projection::{densify, dist2, Km, Layout};
use crate::hex::OffsetCoord;
use crate::scenario::schema::{RiverClass, RiverSpec, RoadClass, RoadSpec};
use geo::LineString;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// A hexside as its two hexes, smaller first.
pub type Side = (OffsetCoord, OffsetCoord);

/// Orders a pair of hexes into a [`Side`].
#[must_use]
pub fn side(a: OffsetCoord, b: OffsetCoord) -> Side {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

fn project_line(l: &LineString<f64>, layout: &Layout) -> Vec<Km> {
    l.0.iter().map(|c| layout.project(c.x, c.y)).collect()
}

fn is_land(cells: &[Cell], layout: &Layout, c: OffsetCoord) -> bool {
    layout.index(c).is_some_and(|i| cells[i].is_land())
}

/// Rivers as hexside chains. Major rivers are placed first, then named minor
/// ones, then unnamed GSHHG streams; a hexside keeps the first river placed on
/// it. Only hexsides between two land hexes are kept.
#[must_use]
pub fn rivers(geo: &GeoData, layout: &Layout, cells: &[Cell]) -> Vec<RiverSpec> {
    let rank = |f: &Feature<LineString<f64>>| match (f.str("class"), f.str("name").is_empty()) {
        ("major", _) => 0,
        (_, false) => 1,
        _ => 2,
    };
    let mut order: Vec<&Feature<LineString<f64>>> = geo.rivers.iter().collect();
    order.sort_by_key(|f| rank(f)); // stable: file order within a rank
    let mut taken = BTreeSet::new();
    let mut out = Vec::new();
    for f in order {
        let class = if f.str("class") == "major" {
            RiverClass::Major
        } else {
            RiverClass::Minor
        };
        let pts = densify(&project_line(&f.geometry, layout), layout.hex_km / 4.0);
        let mut corners: Vec<_> = pts.iter().map(|&p| layout.nearest_vertex(p)).collect();
        corners.dedup();
        let mut sides = Vec::new();
        for w in corners.windows(2) {
            for (a, b) in layout.vertex_walk(w[0], w[1]) {
                let (h1, h2) = layout.side_hexes(a, b);
                let s = side(h1, h2);
                if is_land(cells, layout, h1) && is_land(cells, layout, h2) && taken.insert(s) {
                    sides.push(s);
                }
            }
        }
        if !sides.is_empty() {
            out.push(RiverSpec {
                name: f.str("name").to_owned(),
                class,
                sides,
            });
        }
    }
    out
}

/// The hexes a line passes through, in order, each adjacent to the next
/// (off-map hexes included; the caller splits there).
fn hex_chain(points: &[Km], layout: &Layout) -> Vec<OffsetCoord> {
    let mut out: Vec<OffsetCoord> = Vec::new();
    for p in densify(points, layout.hex_km / 5.0) {
        let h = layout.hex_at(p);
        match out.last() {
            Some(&last) if last == h => {}
            Some(&last) => {
                // A step across a corner can skip a hex: fill with a hex line.
                for step in last.to_hex().line_to(h.to_hex()).skip(1) {
                    out.push(OffsetCoord::from_hex(step));
                }
            }
            None => out.push(h),
        }
    }
    out
}

/// Shortest path over land hexes from `a` to `b` of at most `limit` steps
/// (breadth-first; neighbours in hexx's fixed order, so the result is stable).
fn land_detour(
    a: OffsetCoord,
    b: OffsetCoord,
    limit: usize,
    layout: &Layout,
    cells: &[Cell],
) -> Option<Vec<OffsetCoord>> {
    let mut prev: BTreeMap<OffsetCoord, OffsetCoord> = BTreeMap::new();
    let mut queue = VecDeque::from([(a, 0usize)]);
    prev.insert(a, a);
    while let Some((h, d)) = queue.pop_front() {
        if h == b {
            let mut path = vec![b];
            let mut cur = b;
            while cur != a {
                cur = prev[&cur];
                path.push(cur);
            }
            path.reverse();
            return Some(path);
        }
        if d == limit {
            continue;
        }
        for n in h.to_hex().all_neighbors() {
            let n = OffsetCoord::from_hex(n);
            if is_land(cells, layout, n) && !prev.contains_key(&n) {
                prev.insert(n, h);
                queue.push_back((n, d + 1));
            }
        }
    }
    None
}

/// Appends `h` to a path, cutting out any loop it closes.
fn push_no_loop(path: &mut Vec<OffsetCoord>, h: OffsetCoord) {
    if let Some(i) = path.iter().position(|&p| p == h) {
        path.truncate(i + 1);
    } else {
        path.push(h);
    }
}

/// Splits a hex chain into land-only paths of adjacent hexes: runs of sea
/// (a road line cutting across a bay) are replaced by a short detour over land
/// when one exists, otherwise the road is cut there.
fn land_paths(chain: &[OffsetCoord], layout: &Layout, cells: &[Cell]) -> Vec<Vec<OffsetCoord>> {
    let mut paths = Vec::new();
    let mut cur: Vec<OffsetCoord> = Vec::new();
    let mut gap = 0usize;
    for &h in chain {
        if !is_land(cells, layout, h) {
            gap += 1;
            continue;
        }
        match cur.last().copied() {
            Some(last) if gap > 0 => match land_detour(last, h, 2 * gap + 4, layout, cells) {
                Some(detour) => {
                    for d in detour.into_iter().skip(1) {
                        push_no_loop(&mut cur, d);
                    }
                }
                None => {
                    paths.push(std::mem::take(&mut cur));
                    cur.push(h);
                }
            },
            _ => push_no_loop(&mut cur, h),
        }
        gap = 0;
    }
    paths.push(cur);
    paths.retain(|p| p.len() >= 2);
    paths
}

/// Roads and railways as hex paths, and the ferry as strait hexsides.
#[must_use]
pub fn roads(geo: &GeoData, layout: &Layout, cells: &[Cell]) -> (Vec<RoadSpec>, Vec<Side>) {
    let mut roads = Vec::new();
    let mut straits = Vec::new();
    for f in &geo.roads {
        let pts = project_line(&f.geometry, layout);
        let class = match f.str("class") {
            "main" => RoadClass::Main,
            "secondary" => RoadClass::Secondary,
            "rail" => RoadClass::Rail,
            "ferry" => {
                if let Some(s) = strait(&pts, layout, cells) {
                    if !straits.contains(&s) {
                        straits.push(s);
                    }
                }
                continue;
            }
            _ => continue,
        };
        for path in land_paths(&hex_chain(&pts, layout), layout, cells) {
            roads.push(RoadSpec { class, path });
        }
    }
    (roads, straits)
}

/// The strait hexside for a ferry line: the pair of adjacent land hexes, one
/// on each shore (different land polygons), nearest to the two ends of the line.
fn strait(pts: &[Km], layout: &Layout, cells: &[Cell]) -> Option<Side> {
    let (start, end) = (*pts.first()?, *pts.last()?);
    if !layout.contains(layout.hex_at(start)) || !layout.contains(layout.hex_at(end)) {
        return None; // the crossing is off this map
    }
    let nearest_land = |p: Km| {
        (0..cells.len())
            .filter(|&i| cells[i].is_land())
            .map(|i| {
                let c = OffsetCoord(
                    (i % layout.width as usize) as i32,
                    (i / layout.width as usize) as i32,
                );
                (dist2(layout.centre(c), p), c)
            })
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
            .map(|x| x.1)
    };
    let (a, b) = (nearest_land(start)?, nearest_land(end)?);
    let poly = |c: OffsetCoord| layout.index(c).and_then(|i| cells[i].polygon);
    let (pa, pb) = (poly(a), poly(b));
    let mut best: Option<(f64, Side)> = None;
    for (i, cell) in cells.iter().enumerate() {
        let x = OffsetCoord(
            (i % layout.width as usize) as i32,
            (i / layout.width as usize) as i32,
        );
        if !cell.is_land() || cell.polygon != pa {
            continue;
        }
        for n in x.to_hex().all_neighbors() {
            let y = OffsetCoord::from_hex(n);
            if !is_land(cells, layout, y) || poly(y) != pb || pa == pb && y != b {
                continue;
            }
            let d = dist2(layout.centre(x), start).sqrt() + dist2(layout.centre(y), end).sqrt();
            if best.is_none_or(|(bd, bs)| d < bd || d == bd && side(x, y) < bs) {
                best = Some((d, side(x, y)));
            }
        }
    }
    best.map(|b| b.1)
}

/// Bridges: every hexside where a road (not a railway) crosses a river.
#[must_use]
pub fn bridges(roads: &[RoadSpec], rivers: &[RiverSpec]) -> Vec<Side> {
    let river_sides: BTreeSet<Side> = rivers
        .iter()
        .flat_map(|r| r.sides.iter().copied())
        .collect();
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for r in roads.iter().filter(|r| r.class != RoadClass::Rail) {
        for w in r.path.windows(2) {
            let s = side(w[0], w[1]);
            if river_sides.contains(&s) && seen.insert(s) {
                out.push(s);
            }
        }
    }
    out
}
