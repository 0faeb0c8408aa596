//! `landfall simulate SCENARIO --seed N`: the AI plays both sides to the end
//! (or for `--turns T`), prints a summary (`--json` for machines) and with
//! `--record FILE` writes the replay (`docs/replays.md`).

use super::report;
use crate::ai::selfplay::{self, Summary};
use crate::ai::{AiLevels, AiParams};
use crate::scenario::{self, Scenario, Side};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Arguments of `landfall simulate`.
#[derive(Debug, Clone, clap::Args)]
pub struct SimulateArgs {
    /// Scenario directory or main `.ron` file.
    pub scenario: PathBuf,
    /// RNG seed.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Stop after this many turns (default: play to the end).
    #[arg(long, value_name = "T")]
    pub turns: Option<u32>,
    /// Write the replay of the game to FILE.
    #[arg(long, value_name = "FILE")]
    pub record: Option<PathBuf>,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
    /// AI difficulty for both sides (levels in scenarios/common/ai.ron).
    #[arg(long, value_name = "D")]
    pub difficulty: Option<String>,
    /// Read the AI levels from this file instead of the built-in
    /// `scenarios/common/ai.ron` (for tuning the AI).
    #[arg(long, value_name = "FILE")]
    pub ai_levels: Option<PathBuf>,
    /// Print every event of the game (moves, combats, landings...) as it
    /// happens, on stderr.
    #[arg(long)]
    pub log: bool,
}

/// Load a scenario, printing its diagnostics on failure.
pub(crate) fn load(path: &Path) -> Option<Arc<Scenario>> {
    let loaded = scenario::load(path);
    if loaded.scenario.is_none() {
        eprint!("{}", report::render(&loaded.diagnostics, &loaded.sources));
        eprintln!("{}", report::summary(loaded.errors(), loaded.warnings()));
    }
    loaded.scenario
}

/// The AI parameters of a difficulty level (from `levels`, or the built-in
/// file), or an error message.
pub(crate) fn params(difficulty: Option<&str>, levels: Option<&Path>) -> Result<AiParams, String> {
    let levels = match levels {
        Some(path) => AiLevels::load(path)?,
        None => AiLevels::builtin(),
    };
    levels.get(difficulty).cloned()
}

/// The AI parameters a simulation plays with: `--difficulty`, else the
/// scenario's `ai` level, else the default level.
fn level_params(args: &SimulateArgs, s: &Scenario) -> Result<AiParams, String> {
    let level = args.difficulty.as_deref().or(s.ai.as_deref());
    params(level, args.ai_levels.as_deref())
}

/// Run `landfall simulate`.
#[must_use]
pub fn run(args: &SimulateArgs) -> ExitCode {
    let Some(s) = load(&args.scenario) else {
        return ExitCode::from(super::EXIT_INVALID);
    };
    let p = match level_params(args, &s) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(super::EXIT_USAGE);
        }
    };
    let mut watch = |game: &crate::sim::Game, events: &[crate::command::Event]| {
        if args.log {
            let view = game.view();
            for e in events {
                if let Some(line) = crate::text::event_line(&view, e) {
                    eprintln!("{line}");
                }
            }
        }
    };
    let sim = selfplay::simulate_watched(&s, args.seed, args.turns, &p, &p, &mut watch);
    if let Some(path) = &args.record {
        let mut replay = crate::replay::record(&sim.game);
        replay.scenario_path = args.scenario.to_string_lossy().replace('\\', "/");
        if let Err(e) = crate::replay::save(path, &replay) {
            eprintln!("error: {e}");
            return ExitCode::from(super::EXIT_INVALID);
        }
    }
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&sim.summary).unwrap_or_default()
        );
    } else {
        print!("{}", human(&s, &sim.summary));
        if let Some(path) = &args.record {
            println!("replay written to {}", path.display());
        }
    }
    ExitCode::from(super::EXIT_OK)
}

/// The human summary of one game.
#[must_use]
pub fn human(s: &Scenario, r: &Summary) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} (seed {}): {} turns played",
        s.name, r.seed, r.turns_played
    );
    let result = match (&r.winner, &r.victory_level) {
        (_, None) => "unfinished".to_string(),
        (Some(w), Some(l)) => format!("{w} {} victory", l.to_lowercase()),
        (None, Some(_)) => "draw".to_string(),
    };
    let _ = writeln!(
        out,
        "result: {result}{}",
        r.reason
            .as_ref()
            .map_or(String::new(), |why| format!(" ({why})"))
    );
    let _ = writeln!(out, "VP: Allied {}, Axis {}", r.vp.allied, r.vp.axis);
    let _ = writeln!(out, "objectives changing hands:");
    if r.captures.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for c in &r.captures {
        let name = s
            .map
            .place_id(&c.place)
            .map_or(c.place.as_str(), |p| s.map.places[p as usize].name.as_str());
        let side = if c.side == Side::Allied {
            "Allied"
        } else {
            "Axis"
        };
        let _ = writeln!(
            out,
            "  turn {:>3}  {}  {name} taken by the {side}",
            c.turn, c.date
        );
    }
    let _ = writeln!(
        out,
        "units remaining: Allied {}, Axis {}",
        r.units_remaining.allied, r.units_remaining.axis
    );
    let _ = writeln!(out, "Axis steps evacuated: {}", r.evacuated_steps);
    let _ = writeln!(
        out,
        "commands: {} ({} rejected)",
        r.commands, r.rejected_commands
    );
    let _ = writeln!(out, "state hash: {}", r.state_hash);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::builder::TestScenario;

    fn args(difficulty: Option<&str>) -> SimulateArgs {
        SimulateArgs {
            scenario: PathBuf::new(),
            seed: 1,
            turns: None,
            record: None,
            json: false,
            difficulty: difficulty.map(str::to_string),
            ai_levels: None,
            log: false,
        }
    }

    #[test]
    fn the_scenario_ai_level_plays_unless_the_player_chooses_another() {
        let levels = AiLevels::builtin();
        let mut s = (*TestScenario::new(&["cc"]).build().scenario).clone();
        assert_eq!(
            level_params(&args(None), &s).unwrap(),
            levels.levels["normal"]
        );
        s.ai = Some("hard".into());
        assert_eq!(
            level_params(&args(None), &s).unwrap(),
            levels.levels["hard"]
        );
        assert_eq!(
            level_params(&args(Some("easy")), &s).unwrap(),
            levels.levels["easy"]
        );
    }
}
