//! Colour vision: what a colour looks like to a dichromat, and how far apart
//! two colours look. Used to choose and check the counter palettes
//! ([`super::sides`]) so Allied and Axis counters stay apart for players
//! who cannot rely on hue.
//!
//! Simulation: the matrices of Machado, Oliveira and Fernandes (2009), "A
//! Physiologically-based Model for Simulation of Color Vision Deficiency",
//! severity 1.0, applied in linear sRGB. Difference: CIEDE2000 (Sharma, Wu
//! and Dalal 2005) on CIELAB with the D65 white point.

/// Which colour vision the window draws for (and a simulation can apply).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum ColourVision {
    /// Normal trichromatic vision: nation colours.
    #[default]
    Normal,
    /// No green cones (about 1 % of men; deuteranomaly another 5 %).
    Deuteranopia,
    /// No red cones (about 1 % of men).
    Protanopia,
    /// No blue cones (rare, both sexes).
    Tritanopia,
}

impl ColourVision {
    /// Every mode, normal first.
    pub const ALL: [ColourVision; 4] = [
        ColourVision::Normal,
        ColourVision::Deuteranopia,
        ColourVision::Protanopia,
        ColourVision::Tritanopia,
    ];

    /// The three dichromacies.
    pub const DEFICIENT: [ColourVision; 3] = [
        ColourVision::Deuteranopia,
        ColourVision::Protanopia,
        ColourVision::Tritanopia,
    ];

    /// The name used on the command line and in menus.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ColourVision::Normal => "normal",
            ColourVision::Deuteranopia => "deuteranopia",
            ColourVision::Protanopia => "protanopia",
            ColourVision::Tritanopia => "tritanopia",
        }
    }

    /// Parse a name (also "off", "deutan", "protan", "tritan").
    pub fn parse(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "normal" | "off" | "none" => Ok(ColourVision::Normal),
            "deuteranopia" | "deutan" => Ok(ColourVision::Deuteranopia),
            "protanopia" | "protan" => Ok(ColourVision::Protanopia),
            "tritanopia" | "tritan" => Ok(ColourVision::Tritanopia),
            other => Err(format!(
                "`{other}` is not a colour vision (normal, deuteranopia, protanopia, tritanopia)"
            )),
        }
    }

    /// Machado et al. (2009), severity 1.0, rows of a linear-RGB matrix.
    fn matrix(self) -> [[f32; 3]; 3] {
        match self {
            ColourVision::Normal => [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
            ColourVision::Protanopia => [
                [0.152_286, 1.052_583, -0.204_868],
                [0.114_503, 0.786_281, 0.099_216],
                [-0.003_882, -0.048_116, 1.051_998],
            ],
            ColourVision::Deuteranopia => [
                [0.367_322, 0.860_646, -0.227_968],
                [0.280_085, 0.672_501, 0.047_413],
                [-0.011_820, 0.042_940, 0.968_881],
            ],
            ColourVision::Tritanopia => [
                [1.255_528, -0.076_749, -0.178_779],
                [-0.078_411, 0.930_809, 0.147_602],
                [0.004_733, 0.691_367, 0.303_900],
            ],
        }
    }
}

/// An sRGB colour, 8 bits a channel.
pub type Rgb = (u8, u8, u8);

