//! Checks of the two orders of battle and their conversion to [`UnitDef`]s:
//! unique ids across both files, known unit types and parent formations,
//! positive ratings within the limits, a setup hex on land the unit's class
//! can enter, or an arrival on an existing beach/port/drop zone/edge during
//! the scenario.

use super::compile::Report;
use super::limits;
use super::loader::Doc;
use super::model::*;
use super::schema::*;
use super::validate_map::off_map;
use std::collections::{BTreeMap, BTreeSet};

/// What the unit checks need; any part may be missing when its file failed.
pub struct Inputs<'a> {
    /// Allied then Axis order of battle.
    pub oobs: [Option<&'a Doc<OobFile>>; 2],
    /// The unit-type library.
    pub types: Option<&'a UnitTypesFile>,
    /// The checked map.
    pub map: Option<&'a Map>,
    /// The terrain table.
    pub terrain: Option<&'a [Terrain]>,
    /// Road costs `[road][class]`, when the terrain table parsed.
    pub road_cost: Option<[[Option<u32>; 3]; 3]>,
    /// Number of turns.
    pub turns: Option<u32>,
}

/// Where a unit came from: its side's file and index in `units`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    /// Side (= which order-of-battle file).
    pub side: Side,
    /// Index in that file's `units`.
    pub index: usize,
}

/// The units, sorted by id, with their origins in the same order.
#[derive(Debug, Clone)]
pub struct Units {
    /// Sorted by id.
    pub units: Vec<UnitDef>,
    /// `origins[i]` is where `units[i]` is written.
    pub origins: Vec<Origin>,
}

/// Check both orders of battle; `Some` only if every unit could be built.
pub fn build(inp: &Inputs<'_>, r: &mut Report) -> Option<Units> {
    let before = r.errors();
    let mut ids: BTreeMap<&str, String> = BTreeMap::new();
    let mut built: Vec<(UnitDef, Origin)> = Vec::new();
    let mut complete = true;
    let total: usize = inp.oobs.iter().flatten().map(|d| d.value.units.len()).sum();
    if total > limits::MAX_UNITS {
        if let Some(d) = inp.oobs.iter().flatten().next() {
            r.error(
                d,
                "units",
                format!(
                    "{total} units, more than the limit of {} (`MAX_UNITS`)",
                    limits::MAX_UNITS
                ),
            );
        }
        return None;
    }
    for (role, doc) in Side::BOTH.into_iter().zip(inp.oobs) {
        let Some(d) = doc else {
            complete = false;
            continue;
        };
        if d.value.side != role {
            r.error(
                d,
                "side",
                format!(
                    "this file is included as `oob_{}` but says `side: {:?}`",
                    role.to_string().to_lowercase(),
                    d.value.side
                ),
            );
        }
        let formations = formations(d, r);
        for (i, u) in d.value.units.iter().enumerate() {
            let base = format!("units[{i}]");
            let here = d.spans.find(&format!("{base}.id"));
            if let Some(first) = ids.get(u.id.as_str()) {
                r.error(
                    d,
                    &format!("{base}.id"),
                    format!("duplicate unit id `{}` (first defined at {first})", u.id),
                );
            } else {
                ids.insert(
                    &u.id,
                    format!("{}:{}:{}", d.file.display(), here.line, here.col),
                );
            }
            if !formations.contains(u.parent.as_str()) {
                r.error(
                    d,
                    &format!("{base}.parent"),
                    format!(
                        "unknown parent formation `{}`{}",
                        u.parent,
                        list(&formations)
                    ),
                );
            }
            match unit(inp, d, role, i, u, r) {
                Some(def) => built.push((
                    def,
                    Origin {
                        side: role,
                        index: i,
                    },
                )),
                None => complete = false,
            }
        }
    }
    if !complete || r.errors() > before {
        return None;
    }
    built.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    let (units, origins) = built.into_iter().unzip();
    Some(Units { units, origins })
}

/// Formation ids of one file, with duplicates and unknown parents reported.
fn formations<'a>(d: &'a Doc<OobFile>, r: &mut Report) -> BTreeSet<&'a str> {
    let mut ids = BTreeSet::new();
    for (i, f) in d.value.formations.iter().enumerate() {
        if !ids.insert(f.id.as_str()) {
            r.error(
                d,
                &format!("formations[{i}].id"),
                format!("duplicate formation id `{}`", f.id),
            );
        }
    }
    for (i, f) in d.value.formations.iter().enumerate() {
        if let Some(p) = &f.parent {
            if !ids.contains(p.as_str()) {
                r.error(
                    d,
                    &format!("formations[{i}].parent"),
                    format!("unknown parent formation `{p}`{}", list(&ids)),
                );
            }
        }
    }
    ids
}

