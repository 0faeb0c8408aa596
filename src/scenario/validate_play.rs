//! Playability checks on a scenario that is otherwise correct: units of both
//! sides set up in one hex (an error); stacking over the limit at setup, a side without units, an objective no unit can
//! reach, a unit with no path to any enemy.
//!
//! Reachability is deliberately simple: connected regions of land hexes the
//! unit's movement class can enter (rivers, ZOC and movement points ignored).
//! It finds the mistakes that matter (a unit boxed in by impassable terrain,
//! an objective on an island) without running the movement rules.

use super::compile::Report;
use super::loader::Doc;
use super::model::*;
use super::schema::*;
use super::validate_units::{on_road, Origin};
use crate::hex::Hex;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// Add the warnings for `s` to `r`.
pub fn check(
    s: &Scenario,
    origins: &[Origin],
    oobs: [Option<&Doc<OobFile>>; 2],
    main: &Doc<ScenarioFile>,
    r: &mut Report,
) {
    let doc = |side: Side| oobs[side.index()];
    let unit_path = |o: &Origin, field: &str| format!("units[{}].{field}", o.index);
    // Units in file order, so warnings read top to bottom.
    let mut order: Vec<usize> = (0..s.units.len()).collect();
    order.sort_by_key(|&i| (origins[i].side, origins[i].index));

    for side in Side::BOTH {
        if !s.units.iter().any(|u| u.side == side) {
            if let Some(d) = doc(side) {
                r.warning(d, "units", format!("the {side} side has no units"));
            }
        }
    }

    // Units of both sides set up in one hex: an error at the later unit.
    let mut first_at: BTreeMap<(Side, i32, i32), usize> = BTreeMap::new();
    for &i in &order {
        let u = &s.units[i];
        let Some(h) = u.setup else { continue };
        first_at.entry((u.side, h.x, h.y)).or_insert(i);
        if let Some(&e) = first_at.get(&(u.side.enemy(), h.x, h.y)) {
            if let Some(d) = doc(u.side) {
                r.error(
                    d,
                    &unit_path(&origins[i], "setup"),
                    format!(
                        "`{}` ({}) is set up on {}, where `{}` of the {} side already is: \
                         units of both sides cannot share a hex",
                        u.id,
                        u.side,
                        Scenario::label(h),
                        s.units[e].id,
                        s.units[e].side
                    ),
                );
            }
        }
    }

    let mut stacks: BTreeMap<(Side, i32, i32), u32> = BTreeMap::new();
    for &i in &order {
        let u = &s.units[i];
        let Some(h) = u.setup else { continue };
        let total = stacks.entry((u.side, h.x, h.y)).or_default();
        let was = *total;
        *total += u.max_steps;
        if was <= s.rules.stacking_steps && *total > s.rules.stacking_steps {
            if let Some(d) = doc(u.side) {
                r.warning(
                    d,
                    &unit_path(&origins[i], "setup"),
                    format!(
                        "{} steps of the {} side set up on {}, over the stacking limit of {}",
                        total,
                        u.side,
                        Scenario::label(h),
                        s.rules.stacking_steps
                    ),
                );
            }
        }
    }

    let regions = Regions::new(s);
    let starts: Vec<Vec<Hex>> = s.units.iter().map(|u| start_hexes(s, u)).collect();
    // Regions (per class) that touch each side's units: containing or adjacent.
    let mut touch: BTreeMap<(MoveClass, Side), BTreeSet<u32>> = BTreeMap::new();
    for (u, hexes) in s.units.iter().zip(&starts) {
        for class in MoveClass::ALL {
            let set = touch.entry((class, u.side)).or_default();
            for &h in hexes {
                for n in std::iter::once(h).chain(h.all_neighbors()) {
                    set.extend(regions.of(s, class, n));
                }
            }
        }
    }
    for &i in &order {
        let u = &s.units[i];
        let enemies = s.units.iter().any(|e| e.side != u.side);
        if !enemies || u.movement == 0 || u.kind.static_unit {
            continue;
        }
        let reach = touch.get(&(u.class, u.side.enemy()));
        let found = starts[i]
            .iter()
            .filter_map(|&h| regions.of(s, u.class, h))
            .any(|reg| reach.is_some_and(|t| t.contains(&reg)));
        if !found {
            if let Some(d) = doc(u.side) {
                let field = if u.setup.is_some() {
                    "setup"
                } else {
                    "arrival"
                };
                r.warning(
                    d,
                    &unit_path(&origins[i], field),
                    format!(
                        "unit `{}` ({:?}) has no path over land to any enemy unit",
                        u.id, u.class
                    ),
                );
            }
        }
    }

    for (k, o) in s.objectives.iter().enumerate() {
        let hex = s.map.places[o.place as usize].hex.to_hex();
        let reachable = s.units.iter().zip(&starts).any(|(u, hexes)| {
            let Some(goal) = regions.of(s, u.class, hex) else {
                return false;
            };
            hexes
                .iter()
                .any(|&h| regions.of(s, u.class, h) == Some(goal))
        });
        if !reachable {
            // `k` indexes resolved objectives; find the spec with this place.
            let name = &s.map.places[o.place as usize].id;
            let idx = s
                .victory
                .objectives
                .iter()
                .position(|x| x.place == *name)
                .unwrap_or(k);
            r.warning(
                main,
                &format!("victory.objectives[{idx}].place"),
                format!("no unit can reach objective `{name}`"),
            );
        }
    }
}

