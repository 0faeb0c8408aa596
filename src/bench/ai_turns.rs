//! The computer's thinking time per difficulty level: one turn of each
//! level on Sicily, three turns into the campaign (both sides in contact),
//! the game set up outside the timing. A level plays both sides of the
//! turn and the time is halved: the mean time of one side's turn. Targets
//! from issue 17: the default level's turn within 100 ms, any other
//! level's (the strongest's) within 1 s. Reports only, as every figure.

use super::{median, scaling::play_turn, Figure, Unit};
use crate::ai::{selfplay, Ai, AiLevels};
use crate::scenario::Scenario;
use crate::sim::Game;
use std::sync::Arc;

/// Turns played before the timed one.
pub const BEFORE: u32 = 3;

/// One figure per level of the built-in `ai.ron`, `runs` runs each.
pub fn figures(sicily: &Arc<Scenario>, runs: usize) -> Result<Vec<Figure>, String> {
    let levels = AiLevels::builtin();
    let mut out = Vec::new();
    for (name, params) in &levels.levels {
        let mut games: Vec<Game> = (0..runs.max(1))
            .map(|_| selfplay::simulate(sicily, 1, Some(BEFORE), params, params).game)
            .collect();
        let t = median(runs, || {
            let mut game = games.pop().unwrap_or_else(|| {
                selfplay::simulate(sicily, 1, Some(BEFORE), params, params).game
            });
            let mut ais = [Ai::new(params.clone()), Ai::new(params.clone())];
            play_turn(&mut game, &mut ais);
            game
        }) / 2.0;
        let default = *name == levels.default;
        out.push(Figure {
            key: format!("ai_turn_{name}"),
            name: format!(
                "AI turn, level {name}{}, Sicily",
                if default { " (default)" } else { "" }
            ),
            unit: Unit::Seconds,
            measured: t,
            target: if default { 0.1 } else { 1.0 },
            runs,
            note: format!("turn {}, both sides, halved", BEFORE + 1),
        });
    }
    Ok(out)
}
