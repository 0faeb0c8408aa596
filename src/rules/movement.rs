//! Movement.
//!
//! A unit spends movement points (MP) to enter each hex: the terrain's cost
//! for its movement class (foot, motorised, tracked) from the terrain table,
//! plus the river's cost when it crosses a river hexside. A road along the
//! hexside replaces both with the road cost — but not for a unit that starts
//! the step in an enemy ZOC (road movement is not allowed next to the enemy
//! when the scenario's `road_needs_no_enemy_zoc` is set). Major rivers can be
//! crossed by vehicles only at bridges. No unit enters the sea or an
//! enemy-occupied hex, and no unit walks across a strait hexside (the Strait
//! of Messina is crossed only by ferries: evacuation and supply). Entering an enemy ZOC ends the move (`zoc.rs`), and
//! moving from one enemy-ZOC hex straight into another is forbidden unless the
//! scenario allows it. A unit that has not yet moved may always enter one
//! adjacent hex it could legally enter, whatever the cost. Stacking
//! (`stacking.rs`) is checked where the move ends.
//!
//! [`reachable`] gives the whole move range with costs (GUI highlights, AI);
//! [`check_path`] validates a chosen path (the `Move` command). Both share
//! [`step_cost`], so the preview is exactly what the command allows.

pub use super::entering::{can_enter, How};
use super::{demolition, stacking, GameView, Rejection, RejectionKind};
use crate::hex::{Hex, OffsetCoord};
use crate::scenario::{schema::RiverClass, MoveClass, Scenario, UnitId};
use crate::sim::state::{State, Status};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

/// Why terrain alone forbids a step (before any unit is considered).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blocked {
    /// Off the map.
    OffMap,
    /// Sea.
    Water,
    /// The terrain has no cost for this movement class.
    Terrain,
    /// A major river without a bridge, for vehicles.
    MajorRiver,
}

/// Terrain, river and road cost of stepping from `from` into the adjacent
/// `to` for a movement class, ignoring units. `road_allowed` is false when the
/// road bonus is denied (starting next to the enemy). A blown crossing
/// (`demolition.rs`) has no road or bridge and costs
/// `rules.demolitions.extra_mp` more.
pub fn terrain_cost(
    s: &Scenario,
    state: &State,
    class: MoveClass,
    from: Hex,
    to: Hex,
    road_allowed: bool,
) -> Result<u32, Blocked> {
    let Some(terrain) = s.terrain_of(to) else {
        return Err(Blocked::OffMap);
    };
    if terrain.water {
        return Err(Blocked::Water);
    }
    let side = demolition::crossing(s, state, from, to);
    let river_blocks_road = side.river.is_some() && !side.bridge;
    if let Some(road) = side.road {
        if road_allowed && !river_blocks_road {
            if let Some(c) = s.road_cost[road as usize][class.index()] {
                return Ok(c);
            }
        }
    }
    let base = terrain.move_cost[class.index()].ok_or(Blocked::Terrain)?;
    let river = match side.river {
        None => 0,
        Some(_) if side.bridge => 0,
        Some(RiverClass::Minor) => s.river_cost.minor,
        Some(RiverClass::Major) if class == MoveClass::Foot => s.river_cost.major,
        Some(RiverClass::Major) => return Err(Blocked::MajorRiver),
    };
    Ok(base + river + demolition::extra_cost(s, state, from, to))
}

/// The cost of one step from `from` into the adjacent hex `to`, or why it is
/// not allowed. Whether the unit may go there at all is [`can_enter`]'s
/// answer (the one rule for every way into a hex); this adds the price.
pub fn step_cost(view: &GameView, unit: UnitId, from: Hex, to: Hex) -> Result<u32, Rejection> {
    can_enter(view, unit, from, to, How::Move)?;
    let s = view.scenario;
    let def = view.def(unit);
    let road_allowed = !(s.rules.road_needs_no_enemy_zoc && view.in_zoc_of(def.side.enemy(), from));
    terrain_cost(s, view.state, def.class, from, to, road_allowed).map_err(|b| {
        // `can_enter` has refused every terrain block already.
        let why = match b {
            Blocked::OffMap => "off the map",
            Blocked::Water => "sea",
            Blocked::Terrain => "impassable terrain",
            Blocked::MajorRiver => "a major river without a bridge",
        };
        Rejection::new(
            RejectionKind::Prohibited,
            format!(
                "{} cannot enter {} ({why})",
                def.name,
                OffsetCoord::from_hex(to)
            ),
        )
    })
}

