//! Scripted input and the screenshot mode, for CI and for reproducing what a
//! player saw.
//!
//! A script is a text file with one action per line (`#` starts a comment):
//!
//! ```text
//! side allied        # start screen: choose the side (allied, axis, both)
//! start              # start screen: press Play
//! center 12,8        # centre the camera on hex (col,row)
//! zoom 0.8           # camera scale (smaller = closer)
//! select 12,8        # left click on a hex (same as `click`)
//! hover 13,8         # put the pointer on a hex
//! click 13,8         # left click on a hex
//! rclick 13,8        # right click (clears the selection)
//! select_unit us_1rgr  # select a unit by id and centre the camera on it
//! select_any         # select the first unit (by id) of the acting side that can move
//! hover_reach        # hover the farthest hex the selected unit can reach
//! attack_any         # combat phase: select the first unit able to attack, hover its target
//! attack_guns        # as attack_any, preferring an attack artillery can support; commit the guns
//! hover_unit it_206   # put the pointer on a unit's hex
//! end_phase          # end the phase at once (no question asked)
//! press_end_phase    # press End phase as a player does (asks if units could still act)
//! tab                # Tab: select the next unit that can still act
//! supply             # U: toggle the supply overlay
//! colour_blind deuteranopia  # counter palette (normal, deuteranopia, protanopia, tritanopia)
//! ui_scale 1.5       # panels and text scale (1.0 to 2.0)
//! undo               # Ctrl+Z
//! help               # toggle the help overlay
//! seek 25            # replay viewer: show the game after 25 commands
//! await_turn         # hold until a person is to act (the computer's turn is over)
//! enemy_replay forward  # enemy-turn replay: open, back, forward, play, close
//! wait 10            # let 10 frames pass
//! reload             # F5: reload the scenario from disk
//! reload_from DIR    # F5, reading DIR instead of the scenario in play
//! ```
//!
//! Actions are applied a few frames apart, through the same messages the
//! mouse and keyboard produce. With `--screenshot PATH` the window is
//! captured `--after-frames N` frames after the last action (default 40)
//! with Bevy's screenshot API, and the app exits once the file is written.

use super::camera::{MapCamera, Pointer};
use super::hotkeys::HelpOpen;
use super::layout::offset_center;
pub use super::script_lines::{Action, Script};
use super::selection::{MapClick, Selection};
use super::session::{CommandRequest, Match, Setup};
use super::Screen;
use crate::hex::OffsetCoord;
use bevy::prelude::*;
use bevy::render::view::screenshot::{save_to_disk, Screenshot, ScreenshotCaptured};
use std::path::PathBuf;

/// Frames between two scripted actions (message → apply → redraw).
const STEP_FRAMES: u32 = 4;
/// Give up on a screenshot that never arrives.
const TIMEOUT_FRAMES: u32 = 1200;

/// Progress through the script and the screenshot.
#[derive(Resource)]
pub struct Runner {
    script: Script,
    next: usize,
    countdown: u32,
    screenshot: Option<PathBuf>,
    after_frames: u32,
    requested: bool,
    frames: u32,
}

impl Runner {
    /// A runner for `script`, capturing to `screenshot` if given.
    #[must_use]
    pub fn new(script: Script, screenshot: Option<PathBuf>, after_frames: Option<u32>) -> Self {
        Self {
            script,
            next: 0,
            countdown: 20,
            screenshot,
            after_frames: after_frames.unwrap_or(40),
            requested: false,
            frames: 0,
        }
    }

    /// Is input scripted (the real mouse is ignored)?
    #[must_use]
    pub fn active(&self) -> bool {
        self.screenshot.is_some() || !self.script.0.is_empty()
    }
}

/// Move the camera to a hex, a little left of centre (the side panel covers
/// the right of the window).
fn centre(t: &mut Transform, o: OffsetCoord) {
    let c = offset_center(o);
    t.translation.x = c.x + 120.0;
    t.translation.y = c.y - 40.0;
}

/// The first unit (by id) of the acting side that can still move.
fn first_mover(g: &Match) -> Option<(crate::scenario::UnitId, OffsetCoord)> {
    let side = g.acting()?;
    let view = g.view();
    let found = view
        .side_units(side)
        .find(|u| {
            u.mp_left > 0
                && !view.def(u.id).kind.static_unit
                && !crate::rules::movement::reachable(&view, u.id)
                    .destinations()
                    .is_empty()
        })
        .and_then(|u| Some((u.id, u.at?)));
    found
}