fn list(ids: &BTreeSet<&str>) -> String {
    if ids.is_empty() {
        return " (this file defines no formations)".into();
    }
    let v: Vec<&str> = ids.iter().take(8).copied().collect();
    format!(
        "; formations here: {}{}",
        v.join(", "),
        if ids.len() > 8 { ", ..." } else { "" }
    )
}

/// Check one unit and build it when everything it needs is known.
fn unit(
    inp: &Inputs<'_>,
    d: &Doc<OobFile>,
    side: Side,
    i: usize,
    u: &UnitSpec,
    r: &mut Report,
) -> Option<UnitDef> {
    let base = format!("units[{i}]");
    let before = r.errors();
    let kind = inp.types.and_then(|t| {
        let k = t.types.get(&u.unit_type);
        if k.is_none() {
            let known: Vec<&str> = t.types.keys().map(String::as_str).collect();
            r.error(
                d,
                &format!("{base}.type"),
                format!(
                    "unknown unit type `{}`; the library has: {}",
                    u.unit_type,
                    known.join(", ")
                ),
            );
        }
        k
    });
    let class = u.class.or(kind.map(|k| k.class));
    let static_unit = kind.is_some_and(|k| k.static_unit);
    let factor = |field: &str, v: i64, min: i64, r: &mut Report| -> u32 {
        if v < min || v > limits::MAX_FACTOR {
            let what = if v < min {
                if min == 1 {
                    "must be at least 1"
                } else {
                    "must not be negative"
                }
            } else {
                "is too large"
            };
            r.error(
                d,
                &format!("{base}.{field}"),
                format!(
                    "{field} {what} (allowed {min} to {}), found {v}",
                    limits::MAX_FACTOR
                ),
            );
            0
        } else {
            v as u32
        }
    };
    let max_steps = factor("steps", u.steps, 1, r);
    let attack = factor("attack", u.attack, 0, r);
    let defence = factor("defence", u.defence, 1, r);
    let movement = factor("movement", u.movement, 0, r);
    if u.movement == 0 && kind.is_some() && !static_unit {
        r.error(
            d,
            &format!("{base}.movement"),
            format!(
                "movement must be at least 1 (type `{}` is not static)",
                u.unit_type
            ),
        );
    }
    let mut setup = None;
    match (&u.setup, &u.arrival) {
        (None, None) => r.error(
            d,
            &format!("{base}.id"),
            format!("unit `{}` has neither `setup` nor `arrival`", u.id),
        ),
        (Some(_), Some(_)) => r.error(
            d,
            &format!("{base}.arrival"),
            format!("unit `{}` has both `setup` and `arrival`: give one", u.id),
        ),
        _ => {}
    }
    if let (Some(c), Some(map)) = (u.setup, inp.map) {
        let path = format!("{base}.setup");
        match map.grid.offset_index(c) {
            None => r.error(d, &path, off_map(c, map.grid)),
            Some(ix) => {
                if let Some(t) = inp.terrain.and_then(|t| t.get(map.terrain[ix] as usize)) {
                    if t.water {
                        r.error(
                            d,
                            &path,
                            format!("unit `{}` is set up on sea hex {c}", u.id),
                        );
                    } else if let Some(cl) = class.filter(|cl| {
                        t.move_cost[cl.index()].is_none()
                            && !on_road(map, inp.road_cost.unwrap_or_default(), ix, *cl)
                    }) {
                        r.error(
                            d,
                            &path,
                            format!(
                                "unit `{}` ({cl:?}) is set up on {c}, but terrain `{}` has no movement cost for {cl:?} and no road leads there",
                                u.id, t.id
                            ),
                        );
                    }
                }
                setup = Some(c.to_hex());
            }
        }
    }
    let arrival = u
        .arrival
        .as_ref()
        .and_then(|a| arrival(inp, d, &base, a, r));
    if r.errors() > before {
        return None;
    }
    Some(UnitDef {
        id: u.id.clone(),
        name: u.name.clone(),
        side,
        nation: u.nation.clone(),
        parent: u.parent.clone(),
        unit_type: u.unit_type.clone(),
        kind: kind?.clone(),
        size: u.size,
        max_steps,
        attack,
        defence,
        movement,
        class: class?,
        setup,
        start_steps: None,
        arrival: if u.arrival.is_some() {
            Some(arrival?)
        } else {
            None
        },
    })
}

