//! The game being played and the one path that changes it.
//!
//! Input, panels, the script runner and the computer opponent only *ask* for
//! changes by writing a [`CommandRequest`]. [`apply_requests`] is the single
//! system that calls `Game::execute` / `Game::undo`; it publishes what
//! happened as a [`GameEvents`] message for the view systems (counters,
//! animation, log) and records rejections for the status line.

use super::text;
use crate::cli::play::PlaySide;
use crate::command::{acting_side, Event};
use crate::scenario::{Scenario, Side};
use crate::sim::Game;
use bevy::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

/// What the start screen (or the command line) chose.
#[derive(Resource, Debug, Clone)]
pub struct Setup {
    /// Scenario directory or file.
    pub scenario: Option<PathBuf>,
    /// Who plays by hand.
    pub side: PlaySide,
    /// Computer opponent's difficulty.
    pub difficulty: String,
    /// A saved game or replay to resume from (`--load`, `--replay`).
    pub resume: Option<PathBuf>,
}

/// The running game.
#[derive(Resource)]
pub struct Match {
    /// The engine's game.
    pub game: Game,
    /// Which sides a person plays (`[allied, axis]`).
    pub humans: [bool; 2],
    /// Opponent difficulty, as chosen.
    pub difficulty: String,
}

impl Match {
    /// Start `scenario` for `side`.
    #[must_use]
    pub fn new(scenario: Arc<Scenario>, side: PlaySide, difficulty: String) -> Self {
        let seed = scenario.seed;
        let humans = match side {
            _ if !super::opponent::AVAILABLE => [true, true],
            PlaySide::Allied => [true, false],
            PlaySide::Axis => [false, true],
            PlaySide::Both => [true, true],
        };
        Self {
            game: Game::new(scenario, seed),
            humans,
            difficulty,
        }
    }

    /// The scenario.
    #[must_use]
    pub fn scenario(&self) -> &Arc<Scenario> {
        self.game.scenario()
    }

    /// The side acting in the current phase, if any.
    #[must_use]
    pub fn acting(&self) -> Option<Side> {
        acting_side(self.game.phase())
    }

    /// Is it a person's turn to give commands?
    #[must_use]
    pub fn human_to_act(&self) -> bool {
        self.acting().is_some_and(|s| self.humans[s.index()])
    }
}

/// A request to change the game, from any input source.
#[derive(Message, Debug, Clone)]
pub enum CommandRequest {
    /// Validate and execute a command.
    Execute(crate::command::Command),
    /// Take back the last command.
    Undo,
    /// Save the game (its command log) to a file.
    Save(PathBuf),
    /// Replace the game with one loaded (and re-verified) from a save file.
    Load(PathBuf),
}

/// What the last executed request caused (sent after every success).
#[derive(Message, Debug, Clone)]
pub struct GameEvents(pub Vec<Event>);

/// The scrolling event log shown to the player, newest last.
#[derive(Resource, Debug, Default)]
pub struct EventLog {
    /// Lines, oldest first.
    pub lines: Vec<String>,
    /// Why the last request was refused (cleared by the next success).
    pub rejection: Option<String>,
}

impl EventLog {
    /// Add a line, keeping the log bounded.
    pub fn push(&mut self, line: String) {
        self.lines.push(line);
        if self.lines.len() > 500 {
            self.lines.drain(..100);
        }
    }
}

/// The one system that executes commands and undo.
pub fn apply_requests(
    mut requests: MessageReader<CommandRequest>,
    mut game: Option<ResMut<Match>>,
    mut log: ResMut<EventLog>,
    mut out: MessageWriter<GameEvents>,
) {
    let Some(m) = game.as_deref_mut() else {
        requests.clear();
        return;
    };
    for request in requests.read() {
        let result = match request {
            CommandRequest::Execute(cmd) => m.game.execute(cmd.clone()),
            CommandRequest::Undo => m.game.undo(),
            CommandRequest::Save(path) => {
                let saved = save(&m.game, path);
                log.push(saved.clone().unwrap_or_else(|e| format!("✖ {e}")));
                log.rejection = saved.err();
                continue;
            }
            CommandRequest::Load(path) => match crate::replay::load_game(path, m.scenario()) {
                Ok(game) => {
                    m.game = game;
                    log.push(format!(
                        "loaded {} ({} commands replayed)",
                        path.display(),
                        m.game.log().len()
                    ));
                    Ok(vec![Event::Undone])
                }
                Err(e) => {
                    log.push(format!("✖ cannot load {}: {e}", path.display()));
                    log.rejection = Some(format!("cannot load {}: {e}", path.display()));
                    continue;
                }
            },
        };
        match result {
            Ok(events) => {
                log.rejection = None;
                let view = m.game.view();
                for e in &events {
                    if let Some(line) = text::event_line(&view, e) {
                        log.push(line);
                    }
                }
                out.write(GameEvents(events));
            }
            Err(rejection) => {
                log.push(format!("✖ {}", rejection.reason));
                log.rejection = Some(rejection.reason);
            }
        }
    }
}

/// Write the game's command log as a replay file.
fn save(game: &Game, path: &std::path::Path) -> Result<String, String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    crate::replay::save(path, &crate::replay::record(game)).map_err(|e| e.to_string())?;
    Ok(format!("saved to {}", path.display()))
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<CommandRequest>()
        .add_message::<GameEvents>()
        .init_resource::<EventLog>()
        .add_systems(Update, apply_requests.in_set(super::GameSet::Apply));
}
