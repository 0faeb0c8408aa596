//! Units as NATO-style counters: a square in the side's colour holding the
//! unit-type symbol in a frame, the size marker above it, step pips below.
//! Several units in a hex are drawn as a small offset stack.

use super::geometry::{circle, fill, polygon, polyline, stroke, Pt, Px};
use super::sides;
use super::text::{Placer, Text};
use super::vision::ColourVision;
use super::RenderUnit;
use crate::scenario::schema::UnitSymbol;
use crate::text::size_marker;
use std::collections::BTreeMap;
use tiny_skia::Pixmap;

/// Allied counters (a side's colour where no nation is known): light.
pub const ALLIED: (u8, u8, u8) = (205, 190, 130);
/// Axis counters: dark.
pub const AXIS: (u8, u8, u8) = (76, 84, 90);
const INK: (u8, u8, u8) = (20, 20, 20);

/// Draws all units, stacked per hex in the given order (callers sort them).
pub fn draw_units(
    pm: &mut Pixmap,
    units: &[RenderUnit],
    px: &Px,
    text: &Text,
    placer: &mut Placer,
    vision: ColourVision,
) {
    let mut stacks: BTreeMap<(i32, i32), Vec<&RenderUnit>> = BTreeMap::new();
    for u in units {
        stacks.entry((u.hex.0, u.hex.1)).or_default().push(u);
    }
    let size = px.scale * 0.78;
    let step = (px.scale * 0.08).max(2.0);
    for stack in stacks.values() {
        let (cx, cy) = px.centre(stack[0].hex);
        let shown = stack.len().min(4);
        // Bottom of the stack first, so the first unit ends on top.
        for (k, u) in stack.iter().take(shown).enumerate().rev() {
            let off = step * k as f32;
            draw_counter(pm, u, (cx + off, cy - off), size, text, vision);
        }
        if stack.len() > shown {
            let more = format!("+{}", stack.len() - shown);
            text.draw(
                pm,
                &more,
                (cx + size / 2.0, cy + size / 4.0),
                (size * 0.35).max(8.0),
                INK,
                Some((255, 255, 255)),
            );
        }
        let h = size / 2.0 + step * shown as f32;
        placer.block((cx - size / 2.0, cy - h, cx + h, cy + size / 2.0));
    }
}

/// One counter centred on `c`, `size` pixels square.
pub fn draw_counter(
    pm: &mut Pixmap,
    u: &RenderUnit,
    c: Pt,
    size: f32,
    text: &Text,
    vision: ColourVision,
) {
    let h = size / 2.0;
    let look = sides::counter(&u.nation, u.side, vision);
    let colour = look.body;
    let ink = look.ink;
    let sq = [
        (c.0 - h, c.1 - h),
        (c.0 + h, c.1 - h),
        (c.0 + h, c.1 + h),
        (c.0 - h, c.1 + h),
    ];
    fill(pm, &polygon(&sq), (0, 0, 0), 90); // shadow-free edge contrast
    let inner = [
        (c.0 - h + 0.5, c.1 - h + 0.5),
        (c.0 + h - 0.5, c.1 - h + 0.5),
        (c.0 + h - 0.5, c.1 + h - 0.5),
        (c.0 - h + 0.5, c.1 + h - 0.5),
    ];
    fill(pm, &polygon(&inner), colour, 255);
    stroke(
        pm,
        &polygon(&sq),
        look.frame,
        255,
        (size * 0.06).max(1.0),
        None,
    );
    if look.cut_corners {
        // Axis: the frame's colour cuts the four corners.
        let k = size * 0.2;
        for (sx, sy) in [(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)] {
            let (x, y) = (c.0 + sx * h, c.1 + sy * h);
            let tri = [(x, y), (x - sx * k, y), (x, y - sy * k)];
            fill(pm, &polygon(&tri), look.frame, 255);
        }
    }
    // The symbol frame: 60 % wide, 38 % high, a little above the centre.
    let (fw, fh) = (size * 0.6, size * 0.38);
    let f0 = (c.0 - fw / 2.0, c.1 - fh / 2.0 - size * 0.02);
    let frame = [
        f0,
        (f0.0 + fw, f0.1),
        (f0.0 + fw, f0.1 + fh),
        (f0.0, f0.1 + fh),
    ];
    fill(pm, &polygon(&frame), look.symbol_box, 255);
    let lw = (size * 0.035).max(0.8);
    draw_symbol(pm, u.symbol, f0, (fw, fh), lw, text, (ink, look.symbol_box));
    stroke(pm, &polygon(&frame), ink, 255, lw, None);
    // Size marker above the frame.
    let ms = (size * 0.2).max(6.0);
    text.draw_centred(
        pm,
        size_marker(u.size),
        (c.0, f0.1 - ms * 0.55),
        ms,
        ink,
        None,
    );
    // Step pips below: filled for steps left, hollow for steps lost.
    let max = u.max_steps.clamp(1, 8);
    let pr = (size * 0.045).max(1.0);
    let gap = pr * 2.8;
    let y = c.1 + h - pr * 2.2;
    let x0 = c.0 - gap * (max as f32 - 1.0) / 2.0;
    for k in 0..max {
        let p = (x0 + gap * k as f32, y);
        if k < u.steps {
            fill(pm, &circle(p, pr), ink, 255);
        } else {
            stroke(pm, &circle(p, pr), ink, 255, 0.8, None);
        }
    }
}

