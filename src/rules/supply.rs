//! Supply.
//!
//! Each side draws supply from sources: the scenario's fixed sources (depots
//! while the side holds them, the strait, map edges), its landing beaches while their capacity lasts
//! (full for `beach_full_turns`, then declining each turn), and ports it has
//! captured and held for `port_hold_turns`. A unit is in supply if a path of
//! at most `trace_mp` movement points (costs of the `trace_class`) leads from
//! a source to it without entering enemy-occupied hexes or enemy ZOC that no
//! friendly unit occupies. The trace is one multi-source search per side per
//! supply phase, not one search per unit; it also remembers which source is
//! nearest to each hex.
//!
//! Capacity: a beach supplies at most `beach_supply_factor` × its current
//! capacity in steps, a captured port `port_supply_factor` × its port
//! capacity; fixed sources (depots, the strait, map edges) are unlimited.
//! Units draw from the source nearest to them, closest units first (ties by
//! unit id). A source that cannot feed the next unit is exhausted; the units
//! it turned away trace again to the sources still open (repeated until no
//! unit is turned away, at most once per source), and a unit no open source
//! reaches is out of supply. So a beachhead that grows faster than its
//! beaches decline must take a port.
//!
//! Out of supply: attack at `unsupplied_attack_percent` (`combat.rs`),
//! movement at `unsupplied_move_percent` (set at the movement phase), a column
//! shift for attackers against it. A unit no trace reaches at all (cut off,
//! not merely past what its sources can feed) also loses a step every
//! `attrition_after_turns` consecutive supply phases: capacity rations an
//! army's offensive power, encirclement destroys it.

use super::{movement, GameView};
use crate::hex::Hex;
use crate::scenario::{Scenario, Side};
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

/// A supply source: where it is and how many steps it can supply (`None` =
/// unlimited).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// The source hex.
    pub hex: Hex,
    /// Steps it can supply this turn (shared by every hex of its pool).
    pub capacity: Option<u32>,
    /// Sources with the same pool share one capacity: the open hexes of one
    /// beach.
    pub pool: u32,
}

/// The hexes supplying `side` now.
#[must_use]
pub fn sources(view: &GameView, side: Side) -> Vec<Hex> {
    let mut hexes: Vec<Hex> = supply_sources(view, side)
        .into_iter()
        .map(|s| s.hex)
        .collect();
    hexes.dedup();
    hexes
}

/// The sources supplying `side` now, with their capacities, in map order.
#[must_use]
pub fn supply_sources(view: &GameView, side: Side) -> Vec<Source> {
    let s = view.scenario;
    let sp = &s.supply;
    let state = view.state;
    let mut out = Vec::new();
    for src in sp.sources.iter().filter(|x| x.side == side) {
        if let Some(p) = s.map.place_id(&src.at) {
            // A depot supplies only while its side holds the place.
            if state.control[p as usize] == side {
                out.push(Source {
                    hex: s.map.places[p as usize].hex.to_hex(),
                    capacity: None,
                    pool: out.len() as u32,
                });
            }
        } else if let Some(e) = s.map.edges.iter().find(|e| e.id == src.at) {
            for h in &e.hexes {
                out.push(Source {
                    hex: h.to_hex(),
                    capacity: None,
                    pool: out.len() as u32,
                });
            }
        }
    }
    for (i, b) in s.map.beaches.iter().enumerate() {
        let cap = beach_capacity(s, i, state.turn);
        if b.side == side && cap > 0 && beach_in_use(s, i, side) {
            // Every open hex of the beach is a source and they share the
            // beach's capacity: one enemy unit at one end of a beach does not
            // cut the whole beach off.
            let total = Some(cap * sp.beach_supply_factor);
            let pool = out.len() as u32;
            for h in b.hexes.iter().map(|h| h.to_hex()) {
                if !view.enemy_occupied(h, side) {
                    out.push(Source {
                        hex: h,
                        capacity: total,
                        pool,
                    });
                }
            }
        }
    }
    for (i, p) in s.map.places.iter().enumerate() {
        let since = state.control_since[i];
        if p.port_capacity > 0
            && state.control[i] == side
            && since > 0
            && state.turn >= since + sp.port_hold_turns
        {
            out.push(Source {
                hex: p.hex.to_hex(),
                capacity: Some(p.port_capacity * sp.port_supply_factor),
                pool: out.len() as u32,
            });
        }
    }
    out.retain(|src| !view.enemy_occupied(src.hex, side));
    // Map order; an unlimited source wins over a limited one on the same hex.
    out.sort_unstable_by_key(|src| (s.map.index(src.hex), src.capacity.is_some()));
    out.dedup_by_key(|src| src.hex);
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
    trace_with_origin(view, side, &supply_sources(view, side)).0
}

