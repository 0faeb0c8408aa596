//! Where hexes are on screen: world coordinates of hex centres, corners and
//! hexsides, and the hex under a world point.
//!
//! Flat-top hexes in odd-q layout (see `crate::hex`): columns step east by
//! 1.5 radii, rows go south, odd columns sit half a hex lower. Bevy's y axis
//! points up, so a row's world y is negative. Everything the GUI draws is
//! placed through these functions, so the map mesh, counters, highlights and
//! mouse picking agree to the pixel.

use crate::hex::{Hex, HexGrid, OffsetCoord};
use bevy::math::Vec2;

/// Circumradius of a hex in world units (centre to corner).
pub const HEX_RADIUS: f32 = 30.0;
/// `sqrt(3)`: a flat-top hex is `sqrt(3) * radius` tall.
const SQRT3: f32 = 1.732_050_8;

/// World position of the centre of an offset coordinate.
#[must_use]
pub fn offset_center(c: OffsetCoord) -> Vec2 {
    let x = c.0 as f32 * 1.5 * HEX_RADIUS;
    let shove = if c.0.rem_euclid(2) == 1 { 0.5 } else { 0.0 };
    let y = -(c.1 as f32 + shove) * SQRT3 * HEX_RADIUS;
    Vec2::new(x, y)
}

/// World position of a hex's centre.
#[must_use]
pub fn hex_center(hex: Hex) -> Vec2 {
    offset_center(OffsetCoord::from_hex(hex))
}

/// The six corners of a hex at `center`, east corner first, counter-clockwise.
#[must_use]
pub fn corners(center: Vec2, radius: f32) -> [Vec2; 6] {
    std::array::from_fn(|i| {
        let a = std::f32::consts::FRAC_PI_3 * i as f32;
        center + Vec2::new(a.cos(), a.sin()) * radius
    })
}

/// The two ends of the hexside between adjacent hexes `a` and `b`.
#[must_use]
pub fn side_segment(a: Hex, b: Hex) -> (Vec2, Vec2) {
    let (ca, cb) = (hex_center(a), hex_center(b));
    let mid = (ca + cb) * 0.5;
    let along = (cb - ca).normalize_or_zero().perp() * (HEX_RADIUS * 0.5);
    (mid - along, mid + along)
}

/// The offset coordinate whose hex contains the world point `p` (ignoring
/// the map's bounds).
#[must_use]
pub fn offset_at(p: Vec2) -> OffsetCoord {
    let col = (p.x / (1.5 * HEX_RADIUS)).round() as i32;
    let mut best = OffsetCoord(col, 0);
    let mut best_d = f32::MAX;
    for c in col - 1..=col + 1 {
        let shove = if c.rem_euclid(2) == 1 { 0.5 } else { 0.0 };
        let row = (-p.y / (SQRT3 * HEX_RADIUS) - shove).round() as i32;
        for r in row - 1..=row + 1 {
            let d = offset_center(OffsetCoord(c, r)).distance_squared(p);
            if d < best_d {
                best_d = d;
                best = OffsetCoord(c, r);
            }
        }
    }
    best
}

/// The hex of `grid` under the world point `p`, if any.
#[must_use]
pub fn hex_at(grid: &HexGrid, p: Vec2) -> Option<Hex> {
    let c = offset_at(p);
    grid.contains_offset(c).then(|| c.to_hex())
}

/// World rectangle (min, max) covering every hex of the grid.
#[must_use]
pub fn map_bounds(grid: &HexGrid) -> (Vec2, Vec2) {
    let w = grid.width.max(1) as i32 - 1;
    let h = grid.height.max(1) as i32 - 1;
    let min = Vec2::new(-HEX_RADIUS, offset_center(OffsetCoord(1, h)).y - HEX_RADIUS);
    let max = Vec2::new(offset_center(OffsetCoord(w, 0)).x + HEX_RADIUS, HEX_RADIUS);
    (min, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_columns_sit_half_a_hex_south() {
        let even = offset_center(OffsetCoord(2, 3));
        let odd = offset_center(OffsetCoord(3, 3));
        assert!((even.y - odd.y - SQRT3 * HEX_RADIUS * 0.5).abs() < 1e-3);
        assert!((odd.x - even.x - 1.5 * HEX_RADIUS).abs() < 1e-3);
    }

    #[test]
    fn picking_finds_every_centre_and_near_corner_points() {
        for c in 0..9 {
            for r in 0..7 {
                let o = OffsetCoord(c, r);
                let p = offset_center(o);
                assert_eq!(offset_at(p), o);
                for k in corners(p, HEX_RADIUS * 0.9) {
                    assert_eq!(offset_at(k), o, "corner of {o}");
                }
            }
        }
    }

    #[test]
    fn neighbours_share_a_hexside_of_one_radius() {
        let a = OffsetCoord(3, 3).to_hex();
        for b in a.all_neighbors() {
            let (p, q) = side_segment(a, b);
            assert!((p.distance(q) - HEX_RADIUS).abs() < 1e-3);
            let ca = hex_center(a);
            assert!((p.distance(ca) - HEX_RADIUS).abs() < 1e-2);
        }
    }
}
