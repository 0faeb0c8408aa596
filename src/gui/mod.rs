//! The game window. Placeholder until the GUI lands: `landfall play` calls
//! [`run`] with its arguments.

use std::process::ExitCode;

/// Open the game window for `args` (not built yet).
#[must_use]
pub fn run(args: &crate::cli::play::PlayArgs) -> ExitCode {
    let _ = args;
    eprintln!("the game window is not built yet");
    ExitCode::from(crate::cli::EXIT_USAGE)
}
