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

/// The quick tests run exactly their execution budget.
#[test]
fn scenario_loader_corpus_and_quick_mutations() {
    scenario_loader(Budget::execs(300)).assert_did_work(300);
}

#[test]
fn replay_loader_corpus_and_quick_mutations() {
    replay_loader(Budget::execs(200)).assert_did_work(200);
}

#[test]
fn commands_corpus_and_quick_mutations() {
    commands(Budget::execs(40)).assert_did_work(40);
}

/// A time-budgeted run must replay the corpus and then mutate for the whole
/// budget: at least one mutated input per second (a target that stalls, or a
/// loop that stops early, fails), unless `LANDFALL_FUZZ_EXECS` caps it.
fn timed(run: fn(Budget) -> harness::Report) {
    let budget = Budget::from_env(30);
    let r = run(budget);
    let floor = (r.seeds as u64 + budget.time.as_secs()).min(budget.execs);
    r.assert_did_work(floor);
}

#[test]
#[ignore = "time-budgeted fuzzing: LANDFALL_FUZZ_SECS (default 30)"]
fn fuzz_scenario_loader() {
    timed(scenario_loader);
}

#[test]
#[ignore = "time-budgeted fuzzing: LANDFALL_FUZZ_SECS (default 30)"]
fn fuzz_replay_loader() {
    timed(replay_loader);
}

#[test]
#[ignore = "time-budgeted fuzzing: LANDFALL_FUZZ_SECS (default 30)"]
fn fuzz_commands() {
    timed(commands);
}
