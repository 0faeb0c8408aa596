//! The map camera: wheel zoom towards the cursor, drag to pan (right or
//! middle button, or left button with the mouse moved far enough to not be a
//! click), WASD/arrow keys, screen-edge scrolling, Home to fit the map. Also
//! tracks the hex under the cursor in [`Pointer`], which every map system
//! reads (the script runner sets it directly).

use super::layout::{hex_at, map_bounds};
use super::session::Match;
use super::{GameSet, Screen};
use crate::hex::Hex;
use bevy::input::mouse::{AccumulatedMouseMotion, AccumulatedMouseScroll, MouseScrollUnit};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::input::EguiWantsInput;

/// The map camera.
#[derive(Component)]
pub struct MapCamera;

/// Where the pointer is on the map.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct Pointer {
    /// World position under the cursor.
    pub world: Option<Vec2>,
    /// Hex under the cursor (on the map), if any.
    pub hex: Option<Hex>,
    /// Set by the script runner: ignore the real mouse.
    pub scripted: bool,
    /// The left button went down here and has dragged further than a click.
    pub dragging: bool,
}

const MIN_SCALE: f32 = 0.15;
const MAX_SCALE: f32 = 8.0;

/// Centre and scale the camera so the whole map fits the window.
pub fn fit_map(
    game: Res<Match>,
    window: Single<&Window, With<PrimaryWindow>>,
    camera: Single<(&mut Transform, &mut Projection), With<MapCamera>>,
) {
    let (mut t, mut proj) = camera.into_inner();
    let (min, max) = map_bounds(&game.scenario().map.grid);
    let size = max - min;
    // Leave room for the side panel on the right and the bars.
    let avail = Vec2::new(window.width() - 330.0, window.height() - 150.0).max(Vec2::splat(100.0));
    let scale = (size.x / avail.x)
        .max(size.y / avail.y)
        .clamp(MIN_SCALE, MAX_SCALE);
    let center = (min + max) * 0.5;
    t.translation.x = center.x + 150.0 * scale;
    t.translation.y = center.y - 10.0 * scale;
    if let Projection::Orthographic(o) = proj.as_mut() {
        o.scale = scale;
    }
}

/// Centre the map on a hex (a click on a combat result in the log).
#[derive(Message, Debug, Clone, Copy)]
pub struct CentreOn(pub crate::hex::OffsetCoord);

fn centre_requests(
    mut requests: MessageReader<CentreOn>,
    camera: Single<(&mut Transform, &Projection), With<MapCamera>>,
) {
    let (mut t, p) = camera.into_inner();
    for r in requests.read() {
        centre_on(&mut t, p, super::layout::offset_center(r.0));
    }
}

/// Put `at` in the middle of the map area (the side panel covers the right
/// of the window, so a little right of `at`).
pub fn centre_on(t: &mut Transform, proj: &Projection, at: Vec2) {
    let scale = match proj {
        Projection::Orthographic(o) => o.scale,
        _ => 1.0,
    };
    t.translation.x = at.x + 150.0 * scale;
    t.translation.y = at.y - 10.0 * scale;
}

/// Where the player's landing is: among `points` (the player's units on
/// the map, else their side's beaches), the one with the most others
/// within `radius`, and the mean of those (ties: the first point).
#[must_use]
pub fn landing_focus(points: &[Vec2], radius: f32) -> Option<Vec2> {
    let near = |p: Vec2| points.iter().filter(move |q| q.distance(p) <= radius);
    let best = points
        .iter()
        .enumerate()
        .max_by_key(|&(i, &p)| (near(p).count(), std::cmp::Reverse(i)))?
        .1;
    let group: Vec<Vec2> = near(*best).copied().collect();
    Some(group.iter().copied().sum::<Vec2>() / group.len() as f32)
}

