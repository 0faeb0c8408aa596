//! Named things on top of the ground: beaches, drop zones, places with their
//! names, objectives (a star and the VP value), the title and a scale bar.

use super::geometry::{circle, fill, polygon, polyline, stroke, Pt, Px};
use super::text::{Placer, Text};
use crate::hex::OffsetCoord;
use crate::scenario::schema::PlaceKind;
use crate::scenario::Scenario;
use tiny_skia::Pixmap;

const INK: (u8, u8, u8) = (25, 25, 25);
const HALO: (u8, u8, u8) = (250, 248, 235);
const BEACH: (u8, u8, u8) = (250, 215, 60);
const GOLD: (u8, u8, u8) = (245, 190, 30);

/// Label font size for a scale, clamped to stay readable.
#[must_use]
pub fn label_size(px: &Px) -> f32 {
    (px.scale * 0.5).clamp(10.0, 18.0)
}

/// Candidate label positions around a point: right, left, below, above,
/// then the four diagonals, then the same again further out.
fn around(at: Pt, size: (f32, f32), gap: f32) -> Vec<Pt> {
    let mut out = Vec::new();
    for g in [gap, gap * 2.2] {
        out.extend([
            (at.0 + g, at.1 - size.1 / 2.0),
            (at.0 - g - size.0, at.1 - size.1 / 2.0),
            (at.0 - size.0 / 2.0, at.1 + g * 0.8),
            (at.0 - size.0 / 2.0, at.1 - g * 0.8 - size.1),
            (at.0 + g * 0.7, at.1 + g * 0.5),
            (at.0 + g * 0.7, at.1 - g * 0.5 - size.1),
            (at.0 - g * 0.7 - size.0, at.1 + g * 0.5),
            (at.0 - g * 0.7 - size.0, at.1 - g * 0.5 - size.1),
        ]);
    }
    out
}

/// Beaches: a thick yellow band on each beach hex's seaward sides, and the
/// beach name out at sea (names after all bands, so no band covers a name).
pub fn draw_beaches(pm: &mut Pixmap, s: &Scenario, px: &Px, text: &Text, placer: &mut Placer) {
    let w = (px.scale * 0.22).max(2.0);
    let size = label_size(px) * 0.85;
    let bounds = (pm.width() as f32, pm.height() as f32);
    let mut anchors = Vec::new();
    for beach in &s.map.beaches {
        let mut sea_pts = Vec::new();
        for &h in &beach.hexes {
            for n in h.to_hex().all_neighbors() {
                if s.is_water(n) {
                    let (p, q) = px.side(h, OffsetCoord::from_hex(n));
                    stroke(pm, &polyline(&[p, q]), (120, 80, 0), 255, w + 2.0, None);
                    stroke(pm, &polyline(&[p, q]), BEACH, 255, w, None);
                    sea_pts.push(px.centre(OffsetCoord::from_hex(n)));
                }
            }
        }
        if let Some(&mid) = sea_pts.get(sea_pts.len() / 2) {
            anchors.push((beach.name.as_str(), mid));
        }
    }
    for (label, at) in anchors {
        let dims = text.measure(label, size);
        if let Some(at) = placer.place(&around(at, dims, px.scale * 0.4), dims, bounds) {
            text.draw(pm, label, at, size, (110, 70, 0), Some(HALO));
        }
    }
}

/// Drop zones: a white parachute canopy on the hex.
pub fn draw_drop_zones(pm: &mut Pixmap, s: &Scenario, px: &Px) {
    let r = px.scale * 0.28;
    for dz in &s.map.drop_zones {
        let (x, y) = px.centre(dz.hex);
        let (x, y) = (x + px.scale * 0.22, y - px.scale * 0.2);
        // Canopy: a half disc; lines to the load below.
        let mut canopy: Vec<Pt> = (0..=12)
            .map(|k| {
                let a = std::f32::consts::PI * (1.0 + k as f32 / 12.0);
                (x + r * a.cos(), y + r * a.sin())
            })
            .collect();
        canopy.push((x + r, y));
        fill(pm, &polygon(&canopy), (255, 255, 255), 240);
        stroke(pm, &polygon(&canopy), INK, 255, 1.0, None);
        let load = (x, y + r * 0.9);
        stroke(
            pm,
            &polyline(&[(x - r, y), load, (x + r, y)]),
            INK,
            255,
            1.0,
            None,
        );
        fill(pm, &circle(load, (r * 0.2).max(1.5)), INK, 255);
    }
}

/// Radius of a place symbol.
fn place_radius(px: &Px) -> f32 {
    (px.scale * 0.16).max(2.5)
}

