//! `landfall balance SCENARIO --runs N`: play N seeds AI against AI (in
//! parallel, each run with its own game and RNG) and report the distribution
//! of outcomes next to the scenario's historical record.
//!
//! Sharding for CI: `--shard K/M` plays only the seeds whose index is K-1
//! modulo M; `landfall balance merge part-*.json` joins the shards. Every JSON
//! file carries the per-seed results and the report is computed from the
//! merged list sorted by seed, so the merge is byte-identical to one run
//! (`crate::sweep`, shared with `landfall arena`).

use crate::ai::selfplay::{self, Summary};
use crate::scenario::{Scenario, Side};
use crate::sweep;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// Arguments of `landfall balance`.
#[derive(Debug, Clone, clap::Args)]
pub struct BalanceArgs {
    /// Scenario directory — or `merge` followed by shard JSON files.
    #[arg(required = true, value_name = "SCENARIO | merge FILES...")]
    pub inputs: Vec<PathBuf>,
    /// Number of seeds to play.
    #[arg(long, default_value_t = 200)]
    pub runs: u32,
    /// Stop each game after this many turns.
    #[arg(long, value_name = "T")]
    pub turns: Option<u32>,
    /// AI difficulty for both sides.
    #[arg(long, value_name = "D")]
    pub difficulty: Option<String>,
    /// Seeds, threads, shards, AI levels, JSON.
    #[command(flatten)]
    pub sweep: super::sweep_flags::SweepFlags,
}

/// A sweep, complete or one shard of it: what `--json` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sweep {
    /// Scenario id.
    pub scenario: String,
    /// Scenario content hash (shards of different data do not merge).
    pub scenario_hash: String,
    /// Difficulty level.
    pub difficulty: String,
    /// Turn limit, if any.
    pub turns: Option<u32>,
    /// First seed.
    pub first_seed: u64,
    /// Seeds in the whole sweep.
    pub runs_requested: u32,
    /// Which shard this is (`None` for a whole sweep or a merge).
    pub shard: Option<String>,
    /// One result per seed, sorted by seed.
    pub runs: Vec<Summary>,
    /// Statistics over `runs`.
    pub report: Report,
}

/// Percentiles (nearest rank) of a list of integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spread {
    /// 10th percentile.
    pub p10: u32,
    /// Median.
    pub median: u32,
    /// 90th percentile.
    pub p90: u32,
}

/// How one objective fared over the runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectiveStats {
    /// Place id.
    pub place: String,
    /// Place name.
    pub name: String,
    /// Holder at the start.
    pub owner: Side,
    /// Runs in which the other side took it.
    pub fell: usize,
    /// The same in per mille of the runs.
    pub fell_permille: u32,
    /// Turn it first fell (runs where it fell).
    pub turn: Option<Spread>,
    /// Campaign day it first fell (day 1 = start date).
    pub day: Option<Spread>,
    /// When it fell historically: (turn, day, note).
    pub history: Option<(u32, u32, String)>,
    /// Runs in which its first holder took it back after losing it.
    #[serde(default)]
    pub retaken: usize,
    /// Campaign day of that first recapture.
    #[serde(default)]
    pub retaken_day: Option<Spread>,
}

/// Statistics of a sweep.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Runs.
    pub runs: usize,
    /// Runs per winner: "Allied", "Axis", "draw", "unfinished".
    pub winners: BTreeMap<String, usize>,
    /// Runs per result: e.g. "Allied Decisive".
    pub levels: BTreeMap<String, usize>,
    /// Per objective, in scenario order.
    pub objectives: Vec<ObjectiveStats>,
    /// Axis steps evacuated.
    pub evacuated_steps: Option<Spread>,
    /// Counterattacks: runs in which a side retook an objective it had lost,
    /// and the campaign day of the first such recapture.
    #[serde(default)]
    pub recaptures: usize,
    /// Day of the first recapture (runs with one).
    #[serde(default)]
    pub first_recapture_day: Option<Spread>,
    /// Commands the AI issued that the rules refused, over all runs.
    pub rejected_commands: usize,
}

