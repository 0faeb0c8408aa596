//! Deterministic mutation corpus over the *shipped* files: every scenario
//! file (and the shared tables) and every golden replay in `tests/replays/`
//! gets 80–130 mutations — truncation at every 20th of its length, flipped
//! bytes, a line deleted, duplicated or swapped, a number replaced by a
//! string, a huge or a negative number. Each result must load without a
//! panic and be either valid or an error with file:line:col (line ≥ 1); a
//! sample also goes through the built binary, which must exit 1 exactly when
//! the in-process loader reports an error.
//!
//! `tests/loader.rs` mutates bytes of the small fixture; this file covers the
//! real scenarios, replays, line-level and number mutations, and exit codes.

use landfall::replay::{self, ReplayError};
use landfall::scenario;
use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const BIN: &str = env!("CARGO_BIN_EXE_landfall");
/// Every how many mutations one also runs through the binary.
const CLI_SAMPLE: usize = 23;

/// All deterministic mutations of `good`, with a label each.
fn mutations(good: &[u8]) -> Vec<(String, Vec<u8>)> {
    let n = good.len().max(1);
    let mut out = Vec::new();
    for k in 0..20 {
        let at = n * k / 20;
        out.push((
            format!("truncate at {at}"),
            good[..at.min(good.len())].to_vec(),
        ));
        if at < good.len() {
            let mut v = good.to_vec();
            v[at] ^= [0x01, 0x20, 0x80, 0xff][k % 4];
            out.push((format!("flip byte {at}"), v));
        }
    }
    let lines: Vec<&[u8]> = good.split(|&b| b == b'\n').collect();
    let nl = lines.len();
    for k in 0..15 {
        let i = nl * k / 15;
        let mut del = lines.clone();
        del.remove(i);
        out.push((format!("delete line {}", i + 1), del.join(&b'\n')));
        let mut dup = lines.clone();
        dup.insert(i, lines[i]);
        out.push((format!("duplicate line {}", i + 1), dup.join(&b'\n')));
        let j = (i + 1 + k) % nl;
        let mut swap = lines.clone();
        swap.swap(i, j);
        out.push((
            format!("swap lines {} and {}", i + 1, j + 1),
            swap.join(&b'\n'),
        ));
    }
    let numbers = numbers(good);
    for k in 0..12 {
        let Some(&(a, b)) = numbers.get(numbers.len() * k / 12) else {
            break;
        };
        for with in ["\"seven\"", "99999999999999999999999", "-7", "4294967296"] {
            let mut v = good[..a].to_vec();
            v.extend_from_slice(with.as_bytes());
            v.extend_from_slice(&good[b..]);
            out.push((format!("number at byte {a} -> {with}"), v));
        }
    }
    out
}

/// Byte ranges of the digit runs in `v`.
fn numbers(v: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < v.len() {
        if v[i].is_ascii_digit() {
            let a = i;
            while i < v.len() && v[i].is_ascii_digit() {
                i += 1;
            }
            out.push((a, i));
        } else {
            i += 1;
        }
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        if e.path().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

fn scratch(tag: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("mutation-corpus-{tag}"));
    let _ = std::fs::remove_dir_all(&d);
    for s in ["common", "gela", "salerno", "sicily"] {
        copy_dir(&Path::new(ROOT).join("scenarios").join(s), &d.join(s));
    }
    d
}

/// Does `text` contain `name:line:col` with line ≥ 1?
fn has_position(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(i, m)| {
        let rest = &text[i + m.len()..];
        let mut parts = rest.splitn(3, ':');
        parts.next() == Some("")
            && parts
                .next()
                .and_then(|l| l.parse::<usize>().ok())
                .is_some_and(|l| l >= 1)
            && parts
                .next()
                .is_some_and(|c| c.chars().next().is_some_and(|ch| ch.is_ascii_digit()))
    })
}

/// Mutate one scenario file (`dir/file` in the scratch copy), load `scenario`
/// after each mutation, and check the contract. Returns (mutations, errors).
fn scenario_file(d: &Path, file: &str, scenario: &str) -> (usize, usize) {
    let path = d.join(file);
    let good = std::fs::read(&path).unwrap();
    let (mut runs, mut errors) = (0, 0);
    for (i, (label, bytes)) in mutations(&good).into_iter().enumerate() {
        std::fs::write(&path, &bytes).unwrap();
        let loaded = scenario::load(&d.join(scenario));
        runs += 1;
        let ctx = format!("{file}, {label}");
        assert_eq!(loaded.scenario.is_some(), loaded.errors() == 0, "{ctx}");
        for diag in &loaded.diagnostics {
            assert!(diag.line >= 1 && diag.col >= 1, "{ctx}: {diag}");
            assert!(diag.file.exists(), "{ctx}: {diag} names a missing file");
        }
        let failed = loaded.errors() > 0;
        errors += usize::from(failed);
        if i % CLI_SAMPLE == 0 {
            let out = Command::new(BIN)
                .arg("validate")
                .arg(d.join(scenario))
                .output()
                .unwrap();
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert_eq!(
                out.status.code(),
                Some(if failed { 1 } else { 0 }),
                "{ctx}: {stdout}"
            );
            if failed {
                let first = loaded
                    .diagnostics
                    .iter()
                    .find(|d| d.severity == scenario::Severity::Error)
                    .unwrap();
                let name = first
                    .file
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                assert!(
                    has_position(&stdout, &name),
                    "{ctx}: no {name}:line:col in {stdout}"
                );
            }
        }
    }
    std::fs::write(&path, &good).unwrap();
    (runs, errors)
}

