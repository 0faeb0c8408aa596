//! Strength by hand until `landfall arena` lands: paired seeds, sides
//! swapped. Ignored by default (whole campaigns); run with
//! `LADDER=gela:easy:normal:20 cargo test --no-default-features --lib
//! ladder -- --ignored --nocapture`.

use super::selfplay;
use super::AiLevels;
use crate::scenario::Side;

/// (wins + draws/2) of level `a` over `seeds` seeds, each played twice
/// with `a` and `b` exchanging sides.
fn side_swapped_score(scenario: &str, a: &str, b: &str, seeds: u64) -> (f64, u64) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(scenario);
    let s = crate::scenario::load_scenario(&path).expect("scenario loads");
    let levels = AiLevels::builtin();
    let (pa, pb) = (&levels.levels[a], &levels.levels[b]);
    let mut points = 0u64; // half-points
    for seed in 1..=seeds {
        for a_side in Side::BOTH {
            let (allied, axis) = if a_side == Side::Allied {
                (pa, pb)
            } else {
                (pb, pa)
            };
            let sim = selfplay::simulate(&s, seed, None, allied, axis);
            points += match sim.summary.winner {
                Some(w) if w == a_side => 2,
                None => 1,
                Some(_) => 0,
            };
        }
    }
    (points as f64 / (4 * seeds) as f64, 2 * seeds)
}

#[test]
#[ignore = "whole campaigns: run by hand"]
fn ladder() {
    let spec = std::env::var("LADDER").unwrap_or_else(|_| "gela:easy:normal:10".into());
    for one in spec.split(',') {
        let f: Vec<&str> = one.split(':').collect();
        let seeds = f.get(3).and_then(|n| n.parse().ok()).unwrap_or(10);
        let (score, games) = side_swapped_score(f[0], f[1], f[2], seeds);
        println!(
            "{} {} vs {}: {score:.3} over {games} games (seeds 1-{seeds}, sides swapped)",
            f[0], f[1], f[2]
        );
    }
}