/// Open on the player's landing area at a zoom where counters are legible
/// (the whole map is one Home away).
fn open_on_landing(
    game: Res<Match>,
    settings: Res<super::settings::ViewSettings>,
    camera: Single<(&mut Transform, &mut Projection), With<MapCamera>>,
) {
    let side = if game.humans[crate::scenario::Side::Allied.index()] {
        crate::scenario::Side::Allied
    } else {
        crate::scenario::Side::Axis
    };
    let view = game.view();
    let mut points: Vec<Vec2> = view
        .side_units(side)
        .filter_map(|u| u.hex())
        .map(super::layout::hex_center)
        .collect();
    if points.is_empty() {
        points = game
            .scenario()
            .map
            .beaches
            .iter()
            .filter(|b| b.side == side)
            .flat_map(|b| {
                b.hexes
                    .iter()
                    .map(|h| super::layout::hex_center(h.to_hex()))
            })
            .collect();
    }
    let Some(at) = landing_focus(&points, 8.0 * 60.0) else {
        return;
    };
    let (mut t, mut proj) = camera.into_inner();
    if let Projection::Orthographic(o) = proj.as_mut() {
        o.scale = super::detail::legible_scale(settings.ui_scale);
    }
    centre_on(&mut t, &proj, at);
}

#[allow(clippy::too_many_arguments)]
fn control_camera(
    window: Single<&Window, With<PrimaryWindow>>,
    camera: Single<(&mut Transform, &mut Projection), With<MapCamera>>,
    keys: Res<ButtonInput<KeyCode>>,
    buttons: Res<ButtonInput<MouseButton>>,
    scroll: Res<AccumulatedMouseScroll>,
    motion: Res<AccumulatedMouseMotion>,
    egui: Res<EguiWantsInput>,
    time: Res<Time>,
    mut pointer: ResMut<Pointer>,
    mut drag: Local<f32>,
    game: Option<Res<Match>>,
) {
    // The replay viewer steps with Left/Right.
    let watching = game.is_some_and(|g| g.track.is_some());
    let (mut t, mut proj) = camera.into_inner();
    let Projection::Orthographic(o) = proj.as_mut() else {
        return;
    };
    let dt = time.delta_secs();
    let cursor = window.cursor_position();
    let over_ui = egui.wants_any_pointer_input();
    // Keys and edge scroll.
    let mut dir = Vec2::ZERO;
    if !egui.wants_any_keyboard_input() {
        for (k, d) in [
            (KeyCode::KeyW, Vec2::Y),
            (KeyCode::ArrowUp, Vec2::Y),
            (KeyCode::KeyS, -Vec2::Y),
            (KeyCode::ArrowDown, -Vec2::Y),
            (KeyCode::KeyA, -Vec2::X),
            (KeyCode::ArrowLeft, -Vec2::X),
            (KeyCode::KeyD, Vec2::X),
            (KeyCode::ArrowRight, Vec2::X),
        ] {
            let stepping = matches!(k, KeyCode::ArrowLeft | KeyCode::ArrowRight) && watching;
            if keys.pressed(k) && !stepping {
                dir += d;
            }
        }
        if keys.just_pressed(KeyCode::Equal) || keys.just_pressed(KeyCode::NumpadAdd) {
            o.scale = (o.scale / 1.25).clamp(MIN_SCALE, MAX_SCALE);
        }
        if keys.just_pressed(KeyCode::Minus) || keys.just_pressed(KeyCode::NumpadSubtract) {
            o.scale = (o.scale * 1.25).clamp(MIN_SCALE, MAX_SCALE);
        }
    }
    if let Some(c) = cursor.filter(|_| !pointer.scripted && window.focused) {
        let m = 6.0;
        if c.x < m {
            dir.x -= 1.0;
        } else if c.x > window.width() - m {
            dir.x += 1.0;
        }
        if c.y < m {
            dir.y += 1.0;
        } else if c.y > window.height() - m {
            dir.y -= 1.0;
        }
    }
    let pan = dir.normalize_or_zero() * 700.0 * o.scale * dt;
    t.translation += pan.extend(0.0);
    // Drag to pan: right/middle always, left once it moved more than a click.
    let d = motion.delta;
    if buttons.just_pressed(MouseButton::Left) {
        *drag = 0.0;
        pointer.dragging = false;
    }
    let left_drag = buttons.pressed(MouseButton::Left) && !over_ui && {
        *drag += d.length();
        *drag > 6.0
    };
    if left_drag {
        pointer.dragging = true;
    }
    if (left_drag || buttons.pressed(MouseButton::Right) || buttons.pressed(MouseButton::Middle))
        && !over_ui
    {
        t.translation.x -= d.x * o.scale;
        t.translation.y += d.y * o.scale;
    }
    // Wheel zoom towards the cursor.
    if scroll.delta.y != 0.0 && !over_ui {
        let lines = match scroll.unit {
            MouseScrollUnit::Line => scroll.delta.y,
            MouseScrollUnit::Pixel => scroll.delta.y / 40.0,
        };
        let old = o.scale;
        let new = (old * 0.87f32.powf(lines)).clamp(MIN_SCALE, MAX_SCALE);
        if let Some(c) = cursor {
            let off = Vec2::new(c.x - window.width() / 2.0, window.height() / 2.0 - c.y);
            t.translation += (off * (old - new)).extend(0.0);
        }
        o.scale = new;
    }
}

