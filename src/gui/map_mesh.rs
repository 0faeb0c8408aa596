//! The map as a few big meshes: one for every hex's terrain, one for the hex
//! grid, one each for coastline, rivers and roads.
//!
//! Sicily has thousands of hexes, so the terrain is ONE mesh with vertex
//! colours rather than one entity per hex. Each hex is a fan of six
//! triangles; its colour is the terrain table's colour, shaded by a hillshade
//! computed from the elevations of its neighbours (light from the north-west)
//! and lightly textured with Perlin noise sampled at each vertex's world
//! position, so neighbouring hexes blend at shared corners and fields, hills
//! and mountains do not look like flat tiles. Hexside features are thin quads
//! in world units, so they scale with the zoom.

use super::layout::{corners, hex_center, offset_center, side_segment, HEX_RADIUS};
use crate::hex::Hex;
use crate::scenario::{schema::RiverClass, schema::RoadClass, Scenario};
use bevy::asset::RenderAssetUsages;
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;
use noise::{NoiseFn, Perlin};

/// Accumulates coloured triangles for one mesh.
#[derive(Default)]
pub struct MeshBuilder {
    positions: Vec<[f32; 3]>,
    colors: Vec<[f32; 4]>,
    indices: Vec<u32>,
}

impl MeshBuilder {
    /// Add a vertex; returns its index.
    pub fn vertex(&mut self, p: Vec2, color: LinearRgba) -> u32 {
        self.positions.push([p.x, p.y, 0.0]);
        self.colors.push(color.to_f32_array());
        (self.positions.len() - 1) as u32
    }

    /// Add a triangle of existing vertices.
    pub fn triangle(&mut self, a: u32, b: u32, c: u32) {
        self.indices.extend([a, b, c]);
    }

    /// A filled hex of one colour.
    pub fn hex(&mut self, center: Vec2, radius: f32, color: LinearRgba) {
        let c = self.vertex(center, color);
        let ks: Vec<u32> = corners(center, radius)
            .iter()
            .map(|&k| self.vertex(k, color))
            .collect();
        for i in 0..6 {
            self.triangle(c, ks[i], ks[(i + 1) % 6]);
        }
    }

    /// A straight band `width` wide from `a` to `b`.
    pub fn segment(&mut self, a: Vec2, b: Vec2, width: f32, color: LinearRgba) {
        let n = (b - a).normalize_or_zero().perp() * (width * 0.5);
        let i = self.vertex(a - n, color);
        self.vertex(a + n, color);
        self.vertex(b + n, color);
        self.vertex(b - n, color);
        self.triangle(i, i + 1, i + 2);
        self.triangle(i, i + 2, i + 3);
    }

    /// A band with round-ish joints: the segment plus a small hex at each end.
    pub fn stroke(&mut self, a: Vec2, b: Vec2, width: f32, color: LinearRgba) {
        self.segment(a, b, width, color);
        self.hex(a, width * 0.5, color);
        self.hex(b, width * 0.5, color);
    }

    /// Is it empty?
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.indices.is_empty()
    }

    /// The finished mesh.
    #[must_use]
    pub fn build(self) -> Mesh {
        Mesh::new(
            PrimitiveTopology::TriangleList,
            RenderAssetUsages::default(),
        )
        .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, self.positions)
        .with_inserted_attribute(Mesh::ATTRIBUTE_COLOR, self.colors)
        .with_inserted_indices(Indices::U32(self.indices))
    }
}

/// Colour from an sRGB triple scaled by `k` (brightness), as linear RGBA.
#[must_use]
pub fn shaded(rgb: (u8, u8, u8), k: f32) -> LinearRgba {
    let f = |c: u8| (f32::from(c) / 255.0 * k).clamp(0.0, 1.0);
    Color::srgb(f(rgb.0), f(rgb.1), f(rgb.2)).to_linear()
}

/// Hillshade factor of a hex: >1 on slopes facing the north-west light.
fn hillshade(s: &Scenario, hex: Hex) -> f32 {
    let map = &s.map;
    let Some(i) = map.index(hex) else { return 1.0 };
    let e0 = map.elevation[i] as f32;
    let c0 = hex_center(hex);
    let mut g = Vec2::ZERO;
    for n in hex.all_neighbors() {
        let e = map
            .index(n)
            .filter(|&j| !s.terrain[map.terrain[j] as usize].water)
            .map_or(e0, |j| map.elevation[j] as f32);
        g += (e - e0) * (hex_center(n) - c0);
    }
    // For a planar field, sum(de * dp) = 3 d^2 * gradient; d = sqrt(3) R.
    let d2 = 3.0 * HEX_RADIUS * HEX_RADIUS;
    let per_hex = g / (3.0 * d2) * d2.sqrt(); // metres per hex
    let light = Vec2::new(-1.0, 1.0).normalize();
    (1.0 - per_hex.dot(light) * 0.0025).clamp(0.62, 1.35)
}

