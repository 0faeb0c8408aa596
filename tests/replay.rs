//! `landfall replay --verify` end to end, and the golden replays in
//! `tests/replays/` (regenerate knowingly: see docs/replays.md).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn landfall() -> Command {
    Command::new(env!("CARGO_BIN_EXE_landfall"))
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("landfall-replay-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn verify(file: &Path) -> Output {
    landfall()
        .current_dir(root())
        .arg("replay")
        .arg(file)
        .arg("--verify")
        .output()
        .expect("landfall runs")
}

fn record(name: &str, seed: u64, file: &Path) {
    let out = landfall()
        .current_dir(root())
        .args([
            "simulate",
            &format!("scenarios/{name}"),
            "--seed",
            &seed.to_string(),
            "--record",
        ])
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn record_then_verify_passes() {
    let f = temp("gela-4.ron");
    record("gela", 4, &f);
    let out = verify(&f);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok: "));
}

#[test]
fn one_altered_command_fails_with_exit_3_at_exactly_that_command() {
    let f = temp("gela-5.ron");
    record("gela", 5, &f);
    let text = std::fs::read_to_string(&f).unwrap();
    // Alter the third command: drop the last hex of its path (still legal,
    // a different state) — or, for a non-move, swap it for an EndPhase.
    let start = text.find("commands: [").unwrap();
    let lines: Vec<&str> = text[start..].lines().skip(1).take(3).collect();
    let third = lines[2].trim();
    let altered = if let Some(i) = third.rfind("), (") {
        format!("{}]),", &third[..i + 1])
    } else {
        "EndPhase,".to_string()
    };
    assert_ne!(altered, third);
    let changed = text.replacen(lines[2], &lines[2].replace(third, &altered), 1);
    let g = temp("gela-5-altered.ron");
    std::fs::write(&g, changed).unwrap();
    let out = landfall()
        .current_dir(root())
        .arg("replay")
        .arg(&g)
        .args(["--verify", "--json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["divergence"]["command_index"], 2);
    assert_eq!(j["divergence"]["turn"], 1);
    assert!(j["divergence"]["expected_hash"].as_str().unwrap().len() == 64);
    assert_ne!(
        j["divergence"]["expected_hash"],
        j["divergence"]["found_hash"]
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("command #2"), "{err}");
}

#[test]
fn a_truncated_replay_gives_exit_1_and_a_message() {
    let f = temp("gela-6.ron");
    record("gela", 6, &f);
    let text = std::fs::read(&f).unwrap();
    let t = temp("gela-6-truncated.ron");
    std::fs::write(&t, &text[..text.len() * 2 / 3]).unwrap();
    let out = verify(&t);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a valid replay"), "{err}");
    let missing = verify(&temp("no-such-file.ron"));
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn a_replay_of_a_changed_scenario_is_refused_with_exit_1() {
    let f = temp("gela-7.ron");
    record("gela", 7, &f);
    let text = std::fs::read_to_string(&f).unwrap();
    let i = text.find("scenario_hash: \"").unwrap() + "scenario_hash: \"".len();
    let mut changed = text.clone();
    changed.replace_range(i..i + 4, "0000");
    let g = temp("gela-7-changed.ron");
    std::fs::write(&g, changed).unwrap();
    let out = verify(&g);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("has changed since the replay was recorded")
    );
}

#[test]
fn golden_replays_verify_bit_exact() {
    let dir = root().join("tests/replays");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "gela-full-seed1.ron",
            "salerno-full-seed1.ron",
            "sicily-10turns-seed1.ron"
        ]
    );
    for f in &files {
        let out = verify(f);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{} no longer replays bit-exact; if the rule or data change is intended, regenerate it (docs/replays.md):\n{}",
            f.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
