//! What `Game` keeps up to date command by command equals what a from-scratch
//! computation gives, after every command of real AI games (Gela, the
//! generated example island; two seeds each), with an undo and a redo of
//! every undoable command in between: the state hash, the
//! occupancy index, and each side's fogged state (`rules::fog_cache`).

use super::occupancy::Occupancy;
use crate::ai::{Ai, AiLevels};
use crate::command::{acting_side, Command};
use crate::rules::fog::visible_state;
use crate::rules::fog_cache::FogCache;
use crate::scenario::{Scenario, Side};
use crate::sim::Game;
use std::sync::Arc;

fn scenario(name: &str) -> Arc<Scenario> {
    crate::scenario::load_scenario(&crate::bench::scenario_dir(name)).expect("scenario loads")
}

/// Everything incremental in `game` (and `fog`, followed for both sides)
/// against a recomputation.
fn check(game: &Game, fog: &mut [FogCache; 2]) {
    let state = game.state();
    assert_eq!(game.hash(), state.hash(), "incremental hash");
    let grid = game.scenario().map.grid;
    let index = state
        .units
        .index(grid)
        .expect("index synced after a command");
    assert_eq!(*index, Occupancy::build(grid, &state.units, index.cursor()));
    for side in Side::BOTH {
        let seen = fog[side.index()].update(game.scenario(), state, side);
        let expected = visible_state(game.scenario(), state, side);
        assert_eq!(*seen, expected, "fogged state of {side:?}");
        assert_eq!(seen.hash(), expected.hash());
        let index = seen.units.index(grid).expect("fogged index synced");
        assert_eq!(*index, Occupancy::build(grid, &seen.units, index.cursor()));
    }
}

/// Play `name` to the end with the AI on both sides, checking after every
/// command; an undoable command is also undone (checked) and redone.
fn play_checked(name: &str, seed: u64) -> usize {
    let s = scenario(name);
    let p = AiLevels::builtin().get(None).cloned().expect("levels");
    let mut game = Game::new(Arc::clone(&s), seed);
    let mut ais = [Ai::new(p.clone()), Ai::new(p)];
    let mut fog = [FogCache::default(), FogCache::default()];
    check(&game, &mut fog);
    let mut undone = 0;
    for _ in 0..20_000 {
        if game.is_over() {
            break;
        }
        let side = acting_side(game.phase()).unwrap_or(Side::Allied);
        let cmd = ais[side.index()].next_command(&game);
        let (before, hash) = (game.state().clone(), game.hash());
        let result = game.execute(cmd.clone());
        check(&game, &mut fog);
        if result.is_err() {
            assert_eq!((game.state(), game.hash()), (&before, hash));
            ais[side.index()].refused(&cmd);
            continue;
        }
        if cmd != Command::EndPhase && game.undo().is_ok() {
            check(&game, &mut fog);
            assert_eq!(game.state(), &before, "undo restores the state");
            assert_eq!(game.hash(), hash);
            game.execute(cmd).expect("redo");
            check(&game, &mut fog);
            undone += 1;
        }
    }
    assert!(game.is_over(), "{name} seed {seed} finished");
    undone
}

#[test]
fn incremental_state_matches_recomputation_on_gela() {
    for seed in [1, 2] {
        assert!(play_checked("gela", seed) > 10, "undo exercised");
    }
}

#[test]
fn incremental_state_matches_recomputation_on_the_generated_island() {
    for seed in [1, 2] {
        assert!(
            play_checked("generated/island_1", seed) > 10,
            "undo exercised"
        );
    }
}