/// Can this unit move at all now? (on the map, not static, not out of MP)
pub fn can_move(view: &GameView, unit: UnitId) -> Result<Hex, Rejection> {
    let u = view.unit(unit);
    let def = view.def(unit);
    if u.status != Status::OnMap {
        return Err(Rejection::new(
            RejectionKind::NotOnMap,
            format!("{} is not on the map", def.name),
        ));
    }
    if def.kind.static_unit || def.movement == 0 {
        return Err(Rejection::new(
            RejectionKind::AlreadyActed,
            format!("{} is a static unit and cannot move", def.name),
        ));
    }
    u.hex().ok_or_else(|| {
        Rejection::new(
            RejectionKind::NotOnMap,
            format!("{} is not on the map", def.name),
        )
    })
}

/// The result of checking a path: what it costs and where it ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathCheck {
    /// MP spent.
    pub cost: u32,
    /// MP left afterwards (0 if the move ended in an enemy ZOC).
    pub mp_left: u32,
    /// Did it end in an enemy ZOC?
    pub ends_in_zoc: bool,
}

/// Validate a move along `path` (the hexes entered, in order, not including
/// the start).
pub fn check_path(view: &GameView, unit: UnitId, path: &[Hex]) -> Result<PathCheck, Rejection> {
    let start = can_move(view, unit)?;
    let def = view.def(unit);
    let u = view.unit(unit);
    if path.is_empty() {
        return Err(Rejection::new(RejectionKind::BadPath, "the path is empty"));
    }
    let enemy = def.side.enemy();
    let fresh = !u.moved;
    let mut at = start;
    let mut spent = 0u32;
    let mut ends_in_zoc = false;
    for (i, &next) in path.iter().enumerate() {
        if at.unsigned_distance_to(next) != 1 {
            return Err(Rejection::new(
                RejectionKind::BadPath,
                format!(
                    "{} is not next to {}",
                    OffsetCoord::from_hex(next),
                    OffsetCoord::from_hex(at)
                ),
            ));
        }
        if ends_in_zoc {
            return Err(Rejection::new(
                RejectionKind::Zoc,
                format!(
                    "{} entered an enemy zone of control at {} and must stop there",
                    def.name,
                    OffsetCoord::from_hex(at)
                ),
            ));
        }
        let cost = step_cost(view, unit, at, next)?;
        let into_zoc = view.in_zoc_of(enemy, next);
        if into_zoc && view.in_zoc_of(enemy, at) && !view.scenario.rules.zoc_to_zoc {
            return Err(Rejection::new(
                RejectionKind::Zoc,
                format!(
                    "{} cannot move directly from one enemy zone of control ({}) to another ({})",
                    def.name,
                    OffsetCoord::from_hex(at),
                    OffsetCoord::from_hex(next)
                ),
            ));
        }
        let left = u.mp_left.saturating_sub(spent);
        let minimum_move = fresh && i == 0 && path.len() == 1 && u.mp_left > 0;
        if cost > left && !minimum_move {
            let terrain = view
                .scenario
                .terrain_of(next)
                .map_or("", |t| t.name.as_str());
            return Err(Rejection::new(
                RejectionKind::NotEnoughMp,
                format!(
                    "{} has {left} MP left; entering {} at {} costs {cost}",
                    def.name,
                    terrain.to_lowercase(),
                    OffsetCoord::from_hex(next)
                ),
            ));
        }
        spent += cost;
        ends_in_zoc = into_zoc;
        at = next;
    }
    stacking::check_entry(view, unit, at)?;
    let spent = spent.min(u.mp_left);
    Ok(PathCheck {
        cost: spent,
        mp_left: if ends_in_zoc { 0 } else { u.mp_left - spent },
        ends_in_zoc,
    })
}

