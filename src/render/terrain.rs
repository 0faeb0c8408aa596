//! The ground layers: terrain colours with relief shading, the hex grid, the
//! coastline, rivers along hexsides, roads and railways through hex centres,
//! bridges and the strait crossing.

use super::geometry::{circle, fill, polygon, polyline, shade, stroke, Pt, Px};
use crate::hex::{EdgeDirection, OffsetCoord};
use crate::scenario::schema::{RiverClass, RoadClass};
use crate::scenario::Scenario;
use tiny_skia::Pixmap;

/// Coastline colour.
const COAST: (u8, u8, u8) = (40, 60, 90);
/// River colour.
const RIVER: (u8, u8, u8) = (45, 105, 200);
/// Brightness change per metre-per-km of slope facing the light (north-west).
const SHADE_PER_SLOPE: f32 = 0.0035;
/// Strongest brightening or darkening from relief.
const SHADE_MAX: f32 = 0.35;

/// Relief factor for each hex: 1 is flat, above 1 faces the north-west light.
///
/// The slope is the least-squares gradient of the elevation towards the six
/// neighbours (sea counts as 0 m so cliffs show; off-map neighbours are
/// skipped), in metres per km.
#[must_use]
pub fn hillshade(s: &Scenario) -> Vec<f32> {
    let map = &s.map;
    if map.elevation.len() != map.grid.len() {
        return vec![1.0; map.grid.len()];
    }
    let px = Px::new(1.0);
    (0..map.grid.len())
        .map(|i| {
            let c = map.grid.offset_at(i);
            let (cx, cy) = px.centre(c);
            let e0 = map.elevation[i] as f32;
            let (mut gx, mut gy, mut nx, mut ny) = (0.0, 0.0, 0.0, 0.0);
            for n in c.to_hex().all_neighbors() {
                let Some(j) = map.grid.index(n) else { continue };
                let (x, y) = px.centre(OffsetCoord::from_hex(n));
                let de = map.elevation[j] as f32 - e0;
                gx += de * (x - cx);
                gy += de * (y - cy);
                nx += (x - cx).powi(2);
                ny += (y - cy).powi(2);
            }
            if nx == 0.0 || ny == 0.0 || s.terrain[map.terrain[i] as usize].water {
                return 1.0;
            }
            let km = s.hex_km.max(1) as f32;
            // Rising towards the south-east means the slope faces the light.
            let facing = (gx / nx + gy / ny) / km / std::f32::consts::SQRT_2;
            1.0 + (facing * SHADE_PER_SLOPE).clamp(-SHADE_MAX, SHADE_MAX)
        })
        .collect()
}

/// Fills every hex with its terrain colour, shaded, and draws the grid.
pub fn draw_ground(pm: &mut Pixmap, s: &Scenario, px: &Px) {
    let shades = hillshade(s);
    for (i, &factor) in shades.iter().enumerate() {
        let c = s.map.grid.offset_at(i);
        let t = &s.terrain[s.map.terrain[i] as usize];
        let rgb = shade(t.color, factor);
        let hexagon = polygon(&px.corners(c));
        fill(pm, &hexagon, rgb, 255);
        // A hairline of the same colour closes anti-aliasing seams.
        stroke(pm, &hexagon, rgb, 255, 0.8, None);
    }
    let grid_w = (px.scale * 0.025).max(0.5);
    for i in 0..s.map.grid.len() {
        let c = s.map.grid.offset_at(i);
        stroke(pm, &polygon(&px.corners(c)), (0, 0, 0), 28, grid_w, None);
    }
}

/// Each hexside once, with its two hexes, in storage order.
fn sides(
    s: &Scenario,
) -> impl Iterator<Item = (usize, OffsetCoord, OffsetCoord, EdgeDirection)> + '_ {
    (0..s.map.grid.len()).flat_map(move |i| {
        let h = s.map.grid.hex_at(i);
        EdgeDirection::ALL_DIRECTIONS
            .into_iter()
            .filter_map(move |d| {
                let n = h.neighbor(d);
                let j = s.map.grid.index(n)?;
                (j > i).then(|| (i, OffsetCoord::from_hex(h), OffsetCoord::from_hex(n), d))
            })
    })
}

