//! The computer thinks on its own thread, so the map keeps panning and
//! zooming while it plans.
//!
//! [`start`] hands the thread the scenario, the seed and the command log of
//! the match; the thread rebuilds the game through `Game::execute` (the one
//! path every replay takes), then plays every phase the computer has before
//! a person acts again with `ai::play_phase` — the same loop as `landfall
//! simulate` — and sends back, phase by phase, the commands it executed with
//! the state hash after each. The window (`opponent.rs`) executes them on
//! the real game through the same `execute`, one at a time so the player can
//! follow them, and checks each hash: the AI is deterministic, so the copy
//! and the real game agree command for command. Progress is counted in
//! phases and in commands planned against the units of the acting side,
//! never in time.

use crate::ai::selfplay::{self, Player};
use crate::ai::Ai;
use crate::command::{acting_side, Command};
use crate::scenario::Scenario;
use crate::sim::state::Status;
use crate::sim::Game;
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Arc;

/// How far the computer has got, counted in phases and units (not time).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// The phase being planned, from 1.
    pub phase: usize,
    /// Phases the computer plays before a person acts again.
    pub phases: usize,
    /// Commands planned so far in this phase.
    pub planned: usize,
    /// Units of the acting side on the map when the phase began.
    pub units: usize,
}

impl Progress {
    /// The share done, 0.0 to 1.0: whole phases, plus this phase's commands
    /// planned out of its units (a phase rarely needs more than one command
    /// per unit; the share never passes the phase's end).
    #[must_use]
    pub fn fraction(&self) -> f32 {
        if self.phases == 0 {
            return 0.0;
        }
        let within = if self.units == 0 {
            0.0
        } else {
            (self.planned as f32 / self.units as f32).min(1.0)
        };
        ((self.phase.saturating_sub(1) as f32 + within) / self.phases as f32).min(1.0)
    }
}

/// What the thinking thread reports, in this order: progress and phases as
/// they are planned, then `Done` once.
pub enum Report {
    /// Planning goes on.
    Progress(Progress),
    /// One phase planned: its commands, each with the state hash after it.
    Phase(Vec<(Command, String)>),
    /// Finished: the AI comes back (its plans and caches carry over to the
    /// next turn), with why it stopped early if it did.
    Done(Box<Ai>, Option<String>),
}

/// The phases the computer plays from phase index `phase` before a side
/// played by a person acts (`humans[side]`); automatic phases are not counted.
#[must_use]
pub fn computer_phases(scenario: &Scenario, phase: u32, humans: [bool; 2]) -> usize {
    let n = scenario.phases.len();
    let mut count = 0;
    for k in 0..n {
        match acting_side(scenario.phases[(phase as usize + k) % n]) {
            Some(side) if humans[side.index()] => break,
            Some(_) => count += 1,
            None => {}
        }
    }
    count
}

/// Think on a new thread: rebuild the game from `commands` and play the
/// computer's phases with `ai` (see [`think`]). Reports arrive on the
/// receiver; dropping it makes the thread stop at the next phase.
#[must_use]
pub fn start(
    scenario: Arc<Scenario>,
    seed: u64,
    commands: Vec<Command>,
    humans: [bool; 2],
    ai: Ai,
) -> Receiver<Report> {
    let (tx, rx) = channel();
    let spawned = std::thread::Builder::new()
        .name("landfall-computer".into())
        .spawn(move || think(scenario, seed, &commands, humans, ai, &tx));
    if let Err(e) = spawned {
        // No thread: the receiver sees a closed channel and the window
        // ends the phase for the computer.
        eprintln!("warning: cannot start the computer's thread: {e}");
    }
    rx
}

/// Counts the AI's proposals for the progress report.
struct Counting<'a> {
    ai: &'a mut Ai,
    progress: Progress,
    tx: &'a Sender<Report>,
}

