//! Where a side wants to go: a goal field (distance in foot MP from every hex
//! to the side's goals), computed once per phase by one multi-source Dijkstra
//! over terrain costs, so scoring a destination is an array lookup.
//!
//! Goals by side and stage of the game:
//! - Allies: enemy-held objectives and ports. A goal's start cost is raised by
//!   up to `vp_spread_mp` the less it is worth, so Palermo and Messina pull
//!   harder than a village at the same distance. Each unit is then given one
//!   of these goals by `assign.rs` (quotas by value).
//! - Axis, in a counterattack window (the scenario's `counterattacks`, else
//!   the first `counterattack_until_percent` of the game): the Allied units —
//!   strike the beachheads.
//! - Axis, on the defensive: contact with the Allied units (start cost
//!   `defender_contact_mp`: a line, kept out of ruinous odds and pockets by
//!   `movement.rs`), and behind it the objectives it still holds, weighted by
//!   value (`defender_objective_mp` more).
//! - Units of a side holding a defence line of its withdrawal plan (the
//!   scenario's `defence_lines`; not in a counterattack window): the line,
//!   the enemy units that reached it and their own objectives on it.
//! - Evacuating units: the evacuation ports. Evacuation begins late in the
//!   game, once the enemy holds enough of the objectives' VP, or once an enemy
//!   unit nears an evacuation port.
//!
//! The fields ignore units (they are strategic distances); the move itself is
//! checked by `rules::movement::reachable`. Single-goal fields are cached for
//! the game ([`FieldCache`]).

use super::AiParams;
use crate::hex::Hex;
use crate::rules::{movement, GameView};
use crate::scenario::{MoveClass, Side};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// No path to any goal.
pub const FAR: u32 = u32::MAX;

/// Is the game past `percent` of its turns?
#[must_use]
pub fn past(view: &GameView, percent: u32) -> bool {
    view.state.turn * 100 >= view.scenario.turns * percent
}

/// Is the Axis in a counterattack window: the scenario's windows if it
/// gives any, else the first `counterattack_until_percent` of the game?
#[must_use]
pub fn counterattacking(view: &GameView, side: Side, params: &AiParams) -> bool {
    let windows = &view.scenario.counterattacks;
    let turn = view.state.turn;
    side == super::posture::defender(view.scenario)
        && if windows.is_empty() {
            !past(view, params.counterattack_until_percent)
        } else {
            windows
                .iter()
                .any(|w| (w.from_turn..=w.until_turn).contains(&turn))
        }
}

/// Goals for `side`'s main body: (hex, start cost in MP), sorted.
#[must_use]
pub fn goals(view: &GameView, side: Side, params: &AiParams) -> Vec<(Hex, u32)> {
    let s = view.scenario;
    let enemy_units = || -> Vec<(Hex, u32)> {
        view.side_units(side.enemy())
            .filter_map(|u| u.hex())
            .map(|h| (h, 0))
            .collect()
    };
    let defending = side == super::posture::defender(s);
    let mut out: Vec<(Hex, u32)> = match defending {
        false => {
            let mut g = weighted(
                view,
                side.enemy(),
                params.port_value_vp,
                params.vp_spread_mp,
            );
            if g.is_empty() {
                g = enemy_units();
            }
            g
        }
        true => {
            let mut g = enemy_units();
            if !counterattacking(view, side, params) {
                // On the defensive: a line in contact with the enemy (the
                // fall-back score keeps it out of ruinous odds), and behind
                // it the objectives still held, weighted by value, as the
                // anchors units far from the enemy gather on.
                for e in g.iter_mut() {
                    e.1 = params.defender_contact_mp;
                }
                g.extend(
                    weighted(view, side, 0, params.vp_spread_mp)
                        .into_iter()
                        .map(|(h, c)| (h, c + params.defender_objective_mp)),
                );
            }
            g
        }
    };
    out.sort_unstable_by_key(|(h, c)| (s.map.index(*h), *c));
    out.dedup_by_key(|(h, _)| *h);
    out
}

/// The defence line `side` holds now: its withdrawal plan's line for the
/// turn (`defence_lines` in the scenario), unless the Axis is in one of its
/// counterattack windows.
#[must_use]
pub fn holding_line<'a>(
    view: &GameView<'a>,
    side: Side,
    params: &AiParams,
) -> Option<&'a crate::scenario::DefenceLine> {
    if counterattacking(view, side, params) {
        return None;
    }
    view.scenario.defence_line(side, view.state.turn)
}

