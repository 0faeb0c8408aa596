//! Pixel geometry of the rendered map: where each hex, corner and hexside
//! lands in the image, and small path and paint helpers shared by the layers.

use crate::hex::{HexGrid, OffsetCoord};
use tiny_skia::{Color, FillRule, Paint, Path, PathBuilder, Pixmap, Stroke, StrokeDash, Transform};

/// A point in image pixels.
pub type Pt = (f32, f32);

/// Hex → pixel layout: flat-top, odd-q, `scale` pixels between neighbouring
/// centres (across flats), with a margin around the map.
#[derive(Debug, Clone, Copy)]
pub struct Px {
    /// Pixels across flats.
    pub scale: f32,
    /// Corner radius in pixels.
    pub radius: f32,
    /// Blank border in pixels.
    pub margin: f32,
}

impl Px {
    /// The layout for a scale (pixels per hex across flats).
    #[must_use]
    pub fn new(scale: f32) -> Self {
        Self {
            scale,
            radius: scale / 3f32.sqrt(),
            margin: (scale * 0.5).max(4.0),
        }
    }

    /// Image size for a grid, in pixels.
    #[must_use]
    pub fn image_size(&self, grid: HexGrid) -> (u32, u32) {
        let w = self.radius * (1.5 * grid.width as f32 + 0.5) + 2.0 * self.margin;
        let h = self.scale * (grid.height as f32 + 0.5) + 2.0 * self.margin;
        (w.ceil() as u32, h.ceil() as u32)
    }

    /// Centre of a hex.
    #[must_use]
    pub fn centre(&self, c: OffsetCoord) -> Pt {
        let odd = c.0.rem_euclid(2) as f32;
        (
            self.margin + self.radius * (1.0 + 1.5 * c.0 as f32),
            self.margin + self.scale * (0.5 + c.1 as f32 + 0.5 * odd),
        )
    }

    /// The six corners, east first, clockwise on screen.
    #[must_use]
    pub fn corners(&self, c: OffsetCoord) -> [Pt; 6] {
        let (x, y) = self.centre(c);
        std::array::from_fn(|k| {
            let a = (60.0 * k as f32).to_radians();
            (x + self.radius * a.cos(), y + self.radius * a.sin())
        })
    }

    /// The two ends of the hexside between adjacent hexes `a` and `b`: the
    /// two corners of `a` nearest to `b`'s centre.
    #[must_use]
    pub fn side(&self, a: OffsetCoord, b: OffsetCoord) -> (Pt, Pt) {
        let target = self.centre(b);
        let mut cs = self.corners(a);
        cs.sort_by(|p, q| dist2(*p, target).total_cmp(&dist2(*q, target)));
        (cs[0], cs[1])
    }
}

/// Squared distance between points.
#[must_use]
pub fn dist2(a: Pt, b: Pt) -> f32 {
    (a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)
}

/// A closed polygon path.
#[must_use]
pub fn polygon(points: &[Pt]) -> Option<Path> {
    let mut pb = PathBuilder::new();
    let (first, rest) = points.split_first()?;
    pb.move_to(first.0, first.1);
    for p in rest {
        pb.line_to(p.0, p.1);
    }
    pb.close();
    pb.finish()
}

/// An open polyline path.
#[must_use]
pub fn polyline(points: &[Pt]) -> Option<Path> {
    let mut pb = PathBuilder::new();
    let (first, rest) = points.split_first()?;
    pb.move_to(first.0, first.1);
    for p in rest {
        pb.line_to(p.0, p.1);
    }
    pb.finish()
}

/// A circle path.
#[must_use]
pub fn circle(c: Pt, r: f32) -> Option<Path> {
    PathBuilder::from_circle(c.0, c.1, r)
}

/// A solid anti-aliased paint.
#[must_use]
pub fn paint(rgb: (u8, u8, u8), alpha: u8) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color(Color::from_rgba8(rgb.0, rgb.1, rgb.2, alpha));
    p.anti_alias = true;
    p
}

/// Fills a path.
pub fn fill(pm: &mut Pixmap, path: &Option<Path>, rgb: (u8, u8, u8), alpha: u8) {
    if let Some(path) = path {
        pm.fill_path(
            path,
            &paint(rgb, alpha),
            FillRule::Winding,
            Transform::identity(),
            None,
        );
    }
}

/// Strokes a path; `dash` is an on/off pattern in pixels.
pub fn stroke(
    pm: &mut Pixmap,
    path: &Option<Path>,
    rgb: (u8, u8, u8),
    alpha: u8,
    width: f32,
    dash: Option<[f32; 2]>,
) {
    if let Some(path) = path {
        let mut s = Stroke {
            width,
            line_cap: tiny_skia::LineCap::Round,
            line_join: tiny_skia::LineJoin::Round,
            ..Stroke::default()
        };
        if let Some([on, off]) = dash {
            s.line_cap = tiny_skia::LineCap::Butt;
            s.dash = StrokeDash::new(vec![on, off], 0.0);
        }
        pm.stroke_path(path, &paint(rgb, alpha), &s, Transform::identity(), None);
    }
}

/// Scales a colour's brightness by `factor` (1 = unchanged).
#[must_use]
pub fn shade(rgb: (u8, u8, u8), factor: f32) -> (u8, u8, u8) {
    let f = |c: u8| (f32::from(c) * factor).round().clamp(0.0, 255.0) as u8;
    (f(rgb.0), f(rgb.1), f(rgb.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_are_one_scale_apart() {
        let px = Px::new(30.0);
        let c = OffsetCoord(3, 4);
        for n in c.to_hex().all_neighbors() {
            let d = dist2(px.centre(c), px.centre(OffsetCoord::from_hex(n))).sqrt();
            assert!((d - 30.0).abs() < 1e-3);
        }
    }

    #[test]
    fn side_ends_are_shared_corners() {
        let px = Px::new(30.0);
        let (a, b) = (OffsetCoord(2, 2), OffsetCoord(3, 2));
        let (p, q) = px.side(a, b);
        let (r, s) = px.side(b, a);
        let same = |u: Pt, v: Pt| dist2(u, v) < 1e-3;
        assert!(same(p, r) && same(q, s) || same(p, s) && same(q, r));
    }

    #[test]
    fn image_size_fits_the_grid() {
        let px = Px::new(20.0);
        // 10 columns: 1.5 r per column plus half a radius; 8 rows plus a half.
        assert_eq!(px.image_size(HexGrid::new(10, 8)), (199, 190));
    }
}
