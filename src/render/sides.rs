//! Telling the sides apart: the colours of a counter (body, ink, frame) for
//! a nation and side under each colour vision, shared by the window and the
//! headless renderer.
//!
//! Hue alone does not separate the sides (US olive, German field grey and
//! Italian grey-green are close; 8 % of men cannot rely on hue at all), so
//! the sides differ three ways:
//! - **light / dark**: Allied counters are light with black ink, Axis
//!   counters dark with white ink (lightness survives every dichromacy);
//! - **frame**: Allied counters have a white frame, Axis counters a black
//!   frame with cut corners;
//! - **hue**: nation colours for flavour in normal vision; in a colour-blind
//!   mode one colour per side, picked from the hues that stay apart for it
//!   (blue / orange for deuteranopia and protanopia, red / teal for
//!   tritanopia).
//!
//! The check ([`SIDE_CONTRAST`]): the CIEDE2000 difference between the two
//! sides' body colours, as seen under each simulated dichromacy, is at least
//! 20 for every Allied and Axis nation pair, in every mode (a difference
//! of 2 is "just noticeable"; 20 is two clearly different colours at a
//! glance on a 30-pixel counter).

use super::vision::{ColourVision, Rgb};
use crate::scenario::Side;

/// Least CIEDE2000 difference between the two sides' counter bodies under
/// any simulated dichromacy (see the module comment).
pub const SIDE_CONTRAST: f32 = 20.0;

/// The colours of one counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CounterColours {
    /// The counter's face.
    pub body: Rgb,
    /// Symbol, size marker and ratings.
    pub ink: Rgb,
    /// The frame around it.
    pub frame: Rgb,
    /// The symbol box inside the counter.
    pub symbol_box: Rgb,
    /// Cut corners (Axis) or square (Allied).
    pub cut_corners: bool,
}

const INK_DARK: Rgb = (18, 18, 18);
const INK_LIGHT: Rgb = (242, 242, 232);

/// Nations in the scenarios, by side, for checks: Allied, then Axis.
pub const NATIONS: [(&str, Side); 5] = [
    ("US", Side::Allied),
    ("UK", Side::Allied),
    ("CA", Side::Allied),
    ("DE", Side::Axis),
    ("IT", Side::Axis),
];

/// The body colour of a counter.
#[must_use]
pub fn body(nation: &str, side: Side, vision: ColourVision) -> Rgb {
    match vision {
        ColourVision::Normal => match nation.to_ascii_uppercase().as_str() {
            // Allied: light olive, light khaki, light tan.
            "US" | "USA" => (178, 190, 118),
            "UK" | "GB" | "BR" | "BRIT" => (218, 196, 140),
            "CA" | "CAN" => (212, 178, 128),
            // Axis: dark field grey, dark grey-green.
            "DE" | "GER" => (74, 84, 98),
            "IT" | "ITA" => (70, 96, 76),
            _ => match side {
                Side::Allied => (205, 190, 130),
                Side::Axis => (76, 84, 90),
            },
        },
        ColourVision::Deuteranopia | ColourVision::Protanopia => match side {
            Side::Allied => (150, 196, 250),
            Side::Axis => (132, 70, 8),
        },
        ColourVision::Tritanopia => match side {
            Side::Allied => (250, 170, 175),
            Side::Axis => (14, 88, 98),
        },
    }
}

/// Every colour of a counter.
#[must_use]
pub fn counter(nation: &str, side: Side, vision: ColourVision) -> CounterColours {
    let body = body(nation, side, vision);
    match side {
        Side::Allied => CounterColours {
            body,
            ink: INK_DARK,
            frame: (250, 250, 245),
            symbol_box: (250, 250, 240),
            cut_corners: false,
        },
        Side::Axis => CounterColours {
            body,
            ink: INK_LIGHT,
            frame: (8, 8, 8),
            symbol_box: (30, 30, 30),
            cut_corners: true,
        },
    }
}