/// How far (hexes) from a defence line an enemy unit or an objective still
/// counts as being on it: the line fights for its own ground and whatever
/// breaks into it, not for what lies in front.
pub const LINE_DEPTH: u32 = 2;

/// Is `hex` on `line` or within [`LINE_DEPTH`] of it?
#[must_use]
pub fn near_line(line: &crate::scenario::DefenceLine, hex: Hex) -> bool {
    line.hexes
        .iter()
        .any(|&l| l.unsigned_distance_to(hex) <= LINE_DEPTH)
}

/// Does `unit` hold `line` (its nation is one the line names, or the line
/// names none)?
#[must_use]
pub fn holds(
    view: &GameView,
    line: &crate::scenario::DefenceLine,
    unit: crate::scenario::UnitId,
) -> bool {
    line.nations.is_empty() || line.nations.contains(&view.def(unit).nation)
}

/// Goals of a side holding `line`: its hexes, the enemy units that reached
/// it and the side's own objectives on it, all at start cost 0. Units in
/// front fall back to it, units behind come up to it; `movement.rs` spreads
/// them along it (gaps closed) and keeps them out of ruinous odds.
#[must_use]
pub fn line_goals(
    view: &GameView,
    side: Side,
    line: &crate::scenario::DefenceLine,
) -> Vec<(Hex, u32)> {
    let near = |h: Hex| near_line(line, h);
    let mut g: Vec<(Hex, u32)> = line.hexes.iter().map(|&h| (h, 0)).collect();
    g.extend(
        view.side_units(side.enemy())
            .filter_map(|u| u.hex())
            .filter(|&h| near(h))
            .map(|h| (h, 0)),
    );
    g.extend(
        valued(view, side, 0)
            .into_iter()
            .filter(|&(h, _)| near(h))
            .map(|(h, _)| (h, 0)),
    );
    g
}

/// Places held by `holder`: objectives (VP now plus VP
/// per turn still to come) and, valued at `port_vp`, ports. Each gets a start
/// cost from 0 (the most valuable) to `spread` MP (worth almost nothing).
fn weighted(view: &GameView, holder: Side, port_vp: u32, spread: u32) -> Vec<(Hex, u32)> {
    let valued = valued(view, holder, port_vp);
    let best = valued.iter().map(|v| v.1).max().unwrap_or(1).max(1);
    valued
        .into_iter()
        .map(|(h, v)| (h, start_cost(v, best, spread)))
        .collect()
}

/// The start cost of a goal worth `value` when the best is worth `best`:
/// 0 for the best, up to `spread` MP for one worth nothing.
#[must_use]
pub fn start_cost(value: u32, best: u32, spread: u32) -> u32 {
    (best.max(1) - value.min(best)) * spread / best.max(1)
}

/// The places held by `holder` worth something, with their value in VP:
/// objectives (VP now plus VP per turn still to come) and ports (`port_vp`).
#[must_use]
pub fn valued(view: &GameView, holder: Side, port_vp: u32) -> Vec<(Hex, u32)> {
    let s = view.scenario;
    let biggest_port = s
        .map
        .places
        .iter()
        .map(|p| p.port_capacity)
        .max()
        .unwrap_or(1)
        .max(1);
    let mut valued: Vec<(Hex, u32)> = Vec::new();
    for (i, p) in s.map.places.iter().enumerate() {
        if view.state.control[i] != holder {
            continue;
        }
        let objective: u32 = s
            .objectives
            .iter()
            .filter(|o| o.place as usize == i)
            .map(|o| o.vp + o.vp_per_turn * s.turns.saturating_sub(view.state.turn))
            .sum();
        // A port is worth `port_vp` at the largest capacity on the map, less
        // for smaller quays (a fishing harbour does not feed an army).
        let port = if p.port_capacity > 0 {
            (port_vp * p.port_capacity).div_ceil(biggest_port)
        } else {
            0
        };
        if objective + port > 0 {
            valued.push((p.hex.to_hex(), objective + port));
        }
    }
    valued
}

/// Would a unit of `winner` on `hex` end the game in its favour (now or
/// from a later turn)? The side it threatens guards such hexes.
#[must_use]
pub fn sudden_death_hex(view: &GameView, winner: Side, hex: Hex) -> bool {
    let at = crate::hex::OffsetCoord::from_hex(hex);
    view.scenario
        .victory
        .sudden_death
        .iter()
        .any(|sd| sd.winner == winner && sd.hexes.contains(&at))
}

