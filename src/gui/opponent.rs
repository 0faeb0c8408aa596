//! The computer opponent in the window: when the acting side is not played
//! by a person, the computer thinks on its own thread (`thinking.rs`) while
//! the map stays free to pan and zoom, with a progress bar counted in phases
//! and units. The commands it planned come back phase by phase and go down
//! the same `CommandRequest` path as a click, one at a time with a short
//! pause so the player can follow them (Space/Enter skips the pauses). Each
//! executed command's state hash is checked against the plan's.

use super::session::{CommandRequest, EventLog, Match};
use super::thinking::{self, Progress, Report};
use super::{GameSet, Screen};
use crate::command::Command;
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use std::collections::VecDeque;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::Mutex;

/// Is a computer opponent built in? Without one every side is played by hand.
pub const AVAILABLE: bool = true;

/// Pause between two computer commands, in seconds.
const PAUSE: f32 = 0.45;

/// One turn of the computer's: its thread and the commands it planned.
struct Job {
    /// Reports from the thread (a `Mutex` only to make the resource `Sync`).
    reports: Mutex<Receiver<Report>>,
    /// Commands planned and not yet executed, with the hash expected after.
    queue: VecDeque<(Command, String)>,
    /// The last report of progress.
    progress: Progress,
    /// The log length and hash the last command sent must produce.
    sent: Option<(usize, String)>,
    /// Commands executed from this plan.
    executed: usize,
    /// The thread has finished.
    done: bool,
    /// The real game left the plan (undo, a refusal, a hash mismatch).
    stale: bool,
}

/// The computer's turn in progress.
#[derive(Resource, Default)]
struct Thinking {
    /// Time until the next command.
    wait: f32,
    /// The AI, made for the match's difficulty when the match starts; away
    /// on the thread while it thinks.
    ai: Option<crate::ai::Ai>,
    /// The thread's work, while the computer acts.
    job: Option<Job>,
}

/// The AI for a difficulty level (the default level if the name is empty or unknown).
fn make_ai(difficulty: &str) -> Option<crate::ai::Ai> {
    let levels = crate::ai::AiLevels::builtin();
    let params = levels
        .get(Some(difficulty))
        .or_else(|_| levels.get(None))
        .ok()?;
    Some(crate::ai::Ai::new(params.clone()))
}

/// Does the computer act now?
fn computer_to_act(m: &Match) -> bool {
    !m.game.is_over() && m.acting().is_some() && !m.human_to_act() && m.track.is_none()
}

/// Read what the thread reported; an AI coming back goes home to `ai`.
fn read_reports(job: &mut Job, ai: &mut Option<crate::ai::Ai>, log: &mut EventLog) {
    let Ok(rx) = job.reports.lock() else {
        job.done = true;
        return;
    };
    loop {
        match rx.try_recv() {
            Ok(Report::Progress(p)) => job.progress = p,
            // A stale plan's later phases no longer fit the game.
            Ok(Report::Phase(commands)) if !job.stale => job.queue.extend(commands),
            Ok(Report::Phase(_)) => {}
            Ok(Report::Done(back, why)) => {
                *ai = Some(*back);
                job.done = true;
                if let Some(why) = why {
                    log.push(format!("✖ the computer cannot plan: {why}"));
                }
            }
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => {
                job.done = true;
                return;
            }
        }
    }
}