/// The least difference, as seen with `seen`, between any Allied and any
/// Axis counter body of the palette for `palette`.
#[must_use]
pub fn least_side_contrast(palette: ColourVision, seen: ColourVision) -> f32 {
    let mut least = f32::MAX;
    for (a, sa) in NATIONS.iter().filter(|n| n.1 == Side::Allied) {
        for (b, sb) in NATIONS.iter().filter(|n| n.1 == Side::Axis) {
            let d =
                super::vision::difference_seen(body(a, *sa, palette), body(b, *sb, palette), seen);
            least = least.min(d);
        }
    }
    least
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::vision::difference_seen;
    use crate::render::{counters::draw_counter, text::Text, RenderUnit};
    use crate::scenario::schema::{UnitSize, UnitSymbol};
    use std::collections::BTreeMap;
    use tiny_skia::Pixmap;

    /// Draws one counter 40 pixels square and returns its most frequent
    /// colour: what the eye takes for "the colour" of the counter.
    fn dominant_colour(nation: &str, side: Side, vision: ColourVision) -> Rgb {
        let mut pm = Pixmap::new(48, 48).expect("pixmap");
        let unit = RenderUnit {
            hex: crate::hex::OffsetCoord(0, 0),
            side,
            nation: nation.into(),
            symbol: UnitSymbol::Infantry,
            size: UnitSize::Regiment,
            steps: 3,
            max_steps: 3,
            label: String::new(),
        };
        let text = Text::new().expect("font");
        draw_counter(&mut pm, &unit, (24.0, 24.0), 40.0, &text, vision);
        let mut count: BTreeMap<Rgb, u32> = BTreeMap::new();
        for p in pm.pixels() {
            let p = p.demultiply();
            if p.alpha() == 255 {
                *count.entry((p.red(), p.green(), p.blue())).or_default() += 1;
            }
        }
        count
            .into_iter()
            .max_by_key(|&(c, n)| (n, c))
            .map(|(c, _)| c)
            .expect("drawn")
    }

    #[test]
    fn rendered_counters_keep_the_sides_apart_under_every_dichromacy() {
        for palette in ColourVision::ALL {
            for (a, sa) in NATIONS.iter().filter(|n| n.1 == Side::Allied) {
                for (b, sb) in NATIONS.iter().filter(|n| n.1 == Side::Axis) {
                    let ca = dominant_colour(a, *sa, palette);
                    let cb = dominant_colour(b, *sb, palette);
                    // The dominant colour is the body colour of the palette.
                    assert_eq!(ca, body(a, *sa, palette));
                    assert_eq!(cb, body(b, *sb, palette));
                    for seen in ColourVision::ALL {
                        let d = difference_seen(ca, cb, seen);
                        println!(
                            "{} palette, {a} vs {b}, seen {}: ΔE00 {d:.1}",
                            palette.name(),
                            seen.name()
                        );
                        assert!(
                            d >= SIDE_CONTRAST,
                            "{a} vs {b}, {} palette seen with {}: ΔE00 {d:.1}",
                            palette.name(),
                            seen.name()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn each_colour_blind_palette_also_keeps_hue_apart_for_its_own_eyes() {
        // Beyond lightness: at equal lightness the palette's hues would still
        // differ for the dichromacy it is made for.
        for v in ColourVision::DEFICIENT {
            let (a, b) = (body("US", Side::Allied, v), body("DE", Side::Axis, v));
            let (la, lb) = (
                crate::render::vision::lab(crate::render::vision::simulate(a, v)),
                crate::render::vision::lab(crate::render::vision::simulate(b, v)),
            );
            let chroma =
                crate::render::vision::ciede2000([50.0, la[1], la[2]], [50.0, lb[1], lb[2]]);
            assert!(chroma > 15.0, "{}: hue difference {chroma:.1}", v.name());
        }
    }

    #[test]
    fn hue_alone_fails_the_check() {
        // The palette before issue 19: US olive and Italian grey-green, both
        // mid-light, told apart by hue only.
        let (us_old, it_old) = ((153, 171, 102), (143, 184, 148));
        for seen in ColourVision::DEFICIENT {
            let d = difference_seen(us_old, it_old, seen);
            println!("old palette, US vs IT, seen {}: ΔE00 {d:.1}", seen.name());
            assert!(d < SIDE_CONTRAST, "{}: {d:.1}", seen.name());
        }
        assert!(
            least_side_contrast(ColourVision::Normal, ColourVision::Deuteranopia) >= SIDE_CONTRAST
        );
    }
}
