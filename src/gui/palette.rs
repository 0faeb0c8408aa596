//! Shared colours, meshes and materials: side and nation colours for counters
//! and markers, and the few primitive meshes (circle, ring) every counter and
//! marker reuses, created once at startup.

use crate::render::vision::ColourVision;
use crate::scenario::Side;
use bevy::prelude::*;

/// Counter colour of a nation under a colour vision (one palette for the
/// window and the headless renderer: `render::sides`).
#[must_use]
pub fn nation_color(nation: &str, side: Side, vision: ColourVision) -> Color {
    rgb(crate::render::sides::body(nation, side, vision))
}

/// A Bevy colour from 8-bit sRGB.
#[must_use]
pub fn rgb((r, g, b): (u8, u8, u8)) -> Color {
    Color::srgb_u8(r, g, b)
}

/// The colour that stands for a side on the map and in panels (objective
/// rings, VP, the supply overlay).
#[must_use]
pub fn side_accent(side: Side) -> Color {
    match side {
        Side::Allied => Color::srgb(0.20, 0.45, 0.95),
        Side::Axis => Color::srgb(0.85, 0.15, 0.15),
    }
}

/// egui colour from a Bevy colour.
#[must_use]
pub fn egui_color(c: Color) -> bevy_egui::egui::Color32 {
    let s = c.to_srgba();
    bevy_egui::egui::Color32::from_rgb(
        (s.red * 255.0) as u8,
        (s.green * 255.0) as u8,
        (s.blue * 255.0) as u8,
    )
}

/// Meshes and materials shared by counters and markers.
#[derive(Resource)]
pub struct Shapes {
    /// Unit circle (radius 1).
    pub circle: Handle<Mesh>,
    /// Unit ring (radius 0.78..1).
    pub ring: Handle<Mesh>,
    /// Black.
    pub black: Handle<ColorMaterial>,
    /// Light ink (on dark Axis counters).
    pub light: Handle<ColorMaterial>,
    /// A square with cut corners, half-width 1 (Axis counters).
    pub octagon: Handle<Mesh>,
    /// Warning red.
    pub red: Handle<ColorMaterial>,
    /// Short-rations orange.
    pub orange: Handle<ColorMaterial>,
    /// Drop-zone purple.
    pub purple: Handle<ColorMaterial>,
    /// Port blue.
    pub blue: Handle<ColorMaterial>,
    /// Per-side accent (`[allied, axis]`).
    pub accent: [Handle<ColorMaterial>; 2],
}

impl FromWorld for Shapes {
    fn from_world(world: &mut World) -> Self {
        let (circle, ring, octagon) = {
            let mut meshes = world.resource_mut::<Assets<Mesh>>();
            (
                meshes.add(Circle::new(1.0)),
                meshes.add(Annulus::new(0.78, 1.0)),
                meshes.add(cut_square(0.42)),
            )
        };
        let mut mats = world.resource_mut::<Assets<ColorMaterial>>();
        let mut m = |c: Color| mats.add(ColorMaterial::from_color(c));
        Shapes {
            circle,
            ring,
            octagon,
            black: m(Color::srgb(0.05, 0.05, 0.05)),
            light: m(Color::srgb_u8(242, 242, 232)),
            red: m(Color::srgb(0.85, 0.1, 0.1)),
            orange: m(Color::srgb(0.95, 0.55, 0.05)),
            purple: m(Color::srgb(0.55, 0.2, 0.7)),
            blue: m(Color::srgb(0.15, 0.35, 0.8)),
            accent: [m(side_accent(Side::Allied)), m(side_accent(Side::Axis))],
        }
    }
}

/// A square of half-width 1 with its corners cut `cut` along each edge.
fn cut_square(cut: f32) -> Mesh {
    let white = LinearRgba::WHITE;
    let mut b = super::map_mesh::MeshBuilder::default();
    let (h, k) = (1.0, 1.0 - cut);
    let pts = [
        (-k, -h),
        (k, -h),
        (h, -k),
        (h, k),
        (k, h),
        (-k, h),
        (-h, k),
        (-h, -k),
    ];
    let c = b.vertex(Vec2::ZERO, white);
    let idx: Vec<u32> = pts
        .iter()
        .map(|&(x, y)| b.vertex(Vec2::new(x, y), white))
        .collect();
    for i in 0..8 {
        b.triangle(c, idx[i], idx[(i + 1) % 8]);
    }
    b.build()
}

// Built when the plugin is added, so it exists before the first state's
// `OnEnter` systems (which run before `Startup`).
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Shapes>();
}
