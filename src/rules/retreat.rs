//! Retreat after combat.
//!
//! A defender told to retreat N hexes moves N hexes, one at a time, each into
//! an adjacent hex it may enter (`entering.rs`: land its movement class can
//! enter, not held by the enemy, not across the strait or, for vehicles, an
//! unbridged major river; movement points do not matter), not in an enemy
//! ZOC unless a friendly unit stands there, and not visited before. Among the legal routes the one ending farthest from the
//! attacking units is taken (ties: the lower map index at each step), and it
//! must end where stacking allows. If no legal route exists the unit stays and
//! loses `blocked_retreat_steps` extra steps instead (a retreat into the sea
//! or into the enemy is blocked). A static unit cannot retreat at all: it
//! always loses those steps.

use super::entering::{can_enter, How};
use super::{stacking, GameView};
use crate::hex::Hex;
use crate::scenario::UnitId;

/// The route a retreating unit takes (hexes entered, in order), or `None` if
/// the retreat is blocked.
#[must_use]
pub fn retreat_route(
    view: &GameView,
    unit: UnitId,
    hexes: u32,
    attackers_at: &[Hex],
) -> Option<Vec<Hex>> {
    let start = view.unit(unit).hex()?;
    let mut best: Option<(u32, Vec<Hex>)> = None;
    let mut path = Vec::with_capacity(hexes as usize);
    search(view, unit, start, hexes, attackers_at, &mut path, &mut best);
    best.map(|b| b.1)
}

fn distance_from(attackers_at: &[Hex], hex: Hex) -> u32 {
    attackers_at
        .iter()
        .map(|a| a.unsigned_distance_to(hex))
        .min()
        .unwrap_or(0)
}

fn search(
    view: &GameView,
    unit: UnitId,
    at: Hex,
    left: u32,
    attackers_at: &[Hex],
    path: &mut Vec<Hex>,
    best: &mut Option<(u32, Vec<Hex>)>,
) {
    if left == 0 {
        if stacking::check_entry(view, unit, at).is_ok() {
            let score = distance_from(attackers_at, at);
            if best.as_ref().is_none_or(|b| score > b.0) {
                *best = Some((score, path.clone()));
            }
        }
        return;
    }
    let side = view.def(unit).side;
    let mut options: Vec<(usize, Hex)> = at
        .all_neighbors()
        .into_iter()
        .filter_map(|n| view.scenario.map.index(n).map(|i| (i, n)))
        .collect();
    options.sort_unstable_by_key(|o| o.0);
    let start = view.unit(unit).hex();
    for (_, next) in options {
        if Some(next) == start || path.contains(&next) {
            continue;
        }
        if can_enter(view, unit, at, next, How::Retreat).is_err() {
            continue;
        }
        let friendly_there = view.occupant_side(next) == Some(side);
        if view.in_zoc_of(side.enemy(), next) && !friendly_there {
            continue;
        }
        path.push(next);
        search(view, unit, next, left - 1, attackers_at, path, best);
        path.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hex::OffsetCoord;
    use crate::scenario::{builder::TestScenario, Side};

    fn h(c: i32, r: i32) -> Hex {
        OffsetCoord(c, r).to_hex()
    }

    #[test]
    fn retreat_goes_away_from_the_attacker() {
        let t = TestScenario::new(&["ccccc", "ccccc", "ccccc"])
            .unit("us", Side::Allied, "infantry", (1, 1))
            .unit("de", Side::Axis, "infantry", (2, 1))
            .build();
        let v = t.view();
        let de = t.scenario.unit_id("de").unwrap();
        let route = retreat_route(&v, de, 2, &[h(1, 1)]).unwrap();
        assert_eq!(route.len(), 2);
        assert_eq!(h(1, 1).unsigned_distance_to(*route.last().unwrap()), 3);
    }

    #[test]
    fn retreat_blocked_by_the_sea() {
        // The defender is on a spit of land with the attacker on the only way out.
        let t = TestScenario::new(&["...", "cc.", "..."])
            .unit("us", Side::Allied, "infantry", (0, 1))
            .unit("de", Side::Axis, "infantry", (1, 1))
            .build();
        let v = t.view();
        let de = t.scenario.unit_id("de").unwrap();
        assert_eq!(retreat_route(&v, de, 1, &[h(0, 1)]), None);
    }

    #[test]
    fn retreat_may_not_enter_enemy_zoc_unless_friendly_hold_it() {
        // Retreating from (2,1): every hex but the attacker's is next to another
        // Allied unit, except via a friendly-held hex.
        let t = TestScenario::new(&["c..", "ccc", "c.c"])
            .unit("us", Side::Allied, "infantry", (1, 1))
            .unit("de", Side::Axis, "infantry", (2, 1))
            .build();
        let v = t.view();
        let de = t.scenario.unit_id("de").unwrap();
        // (2,0) and (2,2) are next to (1,1): in Allied ZOC, so blocked.
        assert_eq!(retreat_route(&v, de, 1, &[h(1, 1)]), None);
    }
}
