//! The performance changes made for the bench answer exactly as the simple
//! versions they replaced: occupancy, ZOC questions and fog of war, checked
//! hex by hex on real positions (Sicily three turns in, a generated island).

use crate::ai::selfplay;
use crate::ai::AiLevels;
use crate::hex::Hex;
use crate::rules::fog::{self, sight_range};
use crate::rules::GameView;
use crate::scenario::{Scenario, Side, UnitId};
use crate::sim::Game;
use std::sync::Arc;

fn positions() -> Vec<Game> {
    let p = AiLevels::builtin().get(None).cloned().expect("levels");
    let sicily =
        crate::scenario::load_scenario(&super::scenario_dir("sicily")).expect("Sicily loads");
    let island: Arc<Scenario> = crate::generate::generate(3, 3000, 120)
        .expect("generates")
        .compile()
        .expect("compiles");
    vec![
        selfplay::simulate(&sicily, 1, Some(3), &p, &p).game,
        selfplay::simulate(&island, 1, Some(2), &p, &p).game,
    ]
}

#[test]
fn units_at_lists_the_units_on_each_hex_by_id() {
    for game in positions() {
        let view = game.view();
        let grid = game.scenario().map.grid;
        for i in 0..grid.len() {
            let h = grid.hex_at(i);
            let naive: Vec<UnitId> = game
                .state()
                .units
                .iter()
                .filter(|u| u.hex() == Some(h))
                .map(|u| u.id)
                .collect();
            assert_eq!(view.units_at(h), naive.as_slice());
        }
        assert!(view.units_at(Hex::new(-100, 7)).is_empty());
    }
}

#[test]
fn zoc_questions_match_the_whole_map_zoc() {
    for game in positions() {
        let grid = game.scenario().map.grid;
        for side in Side::BOTH {
            // A fresh view answers the first questions locally, then builds
            // the map; another view builds the map at once.
            let asked = game.view();
            let whole = game.view();
            let zoc = whole.zoc(side);
            let marked = (0..grid.len()).filter(|&i| zoc[i]).count();
            assert!(marked > 0, "some ZOC to compare");
            for (i, &expected) in zoc.iter().enumerate() {
                assert_eq!(asked.in_zoc_of(side, grid.hex_at(i)), expected, "hex {i}");
            }
        }
    }
}

#[test]
fn visible_enemies_match_every_observer_looking() {
    for game in positions() {
        let view: GameView = game.view();
        for side in Side::BOTH {
            let observers: Vec<Hex> = view.side_units(side).filter_map(|u| u.hex()).collect();
            let mut naive: Vec<UnitId> = view
                .side_units(side.enemy())
                .filter(|e| {
                    e.hex().is_some_and(|to| {
                        observers.iter().any(|&from| {
                            from.unsigned_distance_to(to) <= sight_range(view.scenario, from, to)
                        })
                    })
                })
                .map(|e| e.id)
                .collect();
            naive.sort_unstable();
            assert_eq!(fog::visible_enemies(&view, side), naive);
        }
    }
}
