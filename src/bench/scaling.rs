//! The AI turn on generated maps: how one turn of AI-against-AI play grows
//! with the size of the map (units scaled alike: one unit per 50 hexes, the
//! density of the 100,000-hex / 2,000-unit benchmark map).

use super::{median, ScalePoint};
use crate::ai::{play_phase, Ai, AiLevels};
use crate::scenario::{Scenario, Side};
use crate::sim::Game;
use std::sync::Arc;

/// Map sizes of the scaling table.
pub const SIZES: [u32; 4] = [2_000, 10_000, 50_000, 100_000];
/// Hexes per unit on the benchmark maps.
pub const HEXES_PER_UNIT: u32 = 50;
/// Seed of the benchmark maps.
pub const SEED: u64 = 1;

/// The generated benchmark scenario with `hexes` hexes.
pub fn scenario(hexes: u32) -> Result<Arc<Scenario>, String> {
    let files = crate::generate::generate(SEED, hexes, hexes / HEXES_PER_UNIT)
        .map_err(|e| e.to_string())?;
    files.compile().map_err(|d| {
        let first = d.first().map_or(String::new(), ToString::to_string);
        format!("generated {hexes}-hex scenario does not compile: {first}")
    })
}

/// Play every phase of the current turn with the AI on both sides.
pub fn play_turn(game: &mut Game, ais: &mut [Ai; 2]) {
    let turn = game.state().turn;
    // Bounded: each phase ends with EndPhase.
    for _ in 0..=game.scenario().phases.len() {
        if game.is_over() || game.state().turn != turn {
            return;
        }
        let side = crate::command::acting_side(game.phase()).unwrap_or(Side::Allied);
        play_phase(game, &mut ais[side.index()]);
    }
}

/// Median time of one AI turn (turn 1, both sides) on `scenario`; setting up
/// the game is not timed.
pub fn ai_turn(scenario: &Arc<Scenario>, runs: usize) -> Result<f64, String> {
    let params = AiLevels::builtin().get(None)?.clone();
    let mut games: Vec<Game> = (0..runs.max(1))
        .map(|_| Game::new(Arc::clone(scenario), SEED))
        .collect();
    Ok(median(runs, || {
        let mut game = games
            .pop()
            .unwrap_or_else(|| Game::new(Arc::clone(scenario), SEED));
        let mut ais = [Ai::new(params.clone()), Ai::new(params.clone())];
        play_turn(&mut game, &mut ais);
        game
    }))
}

/// The scaling table over `sizes` (default [`SIZES`]), `runs` per size.
pub fn table(runs: usize, sizes: &[u32]) -> Result<Vec<ScalePoint>, String> {
    let sizes = if sizes.is_empty() { &SIZES[..] } else { sizes };
    sizes
        .iter()
        .map(|&hexes| {
            let s = scenario(hexes)?;
            let seconds = ai_turn(&s, runs)?;
            Ok(ScalePoint {
                hexes: s.map.grid.len(),
                units: s.units.len(),
                seconds,
            })
        })
        .collect()
}
