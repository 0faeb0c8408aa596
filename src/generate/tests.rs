//! Generated scenarios: deterministic, valid, and shaped as promised.

use super::*;
use crate::hex::OffsetCoord;

fn small(seed: u64) -> GeneratedFiles {
    generate(seed, 2000, 100).expect("small map generates")
}

#[test]
fn same_seed_gives_identical_files() {
    assert_eq!(small(7), small(7));
}

#[test]
fn different_seeds_give_different_maps() {
    assert_ne!(small(7).get("map.ron"), small(8).get("map.ron"));
}

#[test]
fn small_map_compiles_without_diagnostics() {
    let files = small(3);
    let (s, diags) = files.check();
    assert_eq!(diags, vec![], "no errors, no warnings");
    let s = s.expect("compiles");
    assert_eq!(s.units.len(), 100);
    assert_eq!(s.units.iter().filter(|u| u.side == Side::Axis).count(), 45);
    assert!(
        s.map.grid.len().abs_diff(2000) < 60,
        "about 2000 hexes: {}",
        s.map.grid.len()
    );
    assert!(s.map.beaches.len() >= 2);
    assert!(s.objectives.len() >= 3);
}

#[test]
fn arguments_out_of_range_are_errors() {
    assert_eq!(generate(1, 100, 10), Err(GenerateError::Hexes(100)));
    assert!(matches!(
        generate(1, 2000, 3),
        Err(GenerateError::Units { .. })
    ));
    assert!(matches!(
        generate(1, 2000, 251),
        Err(GenerateError::Units { max: 250, .. })
    ));
}

#[test]
fn rivers_run_downhill_into_the_sea_or_another_river() {
    let files = small(11);
    let s = files.compile().expect("valid");
    let map: MapFile = ron::from_str(files.get("map.ron").unwrap_or("")).expect("parses");
    assert!(!map.rivers.is_empty());
    let sea = |c: OffsetCoord| !s.is_land(c.to_hex());
    let mut earlier: Vec<(OffsetCoord, OffsetCoord)> = Vec::new();
    for r in &map.rivers {
        for &(a, b) in &r.sides {
            assert!(!sea(a) && !sea(b), "river sides separate land hexes");
            assert!(a.to_hex().unsigned_distance_to(b.to_hex()) == 1);
        }
        let &(a, b) = r.sides.last().expect("non-empty");
        let mouth = a
            .to_hex()
            .all_neighbors()
            .iter()
            .chain(b.to_hex().all_neighbors().iter())
            .any(|h| !s.is_land(*h));
        let joins = earlier
            .iter()
            .any(|&(x, y)| [x, y].iter().any(|h| [a, b].contains(h)));
        assert!(
            mouth || joins,
            "river {} ends at the sea or a river",
            r.name
        );
        earlier.extend(r.sides.iter().copied());
    }
}

#[test]
fn towns_are_on_land_and_linked_by_roads() {
    let files = small(5);
    let s = files.compile().expect("valid");
    assert_eq!(s.map.places[0].kind, PlaceKind::City);
    for p in &s.map.places {
        assert!(s.is_land(p.hex.to_hex()));
        let on_road = s.map.roads.iter().any(|r| r.path.contains(&p.hex));
        assert!(on_road, "{} is on a road", p.id);
    }
}

#[test]
fn allies_land_over_beaches_and_axis_sets_up_on_distinct_hexes() {
    let s = small(9).compile().expect("valid");
    let mut setups: Vec<_> = s.units.iter().filter_map(|u| u.setup).collect();
    let n = setups.len();
    setups.sort_by_key(|h| (h.x, h.y));
    setups.dedup();
    assert_eq!(setups.len(), n, "one Axis unit per hex");
    for u in s.units.iter().filter(|u| u.side == Side::Allied) {
        assert!(u.setup.is_none());
        let a = u.arrival.as_ref().expect("Allies arrive");
        assert!(matches!(
            a.entries[0],
            crate::scenario::Entry::Beach(_) | crate::scenario::Entry::Drop(_)
        ));
    }
    let first_wave = s
        .units
        .iter()
        .filter(|u| u.arrival.as_ref().is_some_and(|a| a.turn == 1))
        .count();
    assert!(first_wave >= 20, "first wave {first_wave}");
}

#[test]
fn road_cost_matches_the_terrain_table() {
    let t: TerrainFile = ron::from_str(files::TERRAIN).expect("table parses");
    for (c, id) in island::Ground::LEGEND {
        let g = island::Ground::LEGEND
            .iter()
            .position(|&(x, _)| x == c)
            .expect("in legend");
        let ground = [
            island::Ground::Sea,
            island::Ground::Clear,
            island::Ground::Rough,
            island::Ground::Hills,
            island::Ground::Mountain,
            island::Ground::Forest,
            island::Ground::Marsh,
            island::Ground::Town,
            island::Ground::City,
        ][g];
        let cost = t.terrain[id]
            .move_cost
            .get(&MoveClass::Motorised)
            .copied()
            .unwrap_or(u32::MAX);
        assert_eq!(ground.road_cost(), cost, "{id}");
    }
}

#[test]
fn all_water_is_open_sea() {
    let s = small(2).compile().expect("valid");
    let g = s.map.grid;
    let mut open = vec![false; g.len()];
    let mut stack: Vec<usize> = (0..g.len())
        .filter(|&i| {
            let c = g.offset_at(i);
            c.0 == 0 && !s.is_land(c.to_hex())
        })
        .collect();
    while let Some(i) = stack.pop() {
        if open[i] {
            continue;
        }
        open[i] = true;
        for n in g.hex_at(i).all_neighbors() {
            if let Some(j) = g.index(n) {
                if !open[j] && !s.is_land(n) {
                    stack.push(j);
                }
            }
        }
    }
    let lakes = (0..g.len())
        .filter(|&i| !s.is_land(g.hex_at(i)) && !open[i])
        .count();
    assert_eq!(lakes, 0);
}
