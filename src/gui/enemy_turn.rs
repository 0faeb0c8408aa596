//! The opponent's turn replayed, as the player's side saw it.
//!
//! While the computer plays, every command it executes is recorded as a
//! [`SightStep`] (`sighted.rs`: only what the side saw, never a hidden
//! unit). When the player's turn comes back, a small bar offers the replay:
//! ◀ / ▶ (or `,` / `.`) step through it, Play (P) plays it, Esc or ✖ closes it,
//! R opens it again. Each step shows the side's fogged state after that
//! command (`Match::show_past`; the game itself is never touched), slides
//! the counters along the hexes in sight, centres the map on it and
//! highlights its lines in the event log. Any new command closes the replay.

use super::camera::CentreOn;
use super::session::{EventLog, GameEvents, Match};
use super::sighted::{sight_step, SightStep};
use super::{GameSet, Screen};
use crate::command::Event;
use crate::sim::state::State;
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use std::ops::Range;

/// Seconds per step when the replay plays by itself.
const PLAY_STEP: f32 = 0.9;

/// The last turn of the computer's, as seen, and the replay's position.
#[derive(Resource, Default)]
pub struct EnemyTurn {
    /// The computer is playing and its commands are being recorded.
    recording: bool,
    /// The side's fogged state when the computer's turn began.
    start: Option<State>,
    /// The fogged state after the last recorded command.
    last: Option<State>,
    /// The commands the side saw something of.
    pub steps: Vec<SightStep>,
    /// Each step's lines in the event log.
    marks: Vec<Range<usize>>,
    /// Event log length after the last recorded command.
    log_len: usize,
    /// Game log length when the recording ended: a new command closes the
    /// replay.
    game_len: usize,
    /// The replay is on screen.
    pub open: bool,
    /// Position: 0 before the first step, k after step k.
    pub at: usize,
    /// Playing by itself.
    playing: bool,
    /// Time to the next step while playing.
    timer: f32,
}

/// What the replay bar and keys ask for.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplayInput {
    /// Show the replay from its first step.
    Open,
    /// One step back.
    Back,
    /// One step on.
    Forward,
    /// Play or pause.
    Play,
    /// Back to the present.
    Close,
}

/// Record the computer's commands as the player's side saw them.
fn record(
    game: Res<Match>,
    log: Res<EventLog>,
    mut turn: ResMut<EnemyTurn>,
    mut events: MessageReader<GameEvents>,
) {
    if game.is_added() {
        *turn = EnemyTurn::default();
    }
    let computer = !game.game.is_over()
        && game.acting().is_some()
        && !game.human_to_act()
        && game.track.is_none();
    let Some(side) = game.fog().filter(|_| !turn.open) else {
        events.clear();
        return;
    };
    if computer && !turn.recording {
        events.clear();
        *turn = EnemyTurn {
            recording: true,
            start: Some(game.shown().clone()),
            last: Some(game.shown().clone()),
            log_len: log.lines.len(),
            ..default()
        };
        return;
    }
    if !turn.recording {
        events.clear();
        return;
    }
    for batch in events.read() {
        let before = turn.last.take().unwrap_or_else(|| game.shown().clone());
        if let Some(step) = sight_step(game.scenario(), side, &before, game.shown(), &batch.0) {
            let lines = turn.log_len.min(log.lines.len())..log.lines.len();
            turn.steps.push(step);
            turn.marks.push(lines);
        }
        turn.last = Some(game.shown().clone());
        turn.log_len = log.lines.len();
    }
    if !computer {
        turn.recording = false;
        turn.game_len = game.game.log().len();
        turn.last = None;
    }
}

/// Keys of the replay: R opens it; while open `,` / `.` step, P plays, Esc
/// closes.
fn replay_keys(
    keys: Res<ButtonInput<KeyCode>>,
    turn: Res<EnemyTurn>,
    egui: Res<EguiWantsInput>,
    mut input: MessageWriter<ReplayInput>,
) {
    if turn.steps.is_empty() || turn.recording || egui.wants_any_keyboard_input() {
        return;
    }
    let pressed = |k| keys.just_pressed(k);
    let asked = if !turn.open {
        pressed(KeyCode::KeyR).then_some(ReplayInput::Open)
    } else if pressed(KeyCode::Escape) {
        Some(ReplayInput::Close)
    } else if pressed(KeyCode::Comma) {
        Some(ReplayInput::Back)
    } else if pressed(KeyCode::Period) {
        Some(ReplayInput::Forward)
    } else if pressed(KeyCode::KeyP) {
        Some(ReplayInput::Play)
    } else {
        None
    };
    input.write_batch(asked);
}

/// Show position `k` of the replay.
fn goto(
    m: &mut Match,
    turn: &mut EnemyTurn,
    k: usize,
    out: &mut MessageWriter<GameEvents>,
    centre: &mut MessageWriter<CentreOn>,
    log: &mut EventLog,
) {
    let k = k.min(turn.steps.len());
    let state = match k {
        0 => turn.start.clone(),
        _ => Some(turn.steps[k - 1].shown.clone()),
    };
    let Some(state) = state else { return };
    m.show_past(state);
    let forward = turn.at.checked_add(1) == Some(k);
    turn.at = k;
    match k.checked_sub(1).map(|i| (&turn.steps[i], &turn.marks[i])) {
        Some((step, lines)) => {
            out.write(GameEvents(if forward {
                step.events.clone()
            } else {
                vec![Event::Undone]
            }));
            if let Some(at) = step.at {
                centre.write(CentreOn(at));
            }
            log.highlight = Some(lines.clone());
        }
        None => {
            out.write(GameEvents(vec![Event::Undone]));
            log.highlight = None;
        }
    }
}

