//! Re-running a replay: every command goes through `Game::execute` again and
//! the state hash is compared after each one. The first difference is
//! reported with where it happened; a command the rules now reject is a
//! divergence too.

use super::{Divergence, Replay, ReplayError};
use crate::command::phase_name;
use crate::scenario::Scenario;
use crate::sim::Game;
use std::path::Path;
use std::sync::Arc;

/// A replay that re-ran identically.
pub struct Verified {
    /// The game after the last command.
    pub game: Game,
    /// Commands re-run.
    pub commands: usize,
    /// End-of-phase checkpoints that matched.
    pub checkpoints: usize,
}

/// Check that the replay belongs to this scenario, unchanged.
fn check_scenario(scenario: &Scenario, replay: &Replay) -> Result<(), ReplayError> {
    if replay.scenario_id != scenario.id {
        return Err(ReplayError::WrongScenario {
            recorded: replay.scenario_id.clone(),
            given: scenario.id.clone(),
        });
    }
    if replay.scenario_hash != scenario.content_hash {
        return Err(ReplayError::ScenarioChanged {
            id: scenario.id.clone(),
            recorded: replay.scenario_hash.clone(),
            current: scenario.content_hash.clone(),
        });
    }
    Ok(())
}

/// The scenario a replay runs on: `scenario`, as the leg of a campaign
/// with the carried values of the replay's header applied (checked), or as
/// it is for a replay of a scenario played alone.
fn leg_scenario(scenario: &Arc<Scenario>, replay: &Replay) -> Result<Arc<Scenario>, ReplayError> {
    match (&replay.campaign, &scenario.campaign) {
        (None, None) => Ok(Arc::clone(scenario)),
        (Some(link), _) => crate::scenario::campaign::apply(scenario, link)
            .map(Arc::new)
            .map_err(ReplayError::Campaign),
        (None, Some(link)) => Err(ReplayError::Campaign(format!(
            "the game is leg {} of campaign `{}`, the file is of `{}` played alone",
            link.leg + 1,
            link.campaign,
            replay.scenario_id
        ))),
    }
}

/// Re-run `replay` on `scenario`, comparing the hash after every command.
/// A campaign leg's replay carries its carried values and runs on the
/// scenario with them applied.
pub fn verify(scenario: &Arc<Scenario>, replay: &Replay) -> Result<Verified, ReplayError> {
    check_scenario(scenario, replay)?;
    let scenario = &leg_scenario(scenario, replay)?;
    if replay.hashes.len() != replay.commands.len() {
        return Err(ReplayError::Malformed(format!(
            "{} commands but {} hashes",
            replay.commands.len(),
            replay.hashes.len()
        )));
    }
    let mut game = Game::new(Arc::clone(scenario), replay.seed);
    if game.initial_hash() != replay.initial_hash {
        return Err(ReplayError::InitialDiverged {
            expected: replay.initial_hash.clone(),
            found: game.initial_hash().to_string(),
        });
    }
    for (i, (command, expected)) in replay.commands.iter().zip(&replay.hashes).enumerate() {
        let turn = game.state().turn;
        let phase = phase_name(game.phase());
        let diverged = |found: String, rejected: Option<String>| {
            ReplayError::Diverged(Box::new(Divergence {
                turn,
                phase: phase.clone(),
                command_index: i,
                command: command.clone(),
                expected: expected.clone(),
                found,
                rejected,
            }))
        };
        if let Err(r) = game.execute(command.clone()) {
            return Err(diverged(game.hash(), Some(r.reason)));
        }
        let found = game.hash();
        if found != *expected {
            return Err(diverged(found, None));
        }
    }
    Ok(Verified {
        game,
        commands: replay.commands.len(),
        checkpoints: replay.checkpoints.len(),
    })
}

/// Load a saved game: read the file, verify every command on `scenario`, and
/// return the game in the state the save was made in.
pub fn load_game(path: &Path, scenario: &Arc<Scenario>) -> Result<Game, ReplayError> {
    let replay = super::load(path)?;
    verify(scenario, &replay).map(|v| v.game)
}