fn to_linear(c: u8) -> f32 {
    let c = f32::from(c) / 255.0;
    if c <= 0.040_45 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn from_linear(c: f32) -> u8 {
    let c = c.clamp(0.0, 1.0);
    let s = if c <= 0.003_130_8 {
        c * 12.92
    } else {
        1.055 * c.powf(1.0 / 2.4) - 0.055
    };
    (s * 255.0).round() as u8
}

/// How `rgb` looks to someone with `vision`.
#[must_use]
pub fn simulate(rgb: Rgb, vision: ColourVision) -> Rgb {
    let l = [to_linear(rgb.0), to_linear(rgb.1), to_linear(rgb.2)];
    let m = vision.matrix();
    let row = |r: [f32; 3]| r[0] * l[0] + r[1] * l[1] + r[2] * l[2];
    (
        from_linear(row(m[0])),
        from_linear(row(m[1])),
        from_linear(row(m[2])),
    )
}

/// CIELAB (D65) of an sRGB colour.
#[must_use]
pub fn lab(rgb: Rgb) -> [f32; 3] {
    let (r, g, b) = (to_linear(rgb.0), to_linear(rgb.1), to_linear(rgb.2));
    let x = (0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b) / 0.950_47;
    let y = 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175 * b;
    let z = (0.019_333_9 * r + 0.119_192 * g + 0.950_304_1 * b) / 1.088_83;
    let f = |t: f32| {
        if t > 216.0 / 24389.0 {
            t.cbrt()
        } else {
            (24389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// CIEDE2000 colour difference of two CIELAB colours (kL = kC = kH = 1).
#[must_use]
pub fn ciede2000(a: [f32; 3], b: [f32; 3]) -> f32 {
    let (l1, a1, b1) = (f64::from(a[0]), f64::from(a[1]), f64::from(a[2]));
    let (l2, a2, b2) = (f64::from(b[0]), f64::from(b[1]), f64::from(b[2]));
    let c1 = a1.hypot(b1);
    let c2 = a2.hypot(b2);
    let cm = (c1 + c2) / 2.0;
    let g = 0.5 * (1.0 - (cm.powi(7) / (cm.powi(7) + 25f64.powi(7))).sqrt());
    let (a1p, a2p) = ((1.0 + g) * a1, (1.0 + g) * a2);
    let (c1p, c2p) = (a1p.hypot(b1), a2p.hypot(b2));
    let hue = |bb: f64, aa: f64| {
        if bb == 0.0 && aa == 0.0 {
            0.0
        } else {
            let h = bb.atan2(aa).to_degrees();
            if h < 0.0 {
                h + 360.0
            } else {
                h
            }
        }
    };
    let (h1p, h2p) = (hue(b1, a1p), hue(b2, a2p));
    let dl = l2 - l1;
    let dc = c2p - c1p;
    let dh = if c1p * c2p == 0.0 {
        0.0
    } else if (h2p - h1p).abs() <= 180.0 {
        h2p - h1p
    } else if h2p - h1p > 180.0 {
        h2p - h1p - 360.0
    } else {
        h2p - h1p + 360.0
    };
    let dhh = 2.0 * (c1p * c2p).sqrt() * (dh.to_radians() / 2.0).sin();
    let lm = (l1 + l2) / 2.0;
    let cmp = (c1p + c2p) / 2.0;
    let hm = if c1p * c2p == 0.0 {
        h1p + h2p
    } else if (h1p - h2p).abs() <= 180.0 {
        (h1p + h2p) / 2.0
    } else if h1p + h2p < 360.0 {
        (h1p + h2p + 360.0) / 2.0
    } else {
        (h1p + h2p - 360.0) / 2.0
    };
    let t = 1.0 - 0.17 * (hm - 30.0).to_radians().cos()
        + 0.24 * (2.0 * hm).to_radians().cos()
        + 0.32 * (3.0 * hm + 6.0).to_radians().cos()
        - 0.20 * (4.0 * hm - 63.0).to_radians().cos();
    let dtheta = 30.0 * (-((hm - 275.0) / 25.0).powi(2)).exp();
    let rc = 2.0 * (cmp.powi(7) / (cmp.powi(7) + 25f64.powi(7))).sqrt();
    let sl = 1.0 + 0.015 * (lm - 50.0).powi(2) / (20.0 + (lm - 50.0).powi(2)).sqrt();
    let sc = 1.0 + 0.045 * cmp;
    let sh = 1.0 + 0.015 * cmp * t;
    let rt = -(2.0 * dtheta).to_radians().sin() * rc;
    let (x, y, z) = (dl / sl, dc / sc, dhh / sh);
    (x * x + y * y + z * z + rt * y * z).sqrt() as f32
}

/// CIEDE2000 difference of two sRGB colours as seen with `vision`.
#[must_use]
pub fn difference_seen(a: Rgb, b: Rgb, vision: ColourVision) -> f32 {
    ciede2000(lab(simulate(a, vision)), lab(simulate(b, vision)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pairs from Sharma, Wu and Dalal (2005), table 1, with their ΔE00.
    #[test]
    fn ciede2000_matches_sharmas_test_data() {
        let pairs = [
            ([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485], 2.0425),
            ([50.0, 0.0, 0.0], [50.0, -1.0, 2.0], 2.3669),
            ([50.0, 2.5, 0.0], [73.0, 25.0, -18.0], 27.1492),
            ([50.0, 2.5, 0.0], [50.0, 3.1736, 0.5854], 1.0),
            (
                [60.2574, -34.0099, 36.2677],
                [60.4626, -34.1751, 39.4387],
                1.2644,
            ),
            (
                [22.7233, 20.0904, -46.694],
                [23.0331, 14.973, -42.5619],
                2.0373,
            ),
        ];
        for (a, b, want) in pairs {
            let got = ciede2000(a, b);
            assert!((got - want).abs() < 1e-3, "{a:?} {b:?}: {got} != {want}");
            assert!((ciede2000(b, a) - want).abs() < 1e-3);
        }
    }

    #[test]
    fn lab_of_white_and_black() {
        let w = lab((255, 255, 255));
        assert!((w[0] - 100.0).abs() < 0.01 && w[1].abs() < 0.01 && w[2].abs() < 0.01);
        assert!(lab((0, 0, 0))[0].abs() < 0.01);
    }

    #[test]
    fn dichromats_confuse_red_and_green_but_not_light_and_dark() {
        let (red, green) = ((200, 60, 50), (90, 140, 40));
        assert!(difference_seen(red, green, ColourVision::Normal) > 30.0);
        let d = difference_seen(red, green, ColourVision::Deuteranopia);
        assert!(d < 12.0, "deuteranopes see red and green apart by {d}");
        // Grey is unchanged by every simulation.
        for v in ColourVision::ALL {
            let g = simulate((128, 128, 128), v);
            assert!(g.0.abs_diff(128) <= 1 && g.1.abs_diff(128) <= 1 && g.2.abs_diff(128) <= 1);
        }
    }

    #[test]
    fn names_round_trip() {
        for v in ColourVision::ALL {
            assert_eq!(ColourVision::parse(v.name()), Ok(v));
        }
        assert!(ColourVision::parse("purple").is_err());
    }
}