/// The trace from `sources`: cost per hex and the index (into `sources`) of
/// the source that reaches it cheapest (ties: the lower map index).
#[must_use]
pub fn trace_with_origin(view: &GameView, side: Side, sources: &[Source]) -> (Vec<u32>, Vec<u32>) {
    #[cfg(test)]
    TRACES.with(|t| t.set(t.get() + 1));
    let s = view.scenario;
    let grid = s.map.grid;
    let limit = s.supply.trace_mp;
    let class = s.supply.trace_class;
    let enemy = side.enemy();
    let mut cost = vec![u32::MAX; grid.len()];
    let mut origin = vec![u32::MAX; grid.len()];
    let mut heap = BinaryHeap::new();
    for (k, src) in sources.iter().enumerate() {
        if let Some(i) = grid.index(src.hex) {
            cost[i] = 0;
            origin[i] = k as u32;
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
            let Ok(step) = movement::terrain_cost(s, view.state, class, here, next, true) else {
                continue;
            };
            let total = c + step;
            if total > limit || total >= cost[ni] || blocked(next) {
                continue;
            }
            cost[ni] = total;
            origin[ni] = origin[i];
            heap.push(Reverse((total, ni)));
        }
    }
    (cost, origin)
}

#[cfg(test)]
thread_local! {
    /// Number of supply traces run on this thread (tests count searches).
    pub static TRACES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// The units of `side` that are in supply (sorted ids): traced, then served
/// by their nearest source while its capacity lasts, closest units first.
#[must_use]
pub fn supplied_units(view: &GameView, side: Side) -> Vec<crate::scenario::UnitId> {
    serve(view, side).supplied
}

/// Where a unit of `side` would be in supply now (by storage index, the
/// trace cost or `u32::MAX`): within reach of a source with capacity left,
/// or nearer an exhausted source than the first unit it turned away. The
/// planner's picture of capacity.
#[must_use]
pub fn reach(view: &GameView, side: Side) -> Vec<u32> {
    reach_and_trace(view, side).0
}

/// [`reach`] and [`trace`] from one allocation: the trace is the
/// allocation's first pass, so the planner that needs both traces once.
#[must_use]
pub fn reach_and_trace(view: &GameView, side: Side) -> (Vec<u32>, Vec<u32>) {
    let served = serve(view, side);
    let traced = served.first_cost.clone();
    let mut cost = served.first_cost;
    for (i, c) in cost.iter_mut().enumerate() {
        let pool = served.first_origin[i];
        if *c != u32::MAX
            && pool != u32::MAX
            && *c > served.cutoff[served.pools[pool as usize] as usize]
        {
            *c = served.open_cost[i];
        }
    }
    (cost, traced)
}

/// The sources of `side` now, each with the steps its pool has left once
/// the units it feeds are served (`None`: unlimited): the allocation the
/// supply phase would make on this state, for the map's supply picture.
#[must_use]
pub fn capacity_left(view: &GameView, side: Side) -> Vec<(Source, Option<u32>)> {
    let served = serve(view, side);
    served
        .sources
        .iter()
        .map(|s| (*s, served.left[s.pool as usize]))
        .collect()
}

/// Who a side's supply serves this phase.
pub struct Served {
    /// Units in supply (sorted ids).
    pub supplied: Vec<crate::scenario::UnitId>,
    /// The sources (as [`supply_sources`]) and the capacity left per pool.
    sources: Vec<Source>,
    left: Vec<Option<u32>>,
    /// Units the trace from every source reaches, capacity aside (sorted).
    pub traced: Vec<crate::scenario::UnitId>,
    /// The trace from every source, and the source reaching each hex first.
    first_cost: Vec<u32>,
    first_origin: Vec<u32>,
    /// The trace from the sources with capacity left at the end.
    open_cost: Vec<u32>,
    /// Pool of each source.
    pools: Vec<u32>,
    /// Per pool: the largest trace cost it served before it was exhausted
    /// (`u32::MAX` while it had capacity for every unit that came).
    cutoff: Vec<u32>,
}

/// Trace from every source of `side` and serve its units, closest first,
/// while each source's capacity lasts (the rule at the top of this file).
#[must_use]
pub fn serve(view: &GameView, side: Side) -> Served {
    let sources = supply_sources(view, side);
    let grid = view.scenario.map.grid;
    let pools = sources
        .iter()
        .map(|s| s.pool as usize + 1)
        .max()
        .unwrap_or(0);
    // Capacity left per pool; a pool that turned a unit away is closed.
    let mut left: Vec<Option<u32>> = vec![None; pools];
    for src in &sources {
        left[src.pool as usize] = src.capacity;
    }
    let mut closed = vec![false; pools];
    let mut cutoff = vec![u32::MAX; pools];
    let mut waiting: Vec<(crate::scenario::UnitId, usize)> = view
        .side_units(side)
        .filter_map(|u| Some((u.id, grid.index(u.hex()?)?)))
        .collect();
    let mut supplied = Vec::with_capacity(waiting.len());
    let mut fed_ids = vec![false; view.state.units.len()];
    let mut first = None;
    let mut traced: Vec<crate::scenario::UnitId> = Vec::new();
    let open_cost = loop {
        let open: Vec<Source> = sources
            .iter()
            .copied()
            .filter(|s| !closed[s.pool as usize])
            .collect();
        let (cost, origin) = trace_with_origin(view, side, &open);
        let mut candidates: Vec<(u32, crate::scenario::UnitId, usize)> = waiting
            .iter()
            .filter(|&&(_, i)| cost[i] != u32::MAX)
            .map(|&(u, i)| (cost[i], u, origin[i] as usize))
            .collect();
        candidates.sort_unstable();
        let mut turned_away = false;
        for (c, unit, src) in candidates {
            let steps = view.unit(unit).steps;
            let pool = open[src].pool as usize;
            if closed[pool] {
                continue;
            }
            let fed = match &mut left[pool] {
                None => true,
                Some(cap) if *cap >= steps => {
                    *cap -= steps;
                    true
                }
                Some(_) => false,
            };
            if fed {
                supplied.push(unit);
                fed_ids[unit as usize] = true;
            } else {
                closed[pool] = true;
                turned_away = true;
                cutoff[pool] = cutoff[pool].min(c.saturating_sub(1));
            }
        }
        // The first trace ran from every source: its origins index `sources`.
        if first.is_none() {
            traced = waiting
                .iter()
                .filter(|&&(_, i)| cost[i] != u32::MAX)
                .map(|&(u, _)| u)
                .collect();
            first = Some((cost.clone(), origin));
        }
        waiting.retain(|&(u, _)| !fed_ids[u as usize]);
        if !turned_away || waiting.is_empty() {
            break cost;
        }
    };
    supplied.sort_unstable();
    traced.sort_unstable();
    let (first_cost, first_origin) = first.unwrap_or_default();
    Served {
        supplied,
        traced,
        first_cost,
        first_origin,
        open_cost,
        pools: sources.iter().map(|s| s.pool).collect(),
        cutoff,
        sources,
        left,
    }
}
