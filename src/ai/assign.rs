//! Goal assignment for the attacking side: instead of every unit marching on
//! the nearest rich objective (the whole Allied army converging on Catania
//! while Palermo waits), each unit is given one goal.
//!
//! One distance field per goal (an enemy-held objective or port, valued as in
//! `objectives::valued`). Each goal gets a quota of the side's steps in
//! proportion to its value. Every (unit, goal) pair is ranked by distance
//! plus the goal's start cost (less valuable goals count as farther); going
//! down that list, a goal takes the unit if the unit is free and the goal's
//! quota is not full. Units left over then take their best goal regardless.
//! So the force spreads over the goals by value, and the units nearest a
//! goal are the ones sent to it (the westernmost divisions drive on Palermo,
//! not whoever happened to be processed last).
//! Recomputed every movement phase from the positions: integer arithmetic,
//! fixed order, no memory between phases.

use super::objectives::{self, FAR};
use super::posture::{self, Posture};
use super::AiParams;
use crate::rules::GameView;
use crate::scenario::{Side, UnitId};

/// Each unit's goal for this phase and the distance field of every goal.
#[derive(Debug, Clone)]
pub struct Assignment {
    /// Distance (foot MP) from every hex to each goal, by goal.
    fields: Vec<std::sync::Arc<Vec<u32>>>,
    /// Goal index by unit id (`None`: not assigned, e.g. no goal reachable).
    goal_of: Vec<Option<u32>>,
    /// Steps sent to each goal (for tests and reports).
    load: Vec<u32>,
}

impl Assignment {
    /// Assign `side`'s units on the map to the enemy-held places it wants,
    /// or `None` if it has no such goal. Only the attacking side
    /// (`posture::defender`) plays by goals; the defender holds a line
    /// (`front.rs`).
    #[must_use]
    pub fn new(
        view: &GameView,
        side: Side,
        params: &AiParams,
        cache: &mut objectives::FieldCache,
        posture: &Posture,
    ) -> Option<Self> {
        if side == posture::defender(view.scenario) {
            return None;
        }
        let goals = objectives::valued(view, side.enemy(), params.port_value_vp);
        if goals.is_empty() {
            return None;
        }
        let best = goals.iter().map(|g| g.1).max().unwrap_or(1);
        let start: Vec<u64> = goals
            .iter()
            .map(|g| u64::from(objectives::start_cost(g.1, best, params.vp_spread_mp)))
            .collect();
        let fields: Vec<std::sync::Arc<Vec<u32>>> =
            goals.iter().map(|&(h, _)| cache.to(view, h)).collect();
        let map = &view.scenario.map;
        // (unit id, hex index, steps) of the units to send.
        let units: Vec<(UnitId, usize, u32)> = view
            .side_units(side)
            .filter(|u| !posture.evacuates(view, u.id, params))
            .filter_map(|u| Some((u.id, map.index(u.hex()?)?, u.steps)))
            .collect();
        // Each goal's quota: its share of the steps by value, rounded up.
        let total_steps: u64 = units.iter().map(|u| u64::from(u.2)).sum();
        let total_value: u64 = goals.iter().map(|g| u64::from(g.1)).sum::<u64>().max(1);
        let quota: Vec<u64> = goals
            .iter()
            .map(|g| (total_steps * u64::from(g.1)).div_ceil(total_value))
            .collect();
        // Every (unit, goal) pair by cost; goals fill with their nearest
        // units up to their quota, then the rest go to their best goal.
        let mut pairs: Vec<(u64, u32, usize)> = Vec::new();
        for (k, &(_, i, _)) in units.iter().enumerate() {
            for g in 0..goals.len() {
                if fields[g][i] != FAR {
                    pairs.push((u64::from(fields[g][i]) + start[g], k as u32, g));
                }
            }
        }
        pairs.sort_unstable();
        let mut goal_of = vec![None; view.state.units.len()];
        let mut load = vec![0u32; goals.len()];
        for within_quota in [true, false] {
            for &(_, k, g) in &pairs {
                let (unit, _, steps) = units[k as usize];
                if goal_of[unit as usize].is_some()
                    || (within_quota && u64::from(load[g]) >= quota[g])
                {
                    continue;
                }
                goal_of[unit as usize] = Some(g as u32);
                load[g] += steps;
            }
        }
        Some(Self {
            fields,
            goal_of,
            load,
        })
    }

    /// The distance field of `unit`'s goal, if it has one.
    #[must_use]
    pub fn field_of(&self, unit: UnitId) -> Option<&[u32]> {
        let g = (*self.goal_of.get(unit as usize)?)?;
        Some(&self.fields[g as usize])
    }

    /// `unit`'s goal (index into `objectives::valued`), if any.
    #[must_use]
    pub fn goal_of(&self, unit: UnitId) -> Option<u32> {
        *self.goal_of.get(unit as usize)?
    }

    /// Steps sent to each goal.
    #[must_use]
    pub fn load(&self) -> &[u32] {
        &self.load
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ai::AiLevels;
    use crate::hex::OffsetCoord;
    use crate::scenario::{builder::TestScenario, schema::PlaceKind};

    #[test]
    fn goals_get_shares_by_value_filled_by_their_nearest_units() {
        // West (20 VP) and east (10 VP) at the ends of a road-less strip;
        // four regiments of 3 steps between them. Quotas: west 8 steps,
        // east 4. The three westernmost fill the west; the last goes east
        // although the west, richer, is as near (its quota is full).
        let t = TestScenario::new(&["ccccccccccccc"])
            .place("west", PlaceKind::City, (0, 0))
            .place("east", PlaceKind::City, (12, 0))
            .objective("west", 20, 0, Side::Axis)
            .objective("east", 10, 0, Side::Axis)
            .unit("u5", Side::Allied, "infantry", (5, 0))
            .unit("u6", Side::Allied, "infantry", (6, 0))
            .unit("u7", Side::Allied, "infantry", (7, 0))
            .unit("u8", Side::Allied, "infantry", (8, 0))
            .build();
        let params = AiLevels::builtin().levels["normal"].clone();
        let view = t.view();
        let posture = |side| Posture {
            side,
            evacuating: false,
        };
        let a = Assignment::new(
            &view,
            Side::Allied,
            &params,
            &mut Default::default(),
            &posture(Side::Allied),
        )
        .unwrap();
        let goals = objectives::valued(&view, Side::Axis, params.port_value_vp);
        let west = goals
            .iter()
            .position(|g| g.0 == OffsetCoord(0, 0).to_hex())
            .unwrap() as u32;
        let east = 1 - west;
        let id = |n| t.scenario.unit_id(n).unwrap();
        assert_eq!(
            ["u5", "u6", "u7", "u8"].map(|n| a.goal_of(id(n))),
            [Some(west), Some(west), Some(west), Some(east)]
        );
        assert_eq!(a.load()[west as usize], 9);
        assert_eq!(a.load()[east as usize], 3);
        assert!(
            Assignment::new(
                &view,
                Side::Axis,
                &params,
                &mut Default::default(),
                &posture(Side::Axis)
            )
            .is_none(),
            "the defender holds a line instead"
        );
    }
}