/// Place symbols by kind (square city, round town, ringed port, airfield
/// cross, landmark diamond).
pub fn draw_place_symbols(pm: &mut Pixmap, s: &Scenario, px: &Px, placer: &mut Placer) {
    let r = place_radius(px);
    for p in &s.map.places {
        let c = px.centre(p.hex);
        match p.kind {
            PlaceKind::City => {
                let q = r * 1.3;
                let sq = [
                    (c.0 - q, c.1 - q),
                    (c.0 + q, c.1 - q),
                    (c.0 + q, c.1 + q),
                    (c.0 - q, c.1 + q),
                ];
                fill(pm, &polygon(&sq), (200, 30, 30), 255);
                stroke(pm, &polygon(&sq), INK, 255, 1.2, None);
            }
            PlaceKind::Town | PlaceKind::Port => {
                fill(pm, &circle(c, r), (200, 30, 30), 255);
                stroke(pm, &circle(c, r), INK, 255, 1.0, None);
            }
            PlaceKind::Airfield => {
                fill(pm, &circle(c, r * 1.2), (255, 255, 255), 255);
                stroke(pm, &circle(c, r * 1.2), INK, 255, 1.0, None);
                let q = r * 0.9;
                stroke(
                    pm,
                    &polyline(&[(c.0 - q, c.1), (c.0 + q, c.1)]),
                    INK,
                    255,
                    1.5,
                    None,
                );
                stroke(
                    pm,
                    &polyline(&[(c.0, c.1 - q), (c.0, c.1 + q * 0.8)]),
                    INK,
                    255,
                    1.5,
                    None,
                );
            }
            PlaceKind::Landmark => {
                let q = r * 1.1;
                let d = [
                    (c.0, c.1 - q),
                    (c.0 + q, c.1),
                    (c.0, c.1 + q),
                    (c.0 - q, c.1),
                ];
                fill(pm, &polygon(&d), (255, 255, 255), 255);
                stroke(pm, &polygon(&d), INK, 255, 1.0, None);
            }
        }
        if p.port_capacity > 0 {
            // Ports get a blue ring.
            stroke(pm, &circle(c, r * 1.9), (30, 80, 170), 255, 1.5, None);
        }
        placer.block((c.0 - r, c.1 - r, c.0 + r, c.1 + r));
    }
}

/// Place names, objectives and cities first, skipping names that would
/// overlap something already drawn.
pub fn draw_place_labels(pm: &mut Pixmap, s: &Scenario, px: &Px, text: &Text, placer: &mut Placer) {
    let r = place_radius(px);
    let bounds = (pm.width() as f32, pm.height() as f32);
    let size = label_size(px);
    let mut order: Vec<usize> = (0..s.map.places.len()).collect();
    let is_objective = |i: usize| s.objectives.iter().any(|o| o.place as usize == i);
    order.sort_by_key(|&i| (!is_objective(i), rank(s.map.places[i].kind), i));
    for i in order {
        let p = &s.map.places[i];
        let big = matches!(p.kind, PlaceKind::City) || is_objective(i);
        let sz = if big { size * 1.1 } else { size * 0.85 };
        let dims = text.measure(&p.name, sz);
        let spots = around(px.centre(p.hex), dims, r * 2.2);
        // Objectives and cities are named even where it gets crowded.
        let at = placer
            .place(&spots, dims, bounds)
            .or_else(|| big.then_some(spots[0]));
        if let Some(at) = at {
            text.draw(pm, &p.name, at, sz, INK, Some(HALO));
        }
    }
}

fn rank(k: PlaceKind) -> u8 {
    match k {
        PlaceKind::City => 0,
        PlaceKind::Port => 1,
        PlaceKind::Town => 2,
        PlaceKind::Airfield => 3,
        PlaceKind::Landmark => 4,
    }
}

/// Objectives: a gold star above-left of the place with its VP value.
pub fn draw_objectives(pm: &mut Pixmap, s: &Scenario, px: &Px, text: &Text) {
    let r = (px.scale * 0.3).max(5.0);
    for o in &s.objectives {
        let Some(p) = s.map.places.get(o.place as usize) else {
            continue;
        };
        let (x, y) = px.centre(p.hex);
        let c = (x - px.scale * 0.3, y - px.scale * 0.32);
        let star: Vec<Pt> = (0..10)
            .map(|k| {
                let a = (-90.0 + 36.0 * k as f32).to_radians();
                let rr = if k % 2 == 0 { r } else { r * 0.45 };
                (c.0 + rr * a.cos(), c.1 + rr * a.sin())
            })
            .collect();
        fill(pm, &polygon(&star), GOLD, 255);
        stroke(pm, &polygon(&star), INK, 255, 1.0, None);
        let vp = o.vp.to_string();
        text.draw_centred(
            pm,
            &vp,
            (c.0, c.1 - r * 1.25),
            (r * 1.1).max(9.0),
            INK,
            Some(HALO),
        );
    }
}

/// Title box in the top-left corner and a scale bar in the bottom-left.
pub fn draw_title(pm: &mut Pixmap, s: &Scenario, px: &Px, text: &Text, title: &str) {
    let size = (label_size(px) * 1.4).max(14.0);
    let (w, h) = text.measure(title, size);
    let pad = size * 0.4;
    let bx = [
        (4.0, 4.0),
        (4.0 + w + 2.0 * pad, 4.0),
        (4.0 + w + 2.0 * pad, 4.0 + h + 2.0 * pad),
        (4.0, 4.0 + h + 2.0 * pad),
    ];
    fill(pm, &polygon(&bx), HALO, 225);
    stroke(pm, &polygon(&bx), INK, 255, 1.0, None);
    text.draw(pm, title, (4.0 + pad, 4.0 + pad), size, INK, None);
    // Scale bar: five hexes (or ten for small hexes).
    let n = if s.hex_km >= 5 { 4 } else { 5 };
    let km = n * s.hex_km;
    let (x0, y0) = (8.0 + px.margin, pm.height() as f32 - px.margin - 8.0);
    let len = px.scale * n as f32;
    let bar = [(x0, y0), (x0 + len, y0)];
    stroke(pm, &polyline(&bar), HALO, 255, 6.0, None);
    stroke(pm, &polyline(&bar), INK, 255, 2.0, None);
    for k in 0..=n {
        let x = x0 + px.scale * k as f32;
        stroke(
            pm,
            &polyline(&[(x, y0 - 4.0), (x, y0 + 4.0)]),
            INK,
            255,
            1.5,
            None,
        );
    }
    let label = format!("{km} km ({n} hexes)");
    text.draw(
        pm,
        &label,
        (x0, y0 - 8.0 - size * 0.8),
        size * 0.6,
        INK,
        Some(HALO),
    );
}
