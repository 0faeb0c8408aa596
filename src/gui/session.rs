//! The game being played and the one path that changes it.
//!
//! Input, panels, the script runner and the computer opponent only *ask* for
//! changes by writing a [`CommandRequest`]. [`apply_requests`] is the single
//! system that calls `Game::execute` / `Game::undo`; it publishes what
//! happened as a [`GameEvents`] message for the view systems (counters,
//! animation, log) and records rejections for the status line.

use crate::command::{acting_side, Event};
use crate::play::PlaySide;
use crate::replay::autosave::{self, Autosaver};
use crate::rules::GameView;
use crate::scenario::{Scenario, Side};
use crate::sim::state::State;
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
    /// A saved game to resume from (`--load`).
    pub resume: Option<PathBuf>,
    /// A replay or save to watch in the replay viewer (`--replay`).
    pub replay: Option<PathBuf>,
    /// The match seed (`--seed`); `None`: a fresh one per match.
    pub seed: Option<u64>,
    /// Ironman: no loading during the match; it saves itself and resumes.
    pub ironman: bool,
    /// The guided first game (`super::tutorial`).
    pub tutorial: bool,
    /// A scenario to start as it is instead of loading `scenario`: a
    /// campaign leg with its carry-over applied (`crate::campaign`).
    pub prepared: Option<Arc<Scenario>>,
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
    /// What the window shows: the real state, or the side's fogged one
    /// (`super::fog`). Recomputed by [`Match::refresh`] after every change.
    shown: State,
    /// The side whose fog of war applies (`None`: everything is shown).
    fog: Option<Side>,
    /// Replay viewer mode: the recorded game being watched (no input plays).
    pub track: Option<super::viewer::Track>,
    /// Ironman: no loading; the match is kept in its ironman file.
    pub ironman: bool,
    /// Saves the game after every command (`replay::autosave`).
    autosaver: Autosaver,
    /// Where the autosaves and the ironman file are kept.
    save_dir: PathBuf,
}

impl Match {
    /// Start `scenario` for `side` with match seed `seed`
    /// (`crate::play::match_seed`). An empty `difficulty` (none chosen)
    /// takes the scenario's `ai` level, else the default level.
    #[must_use]
    pub fn new(scenario: Arc<Scenario>, side: PlaySide, difficulty: String, seed: u64) -> Self {
        let difficulty = if difficulty.is_empty() {
            scenario.ai.clone().unwrap_or_default()
        } else {
            difficulty
        };
        let humans = match side {
            _ if !super::opponent::AVAILABLE => [true, true],
            PlaySide::Allied => [true, false],
            PlaySide::Axis => [false, true],
            PlaySide::Both => [true, true],
        };
        let game = Game::new(scenario, seed);
        let shown = game.state().clone();
        let mut m = Self {
            game,
            humans,
            difficulty,
            shown,
            fog: None,
            track: None,
            ironman: false,
            autosaver: Autosaver::new(crate::play::autosave_dir(), autosave::DEFAULT_KEEP),
            save_dir: crate::play::autosave_dir(),
        };
        m.refresh();
        m
    }

    /// Keep the autosaves and the ironman file in `dir` instead of
    /// `crate::play::autosave_dir()` (tests keep theirs apart).
    #[cfg(test)]
    pub fn keep_saves_in(&mut self, dir: PathBuf) {
        self.autosaver = Autosaver::new(dir.clone(), autosave::DEFAULT_KEEP);
        self.save_dir = dir;
    }

    /// The ironman file of this match's scenario.
    #[must_use]
    pub fn ironman_file(&self) -> PathBuf {
        autosave::ironman_path(&self.save_dir, &self.scenario().id)
    }

    /// Replace the game (load, replay viewer) and refresh what is shown.
    pub fn set_game(&mut self, game: Game) {
        self.game = game;
        self.refresh();
    }

    /// Recompute the shown state after the game changed; returns the state
    /// shown before (to decide which events the player saw).
    pub fn refresh(&mut self) -> State {
        self.fog = super::fog::fog_side(self);
        let shown = match self.fog {
            Some(side) => {
                crate::rules::fog::visible_state(self.game.scenario(), self.game.state(), side)
            }
            None => self.game.state().clone(),
        };
        std::mem::replace(&mut self.shown, shown)
    }

    /// Show `state` in place of the present: the enemy-turn replay
    /// (`super::enemy_turn`) shows what the side saw earlier in the turn.
    /// [`Match::refresh`] brings the present back; the game is not touched.
    pub fn show_past(&mut self, state: State) {
        self.shown = state;
    }

