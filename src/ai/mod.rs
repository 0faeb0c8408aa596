//! The computer opponent: one AI for either side, issuing ordinary
//! [`Command`]s through `Game::execute` (it never touches the state).
//!
//! Operational, not random: it reads the scenario's objectives and VP
//! (`objectives.rs`), moves units towards them while keeping supply, a reserve
//! and defensive terrain in mind (`movement.rs`), attacks where the exact odds
//! distribution promises a good result (`attacks.rs`), and once its side's
//! evacuation has begun (`posture.rs`) takes its units across. Difficulty
//! levels are data (`params.rs`, `scenarios/common/ai.ron`).
//!
//! Deterministic: units in id order, hexes in map order, budgets in
//! iterations; the same state always gives the same commands.
//!
//! Fog of war: the AI plans on `rules::fog::visible_state` — what its side
//! sees — never on the full state, and checks every command it proposes
//! with the rules on that same view: a proposal its own side's knowledge
//! already makes illegal is a planner bug, counted by
//! [`Ai::illegal_proposals`] (tests assert it stays 0) and never sent.
//! `honest_tests.rs` proves that moving hidden enemy units elsewhere changes
//! no command. The real game judges each order as its side sees it
//! (`command::validate_as_seen`): a move that runs into an enemy it could
//! not see is carried out as far as the rules allow and stops there, by the
//! rule of `Move` for every player; an order the real game still refuses is
//! dropped and counted as a *fog surprise* ([`Ai::surprises`]).
//!
//! Sides: nothing here asks which side the AI plays. Who attacks, defends,
//! counterattacks and evacuates comes from the scenario (`posture.rs`).
//!
//! Use [`Ai::next_command`] to step (the GUI animates one command at a time) or
//! [`play_phase`] to run a whole phase; `selfplay.rs` plays whole games.

pub mod assign;
pub mod attacks;
pub mod front;
pub mod gunfire;
pub mod lookahead;
pub mod movement;
pub mod objectives;
pub mod params;
pub mod posture;
pub mod selfplay;

pub use params::{AiLevels, AiParams};

use crate::command::{acting_side, Command, Event};
use crate::rules::{evacuation, fog_cache::FogCache, GameView};
use crate::scenario::{PhaseSpec, Side};
use crate::sim::Game;

/// What the AI is doing in the current phase.
#[derive(Debug, Clone)]
enum Plan {
    Move(Box<movement::MovePlan>),
    /// Combat and evacuation are re-decided after every command.
    Decide,
    /// A command was refused: give up the rest of the phase.
    Done,
}

/// The computer opponent, with its plan for the current phase.
#[derive(Debug, Clone)]
pub struct Ai {
    params: AiParams,
    /// (turn, phase index, commands issued this phase, plan)
    plan: Option<(u32, u32, usize, Plan)>,
    /// Commands dropped because the real game refused what the view allowed
    /// (see module doc).
    surprises: usize,
    /// Proposals the rules refuse on the AI's own view (see module doc).
    illegal: usize,
    /// What its side saw at the last command, brought up to date rather than
    /// rebuilt for each command (`docs/performance.md`).
    fog: FogCache,
    /// Goal distance fields, built once per game (`objectives::FieldCache`).
    fields: objectives::FieldCache,
    /// Each side's evacuation decision, kept once taken (`posture.rs`).
    evacuation: posture::Evacuation,
}

impl Ai {
    /// An AI playing with these parameters.
    #[must_use]
    pub fn new(params: AiParams) -> Self {
        Self {
            params,
            plan: None,
            surprises: 0,
            illegal: 0,
            fog: FogCache::default(),
            fields: objectives::FieldCache::default(),
            evacuation: posture::Evacuation::default(),
        }
    }

    /// Its parameters.
    #[must_use]
    pub fn params(&self) -> &AiParams {
        &self.params
    }

    /// Fog surprises so far: proposed commands the real game refused though
    /// the side's view allowed them, dropped before being returned (a move
    /// into a hidden enemy is not one: it stops on contact by rule).
    #[must_use]
    pub fn surprises(&self) -> usize {
        self.surprises
    }

    /// Proposals so far that the rules refuse on what the AI's side sees:
    /// counted before the check on the real game corrects or drops them, so
    /// a planner that proposes illegal commands shows here (should stay 0).
    #[must_use]
    pub fn illegal_proposals(&self) -> usize {
        self.illegal
    }

