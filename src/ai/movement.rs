//! Moving a side's units: each unit, in unit-id order, goes to the reachable
//! hex with the best score. The score is an integer sum of:
//! - distance to the unit's goal: the defence line of its side's withdrawal
//!   plan while one is held, else its assigned goal (`assign.rs`) for the
//!   attacker, the side's goal field (`objectives.rs`) for the defender, the
//!   evacuation ports for evacuating units, and its supply sources for a unit
//!   cut off (out of supply and beyond every source's trace; a unit merely
//!   past its sources' capacity stays with its goal); the ways back (to the
//!   line, the ports, the sources) go round the enemy the side sees
//!   (`objectives::field_around_enemy`),
//! - defensive terrain (the terrain's and a fortified place's column shift)
//!   and rivers between the hex and adjacent enemies, where a unit will be
//!   attacked or when the side is on the defensive,
//! - for the defender (`front.rs`): the steps the enemy it sees could take off
//!   the stack there, gaps closed in the line, and a penalty for a pocket
//!   (more than two neighbours the enemy holds or controls),
//! - supply: a penalty where no source's trace reaches (`unsupplied_penalty`)
//!   and a smaller one past what their capacity serves
//!   (`short_supply_penalty`, `rules::supply::reach`),
//! - contact: a bonus next to the enemy for attacking units, a penalty for
//!   the reserve (a fixed share of units, chosen by id, kept out of contact),
//! - holding a friendly objective no other unit guards, and guarding a
//!   sudden-death hex the enemy could reach,
//! - a small bonus for staying put, so the line does not churn.
//!
//! The goal fields and the supply picture are computed once per phase;
//! `reachable` once per unit. No wall clock, no hash-map order: same state,
//! same moves.

use super::assign::Assignment;
use super::front::Front;
use super::objectives::{self, FAR};
use super::posture::{self, Posture};
use super::AiParams;
use crate::command::Command;
use crate::hex::{Hex, OffsetCoord};
use crate::rules::{combat, movement, supply, GameView};
use crate::scenario::{Side, UnitId};

/// The movement of one side in one phase, one unit at a time.
#[derive(Debug, Clone)]
pub struct MovePlan {
    side: Side,
    order: Vec<UnitId>,
    next: usize,
    main: Vec<u32>,
    evac: Option<Vec<u32>>,
    /// Distance to the side's supply sources: where a cut-off unit heads.
    home: Vec<u32>,
    supply: Vec<u32>,
    /// The trace from every source, capacity aside: a unit outside it is
    /// cut off (and withers), one inside it merely on short rations.
    traced: Vec<u32>,
    /// The defence line the side holds this turn and the distance to it.
    line: Option<(crate::scenario::DefenceLine, Vec<u32>)>,
    defensive: bool,
    /// The front picture: what the enemy the side sees could do to a stack.
    front: Front,
    /// Each attacking unit's goal (`assign.rs`), `None` for the defender.
    assignment: Option<Assignment>,
    /// Evacuation and the side's role.
    posture: Posture,
    /// The reserve, chosen by position (`reserve`), by unit id.
    reserve: Vec<bool>,
}

impl MovePlan {
    /// Plan the phase: goal field and supply trace for `side`.
    #[must_use]
    pub fn new(
        view: &GameView,
        side: Side,
        params: &AiParams,
        fields: &mut objectives::FieldCache,
        posture: Posture,
    ) -> Self {
        let order = view.side_units(side).map(|u| u.id).collect();
        let main = objectives::field(view, &objectives::goals(view, side, params));
        let evac = view
            .side_units(side)
            .any(|u| posture.evacuates(view, u.id, params))
            .then(|| {
                objectives::field_around_enemy(view, side, &objectives::evacuation_ports(view))
            });
        // Capacity-aware: a hex past what the sources can feed counts as unsupplied.
        let (supply, traced) = supply::reach_and_trace(view, side);
        let sources: Vec<(Hex, u32)> = supply::sources(view, side)
            .into_iter()
            .map(|h| (h, 0))
            .collect();
        let home = objectives::field_around_enemy(view, side, &sources);
        let line = objectives::holding_line(view, side, params).map(|l| {
            let field =
                objectives::field_around_enemy(view, side, &objectives::line_goals(view, side, l));
            (l.clone(), field)
        });
        let defensive = line.is_some()
            || (side == posture::defender(view.scenario)
                && !objectives::counterattacking(view, side, params));
        let front = Front::new(view, side);
        let assignment = Assignment::new(view, side, params, fields, &posture);
        let reserve = reserve(view, side, params, &front, &main);
        Self {
            side,
            order,
            next: 0,
            main,
            evac,
            home,
            supply,
            traced,
            line,
            defensive,
            front,
            assignment,
            posture,
            reserve,
        }
    }