#[test]
fn mutated_shipped_scenarios_load_or_fail_with_positions_and_exit_1() {
    let d = scratch("scenarios");
    let mut total = (0, 0);
    let mut files = vec![
        ("common/terrain.ron".to_string(), "gela"),
        ("common/unit_types.ron".to_string(), "gela"),
        ("common/crt.ron".to_string(), "gela"),
    ];
    for s in ["gela", "salerno", "sicily"] {
        for f in ["scenario.ron", "map.ron", "oob_allied.ron", "oob_axis.ron"] {
            files.push((format!("{s}/{f}"), s));
        }
    }
    for (file, s) in &files {
        let (runs, errors) = scenario_file(&d, file, s);
        assert!(runs >= 80, "{file}: only {runs} mutations");
        // Most mutations must break the file: the checks are not asleep.
        assert!(
            errors * 2 > runs,
            "{file}: only {errors} of {runs} mutations were errors"
        );
        total.0 += runs;
        total.1 += errors;
    }
    eprintln!("{} scenario mutations, {} errors", total.0, total.1);
}

/// The exit code `landfall replay --verify` must give for a replay file:
/// 1 if it cannot be used, 3 if it diverges, 0 if it verifies.
fn expected_exit(path: &Path) -> (i32, Option<ReplayError>) {
    let r = match replay::load(path) {
        Ok(r) => r,
        Err(e) => return (1, Some(e)),
    };
    let Ok(s) = scenario::load_scenario(&Path::new(ROOT).join("scenarios").join(&r.scenario_id))
    else {
        return (1, None);
    };
    match replay::verify(&s, &r) {
        Ok(_) => (0, None),
        Err(e) if e.is_divergence() => (3, Some(e)),
        Err(e) => (1, Some(e)),
    }
}

#[test]
fn mutated_golden_replays_load_or_fail_with_positions_and_exit_1() {
    let dir = Path::new(ROOT).join("tests/replays");
    let mut replays: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .collect()
        })
        .unwrap_or_default();
    replays.sort();
    if replays.is_empty() {
        eprintln!("no golden replays yet");
        return;
    }
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("mutation-corpus-replays");
    std::fs::create_dir_all(&d).unwrap();
    let (mut runs, mut parse_errors, mut cli) = (0, 0, 0);
    for src in &replays {
        let good = std::fs::read(src).unwrap();
        let name = src.file_name().unwrap().to_string_lossy().into_owned();
        let path = d.join(&name);
        for (i, (label, bytes)) in mutations(&good).into_iter().enumerate() {
            std::fs::write(&path, &bytes).unwrap();
            runs += 1;
            let ctx = format!("{name}, {label}");
            match replay::load(&path) {
                Err(ReplayError::Parse { line, col, .. }) => {
                    parse_errors += 1;
                    assert!(line >= 1 && col >= 1, "{ctx}");
                    let e = replay::load(&path).unwrap_err().to_string();
                    assert!(has_position(&e, &name), "{ctx}: {e}");
                }
                Err(e) => assert!(!e.to_string().is_empty(), "{ctx}"),
                Ok(_) => {}
            }
            if i % CLI_SAMPLE == 0 {
                cli += 1;
                let (want, err) = expected_exit(&path);
                let out = Command::new(BIN)
                    .args(["replay", "--verify"])
                    .arg(&path)
                    .current_dir(ROOT)
                    .output()
                    .unwrap();
                let stderr = String::from_utf8_lossy(&out.stderr);
                assert_eq!(
                    out.status.code(),
                    Some(want),
                    "{ctx}: {stderr} (expected {err:?})"
                );
                if let Some(ReplayError::Parse { .. }) = err {
                    assert!(has_position(&stderr, &name), "{ctx}: {stderr}");
                }
            }
        }
    }
    eprintln!("{runs} replay mutations, {parse_errors} parse errors, {cli} through the binary");
    assert!(runs >= 100 * replays.len());
    assert!(
        parse_errors * 3 > runs,
        "only {parse_errors} of {runs} replay mutations failed to parse"
    );
}

#[test]
fn the_mutations_are_the_ones_documented() {
    let m = mutations(b"(a: 1,\nb: [2, 3],\nc: \"x\")\n");
    let labels: Vec<&str> = m.iter().map(|(l, _)| l.as_str()).collect();
    assert!(labels.contains(&"truncate at 0"));
    assert!(labels.contains(&"delete line 2"));
    let swapped = m.iter().find(|(l, _)| l == "swap lines 1 and 2").unwrap();
    assert_eq!(swapped.1, b"b: [2, 3],\n(a: 1,\nc: \"x\")\n".to_vec());
    let string = m
        .iter()
        .find(|(l, _)| l == "number at byte 4 -> \"seven\"")
        .unwrap();
    assert_eq!(
        string.1,
        b"(a: \"seven\",\nb: [2, 3],\nc: \"x\")\n".to_vec()
    );
    assert!(has_position("x/map.ron:12:3: error", "map.ron"));
    assert!(!has_position("map.ron: error", "map.ron"));
}