    /// The state as the window may show it (fogged for the human side).
    #[must_use]
    pub fn shown(&self) -> &State {
        &self.shown
    }

    /// A rules view over the shown state: what every view system reads.
    #[must_use]
    pub fn view(&self) -> GameView<'_> {
        GameView::new(self.game.scenario(), &self.shown)
    }

    /// The side whose fog of war is drawn, if any.
    #[must_use]
    pub fn fog(&self) -> Option<Side> {
        self.fog
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

    /// Keep the game saved after a command: in its ironman file, else in
    /// the autosaves (written atomically either way). A finished ironman
    /// match's file is removed, so the next ironman match starts afresh.
    pub fn keep_saved(&mut self) -> Result<(), String> {
        if self.track.is_some() {
            return Ok(());
        }
        if !self.ironman {
            return self
                .autosaver
                .after_command(&self.game)
                .map(|_| ())
                .map_err(|e| format!("autosave failed: {e}"));
        }
        let path = self.ironman_file();
        if self.game.is_over() {
            let _ = std::fs::remove_file(&path);
            return Ok(());
        }
        save(&self.game, &path).map(|_| ())
    }

    /// Is it a person's turn to give commands?
    #[must_use]
    pub fn human_to_act(&self) -> bool {
        self.track.is_none() && self.acting().is_some_and(|s| self.humans[s.index()])
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
    /// Replay viewer: show the recorded game after its first N commands.
    Seek(usize),
}

/// What the last executed request caused (sent after every success).
#[derive(Message, Debug, Clone)]
pub struct GameEvents(pub Vec<Event>);

/// The scrolling event log shown to the player, newest last.
#[derive(Resource, Debug, Default)]
pub struct EventLog {
    /// Lines, oldest first.
    pub lines: Vec<String>,
    /// The hex each line is about, where clicking it centres the map
    /// (combat results), in step with `lines`.
    pub at: Vec<Option<crate::hex::OffsetCoord>>,
    /// Why the last request was refused (cleared by the next success).
    pub rejection: Option<String>,
    /// Events about enemy units out of sight since the last line.
    pub unseen: usize,
    /// Lines drawn highlighted (the enemy-turn replay's current step).
    pub highlight: Option<std::ops::Range<usize>>,
}

impl EventLog {
    /// Add a line, keeping the log bounded; first summarise the events
    /// hidden by fog since the last line.
    pub fn push(&mut self, line: String) {
        self.push_at(line, None);
    }

    /// Add a line about a hex (clicking it centres the map there).
    pub fn push_at(&mut self, line: String, at: Option<crate::hex::OffsetCoord>) {
        if self.unseen > 0 {
            let n = std::mem::take(&mut self.unseen);
            self.lines.push(format!(
                "· {n} enemy event{} out of sight",
                if n == 1 { "" } else { "s" }
            ));
            self.at.push(None);
        }
        self.lines.push(line);
        self.at.push(at);
        if self.lines.len() > 500 {
            self.lines.drain(..100);
            self.at.drain(..100);
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
    // Not `as_deref_mut`: that would mark the match changed every frame.
    let Some(m) = game.as_mut() else {
        requests.clear();
        return;
    };
    let mut changed = false;
    for request in requests.read() {
        if m.track.is_some() {
            match request {
                CommandRequest::Seek(n) => super::viewer::seek(m, *n, &mut log, &mut out),
                _ => {
                    log.rejection =
                        Some("replay viewer: the recorded game cannot be changed".into())
                }
            }
            continue;
        }
        let result = match request {
            CommandRequest::Execute(cmd) => m.game.execute(cmd.clone()),
            CommandRequest::Undo => m.game.undo(),
            CommandRequest::Save(_) | CommandRequest::Load(_) if m.ironman => {
                log.rejection =
                    Some("ironman: the match saves itself, and nothing is loaded during it".into());
                continue;
            }
            CommandRequest::Save(path) => {
                let saved = save(&m.game, path);
                log.push(saved.clone().unwrap_or_else(|e| format!("✖ {e}")));
                log.rejection = saved.err();
                continue;
            }
            CommandRequest::Seek(_) => continue,
            CommandRequest::Load(path) => match crate::replay::load_game(path, m.scenario()) {
                Ok(game) => {
                    m.set_game(game);
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
                changed = true;
                log.rejection = None;
                let before = m.refresh();
                super::fog::log_events(m, &before, &events, &mut log);
                out.write(GameEvents(events));
            }
            Err(rejection) => {
                log.push(format!("✖ {}", rejection.reason));
                log.rejection = Some(rejection.reason);
            }
        }
    }
    if changed {
        if let Err(e) = m.keep_saved() {
            log.push(format!("✖ {e}"));
        }
    }
}

/// When the window closes, save the match once more (an ironman match
/// resumes from it; any other match is in the autosaves).
fn save_on_exit(exits: MessageReader<AppExit>, game: Option<ResMut<Match>>) {
    if exits.is_empty() {
        return;
    }
    if let Some(mut m) = game {
        if !m.game.log().is_empty() {
            if let Err(e) = m.keep_saved() {
                eprintln!("warning: {e}");
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
        .add_systems(Update, apply_requests.in_set(super::GameSet::Apply))
        .add_systems(Last, save_on_exit);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::Command;
    use crate::hex::OffsetCoord;

    /// A window-less app with the one system that applies requests, and a
    /// Gela match that keeps its saves in a fresh directory.
    fn app(name: &str, ironman: bool) -> (App, PathBuf) {
        let dir =
            std::env::temp_dir().join(format!("landfall-session-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let gela = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/gela");
        let scenario = crate::scenario::load_scenario(&gela).expect("gela loads");
        let mut m = Match::new(scenario, PlaySide::Both, String::new(), 7);
        m.keep_saves_in(dir.clone());
        m.ironman = ironman;
        let mut app = App::new();
        app.add_message::<CommandRequest>()
            .add_message::<GameEvents>()
            .init_resource::<EventLog>()
            .insert_resource(m)
            .add_systems(Update, apply_requests);
        (app, dir)
    }

    fn request(app: &mut App, r: CommandRequest) {
        app.world_mut().write_message(r);
        app.update();
    }

    #[test]
    fn an_ironman_match_saves_itself_and_refuses_save_and_load() {
        let (mut app, dir) = app("ironman", true);
        request(&mut app, CommandRequest::Execute(Command::EndPhase));
        let m = app.world().resource::<Match>();
        let file = m.ironman_file();
        assert!(file.is_file(), "no ironman file at {}", file.display());
        let hash = m.game.hash();
        // The file resumes the same game.
        let resumed = crate::replay::load_game(&file, m.scenario()).expect("resumes");
        assert_eq!(resumed.hash(), hash);
        // Nothing is loaded or saved by hand during the match.
        request(&mut app, CommandRequest::Load(file.clone()));
        let rejection = app.world().resource::<EventLog>().rejection.clone();
        assert!(rejection.is_some_and(|r| r.starts_with("ironman")));
        request(&mut app, CommandRequest::Save(dir.join("by-hand.ron")));
        assert!(!dir.join("by-hand.ron").exists());
        assert_eq!(app.world().resource::<Match>().game.hash(), hash);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn every_command_is_autosaved_and_continue_resumes_the_newest() {
        let (mut app, dir) = app("continue", false);
        request(&mut app, CommandRequest::Execute(Command::EndPhase));
        request(&mut app, CommandRequest::Execute(Command::EndPhase));
        let m = app.world().resource::<Match>();
        // "Continue" on the start screen offers the newest autosave.
        let (path, game) = autosave::load_latest(&dir, m.scenario()).expect("an autosave");
        assert_eq!(game.log().len(), 2, "{} is not the newest", path.display());
        assert_eq!(game.hash(), m.game.hash());
        assert!(!m.ironman_file().exists());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn combat_lines_keep_their_hex_through_summaries_and_trimming() {
        let mut log = EventLog {
            unseen: 2,
            ..EventLog::default()
        };
        log.push_at("3:1, die 4: D1".into(), Some(OffsetCoord(5, 7)));
        assert_eq!(log.lines[0], "· 2 enemy events out of sight");
        assert_eq!(log.at, vec![None, Some(OffsetCoord(5, 7))]);
        for i in 0..600 {
            log.push_at(
                format!("line {i}"),
                (i % 3 == 0).then_some(OffsetCoord(i, 0)),
            );
        }
        assert_eq!(log.lines.len(), log.at.len());
        for (line, at) in log.lines.iter().zip(&log.at) {
            let i: i32 = line.trim_start_matches("line ").parse().unwrap();
            assert_eq!(*at, (i % 3 == 0).then_some(OffsetCoord(i, 0)));
        }
    }
}
