//! The supply picture (U): the hexes each side's supply reaches this turn
//! shaded in the side's colour (hexes the trace reaches but past what the
//! sources can feed get only an outline: units there would be on short
//! rations), the sources ringed with the steps they have left, and the
//! units out of supply ringed (red: isolated, orange: short rations).
//!
//! Everything comes from `rules::supply` (`reach_and_trace`,
//! `capacity_left`), the functions the supply phase and the computer use,
//! on the shown state: under fog of war only the player's side is drawn,
//! traced through the enemies the player can see.

use super::layout::{corners, hex_center, side_segment, HEX_RADIUS};
use super::map_mesh::MeshBuilder;
use super::palette::side_accent;
use super::session::Match;
use super::settings::ViewSettings;
use super::{GameSet, Screen, Z_OVERLAY, Z_UNITS};
use crate::hex::Hex;
use crate::rules::supply::{capacity_left, reach_and_trace};
use crate::scenario::Side;
use crate::sim::state::Status;
use bevy::prelude::*;
use bevy::sprite::Text2dShadow;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

/// Entities of the supply overlay.
#[derive(Component)]
struct SupplyOverlay;

/// The sides whose supply is drawn: the fogged side only, else both.
fn sides_shown(game: &Match) -> Vec<Side> {
    match game.fog() {
        Some(s) => vec![s],
        None => Side::BOTH.to_vec(),
    }
}

fn ring(b: &mut MeshBuilder, hex: Hex, color: LinearRgba, width: f32, radius: f32) {
    let ks = corners(hex_center(hex), radius - width * 0.5);
    for i in 0..6 {
        b.stroke(ks[i], ks[(i + 1) % 6], width, color);
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_supply(
    mut commands: Commands,
    game: Res<Match>,
    settings: Res<ViewSettings>,
    old: Query<Entity, With<SupplyOverlay>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut mats: ResMut<Assets<ColorMaterial>>,
    mut material: Local<Option<Handle<ColorMaterial>>>,
    camera: Single<&Projection, With<super::camera::MapCamera>>,
    mut last_scale: Local<f32>,
) {
    let scale = match *camera {
        Projection::Orthographic(o) => o.scale,
        _ => 1.0,
    };
    // The edge of the supply area keeps its width on screen.
    let zoomed = (scale / last_scale.max(1e-3) - 1.0).abs() > 0.25;
    if !(settings.is_changed() || game.is_changed() || zoomed && settings.supply_overlay) {
        return;
    }
    *last_scale = scale;
    for e in &old {
        commands.entity(e).despawn();
    }
    if !settings.supply_overlay {
        return;
    }
    let view = game.view();
    let s = game.scenario();
    let mut b = MeshBuilder::default();
    for side in sides_shown(&game) {
        let accent = side_accent(side);
        let (reach, traced) = reach_and_trace(&view, side);
        for (i, (&r, &t)) in reach.iter().zip(&traced).enumerate() {
            let hex = s.map.grid.hex_at(i);
            if s.is_water(hex) {
                continue;
            }
            if r != u32::MAX {
                b.hex(
                    hex_center(hex),
                    HEX_RADIUS * 0.97,
                    accent.with_alpha(0.3).to_linear(),
                );
                // The edge of the supply area, on land.
                for n in hex.all_neighbors() {
                    // Off the map or at sea is no edge of the supply area.
                    let outside = s.map.grid.index(n).is_some_and(|j| reach[j] == u32::MAX);
                    if outside && !s.is_water(n) {
                        let (a, c) = side_segment(hex, n);
                        b.stroke(a, c, 4.0 * scale.max(0.5), accent.to_linear());
                    }
                }
            } else if t != u32::MAX {
                ring(
                    &mut b,
                    hex,
                    accent.with_alpha(0.7).to_linear(),
                    2.0,
                    HEX_RADIUS * 0.8,
                );
            }
        }
        let mut labelled = Vec::new();
        for (src, left) in capacity_left(&view, side) {
            ring(&mut b, src.hex, Color::WHITE.to_linear(), 3.5, HEX_RADIUS);
            ring(&mut b, src.hex, accent.to_linear(), 2.0, HEX_RADIUS - 3.5);
            // One label per pool (a beach's hexes share one capacity).
            if labelled.contains(&src.pool) {
                continue;
            }
            labelled.push(src.pool);
            let text = match left {
                None => "supply ∞".to_string(),
                Some(n) => format!("supply {n} left"),
            };
            // Placed with the map's names (never over a counter or a name).
            let offset = Vec2::new(0.0, HEX_RADIUS * 0.7);
            let at = hex_center(src.hex) + offset;
            commands.spawn((
                Text2d::new(text.clone()),
                TextFont::from_font_size(28.0),
                TextColor(Color::WHITE),
                Text2dShadow {
                    offset: Vec2::new(2.0, -2.0),
                    color: Color::BLACK,
                },
                Transform::from_xyz(at.x, at.y, Z_UNITS + 20.0),
                super::labels::PlaceLabel {
                    hex: src.hex,
                    offset,
                    priority: 0,
                    font: 28.0,
                    chars: text.chars().count(),
                },
                SupplyOverlay,
                DespawnOnEnter(Screen::Start),
            ));
        }
        for u in view.side_units(side) {
            let (Some(hex), true) = (u.hex(), u.status == Status::OnMap) else {
                continue;
            };
            if u.supply.out_of_supply {
                let c = if u.supply.turns_out == 0 {
                    Color::srgb(0.95, 0.55, 0.05)
                } else {
                    Color::srgb(0.9, 0.1, 0.1)
                };
                ring(&mut b, hex, c.to_linear(), 4.0, HEX_RADIUS);
            }
        }
    }
    if b.is_empty() {
        return;
    }
    let mat = material
        .get_or_insert_with(|| mats.add(ColorMaterial::default()))
        .clone();
    commands.spawn((
        Mesh2d(meshes.add(b.build())),
        MeshMaterial2d(mat),
        Transform::from_xyz(0.0, 0.0, Z_OVERLAY - 0.2),
        SupplyOverlay,
        DespawnOnEnter(Screen::Start),
    ));
}

/// What the overlay's marks mean, while it is on.
fn legend(mut contexts: EguiContexts, game: Res<Match>, settings: Res<ViewSettings>) -> Result {
    if !settings.supply_overlay {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    egui::Area::new("supply_legend".into())
        .anchor(Align2::LEFT_BOTTOM, [6.0, -150.0])
        .show(ctx, |ui| {
            super::panels::frame().show(ui, |ui| {
                ui.label(RichText::new("Supply (U to hide)").strong());
                for side in sides_shown(&game) {
                    let c = super::palette::egui_color(side_accent(side));
                    ui.label(
                        RichText::new(format!("■ {side}: supply reaches (edge drawn)")).color(c),
                    );
                    ui.label(
                        RichText::new(format!(
                            "  outline: {side} traced, past the sources' capacity"
                        ))
                        .color(c),
                    );
                }
                ui.label("white ring: a source, with the steps it has left");
                ui.label(
                    RichText::new("orange ring: short rations · red ring: isolated")
                        .color(Color32::from_rgb(250, 150, 60)),
                );
            });
        });
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        draw_supply
            .in_set(GameSet::View)
            .run_if(in_state(Screen::Playing).and_then(resource_exists::<Match>)),
    )
    .add_systems(
        EguiPrimaryContextPass,
        legend.run_if(in_state(Screen::Playing).and_then(resource_exists::<Match>)),
    );
}
