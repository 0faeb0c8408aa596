//! Spawns the map when a game starts: terrain, grid, hexside features, place
//! markers and names, beaches and drop zones; keeps objective markers (owner
//! colour and VP) up to date; toggles the grid with G.

use super::layout::{hex_center, offset_center, side_segment, HEX_RADIUS};
use super::map_mesh::{feature_meshes, grid_mesh, terrain_mesh, MeshBuilder};
use super::palette::Shapes;
use super::session::{GameEvents, Match};
use super::{GameSet, Screen, Z_GRID, Z_LABELS, Z_OVERLAY, Z_PLACES, Z_TERRAIN};
use crate::scenario::schema::PlaceKind;
use bevy::prelude::*;
use bevy::sprite::Text2dShadow;

/// The grid mesh, shown or hidden with G.
#[derive(Component)]
pub struct GridLines;

/// An objective marker, rebuilt when control changes.
#[derive(Component)]
struct ObjectiveMarker;

/// A map-label text size: fonts are rasterised large and scaled down so the
/// labels stay sharp when zoomed in.
pub const LABEL_SCALE: f32 = 0.4;

fn spawn_map(
    mut commands: Commands,
    game: Res<Match>,
    shapes: Res<Shapes>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut mats: ResMut<Assets<ColorMaterial>>,
) {
    let s = game.scenario().clone();
    let white = mats.add(ColorMaterial::default());
    let scoped = DespawnOnEnter(Screen::Start);
    commands.spawn((
        Mesh2d(meshes.add(terrain_mesh(&s))),
        MeshMaterial2d(white.clone()),
        Transform::from_xyz(0.0, 0.0, Z_TERRAIN),
        scoped.clone(),
    ));
    commands.spawn((
        Mesh2d(meshes.add(grid_mesh(&s))),
        MeshMaterial2d(white.clone()),
        Transform::from_xyz(0.0, 0.0, Z_GRID),
        GridLines,
        scoped.clone(),
    ));
    for (i, mesh) in feature_meshes(&s).into_iter().enumerate() {
        let z = Z_GRID + 0.1 * (i + 1) as f32;
        commands.spawn((
            Mesh2d(meshes.add(mesh)),
            MeshMaterial2d(white.clone()),
            Transform::from_xyz(0.0, 0.0, z),
            scoped.clone(),
        ));
    }
    // Beaches: a sand band along the sea side of each beach hex.
    let mut sand = MeshBuilder::default();
    let sand_c = Color::srgb(0.97, 0.86, 0.35).to_linear();
    for beach in &s.map.beaches {
        for &o in &beach.hexes {
            let hex = o.to_hex();
            for n in hex.all_neighbors() {
                if s.is_water(n) {
                    let (p, q) = side_segment(hex, n);
                    sand.stroke(p, q, 4.0, sand_c);
                }
            }
        }
        if let Some(&first) = beach.hexes.first() {
            let sea = first
                .to_hex()
                .all_neighbors()
                .into_iter()
                .find(|&n| s.is_water(n));
            let at = sea.map_or(offset_center(first), hex_center);
            let at_hex = sea.unwrap_or(first.to_hex());
            label(
                &mut commands,
                &beach.name,
                (at_hex, at - hex_center(at_hex)),
                Color::srgb(1.0, 0.93, 0.55),
                22.0,
                2,
            );
        }
    }
    if !sand.is_empty() {
        commands.spawn((
            Mesh2d(meshes.add(sand.build())),
            MeshMaterial2d(white),
            Transform::from_xyz(0.0, 0.0, Z_GRID + 0.35),
            scoped.clone(),
        ));
    }
    for dz in &s.map.drop_zones {
        let c = offset_center(dz.hex);
        commands.spawn((
            Mesh2d(shapes.ring.clone()),
            MeshMaterial2d(shapes.purple.clone()),
            Transform::from_xyz(c.x, c.y, Z_OVERLAY + 0.5)
                .with_scale(Vec3::splat(HEX_RADIUS * 0.7)),
            scoped.clone(),
        ));
        label(
            &mut commands,
            &dz.name,
            (dz.hex.to_hex(), Vec2::new(0.0, HEX_RADIUS * 0.55)),
            Color::srgb(0.85, 0.7, 1.0),
            20.0,
            4,
        );
    }
    for place in &s.map.places {
        let c = offset_center(place.hex);
        let (size, mat) = match place.kind {
            PlaceKind::City => (9.0, shapes.black.clone()),
            PlaceKind::Port => (7.0, shapes.blue.clone()),
            PlaceKind::Town => (6.0, shapes.black.clone()),
            PlaceKind::Airfield => (5.0, shapes.black.clone()),
            PlaceKind::Landmark => (3.5, shapes.black.clone()),
        };
        commands.spawn((
            Mesh2d(shapes.circle.clone()),
            MeshMaterial2d(mat),
            Transform::from_xyz(c.x, c.y + 6.0, Z_PLACES).with_scale(Vec3::splat(size * 0.5)),
            scoped.clone(),
        ));
        if place.airfield || place.kind == PlaceKind::Airfield {
            for angle in [0.5f32, -0.6] {
                commands.spawn((
                    Sprite::from_color(Color::srgb(0.35, 0.35, 0.38), Vec2::new(22.0, 3.0)),
                    Transform::from_xyz(c.x, c.y + 6.0, Z_PLACES - 0.01)
                        .with_rotation(Quat::from_rotation_z(angle)),
                    scoped.clone(),
                ));
            }
        }
        if place.port_capacity > 0 && place.kind != PlaceKind::Port {
            commands.spawn((
                Mesh2d(shapes.ring.clone()),
                MeshMaterial2d(shapes.blue.clone()),
                Transform::from_xyz(c.x, c.y + 6.0, Z_PLACES + 0.01).with_scale(Vec3::splat(6.0)),
                scoped.clone(),
            ));
        }
        let size = if place.kind == PlaceKind::City {
            30.0
        } else {
            24.0
        };
        let priority = match place.kind {
            PlaceKind::City => 0,
            PlaceKind::Port => 1,
            PlaceKind::Town => 3,
            PlaceKind::Airfield => 5,
            PlaceKind::Landmark => 6,
        };
        label(
            &mut commands,
            &place.name,
            (place.hex.to_hex(), Vec2::new(0.0, -HEX_RADIUS * 0.62)),
            Color::WHITE,
            size,
            priority,
        );
    }
}