/// The first unit (by id) of the acting side able to attack, and its target.
fn first_attack(g: &Match) -> Option<(crate::scenario::UnitId, OffsetCoord, OffsetCoord)> {
    let side = g.acting()?;
    let view = g.view();
    let support = crate::rules::combat::Support::default();
    for u in view.side_units(side) {
        let Some(hex) = u.hex() else { continue };
        for n in hex.all_neighbors() {
            if view.enemy_occupied(n, side)
                && crate::rules::combat::odds(&view, &[u.id], n, &support, false).is_ok()
            {
                return Some((u.id, OffsetCoord::from_hex(hex), OffsetCoord::from_hex(n)));
            }
        }
    }
    None
}

/// The first attack (by unit id, then neighbour) that artillery in range
/// could support, with those guns; else [`first_attack`] with none.
fn first_supported_attack(
    g: &Match,
) -> Option<(
    crate::scenario::UnitId,
    OffsetCoord,
    OffsetCoord,
    Vec<crate::scenario::UnitId>,
)> {
    let side = g.acting()?;
    let view = g.view();
    let none = crate::rules::combat::Support::default();
    for u in view.side_units(side) {
        let Some(hex) = u.hex() else { continue };
        for n in hex.all_neighbors() {
            if !view.enemy_occupied(n, side)
                || crate::rules::combat::odds(&view, &[u.id], n, &none, false).is_err()
            {
                continue;
            }
            let guns = crate::rules::combat::artillery_in_range(&view, side, n, &[u.id]);
            if !guns.is_empty() {
                return Some((
                    u.id,
                    OffsetCoord::from_hex(hex),
                    OffsetCoord::from_hex(n),
                    guns,
                ));
            }
        }
    }
    first_attack(g).map(|(u, o, t)| (u, o, t, Vec::new()))
}

