//! What a game in the window is started with, shared by the command line
//! (`cli::play`, which fills it in from the parsed arguments) and the window
//! (`gui`, which only reads it). Neither side parses anything here.

use std::path::{Path, PathBuf};

/// Exit code: success.
pub const EXIT_OK: u8 = 0;
/// Exit code: invalid input (scenario, replay or save errors).
pub const EXIT_INVALID: u8 = 1;
/// Exit code: usage error (bad arguments; clap uses it too).
pub const EXIT_USAGE: u8 = 2;
/// Exit code: a replay diverged from its recorded hashes.
pub const EXIT_DIVERGED: u8 = 3;

/// Which side the human plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PlaySide {
    /// The Allies (the computer plays the Axis).
    #[default]
    Allied,
    /// The Axis (the computer plays the Allies).
    Axis,
    /// Hot seat: both sides by hand.
    Both,
}

/// How to start the game window.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaySettings {
    /// Scenario directory or main `.ron` file (`None`: the default one).
    pub scenario: Option<PathBuf>,
    /// The player named the scenario, so the start screen is skipped.
    pub scenario_named: bool,
    /// The side the human plays.
    pub side: PlaySide,
    /// Computer opponent's difficulty (empty: the scenario's `ai` level,
    /// else the default level).
    pub difficulty: String,
    /// Save a screenshot here (after `after_frames`) and quit.
    pub screenshot: Option<PathBuf>,
    /// Frames to run before the screenshot.
    pub after_frames: Option<u32>,
    /// A GUI script (scripted input) to run.
    pub script: Option<PathBuf>,
    /// A saved game to resume.
    pub load: Option<PathBuf>,
    /// A replay to watch.
    pub replay: Option<PathBuf>,
    /// The match seed (`--seed`); `None`: a fresh one ([`match_seed`]).
    pub seed: Option<u64>,
    /// Ironman: no loading during the match; it saves itself and resumes.
    pub ironman: bool,
    /// Counter palette for a colour vision (start screen and `--colour-blind`).
    pub vision: crate::render::vision::ColourVision,
    /// Size of the panels and text, 1.0 to 2.0 (`--ui-scale`).
    pub ui_scale: f32,
    /// The guided first game on Gela (`--tutorial`).
    pub tutorial: bool,
}

impl Default for PlaySettings {
    fn default() -> Self {
        Self {
            scenario: None,
            scenario_named: false,
            side: PlaySide::default(),
            difficulty: String::new(),
            screenshot: None,
            after_frames: None,
            script: None,
            load: None,
            replay: None,
            seed: None,
            ironman: false,
            vision: crate::render::vision::ColourVision::Normal,
            ui_scale: 1.0,
            tutorial: false,
        }
    }
}

/// The guided first game's scenario: Gela, from `./scenarios` or the
/// source tree's.
#[must_use]
pub fn tutorial_scenario() -> Option<PathBuf> {
    [
        PathBuf::from("scenarios"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios"),
    ]
    .into_iter()
    .map(|root| root.join("gela"))
    .find(|p| p.join("scenario.ron").is_file())
}

/// The seed of a new match: `chosen` (`--seed N` reproduces a match), else a
/// fresh one from the operating system's entropy, so the dice differ from
/// match to match (`scenario.seed` is only the default of `simulate` and
/// `balance`, which take explicit seeds).
#[must_use]
pub fn match_seed(chosen: Option<u64>) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    chosen.unwrap_or_else(|| {
        // std seeds every `RandomState` from the OS's random source (and
        // varies it per instance); the clock only adds to that.
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        h.write_u128(now);
        h.finish()
    })
}

/// Where the window keeps autosaves and ironman matches.
#[must_use]
pub fn autosave_dir() -> PathBuf {
    Path::new("saves").join("autosave")
}

/// The default scenario: `scenarios/sicily`, else the first directory (by
/// name) under `scenarios/` holding a `scenario.ron`. Looks in the working
/// directory, then in the source tree the binary was built from.
#[must_use]
pub fn default_scenario() -> Option<PathBuf> {
    let roots = [
        PathBuf::from("scenarios"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios"),
    ];
    for root in roots {
        let sicily = root.join("sicily");
        if sicily.join("scenario.ron").is_file() {
            return Some(sicily);
        }
        let Ok(dir) = std::fs::read_dir(&root) else {
            continue;
        };
        let mut found: Vec<PathBuf> = dir
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.join("scenario.ron").is_file())
            .collect();
        found.sort();
        if let Some(first) = found.into_iter().next() {
            return Some(first);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_seed_is_kept_and_fresh_seeds_differ() {
        assert_eq!(match_seed(Some(7)), 7);
        let fresh: Vec<u64> = (0..8).map(|_| match_seed(None)).collect();
        let mut distinct = fresh.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), fresh.len(), "{fresh:?}");
    }
}
