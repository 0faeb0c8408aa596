//! Selecting units and turning map clicks into command requests.
//!
//! A click on the map (from the mouse or the script runner) is a
//! [`MapClick`]. In a movement phase it selects one of your units (clicking
//! the same stack again cycles through it) or moves the selected unit along
//! the cheapest path to the clicked hex; in a combat phase it adds or removes
//! attackers and attacks the clicked enemy hex; in an evacuation phase it
//! selects the unit the panel can evacuate. The move range ([`Reach`]) is
//! computed once per selection or game change, never per frame, and drawn as
//! a translucent overlay together with the enemy ZOC.

use super::camera::Pointer;
use super::layout::{hex_center, HEX_RADIUS};
use super::map_mesh::MeshBuilder;
use super::session::{CommandRequest, EventLog, GameEvents, Match};
use super::{GameSet, Screen, Z_OVERLAY};
use crate::command::{Command, Event};
use crate::hex::{Hex, OffsetCoord};
use crate::rules::combat::Support;
use crate::rules::movement::{reachable, Reach};
use crate::scenario::{PhaseSpec, UnitId};
use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;

/// A click on a map hex.
#[derive(Message, Debug, Clone, Copy)]
pub struct MapClick {
    /// The hex clicked.
    pub hex: Hex,
    /// Which button (left acts, right clears the selection).
    pub button: MouseButton,
}

/// What the player has selected.
#[derive(Resource, Default)]
pub struct Selection {
    /// Selected units (one to move; one or more to attack).
    pub units: Vec<UnitId>,
    /// Move range of the single selected unit in a movement phase.
    pub reach: Option<Reach>,
    /// Support to commit to the next attack (edited in the combat panel).
    pub support: Support,
    /// Attackers advance into a vacated hex.
    pub advance: bool,
}

/// The translucent range/ZOC overlay.
#[derive(Component)]
struct Overlay;

fn mouse_clicks(
    buttons: Res<ButtonInput<MouseButton>>,
    pointer: Res<Pointer>,
    egui: Res<EguiWantsInput>,
    mut clicks: MessageWriter<MapClick>,
) {
    if pointer.scripted || egui.wants_any_pointer_input() {
        return;
    }
    let Some(hex) = pointer.hex else { return };
    if buttons.just_released(MouseButton::Left) && !pointer.dragging {
        clicks.write(MapClick {
            hex,
            button: MouseButton::Left,
        });
    }
    if buttons.just_pressed(MouseButton::Right) {
        clicks.write(MapClick {
            hex,
            button: MouseButton::Right,
        });
    }
}

fn clear_keys(keys: Res<ButtonInput<KeyCode>>, mut sel: ResMut<Selection>) {
    if keys.just_pressed(KeyCode::Escape) && !sel.units.is_empty() {
        sel.units.clear();
        sel.reach = None;
    }
}

/// A straight-ish path to `to` so that an illegal move still reaches the
/// rules and comes back with their reason.
fn line_path(from: Hex, to: Hex) -> Vec<OffsetCoord> {
    from.line_to(to)
        .skip(1)
        .map(OffsetCoord::from_hex)
        .collect()
}

