//! The arena: players against players over many seeds, to measure the AI's
//! strength and the scenarios' holes (`landfall arena`, `docs/ai.md`).
//!
//! A contender is a difficulty level of the AI (`scenarios/common/ai.ron`)
//! or a named adversary policy ([`adversary`]). A *match* plays one
//! contender as the Allies against another as the Axis on every seed; a
//! *ladder* plays every level against every other on every seed twice, the
//! two exchanging sides, because the scenarios are not symmetric: a level's
//! side-swapped score is (wins + draws/2) over both games. `report.rs`
//! sums the games up (Wilson intervals, Elo ratings: `stats.rs`);
//! `tournament.rs` plays the seeds in parallel, shards and merges them
//! with `crate::sweep`, as `landfall balance` does.

pub mod adversary;
pub mod report;
pub mod stats;
pub mod tournament;

use crate::ai::selfplay::{self, Player};
use crate::ai::{Ai, AiLevels};
use crate::scenario::{Scenario, Side};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A player for `name`: a level of `levels`, else a policy (whose
/// leftovers the default level plays).
pub fn player(name: &str, levels: &AiLevels) -> Result<Box<dyn Player + Send>, String> {
    if let Some(p) = levels.levels.get(name) {
        return Ok(Box::new(Ai::new(p.clone())));
    }
    let default = levels.get(None)?;
    match adversary::policy(name, default) {
        Some(a) => Ok(Box::new(a)),
        None => Err(format!(
            "unknown player `{name}` (levels: {}; policies: {})",
            levels
                .levels
                .keys()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", "),
            adversary::POLICIES
                .iter()
                .map(|p| p.name)
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// One game of the arena.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bout {
    /// Who played the Allies.
    pub allied: String,
    /// Who played the Axis.
    pub axis: String,
    /// Did it reach its end?
    pub finished: bool,
    /// The winner (`None`: a draw, or unfinished).
    pub winner: Option<Side>,
    /// Victory points at the end.
    pub vp: selfplay::PerSide<i64>,
    /// Turns played.
    pub turns_played: u32,
    /// Axis steps evacuated.
    pub evacuated_steps: u32,
    /// Commands refused (should stay 0).
    pub rejected_commands: usize,
    /// State hash at the end.
    pub state_hash: String,
}

impl Bout {
    /// The score of `side` in this game: 1 a win, ½ a draw (or an
    /// unfinished game), 0 a loss.
    #[must_use]
    pub fn score(&self, side: Side) -> f64 {
        match self.winner {
            _ if !self.finished => 0.5,
            None => 0.5,
            Some(w) if w == side => 1.0,
            Some(_) => 0.0,
        }
    }

    /// `side`'s VP minus the other side's.
    #[must_use]
    pub fn margin(&self, side: Side) -> i64 {
        let m = self.vp.allied - self.vp.axis;
        if side == Side::Allied {
            m
        } else {
            -m
        }
    }
}

/// Play one game: `allied` against `axis` (names of levels or policies).
pub fn bout(
    s: &Arc<Scenario>,
    seed: u64,
    allied: &str,
    axis: &str,
    levels: &AiLevels,
) -> Result<Bout, String> {
    let mut a = player(allied, levels)?;
    let mut b = player(axis, levels)?;
    let sim = selfplay::play(s, seed, None, [&mut *a, &mut *b], &mut |_, _| {});
    let r = sim.summary;
    Ok(Bout {
        allied: allied.into(),
        axis: axis.into(),
        finished: r.finished,
        winner: r.winner,
        vp: r.vp,
        turns_played: r.turns_played,
        evacuated_steps: r.evacuated_steps,
        rejected_commands: r.rejected_commands,
        state_hash: r.state_hash,
    })
}

/// The mean score of `side` over `bouts` (0 for none): the "result" a
/// side gets, as the adversary suite compares it.
#[must_use]
pub fn side_score(bouts: &[Bout], side: Side) -> f64 {
    if bouts.is_empty() {
        return 0.0;
    }
    bouts.iter().map(|b| b.score(side)).sum::<f64>() / bouts.len() as f64
}

/// The mean VP margin of `side` over `bouts`.
#[must_use]
pub fn side_margin(bouts: &[Bout], side: Side) -> f64 {
    if bouts.is_empty() {
        return 0.0;
    }
    bouts.iter().map(|b| b.margin(side) as f64).sum::<f64>() / bouts.len() as f64
}