fn spread(mut v: Vec<u32>) -> Option<Spread> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    let rank = |p: usize| v[(p * v.len()).div_ceil(100).max(1) - 1];
    Some(Spread {
        p10: rank(10),
        median: rank(50),
        p90: rank(90),
    })
}

/// Compute the report from per-seed results.
#[must_use]
pub fn report(s: &Scenario, runs: &[Summary]) -> Report {
    let mut winners = BTreeMap::new();
    let mut levels = BTreeMap::new();
    for r in runs {
        let w = match (r.finished, r.winner) {
            (false, _) => "unfinished".to_string(),
            (true, Some(w)) => w.to_string(),
            (true, None) => "draw".to_string(),
        };
        *winners.entry(w.clone()).or_insert(0) += 1;
        let l = match &r.victory_level {
            Some(l) if r.winner.is_some() => format!("{w} {l}"),
            Some(l) => l.clone(),
            None => "unfinished".into(),
        };
        *levels.entry(l).or_insert(0) += 1;
    }
    let objectives = s
        .objectives
        .iter()
        .map(|o| {
            let p = &s.map.places[o.place as usize];
            let turns: Vec<u32> = runs
                .iter()
                .filter_map(|r| {
                    r.captures
                        .iter()
                        .find(|c| c.place == p.id && c.side != o.owner)
                        .map(|c| c.turn)
                })
                .collect();
            // The first holder taking it back after its first loss.
            let retaken_days: Vec<u32> = runs
                .iter()
                .filter_map(|r| {
                    let lost = r
                        .captures
                        .iter()
                        .position(|c| c.place == p.id && c.side != o.owner)?;
                    r.captures[lost..]
                        .iter()
                        .find(|c| c.place == p.id && c.side == o.owner)
                        .map(|c| selfplay::day_of(s, c.turn))
                })
                .collect();
            let history = s
                .history
                .iter()
                .find(|h| h.place == p.id && h.side != o.owner)
                .map(|h| (h.turn, selfplay::day_of(s, h.turn), h.note.clone()));
            ObjectiveStats {
                place: p.id.clone(),
                name: p.name.clone(),
                owner: o.owner,
                fell: turns.len(),
                fell_permille: (turns.len() * 1000).checked_div(runs.len()).unwrap_or(0) as u32,
                day: spread(turns.iter().map(|&t| selfplay::day_of(s, t)).collect()),
                turn: spread(turns),
                history,
                retaken: retaken_days.len(),
                retaken_day: spread(retaken_days),
            }
        })
        .collect();
    let first_recaptures: Vec<u32> = runs
        .iter()
        .filter_map(|r| first_recapture(s, r))
        .map(|t| selfplay::day_of(s, t))
        .collect();
    Report {
        recaptures: first_recaptures.len(),
        first_recapture_day: spread(first_recaptures),
        runs: runs.len(),
        winners,
        levels,
        objectives,
        evacuated_steps: spread(runs.iter().map(|r| r.evacuated_steps).collect()),
        rejected_commands: runs.iter().map(|r| r.rejected_commands).sum(),
    }
}

/// Turn of the first capture in `run` of an objective by the side that held
/// it at the start, after losing it: the first successful counterattack.
fn first_recapture(s: &Scenario, run: &Summary) -> Option<u32> {
    run.captures.iter().enumerate().find_map(|(i, c)| {
        let o = s
            .objectives
            .iter()
            .find(|o| s.map.places[o.place as usize].id == c.place)?;
        let lost_before = run.captures[..i]
            .iter()
            .any(|e| e.place == c.place && e.side != o.owner);
        (c.side == o.owner && lost_before).then_some(c.turn)
    })
}

