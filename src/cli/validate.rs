//! `landfall validate FILE... [--json]`: load each scenario and print every
//! problem with file:line:col, then `N errors, M warnings`. Exit 1 if any
//! error.
//!
//! A directory without `scenario.ron` (such as `scenarios/common`, which
//! holds shared tables) is skipped with a note on stderr, so
//! `landfall validate scenarios/*` checks every scenario. A directory with
//! a `campaign.ron` (or that file) is checked as a linked campaign, its
//! legs' scenarios with it. Naming no scenario at all is an error.

use super::report;
use crate::scenario::{self, Diagnostic, Sources};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `landfall validate`.
#[derive(Debug, Clone, clap::Args)]
pub struct ValidateArgs {
    /// Scenario directories or main `.ron` files.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Print a JSON list of `{"file","line","col","severity","message"}` to stdout.
    #[arg(long)]
    pub json: bool,
    /// Keep running: validate again every time a watched file is saved
    /// (the `.ron` files under FILE and every file included). Ctrl-C stops.
    #[arg(long, conflicts_with = "json")]
    pub watch: bool,
}

/// The outcome of validating several scenarios.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Every diagnostic, scenario by scenario.
    pub diagnostics: Vec<Diagnostic>,
    /// Texts of every file read.
    pub sources: Vec<Sources>,
    /// Scenarios checked.
    pub checked: usize,
}

/// Validate every path; directories without `scenario.ron` are skipped with
/// a note on stderr.
#[must_use]
pub fn check(files: &[PathBuf]) -> Outcome {
    let mut out = Outcome::default();
    for path in files {
        // A linked campaign (`campaign.ron`): the file and every leg.
        let campaign_file = crate::scenario::campaign::CAMPAIGN_FILE;
        let is_campaign = path.file_name().is_some_and(|n| n == campaign_file)
            || (path.is_dir()
                && path.join(campaign_file).is_file()
                && !path.join("scenario.ron").exists());
        if is_campaign {
            let loaded = crate::scenario::campaign::load(path);
            out.checked += 1;
            if loaded.diagnostics.is_empty() {
                eprintln!("ok: {} (campaign)", path.display());
            }
            out.diagnostics.extend(loaded.diagnostics);
            out.sources.push(loaded.sources);
            continue;
        }
        if path.is_dir() && !path.join("scenario.ron").exists() {
            eprintln!(
                "note: skipping {}: not a scenario (no scenario.ron)",
                path.display()
            );
            continue;
        }
        let loaded = scenario::load(path);
        out.checked += 1;
        if loaded.diagnostics.is_empty() {
            eprintln!("ok: {} ({:.1} ms)", path.display(), loaded.load_ms);
        }
        out.diagnostics.extend(loaded.diagnostics);
        out.sources.push(loaded.sources);
    }
    out
}

/// Render the human form of an outcome: each diagnostic with its source line
/// and caret, then the summary line.
#[must_use]
pub fn render(out: &Outcome) -> String {
    let mut s = String::new();
    // Each diagnostic's file is in one scenario's sources; render each
    // against the first set that has its file.
    let none = Sources::default();
    for d in &out.diagnostics {
        let src = out
            .sources
            .iter()
            .find(|x| x.get(&d.file).is_some())
            .unwrap_or(&none);
        s += &report::render(std::slice::from_ref(d), src);
    }
    let errors = out.diagnostics.iter().filter(|d| d.is_error()).count();
    s += &report::summary(errors, out.diagnostics.len() - errors);
    s.push('\n');
    s
}

/// Run `landfall validate`.
#[must_use]
pub fn run(args: &ValidateArgs) -> ExitCode {
    if args.watch {
        super::watch::watch(&args.files, None);
        return ExitCode::from(super::EXIT_OK);
    }
    let mut out = check(&args.files);
    if out.checked == 0 {
        out.diagnostics.push(Diagnostic::error(
            args.files.first().cloned().unwrap_or_default(),
            0,
            0,
            "no scenario found: name scenario directories (holding scenario.ron) or main .ron files",
        ));
    }
    if args.json {
        println!("{}", report::json(&out.diagnostics));
    } else {
        print!("{}", render(&out));
    }
    let failed = out.diagnostics.iter().any(Diagnostic::is_error);
    ExitCode::from(if failed {
        super::EXIT_INVALID
    } else {
        super::EXIT_OK
    })
}
