//! The computer's naval gunfire plan for its landings (`rules::gunfire`):
//! its own rule, not the automatic fire. It forecasts its side's assaults
//! due at the next arrivals phase with no gunfire at all, and gives the
//! weakest first (lowest column, then unit id) as many points as one
//! assault may fire (`support.max_per_attack`), while points last; a
//! landing out of naval range gets none. The plan is sent one
//! `AllotGunfire` a beach, reductions first (so the total never exceeds
//! the points), and only while it differs from the plan the side has.

use crate::command::Command;
use crate::rules::{combat, gunfire, GameView};
use crate::scenario::Side;
use std::collections::BTreeMap;

/// The next allotment of the computer's plan for `side`, if any is still
/// to be made.
#[must_use]
pub fn next_allotment(view: &GameView, side: Side) -> Option<Command> {
    let s = view.scenario;
    let have = gunfire::points_at_next_arrivals(s, view.state, side);
    let current = view.state.naval_plan[side.index()].as_deref();
    if have == 0 && current.is_none() {
        return None;
    }
    // The landings as they would go with no fire at all.
    let mut bare = view.state.clone();
    bare.naval_plan[side.index()] = Some(Vec::new());
    bare.sync_index(s);
    let mut landings = gunfire::forecast(&GameView::new(s, &bare), side);
    if landings.is_empty() && current.is_none() {
        return None;
    }
    landings.sort_by_key(|f| (f.odds.column, f.unit));
    let mut wanted: BTreeMap<u16, u32> = BTreeMap::new();
    let mut left = have;
    for f in &landings {
        let n = if combat::within_naval_range(view, f.target) {
            s.support.max_per_attack.min(left)
        } else {
            0
        };
        left -= n;
        *wanted.entry(f.beach).or_default() += n;
    }
    // Every beach either plan names: (beach, has now, wanted).
    let mut beaches: Vec<u16> = wanted.keys().copied().collect();
    beaches.extend(current.unwrap_or_default().iter().map(|e| e.0));
    beaches.sort_unstable();
    beaches.dedup();
    let mut changes: Vec<(i64, u16, u32)> = beaches
        .into_iter()
        .filter_map(|b| {
            let want = wanted.get(&b).copied().unwrap_or(0);
            let now = current.map(|p| gunfire::allotted(p, b));
            (now != Some(want)).then(|| (i64::from(want) - i64::from(now.unwrap_or(0)), b, want))
        })
        .collect();
    changes.sort_unstable();
    changes
        .first()
        .map(|&(_, beach, points)| Command::AllotGunfire { beach, points })
}
