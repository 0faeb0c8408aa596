//! `landfall render`: draw a scenario's map and units into a PNG, headless.

use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE};
use crate::render::{self, RenderOptions};
use crate::scenario::{self, Side};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `landfall render`.
#[derive(Debug, Clone, clap::Args)]
pub struct RenderArgs {
    /// Scenario directory or main `.ron` file.
    pub scenario: PathBuf,
    /// Where to write the PNG.
    #[arg(long)]
    pub out: PathBuf,
    /// Turn to show (needs a save or replay; not available yet for scenarios,
    /// which always show the setup).
    #[arg(long)]
    pub turn: Option<u32>,
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

/// Runs `landfall render`.
#[must_use]
pub fn run(args: &RenderArgs) -> ExitCode {
    if args.turn.is_some() {
        eprintln!("error: --turn needs a saved game or replay, which `render` cannot read yet; a scenario renders its setup");
        return ExitCode::from(EXIT_USAGE);
    }
    if !(4.0..=200.0).contains(&args.scale) {
        eprintln!("error: --scale must be between 4 and 200 pixels per hex");
        return ExitCode::from(EXIT_USAGE);
    }
    let s = match scenario::load_scenario(&args.scenario) {
        Ok(s) => s,
        Err(diags) => {
            for d in &diags {
                eprintln!("{d}");
            }
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let units = render::units_from_setup(&s);
    let opts = RenderOptions {
        scale: args.scale,
        side: args.side,
        title: args.title.clone(),
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
