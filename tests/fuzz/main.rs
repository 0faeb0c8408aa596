//! Fuzzing on stable Rust: the scenario loader, the replay loader and the
//! command validator, each fed mutated inputs until a time budget is spent.
//!
//! - `cargo test --test fuzz` runs the committed corpus
//!   (`tests/fuzz_corpus/<target>/`), the regression fixtures and a few
//!   hundred deterministic mutations per target: a quick check for every CI
//!   run.
//! - `LANDFALL_FUZZ_SECS=60 cargo test --release --no-default-features --test
//!   fuzz -- --ignored --test-threads 1` fuzzes each target for 60 s (default
//!   30 s); `LANDFALL_FUZZ_SEED` changes the random stream. Crashing inputs
//!   land in `target/fuzz-crashes/<target>/`. See `docs/reliability.md`.

mod commands;
mod harness;
mod limits;
mod mutate;
mod regressions;
mod targets;

use harness::{corpus, fuzz, Budget, Rng};

fn seed() -> u64 {
    std::env::var("LANDFALL_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x1a9d_fa11)
}

/// Mutate the body of a scenario input, keeping its first line (the file
/// name) most of the time.
fn mutate_scenario(rng: &mut Rng, input: &[u8], others: &[Vec<u8>]) -> Vec<u8> {
    let cut = input.iter().position(|&b| b == b'\n').map_or(0, |i| i + 1);
    if rng.one_in(20) {
        return mutate::mutate(rng, input, others);
    }
    let mut out = input[..cut].to_vec();
    out.extend(mutate::mutate(rng, &input[cut..], others));
    out
}

fn scenario_loader(budget: Budget) -> harness::Report {
    let scratch = targets::scratch_scenarios("scenario");
    let seeds = targets::scenario_seeds(&scratch, corpus("scenario_loader"));
    fuzz(
        "scenario_loader",
        &seeds,
        budget,
        seed(),
        &mutate_scenario,
        &mut |i| targets::exec_scenario(&scratch, i),
    )
}

fn replay_loader(budget: Budget) -> harness::Report {
    let scratch = targets::scratch_scenarios("replay");
    let seeds = targets::replay_seeds(corpus("replay_loader"));
    fuzz(
        "replay_loader",
        &seeds,
        budget,
        seed(),
        &mutate::mutate,
        &mut |i| targets::exec_replay(&scratch, i),
    )
}

fn commands(budget: Budget) -> harness::Report {
    let seeds = targets::command_seeds(corpus("commands"));
    // Byte-level mutation only: the bytes are a program for `commands::drive`.
    let m = |rng: &mut Rng, input: &[u8], others: &[Vec<u8>]| {
        let mut v = mutate::mutate(rng, input, others);
        if rng.one_in(3) {
            v.extend((0..rng.below(64)).map(|_| rng.next() as u8));
        }
        v
    };
    fuzz(
        "commands",
        &seeds,
        budget,
        seed(),
        &m,
        &mut targets::exec_commands,
    )
}

#[test]
fn scenario_loader_corpus_and_quick_mutations() {
    let r = scenario_loader(Budget::execs(300));
    assert!(r.execs >= 300.min(r.execs), "{r}");
}

#[test]
fn replay_loader_corpus_and_quick_mutations() {
    replay_loader(Budget::execs(200));
}

#[test]
fn commands_corpus_and_quick_mutations() {
    commands(Budget::execs(40));
}

#[test]
#[ignore = "time-budgeted fuzzing: LANDFALL_FUZZ_SECS (default 30)"]
fn fuzz_scenario_loader() {
    scenario_loader(Budget::from_env(30));
}

#[test]
#[ignore = "time-budgeted fuzzing: LANDFALL_FUZZ_SECS (default 30)"]
fn fuzz_replay_loader() {
    replay_loader(Budget::from_env(30));
}

#[test]
#[ignore = "time-budgeted fuzzing: LANDFALL_FUZZ_SECS (default 30)"]
fn fuzz_commands() {
    commands(Budget::from_env(30));
}