/// Keep [`Pointer`] up to date from the real cursor (unless scripted).
fn track_pointer(
    window: Single<&Window, With<PrimaryWindow>>,
    camera: Single<(&Camera, &GlobalTransform), With<MapCamera>>,
    game: Option<Res<Match>>,
    mut pointer: ResMut<Pointer>,
) {
    if pointer.scripted {
        return;
    }
    let (cam, gt) = *camera;
    pointer.world = window
        .cursor_position()
        .and_then(|c| cam.viewport_to_world_2d(gt, c).ok());
    pointer.hex = match (&game, pointer.world) {
        (Some(g), Some(w)) => hex_at(&g.scenario().map.grid, w),
        _ => None,
    };
}

fn reset_view(keys: Res<ButtonInput<KeyCode>>, game: Option<Res<Match>>) -> bool {
    // In the replay viewer Home goes to the first command instead.
    keys.just_pressed(KeyCode::Home) && game.is_none_or(|g| g.track.is_none())
}

pub(super) fn plugin(app: &mut App) {
    // Spawned now, not at Startup: the first screen's OnEnter runs earlier.
    app.world_mut().spawn((Camera2d, MapCamera, Msaa::Sample4));
    app.init_resource::<Pointer>()
        .add_message::<CentreOn>()
        .add_systems(
            OnEnter(Screen::Playing),
            (fit_map, open_on_landing)
                .chain()
                .after(super::start_match)
                .run_if(resource_exists::<Match>),
        )
        .add_systems(
            Update,
            (
                (centre_requests, control_camera, track_pointer)
                    .chain()
                    .in_set(GameSet::Input),
                fit_map
                    .run_if(reset_view.and_then(resource_exists::<Match>))
                    .in_set(GameSet::Input),
            )
                .run_if(in_state(Screen::Playing).or_else(in_state(Screen::GameOver))),
        );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_camera_opens_on_the_largest_group_not_the_middle_of_everything() {
        // Three units together in the west, one straggler far east.
        let pts = [
            Vec2::new(0.0, 0.0),
            Vec2::new(60.0, 0.0),
            Vec2::new(30.0, 50.0),
            Vec2::new(3000.0, 0.0),
        ];
        assert_eq!(
            landing_focus(&pts, 480.0),
            Some(Vec2::new(30.0, 50.0 / 3.0))
        );
        assert_eq!(landing_focus(&[], 480.0), None);
        // Ties go to the first point's group.
        let two = [Vec2::new(0.0, 0.0), Vec2::new(3000.0, 0.0)];
        assert_eq!(landing_focus(&two, 480.0), Some(Vec2::ZERO));
    }
}
