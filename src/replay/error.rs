//! What can go wrong with a replay or save, as values the CLI and the GUI can
//! match on (exit 1 for unusable files, exit 3 for a divergence).

use crate::command::Command;
use std::path::PathBuf;

/// The first point where re-running a replay differs from the recording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Divergence {
    /// Turn in which the command was executed.
    pub turn: u32,
    /// Human name of the phase ("Allied combat").
    pub phase: String,
    /// Index of the command in the replay.
    pub command_index: usize,
    /// The command.
    pub command: Command,
    /// Hash recorded after it.
    pub expected: String,
    /// Hash found when re-running it (the unchanged hash if it was rejected).
    pub found: String,
    /// Why the rules refused the command, if they did.
    pub rejected: Option<String>,
}

impl std::fmt::Display for Divergence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "turn {}, {} phase, command #{}: {}",
            self.turn,
            self.phase,
            self.command_index,
            ron::to_string(&self.command).unwrap_or_else(|_| format!("{:?}", self.command))
        )?;
        if let Some(why) = &self.rejected {
            write!(f, " was rejected: {why};")?;
        }
        write!(f, " expected hash {}, found {}", self.expected, self.found)
    }
}

/// Why a replay could not be read or did not re-run identically.
#[derive(Debug, thiserror::Error)]
pub enum ReplayError {
    /// The file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is larger than any replay this build would write.
    #[error("{}: {size} bytes is larger than the {limit}-byte limit for replays", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file is not valid replay RON (damaged, truncated, hand-edited).
    #[error("{}:{line}:{col}: not a valid replay: {message}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What the parser expected.
        message: String,
    },
    /// A format version this build does not read.
    #[error(
        "replay format {found} is not supported (this build reads formats 2 to {supported}: \
         record the game again with this build)"
    )]
    Format {
        /// Version in the file.
        found: u32,
        /// Version this build reads.
        supported: u32,
    },
    /// Internally inconsistent (e.g. fewer hashes than commands).
    #[error("the replay is inconsistent: {0}")]
    Malformed(String),
    /// The replay was recorded on another scenario.
    #[error("the replay was recorded on scenario `{recorded}`, not `{given}`")]
    WrongScenario {
        /// Id in the replay.
        recorded: String,
        /// Id of the scenario given.
        given: String,
    },
    /// The scenario's files changed since recording: re-running would not
    /// mean the same game, so it is refused rather than misapplied.
    #[error(
        "scenario `{id}` has changed since the replay was recorded (content hash {recorded}, now {current}); \
         re-record it with `landfall simulate ... --record` if the change is intended"
    )]
    ScenarioChanged {
        /// Scenario id.
        id: String,
        /// Content hash in the replay.
        recorded: String,
        /// Content hash of the files now.
        current: String,
    },
    /// The campaign values in the header cannot be applied to the scenario
    /// (an unknown unit, more steps than it has, a turn outside the leg),
    /// or a campaign game was given a file played alone.
    #[error("campaign carry-over: {0}")]
    Campaign(String),
    /// The state after setup already differs.
    #[error("the state after setup differs: expected hash {expected}, found {found}")]
    InitialDiverged {
        /// Recorded.
        expected: String,
        /// Found.
        found: String,
    },
    /// Re-running a command gave another state (or was rejected).
    #[error("replay diverged at {0}")]
    Diverged(Box<Divergence>),
}

impl ReplayError {
    /// Is this a divergence (exit code 3) rather than an unusable file (1)?
    #[must_use]
    pub fn is_divergence(&self) -> bool {
        matches!(
            self,
            ReplayError::Diverged(_) | ReplayError::InitialDiverged { .. }
        )
    }
}
