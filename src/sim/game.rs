//! A running game: the one authoritative [`State`], and the one `execute`
//! path (validate, apply, log, hash) that serves the GUI, the AI, replays and
//! undo. In the window the `Game` is a Bevy resource that the app's systems
//! drive; there is no second copy of the state in ECS components
//! (`docs/architecture.md`).

use super::hash::StateHasher;
use super::state::{Header, State, UnitState};
use crate::command::{phase_name, Command, Event};
use crate::rules::{GameView, Rejection, RejectionKind};
use crate::scenario::{PhaseSpec, Scenario, UnitId};
use std::sync::Arc;

/// One executed command and the state hash after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    /// The command.
    pub command: Command,
    /// blake3 of the state after it.
    pub hash: String,
    /// Turn and phase index it was executed in.
    pub turn: u32,
    /// Phase index it was executed in.
    pub phase: u32,
}

/// A game in progress.
pub struct Game {
    scenario: Arc<Scenario>,
    /// The game state: the one copy.
    state: State,
    /// Unit digests of `state`, so a command re-hashes only what it changed.
    hasher: StateHasher,
    /// `state.units.now()` at the last commit.
    written: u64,
    seed: u64,
    initial_hash: String,
    /// Events of the automatic phases before the first command (turn-1
    /// landings, drops, scatter, losses, the first supply phase).
    opening: Vec<Event>,
    log: Vec<LogEntry>,
    /// Snapshots before each undoable command of this phase.
    undo: Vec<Snapshot>,
    /// Why undo is closed this phase, if a command rolled dice.
    undo_closed: Option<String>,
}

impl Game {
    /// Start a scenario with a seed: set up, then run the automatic phases up
    /// to the first player phase.
    #[must_use]
    pub fn new(scenario: Arc<Scenario>, seed: u64) -> Self {
        let mut state = State::new(&scenario, seed);
        let opening = crate::command::start_game(&scenario, &mut state);
        state.sync_index(&scenario);
        let hasher = StateHasher::new(&state);
        let initial_hash = hasher.hash(&state);
        Self {
            scenario,
            written: state.units.now(),
            state,
            hasher,
            seed,
            initial_hash,
            opening,
            log: Vec::new(),
            undo: Vec::new(),
            undo_closed: None,
        }
    }

    /// The scenario.
    #[must_use]
    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    /// The seed the game started with.
    #[must_use]
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The current state.
    #[must_use]
    pub fn state(&self) -> &State {
        &self.state
    }

    /// A read-only view for the rules.
    #[must_use]
    pub fn view(&self) -> GameView<'_> {
        GameView::new(&self.scenario, &self.state)
    }

    /// The current phase.
    #[must_use]
    pub fn phase(&self) -> PhaseSpec {
        self.scenario.phases[self.state.phase as usize]
    }

    /// Hash of the current state.
    #[must_use]
    pub fn hash(&self) -> String {
        self.log
            .last()
            .map_or_else(|| self.initial_hash.clone(), |e| e.hash.clone())
    }

    /// The events of the automatic phases that ran before the first command
    /// (what a log of the game must begin with).
    #[must_use]
    pub fn opening_events(&self) -> &[Event] {
        &self.opening
    }

    /// Hash of the state before any command.
    #[must_use]
    pub fn initial_hash(&self) -> &str {
        &self.initial_hash
    }

    /// Every command executed so far, with hashes.
    #[must_use]
    pub fn log(&self) -> &[LogEntry] {
        &self.log
    }

    /// Is the game over?
    #[must_use]
    pub fn is_over(&self) -> bool {
        self.state.outcome.is_some()
    }

    /// Check a command without executing it.
    pub fn validate(&self, command: &Command) -> Result<(), Rejection> {
        crate::command::validate_as_seen(command, &self.scenario, &self.state)
    }

    /// Validate, apply, log and hash one command. A rejected command changes
    /// nothing.
    ///
    /// The command is applied to the state in place; the units it changed
    /// (logged by `State::units`) are all that the hash, the occupancy index
    /// and the undo snapshot look at, so a command costs the same on a large map
    /// as on a small one (`docs/performance.md`).
    pub fn execute(&mut self, command: Command) -> Result<Vec<Event>, Rejection> {
        crate::command::validate_as_seen(&command, &self.scenario, &self.state)?;
        let header = self.state.header();
        let before: Vec<UnitState> = self.state.units.to_vec();
        // Each command rolls from its own generator (`super::dice`).
        self.state.rng = super::dice::for_command(self.seed, &self.hash(), &command);
        let (draws, phase, turn) = (self.state.draws, self.state.phase, self.state.turn);
        let events = command.apply(&self.scenario, &mut self.state);
        let units: Vec<(UnitId, UnitState)> = self
            .commit()
            .into_iter()
            .filter(|&id| before[id as usize] != self.state.units[id as usize])
            .map(|id| (id, before[id as usize].clone()))
            .collect();
        let rolled = self.state.draws != draws;
        let phase_ended = self.state.phase != phase || self.state.turn != turn;
        if phase_ended {
            self.undo.clear();
            self.undo_closed = None;
        } else if rolled {
            self.undo.clear();
            self.undo_closed = Some(describe_roll(&command));
        } else {
            self.undo.push(Snapshot { header, units });
        }
        let hash = self.hasher.hash(&self.state);
        self.log.push(LogEntry {
            command,
            hash,
            turn,
            phase,
        });
        Ok(events)
    }

    /// Take back the last command of this phase, restoring the snapshot taken
    /// before it. Refused after a die roll or at the start of a phase.
    pub fn undo(&mut self) -> Result<Vec<Event>, Rejection> {
        if let Some(snapshot) = self.undo.pop() {
            self.log.pop();
            self.state.restore_header(snapshot.header);
            for (id, before) in snapshot.units {
                self.state.units[id as usize] = before;
            }
            self.commit();
            return Ok(vec![Event::Undone]);
        }
        let reason = match &self.undo_closed {
            Some(why) => format!("cannot undo: {why}; undo is closed until the next phase"),
            None => format!("nothing to undo in the {} phase", phase_name(self.phase())),
        };
        Err(Rejection::new(RejectionKind::Undo, reason))
    }

    /// Bring the derived data (occupancy index, incremental hash) up to the
    /// state after a change; returns the units the change touched, sorted.
    fn commit(&mut self) -> Vec<UnitId> {
        self.state.sync_index(&self.scenario);
        self.hasher.update(&self.state);
        let changed = match self.state.units.changes_since(self.written) {
            Some(ids) => {
                let mut ids = ids.to_vec();
                ids.sort_unstable();
                ids.dedup();
                ids
            }
            None => self.state.units.iter().map(|u| u.id).collect(),
        };
        self.written = self.state.units.now();
        changed
    }
}

struct Snapshot {
    header: Header,
    units: Vec<(UnitId, UnitState)>,
}

fn describe_roll(command: &Command) -> String {
    match command {
        Command::Attack { target, .. } => format!("the attack on {target} rolled a die"),
        _ => "the last command rolled a die".into(),
    }
}
