//! `landfall arena`: players against players over many seeds
//! (`crate::arena`, `docs/ai.md`).
//!
//! - `landfall arena SCENARIO --allied A --axis B --runs N`: A plays the
//!   Allies and B the Axis on N seeds (A, B: difficulty levels or policies).
//! - `landfall arena SCENARIO --ladder --runs N`: every level against every
//!   other, each seed played twice with the two exchanging sides.
//! - `landfall arena merge FILES...`: join `--shard K/M --json` files.
//! - `landfall arena --list`: the levels and policies.

use crate::ai::AiLevels;
use crate::arena::adversary::{Role, POLICIES};
use crate::arena::tournament::{self, Settings, Tournament};
use crate::sweep;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `landfall arena`.
#[derive(Debug, Clone, clap::Args)]
pub struct ArenaArgs {
    /// Scenario directory — or `merge` followed by shard JSON files.
    #[arg(
        value_name = "SCENARIO | merge FILES...",
        required_unless_present = "list"
    )]
    pub inputs: Vec<PathBuf>,
    /// Who plays the Allies: a difficulty level or a policy.
    #[arg(long, value_name = "A")]
    pub allied: Option<String>,
    /// Who plays the Axis: a difficulty level or a policy.
    #[arg(long, value_name = "B")]
    pub axis: Option<String>,
    /// Every level against every other, from both sides, on the same seeds.
    #[arg(long, conflicts_with_all = ["allied", "axis"])]
    pub ladder: bool,
    /// Number of seeds to play.
    #[arg(long, default_value_t = 100)]
    pub runs: u32,
    /// Seeds, threads, shards, AI levels, JSON.
    #[command(flatten)]
    pub sweep: super::sweep_flags::SweepFlags,
    /// Name the levels and the policies, and stop.
    #[arg(long)]
    pub list: bool,
}

/// Run `landfall arena`.
#[must_use]
pub fn run(args: &ArenaArgs) -> ExitCode {
    let levels = match &args.sweep.ai_levels {
        Some(f) => AiLevels::load(f),
        None => Ok(AiLevels::builtin()),
    };
    let levels = match levels {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(super::EXIT_INVALID);
        }
    };
    if args.list {
        print!("{}", list(&levels));
        return ExitCode::from(super::EXIT_OK);
    }
    let result = if args.inputs[0].as_os_str() == "merge" {
        run_merge(args)
    } else if args.inputs.len() != 1 {
        Err((
            "give one scenario, or `merge` and the shard files".to_string(),
            super::EXIT_USAGE,
        ))
    } else {
        play(args, &levels)
    };
    match result {
        Ok(t) => {
            if args.sweep.json {
                println!("{}", serde_json::to_string_pretty(&t).unwrap_or_default());
            } else {
                print!("{}", human(&t));
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

fn play(args: &ArenaArgs, levels: &AiLevels) -> Result<Tournament, (String, u8)> {
    let usage = |e: String| (e, super::EXIT_USAGE);
    let players: Vec<String> = if args.ladder {
        levels.levels.keys().cloned().collect()
    } else {
        match (&args.allied, &args.axis) {
            (Some(a), Some(b)) => vec![a.clone(), b.clone()],
            _ => {
                return Err(usage(
                    "give --allied A and --axis B, or --ladder (see --list)".into(),
                ))
            }
        }
    };
    let Some(s) = super::simulate::load(&args.inputs[0]) else {
        return Err((String::new(), super::EXIT_INVALID));
    };
    let settings = Settings {
        ladder: args.ladder,
        players,
        anchor: levels.default.clone(),
        levels_file: args
            .sweep
            .ai_levels
            .as_ref()
            .map(|f| f.display().to_string()),
        first_seed: args.sweep.first_seed,
        runs_requested: args.runs,
    };
    tournament::play(
        &s,
        levels,
        settings,
        args.sweep.shard.as_deref(),
        args.sweep.jobs,
    )
    .map_err(usage)
}

fn run_merge(args: &ArenaArgs) -> Result<Tournament, (String, u8)> {
    let invalid = |e: String| (e, super::EXIT_INVALID);
    let parts: Vec<Tournament> = sweep::read_parts(&args.inputs[1..], "arena").map_err(invalid)?;
    let id = parts
        .first()
        .map(|p| p.scenario.clone())
        .ok_or_else(|| ("no files to merge".to_string(), super::EXIT_USAGE))?;
    let dir = sweep::scenario_dir(&id);
    let s = super::simulate::load(&dir).ok_or_else(|| (String::new(), super::EXIT_INVALID))?;
    let merged = tournament::merge(&s, parts).map_err(invalid)?;
    if merged.scenario_hash != s.content_hash {
        return Err(invalid(format!(
            "the shards were played on other data than {} has now",
            dir.display()
        )));
    }
    Ok(merged)
}

/// `--list`: the levels and the policies.
#[must_use]
pub fn list(levels: &AiLevels) -> String {
    use std::fmt::Write;
    let mut out = String::from("difficulty levels (scenarios/common/ai.ron):\n");
    for name in levels.levels.keys() {
        let default = if *name == levels.default {
            "  (default)"
        } else {
            ""
        };
        let _ = writeln!(out, "  {name}{default}");
    }
    let _ = writeln!(
        out,
        "adversary policies (the default level plays what they leave):"
    );
    for p in POLICIES {
        let role = match p.role {
            Role::Defender => "defender",
            Role::Attacker => "attacker",
            Role::Either => "either side",
        };
        let _ = writeln!(out, "  {:<10} {:<12} {}", p.name, role, p.summary);
    }
    out
}

/// The human report.
#[must_use]
pub fn human(t: &Tournament) -> String {
    use std::fmt::Write;
    let r = &t.report;
    let st = &t.settings;
    let mut out = String::new();
    if st.ladder {
        let _ = writeln!(
            out,
            "{}: ladder of {}; {} seeds from {}, each pairing played from both sides ({} games)",
            t.scenario,
            st.players.join(", "),
            t.seeds.len(),
            st.first_seed,
            r.games
        );
    } else {
        let _ = writeln!(
            out,
            "{}: {} (Allied) against {} (Axis); {} seeds from {}",
            t.scenario,
            st.players[0],
            st.players[1],
            t.seeds.len(),
            st.first_seed
        );
    }
    let _ = writeln!(
        out,
        "{:<22} {:>5} {:>5} {:>5} {:>6}  {:>5}  {:<13}  {:>9}  {:>7}  {:>9}",
        "pairing (first's view)",
        "games",
        "wins",
        "draws",
        "losses",
        "score",
        "95% interval",
        "as Allied",
        "as Axis",
        "VP margin"
    );
    let opt = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{v:.3}"));
    for p in &r.pairings {
        let _ = writeln!(
            out,
            "{:<22} {:>5} {:>5} {:>5} {:>6}  {:.3}  {:.3} – {:.3}  {:>9}  {:>7}  {:>+9.1}",
            format!("{} vs {}", p.first, p.second),
            p.games,
            p.wins,
            p.draws,
            p.losses,
            p.score,
            p.interval.0,
            p.interval.1,
            opt(p.as_allied),
            opt(p.as_axis),
            p.margin
        );
    }
    if !r.ratings.is_empty() {
        let _ = writeln!(out, "ratings (Elo, {} = 1500):", st.anchor);
        for x in &r.ratings {
            let _ = writeln!(out, "  {:<10} {:>6.0}", x.name, x.elo);
        }
    }
    let _ = writeln!(out, "rejected commands: {}", r.rejected_commands);
    out
}
