//! `landfall arena`: the list, usage errors, and a sharded ladder that
//! merges into exactly the bytes of a single run.

mod cli;

use cli::{landfall, ok};

#[test]
fn list_names_the_levels_and_the_policies() {
    let text = String::from_utf8(ok(&["arena", "--list"])).unwrap();
    let levels = landfall::ai::AiLevels::builtin();
    let names = levels.levels.keys().map(String::as_str);
    for name in names.chain(["runaway", "blitz", "turtle", "coastdash", "passive"]) {
        assert!(text.contains(name), "{name} missing from:\n{text}");
    }
}

#[test]
fn an_unknown_player_is_a_usage_error() {
    let out = landfall(&[
        "arena",
        "scenarios/gela",
        "--allied",
        "normal",
        "--axis",
        "brutal",
        "--runs",
        "1",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown player `brutal`"), "{err}");
    let out = landfall(&["arena", "scenarios/gela", "--allied", "normal"]);
    assert_eq!(out.status.code(), Some(2), "--axis missing");
}

#[test]
fn sharded_ladder_merges_byte_identically() {
    let args = [
        "arena",
        "scenarios/gela",
        "--ladder",
        "--runs",
        "3",
        "--json",
    ];
    let mut whole_args = args.to_vec();
    whole_args.extend(["--jobs", "2"]);
    let whole = ok(&whole_args);
    let dir = std::env::temp_dir().join(format!("landfall-arena-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut parts = Vec::new();
    for k in ["2/2", "1/2"] {
        let mut a = args.to_vec();
        a.extend(["--jobs", "1", "--shard", k]);
        let f = dir.join(format!("part-{}.json", &k[..1]));
        std::fs::write(&f, ok(&a)).unwrap();
        parts.push(f.to_string_lossy().into_owned());
    }
    let mut m = vec!["arena", "merge"];
    m.extend(parts.iter().map(String::as_str));
    m.push("--json");
    let merged = ok(&m);
    assert_eq!(
        String::from_utf8(merged).unwrap(),
        String::from_utf8(whole.clone()).unwrap()
    );
    let j: serde_json::Value = serde_json::from_slice(&whole).unwrap();
    // n levels: n(n-1)/2 pairings, each seed played from both sides.
    let n = landfall::ai::AiLevels::builtin().levels.len();
    let pairings = n * (n - 1) / 2;
    assert_eq!(j["report"]["games"], 3 * pairings * 2);
    assert_eq!(j["report"]["pairings"].as_array().unwrap().len(), pairings);
    assert_eq!(j["report"]["ratings"].as_array().unwrap().len(), n);
    let _ = std::fs::remove_dir_all(&dir);
}
