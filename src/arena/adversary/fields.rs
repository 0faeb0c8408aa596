//! Distance fields for the adversary policies: for every hex, the cost of
//! the cheapest way over land to a set of goal hexes (one multi-source
//! Dijkstra). Strategic distances: they ignore units, zones of control and
//! supply; each move itself is taken from `rules::movement::reachable`.

use crate::hex::Hex;
use crate::scenario::Scenario;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// No way over land to any goal.
pub const FAR: u32 = u32::MAX;

/// Cost from every hex (by storage index) to the nearest of `goals`, with
/// `step(from, to)` the cost of one step (`None`: no way through).
#[must_use]
pub fn field(s: &Scenario, goals: &[Hex], step: impl Fn(Hex, Hex) -> Option<u32>) -> Vec<u32> {
    let grid = s.map.grid;
    let mut dist = vec![FAR; s.map.terrain.len()];
    let mut heap = BinaryHeap::new();
    for &g in goals {
        if let Some(i) = grid.index(g) {
            dist[i] = 0;
            heap.push(Reverse((0u32, i)));
        }
    }
    while let Some(Reverse((d, i))) = heap.pop() {
        if d > dist[i] {
            continue;
        }
        let here = grid.hex_at(i);
        for next in here.all_neighbors() {
            let Some(ni) = grid.index(next) else { continue };
            // Fields are built from the goals outwards: the step walked is
            // next → here.
            let Some(c) = step(next, here) else { continue };
            let nd = d.saturating_add(c);
            if nd < dist[ni] {
                dist[ni] = nd;
                heap.push(Reverse((nd, ni)));
            }
        }
    }
    dist
}

/// A step over land: both hexes land, no strait between them. Cost 1.
#[must_use]
pub fn land_step(s: &Scenario, from: Hex, to: Hex) -> Option<u32> {
    (s.is_land(from) && s.is_land(to) && !s.map.side_between(from, to).strait).then_some(1)
}

/// Is a land hex on the coast (next to water)?
#[must_use]
pub fn coastal(s: &Scenario, hex: Hex) -> bool {
    s.is_land(hex) && hex.all_neighbors().into_iter().any(|n| s.is_water(n))
}

/// A step over land that prefers coast roads: 1 along a road between two
/// coastal hexes, 2 along any other road, 4 off the road.
#[must_use]
pub fn coast_road_step(s: &Scenario, from: Hex, to: Hex) -> Option<u32> {
    land_step(s, from, to)?;
    let road = s.map.side_between(from, to).road.is_some();
    Some(match (road, coastal(s, from) && coastal(s, to)) {
        (true, true) => 1,
        (true, false) => 2,
        (false, _) => 4,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::builder::TestScenario;
    use crate::scenario::schema::RoadClass;

    #[test]
    fn land_distance_goes_around_water() {
        // The straight way from (0,0) to (2,0) is water at (1,0).
        let t = TestScenario::new(&["c.c", "ccc"]).build();
        let s = &t.scenario;
        let f = field(s, &[crate::hex::OffsetCoord(2, 0).to_hex()], |a, b| {
            land_step(s, a, b)
        });
        let at = |c, r| f[s.map.index(crate::hex::OffsetCoord(c, r).to_hex()).unwrap()];
        assert_eq!(at(2, 0), 0);
        assert_eq!(at(1, 0), FAR, "water is never reached");
        assert!(at(0, 0) >= 2 && at(0, 0) != FAR);
    }

    #[test]
    fn coast_roads_are_cheapest() {
        let t = TestScenario::new(&["....", "cccc", "cccc", "cccc"])
            .road(RoadClass::Main, &[(0, 1), (1, 1), (2, 1), (3, 1)])
            .build();
        let s = &t.scenario;
        let h = |c, r| crate::hex::OffsetCoord(c, r).to_hex();
        assert_eq!(coast_road_step(s, h(0, 1), h(1, 1)), Some(1));
        assert_eq!(coast_road_step(s, h(0, 2), h(1, 2)), Some(4));
        assert_eq!(coast_road_step(s, h(0, 1), h(0, 0)), None);
    }
}
