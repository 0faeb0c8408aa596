//! Shared colours, meshes and materials: side and nation colours for counters
//! and markers, and the few primitive meshes (circle, ring) every counter and
//! marker reuses, created once at startup.

use crate::scenario::Side;
use bevy::prelude::*;

/// Counter colour of a nation (falls back to the side's colour).
#[must_use]
pub fn nation_color(nation: &str, side: Side) -> Color {
    match nation.to_ascii_uppercase().as_str() {
        "US" | "USA" => Color::srgb(0.60, 0.67, 0.40),
        "UK" | "GB" | "BR" | "BRIT" => Color::srgb(0.82, 0.72, 0.50),
        "CA" | "CAN" => Color::srgb(0.78, 0.64, 0.44),
        "DE" | "GER" => Color::srgb(0.60, 0.66, 0.73),
        "IT" | "ITA" => Color::srgb(0.56, 0.72, 0.58),
        _ => side_color(side),
    }
}

/// The colour that stands for a side (objective owners, panels).
#[must_use]
pub fn side_color(side: Side) -> Color {
    match side {
        Side::Allied => Color::srgb(0.80, 0.70, 0.45),
        Side::Axis => Color::srgb(0.55, 0.62, 0.72),
    }
}

/// A stronger variant of [`side_color`] for rings and text on the map.
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
    /// Warning red.
    pub red: Handle<ColorMaterial>,
    /// Drop-zone purple.
    pub purple: Handle<ColorMaterial>,
    /// Port blue.
    pub blue: Handle<ColorMaterial>,
    /// Per-side accent (`[allied, axis]`).
    pub accent: [Handle<ColorMaterial>; 2],
}

impl FromWorld for Shapes {
    fn from_world(world: &mut World) -> Self {
        let (circle, ring) = {
            let mut meshes = world.resource_mut::<Assets<Mesh>>();
            (
                meshes.add(Circle::new(1.0)),
                meshes.add(Annulus::new(0.78, 1.0)),
            )
        };
        let mut mats = world.resource_mut::<Assets<ColorMaterial>>();
        let mut m = |c: Color| mats.add(ColorMaterial::from_color(c));
        Shapes {
            circle,
            ring,
            black: m(Color::srgb(0.05, 0.05, 0.05)),
            red: m(Color::srgb(0.85, 0.1, 0.1)),
            purple: m(Color::srgb(0.55, 0.2, 0.7)),
            blue: m(Color::srgb(0.15, 0.35, 0.8)),
            accent: [m(side_accent(Side::Allied)), m(side_accent(Side::Axis))],
        }
    }
}

// Built when the plugin is added, so it exists before the first state's
// `OnEnter` systems (which run before `Startup`).
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Shapes>();
}
