//! A running game: the state in a Bevy ECS `World`, and the one `execute`
//! path (validate, apply, log, hash) that serves the GUI, the AI, replays and
//! undo.

use super::hash::StateHasher;
use super::state::{Header, State, UnitState};
use super::world;
use crate::command::{phase_name, Command, Event};
use crate::rules::{GameView, Rejection, RejectionKind};
use crate::scenario::{PhaseSpec, Scenario, UnitId};
use bevy_ecs::world::World;
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
    /// The ECS world holding units as entities and the rest as resources.
    world: World,
    /// The canonical state the world was last written from.
    state: State,
    /// Unit digests of `state`, so a command re-hashes only what it changed.
    hasher: StateHasher,
    /// `state.units.now()` when the world was last written.
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
        let mut world = World::new();
        world::spawn(&mut world, &state);
        let hasher = StateHasher::new(&state);
        let initial_hash = hasher.hash(&state);
        Self {
            scenario,
            world,
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

    /// The ECS world (read-only: the GUI queries unit components from it).
    #[must_use]
    pub fn world(&self) -> &World {
        &self.world
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
        command.validate(&self.view())
    }

    /// Validate, apply, log and hash one command. A rejected command changes
    /// nothing.
    ///
    /// The command is applied to the state in place; the units it changed
    /// (logged by `State::units`) are all that the hash, the ECS world and
    /// the undo snapshot look at, so a command costs the same on a large map
    /// as on a small one (`docs/performance.md`).
    pub fn execute(&mut self, command: Command) -> Result<Vec<Event>, Rejection> {
        command.validate(&self.view())?;
        let header = self.state.header();
        let (draws, phase, turn) = (self.state.draws, self.state.phase, self.state.turn);
        let events = command.apply(&self.scenario, &mut self.state);
        let units = self.commit();
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

    /// Bring the occupancy index, the unit digests and the ECS world up to
    /// date with the units changed since the last commit; returns those
    /// units' previous values.
    fn commit(&mut self) -> Vec<(UnitId, UnitState)> {
        self.state.sync_index(&self.scenario);
        self.hasher.update(&self.state);
        let mut changed: Option<Vec<UnitId>> = self
            .state
            .units
            .changes_since(self.written)
            .map(<[_]>::to_vec);
        if let Some(c) = changed.as_mut() {
            c.sort_unstable();
            c.dedup();
        }
        let before = world::write(&mut self.world, &self.state, changed.as_deref());
        self.written = self.state.units.now();
        before
    }
}

/// What undo puts back: everything but the units, and the units a command
/// changed as they were before it.
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
