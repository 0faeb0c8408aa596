//! Test support: does a resolved fight agree with the preview it was shown?

use super::Event;
use crate::rules::combat::{self, Odds};
use crate::scenario::{Scenario, UnitId};
use crate::sim::state::State;

/// Check that the `Combat` event among `events` was fought on `preview`'s
/// column with the result of the face rolled, and that the attacker `us`
/// and the defender `de` (who had `a0` and `d0` steps) lost what
/// `losses_of` gives (plus the blocked-retreat loss). Returns the die.
pub(crate) fn assert_fight_matches_preview(
    s: &Scenario,
    state: &State,
    events: &[Event],
    preview: &Odds,
    (us, a0): (UnitId, u32),
    (de, d0): (UnitId, u32),
) -> u32 {
    let Some(Event::Combat {
        column: label,
        die,
        result,
        ..
    }) = events
        .iter()
        .find(|e| matches!(e, Event::Combat { .. }))
        .cloned()
    else {
        panic!("no combat event: {events:?}");
    };
    assert_eq!(label, preview.column_label);
    assert_eq!(
        result,
        preview.per_face[die as usize - 1],
        "column {} face {die}",
        preview.column
    );
    let (a, d) = combat::losses_of(&result, a0, d0);
    assert_eq!(a0 - state.units[us as usize].steps, a, "{result}");
    let extra = if events.contains(&Event::RetreatBlocked { unit: de }) {
        s.rules.blocked_retreat_steps
    } else {
        0
    };
    assert_eq!(
        d0 - state.units[de as usize].steps,
        (d + extra).min(d0),
        "{result}"
    );
    die
}