#[allow(clippy::too_many_arguments)]
fn run_script(
    mut commands: Commands,
    mut runner: ResMut<Runner>,
    mut pointer: ResMut<Pointer>,
    mut setup: ResMut<Setup>,
    mut help: ResMut<HelpOpen>,
    mut sel: ResMut<Selection>,
    state: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
    game: Option<Res<Match>>,
    camera: Single<(&mut Transform, &mut Projection), With<MapCamera>>,
    mut clicks: MessageWriter<MapClick>,
    mut requests: MessageWriter<CommandRequest>,
    mut exit: MessageWriter<AppExit>,
    (mut settings, mut end_phase, mut replay, mut reload): (
        ResMut<super::settings::ViewSettings>,
        MessageWriter<super::cycle::EndPhasePressed>,
        MessageWriter<super::enemy_turn::ReplayInput>,
        MessageWriter<super::reload::ReloadPressed>,
    ),
) {
    if !runner.active() {
        return;
    }
    if !pointer.scripted {
        // Ignore wherever the real cursor happens to be.
        *pointer = Pointer {
            scripted: true,
            ..default()
        };
    }
    runner.frames += 1;
    if runner.frames > TIMEOUT_FRAMES {
        error!("screenshot was not written after {TIMEOUT_FRAMES} frames");
        exit.write(AppExit::error());
        return;
    }
    if runner.countdown > 0 {
        runner.countdown -= 1;
        return;
    }
    // Map actions wait until a game is running.
    let needs_game = |a: &Action| {
        !matches!(
            a,
            Action::Side(_)
                | Action::Start
                | Action::Wait(_)
                | Action::ColourBlind(_)
                | Action::UiScale(_)
        )
    };
    if let Some(action) = runner.script.0.get(runner.next).cloned() {
        if needs_game(&action) && (game.is_none() || *state.get() == Screen::Start) {
            return;
        }
        if action == Action::AwaitTurn
            && game
                .as_ref()
                .is_some_and(|g| !g.human_to_act() && !g.game.is_over())
        {
            return;
        }
        runner.next += 1;
        runner.countdown = STEP_FRAMES;
        let (mut t, mut proj) = camera.into_inner();
        let grid = game.as_ref().map(|g| g.scenario().map.grid);
        let mut point = |o: OffsetCoord| {
            pointer.world = Some(offset_center(o));
            pointer.hex = grid.filter(|g| g.contains_offset(o)).map(|_| o.to_hex());
            pointer.hex
        };
        let unit_hex = |id: &str| -> Option<OffsetCoord> {
            let g = game.as_ref()?;
            let u = g.scenario().unit_id(id)?;
            g.shown().unit(u).hex().map(OffsetCoord::from_hex)
        };
        match action {
            Action::SelectUnit(id) | Action::HoverUnit(id) if unit_hex(&id).is_none() => {
                warn!("script: unit `{id}` is not on the map");
            }
            Action::SelectUnit(id) => {
                // Selection is view state, not game state: set it directly so
                // the script picks exactly this unit out of a stack.
                if let (Some(g), Some(o)) = (game.as_ref(), unit_hex(&id)) {
                    sel.units = g.scenario().unit_id(&id).into_iter().collect();
                    centre(&mut t, o);
                }
            }
            Action::SelectAny => {
                if let Some((u, o)) = game.as_ref().and_then(|g| first_mover(g)) {
                    sel.units = vec![u];
                    centre(&mut t, o);
                }
            }
            Action::HoverReach => {
                let far = sel.reach.as_ref().and_then(|r| {
                    r.destinations()
                        .into_iter()
                        .max_by_key(|&(h, c)| (c, std::cmp::Reverse(OffsetCoord::from_hex(h))))
                });
                if let Some((h, _)) = far {
                    point(OffsetCoord::from_hex(h));
                }
            }
            Action::AttackAny => {
                if let Some((u, o, target)) = game.as_ref().and_then(|g| first_attack(g)) {
                    sel.units = vec![u];
                    centre(&mut t, o);
                    point(target);
                }
            }
            Action::AttackGuns => {
                if let Some((u, o, target, guns)) =
                    game.as_ref().and_then(|g| first_supported_attack(g))
                {
                    sel.units = vec![u];
                    sel.support.artillery = guns;
                    centre(&mut t, o);
                    point(target);
                }
            }
            Action::Reload(from) => {
                reload.write(super::reload::ReloadPressed { from });
            }
            Action::HoverUnit(id) => {
                if let Some(o) = unit_hex(&id) {
                    point(o);
                }
            }
            Action::Side(s) => setup.side = s,
            Action::Start => next.set(Screen::Playing),
            Action::Center(o) => centre(&mut t, o),
            Action::Zoom(z) => {
                if let Projection::Orthographic(p) = proj.as_mut() {
                    p.scale = z;
                }
            }
            Action::Hover(o) => {
                point(o);
            }
            Action::Click(o) => {
                if let Some(hex) = point(o) {
                    clicks.write(MapClick {
                        hex,
                        button: MouseButton::Left,
                    });
                }
            }
            Action::RightClick(o) => {
                if let Some(hex) = point(o) {
                    clicks.write(MapClick {
                        hex,
                        button: MouseButton::Right,
                    });
                }
            }
            Action::EndPhase => {
                requests.write(CommandRequest::Execute(crate::command::Command::EndPhase));
            }
            Action::Undo => {
                requests.write(CommandRequest::Undo);
            }
            Action::PressEndPhase => {
                end_phase.write(super::cycle::EndPhasePressed);
            }
            Action::Tab => {
                if let Some(g) = game.as_ref() {
                    super::cycle::select_next(g, &mut sel, (&mut t, &proj), false);
                }
            }
            Action::Supply => settings.supply_overlay = !settings.supply_overlay,
            Action::ColourBlind(v) => settings.vision = v,
            Action::UiScale(x) => settings.ui_scale = x,
            Action::Help => help.0 = !help.0,
            Action::Seek(n) => {
                requests.write(CommandRequest::Seek(n));
            }
            Action::Wait(n) => runner.countdown = n,
            Action::AwaitTurn => {}
            Action::EnemyReplay(r) => {
                replay.write(r);
            }
        }
        if runner.next == runner.script.0.len() {
            runner.countdown = runner.after_frames;
        }
        return;
    }
    let Some(path) = runner.screenshot.clone() else {
        return;
    };
    if runner.requested {
        return;
    }
    runner.requested = true;
    // The screenshot's counter size, for the CI log and docs/gui.md.
    if let Projection::Orthographic(o) = camera.into_inner().1.as_ref() {
        println!(
            "screenshot: camera scale {:.2}, counters {:.0} px on screen ({})",
            o.scale,
            super::detail::counter_px(o.scale, settings.ui_scale),
            if super::detail::counter_look(o.scale, settings.ui_scale).detail {
                "full counters"
            } else {
                "blocks"
            }
        );
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(dir);
    }
    commands
        .spawn(Screenshot::primary_window())
        .observe(save_to_disk(path))
        .observe(
            |_: On<ScreenshotCaptured>, mut exit: MessageWriter<AppExit>| {
                exit.write(AppExit::Success);
            },
        );
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, run_script.in_set(super::GameSet::Input));
}