/// Carry out the replay's inputs and its play timer.
#[allow(clippy::too_many_arguments)]
fn step_replay(
    mut game: ResMut<Match>,
    mut turn: ResMut<EnemyTurn>,
    mut input: MessageReader<ReplayInput>,
    time: Res<Time>,
    mut out: MessageWriter<GameEvents>,
    mut centre: MessageWriter<CentreOn>,
    mut log: ResMut<EventLog>,
) {
    let turn = &mut *turn;
    if turn.open && game.game.log().len() != turn.game_len {
        // A command was executed: the present is shown again already.
        turn.open = false;
        turn.playing = false;
        log.highlight = None;
    }
    let mut asked: Vec<ReplayInput> = input.read().copied().collect();
    if turn.open && turn.playing {
        turn.timer -= time.delta_secs();
        if turn.timer <= 0.0 {
            turn.timer = PLAY_STEP;
            asked.push(ReplayInput::Forward);
        }
    }
    for a in asked {
        if turn.steps.is_empty() || turn.recording {
            break;
        }
        let m = &mut *game;
        match a {
            ReplayInput::Open => {
                turn.open = true;
                turn.playing = true;
                turn.timer = PLAY_STEP;
                turn.at = usize::MAX;
                goto(m, turn, 0, &mut out, &mut centre, &mut log);
            }
            _ if !turn.open => {}
            ReplayInput::Back => {
                let k = turn.at.saturating_sub(1);
                turn.playing = false;
                goto(m, turn, k, &mut out, &mut centre, &mut log);
            }
            ReplayInput::Forward if turn.at < turn.steps.len() => {
                let k = turn.at + 1;
                goto(m, turn, k, &mut out, &mut centre, &mut log);
                turn.playing &= turn.at < turn.steps.len();
            }
            ReplayInput::Forward => turn.playing = false,
            ReplayInput::Play => {
                turn.playing = !turn.playing;
                turn.timer = 0.0;
                if turn.at >= turn.steps.len() {
                    turn.at = usize::MAX;
                    goto(m, turn, 0, &mut out, &mut centre, &mut log);
                }
            }
            ReplayInput::Close => {
                turn.open = false;
                turn.playing = false;
                let _ = m.refresh();
                out.write(GameEvents(vec![Event::Undone]));
                log.highlight = None;
            }
        }
    }
}

/// The replay bar: an offer after the computer's turn, the transport while
/// open.
fn replay_bar(
    mut contexts: EguiContexts,
    turn: Res<EnemyTurn>,
    mut input: MessageWriter<ReplayInput>,
) -> Result {
    if turn.steps.is_empty() || turn.recording {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let n = turn.steps.len();
    egui::Area::new("enemy_turn".into())
        .anchor(
            Align2::RIGHT_BOTTOM,
            [-(super::panels::SIDE_WIDTH + 30.0), -6.0],
        )
        .show(ctx, |ui| {
            super::panels::frame().show(ui, |ui| {
                ui.set_max_width(380.0);
                let gold = Color32::from_rgb(235, 205, 120);
                if !turn.open {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(format!(
                            "Enemy turn: {n} command{} in sight",
                            if n == 1 { "" } else { "s" }
                        )));
                        if ui.button("▶ Replay (R)").clicked() {
                            input.write(ReplayInput::Open);
                        }
                    });
                    return;
                }
                ui.horizontal(|ui| {
                    ui.label(RichText::new("⟲ ENEMY TURN, AS SEEN").strong().color(gold));
                    ui.label(format!("step {} / {n}", turn.at.min(n)));
                });
                if let Some(step) = turn.at.checked_sub(1).and_then(|i| turn.steps.get(i)) {
                    for line in step.lines.iter().take(4) {
                        ui.label(RichText::new(line).size(12.5));
                    }
                } else {
                    ui.label(RichText::new("the start of the enemy turn").size(12.5));
                }
                ui.horizontal(|ui| {
                    let mut button = |label: &str, hint: &str, what: ReplayInput| {
                        if ui.button(label).on_hover_text(hint).clicked() {
                            input.write(what);
                        }
                    };
                    button("◀", "back one step (,)", ReplayInput::Back);
                    let play = if turn.playing { "Pause" } else { "Play" };
                    button(play, "play / pause (P)", ReplayInput::Play);
                    button("▶", "forward one step (.)", ReplayInput::Forward);
                    button(
                        "✖ back to now",
                        "close the replay (Esc)",
                        ReplayInput::Close,
                    );
                });
            });
        });
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    let playing = in_state(Screen::Playing).and_then(resource_exists::<Match>);
    app.init_resource::<EnemyTurn>()
        .add_message::<ReplayInput>()
        .add_systems(
            Update,
            (
                replay_keys.in_set(GameSet::Input),
                step_replay
                    .in_set(GameSet::Apply)
                    .after(super::session::apply_requests),
                record.in_set(GameSet::View),
            )
                .run_if(playing.clone()),
        )
        .add_systems(EguiPrimaryContextPass, replay_bar.run_if(playing));
}