/// A map label: white-ish text with a dark shadow, naming `hex`, usually at
/// `offset` from its centre (`labels.rs` moves or hides it so names never
/// collide); `priority` 0 is kept first.
fn label(
    commands: &mut Commands,
    text: &str,
    (hex, offset): (crate::hex::Hex, Vec2),
    color: Color,
    size: f32,
    priority: u8,
) {
    let at = hex_center(hex) + offset;
    commands.spawn((
        Text2d::new(text),
        TextFont::from_font_size(size),
        TextColor(color),
        Text2dShadow {
            offset: Vec2::new(2.0, -2.0),
            color: Color::BLACK.with_alpha(0.85),
        },
        Transform::from_xyz(at.x, at.y, Z_LABELS).with_scale(Vec3::splat(LABEL_SCALE)),
        super::labels::PlaceLabel {
            hex,
            offset,
            priority,
            font: size,
            chars: text.chars().count(),
        },
        DespawnOnEnter(Screen::Start),
    ));
}

/// Objective rings in the holder's colour with the VP value.
fn update_objectives(
    mut commands: Commands,
    game: Option<Res<Match>>,
    mut events: MessageReader<GameEvents>,
    old: Query<Entity, With<ObjectiveMarker>>,
    shapes: Res<Shapes>,
) {
    let Some(game) = game else { return };
    let changed = events.read().count() > 0;
    if !changed && !game.is_added() {
        return;
    }
    for e in &old {
        commands.entity(e).despawn();
    }
    let s = game.scenario();
    let state = game.game.state();
    for o in &s.objectives {
        let place = &s.map.places[o.place as usize];
        let c = offset_center(place.hex);
        let side = state.control[o.place as usize];
        commands.spawn((
            Mesh2d(shapes.ring.clone()),
            MeshMaterial2d(shapes.accent[side.index()].clone()),
            Transform::from_xyz(c.x, c.y, Z_OVERLAY + 0.6)
                .with_scale(Vec3::splat(HEX_RADIUS * 0.86)),
            ObjectiveMarker,
            DespawnOnEnter(Screen::Start),
        ));
        let badge = c + Vec2::new(HEX_RADIUS * 0.55, HEX_RADIUS * 0.62);
        commands.spawn((
            Text2d::new(format!("{} VP", o.vp)),
            TextFont::from_font_size(24.0),
            TextColor(Color::srgb(1.0, 0.9, 0.3)),
            Text2dShadow {
                offset: Vec2::new(2.0, -2.0),
                color: Color::BLACK,
            },
            Transform::from_xyz(badge.x, badge.y, Z_LABELS + 0.1)
                .with_scale(Vec3::splat(LABEL_SCALE)),
            ObjectiveMarker,
            DespawnOnEnter(Screen::Start),
        ));
    }
}

fn toggle_grid(
    keys: Res<ButtonInput<KeyCode>>,
    mut grid: Query<&mut Visibility, With<GridLines>>,
    egui: Res<bevy_egui::input::EguiWantsInput>,
) {
    if keys.just_pressed(KeyCode::KeyG) && !egui.wants_any_keyboard_input() {
        for mut v in &mut grid {
            v.toggle_visible_hidden();
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        OnEnter(Screen::Playing),
        spawn_map
            .after(super::start_match)
            .run_if(resource_exists::<Match>),
    )
    .add_systems(
        Update,
        (
            update_objectives.in_set(GameSet::View),
            toggle_grid.in_set(GameSet::Input),
        )
            .run_if(in_state(Screen::Playing).and_then(resource_exists::<Match>)),
    );
}