fn play_computer_side(
    game: Res<Match>,
    time: Res<Time>,
    keys: Res<ButtonInput<KeyCode>>,
    mut thinking: ResMut<Thinking>,
    (mut log, scripted): (ResMut<EventLog>, Res<super::script::Runner>),
    mut requests: MessageWriter<CommandRequest>,
) {
    if game.is_added() {
        // A new match: any thread still thinking about the old one is
        // dropped (it stops when it finds its receiver gone).
        *thinking = Thinking {
            ai: make_ai(&game.difficulty),
            ..default()
        };
    }
    let t = &mut *thinking;
    if let Some(job) = t.job.as_mut() {
        read_reports(job, &mut t.ai, &mut log);
        // The command sent last frame has been executed by now: the real
        // game must be where the plan said.
        if let Some((len, hash)) = job.sent.take() {
            let log_now = game.game.log();
            if log_now.len() != len || log_now.last().map(|e| &e.hash) != Some(&hash) {
                if !job.stale {
                    log.push("✖ the game left the computer's plan; it thinks again".into());
                }
                job.stale = true;
                job.queue.clear();
            }
        }
    }
    let acts = computer_to_act(&game);
    let Some(job) = t.job.as_mut() else {
        if acts {
            start_job(t, &game);
        }
        return;
    };
    if job.queue.is_empty() || !acts {
        if job.done || !acts {
            let finished = t.job.take();
            // A plan that executed nothing while the computer still acts
            // (no AI, no thread): the computer ends the phase.
            if acts && finished.is_some_and(|j| j.executed == 0 && !j.stale) {
                requests.write(CommandRequest::Execute(Command::EndPhase));
            }
        }
        return;
    }
    // A script (screenshots, CI) does not wait for eyes to follow.
    let skip = keys.any_pressed([KeyCode::Space, KeyCode::Enter]) || scripted.active();
    t.wait -= time.delta_secs();
    if t.wait > 0.0 && !skip {
        return;
    }
    t.wait = PAUSE;
    if let Some((cmd, hash)) = job.queue.pop_front() {
        job.sent = Some((game.game.log().len() + 1, hash));
        job.executed += 1;
        requests.write(CommandRequest::Execute(cmd));
    }
}

/// Send the AI to think about the match as it stands.
fn start_job(t: &mut Thinking, m: &Match) {
    let Some(ai) = t.ai.take() else {
        t.job = Some(Job::idle());
        return;
    };
    let commands = m.game.log().iter().map(|e| e.command.clone()).collect();
    let rx = thinking::start(
        std::sync::Arc::clone(m.scenario()),
        m.game.seed(),
        commands,
        m.humans,
        ai,
    );
    t.job = Some(Job {
        reports: Mutex::new(rx),
        ..Job::idle()
    });
    t.wait = 0.0;
}

impl Job {
    /// A job with no thread behind it (finished at once).
    fn idle() -> Self {
        let (_, rx) = std::sync::mpsc::channel();
        Self {
            reports: Mutex::new(rx),
            queue: VecDeque::new(),
            progress: Progress::default(),
            sent: None,
            executed: 0,
            done: false,
            stale: false,
        }
    }
}

/// The progress bar while the computer thinks or plays out its plan.
fn progress_panel(mut contexts: EguiContexts, game: Res<Match>, thinking: Res<Thinking>) -> Result {
    let Some(job) = thinking.job.as_ref() else {
        return Ok(());
    };
    let side = game
        .acting()
        .map_or_else(|| "Computer".to_string(), |s| s.to_string());
    let ctx = contexts.ctx_mut()?;
    let p = job.progress;
    egui::Area::new("computer_thinking".into())
        .anchor(Align2::CENTER_TOP, [0.0, 48.0])
        .show(ctx, |ui| {
            super::panels::frame().show(ui, |ui| {
                ui.set_width(300.0);
                let heading = if job.done {
                    format!(
                        "{side}: all {} phases planned · {} commands to show",
                        p.phases,
                        job.queue.len()
                    )
                } else {
                    format!(
                        "{side} thinking — phase {} of {} · {}/{} units · {} to show",
                        p.phase.max(1),
                        p.phases.max(1),
                        p.planned.min(p.units),
                        p.units,
                        job.queue.len()
                    )
                };
                ui.label(
                    RichText::new(heading)
                        .strong()
                        .color(Color32::from_rgb(235, 205, 120)),
                );
                let share = if job.done { 1.0 } else { p.fraction() };
                ui.add(egui::ProgressBar::new(share).desired_width(290.0));
                ui.label(
                    RichText::new("the map pans and zooms meanwhile · Space: faster")
                        .size(11.0)
                        .color(Color32::from_gray(180)),
                );
            });
        });
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Thinking>()
        .add_systems(
            Update,
            play_computer_side
                .in_set(GameSet::Request)
                .run_if(in_state(Screen::Playing).and_then(resource_exists::<Match>)),
        )
        .add_systems(
            EguiPrimaryContextPass,
            progress_panel.run_if(in_state(Screen::Playing).and_then(resource_exists::<Match>)),
        );
}
