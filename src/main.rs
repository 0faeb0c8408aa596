//! The `landfall` binary: all work is in the library; see `landfall::cli`.

fn main() -> std::process::ExitCode {
    landfall::cli::main()
}
