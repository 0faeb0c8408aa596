//! The replay viewer: `landfall play --replay FILE` steps forward and
//! backward through a recorded game (a `simulate --record` file or a save).
//!
//! The file's commands are kept; the game shown is always rebuilt by
//! re-executing the first N of them through `Game::execute` — the one path
//! play uses — so the viewer can show nothing the rules would not produce.
//! Forward steps execute the next commands on the current game; a step back
//! rebuilds from the start (a Sicily command costs ~50 µs, so even a long
//! campaign rebuilds within a frame or two, and no snapshots are needed).
//!
//! Keys (and the transport bar): Right / Left one command, PageDown / PageUp
//! one phase, Home / End the first / last command. They write
//! `CommandRequest::Seek`; `session::apply_requests` calls [`seek`]. Every
//! other request (moves, undo, save, load) is refused in viewer mode, and the
//! computer opponent stays idle. No fog: the viewer shows both sides.

use super::session::{CommandRequest, EventLog, GameEvents, Match};
use super::{text, GameSet, Screen};
use crate::command::{phase_name, Command};
use crate::replay::Replay;
use crate::sim::Game;
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The recorded game being watched.
#[derive(Debug, Clone)]
pub struct Track {
    /// The file it came from.
    pub path: PathBuf,
    /// Its commands, seed and hashes.
    pub replay: Replay,
    /// How many of its commands the shown game has executed.
    pub at: usize,
}

impl Track {
    /// Number of commands recorded.
    #[must_use]
    pub fn len(&self) -> usize {
        self.replay.commands.len()
    }

    /// Is the recording empty?
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.replay.commands.is_empty()
    }
}

/// Command indices where a phase starts: 0 and after every `EndPhase`.
#[must_use]
pub fn phase_starts(commands: &[Command]) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            commands
                .iter()
                .enumerate()
                .filter(|(_, c)| **c == Command::EndPhase)
                .map(|(i, _)| i + 1),
        )
        .collect()
}

/// Where PageDown goes from `at`: the start of the next phase (or the end).
#[must_use]
pub fn next_phase(commands: &[Command], at: usize) -> usize {
    phase_starts(commands)
        .into_iter()
        .find(|&s| s > at)
        .unwrap_or(commands.len())
        .min(commands.len())
}

/// Where PageUp goes from `at`: the start of the phase before (or 0).
#[must_use]
pub fn previous_phase(commands: &[Command], at: usize) -> usize {
    phase_starts(commands)
        .into_iter()
        .rev()
        .find(|&s| s < at)
        .unwrap_or(0)
}

/// Open `path` in the viewer on `m` (whose scenario it must match, checked
/// by re-running it once), showing the game before its first command.
pub fn open(m: &mut Match, path: &Path, log: &mut EventLog) -> Result<(), String> {
    let replay = crate::replay::load(path).map_err(|e| e.to_string())?;
    let verified = crate::replay::verify(m.scenario(), &replay).map_err(|e| e.to_string())?;
    log.push(format!(
        "replay {}: {} commands, {} phases ended, verified",
        path.display(),
        verified.commands,
        verified.checkpoints
    ));
    // A campaign leg's replay runs on its scenario with the carry-over.
    let game = Game::new(Arc::clone(verified.game.scenario()), replay.seed);
    m.track = Some(Track {
        path: path.to_path_buf(),
        replay,
        at: 0,
    });
    m.set_game(game);
    Ok(())
}

/// Lines of the log kept when the viewer jumps (the last commands' events).
const JUMP_LOG_COMMANDS: usize = 30;

/// Show the recorded game after its first `to` commands and tell the view
/// systems (`session::apply_requests` calls this for `Seek`).
pub fn seek(m: &mut Match, to: usize, log: &mut EventLog, out: &mut MessageWriter<GameEvents>) {
    out.write(GameEvents(advance(m, to, log)));
}

/// Re-execute the recorded commands so that the shown game is the one after
/// the first `to` of them; returns the events to animate (one step forward:
/// its events; a jump: just `Undone`, which redraws without slides).
pub fn advance(m: &mut Match, to: usize, log: &mut EventLog) -> Vec<crate::command::Event> {
    let Some(track) = m.track.take() else {
        return Vec::new();
    };
    let to = to.min(track.len());
    let mut from = track.at;
    // A jump (anything but one step forward) shows no slides, and the log
    // restarts with the last few commands' events.
    let jump = to != from + 1;
    if jump {
        *log = EventLog::default();
    }
    if to < from {
        m.game = Game::new(Arc::clone(m.scenario()), track.replay.seed);
        from = 0;
    }
    let mut all = Vec::new();
    let mut reached = from;
    for i in from..to {
        match m.game.execute(track.replay.commands[i].clone()) {
            Ok(events) => {
                if i + JUMP_LOG_COMMANDS >= to {
                    let view = m.game.view();
                    for e in &events {
                        if let Some(line) = text::event_line(&view, e) {
                            log.push(line);
                        }
                    }
                }
                all.extend(events);
                reached = i + 1;
            }
            Err(r) => {
                log.rejection = Some(format!("replay diverged at command {i}: {}", r.reason));
                break;
            }
        }
    }
    m.track = Some(Track {
        at: reached,
        ..track
    });
    m.refresh();
    if jump {
        all = vec![crate::command::Event::Undone];
    }
    all
}