/// The evacuation ports.
#[must_use]
pub fn evacuation_ports(view: &GameView) -> Vec<(Hex, u32)> {
    super::posture::evacuation_hexes(view.scenario)
        .into_iter()
        .map(|h| (h, 0))
        .collect()
}

/// Share (percent) of the objectives' VP held by `side`'s enemy.
#[must_use]
pub fn enemy_share_percent(view: &GameView, side: Side) -> u32 {
    let s = view.scenario;
    let (mut lost, mut total) = (0u32, 0u32);
    for o in &s.objectives {
        total += o.vp;
        if view.state.control[o.place as usize] == side.enemy() {
            lost += o.vp;
        }
    }
    (lost * 100).checked_div(total).unwrap_or(0)
}

/// Distance fields to single goal hexes, kept for a whole game: they depend
/// on the map alone, so the attacker's goal fields (`assign.rs`) are built
/// once per goal instead of once per goal and movement phase. Looked up by
/// key only, never iterated: the cache cannot change a decision.
#[derive(Debug, Clone, Default)]
pub struct FieldCache {
    scenario: String,
    fields: std::collections::BTreeMap<usize, std::sync::Arc<Vec<u32>>>,
}

impl FieldCache {
    /// The field to `goal` (see [`field`]).
    pub fn to(&mut self, view: &GameView, goal: Hex) -> std::sync::Arc<Vec<u32>> {
        if self.scenario != view.scenario.id {
            self.fields.clear();
            self.scenario.clone_from(&view.scenario.id);
        }
        let key = view.scenario.map.index(goal).unwrap_or(usize::MAX);
        std::sync::Arc::clone(
            self.fields
                .entry(key)
                .or_insert_with(|| std::sync::Arc::new(field(view, &[(goal, 0)]))),
        )
    }
}

/// Foot-MP distance from every hex (by storage index) to the nearest goal,
/// counting each goal's start cost; [`FAR`] where no goal can be reached.
/// The map alone decides it, so it can be kept for the whole game.
#[must_use]
pub fn field(view: &GameView, goals: &[(Hex, u32)]) -> Vec<u32> {
    field_with(view, goals, |_| Some(0))
}

/// Extra foot MP a route pays for each hex in the enemy's zone of control
/// in [`field_around_enemy`]: about a day's march, so a unit takes a detour
/// of a day rather than walk past the enemy.
pub const ENEMY_ZOC_DETOUR_MP: u32 = 6;

/// Like [`field`], but routes go round the enemy `side` sees: its units'
/// hexes are closed and hexes in its zone of control cost
/// [`ENEMY_ZOC_DETOUR_MP`] more. For the ways back (to a defence line, an
/// evacuation port, the supply sources): the shortest way from Ribera to
/// the Hauptkampflinie ran along the coast through the American
/// beachhead, and the 15th Panzergrenadiers that took it were cut off.
#[must_use]
pub fn field_around_enemy(view: &GameView, side: Side, goals: &[(Hex, u32)]) -> Vec<u32> {
    let enemy = side.enemy();
    field_with(view, goals, |h| {
        if view.enemy_occupied(h, side) {
            None
        } else if view.in_zoc_of(enemy, h) {
            Some(ENEMY_ZOC_DETOUR_MP)
        } else {
            Some(0)
        }
    })
}

