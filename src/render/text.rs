//! Text on the rendered map: the bundled Fira Mono font (SIL OFL, see
//! `assets/fonts/`) rasterised with ab_glyph, drawn with a light halo so
//! names stay readable over any terrain, and a label placer that skips
//! labels which would overlap ones already drawn.

use super::geometry::Pt;
use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use tiny_skia::Pixmap;

/// The bundled font.
static FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/FiraMono-subset.ttf");

/// A font ready to draw.
pub struct Text {
    font: FontRef<'static>,
}

/// An axis-aligned box in pixels: (x0, y0, x1, y1).
pub type Rect = (f32, f32, f32, f32);

impl Text {
    /// Loads the bundled font; `None` if the bytes are not a font (never for
    /// the file shipped in the repository).
    #[must_use]
    pub fn new() -> Option<Self> {
        FontRef::try_from_slice(FONT_BYTES)
            .ok()
            .map(|font| Self { font })
    }

    /// Width and height of `s` at `size` pixels.
    #[must_use]
    pub fn measure(&self, s: &str, size: f32) -> (f32, f32) {
        let sf = self.font.as_scaled(PxScale::from(size));
        let w: f32 = s.chars().map(|c| sf.h_advance(sf.glyph_id(c))).sum();
        (w, sf.ascent() - sf.descent())
    }

    /// Draws `s` with its top-left corner at `at`, in `rgb`, with a 1-pixel
    /// halo of `halo` (if any) underneath.
    pub fn draw(
        &self,
        pm: &mut Pixmap,
        s: &str,
        at: Pt,
        size: f32,
        rgb: (u8, u8, u8),
        halo: Option<(u8, u8, u8)>,
    ) {
        if let Some(h) = halo {
            for (dx, dy) in [
                (-1.0, 0.0),
                (1.0, 0.0),
                (0.0, -1.0),
                (0.0, 1.0),
                (-1.0, -1.0),
                (1.0, 1.0),
                (-1.0, 1.0),
                (1.0, -1.0),
            ] {
                self.draw_plain(pm, s, (at.0 + dx, at.1 + dy), size, h, 0.8);
            }
        }
        self.draw_plain(pm, s, at, size, rgb, 1.0);
    }

    /// Draws `s` centred on `at`.
    pub fn draw_centred(
        &self,
        pm: &mut Pixmap,
        s: &str,
        at: Pt,
        size: f32,
        rgb: (u8, u8, u8),
        halo: Option<(u8, u8, u8)>,
    ) {
        let (w, h) = self.measure(s, size);
        self.draw(pm, s, (at.0 - w / 2.0, at.1 - h / 2.0), size, rgb, halo);
    }

    fn draw_plain(
        &self,
        pm: &mut Pixmap,
        s: &str,
        at: Pt,
        size: f32,
        rgb: (u8, u8, u8),
        alpha: f32,
    ) {
        let scale = PxScale::from(size);
        let sf = self.font.as_scaled(scale);
        let mut x = at.0;
        let baseline = at.1 + sf.ascent();
        let (pw, ph) = (pm.width() as i32, pm.height() as i32);
        let data = pm.data_mut();
        for ch in s.chars() {
            let id = sf.glyph_id(ch);
            let glyph = id.with_scale_and_position(scale, ab_glyph::point(x, baseline));
            x += sf.h_advance(id);
            let Some(outlined) = self.font.outline_glyph(glyph) else {
                continue;
            };
            let b = outlined.px_bounds();
            outlined.draw(|gx, gy, cov| {
                let px = b.min.x as i32 + gx as i32;
                let py = b.min.y as i32 + gy as i32;
                if px < 0 || py < 0 || px >= pw || py >= ph {
                    return;
                }
                let a = (cov * alpha).clamp(0.0, 1.0);
                let i = 4 * (py * pw + px) as usize;
                // Premultiplied source-over blend.
                for (k, c) in [rgb.0, rgb.1, rgb.2].into_iter().enumerate() {
                    let d = f32::from(data[i + k]);
                    data[i + k] = (f32::from(c) * a + d * (1.0 - a)).round() as u8;
                }
                let da = f32::from(data[i + 3]);
                data[i + 3] = (255.0 * a + da * (1.0 - a)).round() as u8;
            });
        }
    }
}

/// Remembers where labels went so later ones do not overlap them.
#[derive(Default)]
pub struct Placer {
    taken: Vec<Rect>,
}

impl Placer {
    /// Marks a box as occupied (symbols, counters).
    pub fn block(&mut self, r: Rect) {
        self.taken.push(r);
    }

    /// The first candidate top-left position whose box of `size` is free,
    /// marking it taken; `None` when all overlap.
    pub fn place(&mut self, candidates: &[Pt], size: (f32, f32), bounds: (f32, f32)) -> Option<Pt> {
        for &(x, y) in candidates {
            let r = (x, y, x + size.0, y + size.1);
            let inside = r.0 >= 0.0 && r.1 >= 0.0 && r.2 <= bounds.0 && r.3 <= bounds.1;
            if inside && !self.taken.iter().any(|t| overlaps(*t, r)) {
                self.taken.push(r);
                return Some((x, y));
            }
        }
        None
    }
}

fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_font_loads_and_measures_monospace() {
        let t = Text::new().expect("bundled font");
        let (w1, h) = t.measure("Gela", 20.0);
        let (w2, _) = t.measure("Enna", 20.0);
        assert!(w1 > 30.0 && h > 15.0);
        assert!((w1 - w2).abs() < 1e-3, "Fira Mono is monospaced");
    }

    #[test]
    fn text_darkens_pixels() {
        let t = Text::new().expect("bundled font");
        let mut pm = Pixmap::new(80, 30).expect("pixmap");
        pm.fill(tiny_skia::Color::WHITE);
        t.draw(&mut pm, "Enna", (2.0, 2.0), 20.0, (0, 0, 0), None);
        let dark = pm.data().chunks(4).filter(|p| p[0] < 128).count();
        assert!(dark > 40, "{dark} dark pixels");
    }

    #[test]
    fn placer_skips_overlapping_boxes() {
        let mut p = Placer::default();
        assert_eq!(
            p.place(&[(10.0, 10.0)], (20.0, 10.0), (100.0, 100.0)),
            Some((10.0, 10.0))
        );
        assert_eq!(
            p.place(&[(15.0, 12.0), (50.0, 50.0)], (20.0, 10.0), (100.0, 100.0)),
            Some((50.0, 50.0))
        );
        assert_eq!(p.place(&[(95.0, 95.0)], (20.0, 10.0), (100.0, 100.0)), None);
    }
}