fn arrival(
    inp: &Inputs<'_>,
    d: &Doc<OobFile>,
    base: &str,
    a: &ArrivalSpec,
    r: &mut Report,
) -> Option<Arrival> {
    let path = format!("{base}.arrival.turn");
    let max = i64::from(limits::MAX_TURNS);
    let mut ok = true;
    if a.turn < 1 || a.turn > max {
        let range = inp
            .turns
            .map_or(String::new(), |t| format!(" (it runs turns 1 to {t})"));
        r.error(
            d,
            &path,
            format!("arrival turn {} is outside the scenario{range}", a.turn),
        );
        ok = false;
    } else if let Some(t) = inp.turns.filter(|&t| a.turn > i64::from(t)) {
        r.warning(
            d,
            &path,
            format!(
                "arrives on turn {} but the scenario ends after turn {t}: it never plays",
                a.turn
            ),
        );
    }
    let map = inp.map?;
    let mut entries = Vec::new();
    let all = std::iter::once(&a.at).chain(&a.alternatives);
    for (k, e) in all.enumerate() {
        let path = if k == 0 {
            format!("{base}.arrival.at[0]")
        } else {
            format!("{base}.arrival.alternatives[{}][0]", k - 1)
        };
        match entry(map, inp.terrain, e) {
            Ok(x) => entries.push(x),
            Err(msg) => {
                r.error(d, &path, msg);
                ok = false;
            }
        }
    }
    let near = match &a.near {
        None => None,
        Some(id) => {
            let path = format!("{base}.arrival.near");
            let place = map.place_id(id);
            if place.is_none() {
                r.error(
                    d,
                    &path,
                    format!("unknown place `{id}` (`near` names a place of the map)"),
                );
                ok = false;
            } else if !entries.iter().any(|e| matches!(e, Entry::Edge(_))) {
                r.error(
                    d,
                    &path,
                    "`near` orders the hexes of a map edge, but this arrival has no `Edge(...)` entry",
                );
                ok = false;
            }
            place
        }
    };
    ok.then_some(Arrival {
        turn: a.turn as u32,
        entries,
        night: a.night,
        glider: a.glider,
        near,
    })
}

fn entry(map: &Map, terrain: Option<&[Terrain]>, e: &EntryPoint) -> Result<Entry, String> {
    fn names<'a>(kind: &str, ids: impl Iterator<Item = &'a str>) -> String {
        let v: Vec<&str> = ids.collect();
        if v.is_empty() {
            format!(" (the map has no {kind})")
        } else {
            format!("; the map has: {}", v.join(", "))
        }
    }
    match e {
        EntryPoint::Beach(id) => map
            .beaches
            .iter()
            .position(|b| b.id == *id)
            .map(|i| Entry::Beach(i as u16))
            .ok_or_else(|| {
                format!(
                    "unknown beach `{id}`{}",
                    names("beaches", map.beaches.iter().map(|b| b.id.as_str()))
                )
            }),
        EntryPoint::Drop(id) => map
            .drop_zones
            .iter()
            .position(|z| z.id == *id)
            .map(|i| Entry::Drop(i as u16))
            .ok_or_else(|| {
                format!(
                    "unknown drop zone `{id}`{}",
                    names("drop zones", map.drop_zones.iter().map(|z| z.id.as_str()))
                )
            }),
        EntryPoint::Edge(id) => map
            .edges
            .iter()
            .position(|x| x.id == *id)
            .map(|i| Entry::Edge(i as u16))
            .ok_or_else(|| {
                format!(
                    "unknown map edge `{id}`{}",
                    names("edges", map.edges.iter().map(|x| x.id.as_str()))
                )
            }),
        EntryPoint::Port(id) => {
            let ports = || {
                map.places
                    .iter()
                    .filter(|p| p.port_capacity > 0 || p.kind == PlaceKind::Port)
                    .map(|p| p.id.as_str())
            };
            match map.place_id(id) {
                Some(p) if ports().any(|x| x == id) => Ok(Entry::Port(p)),
                Some(_) => Err(format!(
                    "place `{id}` is not a port (give it `kind: Port` or a `port_capacity`)"
                )),
                None => Err(format!("unknown port `{id}`{}", names("ports", ports()))),
            }
        }
        EntryPoint::Hex(c) => match map.grid.offset_index(*c) {
            None => Err(off_map(*c, map.grid)),
            Some(ix)
                if terrain
                    .and_then(|t| t.get(map.terrain[ix] as usize))
                    .is_some_and(|t| t.water) =>
            {
                Err(format!("arrival hex {c} is sea"))
            }
            Some(_) => Ok(Entry::Hex(c.to_hex())),
        },
    }
}

/// Does a road that `class` may use touch hex `ix`? A class without a cost
/// for a terrain may still enter it along such a road (Etna for vehicles).
#[must_use]
pub fn on_road(map: &Map, road_cost: [[Option<u32>; 3]; 3], ix: usize, class: MoveClass) -> bool {
    map.sides[ix].iter().any(|f| {
        f.road
            .is_some_and(|r| road_cost[r as usize][class.index()].is_some())
    })
}