/// The goal-distance Dijkstra behind [`field`] and [`field_around_enemy`]:
/// `extra(hex)` is the added cost of stepping into `hex`, `None` if closed.
fn field_with(
    view: &GameView,
    goals: &[(Hex, u32)],
    extra: impl Fn(Hex) -> Option<u32>,
) -> Vec<u32> {
    let s = view.scenario;
    let grid = s.map.grid;
    let mut cost = vec![FAR; grid.len()];
    let mut heap = BinaryHeap::new();
    let mut seed = vec![false; grid.len()];
    for &(h, c) in goals {
        if let Some(i) = grid.index(h) {
            seed[i] = true;
            if c < cost[i] {
                cost[i] = c;
                heap.push(Reverse((c, i)));
            }
        }
    }
    while let Some(Reverse((c, i))) = heap.pop() {
        if c > cost[i] {
            continue;
        }
        let here = grid.hex_at(i);
        // Routes from the neighbours run into `here` and pay for entering
        // it, unless it is a goal (an enemy unit on a line is one).
        let detour = if seed[i] {
            0
        } else {
            match extra(here) {
                Some(d) => d,
                None => continue,
            }
        };
        for next in here.all_neighbors() {
            let Some(ni) = grid.index(next) else { continue };
            // Symmetric enough for a strategic distance: the cost of stepping
            // from `next` towards the goal.
            let Ok(step) = movement::terrain_cost(s, view.state, MoveClass::Foot, next, here, true)
            else {
                continue;
            };
            let total = c + step + detour;
            if total < cost[ni] {
                cost[ni] = total;
                heap.push(Reverse((total, ni)));
            }
        }
    }
    cost
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{builder::TestScenario, schema::PlaceKind};

    #[test]
    fn the_allied_field_pulls_harder_towards_the_richer_objective() {
        let t = TestScenario::new(&["ccccccc"])
            .place("village", PlaceKind::Town, (0, 0))
            .place("palermo", PlaceKind::City, (6, 0))
            .objective("village", 2, 0, Side::Axis)
            .objective("palermo", 20, 0, Side::Axis)
            .build();
        let params = super::super::AiLevels::builtin().levels["normal"].clone();
        let view = t.view();
        let g = goals(&view, Side::Allied, &params);
        // Village worth 2 of 20: start cost 18 * 16 / 20 = 14 MP.
        assert_eq!(
            g,
            vec![
                (crate::hex::OffsetCoord(0, 0).to_hex(), 14),
                (crate::hex::OffsetCoord(6, 0).to_hex(), 0)
            ]
        );
        let f = field(&view, &g);
        // Clear costs 2 MP: (3,0) is 6 MP from Palermo and 14+6 from the village.
        assert_eq!(
            f[view
                .scenario
                .map
                .grid
                .offset_index(crate::hex::OffsetCoord(3, 0))
                .unwrap()],
            6
        );
        assert_eq!(
            f[0], 12,
            "the village hex itself is nearer Palermo (12) than its own start cost (14)"
        );
    }

    #[test]
    fn the_way_back_goes_round_the_enemy_but_still_reaches_an_enemy_goal() {
        let row = "ccccccc";
        let t = TestScenario::new(&[row; 3])
            .unit("us", Side::Allied, "infantry", (3, 1))
            .build();
        let view = t.view();
        let at = |c: i32, r: i32| crate::hex::OffsetCoord(c, r).to_hex();
        let idx = |c: i32, r: i32| {
            view.scenario
                .map
                .grid
                .offset_index(crate::hex::OffsetCoord(c, r))
                .unwrap()
        };
        let goal = [(at(6, 1), 0)];
        let plain = field(&view, &goal);
        let round = field_around_enemy(&view, Side::Axis, &goal);
        // Straight through the enemy: 6 clear hexes of 2 MP.
        assert_eq!(plain[idx(0, 1)], 12);
        // Round it: the unit's hex is closed and every way past crosses its
        // zone of control (the whole of column 3) once, paying the toll.
        assert_eq!(round[idx(0, 1)], 12 + ENEMY_ZOC_DETOUR_MP);
        assert_eq!(
            round[idx(3, 0)],
            6,
            "a ZOC hex pays for the hexes it enters"
        );
        // The Allies see no Allied enemy there: their way is the straight one.
        assert_eq!(field_around_enemy(&view, Side::Allied, &goal), plain);
        // An enemy unit as the goal (a line the enemy reached) still pulls.
        let on_enemy = field_around_enemy(&view, Side::Axis, &[(at(3, 1), 0)]);
        assert_eq!(on_enemy[idx(3, 0)], 2);
        assert_eq!(on_enemy[idx(2, 0)], 2 + 2 + ENEMY_ZOC_DETOUR_MP);
    }

    #[test]
    fn the_axis_counterattacks_only_inside_the_scenario_windows() {
        let mut t = TestScenario::new(&["ccc"]).build();
        let params = super::super::AiLevels::builtin().levels["normal"].clone();
        std::sync::Arc::get_mut(&mut t.scenario)
            .expect("fresh scenario")
            .counterattacks = vec![crate::scenario::schema::TurnWindow {
            from_turn: 3,
            until_turn: 4,
        }];
        let at = |turn: u32| {
            let mut state = t.state.clone();
            state.turn = turn;
            let view = GameView::new(&t.scenario, &state);
            counterattacking(&view, Side::Axis, &params)
        };
        assert_eq!([1, 2, 3, 4, 5].map(at), [false, false, true, true, false]);
        let state = t.state.clone();
        let view = GameView::new(&t.scenario, &state);
        assert!(
            !counterattacking(&view, Side::Allied, &params),
            "only the Axis counterattacks"
        );
    }
}