/// Keys of the viewer, as seek requests.
fn viewer_keys(
    keys: Res<ButtonInput<KeyCode>>,
    game: Res<Match>,
    mut requests: MessageWriter<CommandRequest>,
) {
    let Some(track) = game.track.as_ref().filter(|t| !t.is_empty()) else {
        return;
    };
    let cmds = &track.replay.commands;
    let at = track.at;
    let target = if keys.just_pressed(KeyCode::ArrowRight) {
        Some(at + 1)
    } else if keys.just_pressed(KeyCode::ArrowLeft) {
        Some(at.saturating_sub(1))
    } else if keys.just_pressed(KeyCode::PageDown) {
        Some(next_phase(cmds, at))
    } else if keys.just_pressed(KeyCode::PageUp) {
        Some(previous_phase(cmds, at))
    } else if keys.just_pressed(KeyCode::Home) {
        Some(0)
    } else if keys.just_pressed(KeyCode::End) {
        Some(track.len())
    } else {
        None
    };
    if let Some(t) = target.filter(|&t| t != at) {
        requests.write(CommandRequest::Seek(t));
    }
}

/// The transport bar: position, turn and phase, buttons and a slider.
fn transport_bar(
    mut contexts: EguiContexts,
    game: Res<Match>,
    mut requests: MessageWriter<CommandRequest>,
) -> Result {
    let Some(track) = &game.track else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let cmds = &track.replay.commands;
    let at = track.at;
    let s = game.scenario();
    egui::Area::new("transport".into())
        .anchor(
            Align2::RIGHT_BOTTOM,
            [-(super::panels::SIDE_WIDTH + 30.0), -6.0],
        )
        .show(ctx, |ui| {
            super::panels::frame().show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new("▶ REPLAY")
                            .strong()
                            .color(Color32::from_rgb(235, 205, 120)),
                    );
                    ui.label(format!(
                        "Turn {} — {}",
                        game.game.state().turn,
                        phase_name(game.game.phase())
                    ));
                    ui.separator();
                    ui.label(format!("command {at} / {}", track.len()));
                });
                ui.horizontal(|ui| {
                    let mut go = |ui: &mut egui::Ui, label: &str, hint: &str, to: usize| {
                        if ui
                            .add_enabled(to != at, egui::Button::new(label))
                            .on_hover_text(hint)
                            .clicked()
                        {
                            requests.write(CommandRequest::Seek(to));
                        }
                    };
                    go(ui, "⏮", "first (Home)", 0);
                    go(
                        ui,
                        "⏪",
                        "previous phase (PageUp)",
                        previous_phase(cmds, at),
                    );
                    go(ui, "◀", "back one command (Left)", at.saturating_sub(1));
                    go(
                        ui,
                        "▶",
                        "forward one command (Right)",
                        (at + 1).min(track.len()),
                    );
                    go(ui, "⏩", "next phase (PageDown)", next_phase(cmds, at));
                    go(ui, "⏭", "last (End)", track.len());
                    let mut pos = at;
                    if ui
                        .add(egui::Slider::new(&mut pos, 0..=track.len()).show_value(false))
                        .changed()
                    {
                        requests.write(CommandRequest::Seek(pos));
                    }
                });
                let next = cmds.get(at).map_or_else(
                    || "end of the recording".to_string(),
                    |c| format!("next: {}", describe(&game, c)),
                );
                ui.label(
                    RichText::new(next)
                        .size(12.0)
                        .color(Color32::from_gray(190)),
                );
                ui.label(
                    RichText::new(format!(
                        "{} · seed {} · {}",
                        s.name,
                        track.replay.seed,
                        track.path.display()
                    ))
                    .size(11.0)
                    .color(Color32::from_gray(150)),
                );
            });
        });
    Ok(())
}

