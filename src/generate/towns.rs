//! Towns and roads: towns on low, dry ground (by rivers and the coast where
//! possible), the most central one the capital, coastal ones ports; roads join
//! them along a minimum spanning tree, each leg routed over the cheapest
//! ground for wheels, with bridges wherever a road crosses a river.

use super::island::{Board, Ground};
use crate::scenario::schema::{PlaceKind, PlaceSpec, RoadClass, RoadSpec};
use rand::{Rng, RngCore};
use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap, HashSet};

/// A generated town.
#[derive(Debug, Clone)]
pub struct Town {
    /// Hex index.
    pub hex: usize,
    /// Place as written to the map.
    pub spec: PlaceSpec,
}

/// Least distance in hexes between two towns.
const SPACING: u32 = 6;

/// Italian-sounding names from syllables.
fn name(rng: &mut impl RngCore, port: bool) -> String {
    const PRE: [&str; 10] = [
        "San ", "Santa ", "Castel", "Monte", "Villa", "Borgo ", "Torre ", "Pietra", "Roc", "Campo",
    ];
    const ROOT: [&str; 12] = [
        "mar", "cal", "ser", "ven", "lor", "fal", "ter", "mon", "cor", "sal", "bel", "gra",
    ];
    const END: [&str; 8] = ["ino", "ello", "ara", "etta", "one", "ina", "ano", "isi"];
    let root = ROOT[rng.random_range(0..ROOT.len())];
    let end = END[rng.random_range(0..END.len())];
    let pre = if port {
        "Porto "
    } else {
        PRE[rng.random_range(0..PRE.len())]
    };
    let stem = format!("{root}{end}");
    if pre.ends_with(' ') {
        let mut cs = stem.chars();
        let first = cs.next().map(|c| c.to_ascii_uppercase()).unwrap_or('X');
        format!("{pre}{first}{}", cs.as_str())
    } else {
        format!("{pre}{stem}")
    }
}

/// Place the towns: about one per 120 land hexes, at least 4. The first
/// town returned is the capital (a city); coastal towns become ports.
pub fn towns(board: &mut Board, rivers: &HashSet<usize>, rng: &mut impl RngCore) -> Vec<Town> {
    let n = board.grid.len();
    let land: Vec<usize> = (0..n).filter(|&i| board.land(i)).collect();
    let want = (land.len() / 120).max(4);
    // Score: low ground, by a river or the sea, plus a random share.
    let mut cand: Vec<(i64, usize)> = land
        .iter()
        .filter(|&&i| !matches!(board.ground[i], Ground::Marsh | Ground::Mountain))
        .map(|&i| {
            let mut s = 1000 - i64::from(board.elev[i].min(1000));
            if rivers.contains(&i) {
                s += 300;
            }
            if board.coastal(i) {
                s += 250;
            }
            (s + i64::from(rng.next_u32() % 600), i)
        })
        .collect();
    cand.sort_by_key(|&(s, i)| (Reverse(s), i));
    let mut blocked = vec![false; n];
    let mut chosen: Vec<usize> = Vec::new();
    for (_, i) in cand {
        if chosen.len() >= want {
            break;
        }
        if blocked[i] {
            continue;
        }
        chosen.push(i);
        let h = board.hex(i);
        for r in h.range(SPACING - 1) {
            if let Some(j) = board.index(r) {
                blocked[j] = true;
            }
        }
    }
    // Capital: the town nearest the middle of the island.
    let (sx, sy) = land.iter().fold((0i64, 0i64), |(x, y), &i| {
        let c = board.at(i);
        (x + i64::from(c.0), y + i64::from(c.1))
    });
    let cnt = land.len().max(1) as i64;
    let mid = crate::hex::OffsetCoord((sx / cnt) as i32, (sy / cnt) as i32).to_hex();
    if let Some(k) =
        (0..chosen.len()).min_by_key(|&k| (board.hex(chosen[k]).unsigned_distance_to(mid), k))
    {
        let c = chosen.remove(k);
        chosen.insert(0, c);
    }
    let ports_wanted = (chosen.len() / 5).clamp(2, 12);
    let mut ports = 0;
    chosen
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let capital = k == 0;
            let port = !capital && ports < ports_wanted && board.coastal(i);
            ports += usize::from(port);
            let kind = match (capital, port) {
                (true, _) => PlaceKind::City,
                (_, true) => PlaceKind::Port,
                _ => PlaceKind::Town,
            };
            board.ground[i] = if capital { Ground::City } else { Ground::Town };
            let spec = PlaceSpec {
                id: if capital {
                    "capital".to_string()
                } else {
                    format!("town_{k:03}")
                },
                name: name(rng, port),
                kind,
                hex: board.at(i),
                port_capacity: if port { 4 } else { 0 },
                airfield: false,
                fortified: capital,
                evacuation: false,
            };
            Town { hex: i, spec }
        })
        .collect()
}