/// The unit-type symbol inside a frame at `o` of `(w, h)`.
fn draw_symbol(
    pm: &mut Pixmap,
    sym: UnitSymbol,
    o: Pt,
    (w, h): (f32, f32),
    lw: f32,
    text: &Text,
    (ink, paper): ((u8, u8, u8), (u8, u8, u8)),
) {
    let (x0, y0, x1, y1) = (o.0, o.1, o.0 + w, o.1 + h);
    let mid = (x0 + w / 2.0, y0 + h / 2.0);
    let cross = |pm: &mut Pixmap| {
        stroke(pm, &polyline(&[(x0, y0), (x1, y1)]), ink, 255, lw, None);
        stroke(pm, &polyline(&[(x0, y1), (x1, y0)]), ink, 255, lw, None);
    };
    let oval = |pm: &mut Pixmap| {
        let (rx, ry) = (w * 0.32, h * 0.28);
        let pts: Vec<Pt> = (0..24)
            .map(|k| {
                let a = std::f32::consts::TAU * k as f32 / 24.0;
                (mid.0 + rx * a.cos(), mid.1 + ry * a.sin())
            })
            .collect();
        stroke(pm, &polygon(&pts), ink, 255, lw, None);
    };
    match sym {
        UnitSymbol::Infantry => cross(pm),
        UnitSymbol::Armour => oval(pm),
        UnitSymbol::Mechanised => {
            cross(pm);
            oval(pm);
        }
        UnitSymbol::Motorised => {
            cross(pm);
            let r = h * 0.1;
            for k in [-1.0, 0.0, 1.0] {
                stroke(
                    pm,
                    &circle((mid.0 + k * w * 0.18, y1 - r * 1.6), r),
                    ink,
                    255,
                    lw * 0.8,
                    None,
                );
            }
        }
        UnitSymbol::Airborne => {
            cross(pm);
            // Canopy: a shallow arc under the top edge.
            let pts: Vec<Pt> = (0..=10)
                .map(|k| {
                    let a = std::f32::consts::PI * k as f32 / 10.0;
                    (mid.0 - w * 0.2 * a.cos(), y0 + h * 0.15 + h * 0.2 * a.sin())
                })
                .collect();
            fill(pm, &polygon(&pts), paper, 255);
            stroke(pm, &polyline(&pts), ink, 255, lw, None);
        }
        UnitSymbol::Commando => {
            cross(pm);
            let s = h * 0.7;
            fill(pm, &circle(mid, s * 0.45), paper, 255);
            text.draw_centred(pm, "C", mid, s, ink, None);
        }
        UnitSymbol::Artillery => fill(pm, &circle(mid, h * 0.16), ink, 255),
        UnitSymbol::Coastal => {
            fill(pm, &circle((mid.0, mid.1 - h * 0.12), h * 0.14), ink, 255);
            let wave: Vec<Pt> = (0..=12)
                .map(|k| {
                    let t = k as f32 / 12.0;
                    (
                        x0 + w * (0.2 + 0.6 * t),
                        y1 - h * 0.25 + h * 0.08 * (t * std::f32::consts::TAU * 2.0).sin(),
                    )
                })
                .collect();
            stroke(pm, &polyline(&wave), ink, 255, lw, None);
        }
        UnitSymbol::Headquarters => {
            let pole = [(x0 + w * 0.25, y1 - h * 0.1), (x0 + w * 0.25, y0 + h * 0.1)];
            stroke(pm, &polyline(&pole), ink, 255, lw, None);
            let flag = [
                pole[1],
                (x0 + w * 0.7, y0 + h * 0.1),
                (x0 + w * 0.7, y0 + h * 0.5),
                (x0 + w * 0.25, y0 + h * 0.5),
            ];
            fill(pm, &polygon(&flag), ink, 255);
        }
        UnitSymbol::Recon => stroke(pm, &polyline(&[(x0, y1), (x1, y0)]), ink, 255, lw, None),
    }
}
