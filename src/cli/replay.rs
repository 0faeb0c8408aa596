//! `landfall replay FILE --verify`: re-run a recorded game and compare the
//! state hash after every command. Exit 0 if all match, 3 at the first
//! divergence (with turn, phase, command index, the command and both hashes),
//! 1 if the file is damaged or its scenario changed.

use crate::replay::{self, ReplayError};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `landfall replay`.
#[derive(Debug, Clone, clap::Args)]
pub struct ReplayArgs {
    /// The replay (or save) file.
    pub file: PathBuf,
    /// Re-run every command and compare the hashes (the only mode so far;
    /// watching a replay is `landfall play --replay FILE`).
    #[arg(long)]
    pub verify: bool,
    /// Scenario to replay on (default: the path recorded in the replay, then
    /// `scenarios/<id>`).
    #[arg(long, value_name = "DIR")]
    pub scenario: Option<PathBuf>,
    /// Print the result as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

/// Run `landfall replay`.
#[must_use]
pub fn run(args: &ReplayArgs) -> ExitCode {
    if !args.verify {
        eprintln!("error: nothing to do: pass --verify (to watch a replay use `landfall play --replay FILE`)");
        return ExitCode::from(super::EXIT_USAGE);
    }
    let r = match replay::load(&args.file) {
        Ok(r) => r,
        Err(e) => return fail(args, &e),
    };
    let path = r.locate_scenario(args.scenario.as_deref());
    let Some(s) = super::simulate::load(&path) else {
        return ExitCode::from(super::EXIT_INVALID);
    };
    match replay::verify(&s, &r) {
        Ok(v) => {
            if args.json {
                let j = serde_json::json!({
                    "file": args.file.to_string_lossy(),
                    "ok": true,
                    "scenario": r.scenario_id,
                    "seed": r.seed,
                    "commands": v.commands,
                    "checkpoints": v.checkpoints,
                    "state_hash": v.game.hash(),
                });
                println!("{}", serde_json::to_string_pretty(&j).unwrap_or_default());
            } else {
                println!(
                    "ok: {} commands and {} end-of-phase checkpoints match ({} seed {}, final hash {})",
                    v.commands,
                    v.checkpoints,
                    r.scenario_id,
                    r.seed,
                    v.game.hash()
                );
            }
            ExitCode::from(super::EXIT_OK)
        }
        Err(e) => fail(args, &e),
    }
}

fn fail(args: &ReplayArgs, e: &ReplayError) -> ExitCode {
    let code = if e.is_divergence() {
        super::EXIT_DIVERGED
    } else {
        super::EXIT_INVALID
    };
    if args.json {
        let mut j = serde_json::json!({ "file": args.file.to_string_lossy(), "ok": false, "error": e.to_string() });
        if let ReplayError::Diverged(d) = e {
            j["divergence"] = serde_json::json!({
                "turn": d.turn,
                "phase": d.phase,
                "command_index": d.command_index,
                "command": ron::to_string(&d.command).unwrap_or_default(),
                "expected_hash": d.expected,
                "found_hash": d.found,
                "rejected": d.rejected,
            });
        }
        println!("{}", serde_json::to_string_pretty(&j).unwrap_or_default());
    }
    eprintln!("error: {e}");
    ExitCode::from(code)
}
