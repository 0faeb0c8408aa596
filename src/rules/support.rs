//! Naval gunfire and air support: each side has support points per turn from
//! the scenario (`support.naval_points` for the Allied fleet, which was
//! strongest in the first days and thins out as ships leave;
//! `air_points_allied` / `air_points_axis`); index 0 is turn 1 and the last
//! entry repeats for every later turn. The Axis has no naval gunfire.
//!
//! Points are reset at the start of each turn (`command::phase::start_turn`)
//! and unspent points are lost. Spending them is part of an attack: each
//! point is one column shift with its reason in the odds (`combat.rs`, which
//! also checks that naval gunfire only reaches hexes within
//! `support.naval_range` of the sea and that no attack uses more than
//! `support.max_per_attack`); the `Attack` command deducts what it spent.
//! Beach assaults fire the fleet's points by the side's gunfire plan, or
//! automatically without one (`gunfire.rs`, `amphibious.rs`).

use crate::scenario::{Scenario, Side};
use crate::sim::state::SupportLeft;

/// The support points `side` receives on `turn` (1-based).
#[must_use]
pub fn points_on_turn(scenario: &Scenario, side: Side, turn: u32) -> SupportLeft {
    let sp = &scenario.support;
    let pick = |v: &[u32]| -> u32 {
        let i = (turn as usize).saturating_sub(1);
        v.get(i).or(v.last()).copied().unwrap_or(0)
    };
    match side {
        Side::Allied => SupportLeft {
            naval: pick(&sp.naval_points),
            air: pick(&sp.air_points_allied),
        },
        Side::Axis => SupportLeft {
            naval: 0,
            air: pick(&sp.air_points_axis),
        },
    }
}
