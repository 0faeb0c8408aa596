//! Crashes the fuzzers found, kept as fixtures in
//! `tests/fixtures/regressions/<target>/` and replayed here with the exact
//! outcome expected now that they are fixed.

use super::commands::checked;
use super::targets;
use landfall::command::Command;
use landfall::sim::Game;
use serde::Deserialize;
use std::path::{Path, PathBuf};

fn files(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/regressions")
        .join(target);
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// The diagnostics (file name, line, message) of a scenario regression input.
fn diagnostics(name: &str) -> Vec<(String, usize, String)> {
    let scratch = targets::scratch_scenarios(&format!("regression-{name}"));
    let input = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/regressions/scenario_loader")
            .join(name),
    )
    .expect("fixture");
    let cut = input
        .iter()
        .position(|&b| b == b'\n')
        .expect("a header line");
    let head = String::from_utf8_lossy(&input[..cut]).into_owned();
    let path = scratch.join(&head);
    std::fs::write(&path, &input[cut + 1..]).expect("write");
    let dir = path.parent().expect("in a directory");
    let dir = if dir.ends_with("common") {
        scratch.join("gela")
    } else {
        dir.to_path_buf()
    };
    let loaded = landfall::scenario::load(&dir);
    let _ = std::fs::remove_dir_all(&scratch);
    loaded
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.file
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                d.line,
                d.message.clone(),
            )
        })
        .collect()
}

#[test]
fn every_scenario_regression_input_runs_clean() {
    let scratch = targets::scratch_scenarios("regressions");
    let all = files("scenario_loader");
    assert!(all.len() >= 2);
    for f in all {
        let input = std::fs::read(&f).expect("fixture");
        targets::exec_scenario(&scratch, &input);
    }
}

#[test]
fn a_road_cost_of_u32_max_is_refused_naming_the_limit() {
    assert_eq!(
        diagnostics("road-cost-u32-max-overflowed-supply-trace"),
        [(
            "terrain.ron".to_string(),
            105,
            "road cost for Motorised must be at most 999 (limit `MAX_FACTOR`), found 4294967295"
                .to_string()
        )]
    );
}

#[test]
fn a_setup_hex_at_i32_extremes_is_off_the_map() {
    assert_eq!(
        diagnostics("setup-at-i32-extremes-overflowed-hexx"),
        [(
            "oob_axis.ron".to_string(),
            6,
            "hex (2147483647,-2147483648) is off the map (8×6: columns 0–7, rows 0–5)".to_string()
        )]
    );
}

#[test]
fn a_scatter_weight_of_u32_max_is_refused_naming_the_limit() {
    assert_eq!(
        diagnostics("scatter-weight-u32-max-overflowed-drop-distribution"),
        [(
            "crt.ron".to_string(),
            45,
            "scatter weight 4294967295 in `distance_night` is more than the limit of 100 (`MAX_SCATTER_WEIGHT`)".to_string()
        )]
    );
}

#[test]
fn a_scatter_table_of_7_distances_is_refused_naming_the_limit() {
    assert_eq!(
        diagnostics("scatter-table-too-long"),
        [(
            "crt.ron".to_string(),
            45,
            "scatter `distance_night` lists 7 distances, more than the limit of 6 (0 to 5 hexes, `MAX_SCATTER_DISTANCES`)".to_string()
        )]
    );
}

#[derive(Deserialize)]
struct CommandCase {
    scenario: String,
    prefix: usize,
    commands: Vec<Command>,
}

/// Each command of a command regression is rejected with a reason, and the
/// game is unchanged; returns the reasons.
fn rejections(path: &Path) -> Vec<String> {
    let case: CommandCase =
        ron::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("fixture parses");
    let mut g = Game::new(targets::shipped(&case.scenario), 1);
    for c in targets::golden(&case.scenario)
        .into_iter()
        .take(case.prefix)
    {
        g.execute(c).expect("golden command");
    }
    case.commands
        .into_iter()
        .map(|c| {
            let hash = g.hash();
            let reason = g.validate(&c).expect_err("rejected").reason;
            checked(&mut g, c);
            assert_eq!(g.hash(), hash);
            reason
        })
        .collect()
}

#[test]
fn every_command_regression_is_rejected_cleanly() {
    let all = files("commands");
    assert!(all.len() >= 2);
    for f in &all {
        let reasons = rejections(f);
        assert!(reasons.iter().all(|r| !r.is_empty()), "{}", f.display());
    }
}

#[test]
fn support_of_u32_max_points_is_refused_by_the_per_attack_limit() {
    let f = files("commands")
        .into_iter()
        .find(|f| f.to_string_lossy().contains("support-u32-max"))
        .expect("fixture");
    let reasons = rejections(&f);
    assert_eq!(reasons.len(), 2);
    for r in reasons {
        assert!(
            r.starts_with("at most ") && r.ends_with(" support points may be spent on one attack"),
            "{r}"
        );
    }
}
