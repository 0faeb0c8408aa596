//! Rivers: from springs high in the hills down to the sea, along hexsides.
//!
//! A river runs along hexsides, so it walks from vertex to vertex (a vertex is
//! where three hexes meet; each step follows the side between two of them).
//! The walk goes downhill on the depression-filled elevation (a priority flood
//! from the sea), so every river reaches the sea or joins another river; a
//! walk that gets stuck is dropped. The longest river becomes a major one.

use super::island::Board;
use crate::hex::OffsetCoord;
use crate::scenario::schema::{RiverClass, RiverSpec};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};

/// A river as hexsides (pairs of hex indices), source first.
#[derive(Debug, Clone)]
pub struct River {
    /// Sides, source first, each as the two hexes it separates.
    pub sides: Vec<(usize, usize)>,
    /// Minor or major.
    pub class: RiverClass,
}

/// A vertex: the three hexes meeting there, sorted.
type Vertex = [usize; 3];

/// Fewest sides for a river worth drawing.
const MIN_SIDES: usize = 4;
/// The longest river becomes major if it has at least this many sides.
const MAJOR_SIDES: usize = 16;

/// Rivers on `board`: about one per 400 land hexes.
#[must_use]
pub fn rivers(board: &Board) -> Vec<River> {
    let n = board.grid.len();
    let land = (0..n).filter(|&i| board.land(i)).count();
    let want = (land / 400).max(2);
    let fill = filled(board);
    // Springs: the highest land hexes first, spaced apart.
    let mut springs: Vec<usize> = (0..n)
        .filter(|&i| board.land(i) && board.elev[i] >= 300)
        .collect();
    springs.sort_by_key(|&i| (Reverse(board.elev[i]), i));
    let spacing = 6;
    let mut used: HashSet<Vertex> = HashSet::new();
    let mut sides_used: HashSet<(usize, usize)> = HashSet::new();
    let mut taken_springs: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for s in springs {
        if out.len() >= want {
            break;
        }
        if taken_springs
            .iter()
            .any(|&t| board.distance(s, t) < spacing)
        {
            continue;
        }
        let Some(start) = start_vertex(board, &fill, s) else {
            continue;
        };
        if used.contains(&start) {
            continue;
        }
        if let Some(sides) = walk(board, &fill, start, &used, &sides_used) {
            taken_springs.push(s);
            for &(a, b) in &sides {
                sides_used.insert((a.min(b), a.max(b)));
                for v in vertices_of_side(board, a, b) {
                    used.insert(v);
                }
            }
            out.push(River {
                sides,
                class: RiverClass::Minor,
            });
        }
    }
    if let Some(longest) = (0..out.len()).max_by_key(|&k| (out[k].sides.len(), Reverse(k))) {
        if out[longest].sides.len() >= MAJOR_SIDES {
            out[longest].class = RiverClass::Major;
        }
    }
    out
}

/// The rivers as they appear in `map.ron`.
#[must_use]
pub fn specs(board: &Board, rivers: &[River]) -> Vec<RiverSpec> {
    rivers
        .iter()
        .enumerate()
        .map(|(k, r)| RiverSpec {
            name: format!("River {}", k + 1),
            class: r.class,
            sides: r
                .sides
                .iter()
                .map(|&(a, b)| (at(board, a), at(board, b)))
                .collect(),
        })
        .collect()
}

fn at(board: &Board, i: usize) -> OffsetCoord {
    board.at(i)
}

/// Key of a hex for flow: filled elevation, then steps from the outlet.
fn key(fill: &[(i32, u32)], i: usize) -> u64 {
    let (e, d) = fill[i];
    (e.max(0) as u64) << 32 | u64::from(d)
}

