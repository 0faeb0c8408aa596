//! The defender's view of the front: how hard the enemy it sees could hit
//! each hex next turn, and where the line has gaps.
//!
//! Computed once per movement phase from the side's fogged view:
//! - **threat**: for every hex, the attack strength of the visible enemy
//!   units within two hexes (one move and they are adjacent). O(enemies × 19).
//! - **ruin**: the expected steps a stack on a hex would lose if that threat
//!   attacked it, read from the CRT column the enemy would fight on — base
//!   odds, the hex's terrain and fortification shift, rivers to every
//!   threatening side, and the enemy's naval/air support points at the most
//!   it may commit to one attack. This is the same column arithmetic as
//!   `rules::combat::odds`, done on hypothetical stacks (the real function
//!   needs the defender already on the hex).
//! - **gaps**: threatened hexes outside the side's zone of control, which
//!   the movement score rewards covering, so the units form a line instead
//!   of isolated garrisons.

use crate::hex::Hex;
use crate::rules::{combat, GameView};
use crate::scenario::{Scenario, Side};

/// Per-phase front picture for `side` (the defender).
#[derive(Debug, Clone)]
pub struct Front {
    /// Enemy attack strength able to reach each hex (by storage index).
    pub threat: Vec<u32>,
    /// Enemy support columns the defender must expect per attack.
    support_columns: i32,
}

impl Front {
    /// Build the picture from what `side` sees.
    #[must_use]
    pub fn new(view: &GameView, side: Side) -> Self {
        let s = view.scenario;
        let mut threat = vec![0u32; s.map.grid.len()];
        for e in view.side_units(side.enemy()) {
            let def = view.def(e.id);
            let Some(h) = e.hex() else { continue };
            if def.attack == 0 || def.kind.artillery {
                continue;
            }
            let strength = combat::scaled(def.attack, e.steps, def.max_steps);
            for n in h.range(2) {
                if let Some(i) = s.map.index(n) {
                    threat[i] += strength;
                }
            }
        }
        let support_columns = s.support.max_per_attack as i32;
        Self {
            threat,
            support_columns,
        }
    }

    /// Enemy strength able to reach `hex`.
    #[must_use]
    pub fn threat_at(&self, s: &Scenario, hex: Hex) -> u32 {
        s.map.index(hex).map_or(0, |i| self.threat[i])
    }

    /// Expected steps (hundredths) a stack of `defence` strength and `steps`
    /// steps on `hex` loses if the whole threat attacks it; 0 if none can.
    #[must_use]
    pub fn expected_loss_x100(&self, view: &GameView, hex: Hex, defence: u32, steps: u32) -> i64 {
        let s = view.scenario;
        let attack = self.threat_at(s, hex);
        if attack == 0 || steps == 0 {
            return 0;
        }
        let columns = &s.crt.columns;
        let defence = defence.max(1);
        let base = columns
            .iter()
            .rposition(|c| {
                u64::from(attack) * u64::from(c.odds.1) >= u64::from(defence) * u64::from(c.odds.0)
            })
            .unwrap_or(0) as i32;
        let mut shift = self.support_columns;
        shift += s.terrain_of(hex).map_or(0, |t| t.combat_shift);
        if s.map.place(hex).is_some_and(|p| p.fortified) {
            shift += s.rules.fortified_shift;
        }
        // A river on every side the enemy could come from counts as one
        // more column (the enemy attacks from its best side).
        let all_river = hex.all_neighbors().into_iter().all(|n| {
            s.map.index(n).is_none_or(|i| self.threat[i] == 0)
                || s.map.side_between(hex, n).river.is_some()
        });
        if all_river {
            shift -= 1;
        }
        let column = (base + shift).clamp(0, columns.len() as i32 - 1) as usize;
        let col = &columns[column];
        let lost: i64 = col
            .results
            .iter()
            .map(|r| i64::from(combat::losses_of(r, 0, steps).1))
            .sum();
        lost * 100 / i64::from(s.crt.die.max(1))
    }

    /// Threatened hexes around `hex` that `side`'s zone of control does not
    /// cover yet: the gaps a unit on `hex` would close.
    #[must_use]
    pub fn gaps_closed(&self, view: &GameView, side: Side, hex: Hex) -> i64 {
        let s = view.scenario;
        let zoc = view.zoc(side);
        hex.all_neighbors()
            .into_iter()
            .filter(|&n| {
                s.map
                    .index(n)
                    .is_some_and(|i| self.threat[i] > 0 && !zoc[i] && !view.enemy_occupied(n, side))
            })
            .count() as i64
    }
}