/// Roads: a minimum spanning tree over the towns (Prim, by hex distance),
/// each leg routed over the cheapest ground; legs touching the capital or a
/// port are main roads, the rest secondary.
#[must_use]
pub fn roads(
    board: &Board,
    towns: &[Town],
    river_sides: &HashSet<(usize, usize)>,
) -> Vec<(RoadClass, Vec<usize>)> {
    let m = towns.len();
    if m < 2 {
        return Vec::new();
    }
    let mut in_tree = vec![false; m];
    let mut best = vec![(u32::MAX, 0usize); m];
    in_tree[0] = true;
    for k in 1..m {
        best[k] = (board.distance(towns[0].hex, towns[k].hex), 0);
    }
    let mut legs = Vec::new();
    for _ in 1..m {
        let Some(k) = (0..m)
            .filter(|&k| !in_tree[k])
            .min_by_key(|&k| (best[k].0, k))
        else {
            break;
        };
        in_tree[k] = true;
        legs.push((best[k].1, k));
        for j in 0..m {
            if !in_tree[j] {
                let d = board.distance(towns[k].hex, towns[j].hex);
                if d < best[j].0 {
                    best[j] = (d, k);
                }
            }
        }
    }
    let mut on_road = vec![false; board.grid.len()];
    let mut out = Vec::new();
    for (a, b) in legs {
        let Some(path) = route(board, towns[a].hex, towns[b].hex, &on_road, river_sides) else {
            continue;
        };
        for &i in &path {
            on_road[i] = true;
        }
        let major = |t: &Town| matches!(t.spec.kind, PlaceKind::City | PlaceKind::Port);
        let class = if major(&towns[a]) || major(&towns[b]) {
            RoadClass::Main
        } else {
            RoadClass::Secondary
        };
        out.push((class, path));
    }
    out
}

/// Bridges: every hexside where a road crosses a river.
#[must_use]
pub fn bridges(
    roads: &[(RoadClass, Vec<usize>)],
    river_sides: &HashSet<(usize, usize)>,
) -> Vec<(usize, usize)> {
    let mut out = BTreeSet::new();
    for (_, path) in roads {
        for w in path.windows(2) {
            let side = (w[0].min(w[1]), w[0].max(w[1]));
            if river_sides.contains(&side) {
                out.insert((w[0], w[1]));
            }
        }
    }
    out.into_iter().collect()
}

/// A* over land from `from` to `to`: ground cost for wheels, a river side
/// costs 4 more, a hex already on a road costs 1 (roads share their way).
fn route(
    board: &Board,
    from: usize,
    to: usize,
    on_road: &[bool],
    river_sides: &HashSet<(usize, usize)>,
) -> Option<Vec<usize>> {
    let n = board.grid.len();
    let goal = board.hex(to);
    let mut g = vec![u32::MAX; n];
    let mut prev = vec![usize::MAX; n];
    let mut heap = BinaryHeap::new();
    g[from] = 0;
    heap.push(Reverse((
        board.hex(from).unsigned_distance_to(goal),
        0u32,
        from,
    )));
    while let Some(Reverse((_, cost, i))) = heap.pop() {
        if i == to {
            let mut path = vec![to];
            let mut k = to;
            while k != from {
                k = prev[k];
                path.push(k);
            }
            path.reverse();
            return Some(path);
        }
        if cost > g[i] {
            continue;
        }
        for j in board.neighbours(i) {
            if !board.land(j) {
                continue;
            }
            let mut step = if on_road[j] {
                1
            } else {
                board.ground[j].road_cost()
            };
            if river_sides.contains(&(i.min(j), i.max(j))) {
                step += 4;
            }
            let c = cost + step;
            if c < g[j] {
                g[j] = c;
                prev[j] = i;
                heap.push(Reverse((c + board.hex(j).unsigned_distance_to(goal), c, j)));
            }
        }
    }
    None
}

/// Roads as they appear in `map.ron`.
#[must_use]
pub fn road_specs(board: &Board, roads: &[(RoadClass, Vec<usize>)]) -> Vec<RoadSpec> {
    roads
        .iter()
        .map(|(class, path)| RoadSpec {
            class: *class,
            path: path.iter().map(|&i| board.at(i)).collect(),
        })
        .collect()
}
