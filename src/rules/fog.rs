//! Fog of war: each side sees enemy units only near its own units.
//!
//! A side sees an enemy unit on the map if one of its own units on the map is
//! within `min(sight of the observer's hex terrain, concealment of the enemy's
//! hex terrain)` hexes of it (integer hex distance; both from the terrain
//! table). An enemy unit next to one of the side's units is always seen: units
//! in contact know who is in front of them. Units not on the map (pending,
//! eliminated, evacuated) are not "seen" and are not hidden either.
//!
//! The rules engine itself always knows everything: fog is only a filter on
//! what a side's GUI and AI are shown ([`visible_state`]). It is computed
//! from the real state and never written back, so it never changes the game's
//! state hash.

use super::GameView;
use crate::scenario::{Scenario, Side, UnitId};
use crate::sim::state::{State, Status};
use rand::SeedableRng;

/// How far `side`'s unit on `from` sees an enemy on `to`.
#[must_use]
pub fn sight_range(scenario: &Scenario, from: crate::hex::Hex, to: crate::hex::Hex) -> u32 {
    let sight = scenario.terrain_of(from).map_or(0, |t| t.sight);
    let concealment = scenario.terrain_of(to).map_or(0, |t| t.concealment);
    sight.min(concealment).max(1)
}

/// The enemy units on the map that `side` can see, sorted by id.
#[must_use]
pub fn visible_enemies(view: &GameView, side: Side) -> Vec<UnitId> {
    let best_sight = best_sight(view.scenario);
    let mut seen: Vec<UnitId> = view
        .side_units(side.enemy())
        .filter(|e| {
            e.hex()
                .is_some_and(|to| seen_at(view, side, best_sight, to))
        })
        .map(|e| e.id)
        .collect();
    seen.sort_unstable();
    seen
}

/// The best `sight` of any terrain: no unit sees farther.
#[must_use]
pub fn best_sight(scenario: &Scenario) -> u32 {
    scenario.terrain.iter().map(|t| t.sight).max().unwrap_or(0)
}

/// Does `side` see an enemy on `to`? No unit sees farther than `best_sight`
/// (of [`best_sight`]), nor than the target's concealment (and never less
/// than 1): only the hexes that close can hold an observer. Looking there
/// instead of at every friendly unit keeps fog linear in units on large maps
/// (`docs/performance.md`).
#[must_use]
pub fn seen_at(view: &GameView, side: Side, best_sight: u32, to: crate::hex::Hex) -> bool {
    let s = view.scenario;
    let concealment = s.terrain_of(to).map_or(0, |t| t.concealment);
    let reach = best_sight.min(concealment).max(1);
    to.range(reach).any(|from| {
        view.units_at(from)
            .iter()
            .any(|&u| view.def(u).side == side)
            && from.unsigned_distance_to(to) <= sight_range(s, from, to)
    })
}

/// The state as `side` may know it: enemy units on the map that `side` cannot
/// see look like units not yet arrived (status `Pending`, no hex), and the
/// random number generator is replaced by a fixed one, so that a side cannot
/// foresee the dice. The real state is not touched.
#[must_use]
pub fn visible_state(scenario: &Scenario, state: &State, side: Side) -> State {
    let seen = visible_enemies(&GameView::new(scenario, state), side);
    let mut out = state.clone();
    for u in &mut out.units {
        let enemy = scenario.unit(u.id).side != side;
        if enemy && u.status == Status::OnMap && seen.binary_search(&u.id).is_err() {
            u.status = Status::Pending;
            u.at = None;
        }
    }
    out.rng = rand_chacha::ChaCha8Rng::seed_from_u64(0);
    // The enemy's gunfire plan is its own secret.
    out.naval_plan[side.enemy().index()] = None;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hex::OffsetCoord;
    use crate::scenario::builder::TestScenario;

    /// A row of hills; the Allied regiment stands at (0,0), the Axis one at `axis`.
    fn hills(axis: (i32, i32)) -> (crate::scenario::builder::Built, UnitId, UnitId) {
        let t = TestScenario::new(&["hhhhhhhh", "cccccccc"])
            .unit("us", Side::Allied, "infantry", (0, 0))
            .unit("de", Side::Axis, "infantry", axis)
            .phases(vec![
                crate::scenario::PhaseSpec::Movement(Side::Allied),
                crate::scenario::PhaseSpec::EndTurn,
            ])
            .build();
        let us = t.scenario.unit_id("us").unwrap();
        let de = t.scenario.unit_id("de").unwrap();
        (t, us, de)
    }

    #[test]
    fn the_axis_cannot_see_a_unit_4_hexes_away_in_hills() {
        // Hills: sight 4, concealment 2.
        let (t, us, _) = hills((4, 0));
        assert_eq!(
            sight_range(
                &t.scenario,
                OffsetCoord(4, 0).to_hex(),
                OffsetCoord(0, 0).to_hex()
            ),
            2
        );
        assert_eq!(visible_enemies(&t.view(), Side::Axis), Vec::<UnitId>::new());
        assert_eq!(
            visible_enemies(&t.view(), Side::Allied),
            Vec::<UnitId>::new()
        );
        // Two hexes away it is seen.
        let (t, us2, de) = hills((2, 0));
        assert_eq!(us, us2);
        assert_eq!(visible_enemies(&t.view(), Side::Axis), vec![us]);
        assert_eq!(visible_enemies(&t.view(), Side::Allied), vec![de]);
    }

    #[test]
    fn clear_terrain_hides_nothing_within_three_hexes() {
        // The Axis unit in clear at (3,1) is 3 hexes from the Allied one in the
        // hills (sight 4, clear concealment 3): seen. The Allied one in the
        // hills (concealment 2) is not seen from the clear (sight 3).
        let (t, us, de) = hills((3, 1));
        assert_eq!(
            OffsetCoord(0, 0)
                .to_hex()
                .unsigned_distance_to(OffsetCoord(3, 1).to_hex()),
            3
        );
        assert_eq!(visible_enemies(&t.view(), Side::Allied), vec![de]);
        assert_eq!(visible_enemies(&t.view(), Side::Axis), Vec::<UnitId>::new());
        let _ = us;
    }

    #[test]
    fn the_visible_state_hides_unseen_enemies_without_touching_the_game() {
        let (t, us, de) = hills((4, 0));
        let mut state = t.state.clone();
        state.units[us as usize].at = Some(OffsetCoord(1, 0));
        let real = state.hash();
        let axis_view = visible_state(&t.scenario, &state, Side::Axis);
        assert_eq!(axis_view.unit(us).status, Status::Pending);
        assert_eq!(axis_view.unit(us).at, None);
        assert_eq!(axis_view.unit(de).at, Some(OffsetCoord(4, 0)));
        assert_ne!(axis_view.hash(), real);
        // The real state is unchanged.
        assert_eq!(state.hash(), real);
        assert_eq!(state.unit(us).at, Some(OffsetCoord(1, 0)));
        // A unit at (2,0) is seen: nothing hidden apart from the dice.
        state.units[us as usize].at = Some(OffsetCoord(2, 0));
        let axis_view = visible_state(&t.scenario, &state, Side::Axis);
        assert_eq!(axis_view.units, state.units);
    }
}
