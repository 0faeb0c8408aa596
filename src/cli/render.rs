//! `landfall render`: draw a scenario's map and units into a PNG, headless.
//! A scenario shows its setup; a save (or replay) is re-run through the
//! rules up to the start of `--turn` (default: where it was saved) and shows
//! the units as they stand then.

use super::{EXIT_DIVERGED, EXIT_INVALID, EXIT_OK, EXIT_USAGE};
use crate::render::{self, RenderOptions, RenderUnit};
use crate::replay::{self, Replay};
use crate::scenario::{self, Scenario, Side};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Arguments of `landfall render`.
#[derive(Debug, Clone, clap::Args)]
pub struct RenderArgs {
    /// Scenario directory or main `.ron` file, or a saved game / replay.
    #[arg(value_name = "SCENARIO_OR_SAVE")]
    pub scenario: PathBuf,
    /// Where to write the PNG.
    #[arg(long)]
    pub out: PathBuf,
    /// For a save: show the start of this turn (default: the saved position).
    /// A scenario always shows its setup.
    #[arg(long)]
    pub turn: Option<u32>,
    /// For a save: the scenario it was played on (default: the path recorded
    /// in the save, then scenarios/<id>).
    #[arg(long = "scenario", value_name = "DIR")]
    pub scenario_dir: Option<PathBuf>,
    /// Show only this side's units: allied or axis.
    #[arg(long, value_parser = parse_side)]
    pub side: Option<Side>,
    /// Pixels between neighbouring hex centres (default 24).
    #[arg(long, default_value_t = 24.0)]
    pub scale: f32,
    /// Title drawn in the corner (default: the scenario name).
    #[arg(long)]
    pub title: Option<String>,
}

/// Parses `allied` or `axis`.
pub fn parse_side(s: &str) -> Result<Side, String> {
    match s.to_ascii_lowercase().as_str() {
        "allied" | "allies" => Ok(Side::Allied),
        "axis" => Ok(Side::Axis),
        _ => Err(format!("unknown side `{s}` (expected allied or axis)")),
    }
}

/// Loads a scenario, printing its diagnostics on failure.
fn load(path: &Path) -> Result<Arc<Scenario>, ExitCode> {
    scenario::load_scenario(path).map_err(|diags| {
        for d in &diags {
            eprintln!("{d}");
        }
        ExitCode::from(EXIT_INVALID)
    })
}

/// The save cut at the start of `turn`: the commands up to the last end of
/// phase before that turn.
#[must_use]
pub fn cut_at_turn(r: &Replay, turn: u32) -> Replay {
    let keep = r
        .checkpoints
        .iter()
        .filter(|c| c.turn < turn)
        .map(|c| c.command_index + 1)
        .max()
        .unwrap_or(0)
        .min(r.commands.len());
    let mut out = r.clone();
    out.commands.truncate(keep);
    out.hashes.truncate(keep);
    out.checkpoints.retain(|c| c.command_index < keep);
    out
}

/// What to draw: the scenario, its units, and the turn shown (saves only).
type Drawing = (Arc<Scenario>, Vec<RenderUnit>, Option<u32>);

/// The scenario and the units to draw, from a scenario or a save.
fn units_for(args: &RenderArgs) -> Result<Drawing, ExitCode> {
    let save = if args.scenario.is_file() {
        replay::load(&args.scenario).ok()
    } else {
        None
    };
    let Some(r) = save else {
        if args.turn.is_some() {
            eprintln!("error: --turn needs a saved game or replay; a scenario renders its setup");
            return Err(ExitCode::from(EXIT_USAGE));
        }
        let s = load(&args.scenario)?;
        let units = render::units_from_setup(&s);
        return Ok((s, units, None));
    };
    let s = load(&r.locate_scenario(args.scenario_dir.as_deref()))?;
    let r = args.turn.map_or(r.clone(), |t| cut_at_turn(&r, t));
    match replay::verify(&s, &r) {
        Ok(v) => {
            let state = v.game.state();
            let units = render::units_from_state(&s, &state.units);
            Ok((Arc::clone(&s), units, Some(state.turn)))
        }
        Err(e) => {
            eprintln!("error: {}: {e}", args.scenario.display());
            let code = if e.is_divergence() {
                EXIT_DIVERGED
            } else {
                EXIT_INVALID
            };
            Err(ExitCode::from(code))
        }
    }
}

/// Runs `landfall render`.
#[must_use]
pub fn run(args: &RenderArgs) -> ExitCode {
    if !(4.0..=200.0).contains(&args.scale) {
        eprintln!("error: --scale must be between 4 and 200 pixels per hex");
        return ExitCode::from(EXIT_USAGE);
    }
    let (s, units, turn) = match units_for(args) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let title = args
        .title
        .clone()
        .or_else(|| turn.map(|t| format!("{}, turn {t}", s.name)));
    let opts = RenderOptions {
        scale: args.scale,
        side: args.side,
        title,
        ..RenderOptions::default()
    };
    let result = render::render_map(&s, &units, &opts).and_then(|pm| {
        render::save_png(&pm, &args.out)?;
        Ok((pm.width(), pm.height()))
    });
    match result {
        Ok((w, h)) => {
            eprintln!("{}: {w}×{h} px, {} units", args.out.display(), units.len());
            ExitCode::from(EXIT_OK)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(EXIT_INVALID)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::cut_at_turn;
    use crate::command::Command;
    use crate::replay::{Checkpoint, Replay, FORMAT};

    fn replay() -> Replay {
        // Six commands; phases end at commands 1 (turn 1), 3 (turn 1), 5 (turn 2).
        let cp = |turn, command_index| Checkpoint {
            turn,
            phase: 0,
            command_index,
            hash: String::new(),
        };
        Replay {
            format: FORMAT,
            scenario_id: "t".into(),
            scenario_path: String::new(),
            scenario_hash: String::new(),
            seed: 1,
            initial_hash: String::new(),
            commands: vec![Command::EndPhase; 6],
            hashes: (0..6).map(|i| i.to_string()).collect(),
            checkpoints: vec![cp(1, 1), cp(1, 3), cp(2, 5)],
            campaign: None,
        }
    }

    #[test]
    fn cut_keeps_the_commands_before_the_turn() {
        assert_eq!(cut_at_turn(&replay(), 1).commands.len(), 0);
        let t2 = cut_at_turn(&replay(), 2);
        assert_eq!(
            (t2.commands.len(), t2.hashes.len(), t2.checkpoints.len()),
            (4, 4, 2)
        );
        assert_eq!(cut_at_turn(&replay(), 9).commands.len(), 6);
    }
}