/// The terrain mesh: every hex, shaded and textured.
#[must_use]
pub fn terrain_mesh(s: &Scenario) -> Mesh {
    let perlin = Perlin::new(1943);
    let texture = |p: Vec2, water: bool| -> f32 {
        let (x, y) = (f64::from(p.x) / 23.0, f64::from(p.y) / 23.0);
        let fine = perlin.get([x, y]) + 0.5 * perlin.get([x * 2.7, y * 2.7]);
        let amp = if water { 0.035 } else { 0.08 };
        1.0 + fine as f32 * amp
    };
    let mut b = MeshBuilder::default();
    let map = &s.map;
    for i in 0..map.grid.len() {
        let o = map.grid.offset_at(i);
        let hex = o.to_hex();
        let t = &s.terrain[map.terrain[i] as usize];
        let center = offset_center(o);
        let mut k = if t.water { 1.0 } else { hillshade(s, hex) };
        if !t.water {
            k *= 1.0 + (map.elevation[i].max(0) as f32 / 2500.0).min(0.25) * 0.5;
        }
        let c = b.vertex(center, shaded(t.color, k * texture(center, t.water)));
        let ks: Vec<u32> = corners(center, HEX_RADIUS)
            .iter()
            .map(|&p| b.vertex(p, shaded(t.color, k * texture(p, t.water))))
            .collect();
        for j in 0..6 {
            b.triangle(c, ks[j], ks[(j + 1) % 6]);
        }
    }
    b.build()
}

/// Thin outlines of every land hex (toggled with G).
#[must_use]
pub fn grid_mesh(s: &Scenario) -> Mesh {
    let mut b = MeshBuilder::default();
    let color = Color::srgba(0.1, 0.1, 0.1, 0.28).to_linear();
    for hex in s.map.grid.hexes() {
        let center = hex_center(hex);
        let ks = corners(center, HEX_RADIUS);
        // Sides 0..3 always; sides 3..6 only on the map's border, since the
        // neighbour across draws them otherwise.
        for j in 0..6 {
            let across = center + ((ks[j] + ks[(j + 1) % 6]) * 0.5 - center) * 2.0;
            if j < 3 || !s.map.grid.contains_offset(super::layout::offset_at(across)) {
                b.segment(ks[j], ks[(j + 1) % 6], 0.9, color);
            }
        }
    }
    b.build()
}

/// Coastline, rivers and roads, in drawing order (coast under rivers under roads).
#[must_use]
pub fn feature_meshes(s: &Scenario) -> Vec<Mesh> {
    let map = &s.map;
    let mut coast = MeshBuilder::default();
    let mut rivers = MeshBuilder::default();
    let mut roads = MeshBuilder::default();
    let coast_c = Color::srgb(0.22, 0.27, 0.30).to_linear();
    let river_c = Color::srgb(0.20, 0.45, 0.85).to_linear();
    for hex in map.grid.hexes() {
        let land = s.is_land(hex);
        for n in hex.all_neighbors() {
            // Each hexside once: from the hex with the smaller storage index.
            let (Some(a), Some(bi)) = (map.index(hex), map.index(n)) else {
                continue;
            };
            if a > bi {
                continue;
            }
            let (p, q) = side_segment(hex, n);
            if land != s.is_land(n) {
                coast.stroke(p, q, 2.2, coast_c);
            }
            let side = map.side_between(hex, n);
            match side.river {
                Some(RiverClass::Major) => rivers.stroke(p, q, 4.5, river_c),
                Some(RiverClass::Minor) => rivers.stroke(p, q, 2.6, river_c),
                None => {}
            }
        }
    }
    for road in &map.roads {
        let (width, color) = match road.class {
            RoadClass::Main => (3.4, Color::srgb(0.62, 0.18, 0.12)),
            RoadClass::Secondary => (2.2, Color::srgb(0.55, 0.42, 0.26)),
            RoadClass::Rail => (1.6, Color::srgb(0.15, 0.15, 0.15)),
        };
        for w in road.path.windows(2) {
            roads.stroke(
                offset_center(w[0]),
                offset_center(w[1]),
                width,
                color.to_linear(),
            );
        }
    }
    [coast, rivers, roads]
        .into_iter()
        .filter(|b| !b.is_empty())
        .map(MeshBuilder::build)
        .collect()
}
