//! `landfall balance`: a sharded sweep merges into exactly the bytes of a
//! single run.

mod cli;

use cli::ok as landfall;

#[test]
fn merged_shards_are_byte_identical_to_one_run() {
    let whole = landfall(&[
        "balance",
        "scenarios/gela",
        "--runs",
        "6",
        "--jobs",
        "2",
        "--json",
    ]);
    let dir = std::env::temp_dir().join(format!("landfall-balance-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut parts = Vec::new();
    for k in 1..=3 {
        let shard = format!("{k}/3");
        let bytes = landfall(&[
            "balance",
            "scenarios/gela",
            "--runs",
            "6",
            "--jobs",
            "1",
            "--json",
            "--shard",
            &shard,
        ]);
        let j: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(j["runs"].as_array().unwrap().len(), 2, "shard {shard}");
        let f = dir.join(format!("part-{k}.json"));
        std::fs::write(&f, bytes).unwrap();
        parts.push(f.to_string_lossy().into_owned());
    }
    // Shards in any order.
    parts.reverse();
    let mut args = vec!["balance", "merge"];
    args.extend(parts.iter().map(String::as_str));
    args.push("--json");
    let merged = landfall(&args);
    assert_eq!(
        String::from_utf8(merged).unwrap(),
        String::from_utf8(whole.clone()).unwrap()
    );
    let j: serde_json::Value = serde_json::from_slice(&whole).unwrap();
    assert_eq!(j["report"]["runs"], 6);
    assert_eq!(j["report"]["rejected_commands"], 0);
    let seeds: Vec<u64> = j["runs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["seed"].as_u64().unwrap())
        .collect();
    assert_eq!(seeds, [1, 2, 3, 4, 5, 6]);
}
