//! `landfall generate --seed N --hexes H --units U --out DIR`: write a
//! procedurally generated invasion scenario (`crate::generate`) as ordinary
//! scenario files, self-contained in DIR (the shared tables are copied in),
//! then load it back through the loader as a check.

use super::report;
use crate::generate;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `landfall generate`.
#[derive(Debug, Clone, clap::Args)]
pub struct GenerateArgs {
    /// Seed: the same seed, hexes and units always give the same files.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Map size in hexes (about; the map is a rectangle wider than tall).
    #[arg(long, default_value_t = 2000)]
    pub hexes: u32,
    /// Units of both sides together (45% Axis).
    #[arg(long, default_value_t = 100)]
    pub units: u32,
    /// Output directory, e.g. `scenarios/generated/island_1/`.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

/// Run `landfall generate`.
#[must_use]
pub fn run(args: &GenerateArgs) -> ExitCode {
    let files = match generate::generate(args.seed, args.hexes, args.units) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(super::EXIT_USAGE);
        }
    };
    if let Err(e) = files.write(&args.out) {
        eprintln!("error: cannot write {}: {e}", args.out.display());
        return ExitCode::from(super::EXIT_INVALID);
    }
    let loaded = crate::scenario::load(&args.out);
    if !loaded.diagnostics.is_empty() {
        eprint!("{}", report::render(&loaded.diagnostics, &loaded.sources));
        eprintln!("{}", report::summary(loaded.errors(), loaded.warnings()));
    }
    let Some(s) = loaded.scenario else {
        return ExitCode::from(super::EXIT_INVALID);
    };
    println!(
        "wrote {}: {} × {} hexes, {} units, {} places, {} beaches, {} rivers, {} turns",
        args.out.display(),
        s.map.grid.width,
        s.map.grid.height,
        s.units.len(),
        s.map.places.len(),
        s.map.beaches.len(),
        s.map.rivers.len(),
        s.turns
    );
    ExitCode::from(super::EXIT_OK)
}