fn handle_clicks(
    mut clicks: MessageReader<MapClick>,
    game: Res<Match>,
    mut sel: ResMut<Selection>,
    mut requests: MessageWriter<CommandRequest>,
    mut log: ResMut<EventLog>,
) {
    for click in clicks.read() {
        if click.button == MouseButton::Right {
            sel.units.clear();
            sel.reach = None;
            continue;
        }
        if !game.human_to_act() {
            log.rejection = Some("wait: the computer is playing its phase".into());
            continue;
        }
        let view = game.view();
        let Some(side) = game.acting() else { continue };
        let own: Vec<UnitId> = view
            .units_at(click.hex)
            .iter()
            .copied()
            .filter(|&u| view.def(u).side == side)
            .collect();
        let enemy_here = view.enemy_occupied(click.hex, side);
        match view.phase() {
            PhaseSpec::Movement(_) => {
                let selected = sel.units.first().copied();
                if let (Some(u), Some(reach)) = (selected, sel.reach.as_ref()) {
                    if let Some(path) = reach.path_to(click.hex) {
                        let path: Vec<OffsetCoord> =
                            path.into_iter().map(OffsetCoord::from_hex).collect();
                        let cmd = fog_surprise(&game, u, path, &mut log);
                        if let Some(cmd) = cmd {
                            requests.write(CommandRequest::Execute(cmd));
                        }
                        continue;
                    }
                }
                if !own.is_empty() {
                    // Cycle through a stack: pick the unit after the selected one.
                    let next = match selected.and_then(|s| own.iter().position(|&u| u == s)) {
                        Some(i) => own[(i + 1) % own.len()],
                        None => *own
                            .iter()
                            .rev()
                            .find(|&&u| view.unit(u).mp_left > 0)
                            .unwrap_or(&own[own.len() - 1]),
                    };
                    sel.units = vec![next];
                    continue;
                }
                if let Some(u) = selected {
                    if let Some(from) = view.unit(u).hex() {
                        // Not in range: ask the rules anyway, to show why.
                        let path = line_path(from, click.hex);
                        if !path.is_empty() {
                            requests
                                .write(CommandRequest::Execute(Command::Move { unit: u, path }));
                        }
                    }
                }
            }
            PhaseSpec::Combat(_) => {
                if enemy_here && !sel.units.is_empty() {
                    requests.write(CommandRequest::Execute(Command::Attack {
                        attackers: sel.units.clone(),
                        target: OffsetCoord::from_hex(click.hex),
                        support: sel.support.clone(),
                        advance: sel.advance,
                    }));
                } else if !own.is_empty() {
                    let fresh: Vec<UnitId> = own
                        .iter()
                        .copied()
                        .filter(|&u| !view.unit(u).attacked)
                        .collect();
                    if fresh.iter().any(|u| sel.units.contains(u)) {
                        sel.units.retain(|u| !own.contains(u));
                    } else if fresh.is_empty() {
                        log.rejection = Some("those units have already attacked this phase".into());
                    } else {
                        sel.units.extend(fresh);
                    }
                } else {
                    sel.units.clear();
                }
            }
            _ => {
                sel.units = own.last().copied().into_iter().collect();
            }
        }
    }
}

/// The range was computed on the fogged view: a path may run into the zone
/// of control of an enemy unit the player could not see. Like the computer
/// (`crate::ai`), the column then stops at the longest prefix the rules
/// accept, and the player is told — without saying where the enemy is.
fn fog_surprise(
    game: &Match,
    unit: UnitId,
    path: Vec<OffsetCoord>,
    log: &mut EventLog,
) -> Option<Command> {
    let full = Command::Move {
        unit,
        path: path.clone(),
    };
    if game.fog().is_none() || game.game.validate(&full).is_ok() {
        return Some(full);
    }
    let short = (1..path.len()).rev().find_map(|len| {
        let c = Command::Move {
            unit,
            path: path[..len].to_vec(),
        };
        game.game.validate(&c).is_ok().then_some(c)
    });
    log.push(match &short {
        Some(_) => "the column ran into an enemy it had not seen and stopped short".into(),
        None => "the column ran into an enemy it had not seen and could not move".into(),
    });
    short
}

/// Recompute the move range when the selection or the game changes; drop
/// selected units that left the map; clear the selection when a phase begins.
fn refresh_selection(
    game: Res<Match>,
    mut sel: ResMut<Selection>,
    mut events: MessageReader<GameEvents>,
) {
    let mut game_changed = false;
    for batch in events.read() {
        game_changed = true;
        if batch
            .0
            .iter()
            .any(|e| matches!(e, Event::PhaseBegan { .. }))
        {
            sel.units.clear();
            sel.support = Support::default();
        }
    }
    if !game_changed && !sel.is_changed() {
        return;
    }
    let view = game.view();
    let before = sel.units.len();
    sel.units.retain(|&u| view.unit(u).hex().is_some());
    let reach = match (view.phase(), sel.units.as_slice()) {
        (PhaseSpec::Movement(_), [u]) => Some(reachable(&view, *u)),
        _ => None,
    };
    // Avoid marking the resource changed again for nothing.
    if before != sel.units.len() || reach.is_some() || sel.reach.is_some() {
        sel.reach = reach;
    }
}

