//! `landfall bench [--json] [--quick]`: measure the engine's speed and
//! memory figures against their targets (`crate::bench`) and print a table
//! (or JSON). Reports only: the exit code is 0 whatever the timings, so CI
//! can run it for the record without failing on noise. Build with
//! `--release` first; a debug build prints a warning.

use crate::bench;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `landfall bench`.
#[derive(Debug, Clone, clap::Args)]
pub struct BenchArgs {
    /// Print the report as JSON on stdout.
    #[arg(long)]
    pub json: bool,
    /// Fewer runs, and a 100-run balance sweep extrapolated to 1,000 (labelled).
    #[arg(long)]
    pub quick: bool,
    /// Measure only these groups (comma-separated): campaigns, queries, ai,
    /// scaling, rss, sweep.
    #[arg(long, value_delimiter = ',', value_parser = clap::builder::PossibleValuesParser::new(bench::figures::GROUPS))]
    pub only: Vec<String>,
    /// Map sizes (hexes) of the scaling table, comma-separated (default:
    /// 2000,10000,50000,100000).
    #[arg(long, value_delimiter = ',', value_name = "HEXES")]
    pub sizes: Vec<u32>,
    /// Internal: simulate this scenario and print the peak RSS (kB); the
    /// bench runs itself with it to measure memory in a fresh process.
    #[arg(long, value_name = "DIR", hide = true)]
    pub rss_child: Option<PathBuf>,
}

/// Run `landfall bench`.
#[must_use]
pub fn run(args: &BenchArgs) -> ExitCode {
    if let Some(dir) = &args.rss_child {
        return match bench::figures::rss_child(dir) {
            Ok(kb) => {
                println!("{kb}");
                ExitCode::from(super::EXIT_OK)
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(super::EXIT_INVALID)
            }
        };
    }
    if cfg!(debug_assertions) {
        eprintln!("warning: this is a debug build; measure with `cargo run --release -- bench`");
    }
    match bench::figures::all(args.quick, &args.only, &args.sizes) {
        Ok(report) => {
            if args.json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&report).unwrap_or_default()
                );
            } else {
                print!("{}", bench::table(&report));
            }
            ExitCode::from(super::EXIT_OK)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(super::EXIT_INVALID)
        }
    }
}
