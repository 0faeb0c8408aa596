//! `landfall play [SCENARIO]`: open the game window (the default subcommand).
//!
//! The scenario is loaded and checked here first, so a broken scenario is
//! reported like `validate` does (exit 1) before any window opens. Without the
//! `gui` feature the binary cannot open a window and says so (exit 2).

use super::report;
use crate::scenario;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Which side the human plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum PlaySide {
    /// The Allies (the computer plays the Axis).
    #[default]
    Allied,
    /// The Axis (the computer plays the Allies).
    Axis,
    /// Hot seat: both sides by hand.
    Both,
}

/// Arguments of `landfall play`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PlayArgs {
    /// Scenario directory or main `.ron` file (default: scenarios/sicily, else
    /// the first scenario found).
    pub scenario: Option<PathBuf>,
    /// The side you play.
    #[arg(long, value_enum, default_value_t = PlaySide::Allied)]
    pub side: PlaySide,
    /// Computer opponent's difficulty.
    #[arg(long)]
    pub difficulty: Option<String>,
    /// Save a screenshot to PATH (after `--after-frames`) and quit.
    #[arg(long, value_name = "PATH")]
    pub screenshot: Option<PathBuf>,
    /// Frames to run before the screenshot.
    #[arg(long, value_name = "N")]
    pub after_frames: Option<u32>,
    /// Run a GUI script (scripted input) from FILE.
    #[arg(long, value_name = "FILE")]
    pub script: Option<PathBuf>,
    /// Resume a saved game.
    #[arg(long, value_name = "SAVE")]
    pub load: Option<PathBuf>,
    /// Watch a replay.
    #[arg(long, value_name = "FILE")]
    pub replay: Option<PathBuf>,
}

/// The default scenario: `scenarios/sicily`, else the first directory (by
/// name) under `scenarios/` holding a `scenario.ron`. Looks in the working
/// directory, then in the source tree the binary was built from.
#[must_use]
pub fn default_scenario() -> Option<PathBuf> {
    let roots = [
        PathBuf::from("scenarios"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios"),
    ];
    for root in roots {
        let sicily = root.join("sicily");
        if sicily.join("scenario.ron").is_file() {
            return Some(sicily);
        }
        let Ok(dir) = std::fs::read_dir(&root) else {
            continue;
        };
        let mut found: Vec<PathBuf> = dir
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.join("scenario.ron").is_file())
            .collect();
        found.sort();
        if let Some(first) = found.into_iter().next() {
            return Some(first);
        }
    }
    None
}

/// Run `landfall play`.
#[must_use]
pub fn run(args: &PlayArgs) -> ExitCode {
    let mut args = args.clone();
    let Some(path) = args.scenario.clone().or_else(default_scenario) else {
        eprintln!("error: no scenario found; pass a scenario directory, e.g. `landfall play scenarios/gela`");
        return ExitCode::from(super::EXIT_INVALID);
    };
    let loaded = scenario::load(&path);
    if loaded.scenario.is_none() {
        eprint!("{}", report::render(&loaded.diagnostics, &loaded.sources));
        eprintln!("{}", report::summary(loaded.errors(), loaded.warnings()));
        return ExitCode::from(super::EXIT_INVALID);
    }
    args.scenario = Some(path);
    launch(&args)
}

#[cfg(feature = "gui")]
fn launch(args: &PlayArgs) -> ExitCode {
    crate::gui::run(args)
}

#[cfg(not(feature = "gui"))]
fn launch(_args: &PlayArgs) -> ExitCode {
    eprintln!(
        "error: this landfall binary was built without the `gui` feature, so it cannot open \
         the game window.\n  Rebuild with the default features (`cargo run --release`), or use \
         `landfall validate`, `landfall info` and the other headless subcommands."
    );
    ExitCode::from(super::EXIT_USAGE)
}
