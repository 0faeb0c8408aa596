//! The fogged state of one side ([`super::fog::visible_state`]) kept up to
//! date as the real state changes, instead of copied and filtered for every
//! command the AI proposes (`docs/performance.md`).
//!
//! After a command, only these can look different to `side`: the units the
//! command changed, and enemy units within sight of where one of `side`'s
//! changed units stood before or stands now (an enemy is seen only from
//! hexes within the best `sight` of any terrain). Those are recomputed with
//! the same test as [`super::fog::visible_enemies`]; everything else is kept.
//! The result is always equal to `visible_state` of the real state
//! (`src/sim/tests.rs` checks it after every command of real games).

use super::fog::{best_sight, seen_at, visible_state};
use super::GameView;
use crate::scenario::{Scenario, Side, UnitId};
use crate::sim::state::{State, Status, UnitState};

/// One side's fogged copy of a game's state, and where it was taken.
#[derive(Debug, Clone, Default)]
pub struct FogCache {
    /// The fogged state, with its occupancy index in sync.
    seen: Option<State>,
    /// Side, the real state's unit-log origin and cursor it reflects.
    key: Option<(Side, u64, u64)>,
}

impl FogCache {
    /// What `side` sees of `real` now: equal to `visible_state(scenario,
    /// real, side)`, brought up to date from the last call if that was for
    /// the same side of the same state (else built from scratch).
    pub fn update(&mut self, scenario: &Scenario, real: &State, side: Side) -> &State {
        let changed = match self.key {
            Some((s, origin, cursor)) if s == side && origin == real.units.origin() => {
                real.units.changes_since(cursor)
            }
            _ => None,
        };
        let seen = match (changed, self.seen.take()) {
            (Some(changed), Some(mut seen)) => {
                follow(scenario, real, side, changed, &mut seen);
                seen
            }
            _ => visible_state(scenario, real, side),
        };
        self.key = Some((side, real.units.origin(), real.units.now()));
        let seen = self.seen.insert(seen);
        seen.sync_index(scenario);
        seen
    }
}

/// Bring `seen` from what `side` saw of `real` before the `changed` units
/// changed to what it sees now.
fn follow(scenario: &Scenario, real: &State, side: Side, changed: &[UnitId], seen: &mut State) {
    copy_all_but_units_and_rng(real, seen);
    // The enemy's gunfire plan is its own secret (as in `fog::visible_state`).
    seen.naval_plan[side.enemy().index()] = None;
    let view = GameView::new(scenario, real);
    let best = best_sight(scenario);
    let mut changed = changed.to_vec();
    changed.sort_unstable();
    changed.dedup();
    let mut recheck = Vec::new();
    for id in changed {
        if scenario.unit(id).side != side {
            recheck.push(id);
            continue;
        }
        let (was, now) = (seen.units[id as usize].hex(), real.units[id as usize].hex());
        put(seen, &real.units[id as usize]);
        for at in [was, now].into_iter().flatten() {
            for h in at.range(best.max(1)) {
                let enemies = view.units_at(h).iter();
                recheck.extend(enemies.filter(|&&u| scenario.unit(u).side != side));
            }
        }
    }
    recheck.sort_unstable();
    recheck.dedup();
    for id in recheck {
        let u = &real.units[id as usize];
        let hidden =
            u.status == Status::OnMap && !u.hex().is_some_and(|to| seen_at(&view, side, best, to));
        if hidden {
            put(
                seen,
                &UnitState {
                    status: Status::Pending,
                    at: None,
                    ..u.clone()
                },
            );
        } else {
            put(seen, u);
        }
    }
}

/// Write a unit only if it differs (an unchanged unit stays out of the log).
fn put(seen: &mut State, u: &UnitState) {
    if seen.units[u.id as usize] != *u {
        seen.units[u.id as usize] = u.clone();
    }
}

/// Everything but the units and the RNG (the fogged one is fixed) from the
/// real state: the undo snapshot's header, which already names every field.
fn copy_all_but_units_and_rng(real: &State, seen: &mut State) {
    let rng = seen.rng.clone();
    seen.restore_header(real.header());
    seen.rng = rng;
}