/// Play the sweep (or one shard of it).
pub fn sweep(s: &Arc<Scenario>, args: &BalanceArgs) -> Result<Sweep, String> {
    let shard = args
        .sweep
        .shard
        .as_deref()
        .map(sweep::parse_shard)
        .transpose()?;
    let level = args.difficulty.clone().or_else(|| s.ai.clone());
    let params = super::simulate::params(level.as_deref(), args.sweep.ai_levels.as_deref())?;
    let mut difficulty = level.unwrap_or_else(|| crate::ai::AiLevels::builtin().default);
    if let Some(file) = &args.sweep.ai_levels {
        // Shards played with other levels must not merge with these.
        difficulty = format!("{difficulty} ({})", file.display());
    }
    let seeds = sweep::seeds(args.sweep.first_seed, args.runs, shard);
    let runs = sweep::play(&seeds, args.sweep.jobs, "runs", |seed| {
        selfplay::simulate(s, seed, args.turns, &params, &params).summary
    })?;
    Ok(Sweep {
        scenario: s.id.clone(),
        scenario_hash: s.content_hash.clone(),
        difficulty,
        turns: args.turns,
        first_seed: args.sweep.first_seed,
        runs_requested: args.runs,
        shard: args.sweep.shard.clone(),
        report: report(s, &runs),
        runs,
    })
}

/// Join shards: the runs of every file, sorted by seed, with the report
/// recomputed. Files must come from the same scenario data and settings.
pub fn merge(s: &Scenario, parts: Vec<Sweep>) -> Result<Sweep, String> {
    sweep::same_settings(
        &parts,
        |p| {
            (
                p.scenario_hash.clone(),
                p.difficulty.clone(),
                p.turns,
                p.first_seed,
                p.runs_requested,
            )
        },
        |p| p.shard.clone(),
    )?;
    let mut merged = Sweep {
        shard: None,
        runs: Vec::new(),
        ..parts[0].clone()
    };
    merged.runs = sweep::merge_by_seed(parts.into_iter().map(|p| p.runs).collect(), |r| r.seed)?;
    merged.report = report(s, &merged.runs);
    Ok(merged)
}

/// Run `landfall balance`.
#[must_use]
pub fn run(args: &BalanceArgs) -> ExitCode {
    let result = if args.inputs[0].as_os_str() == "merge" {
        run_merge(args)
    } else if args.inputs.len() != 1 {
        Err((
            "give one scenario, or `merge` and the shard files".to_string(),
            super::EXIT_USAGE,
        ))
    } else {
        match super::simulate::load(&args.inputs[0]) {
            None => Err((String::new(), super::EXIT_INVALID)),
            Some(s) => sweep(&s, args)
                .map(|w| (s, w))
                .map_err(|e| (e, super::EXIT_USAGE)),
        }
    };
    match result {
        Ok((s, w)) => {
            if args.sweep.json {
                println!("{}", serde_json::to_string_pretty(&w).unwrap_or_default());
            } else {
                print!("{}", human(&s, &w));
            }
            ExitCode::from(super::EXIT_OK)
        }
        Err((e, code)) => {
            if !e.is_empty() {
                eprintln!("error: {e}");
            }
            ExitCode::from(code)
        }
    }
}

fn run_merge(args: &BalanceArgs) -> Result<(Arc<Scenario>, Sweep), (String, u8)> {
    let invalid = |e: String| (e, super::EXIT_INVALID);
    let parts: Vec<Sweep> = sweep::read_parts(&args.inputs[1..], "balance").map_err(invalid)?;
    let id = parts
        .first()
        .map(|p| p.scenario.clone())
        .ok_or_else(|| ("no files to merge".to_string(), super::EXIT_USAGE))?;
    let dir = sweep::scenario_dir(&id);
    let s = super::simulate::load(&dir).ok_or_else(|| (String::new(), super::EXIT_INVALID))?;
    let merged = merge(&s, parts).map_err(invalid)?;
    if merged.scenario_hash != s.content_hash {
        return Err(invalid(format!(
            "the shards were played on other data than {} has now",
            dir.display()
        )));
    }
    Ok((s, merged))
}

fn pct(n: usize, of: usize) -> String {
    let pm = (n * 1000).checked_div(of).unwrap_or(0);
    format!("{}.{}%", pm / 10, pm % 10)
}

