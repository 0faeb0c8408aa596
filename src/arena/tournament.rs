//! A whole arena run, or one shard of it: the seeds played in parallel,
//! each seed's games kept with the seed, the report computed from the list
//! sorted by seed — so shards merge byte-identically to one run
//! (`crate::sweep`, shared with `landfall balance`).

use super::report::{self, Report};
use super::{bout, Bout};
use crate::ai::AiLevels;
use crate::scenario::Scenario;
use crate::sweep;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// What to play.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// `true`: every pair of `players` from both sides on each seed;
    /// `false`: `players[0]` (Allies) against `players[1]` (Axis).
    pub ladder: bool,
    /// Levels or policies.
    pub players: Vec<String>,
    /// The level ratings are anchored on (1500).
    pub anchor: String,
    /// Where the levels came from (`None`: the built-in file).
    pub levels_file: Option<String>,
    /// First seed.
    pub first_seed: u64,
    /// Seeds in the whole run.
    pub runs_requested: u32,
}

/// The games of one seed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeedGames {
    /// Seed.
    pub seed: u64,
    /// Its games, in pairing order, each pairing's two sides in turn.
    pub games: Vec<Bout>,
}

/// An arena run: what `--json` prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tournament {
    /// Scenario id.
    pub scenario: String,
    /// Scenario content hash (shards of different data do not merge).
    pub scenario_hash: String,
    /// What was played.
    pub settings: Settings,
    /// Which shard this is (`None`: a whole run or a merge).
    pub shard: Option<String>,
    /// The games, by seed.
    pub seeds: Vec<SeedGames>,
    /// Statistics over every game.
    pub report: Report,
}

/// The games one seed asks for: (allied, axis) names.
#[must_use]
pub fn schedule(settings: &Settings) -> Vec<(String, String)> {
    let p = &settings.players;
    if !settings.ladder {
        return vec![(p[0].clone(), p[1].clone())];
    }
    let mut out = Vec::new();
    for (i, a) in p.iter().enumerate() {
        for b in &p[i + 1..] {
            out.push((a.clone(), b.clone()));
            out.push((b.clone(), a.clone()));
        }
    }
    out
}

/// Play the run (or shard `shard` = (K, M) of it) on `jobs` threads.
pub fn play(
    s: &Arc<Scenario>,
    levels: &AiLevels,
    settings: Settings,
    shard: Option<&str>,
    jobs: Option<usize>,
) -> Result<Tournament, String> {
    let parsed = shard.map(sweep::parse_shard).transpose()?;
    let games = schedule(&settings);
    if games.is_empty() || settings.players.len() < 2 {
        return Err("the arena needs two players".into());
    }
    for name in &settings.players {
        super::player(name, levels)?;
    }
    let seeds = sweep::seeds(settings.first_seed, settings.runs_requested, parsed);
    let played = sweep::play(&seeds, jobs, "seeds", |seed| {
        let games = games
            .iter()
            .map(|(a, b)| bout(s, seed, a, b, levels))
            .collect::<Result<Vec<_>, _>>()?;
        Ok::<_, String>(SeedGames { seed, games })
    })?;
    let seeds = played.into_iter().collect::<Result<Vec<_>, _>>()?;
    Ok(finish(s, settings, shard.map(String::from), seeds))
}

fn finish(
    s: &Scenario,
    settings: Settings,
    shard: Option<String>,
    seeds: Vec<SeedGames>,
) -> Tournament {
    let bouts: Vec<Bout> = seeds.iter().flat_map(|g| g.games.iter().cloned()).collect();
    let report = report::report(&settings.players, settings.ladder, &settings.anchor, &bouts);
    Tournament {
        scenario: s.id.clone(),
        scenario_hash: s.content_hash.clone(),
        settings,
        shard,
        seeds,
        report,
    }
}

/// Join shards of one run: every seed once, sorted, the report recomputed.
pub fn merge(s: &Scenario, parts: Vec<Tournament>) -> Result<Tournament, String> {
    sweep::same_settings(
        &parts,
        |p| (p.scenario_hash.clone(), p.settings.clone()),
        |p| p.shard.clone(),
    )?;
    let settings = parts[0].settings.clone();
    let seeds = sweep::merge_by_seed(parts.into_iter().map(|p| p.seeds).collect(), |g| g.seed)?;
    Ok(finish(s, settings, None, seeds))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(ladder: bool, players: &[&str], runs: u32) -> Settings {
        Settings {
            ladder,
            players: players.iter().map(|p| p.to_string()).collect(),
            anchor: "normal".into(),
            levels_file: None,
            first_seed: 1,
            runs_requested: runs,
        }
    }

    #[test]
    fn a_ladder_plays_each_pair_from_both_sides() {
        let s = settings(true, &["easy", "hard", "normal"], 1);
        let names: Vec<String> = schedule(&s)
            .iter()
            .map(|(a, b)| format!("{a}-{b}"))
            .collect();
        assert_eq!(
            names,
            [
                "easy-hard",
                "hard-easy",
                "easy-normal",
                "normal-easy",
                "hard-normal",
                "normal-hard"
            ]
        );
        assert_eq!(schedule(&settings(false, &["a", "b"], 1)).len(), 1);
    }

    #[test]
    fn shards_merge_into_exactly_the_whole_run() {
        let s = crate::scenario::load_scenario(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scenarios/gela"
        )))
        .expect("gela loads");
        let levels = AiLevels::builtin();
        let set = settings(false, &["normal", "passive"], 3);
        let whole = play(&s, &levels, set.clone(), None, Some(1)).unwrap();
        let parts: Vec<Tournament> = ["2/2", "1/2"]
            .iter()
            .map(|k| play(&s, &levels, set.clone(), Some(k), Some(1)).unwrap())
            .collect();
        assert_eq!(parts[0].seeds.len(), 1);
        let merged = merge(&s, parts.clone()).unwrap();
        assert_eq!(
            serde_json::to_string_pretty(&merged).unwrap(),
            serde_json::to_string_pretty(&whole).unwrap()
        );
        let mut other = parts;
        other[0].settings.players[1] = "blitz".into();
        assert!(merge(&s, other).is_err(), "other players do not merge");
    }
}