/// Hexes a unit starts from: its setup hex, or every hex of its arrival
/// entries.
fn start_hexes(s: &Scenario, u: &UnitDef) -> Vec<Hex> {
    if let Some(h) = u.setup {
        return vec![h];
    }
    let mut out = Vec::new();
    for e in u.arrival.iter().flat_map(|a| &a.entries) {
        match *e {
            Entry::Beach(b) => {
                out.extend(s.map.beaches[b as usize].hexes.iter().map(|c| c.to_hex()))
            }
            Entry::Port(p) => out.push(s.map.places[p as usize].hex.to_hex()),
            Entry::Drop(z) => out.push(s.map.drop_zones[z as usize].hex.to_hex()),
            Entry::Edge(x) => out.extend(s.map.edges[x as usize].hexes.iter().map(|c| c.to_hex())),
            Entry::Hex(h) => out.push(h),
        }
    }
    out
}

/// Connected regions of enterable land, per movement class.
struct Regions {
    /// `label[class][hex index]`, `u32::MAX` for hexes the class cannot enter.
    label: [Vec<u32>; 3],
}

impl Regions {
    fn new(s: &Scenario) -> Self {
        let n = s.map.grid.len();
        let mut label = [vec![u32::MAX; n], vec![u32::MAX; n], vec![u32::MAX; n]];
        for class in MoveClass::ALL {
            let lab = &mut label[class.index()];
            let enterable = |i: usize| {
                let t = &s.terrain[s.map.terrain[i] as usize];
                !t.water
                    && (t.move_cost[class.index()].is_some()
                        || on_road(&s.map, s.road_cost, i, class))
            };
            let mut next = 0;
            for start in 0..n {
                if lab[start] != u32::MAX || !enterable(start) {
                    continue;
                }
                lab[start] = next;
                let mut queue = VecDeque::from([start]);
                while let Some(i) = queue.pop_front() {
                    for nb in s.map.grid.hex_at(i).all_neighbors() {
                        if let Some(j) = s.map.index(nb) {
                            if lab[j] == u32::MAX && enterable(j) {
                                lab[j] = next;
                                queue.push_back(j);
                            }
                        }
                    }
                }
                next += 1;
            }
        }
        Self { label }
    }

    fn of(&self, s: &Scenario, class: MoveClass, h: Hex) -> Option<u32> {
        let l = self.label[class.index()][s.map.index(h)?];
        (l != u32::MAX).then_some(l)
    }
}
