//! `landfall play [SCENARIO]`: open the game window (the default subcommand).
//!
//! The scenario is loaded and checked here first, so a broken scenario is
//! reported like `validate` does (exit 1) before any window opens. Without the
//! `gui` feature the binary cannot open a window and says so (exit 2).

use super::report;
use crate::play::{default_scenario, PlaySettings, PlaySide};
use crate::scenario;
use std::path::PathBuf;
use std::process::ExitCode;

/// Which side the human plays (the `--side` values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SideArg {
    /// The Allies (the computer plays the Axis).
    #[default]
    Allied,
    /// The Axis (the computer plays the Allies).
    Axis,
    /// Hot seat: both sides by hand.
    Both,
}

impl From<SideArg> for PlaySide {
    fn from(side: SideArg) -> Self {
        match side {
            SideArg::Allied => PlaySide::Allied,
            SideArg::Axis => PlaySide::Axis,
            SideArg::Both => PlaySide::Both,
        }
    }
}

/// Arguments of `landfall play`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PlayArgs {
    /// Scenario directory or main `.ron` file (default: scenarios/sicily, else
    /// the first scenario found).
    pub scenario: Option<PathBuf>,
    /// The side you play.
    #[arg(long, value_enum, default_value_t = SideArg::Allied)]
    pub side: SideArg,
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
    /// The match seed, to reproduce a match's dice (default: a fresh seed for
    /// every match, shown in the help window, F1).
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Ironman: no loading during the match; the game saves itself after
    /// every command and on exit, and `--ironman` resumes it.
    #[arg(long)]
    pub ironman: bool,
    /// Counter colours for colour-blind players: deuteranopia, protanopia,
    /// tritanopia (or normal). Also on the start screen.
    #[arg(long, value_name = "VISION", value_parser = crate::render::vision::ColourVision::parse)]
    pub colour_blind: Option<crate::render::vision::ColourVision>,
    /// Size of panels and text (1.0 to 2.0, for high-DPI screens).
    #[arg(long, value_name = "X", value_parser = parse_ui_scale)]
    pub ui_scale: Option<f32>,
    /// A guided first game: Gela, turn 1, as the Allies, step by step.
    #[arg(long)]
    pub tutorial: bool,
}

fn parse_ui_scale(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(x) if (1.0..=2.0).contains(&x) => Ok(x),
        _ => Err(format!("`{s}` is not a UI scale between 1.0 and 2.0")),
    }
}

impl PlayArgs {
    /// The window's settings, with `scenario` (checked) as the scenario.
    #[must_use]
    pub fn settings(&self, scenario: PathBuf) -> PlaySettings {
        PlaySettings {
            // The tutorial opens on its game at once, as the Allies.
            scenario_named: self.scenario.is_some() || self.tutorial,
            scenario: Some(scenario),
            side: if self.tutorial {
                PlaySide::Allied
            } else {
                self.side.into()
            },
            // Empty: the scenario's `ai` level, else the default one.
            difficulty: self.difficulty.clone().unwrap_or_default(),
            screenshot: self.screenshot.clone(),
            after_frames: self.after_frames,
            script: self.script.clone(),
            load: self.load.clone(),
            replay: self.replay.clone(),
            seed: self.seed,
            ironman: self.ironman,
            vision: self.colour_blind.unwrap_or_default(),
            ui_scale: self.ui_scale.unwrap_or(1.0),
            tutorial: self.tutorial,
        }
    }
}

/// Run `landfall play`.
#[must_use]
pub fn run(args: &PlayArgs) -> ExitCode {
    let tutorial = args.tutorial.then(crate::play::tutorial_scenario).flatten();
    let Some(path) = tutorial
        .or_else(|| args.scenario.clone())
        .or_else(default_scenario)
    else {
        eprintln!("error: no scenario found; pass a scenario directory, e.g. `landfall play scenarios/gela`");
        return ExitCode::from(super::EXIT_INVALID);
    };
    let loaded = scenario::load(&path);
    if loaded.scenario.is_none() {
        eprint!("{}", report::render(&loaded.diagnostics, &loaded.sources));
        eprintln!("{}", report::summary(loaded.errors(), loaded.warnings()));
        return ExitCode::from(super::EXIT_INVALID);
    }
    launch(&args.settings(path))
}

