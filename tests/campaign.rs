//! `landfall campaign` end to end: the shipped Sicily → Salerno campaign,
//! two turns a leg, recorded and verified; each leg's replay verifies
//! alone; a tampered carry-over or hash is a divergence (exit 3).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn landfall(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_landfall"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("landfall runs")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "landfall-campaign-e2e-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for f in std::fs::read_dir(from).unwrap().flatten() {
        std::fs::copy(f.path(), to.join(f.file_name())).unwrap();
    }
}

#[test]
fn a_short_campaign_plays_records_and_verifies() {
    let dir = scratch("play");
    let d = dir.to_str().unwrap();
    let o = landfall(&[
        "campaign",
        "scenarios/campaign-1943",
        "--seed",
        "3",
        "--turns",
        "2",
        "--record",
        d,
    ]);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.contains("== leg 1/3: Sicily"), "{out}");
    assert!(out.contains("== leg 2/3: Baytown"), "{out}");
    assert!(out.contains("== leg 3/3: Salerno"), "{out}");
    // Scilla falls on Baytown's turn 3: after two turns Eighth Army's
    // brigade has not got far enough to reach Salerno.
    assert!(
        out.contains("did not take scilla in baytown: not in this leg"),
        "{out}"
    );
    // Nothing crosses the strait in two turns (the ferries run from turn
    // 23): each division comes to Salerno with its refit step only.
    assert!(
        out.contains("Hermann Goering Panzer Division (Conrath): 0 step(s) got out of sicily + 1 refit = 1: de_hg_kg 1/2, de_hg_pz 0/1, de_hg_kg2 0/2"),
        "{out}"
    );
    assert!(out.contains("sicily: unfinished after turn 2"), "{out}");
    let leg1 = dir.join("leg-01-sicily.ron");
    let leg2 = dir.join("leg-03-salerno.ron");
    assert!(leg1.is_file() && leg2.is_file());

    let o = landfall(&["campaign", "--verify", d]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("ok: 3 legs verified"), "{}", text(&o));
    // Each leg's replay verifies alone: the carried values are in its header.
    let o = landfall(&["replay", leg2.to_str().unwrap(), "--verify"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let r = landfall::replay::load(&leg2).unwrap();
    let link = r.campaign.as_ref().expect("the link is in the header");
    assert_eq!(
        (link.campaign.as_str(), link.leg, link.leg_id.as_str()),
        ("campaign-1943", 2, "salerno")
    );
    assert_eq!(link.before.len(), 2);
    // Recording again into the same directory is refused.
    let o = landfall(&[
        "campaign",
        "scenarios/campaign-1943",
        "--turns",
        "1",
        "--record",
        d,
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));

    // A carry-over edited in the header: the chain does not hold (exit 3),
    // and the leg alone starts from another state (exit 3).
    let bad = scratch("carried");
    copy_dir(&dir, &bad);
    let mut r2 = r.clone();
    let l = r2.campaign.as_mut().unwrap();
    for c in &mut l.carried {
        if let landfall::scenario::campaign::Carried::Steps { unit, steps } = c {
            if unit == "de_hg_pz" {
                *steps = 1;
            }
        }
    }
    let bad2 = bad.join("leg-03-salerno.ron");
    landfall::replay::save(&bad2, &r2).unwrap();
    let o = landfall(&["campaign", "--verify", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    assert!(
        text(&o).contains("records other carried values"),
        "{}",
        text(&o)
    );
    let o = landfall(&["replay", bad2.to_str().unwrap(), "--verify"]);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));

    // A hash of leg 1 changed: divergence in that leg.
    let bad = scratch("hash");
    copy_dir(&dir, &bad);
    let mut r1 = landfall::replay::load(&leg1).unwrap();
    let last = r1.hashes.len() - 1;
    r1.hashes[last] = "0".repeat(64);
    r1.checkpoints.retain(|c| c.command_index != last);
    landfall::replay::save(&bad.join("leg-01-sicily.ron"), &r1).unwrap();
    let o = landfall(&["campaign", "--verify", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));

    for p in [dir, scratch("carried"), scratch("hash")] {
        let _ = std::fs::remove_dir_all(p);
    }
}

#[test]
fn the_campaign_file_checks_clean_and_a_broken_one_fails_at_its_position() {
    let o = landfall(&["campaign", "scenarios/campaign-1943", "--check"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // Breaking one formation id is reported at file:line:col, exit 1.
    let root = scratch("check");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    for d in ["sicily", "salerno", "common", "campaign-1943"] {
        copy_dir(&src.join(d), &root.join(d));
    }
    let file = root.join("campaign-1943/campaign.ron");
    let t = std::fs::read_to_string(&file).unwrap();
    let line = t
        .lines()
        .position(|l| l.contains("formation: \"15th_pzgr\""))
        .unwrap()
        + 1;
    std::fs::write(
        &file,
        t.replace("formation: \"15th_pzgr\"", "formation: \"15th_pzg\""),
    )
    .unwrap();
    let o = landfall(&["campaign", file.to_str().unwrap(), "--check"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains(&format!("campaign.ron:{line}:"))
            && text(&o).contains("`15th_pzg` is not a formation of leg `sicily`"),
        "{}",
        text(&o)
    );
    let _ = std::fs::remove_dir_all(root);
}