/// A unit's move range: every hex it can reach this phase with the cheapest
/// cost, and the path to it.
#[derive(Debug, Clone)]
pub struct Reach {
    start: Hex,
    /// storage index → (cost, predecessor storage index, legal destination)
    nodes: HashMap<usize, (u32, usize, bool)>,
    grid: crate::hex::HexGrid,
}

impl Reach {
    /// The cheapest cost to reach `hex`, if it is a legal destination.
    #[must_use]
    pub fn cost_to(&self, hex: Hex) -> Option<u32> {
        let i = self.grid.index(hex)?;
        self.nodes.get(&i).filter(|n| n.2).map(|n| n.0)
    }

    /// The cheapest path to `hex` (not including the start), if reachable.
    #[must_use]
    pub fn path_to(&self, hex: Hex) -> Option<Vec<Hex>> {
        self.cost_to(hex)?;
        let start = self.grid.index(self.start)?;
        let mut i = self.grid.index(hex)?;
        let mut path = Vec::new();
        while i != start {
            path.push(self.grid.hex_at(i));
            i = self.nodes.get(&i)?.1;
        }
        path.reverse();
        Some(path)
    }

    /// Every legal destination with its cost, in map order (not the start).
    #[must_use]
    pub fn destinations(&self) -> Vec<(Hex, u32)> {
        let mut v: Vec<(usize, u32)> = self
            .nodes
            .iter()
            .filter(|(_, n)| n.2)
            .map(|(&i, n)| (i, n.0))
            .collect();
        v.sort_unstable();
        v.into_iter()
            .map(|(i, c)| (self.grid.hex_at(i), c))
            .collect()
    }
}

/// Every hex `unit` can reach with its MP left, by cheapest path (Dijkstra
/// over [`step_cost`], stopping at enemy ZOC). Empty if it cannot move.
#[must_use]
pub fn reachable(view: &GameView, unit: UnitId) -> Reach {
    let grid = view.scenario.map.grid;
    let mut reach = Reach {
        start: Hex::ZERO,
        nodes: HashMap::new(),
        grid,
    };
    let Ok(start) = can_move(view, unit) else {
        return reach;
    };
    reach.start = start;
    let Some(si) = grid.index(start) else {
        return reach;
    };
    let u = view.unit(unit);
    let def = view.def(unit);
    let enemy = def.side.enemy();
    let budget = u.mp_left;
    let zoc_ok = view.scenario.rules.zoc_to_zoc;
    reach.nodes.insert(si, (0, si, false));
    let mut heap = BinaryHeap::new();
    heap.push(Reverse((0u32, si)));
    while let Some(Reverse((cost, i))) = heap.pop() {
        if reach.nodes.get(&i).is_some_and(|n| n.0 < cost) {
            continue;
        }
        let here = grid.hex_at(i);
        let here_zoc = view.in_zoc_of(enemy, here);
        if i != si && here_zoc {
            continue; // entering an enemy ZOC ended the move
        }
        for next in here.all_neighbors() {
            let Some(ni) = grid.index(next) else { continue };
            let Ok(step) = step_cost(view, unit, here, next) else {
                continue;
            };
            let into_zoc = view.in_zoc_of(enemy, next);
            if here_zoc && into_zoc && !zoc_ok {
                continue;
            }
            let mut total = cost + step;
            if total > budget {
                let minimum_move = i == si && !u.moved && budget > 0;
                if !minimum_move {
                    continue;
                }
                total = budget;
            }
            if reach.nodes.get(&ni).is_none_or(|n| total < n.0) {
                let legal = stacking::check_entry(view, unit, next).is_ok();
                reach.nodes.insert(ni, (total, i, legal));
                heap.push(Reverse((total, ni)));
            }
        }
    }
    reach
}

#[cfg(test)]
mod tests;
