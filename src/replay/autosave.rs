//! Autosave: the game is saved after every command, one file per turn, the
//! last N turns kept, so a crash, a power cut or a mis-click never costs
//! more than the last command.
//!
//! Each autosave is an ordinary save (a replay of the unfinished game, see the
//! module above) written with [`write_atomic`](super::write_atomic) (a
//! temporary file, then a rename), so a crash mid-write leaves the previous
//! save intact. Files are named `autosave-<scenario>-<seq>-turn<turn>.ron`;
//! the first command of a turn starts a new file and later commands of that
//! turn rewrite it. `seq` grows with every new file in the directory, so
//! "newest" does not depend on file times or on the turn (a player who
//! loads turn 3 and plays on still gets fresh saves kept ahead of the
//! abandoned turn 7). Older files beyond `keep` are removed only after the
//! new one is safely written.
//!
//! The window calls [`Autosaver::after_command`] after the commands of each
//! frame; its "Continue" button resumes [`latest`], the newest autosave of
//! any scenario; [`load_latest`] finds the newest one of a given scenario
//! that still loads. An ironman match is kept in one file instead,
//! [`ironman_path`], rewritten after every command and on exit.

use super::{record, save, ReplayError};
use crate::scenario::Scenario;
use crate::sim::Game;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How many autosaves are kept by default.
pub const DEFAULT_KEEP: usize = 5;

/// Saves a game after every command into one directory, one file per turn.
#[derive(Debug, Clone)]
pub struct Autosaver {
    dir: PathBuf,
    keep: usize,
    /// The turn of the file being rewritten, and the file.
    current: Option<(u32, PathBuf)>,
}

impl Autosaver {
    /// Autosave into `dir` (created if missing), keeping the last `keep`
    /// turns' saves (at least 1).
    #[must_use]
    pub fn new(dir: impl Into<PathBuf>, keep: usize) -> Self {
        Self {
            dir: dir.into(),
            keep: keep.max(1),
            current: None,
        }
    }

    /// Call after every executed command (or once after several): saves the
    /// game, into a new file at the first call and whenever the turn changed,
    /// else over this turn's file. Returns the file written.
    pub fn after_command(&mut self, game: &Game) -> Result<PathBuf, ReplayError> {
        let turn = game.state().turn;
        if let Some((t, path)) = &self.current {
            if *t == turn {
                save(path, &record(game))?;
                return Ok(path.clone());
            }
        }
        let path = autosave(&self.dir, game, self.keep)?;
        self.current = Some((turn, path.clone()));
        Ok(path)
    }
}

/// The file an ironman match of `scenario_id` is kept in.
#[must_use]
pub fn ironman_path(dir: &Path, scenario_id: &str) -> PathBuf {
    dir.join(format!("ironman-{}.ron", file_id(scenario_id)))
}

/// A scenario id made safe as part of a file name (ids come from scenario
/// files, which are hostile input: no `/`, `..` or odd characters).
fn file_id(id: &str) -> String {
    let s: String = id
        .chars()
        .take(64)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() {
        "scenario".into()
    } else {
        s
    }
}

/// The sequence number of an autosave file of `prefix`, if it is one.
fn seq_of(name: &str, prefix: &str) -> Option<u64> {
    let rest = name.strip_prefix(prefix)?.strip_suffix(".ron")?;
    let (seq, turn) = rest.split_once("-turn")?;
    turn.parse::<u32>().ok()?;
    seq.parse().ok()
}

/// The autosaves of scenario `scenario_id` in `dir`, oldest first.
#[must_use]
pub fn list(dir: &Path, scenario_id: &str) -> Vec<PathBuf> {
    let prefix = format!("autosave-{}-", file_id(scenario_id));
    let mut found: Vec<(u64, PathBuf)> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    seq_of(&name, &prefix).map(|s| (s, e.path()))
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found.into_iter().map(|(_, p)| p).collect()
}

/// Write an autosave of `game` into `dir` and keep only the newest `keep`
/// (at least 1) of its scenario. Returns the new file.
pub fn autosave(dir: &Path, game: &Game, keep: usize) -> Result<PathBuf, ReplayError> {
    std::fs::create_dir_all(dir).map_err(|source| ReplayError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let id = file_id(&game.scenario().id);
    let existing = list(dir, &game.scenario().id);
    let prefix = format!("autosave-{id}-");
    let next = existing
        .iter()
        .filter_map(|p| seq_of(&p.file_name()?.to_string_lossy(), &prefix))
        .max()
        .map_or(1, |s| s + 1);
    let path = dir.join(format!(
        "autosave-{id}-{next:06}-turn{:03}.ron",
        game.state().turn
    ));
    save(&path, &record(game))?;
    // Only now that the new save is complete are old ones removed; a file
    // that cannot be removed is left (it costs space, never a game).
    let all = list(dir, &game.scenario().id);
    let excess = all.len().saturating_sub(keep.max(1));
    for old in &all[..excess] {
        let _ = std::fs::remove_file(old);
    }
    Ok(path)
}

/// The newest autosave in `dir` of any scenario (for "Continue"): by
/// modification time across scenarios, by sequence number within one.
#[must_use]
pub fn latest(dir: &Path) -> Option<PathBuf> {
    let rd = std::fs::read_dir(dir).ok()?;
    let mut newest: Option<(std::time::SystemTime, u64, PathBuf)> = None;
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix("autosave-") else {
            continue;
        };
        // `<id>-<seq>-turn<turn>.ron`: the id may itself contain dashes.
        let Some(seq) = rest
            .rfind('-')
            .and_then(|cut| rest[..cut].rfind('-'))
            .and_then(|cut| seq_of(&rest[cut + 1..], ""))
        else {
            continue;
        };
        let Ok(modified) = e.metadata().and_then(|m| m.modified()) else {
            continue;
        };
        let key = (modified, seq, e.path());
        if newest.as_ref().is_none_or(|n| (n.0, n.1) < (key.0, key.1)) {
            newest = Some(key);
        }
    }
    newest.map(|n| n.2)
}

/// Load the newest autosave of `scenario` in `dir` that still loads and
/// verifies, skipping damaged ones (and ones from another version of the
/// scenario). Returns the file and the game, or `None` if there is none.
#[must_use]
pub fn load_latest(dir: &Path, scenario: &Arc<Scenario>) -> Option<(PathBuf, Game)> {
    list(dir, &scenario.id)
        .into_iter()
        .rev()
        .find_map(|p| super::load_game(&p, scenario).ok().map(|g| (p, g)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_scenario_ids_make_safe_file_names() {
        assert_eq!(file_id("gela"), "gela");
        assert_eq!(file_id("../../etc/passwd"), "______etc_passwd");
        assert_eq!(file_id(""), "scenario");
        assert_eq!(file_id(&"x".repeat(500)).len(), 64);
    }

    #[test]
    fn only_well_formed_names_count_as_autosaves() {
        let p = "autosave-gela-";
        assert_eq!(seq_of("autosave-gela-000012-turn003.ron", p), Some(12));
        assert_eq!(seq_of("autosave-gela-000012-turn003.ron.tmp-5", p), None);
        assert_eq!(seq_of(".autosave-gela-000012-turn003.ron.tmp-5", p), None);
        assert_eq!(seq_of("autosave-gela-x-turn003.ron", p), None);
        assert_eq!(seq_of("autosave-sicily-000001-turn001.ron", p), None);
    }
}
