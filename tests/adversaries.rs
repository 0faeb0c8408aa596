//! The adversary suite: every shipped scenario must hold against every
//! adversary policy (`landfall arena --list`).
//!
//! "Holds" means: for each side a policy is meant for (the defender or the
//! attacker, from the scenario's objectives; `passive` both), that side's
//! *result* with the policy is no better than with the default AI level,
//! the other side being the default level in both cases. A side's result is
//! its mean score over the seeds: 1 a win, ½ a draw, 0 a loss (the score of
//! `landfall arena`). Seeds 1..=N, N = `LANDFALL_ADVERSARY_SEEDS` (default
//! 24: the fewest seeds at which every verdict agreed with the 100-seed one
//! when measured; the figures in docs/ai.md are from 100:
//! `LANDFALL_ADVERSARY_SEEDS=100 cargo test --release --test adversaries --
//! --include-ignored --nocapture`).
//!
//! A pairing that fails today for a real reason is `#[ignore]`d with the
//! measured figures and the reason; run them with `--include-ignored`.

use landfall::ai::AiLevels;
use landfall::arena::adversary::{policy, POLICIES};
use landfall::arena::{bout, side_margin, side_score, Bout};
use landfall::scenario::{Scenario, Side};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

fn seeds() -> u64 {
    std::env::var("LANDFALL_ADVERSARY_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(24)
}

fn scenario(name: &str) -> Arc<Scenario> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name);
    landfall::scenario::load_scenario(&dir).unwrap_or_else(|_| panic!("{name} loads"))
}

fn games(s: &Arc<Scenario>, allied: &str, axis: &str) -> Vec<Bout> {
    let levels = AiLevels::builtin();
    (1..=seeds())
        .map(|seed| bout(s, seed, allied, axis, &levels).expect("known players"))
        .collect()
}

/// The default-against-default bouts of each scenario, computed once.
type Baselines = Mutex<BTreeMap<String, Arc<OnceLock<Vec<Bout>>>>>;

/// Default against default, once per scenario for every test of the binary.
fn baseline(name: &str) -> Vec<Bout> {
    static CACHE: OnceLock<Baselines> = OnceLock::new();
    let cell = {
        let mut map = CACHE.get_or_init(Default::default).lock().unwrap();
        Arc::clone(map.entry(name.into()).or_default())
    };
    cell.get_or_init(|| {
        let d = AiLevels::builtin().default;
        games(&scenario(name), &d, &d)
    })
    .clone()
}

fn holds(name: &str, policy_name: &str) {
    let s = scenario(name);
    let info = POLICIES
        .iter()
        .find(|p| p.name == policy_name)
        .expect("a policy");
    assert!(policy(policy_name, AiLevels::builtin().get(None).unwrap()).is_some());
    let default = AiLevels::builtin().default;
    let base = baseline(name);
    let mut failures = Vec::new();
    for side in info.role.sides(&s) {
        let with = match side {
            Side::Allied => games(&s, policy_name, &default),
            Side::Axis => games(&s, &default, policy_name),
        };
        let (p, d) = (side_score(&with, side), side_score(&base, side));
        let line = format!(
            "{name}: {policy_name} as the {side} scores {p:.3} (VP margin {:+.1}), \
             the default level {d:.3} (VP margin {:+.1}), over {} seeds",
            side_margin(&with, side),
            side_margin(&base, side),
            seeds()
        );
        eprintln!("{line}");
        if p > d {
            failures.push(line);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

macro_rules! suite {
    ($($test:ident: $scenario:literal $policy:literal $(#[$attr:meta])?;)*) => {
        $(
            #[test]
            $(#[$attr])?
            fn $test() {
                holds($scenario, $policy);
            }
        )*
    };
}

suite! {
    gela_holds_against_runaway: "gela" "runaway";
    gela_holds_against_blitz: "gela" "blitz" #[ignore = "fails after the AI, history and toolkit merges (24 seeds): blitz as the Allies 0.562 (VP margin +9.1), the default level 0.292 (+3.0); Gela's earlier sudden death and the new Allied AI posture"];
    gela_holds_against_turtle: "gela" "turtle";
    gela_holds_against_coastdash: "gela" "coastdash" #[ignore = "fails after the AI, history and toolkit merges (24 seeds): coastdash as the Allies 0.438 (VP margin +6.7), the default level 0.292 (+3.0)"];
    gela_holds_against_passive: "gela" "passive";
    sicily_holds_against_runaway: "sicily" "runaway" #[ignore = "fails today (issue 17, 100 seeds): runaway as the Axis 0.405 (79 draws; VP margin -47.6), the default level 0.140 (-64.8); evacuating from turn 1 turns Allied wins into draws"];
    sicily_holds_against_blitz: "sicily" "blitz";
    sicily_holds_against_turtle: "sicily" "turtle" #[ignore = "fails today (issue 17, 100 seeds): turtle as the Axis 0.885 (78 wins; VP margin +2.3), the default level 0.140 (-64.8); the Allied AI does not take objectives the Axis sits on"];
    sicily_holds_against_coastdash: "sicily" "coastdash" #[ignore = "fails after the AI, history and toolkit merges (24 seeds): coastdash as the Allies 0.938 (VP margin +85.6), the default level 0.896 (+82.4)"];
    sicily_holds_against_passive: "sicily" "passive" #[ignore = "fails today (issue 17, 100 seeds): passive as the Axis 0.620 (64 draws; VP margin -9.5), the default level 0.140 (-64.8); the Axis AI loses more by moving than by standing still"];
    salerno_holds_against_runaway: "salerno" "runaway";
    salerno_holds_against_blitz: "salerno" "blitz";
    salerno_holds_against_turtle: "salerno" "turtle";
    salerno_holds_against_coastdash: "salerno" "coastdash" #[ignore = "fails today (issue 17, 100 seeds): coastdash as the Allies 0.715 (VP margin +31.5), the default level 0.640 (+19.7); the default Allied AI is slower to the deep objectives than a race along the coast road"];
    salerno_holds_against_passive: "salerno" "passive";
}
