//! Airborne drops with seeded scatter: units scheduled at a drop zone come
//! down in their side's arrivals phase somewhere around it, and may lose a
//! step on landing — worse at night and for gliders.
//!
//! 1. **Scatter distribution** ([`scatter_distribution`], data from the
//!    scenario's `scatter` table): drifting `d` hexes has weight
//!    `distance_day[d]` (or `distance_night[d]`) out of `out_of`. The on-map
//!    hexes at distance `d` share that weight equally. To stay in integers
//!    every weight is multiplied by `scale`, the least common multiple of the
//!    ring sizes, so each hex gets `weight[d] * scale / ring_size` exactly and
//!    the total is `out_of * scale`. A ring wholly off the map gives its weight
//!    to the zone hex itself. Sea hexes are part of the distribution.
//! 2. **Step loss**: `step_loss_day` (or `_night`), plus
//!    `step_loss_glider_extra` for gliders, out of `out_of`.
//! 3. **Resolution** draws from exactly that distribution with the game RNG,
//!    two draws per unit, always in this order: one for the hex, one for the
//!    step loss (`draws += 2`).
//! 4. **Where it ends up**: a glider that comes down in the sea loses
//!    `glider_sea_loss` steps (Ladbroke, 10 July 1943); survivors of a glider
//!    ditching and paratroopers dropped into the sea struggle ashore at the
//!    nearest land hex. A unit coming down on an enemy-held hex (or where
//!    stacking leaves no room) ends on the nearest land hex free of enemy
//!    units with stacking room ("nearest": hex distance, ties by lower map
//!    index). Enemy ZOC does not stop a drop. If no such hex exists on the
//!    whole map the drop is delayed a turn (nothing is drawn).
//! 5. Scattered units act normally afterwards (they arrive with full MP).

use super::entering::{can_enter, How};
use super::{stacking, GameView};
use crate::hex::Hex;
use crate::scenario::{Scenario, UnitId};

/// One hex a drop may come down on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScatterHex {
    /// The hex.
    pub hex: Hex,
    /// Hexes from the zone.
    pub distance: u32,
    /// Weight in `Scatter::total`.
    pub weight: u32,
    /// Is it a sea hex?
    pub in_sea: bool,
}

/// The full distribution of a drop: what the preview shows and the resolver
/// draws from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scatter {
    /// Every hex with a non-zero weight, by distance then map index.
    pub hexes: Vec<ScatterHex>,
    /// Sum of the weights (`out_of * scale` when the table sums to `out_of`).
    pub total: u32,
    /// Factor applied to the table's weights to keep them integers.
    pub scale: u32,
    /// Chance of losing a step, out of `out_of`.
    pub step_loss: u32,
    /// Denominator of `step_loss`.
    pub out_of: u32,
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The scatter distribution of a drop on `zone` (rules 1 and 2 above).
#[must_use]
pub fn scatter_distribution(scenario: &Scenario, zone: Hex, night: bool, glider: bool) -> Scatter {
    let table = &scenario.scatter;
    let weights = if night {
        &table.distance_night
    } else {
        &table.distance_day
    };
    let rings: Vec<Vec<(usize, Hex)>> = weights
        .iter()
        .enumerate()
        .map(|(d, _)| {
            let hexes: Vec<Hex> = if d == 0 {
                vec![zone]
            } else {
                zone.ring(d as u32).collect()
            };
            let mut on_map: Vec<(usize, Hex)> = hexes
                .into_iter()
                .filter_map(|h| scenario.map.index(h).map(|i| (i, h)))
                .collect();
            on_map.sort_unstable_by_key(|x| x.0);
            on_map
        })
        .collect();
    let scale = rings
        .iter()
        .zip(weights)
        .filter(|(r, &w)| w > 0 && !r.is_empty())
        .fold(1u32, |l, (r, _)| {
            l / gcd(l, r.len() as u32) * r.len() as u32
        });
    let mut hexes = Vec::new();
    let mut to_zone = 0;
    for (d, (ring, &w)) in rings.iter().zip(weights).enumerate() {
        if w == 0 {
            continue;
        }
        if ring.is_empty() {
            to_zone += w * scale;
            continue;
        }
        let each = w * scale / ring.len() as u32;
        hexes.extend(ring.iter().map(|&(_, hex)| ScatterHex {
            hex,
            distance: d as u32,
            weight: each,
            in_sea: scenario.is_water(hex),
        }));
    }
    if to_zone > 0 {
        match hexes.iter_mut().find(|h| h.distance == 0) {
            Some(z) => z.weight += to_zone,
            None => hexes.insert(
                0,
                ScatterHex {
                    hex: zone,
                    distance: 0,
                    weight: to_zone,
                    in_sea: scenario.is_water(zone),
                },
            ),
        }
    }
    let total = hexes.iter().map(|h| h.weight).sum();
    let mut step_loss = if night {
        table.step_loss_night
    } else {
        table.step_loss_day
    };
    if glider {
        step_loss += table.step_loss_glider_extra;
    }
    Scatter {
        hexes,
        total,
        scale,
        step_loss: step_loss.min(table.out_of),
        out_of: table.out_of,
    }
}

/// The nearest hex to `from` where `unit` can come to rest after a drop: land,
/// no enemy units, stacking room (ties: lower map index).
#[must_use]
pub fn nearest_free_land(view: &GameView, unit: UnitId, from: Hex) -> Option<Hex> {
    let map = &view.scenario.map;
    (0..map.grid.len())
        .map(|i| map.grid.hex_at(i))
        .filter(|&h| {
            can_enter(view, unit, h, h, How::Drop).is_ok()
                && stacking::check_entry(view, unit, h).is_ok()
        })
        .min_by_key(|&h| from.unsigned_distance_to(h))
}

/// Where a unit that came down on `hex` comes to rest (rule 4): there if it
/// may stand there, else the nearest free land hex; `None` if there is none.
#[must_use]
pub fn rest_hex(view: &GameView, unit: UnitId, hex: Hex) -> Option<Hex> {
    let fits = can_enter(view, unit, hex, hex, How::Drop).is_ok()
        && stacking::check_entry(view, unit, hex).is_ok();
    if fits {
        Some(hex)
    } else {
        nearest_free_land(view, unit, hex)
    }
}

impl Scatter {
    /// The hex a draw of `pick` (in `0..total`) comes down on (rule 3).
    #[must_use]
    pub fn came_down(&self, scenario: &Scenario, zone: Hex, pick: u32) -> ScatterHex {
        let mut acc = 0;
        self.hexes
            .iter()
            .find(|h| {
                acc += h.weight;
                pick < acc
            })
            .copied()
            .unwrap_or(ScatterHex {
                hex: zone,
                distance: 0,
                weight: 0,
                in_sea: scenario.is_water(zone),
            })
    }
}