/// Coastline: every side between a land hex and a water hex.
pub fn draw_coast(pm: &mut Pixmap, s: &Scenario, px: &Px) {
    let w = (px.scale * 0.07).max(1.0);
    for (_, a, b, _) in sides(s) {
        if s.is_land(a.to_hex()) != s.is_land(b.to_hex()) {
            let (p, q) = px.side(a, b);
            stroke(pm, &polyline(&[p, q]), COAST, 230, w, None);
        }
    }
}

/// Rivers along their hexsides, bridges as dark bars across them.
pub fn draw_rivers(pm: &mut Pixmap, s: &Scenario, px: &Px) {
    for (i, a, b, d) in sides(s) {
        let f = s.map.sides[i][d.index() as usize];
        let Some(class) = f.river else { continue };
        let w = match class {
            RiverClass::Major => px.scale * 0.16,
            RiverClass::Minor => px.scale * 0.09,
        }
        .max(1.0);
        let (p, q) = px.side(a, b);
        stroke(pm, &polyline(&[p, q]), RIVER, 255, w, None);
    }
}

/// Bridges: a short dark bar along the road where it crosses the river.
pub fn draw_bridges(pm: &mut Pixmap, s: &Scenario, px: &Px) {
    for (i, a, b, d) in sides(s) {
        if !s.map.sides[i][d.index() as usize].bridge {
            continue;
        }
        let (ca, cb) = (px.centre(a), px.centre(b));
        let m = ((ca.0 + cb.0) / 2.0, (ca.1 + cb.1) / 2.0);
        let k = 0.18;
        let p: Pt = (m.0 + (ca.0 - m.0) * k * 2.0, m.1 + (ca.1 - m.1) * k * 2.0);
        let q: Pt = (m.0 + (cb.0 - m.0) * k * 2.0, m.1 + (cb.1 - m.1) * k * 2.0);
        stroke(
            pm,
            &polyline(&[p, q]),
            (30, 30, 30),
            255,
            (px.scale * 0.2).max(2.0),
            None,
        );
        stroke(
            pm,
            &polyline(&[p, q]),
            (235, 225, 200),
            255,
            (px.scale * 0.1).max(1.0),
            None,
        );
    }
}

/// Roads and railways through hex centres; railways under roads.
pub fn draw_roads(pm: &mut Pixmap, s: &Scenario, px: &Px) {
    let order = [RoadClass::Rail, RoadClass::Secondary, RoadClass::Main];
    for class in order {
        for road in s.map.roads.iter().filter(|r| r.class == class) {
            let pts: Vec<Pt> = road.path.iter().map(|&c| px.centre(c)).collect();
            let path = polyline(&pts);
            match class {
                RoadClass::Rail => {
                    let w = (px.scale * 0.05).max(1.0);
                    stroke(pm, &path, (40, 40, 40), 220, w, None);
                    stroke(
                        pm,
                        &path,
                        (40, 40, 40),
                        220,
                        w * 3.0,
                        Some([w, px.scale * 0.3]),
                    );
                }
                RoadClass::Secondary => {
                    stroke(
                        pm,
                        &path,
                        (150, 95, 40),
                        235,
                        (px.scale * 0.07).max(1.0),
                        None,
                    );
                }
                RoadClass::Main => {
                    stroke(
                        pm,
                        &path,
                        (90, 20, 20),
                        255,
                        (px.scale * 0.13).max(1.5),
                        None,
                    );
                    stroke(
                        pm,
                        &path,
                        (215, 60, 40),
                        255,
                        (px.scale * 0.07).max(1.0),
                        None,
                    );
                }
            }
        }
    }
}

/// The strait crossing: a dashed ferry line between the two shores.
pub fn draw_straits(pm: &mut Pixmap, s: &Scenario, px: &Px) {
    for (i, a, b, d) in sides(s) {
        if !s.map.sides[i][d.index() as usize].strait {
            continue;
        }
        let line = polyline(&[px.centre(a), px.centre(b)]);
        let w = (px.scale * 0.08).max(1.5);
        stroke(pm, &line, (255, 255, 255), 255, w * 2.0, None);
        stroke(pm, &line, (20, 20, 20), 255, w, Some([w * 2.0, w * 1.5]));
        for c in [a, b] {
            fill(pm, &circle(px.centre(c), w * 1.4), (20, 20, 20), 255);
        }
    }
}
