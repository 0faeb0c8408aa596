//! The invasion coast: landing beaches on low open shore of the island's
//! southern half (the side facing the invasion fleet), spread apart, and a
//! drop zone a few hexes inland behind the first beach.

use super::island::{Board, Ground};
use crate::scenario::schema::{BeachSpec, DropZoneSpec, Side};
use rand::RngCore;
use std::collections::HashSet;

/// A beach: its hexes (first preferred) and capacity.
#[derive(Debug, Clone)]
pub struct Beach {
    /// Land hexes on the shore.
    pub hexes: Vec<usize>,
    /// Steps per turn.
    pub capacity: u32,
}

/// Up to `count` beaches, each of 1–3 adjacent shore hexes.
pub fn beaches(
    board: &Board,
    places: &HashSet<usize>,
    count: usize,
    capacity: u32,
    rng: &mut impl RngCore,
) -> Vec<Beach> {
    let n = board.grid.len();
    let shore = |i: usize| {
        board.coastal(i)
            && !places.contains(&i)
            && matches!(board.ground[i], Ground::Clear | Ground::Rough)
            && board.elev[i] < 150
    };
    let land: Vec<usize> = (0..n).filter(|&i| board.land(i)).collect();
    let mid_row =
        land.iter().map(|&i| i64::from(board.at(i).1)).sum::<i64>() / land.len().max(1) as i64;
    let mut cand: Vec<(u32, usize)> = (0..n)
        .filter(|&i| shore(i) && i64::from(board.at(i).1) >= mid_row)
        .map(|i| (rng.next_u32(), i))
        .collect();
    if cand.len() < count {
        cand = (0..n)
            .filter(|&i| shore(i))
            .map(|i| (rng.next_u32(), i))
            .collect();
    }
    cand.sort_unstable();
    let mut centres: Vec<usize> = Vec::new();
    for spacing in [10, 6, 3, 1] {
        for &(_, i) in &cand {
            if centres.len() >= count {
                break;
            }
            if centres.iter().all(|&c| board.distance(c, i) >= spacing) {
                centres.push(i);
            }
        }
    }
    let mut taken: HashSet<usize> = centres.iter().copied().collect();
    centres
        .iter()
        .map(|&c| {
            let mut hexes = vec![c];
            for j in board.neighbours(c) {
                if hexes.len() < 3 && shore(j) && !taken.contains(&j) {
                    hexes.push(j);
                    taken.insert(j);
                }
            }
            Beach { hexes, capacity }
        })
        .collect()
}

/// Beaches as they appear in `map.ron`, with names from the NATO alphabet.
#[must_use]
pub fn beach_specs(board: &Board, beaches: &[Beach]) -> Vec<BeachSpec> {
    const NAMES: [&str; 12] = [
        "ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF", "HOTEL", "INDIA",
        "JULIET", "KILO", "LIMA",
    ];
    beaches
        .iter()
        .enumerate()
        .map(|(k, b)| BeachSpec {
            id: format!("beach_{}", k + 1),
            name: format!("{} {}", NAMES[k % NAMES.len()], k / NAMES.len() + 1),
            hexes: b.hexes.iter().map(|&i| board.at(i)).collect(),
            capacity: b.capacity,
            side: Side::Allied,
        })
        .collect()
}

/// A drop zone on open ground 4–6 hexes from the first beach, if there is one.
#[must_use]
pub fn drop_zone(board: &Board, places: &HashSet<usize>, beach: &Beach) -> Option<DropZoneSpec> {
    let c = beach.hexes[0];
    let h = board.hex(c);
    (4..=6)
        .flat_map(|r| h.ring(r))
        .filter_map(|x| board.index(x))
        .filter(|&i| board.ground[i] == Ground::Clear && !places.contains(&i) && !board.coastal(i))
        .min()
        .map(|i| DropZoneSpec {
            id: "dz_1".into(),
            name: "Drop zone Able".into(),
            hex: board.at(i),
        })
}