/// A short description of a recorded command.
fn describe(m: &Match, c: &Command) -> String {
    let view = m.game.view();
    match c {
        Command::Move { unit, path } => format!(
            "{} moves to {}",
            view.name(*unit),
            path.last().map_or_else(String::new, ToString::to_string)
        ),
        Command::Attack {
            attackers, target, ..
        } => format!("{} unit(s) attack {target}", attackers.len()),
        Command::Evacuate { unit } => format!("{} evacuates", view.name(*unit)),
        Command::EndPhase => "end of phase".into(),
        Command::Demolish { unit, from, to } => {
            format!("{} blows the crossing {from}–{to}", view.name(*unit))
        }
        Command::Repair { unit, from, to } => {
            format!("{} repairs the crossing {from}–{to}", view.name(*unit))
        }
        Command::Embark { unit, .. } => format!("{} embarks", view.name(*unit)),
        Command::AllotGunfire { beach, points } => format!(
            "{points} naval gunfire points for the landings over {}",
            m.scenario()
                .map
                .beaches
                .get(*beach as usize)
                .map_or("?", |b| b.name.as_str())
        ),
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        viewer_keys
            .in_set(GameSet::Request)
            .run_if(in_state(Screen::Playing).and_then(resource_exists::<Match>)),
    )
    .add_systems(
        EguiPrimaryContextPass,
        transport_bar.run_if(in_state(Screen::Playing).and_then(resource_exists::<Match>)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmds() -> Vec<Command> {
        let mv = Command::Evacuate { unit: 0 };
        vec![
            mv.clone(),
            Command::EndPhase,
            mv.clone(),
            mv,
            Command::EndPhase,
            Command::EndPhase,
        ]
    }

    use crate::hex::OffsetCoord;
    use crate::play::PlaySide;
    use crate::scenario::builder::TestScenario;
    use crate::scenario::{PhaseSpec, Side};

    #[test]
    fn stepping_back_and_forth_rebuilds_the_recorded_states() {
        let t = TestScenario::new(&["cccccc", "cccccc"])
            .unit("us", Side::Allied, "infantry", (0, 0))
            .unit("de", Side::Axis, "infantry", (5, 1))
            .phases(vec![
                PhaseSpec::Movement(Side::Allied),
                PhaseSpec::Movement(Side::Axis),
                PhaseSpec::EndTurn,
            ])
            .build();
        let mut g = Game::new(Arc::clone(&t.scenario), 3);
        let us = t.scenario.unit_id("us").unwrap();
        for c in [
            Command::Move {
                unit: us,
                path: vec![OffsetCoord(1, 0)],
            },
            Command::Move {
                unit: us,
                path: vec![OffsetCoord(2, 0)],
            },
            Command::EndPhase,
            Command::EndPhase,
        ] {
            g.execute(c).unwrap();
        }
        let replay = crate::replay::record(&g);
        let dir = std::env::temp_dir().join(format!("landfall-viewer-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("r.ron");
        crate::replay::save(&path, &replay).unwrap();
        let mut m = Match::new(
            Arc::clone(&t.scenario),
            PlaySide::Allied,
            "normal".into(),
            1,
        );
        let mut log = EventLog::default();
        open(&mut m, &path, &mut log).unwrap();
        assert_eq!(m.track.as_ref().map(|t| t.at), Some(0));
        assert_eq!(m.game.hash(), replay.initial_hash);
        assert!(!m.human_to_act());
        assert_eq!(m.fog(), None);
        // One step forward: that command's events, animated.
        let ev = advance(&mut m, 1, &mut log);
        assert!(matches!(ev[0], crate::command::Event::Moved { .. }));
        assert_eq!(m.game.hash(), replay.hashes[0]);
        // Jump to the end, then back to 2 and to 0: the recorded hashes.
        assert_eq!(
            advance(&mut m, 99, &mut log),
            vec![crate::command::Event::Undone]
        );
        assert_eq!(m.track.as_ref().map(|t| t.at), Some(4));
        assert_eq!(m.game.hash(), replay.hashes[3]);
        advance(&mut m, 2, &mut log);
        assert_eq!(m.game.hash(), replay.hashes[1]);
        assert_eq!(m.shown().unit(us).at, Some(OffsetCoord(2, 0)));
        advance(&mut m, 0, &mut log);
        assert_eq!(m.game.hash(), replay.initial_hash);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn phases_start_after_each_end_phase() {
        assert_eq!(phase_starts(&cmds()), vec![0, 2, 5, 6]);
        assert_eq!(next_phase(&cmds(), 0), 2);
        assert_eq!(next_phase(&cmds(), 3), 5);
        assert_eq!(next_phase(&cmds(), 6), 6);
        assert_eq!(previous_phase(&cmds(), 3), 2);
        assert_eq!(previous_phase(&cmds(), 2), 0);
        assert_eq!(previous_phase(&cmds(), 0), 0);
    }
}
