//! Replays and saved games — one format for both.
//!
//! A replay is the scenario reference (id + content hash), the seed, the
//! commands in the order they were executed, and the state hash after each
//! one, plus a checkpoint at each end of phase. Loading re-executes every
//! command through the same `Game::execute` path that play uses (never a
//! second code path, as the style guide demands) and compares hashes, so a
//! save can never smuggle in a state the rules would not produce. A saved game
//! is simply a replay of an unfinished game: [`load_game`] verifies it and hands
//! back the live [`Game`].
//!
//! Files are RON (human-readable, diffable in code review for the golden
//! replays in `tests/replays/`), written atomically by [`write_atomic`]. The
//! format is documented in `docs/replays.md`.

pub mod autosave;
mod error;
mod file;
mod verify;

pub use error::{Divergence, ReplayError};
pub use file::{load, parse, read_bounded, save, to_ron, write_atomic, MAX_FILE_BYTES};
pub use verify::{load_game, verify, Verified};

use crate::command::Command;
use crate::sim::Game;
use serde::{Deserialize, Serialize};

/// The replay format version this build writes and reads. 2: the state
/// hash scheme v2 (per-unit digests, `docs/replays.md`); a format-1 file's
/// hashes cannot verify, so it is refused with a clear message instead.
/// 3: commands may include `AllotGunfire` (a side's naval gunfire plan for
/// its landings); a format-2 file has none and its hashes are unchanged (the
/// plan is hashed only once a side has one), so it still loads and verifies
/// ([`READS`]); a format-3 file is refused by a build that reads only 2.
pub const FORMAT: u32 = 3;

/// The formats this build reads: its own and format 2 (a subset of it).
pub const READS: [u32; 2] = [2, FORMAT];

/// A recorded game: enough to re-run it bit for bit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Replay {
    /// Format version ([`FORMAT`]).
    pub format: u32,
    /// `Scenario::id` of the scenario played.
    pub scenario_id: String,
    /// Where the scenario was loaded from when recorded (a hint for
    /// `landfall replay`; the content hash decides whether it still fits).
    #[serde(default)]
    pub scenario_path: String,
    /// `Scenario::content_hash` at recording time.
    pub scenario_hash: String,
    /// RNG seed of the game.
    pub seed: u64,
    /// State hash after setup, before any command.
    pub initial_hash: String,
    /// Every command executed, in order (rejected commands are not recorded).
    pub commands: Vec<Command>,
    /// State hash after each command (same length as `commands`).
    pub hashes: Vec<String>,
    /// One checkpoint per `EndPhase` command: the phase it ended.
    pub checkpoints: Vec<Checkpoint>,
    /// For a leg of a linked campaign: which campaign and leg, and the
    /// values carried into it, applied to the scenario before the game
    /// starts (`scenario::campaign::apply`). Absent for a scenario played
    /// alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign: Option<crate::scenario::campaign::CampaignLink>,
}

impl Replay {
    /// Where this replay's scenario is: `explicit` if given, else the recorded
    /// path, then `scenarios/<id>`, each tried as given and from the crate
    /// root; the first that exists (or the first candidate, for the error).
    #[must_use]
    pub fn locate_scenario(&self, explicit: Option<&std::path::Path>) -> std::path::PathBuf {
        use std::path::{Path, PathBuf};
        if let Some(p) = explicit {
            return p.to_path_buf();
        }
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut candidates = Vec::new();
        if !self.scenario_path.is_empty() {
            candidates.push(PathBuf::from(&self.scenario_path));
            candidates.push(manifest.join(&self.scenario_path));
        }
        candidates.push(Path::new("scenarios").join(&self.scenario_id));
        candidates.push(manifest.join("scenarios").join(&self.scenario_id));
        let found = candidates.iter().find(|p| p.exists()).cloned();
        found.unwrap_or_else(|| candidates.swap_remove(0))
    }
}

/// The state hash at the end of one phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkpoint {
    /// Turn of the phase that ended.
    pub turn: u32,
    /// Index of that phase in `Scenario::phases`.
    pub phase: u32,
    /// Index of the `EndPhase` command in `commands`.
    pub command_index: usize,
    /// Hash after that command (after the automatic phases that followed).
    pub hash: String,
}

/// Record a game's command log as a replay (or save).
#[must_use]
pub fn record(game: &Game) -> Replay {
    let scenario = game.scenario();
    let log = game.log();
    let checkpoints = log
        .iter()
        .enumerate()
        .filter(|(_, e)| e.command == Command::EndPhase)
        .map(|(i, e)| Checkpoint {
            turn: e.turn,
            phase: e.phase,
            command_index: i,
            hash: e.hash.clone(),
        })
        .collect();
    Replay {
        format: FORMAT,
        scenario_id: scenario.id.clone(),
        scenario_path: scenario_dir(&scenario.source),
        scenario_hash: scenario.content_hash.clone(),
        seed: game.seed(),
        initial_hash: game.initial_hash().to_string(),
        commands: log.iter().map(|e| e.command.clone()).collect(),
        hashes: log.iter().map(|e| e.hash.clone()).collect(),
        checkpoints,
        campaign: scenario.campaign.clone(),
    }
}

/// The scenario directory for a main scenario file, relative to the working
/// directory when it lies below it (so recorded paths stay portable).
fn scenario_dir(source: &std::path::Path) -> String {
    let dir = if source.extension().is_some_and(|e| e == "ron") {
        source.parent().unwrap_or(source)
    } else {
        source
    };
    let rel = std::env::current_dir()
        .ok()
        .and_then(|cwd| dir.strip_prefix(cwd).ok().map(std::path::Path::to_path_buf))
        .unwrap_or_else(|| dir.to_path_buf());
    rel.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests;