    /// The next move, or `None` when every unit has been considered.
    pub fn next_move(&mut self, view: &GameView, params: &AiParams) -> Option<Command> {
        while let Some(&unit) = self.order.get(self.next) {
            self.next += 1;
            if let Some(cmd) = self.best_move(view, unit, params) {
                return Some(cmd);
            }
        }
        None
    }

    fn best_move(&self, view: &GameView, unit: UnitId, params: &AiParams) -> Option<Command> {
        let from = view.unit(unit).hex()?;
        let reach = movement::reachable(view, unit);
        let dests = reach.destinations();
        if dests.is_empty() {
            return None;
        }
        let mut best = (self.score(view, unit, from, from, params), from);
        for (hex, _) in dests {
            let s = self.score(view, unit, from, hex, params);
            if s > best.0 {
                best = (s, hex);
            }
        }
        if best.1 == from {
            return None;
        }
        let path = reach.path_to(best.1)?;
        Some(Command::Move {
            unit,
            path: path.into_iter().map(OffsetCoord::from_hex).collect(),
        })
    }

    /// Is `unit` in the reserve this phase?
    fn in_reserve(&self, unit: UnitId) -> bool {
        self.reserve.get(unit as usize).copied().unwrap_or(false)
    }

    fn supplied(&self, view: &GameView, hex: Hex) -> bool {
        Self::within(view, &self.supply, hex)
    }

    /// Is `hex` within `trace` (by storage index)? A hex in enemy ZOC blocks
    /// the trace until a friendly unit stands in it; a neighbour within it
    /// then brings it in.
    fn within(view: &GameView, trace: &[u32], hex: Hex) -> bool {
        let map = &view.scenario.map;
        let ok = |h: Hex| map.index(h).is_some_and(|i| trace[i] != u32::MAX);
        ok(hex) || hex.all_neighbors().into_iter().any(ok)
    }

    /// The defender's line: a penalty where the enemy it sees could make the
    /// stack lose more than `fall_back_loss_x100` steps (so a unit facing
    /// ruinous odds falls back, or stacks up on good ground), and a bonus for
    /// closing gaps in the zone of control facing the enemy.
    fn front_score(
        &self,
        view: &GameView,
        front: &Front,
        unit: UnitId,
        hex: Hex,
        evacuating: bool,
        params: &AiParams,
    ) -> i64 {
        // The stack that would stand there: the unit and its friends on the hex.
        let mut stack = vec![unit];
        stack.extend(
            view.units_at(hex)
                .iter()
                .copied()
                .filter(|&o| o != unit && view.def(o).side == self.side),
        );
        let loss = front.expected_loss_x100(view, hex, &stack);
        let mut score = 0;
        if loss > params.fall_back_loss_x100 {
            score -= (loss - params.fall_back_loss_x100) * params.fall_back_weight / 10;
        }
        if self.defensive && !evacuating && !self.in_reserve(unit) {
            score += front.gaps_closed(view, self.side, hex) * params.gap_weight;
        }
        // A pocket: land neighbours the enemy holds or controls, beyond two
        // (a line in contact has one or two), are ways the enemy can close
        // round the stack and cut its supply.
        let map = &view.scenario.map;
        let enemy = self.side.enemy();
        let held = hex
            .all_neighbors()
            .into_iter()
            .filter(|&n| {
                map.index(n).is_some()
                    && (view.enemy_occupied(n, self.side)
                        || (view.in_zoc_of(enemy, n) && view.occupant_side(n) != Some(self.side)))
            })
            .count() as i64;
        score -= (held - 2).max(0) * params.pocket_penalty;
        score
    }