/// Priority flood from the sea: each land hex gets the lowest level at which
/// water from it could reach the sea, and its distance in steps to the outlet
/// (so flats drain towards their outlet).
fn filled(board: &Board) -> Vec<(i32, u32)> {
    let n = board.grid.len();
    let mut fill = vec![(i32::MAX, u32::MAX); n];
    let mut heap = BinaryHeap::new();
    for (i, f) in fill.iter_mut().enumerate() {
        if !board.land(i) {
            *f = (0, 0);
            if board.neighbours(i).any(|j| board.land(j)) {
                heap.push(Reverse((0i32, 0u32, i)));
            }
        }
    }
    while let Some(Reverse((level, dist, i))) = heap.pop() {
        for j in board.neighbours(i) {
            if board.land(j) && fill[j].0 == i32::MAX {
                let f = (board.elev[j].max(level), dist + 1);
                fill[j] = f;
                heap.push(Reverse((f.0, f.1, j)));
            }
        }
    }
    fill
}

/// The three hexes around each corner of `i`, if all are land.
fn corners(board: &Board, i: usize) -> Vec<Vertex> {
    let h = board.hex(i);
    let dirs = h.all_neighbors();
    (0..6)
        .filter_map(|k| {
            let a = board.index(dirs[k])?;
            let b = board.index(dirs[(k + 1) % 6])?;
            let mut v = [i, a, b];
            v.sort_unstable();
            Some(v)
        })
        .collect()
}

fn start_vertex(board: &Board, fill: &[(i32, u32)], spring: usize) -> Option<Vertex> {
    corners(board, spring)
        .into_iter()
        .filter(|v| v.iter().all(|&i| board.land(i)))
        .min_by_key(|v| (value(fill, v), *v))
}

fn value(fill: &[(i32, u32)], v: &Vertex) -> u64 {
    v.iter().map(|&i| key(fill, i)).sum()
}

/// The two vertices at the ends of the side between `a` and `b`.
fn vertices_of_side(board: &Board, a: usize, b: usize) -> Vec<Vertex> {
    common_neighbours(board, a, b)
        .into_iter()
        .map(|c| {
            let mut v = [a, b, c];
            v.sort_unstable();
            v
        })
        .collect()
}

fn common_neighbours(board: &Board, a: usize, b: usize) -> Vec<usize> {
    let nb: Vec<usize> = board.neighbours(b).collect();
    board.neighbours(a).filter(|x| nb.contains(x)).collect()
}

/// Walk downhill from `start`; `Some(sides)` if the river reaches the sea or
/// another river.
fn walk(
    board: &Board,
    fill: &[(i32, u32)],
    start: Vertex,
    used: &HashSet<Vertex>,
    sides_used: &HashSet<(usize, usize)>,
) -> Option<Vec<(usize, usize)>> {
    let mut here = start;
    let mut seen: Vec<Vertex> = vec![start];
    let mut sides = Vec::new();
    let limit = 4 * (board.grid.width + board.grid.height) as usize;
    for _ in 0..limit {
        // Each pair of the vertex's hexes is a side leading to one other vertex.
        let mut best: Option<(u64, Vertex, (usize, usize))> = None;
        for (a, b, c) in [
            (here[0], here[1], here[2]),
            (here[0], here[2], here[1]),
            (here[1], here[2], here[0]),
        ] {
            if sides_used.contains(&(a.min(b), a.max(b))) {
                continue;
            }
            for d in common_neighbours(board, a, b) {
                if d == c {
                    continue;
                }
                let mut next = [a, b, d];
                next.sort_unstable();
                if seen.contains(&next) {
                    continue;
                }
                let v = if board.land(d) { value(fill, &next) } else { 0 };
                if best.is_none_or(|(bv, bn, _)| (v, next) < (bv, bn)) {
                    best = Some((v, next, (a, b)));
                }
            }
        }
        let (v, next, side) = best?;
        if v > value(fill, &here) {
            return None;
        }
        sides.push(side);
        if next.iter().any(|&i| !board.land(i)) || used.contains(&next) {
            return (sides.len() >= MIN_SIDES).then_some(sides);
        }
        seen.push(next);
        here = next;
    }
    None
}
