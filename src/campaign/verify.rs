//! Verifying a recorded campaign (`landfall campaign --verify DIR`): each
//! leg's replay re-runs alone (its header's carried values applied, every
//! hash compared), and the chain holds — the values recorded as carried into
//! leg N are those the verified games of legs 1..N-1 give.

use super::outcome;
use crate::replay::{self, Replay};
use crate::scenario::campaign::{self as data, carry_over, Campaign, LegOutcome};
use std::path::{Path, PathBuf};

/// The file a leg's replay is recorded in: `leg-01-sicily.ron`.
#[must_use]
pub fn leg_file_name(index: usize, id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("leg-{:02}-{safe}.ron", index + 1)
}

/// Why a recorded campaign does not verify.
#[derive(Debug)]
pub enum VerifyError {
    /// Unusable input: no leg files, a damaged replay, a missing or invalid
    /// campaign file, a replay that is not a leg (exit 1).
    Invalid(String),
    /// A leg re-ran differently, or its carried values are not those the
    /// legs before it give (exit 3).
    Diverged(String),
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VerifyError::Invalid(m) | VerifyError::Diverged(m) => f.write_str(m),
        }
    }
}

/// A leg that re-ran identically.
#[derive(Debug, Clone)]
pub struct LegVerified {
    /// The replay file.
    pub file: PathBuf,
    /// Leg id.
    pub leg: String,
    /// Commands re-run.
    pub commands: usize,
    /// Final state hash.
    pub hash: String,
    /// Its outcome.
    pub outcome: LegOutcome,
}

/// The leg replays in `dir` (`leg-NN-*.ron`), in leg order.
fn leg_files(dir: &Path) -> Result<Vec<PathBuf>, VerifyError> {
    let rd = std::fs::read_dir(dir)
        .map_err(|e| VerifyError::Invalid(format!("{}: {e}", dir.display())))?;
    let mut files: Vec<PathBuf> = rd
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("leg-") && n.ends_with(".ron"))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(VerifyError::Invalid(format!(
            "{}: no leg replays (leg-NN-<id>.ron) in this directory",
            dir.display()
        )));
    }
    Ok(files)
}

/// The campaign a replay's link names: `explicit`, else the recorded path
/// as given or from the source tree.
fn load_campaign(link_path: &str, explicit: Option<&Path>) -> Result<Campaign, VerifyError> {
    let path = explicit.map_or_else(
        || {
            let p = PathBuf::from(link_path);
            if p.exists() {
                p
            } else {
                Path::new(env!("CARGO_MANIFEST_DIR")).join(link_path)
            }
        },
        Path::to_path_buf,
    );
    let mut loaded = data::load(&path);
    loaded.campaign.take().ok_or_else(|| {
        let first = loaded
            .diagnostics
            .iter()
            .find(|d| d.is_error())
            .map_or_else(String::new, ToString::to_string);
        VerifyError::Invalid(format!(
            "campaign {} does not load ({} errors): {first}",
            path.display(),
            loaded.errors()
        ))
    })
}

/// Verify every leg replay in `dir`, in order (`campaign`: the campaign
/// file, default the one the replays name).
pub fn verify_dir(dir: &Path, campaign: Option<&Path>) -> Result<Vec<LegVerified>, VerifyError> {
    let files = leg_files(dir)?;
    let mut loaded_campaign: Option<Campaign> = None;
    let mut before: Vec<LegOutcome> = Vec::new();
    let mut out = Vec::new();
    for (index, file) in files.iter().enumerate() {
        let invalid = |m: String| VerifyError::Invalid(format!("{}: {m}", file.display()));
        let r: Replay = replay::load(file).map_err(|e| VerifyError::Invalid(e.to_string()))?;
        let link = r
            .campaign
            .clone()
            .ok_or_else(|| invalid("not a campaign leg (no `campaign` in its header)".into()))?;
        if link.leg != index {
            return Err(invalid(format!(
                "is leg {} of its campaign, but the file before it is leg {}",
                link.leg + 1,
                index
            )));
        }
        let c = match &loaded_campaign {
            Some(c) => c,
            None => loaded_campaign.insert(load_campaign(&link.path, campaign)?),
        };
        if link.campaign != c.id {
            return Err(invalid(format!(
                "is a leg of campaign `{}`, not `{}`",
                link.campaign, c.id
            )));
        }
        let leg = c.legs.get(index).ok_or_else(|| {
            invalid(format!(
                "campaign `{}` has only {} legs",
                c.id,
                c.legs.len()
            ))
        })?;
        // The chain: what this leg says it was given is what the legs
        // before it, as verified, give.
        let expected = carry_over(c, index, &before).map_err(invalid)?;
        if expected.link.carried != link.carried || expected.link.before != link.before {
            return Err(VerifyError::Diverged(format!(
                "{}: leg {} (`{}`) records other carried values than the verified legs before it give: \
                 recorded {:?}, expected {:?}",
                file.display(),
                index + 1,
                leg.id,
                link.carried,
                expected.link.carried
            )));
        }
        let v = replay::verify(&leg.scenario, &r).map_err(|e| {
            let m = format!("{}: leg {} (`{}`): {e}", file.display(), index + 1, leg.id);
            if e.is_divergence() {
                VerifyError::Diverged(m)
            } else {
                VerifyError::Invalid(m)
            }
        })?;
        let o = outcome(c, index, &v.game);
        out.push(LegVerified {
            file: file.clone(),
            leg: leg.id.clone(),
            commands: v.commands,
            hash: v.game.hash(),
            outcome: o.clone(),
        });
        before.push(o);
    }
    Ok(out)
}