/// The human report.
#[must_use]
pub fn human(s: &Scenario, w: &Sweep) -> String {
    use std::fmt::Write;
    let r = &w.report;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} runs (seeds {}..), difficulty {}",
        s.name, r.runs, w.first_seed, w.difficulty
    );
    let _ = writeln!(out, "winners:");
    for (k, n) in &r.winners {
        let _ = writeln!(out, "  {k:<12} {n:>5}  {}", pct(*n, r.runs));
    }
    let _ = writeln!(out, "results:");
    for (k, n) in &r.levels {
        let _ = writeln!(out, "  {k:<18} {n:>5}  {}", pct(*n, r.runs));
    }
    let _ = writeln!(
        out,
        "objectives (day it first fell: p10 / median / p90; history):"
    );
    for o in &r.objectives {
        let days = o.day.map_or("-".to_string(), |d| {
            format!("day {} / {} / {}", d.p10, d.median, d.p90)
        });
        let hist = o.history.as_ref().map_or(String::new(), |(t, d, note)| {
            format!("  [history: turn {t}, day {d}: {note}]")
        });
        let retaken = o.retaken_day.map_or(String::new(), |d| {
            format!(
                "; retaken in {} day {} / {} / {}",
                pct(o.retaken, r.runs),
                d.p10,
                d.median,
                d.p90
            )
        });
        let _ = writeln!(
            out,
            "  {:<20} fell in {:>6}  {days}{retaken}{hist}",
            o.name,
            pct(o.fell, r.runs)
        );
    }
    if let Some(d) = r.first_recapture_day {
        let _ = writeln!(
            out,
            "counterattacks: an objective retaken by its first holder in {}, first on day {} / {} / {}",
            pct(r.recaptures, r.runs),
            d.p10,
            d.median,
            d.p90
        );
    }
    if let Some(e) = r.evacuated_steps {
        let _ = writeln!(
            out,
            "Axis steps evacuated: p10 {} / median {} / p90 {}",
            e.p10, e.median, e.p90
        );
    }
    let _ = writeln!(out, "rejected AI commands: {}", r.rejected_commands);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        assert_eq!(
            spread((1..=10).collect()),
            Some(Spread {
                p10: 1,
                median: 5,
                p90: 9
            })
        );
        assert_eq!(
            spread(vec![7]),
            Some(Spread {
                p10: 7,
                median: 7,
                p90: 7
            })
        );
        assert_eq!(spread(vec![]), None);
    }

    #[test]
    fn recaptures_count_an_objective_taken_back_by_its_first_holder() {
        let s = crate::scenario::load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scenarios/gela"
        )))
        .scenario
        .expect("gela loads");
        // Gela (Axis at the start) falls on turn 1 and is retaken on turn 4
        // (day 2 with 12-hour turns); Niscemi falls and is never retaken.
        let run = |captures: &str| -> Summary {
            serde_json::from_str(&format!(
                r#"{{"scenario":"gela","seed":1,"turns_played":6,"finished":true,
                "winner":null,"victory_level":"Draw","reason":null,
                "vp":{{"allied":0,"axis":0}},"state_hash":"","captures":[{captures}],
                "evacuated_steps":0,"units_remaining":{{"allied":1,"axis":1}},
                "commands":0,"rejected_commands":0}}"#
            ))
            .expect("summary json")
        };
        let cap = |place: &str, side: &str, turn: u32| {
            format!(r#"{{"place":"{place}","side":"{side}","turn":{turn},"date":""}}"#)
        };
        let runs = [
            run(&[cap("gela", "Allied", 1), cap("gela", "Axis", 4)].join(",")),
            run(&cap("niscemi", "Allied", 2)),
        ];
        let r = report(&s, &runs);
        let gela = r.objectives.iter().find(|o| o.place == "gela").unwrap();
        assert_eq!((gela.fell, gela.retaken), (1, 1));
        assert_eq!(gela.retaken_day.map(|d| d.median), Some(2));
        let niscemi = r.objectives.iter().find(|o| o.place == "niscemi").unwrap();
        assert_eq!((niscemi.fell, niscemi.retaken), (1, 0));
        assert_eq!(r.recaptures, 1);
        assert_eq!(r.first_recapture_day.map(|d| d.median), Some(2));
    }
}
