//! Supply.
//!
//! Each side draws supply from sources: the scenario's fixed sources (depots
//! while the side holds them, the strait, map edges), its landing beaches while their capacity lasts
//! (full for `beach_full_turns`, then declining each turn), and ports it has
//! captured and held for `port_hold_turns`. A unit is in supply if a path of
//! at most `trace_mp` movement points (costs of the `trace_class`) leads from
//! a source to it without entering enemy-occupied hexes or enemy ZOC that no
//! friendly unit occupies. The trace is one multi-source search per side per
//! supply phase, not one search per unit.
//!
//! Out of supply: attack at `unsupplied_attack_percent` (`combat.rs`),
//! movement at `unsupplied_move_percent` (set at the movement phase), a column
//! shift for attackers against it, and a step lost every
//! `attrition_after_turns` consecutive supply phases out of supply.

use super::{movement, GameView};
use crate::command::{attack_losses, Event};
use crate::hex::Hex;
use crate::scenario::{Scenario, Side};
use crate::sim::state::{State, Status};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A beach's supply capacity on a turn.
#[must_use]
pub fn beach_capacity(scenario: &Scenario, beach: usize, turn: u32) -> u32 {
    let sp = &scenario.supply;
    let cap = scenario.map.beaches[beach].capacity;
    if turn <= sp.beach_full_turns {
        return cap;
    }
    let decline = sp.beach_decline_per_turn * (turn - sp.beach_full_turns);
    cap.saturating_sub(decline)
        .max(sp.beach_min_capacity.min(cap))
}

/// The hexes supplying `side` now.
#[must_use]
pub fn sources(view: &GameView, side: Side) -> Vec<Hex> {
    let s = view.scenario;
    let state = view.state;
    let mut out = Vec::new();
    for src in s.supply.sources.iter().filter(|x| x.side == side) {
        if let Some(p) = s.map.place_id(&src.at) {
            // A depot supplies only while its side holds the place.
            if state.control[p as usize] == side {
                out.push(s.map.places[p as usize].hex.to_hex());
            }
        } else if let Some(e) = s.map.edges.iter().find(|e| e.id == src.at) {
            out.extend(e.hexes.iter().map(|h| h.to_hex()));
        }
    }
    for (i, b) in s.map.beaches.iter().enumerate() {
        if b.side == side && beach_capacity(s, i, state.turn) > 0 && beach_in_use(s, i, side) {
            out.extend(b.hexes.iter().map(|h| h.to_hex()));
        }
    }
    for (i, p) in s.map.places.iter().enumerate() {
        let since = state.control_since[i];
        if p.port_capacity > 0
            && state.control[i] == side
            && since > 0
            && state.turn >= since + s.supply.port_hold_turns
        {
            out.push(p.hex.to_hex());
        }
    }
    out.retain(|&h| !view.enemy_occupied(h, side));
    out.sort_unstable_by_key(|h| s.map.index(*h));
    out.dedup();
    out
}

/// A beach supplies its side once some unit of that side has been scheduled
/// over it (beaches no one lands on stay closed).
fn beach_in_use(s: &Scenario, beach: usize, side: Side) -> bool {
    let id = &s.map.beaches[beach].id;
    s.units.iter().any(|u| {
        u.side == side
            && u.arrival.as_ref().is_some_and(|a| {
                a.entries.first().is_some_and(|e| matches!(e, crate::scenario::Entry::Beach(b) if s.map.beaches[*b as usize].id == *id))
            })
    }) || s.supply.sources.iter().any(|src| src.side == side && src.at == *id)
}

/// Cost of the cheapest supply path to every hex (u32::MAX = none), by
/// storage index: one multi-source Dijkstra.
#[must_use]
pub fn trace(view: &GameView, side: Side) -> Vec<u32> {
    #[cfg(test)]
    TRACES.with(|t| t.set(t.get() + 1));
    let s = view.scenario;
    let grid = s.map.grid;
    let limit = s.supply.trace_mp;
    let class = s.supply.trace_class;
    let enemy = side.enemy();
    let mut cost = vec![u32::MAX; grid.len()];
    let mut heap = BinaryHeap::new();
    for h in sources(view, side) {
        if let Some(i) = grid.index(h) {
            cost[i] = 0;
            heap.push(Reverse((0u32, i)));
        }
    }
    let blocked = |h: Hex| {
        view.enemy_occupied(h, side)
            || (view.in_zoc_of(enemy, h) && view.occupant_side(h) != Some(side))
    };
    while let Some(Reverse((c, i))) = heap.pop() {
        if c > cost[i] {
            continue;
        }
        let here = grid.hex_at(i);
        for next in here.all_neighbors() {
            let Some(ni) = grid.index(next) else { continue };
            let Ok(step) = movement::terrain_cost(s, class, here, next, true) else {
                continue;
            };
            let total = c + step;
            if total > limit || total >= cost[ni] || blocked(next) {
                continue;
            }
            cost[ni] = total;
            heap.push(Reverse((total, ni)));
        }
    }
    cost
}

#[cfg(test)]
thread_local! {
    /// Number of supply traces run on this thread (tests count searches).
    pub static TRACES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// The supply phase of `side`: trace, mark units, apply attrition.
pub fn supply_phase(scenario: &Scenario, state: &mut State, side: Side, events: &mut Vec<Event>) {
    let reach = {
        let view = GameView::new(scenario, state);
        trace(&view, side)
    };
    let after = scenario.supply.attrition_after_turns;
    let mut attrition = Vec::new();
    for u in state.units.iter_mut() {
        if scenario.units[u.id as usize].side != side || u.status != Status::OnMap {
            continue;
        }
        let Some(i) = u.at.and_then(|a| scenario.map.grid.offset_index(a)) else {
            continue;
        };
        let out = reach[i] == u32::MAX;
        if out != u.supply.out_of_supply {
            events.push(Event::SupplyChanged {
                unit: u.id,
                out_of_supply: out,
            });
        }
        u.supply.out_of_supply = out;
        u.supply.turns_out = if out { u.supply.turns_out + 1 } else { 0 };
        if out && after > 0 && u.supply.turns_out % after == 0 {
            attrition.push(u.id);
        }
    }
    for u in attrition {
        attack_losses(scenario, state, &[u], 1, "out of supply", events);
    }
}

#[cfg(test)]
mod tests;