#[cfg(feature = "gui")]
fn launch(settings: &PlaySettings) -> ExitCode {
    crate::gui::run(settings)
}

#[cfg(not(feature = "gui"))]
fn launch(_settings: &PlaySettings) -> ExitCode {
    eprintln!(
        "error: this landfall binary was built without the `gui` feature, so it cannot open \
         the game window.\n  Rebuild with the default features (`cargo run --release`), or use \
         `landfall validate`, `landfall info` and the other headless subcommands."
    );
    ExitCode::from(super::EXIT_USAGE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn parsed(args: &[&str]) -> PlayArgs {
        match crate::cli::Cli::try_parse_from(args)
            .expect("valid arguments")
            .command
        {
            Some(crate::cli::Command::Play(a)) => a,
            other => panic!("not `play`: {other:?}"),
        }
    }

    #[test]
    fn the_arguments_become_the_windows_settings() {
        let a = parsed(&[
            "landfall",
            "play",
            "scenarios/gela",
            "--side",
            "axis",
            "--after-frames",
            "5",
            "--screenshot",
            "shot.png",
            "--colour-blind",
            "tritanopia",
            "--ui-scale",
            "1.5",
        ]);
        let s = a.settings(PathBuf::from("scenarios/gela"));
        assert_eq!(
            s,
            PlaySettings {
                scenario: Some(PathBuf::from("scenarios/gela")),
                scenario_named: true,
                side: PlaySide::Axis,
                difficulty: String::new(),
                screenshot: Some(PathBuf::from("shot.png")),
                after_frames: Some(5),
                script: None,
                load: None,
                replay: None,
                seed: None,
                ironman: false,
                vision: crate::render::vision::ColourVision::Tritanopia,
                ui_scale: 1.5,
                tutorial: false,
            }
        );
    }

    #[test]
    fn the_tutorial_opens_gela_as_the_allies() {
        let a = parsed(&["landfall", "play", "--side", "axis", "--tutorial"]);
        let s = a.settings(PathBuf::from("scenarios/gela"));
        assert!(s.tutorial && s.scenario_named);
        assert_eq!(s.side, PlaySide::Allied);
        let gela = crate::play::tutorial_scenario().expect("scenarios/gela");
        assert!(gela.ends_with("gela"));
    }

    #[test]
    fn seed_and_ironman_reach_the_window() {
        let a = parsed(&["landfall", "play", "--seed", "42", "--ironman"]);
        let s = a.settings(PathBuf::from("scenarios/sicily"));
        assert_eq!((s.seed, s.ironman), (Some(42), true));
        let a = parsed(&["landfall", "play"]);
        let s = a.settings(PathBuf::from("scenarios/sicily"));
        assert_eq!((s.seed, s.ironman), (None, false));
    }

    #[test]
    fn a_default_scenario_is_not_named_so_the_start_screen_shows() {
        let a = parsed(&["landfall", "play", "--side", "both", "--difficulty", "hard"]);
        let s = a.settings(PathBuf::from("scenarios/sicily"));
        assert!(!s.scenario_named);
        assert_eq!(s.scenario, Some(PathBuf::from("scenarios/sicily")));
        assert_eq!((s.side, s.difficulty.as_str()), (PlaySide::Both, "hard"));
        assert_eq!(s.ui_scale, 1.0);
    }

    #[test]
    fn a_ui_scale_outside_1_to_2_is_refused() {
        let r = crate::cli::Cli::try_parse_from(["landfall", "play", "--ui-scale", "3"]);
        assert!(r.is_err());
        let r = crate::cli::Cli::try_parse_from(["landfall", "play", "--colour-blind", "mauve"]);
        assert!(r.is_err());
    }
}