    fn score(&self, view: &GameView, unit: UnitId, from: Hex, hex: Hex, params: &AiParams) -> i64 {
        let s = view.scenario;
        let Some(i) = s.map.index(hex) else {
            return i64::MIN;
        };
        let evacuating = self.posture.evacuates(view, unit, params);
        let assigned = self.assignment.as_ref().and_then(|a| a.field_of(unit));
        // A unit out of supply that cannot find supply within this move
        // breaks out towards its sources instead of holding on.
        let cut_off =
            view.unit(unit).supply.out_of_supply && !Self::within(view, &self.traced, from);
        let on_line = self
            .line
            .as_ref()
            .filter(|(l, _)| objectives::holds(view, l, unit))
            .map(|(_, f)| f.as_slice());
        // A unit cut off breaks out towards its sources, unless its side
        // holds a line: the nearest depot may lie behind the enemy (Palermo
        // for the 15th Panzergrenadiers), the line is where its friends are.
        let field: &[u32] = match (&self.evac, evacuating, on_line) {
            (Some(f), true, _) => f,
            (_, _, Some(f)) => f,
            _ if cut_off => &self.home,
            _ => assigned.unwrap_or(&self.main),
        };
        let mut score = match field[i] {
            FAR => -1_000_000,
            g => -i64::from(g) * params.goal_weight,
        };
        let adjacent: Vec<Hex> = hex
            .all_neighbors()
            .into_iter()
            .filter(|&n| view.enemy_occupied(n, self.side))
            .collect();
        if !adjacent.is_empty() || self.defensive {
            // The ground's own shifts, as every attack on it reads them
            // (rivers count in the odds against the stack, `front_score`).
            let shift: i32 = combat::ground_shifts(s, hex)
                .iter()
                .map(|x| x.columns)
                .sum();
            score -= i64::from(shift) * params.terrain_weight;
        }
        score += self.front_score(view, &self.front, unit, hex, evacuating, params);
        if !Self::within(view, &self.traced, hex) {
            score -= params.unsupplied_penalty;
        } else if !self.supplied(view, hex) {
            score -= params.short_supply_penalty;
        }
        if !adjacent.is_empty() {
            if self.in_reserve(unit) || evacuating {
                score -= 2 * params.contact_bonus;
            } else if view.def(unit).attack > 0 && !view.def(unit).kind.artillery {
                score += params.contact_bonus;
            }
        }
        let guarded = || {
            view.units_at(hex)
                .iter()
                .any(|&u| u != unit && view.def(u).side == self.side)
        };
        if let Some(p) = s.map.place_at[i] {
            let own = view.state.control[p as usize] == self.side;
            let objective = s.objectives.iter().any(|o| o.place == p);
            if own && objective && !evacuating && !guarded() {
                score += params.hold_bonus;
            }
        }
        if objectives::sudden_death_hex(view, self.side.enemy(), hex)
            && !evacuating
            && hex
                .range(params.guard_radius)
                .any(|n| view.enemy_occupied(n, self.side))
            && !guarded()
        {
            score += params.guard_bonus;
        }
        if hex == from {
            score += params.stay_bonus;
        }
        score
    }
}

/// The reserve `side` would keep this phase, by unit id (see [`reserve`]).
#[must_use]
pub fn reserve_of(view: &GameView, side: Side, params: &AiParams) -> Vec<bool> {
    let front = Front::new(view, side);
    let main = objectives::field(view, &objectives::goals(view, side, params));
    reserve(view, side, params, &front, &main)
}

/// The reserve: `reserve_percent` of the side's units (rounded down), chosen
/// by position — out of contact, farthest behind the line (from the enemy
/// the side sees, else from the side's goals), on or next to a road so
/// they can reach a threatened sector; ties by unit id. A unit in contact
/// or evacuating is never in it.
fn reserve(
    view: &GameView,
    side: Side,
    params: &AiParams,
    front: &Front,
    goals: &[u32],
) -> Vec<bool> {
    let s = view.scenario;
    let mut out = vec![false; view.state.units.len()];
    let units: Vec<_> = view
        .side_units(side)
        .filter(|u| u.hex().is_some())
        .collect();
    let wanted = units.len() * params.reserve_percent as usize / 100;
    if wanted == 0 {
        return out;
    }
    let enemies: Vec<Hex> = view
        .side_units(side.enemy())
        .filter_map(|u| u.hex())
        .collect();
    let mut ranked: Vec<(i64, UnitId)> = Vec::new();
    for u in &units {
        let Some(h) = u.hex() else { continue };
        let def = view.def(u.id);
        if def.attack == 0 || def.kind.artillery || def.movement == 0 {
            continue;
        }
        if h.all_neighbors()
            .iter()
            .any(|&n| view.enemy_occupied(n, side))
        {
            continue;
        }
        let behind = match enemies.iter().map(|&e| e.unsigned_distance_to(h)).min() {
            Some(d) => i64::from(d),
            None => s.map.index(h).map_or(0, |i| i64::from(goals[i].min(1000))),
        };
        let road = h
            .all_neighbors()
            .into_iter()
            .any(|n| s.map.side_between(h, n).road.is_some());
        // Behind the line first; a road counts as two hexes more; a hex the
        // enemy threatens is not a reserve position.
        let threatened = front.threat_at(s, h) > 0;
        let rank = behind + if road { 2 } else { 0 } - if threatened { 100 } else { 0 };
        ranked.push((rank, u.id));
    }
    ranked.sort_unstable_by_key(|&(rank, id)| (std::cmp::Reverse(rank), id));
    for &(_, id) in ranked.iter().take(wanted) {
        out[id as usize] = true;
    }
    out
}
