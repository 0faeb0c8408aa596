//! `landfall campaign FILE`: play a linked campaign headless, the computer
//! on both sides, leg after leg, printing each leg's result and what was
//! carried into it (`--record DIR` writes one replay per leg);
//! `landfall campaign FILE --check` only checks the campaign file (every
//! problem at file:line:col); `landfall campaign --verify DIR` re-runs the
//! recorded legs and checks the chain (exit 3 on a divergence).

use super::report;
use crate::campaign::{self, leg_file_name, LegPlayed, VerifyError};
use crate::scenario::campaign as data;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `landfall campaign`.
#[derive(Debug, Clone, clap::Args)]
pub struct CampaignArgs {
    /// The campaign file, or a directory holding `campaign.ron`.
    #[arg(required_unless_present = "verify")]
    pub file: Option<PathBuf>,
    /// Match seed of the first leg (leg N plays with seed + N - 1).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Stop each leg after this many turns (default: play each to its end).
    #[arg(long, value_name = "T")]
    pub turns: Option<u32>,
    /// Write each leg's replay into DIR (`leg-01-<id>.ron`, ...); DIR must
    /// not hold leg replays already.
    #[arg(long, value_name = "DIR")]
    pub record: Option<PathBuf>,
    /// AI difficulty for both sides (levels in scenarios/common/ai.ron).
    #[arg(long, value_name = "D")]
    pub difficulty: Option<String>,
    /// Only check the campaign file and its legs' scenarios.
    #[arg(long, conflicts_with_all = ["verify", "record"])]
    pub check: bool,
    /// Verify the leg replays recorded in DIR instead of playing.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["file", "record", "turns"])]
    pub verify: Option<PathBuf>,
    /// With `--verify`: the campaign file (default: the one the replays name).
    #[arg(long, value_name = "FILE", requires = "verify")]
    pub campaign: Option<PathBuf>,
}

/// Run `landfall campaign`.
#[must_use]
pub fn run(args: &CampaignArgs) -> ExitCode {
    if let Some(dir) = &args.verify {
        return verify(dir, args.campaign.as_deref());
    }
    let Some(file) = &args.file else {
        eprintln!("error: name a campaign file, or --verify DIR");
        return ExitCode::from(super::EXIT_USAGE);
    };
    let loaded = data::load(file);
    if args.check || loaded.campaign.is_none() {
        print!("{}", report::render(&loaded.diagnostics, &loaded.sources));
        let errors = loaded.errors();
        println!(
            "{}",
            report::summary(errors, loaded.diagnostics.len() - errors)
        );
        if loaded.campaign.is_none() {
            return ExitCode::from(super::EXIT_INVALID);
        }
        return ExitCode::from(super::EXIT_OK);
    }
    let Some(c) = loaded.campaign else {
        return ExitCode::from(super::EXIT_INVALID);
    };
    let params = match super::simulate::params(args.difficulty.as_deref(), None) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(super::EXIT_USAGE);
        }
    };
    if let Some(dir) = &args.record {
        if let Err(e) = empty_record_dir(dir) {
            eprintln!("error: {e}");
            return ExitCode::from(super::EXIT_USAGE);
        }
    }
    println!("{} ({} legs, seed {})", c.name, c.legs.len(), args.seed);
    let mut on_leg = |leg: &LegPlayed| -> Result<(), String> {
        let spec = &c.legs[leg.index];
        println!();
        println!(
            "== leg {}/{}: {} ==",
            leg.index + 1,
            c.legs.len(),
            spec.scenario.name
        );
        if leg.carry.summary.is_empty() {
            println!("carried in: nothing");
        } else {
            println!("carried in:");
            for line in &leg.carry.summary {
                println!("  {line}");
            }
        }
        print!(
            "{}",
            super::simulate::human(leg.sim.game.scenario(), &leg.sim.summary)
        );
        if let Some(dir) = &args.record {
            let path = dir.join(leg_file_name(leg.index, &spec.id));
            let mut replay = crate::replay::record(&leg.sim.game);
            replay.scenario_path = spec.scenario_path.to_string_lossy().replace('\\', "/");
            crate::replay::save(&path, &replay).map_err(|e| e.to_string())?;
            println!("replay written to {}", path.display());
        }
        Ok(())
    };
    match campaign::play(&c, args.seed, args.turns, &params, &mut on_leg) {
        Ok(outcomes) => {
            println!();
            println!("campaign over:");
            for o in &outcomes {
                println!("  {}: {}", o.leg, o.result);
            }
            ExitCode::from(super::EXIT_OK)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(super::EXIT_INVALID)
        }
    }
}

/// Create `dir` if needed; refuse one that already holds leg replays (a
/// later `--verify` would mix two campaigns).
fn empty_record_dir(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let rd = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let old = rd.flatten().any(|e| {
        e.file_name()
            .to_str()
            .is_some_and(|n| n.starts_with("leg-") && n.ends_with(".ron"))
    });
    if old {
        return Err(format!(
            "{} already holds leg replays: record into an empty directory",
            dir.display()
        ));
    }
    Ok(())
}

fn verify(dir: &Path, campaign: Option<&Path>) -> ExitCode {
    match campaign::verify_dir(dir, campaign) {
        Ok(legs) => {
            for l in &legs {
                println!(
                    "ok: leg {} ({}): {} commands match, final hash {}; {}",
                    l.file.display(),
                    l.leg,
                    l.commands,
                    l.hash,
                    l.outcome.result
                );
            }
            println!(
                "ok: {} legs verified, carried values consistent",
                legs.len()
            );
            ExitCode::from(super::EXIT_OK)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(match e {
                VerifyError::Invalid(_) => super::EXIT_INVALID,
                VerifyError::Diverged(_) => super::EXIT_DIVERGED,
            })
        }
    }
}
