//! The command line: one clap subcommand enum, one file per subcommand, each
//! with a `#[derive(clap::Args)]` struct and a `run` function. `main.rs` only
//! calls [`main`].
//!
//! Adding a subcommand is a 3-line change here: `pub mod foo;`, a variant
//! `Foo(foo::FooArgs)` in [`Command`], and an arm in [`run`]. A `run` may
//! return `ExitCode` or `miette::Result<()>` (wrap the latter in [`exit`]).

pub mod arena;
pub mod balance;
pub mod bench;
pub mod campaign;
pub mod generate;
pub mod info;
pub mod mapgen;
pub mod play;
pub mod render;
pub mod replay;
pub mod report;
pub mod simulate;
pub mod sweep_flags;
pub mod validate;
pub mod watch;

use clap::Parser;
use std::process::ExitCode;

pub use crate::play::{EXIT_DIVERGED, EXIT_INVALID, EXIT_OK, EXIT_USAGE};

/// Landfall: the 1943 landings in Sicily and at Salerno, as a hex wargame.
#[derive(Debug, Parser)]
#[command(
    name = "landfall",
    version,
    about,
    after_help = "Without a subcommand, `landfall` plays the default scenario (scenarios/sicily).\n\n\
Exit codes:\n  0  success\n  1  invalid input (scenario, replay or save errors)\n  2  usage error\n  3  replay divergence"
)]
pub struct Cli {
    /// What to do (default: play).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Open the game window on a scenario (the default).
    Play(play::PlayArgs),
    /// Check scenarios and print every problem with file:line:col.
    Validate(validate::ValidateArgs),
    /// Summarise a scenario: turns, map, units, places, objectives.
    Info(info::InfoArgs),
    /// Generate a scenario map from the geographic data in assets/geodata.
    Mapgen(mapgen::MapgenArgs),
    /// Draw a scenario's map and units into a PNG (headless).
    Render(render::RenderArgs),
    /// Play a scenario AI against AI and summarise the game (`--json`, `--record`).
    Simulate(simulate::SimulateArgs),
    /// Re-run a recorded replay or save and check every state hash (`--verify`).
    Replay(replay::ReplayArgs),
    /// Play many seeds AI against AI and compare the outcomes with history.
    Balance(balance::BalanceArgs),
    /// Play levels and adversary policies against each other over many
    /// seeds (`--ladder`: every level against every other, side-swapped).
    Arena(arena::ArenaArgs),
    /// Play a linked campaign (legs in order, carry-overs between them) AI
    /// against AI; `--verify DIR` re-runs its recorded legs.
    Campaign(campaign::CampaignArgs),
    /// Write a procedurally generated invasion scenario (noise island, rivers, towns, OOBs).
    Generate(generate::GenerateArgs),
    /// Measure speed and memory against the targets (release build; reports, never fails).
    Bench(bench::BenchArgs),
}

/// Parse the arguments and run the subcommand.
#[must_use]
pub fn main() -> ExitCode {
    run(Cli::parse())
}

/// Run parsed arguments.
#[must_use]
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        None => play::run(&play::PlayArgs::default()),
        Some(Command::Play(a)) => play::run(&a),
        Some(Command::Validate(a)) => validate::run(&a),
        Some(Command::Info(a)) => info::run(&a),
        Some(Command::Mapgen(a)) => exit(mapgen::run(&a)),
        Some(Command::Render(a)) => render::run(&a),
        Some(Command::Simulate(a)) => simulate::run(&a),
        Some(Command::Replay(a)) => replay::run(&a),
        Some(Command::Balance(a)) => balance::run(&a),
        Some(Command::Arena(a)) => arena::run(&a),
        Some(Command::Campaign(a)) => campaign::run(&a),
        Some(Command::Generate(a)) => generate::run(&a),
        Some(Command::Bench(a)) => bench::run(&a),
    }
}

/// Turn a `miette::Result` from a subcommand into an exit code: errors are
/// printed as a report on stderr and exit 1 (invalid input).
#[must_use]
pub fn exit(result: miette::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::from(EXIT_OK),
        Err(e) => {
            eprintln!("{e:?}");
            ExitCode::from(EXIT_INVALID)
        }
    }
}