    /// The next command for the side acting in the current phase (the AI
    /// plays whichever side that is), planned on what that side sees and
    /// valid on the real game. Ends with `EndPhase`.
    pub fn next_command(&mut self, game: &Game) -> Command {
        let phase = game.phase();
        let Some(side) = acting_side(phase) else {
            return Command::EndPhase;
        };
        let mut fog = std::mem::take(&mut self.fog);
        let view = GameView::new(
            game.scenario(),
            fog.update(game.scenario(), game.state(), side),
        );
        let command = self.checked_command(game, &view, phase, side);
        self.fog = fog;
        command
    }

    /// The next command planned on `view`, made valid on the real game.
    fn checked_command(
        &mut self,
        game: &Game,
        view: &GameView,
        phase: PhaseSpec,
        side: Side,
    ) -> Command {
        loop {
            let cmd = self.propose(view, phase, side);
            if cmd == Command::EndPhase {
                return cmd;
            }
            // The decision is checked by the rules on what this side knows:
            // a proposal they refuse there is a planner bug, never sent.
            if cmd.validate(view).is_err() {
                self.illegal += 1;
                self.refused(&cmd);
                continue;
            }
            // The real game judges the order as this side sees it: a move
            // that meets a hidden enemy is accepted and stops on contact by
            // rule (`command::move_order`). What it still refuses is a
            // fog surprise, dropped.
            if game.validate(&cmd).is_ok() {
                return cmd;
            }
            self.surprises += 1;
            self.refused(&cmd);
        }
    }

    /// The planner's next command on the fogged `view` (not yet validated).
    fn propose(&mut self, view: &GameView, phase: PhaseSpec, side: Side) -> Command {
        let key = (view.state.turn, view.state.phase);
        let fresh = !matches!(&self.plan, Some((t, p, _, _)) if (*t, *p) == key);
        let posture = posture::Posture {
            side,
            evacuating: self.evacuation.decide(view, side, &self.params),
        };
        if fresh {
            let plan = match phase {
                PhaseSpec::Movement(_) => Plan::Move(Box::new(movement::MovePlan::new(
                    view,
                    side,
                    &self.params,
                    &mut self.fields,
                    posture,
                ))),
                _ => Plan::Decide,
            };
            self.plan = Some((key.0, key.1, 0, plan));
        }
        let Some((_, _, issued, plan)) = self.plan.as_mut() else {
            return Command::EndPhase;
        };
        *issued += 1;
        // Budget: no phase needs more commands than a few per unit.
        if *issued > 4 * view.state.units.len() + 16 {
            return Command::EndPhase;
        }
        let next = match plan {
            Plan::Move(m) => m.next_move(view, &self.params),
            Plan::Decide => match phase {
                PhaseSpec::Combat(_) => attacks::best_attack(view, side, &self.params),
                PhaseSpec::Evacuation(_) => evacuate(view, &posture, &self.params),
                _ => None,
            },
            Plan::Done => return Command::EndPhase,
        };
        // Before the phase ends: the naval gunfire plan for its landings.
        next.or_else(|| gunfire::next_allotment(view, side))
            .unwrap_or(Command::EndPhase)
    }

    /// Tell the AI a command it proposed was refused: it stops trying
    /// attacks and evacuations this phase (moves go on with the next unit).
    pub fn refused(&mut self, command: &Command) {
        if !matches!(command, Command::Move { .. }) {
            if let Some((_, _, _, plan)) = self.plan.as_mut() {
                *plan = Plan::Done;
            }
        }
    }
}

/// The next unit to take across the strait: once the side's evacuation
/// has begun (`posture.rs`), units of the evacuating nations that may cross
/// now, most steps first.
#[must_use]
pub fn evacuate(view: &GameView, posture: &posture::Posture, params: &AiParams) -> Option<Command> {
    view.side_units(posture.side)
        .filter(|u| posture.evacuates(view, u.id, params) && evacuation::check(view, u.id).is_ok())
        .max_by_key(|u| (u.steps, std::cmp::Reverse(u.id)))
        .map(|u| Command::Evacuate { unit: u.id })
}

/// What one phase of AI play did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PhaseReport {
    /// Commands executed (including the final `EndPhase`).
    pub executed: usize,
    /// Commands the rules refused (should stay 0).
    pub rejected: usize,
    /// Events of every executed command.
    pub events: Vec<Event>,
}

/// Play the current phase to its end with `ai` (the one loop every player
/// goes through: [`selfplay::play_phase`]).
pub fn play_phase(game: &mut Game, ai: &mut Ai) -> PhaseReport {
    selfplay::play_phase(game, ai)
}

#[cfg(test)]
mod honest_tests;
#[cfg(test)]
mod line_tests;
#[cfg(test)]
mod lookahead_tests;
#[cfg(test)]
mod strength_tests;
#[cfg(test)]
mod tests;
