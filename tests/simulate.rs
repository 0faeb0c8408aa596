//! `landfall simulate` end to end on the shipped scenarios: same seed, same
//! JSON; different seeds, different games; the AI never issues an illegal
//! command over full games of every scenario.

use std::path::{Path, PathBuf};
use std::process::Command;

fn landfall() -> Command {
    Command::new(env!("CARGO_BIN_EXE_landfall"))
}

fn scenario(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name)
}

fn simulate_json(name: &str, seed: u64, extra: &[&str]) -> (serde_json::Value, String) {
    let out = landfall()
        .arg("simulate")
        .arg(scenario(name))
        .args(["--seed", &seed.to_string(), "--json"])
        .args(extra)
        .output()
        .expect("landfall runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    (serde_json::from_str(&text).expect("JSON"), text)
}

#[test]
fn same_seed_gives_identical_json() {
    let (a, ta) = simulate_json("gela", 11, &[]);
    let (_, tb) = simulate_json("gela", 11, &[]);
    assert_eq!(ta, tb);
    for key in [
        "scenario",
        "seed",
        "turns_played",
        "winner",
        "victory_level",
        "vp",
        "state_hash",
        "captures",
        "evacuated_steps",
        "units_remaining",
        "rejected_commands",
    ] {
        assert!(a.get(key).is_some(), "missing {key}");
    }
    assert_eq!(a["scenario"], "gela");
    assert_eq!(a["seed"], 11);
    assert!(a["vp"]["allied"].is_i64() && a["units_remaining"]["axis"].is_u64());
}

#[test]
fn different_seeds_differ_somewhere_across_ten_seeds() {
    let hashes: std::collections::BTreeSet<String> = (1..=10)
        .map(|seed| {
            simulate_json("gela", seed, &[]).0["state_hash"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(hashes.len() > 1, "ten seeds gave one outcome");
}

#[test]
fn the_ai_issues_no_illegal_command_in_full_games_of_every_scenario() {
    for name in ["gela", "salerno", "sicily"] {
        for seed in [1, 2, 3] {
            let (j, _) = simulate_json(name, seed, &[]);
            assert_eq!(j["rejected_commands"], 0, "{name} seed {seed}");
            assert_eq!(j["finished"], true, "{name} seed {seed}");
        }
    }
}

#[test]
fn turns_limit_stops_early_and_difficulty_is_checked() {
    let (j, _) = simulate_json("sicily", 1, &["--turns", "3"]);
    assert_eq!(
        (j["turns_played"].as_u64(), j["finished"].as_bool()),
        (Some(3), Some(false))
    );
    assert_eq!(j["winner"], serde_json::Value::Null);
    let out = landfall()
        .arg("simulate")
        .arg(scenario("gela"))
        .args(["--difficulty", "brutal"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown difficulty `brutal`"));
    let (easy, _) = simulate_json("gela", 1, &["--difficulty", "easy"]);
    assert_eq!(easy["rejected_commands"], 0);
}