/// Redraw the overlay: move range, enemy ZOC, selected units, attackable hexes.
fn draw_overlay(
    mut commands: Commands,
    game: Res<Match>,
    sel: Res<Selection>,
    old: Query<Entity, With<Overlay>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut mats: ResMut<Assets<ColorMaterial>>,
    mut material: Local<Option<Handle<ColorMaterial>>>,
) {
    if !sel.is_changed() && !game.is_changed() {
        return;
    }
    for e in &old {
        commands.entity(e).despawn();
    }
    if sel.units.is_empty() {
        return;
    }
    let view = game.view();
    let Some(side) = game.acting() else { return };
    let mut b = MeshBuilder::default();
    let ring = |b: &mut MeshBuilder, hex: Hex, color: LinearRgba, width: f32| {
        let ks = super::layout::corners(hex_center(hex), HEX_RADIUS - width * 0.5);
        for i in 0..6 {
            b.stroke(ks[i], ks[(i + 1) % 6], width, color);
        }
    };
    if let Some(reach) = &sel.reach {
        // Dim every land hex the unit cannot reach, so the range stands out
        // on any terrain colour; mark the enemy ZOC in red.
        let s = game.scenario();
        let zoc = view.zoc(side.enemy());
        let start = sel.units.first().and_then(|&u| view.unit(u).hex());
        for (i, &z) in zoc.iter().enumerate() {
            let hex = s.map.grid.hex_at(i);
            if s.is_water(hex) {
                continue;
            }
            if reach.cost_to(hex).is_none() && Some(hex) != start {
                b.hex(
                    hex_center(hex),
                    HEX_RADIUS,
                    Color::srgba(0.0, 0.0, 0.05, 0.42).to_linear(),
                );
            }
            if z {
                ring(
                    &mut b,
                    hex,
                    Color::srgba(0.95, 0.1, 0.1, 0.55).to_linear(),
                    2.0,
                );
            }
        }
        for (hex, _) in reach.destinations() {
            b.hex(
                hex_center(hex),
                HEX_RADIUS * 0.93,
                Color::srgba(1.0, 1.0, 1.0, 0.16).to_linear(),
            );
        }
    }
    if matches!(view.phase(), PhaseSpec::Combat(_)) {
        let targets: Vec<Hex> = sel
            .units
            .iter()
            .filter_map(|&u| view.unit(u).hex())
            .flat_map(|h| h.all_neighbors())
            .filter(|&n| view.enemy_occupied(n, side))
            .collect();
        for t in targets {
            ring(
                &mut b,
                t,
                Color::srgba(1.0, 0.15, 0.1, 0.9).to_linear(),
                3.0,
            );
        }
    }
    for &u in &sel.units {
        if let Some(h) = view.unit(u).hex() {
            ring(
                &mut b,
                h,
                Color::srgba(1.0, 0.85, 0.0, 0.95).to_linear(),
                3.0,
            );
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
        Transform::from_xyz(0.0, 0.0, Z_OVERLAY),
        Overlay,
        DespawnOnEnter(Screen::Start),
    ));
}

/// The cheapest path to the hovered hex, drawn every frame (cheap: the
/// range was computed on selection).
fn draw_path(game: Res<Match>, sel: Res<Selection>, pointer: Res<Pointer>, mut gizmos: Gizmos) {
    let (Some(reach), Some(hex), Some(&unit)) = (&sel.reach, pointer.hex, sel.units.first()) else {
        return;
    };
    let (Some(path), Some(start)) = (reach.path_to(hex), game.shown().unit(unit).hex()) else {
        return;
    };
    let points: Vec<Vec2> = std::iter::once(start).chain(path).map(hex_center).collect();
    let color = Color::srgb(1.0, 0.8, 0.1);
    gizmos.linestrip_2d(points.iter().copied(), color);
    if let Some(&end) = points.last() {
        gizmos.circle_2d(end, 6.0, color);
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<MapClick>()
        .init_resource::<Selection>()
        .add_systems(OnEnter(Screen::Start), |mut sel: ResMut<Selection>| {
            *sel = Selection {
                advance: true,
                ..default()
            }
        })
        .add_systems(
            Update,
            (
                (mouse_clicks, clear_keys).in_set(GameSet::Input),
                handle_clicks.in_set(GameSet::Request),
                (refresh_selection, draw_overlay, draw_path)
                    .chain()
                    .in_set(GameSet::View),
            )
                .run_if(in_state(Screen::Playing).and_then(resource_exists::<Match>)),
        );
}