impl Player for Counting<'_> {
    fn next_command(&mut self, game: &Game) -> Command {
        let command = self.ai.next_command(game);
        self.progress.planned += 1;
        let _ = self.tx.send(Report::Progress(self.progress));
        command
    }
    fn refused(&mut self, command: &Command) {
        self.ai.refused(command);
    }
}

/// Rebuild the game of `scenario` and `seed` from `commands`, then play
/// every phase the computer has before a person acts, sending each phase's
/// executed commands as it ends; finally send the AI back.
pub fn think(
    scenario: Arc<Scenario>,
    seed: u64,
    commands: &[Command],
    humans: [bool; 2],
    mut ai: Ai,
    tx: &Sender<Report>,
) {
    let mut game = Game::new(scenario, seed);
    for (i, c) in commands.iter().enumerate() {
        if let Err(r) = game.execute(c.clone()) {
            let why = format!(
                "the match could not be rebuilt at command {i}: {}",
                r.reason
            );
            let _ = tx.send(Report::Done(Box::new(ai), Some(why)));
            return;
        }
    }
    let phases = computer_phases(game.scenario(), game.state().phase, humans);
    for phase in 1..=phases {
        let Some(side) = acting_side(game.phase()).filter(|s| !humans[s.index()]) else {
            break;
        };
        if game.is_over() {
            break;
        }
        let units = game
            .state()
            .units
            .iter()
            .filter(|u| u.status == Status::OnMap && game.scenario().unit(u.id).side == side)
            .count();
        let progress = Progress {
            phase,
            phases,
            planned: 0,
            units,
        };
        let _ = tx.send(Report::Progress(progress));
        let before = game.log().len();
        let mut counting = Counting {
            ai: &mut ai,
            progress,
            tx,
        };
        selfplay::play_phase(&mut game, &mut counting);
        let planned = game.log()[before..]
            .iter()
            .map(|e| (e.command.clone(), e.hash.clone()))
            .collect();
        if tx.send(Report::Phase(planned)).is_err() {
            return; // the window gave up on this plan
        }
    }
    let _ = tx.send(Report::Done(Box::new(ai), None));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ai::{AiLevels, AiParams};
    use crate::scenario::builder::TestScenario;
    use crate::scenario::schema::PlaceKind;
    use crate::scenario::{PhaseSpec, Side};

    fn normal() -> AiParams {
        AiLevels::builtin().get(Some("normal")).unwrap().clone()
    }

    /// The Allies (a person) hold a town the Axis (the computer) wants; the
    /// Axis moves and attacks in two phases of its own.
    fn scenario() -> Arc<Scenario> {
        TestScenario::new(&["cccccccc", "cccccccc", "cccccccc"])
            .place("gela", PlaceKind::Town, (1, 1))
            .objective("gela", 10, 0, Side::Allied)
            .unit("us", Side::Allied, "infantry", (1, 1))
            .unit("de1", Side::Axis, "infantry", (6, 0))
            .unit("de2", Side::Axis, "infantry", (6, 2))
            .phases(vec![
                PhaseSpec::Movement(Side::Allied),
                PhaseSpec::Movement(Side::Axis),
                PhaseSpec::Combat(Side::Axis),
                PhaseSpec::EndTurn,
            ])
            .build()
            .scenario
    }

    fn reports(rx: &Receiver<Report>) -> (Vec<Progress>, Vec<Vec<(Command, String)>>, bool) {
        let (mut progress, mut phases, mut done) = (Vec::new(), Vec::new(), false);
        for r in rx.try_iter() {
            match r {
                Report::Progress(p) => progress.push(p),
                Report::Phase(c) => phases.push(c),
                Report::Done(_, why) => done = why.is_none(),
            }
        }
        (progress, phases, done)
    }

    #[test]
    fn the_thread_plays_the_same_commands_as_the_ai_on_the_game_itself() {
        let s = scenario();
        let opening = vec![Command::EndPhase]; // the Allied player ends movement
        let (tx, rx) = channel();
        think(
            Arc::clone(&s),
            7,
            &opening,
            [true, false],
            Ai::new(normal()),
            &tx,
        );
        let (progress, phases, done) = reports(&rx);
        assert!(done);
        assert_eq!(phases.len(), 2, "Axis movement and Axis combat");
        // The same AI on the game itself, phase by phase.
        let mut game = Game::new(Arc::clone(&s), 7);
        game.execute(Command::EndPhase).unwrap();
        let mut ai = Ai::new(normal());
        for planned in &phases {
            let before = game.log().len();
            crate::ai::play_phase(&mut game, &mut ai);
            let played: Vec<(Command, String)> = game.log()[before..]
                .iter()
                .map(|e| (e.command.clone(), e.hash.clone()))
                .collect();
            assert_eq!(&played, planned);
        }
        assert!(
            phases[0].len() > 1,
            "the Axis moved: {:?}",
            phases[0].iter().map(|(c, _)| c).collect::<Vec<_>>()
        );
        // The person acts next.
        assert_eq!(
            acting_side(game.phase()),
            Some(Side::Allied),
            "back to the Allied player"
        );
        // Progress: phases 1 then 2 of 2, two Axis units each.
        assert_eq!(progress.first().map(|p| (p.phase, p.phases)), Some((1, 2)));
        assert_eq!(progress.last().map(|p| (p.phase, p.phases)), Some((2, 2)));
        assert!(progress.iter().all(|p| p.units == 2));
        assert!(progress
            .windows(2)
            .all(|w| w[0].fraction() <= w[1].fraction()));
    }

    #[test]
    fn computer_phases_stop_at_the_persons_phase() {
        let s = scenario();
        assert_eq!(computer_phases(&s, 1, [true, false]), 2);
        assert_eq!(computer_phases(&s, 2, [true, false]), 1);
        assert_eq!(computer_phases(&s, 0, [true, false]), 0);
        assert_eq!(computer_phases(&s, 0, [false, true]), 1);
    }

    #[test]
    fn progress_counts_phases_and_units_not_time() {
        let p = |phase, planned| Progress {
            phase,
            phases: 2,
            planned,
            units: 4,
        };
        assert_eq!(p(1, 0).fraction(), 0.0);
        assert_eq!(p(1, 2).fraction(), 0.25);
        assert_eq!(p(1, 9).fraction(), 0.5, "capped at the phase's end");
        assert_eq!(p(2, 4).fraction(), 1.0);
    }

    #[test]
    fn a_log_that_does_not_rebuild_is_reported_not_played() {
        let (tx, rx) = channel();
        let bad = vec![Command::Evacuate { unit: 99 }];
        think(scenario(), 7, &bad, [true, false], Ai::new(normal()), &tx);
        let reports: Vec<Report> = rx.try_iter().collect();
        assert_eq!(reports.len(), 1);
        assert!(
            matches!(&reports[0], Report::Done(_, Some(why)) if why.contains("command 0")),
            "one Done with the reason"
        );
    }

    #[test]
    fn on_gela_the_plan_replays_on_the_real_game_and_hands_back_the_turn() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/gela");
        let s = crate::scenario::load_scenario(&path).unwrap();
        let opening = vec![Command::EndPhase, Command::EndPhase];
        let (tx, rx) = channel();
        think(
            Arc::clone(&s),
            1,
            &opening,
            [true, false],
            Ai::new(normal()),
            &tx,
        );
        let (_, phases, done) = reports(&rx);
        assert!(done);
        let mut game = Game::new(s, 1);
        for c in opening {
            game.execute(c).unwrap();
        }
        for planned in &phases {
            for (c, hash) in planned {
                game.execute(c.clone()).unwrap();
                assert_eq!(&game.log().last().unwrap().hash, hash);
            }
            assert_eq!(planned.last().map(|(c, _)| c), Some(&Command::EndPhase));
        }
        assert_eq!(acting_side(game.phase()), Some(Side::Allied));
    }
}
