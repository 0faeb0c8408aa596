//! From parsed files to the runtime [`Scenario`]: every semantic check, each
//! reported at the span of the offending value, then the model itself.
//!
//! The checks are split by file: tables (terrain, unit types, CRT) in
//! `validate_tables.rs`, the map in `validate_map.rs`, the orders of battle in
//! `validate_units.rs`, playability warnings in `validate_play.rs`. This file
//! checks the main file (dates, turns, victory, supply references) and
//! assembles the result. Checks run on whatever parsed, so a broken map does
//! not hide mistakes in the orders of battle.

use super::diagnostic::Diagnostic;
use super::limits;
use super::loader::{Doc, Parsed};
use super::model::*;
use super::schema::*;
use super::spans::Pos;
use super::{
    defence_lines, evacuation, validate_map, validate_play, validate_tables, validate_units,
};
use std::path::Path;

/// Collects diagnostics, placing each at the span of a value.
#[derive(Debug, Default)]
pub struct Report {
    /// Everything found so far.
    pub diags: Vec<Diagnostic>,
}

impl Report {
    /// An error at the value `path` of `doc`.
    pub fn error<T>(&mut self, doc: &Doc<T>, path: &str, msg: impl Into<String>) {
        let p = doc.spans.find(path);
        self.at(&doc.file, p, msg, true);
    }
    /// A warning at the value `path` of `doc`.
    pub fn warning<T>(&mut self, doc: &Doc<T>, path: &str, msg: impl Into<String>) {
        let p = doc.spans.find(path);
        self.at(&doc.file, p, msg, false);
    }
    /// An error or warning at a known position.
    pub fn at(&mut self, file: &Path, p: Pos, msg: impl Into<String>, error: bool) {
        self.diags.push(if error {
            Diagnostic::error(file, p.line, p.col, msg)
        } else {
            Diagnostic::warning(file, p.line, p.col, msg)
        });
    }
    /// Number of errors so far.
    #[must_use]
    pub fn errors(&self) -> usize {
        self.diags.iter().filter(|d| d.is_error()).count()
    }
}

/// Check everything that parsed; build the scenario if every file is present
/// and no check failed.
#[must_use]
pub fn compile(p: &Parsed) -> (Option<Scenario>, Vec<Diagnostic>) {
    let mut r = Report::default();
    if let Some(main) = &p.main {
        check_main(main, &mut r);
    }
    let tables = p
        .terrain
        .as_ref()
        .map(|t| validate_tables::terrain(t, &mut r));
    if let Some(ut) = &p.unit_types {
        validate_tables::unit_types(ut, &mut r);
    }
    let crt = p.crt.as_ref().map(|c| validate_tables::crt(c, &mut r));
    // A map overlay is checked against the map, then applied on top of it.
    let merged = match (&p.map, &p.overlay) {
        (Some(m), Some(o)) => {
            super::overlay::apply(m, o, tables.as_ref().map(|t| t.terrain.as_slice()), &mut r)
        }
        _ => None,
    };
    let map_doc = if p.overlay.is_some() {
        merged.as_ref()
    } else {
        p.map.as_ref()
    };
    let map = map_doc.and_then(|m| {
        validate_map::build(m, tables.as_ref().map(|t| t.terrain.as_slice()), &mut r)
    });
    let turns = p.main.as_ref().map(|m| m.value.turns);
    let units = validate_units::build(
        &validate_units::Inputs {
            oobs: [p.oob_allied.as_ref(), p.oob_axis.as_ref()],
            types: p.unit_types.as_ref().map(|d| &d.value),
            map: map.as_ref(),
            terrain: tables.as_ref().map(|t| t.terrain.as_slice()),
            road_cost: tables.as_ref().map(|t| t.road_cost),
            turns,
        },
        &mut r,
    );
    let objectives = match (&p.main, &map) {
        (Some(main), Some(map)) => check_references(main, map, &mut r),
        _ => Vec::new(),
    };
    let defence_lines = match (&p.main, &map, &tables) {
        (Some(main), Some(map), Some(t)) => defence_lines::resolve(main, map, &t.terrain, &mut r),
        _ => Vec::new(),
    };
    let (Some(main), Some(tables), Some(crt), Some(mut map), Some(types), Some(hash)) = (
        &p.main,
        tables,
        crt.flatten(),
        map,
        &p.unit_types,
        &p.content_hash,
    ) else {
        return (None, r.diags);
    };
    let Some(units) = units else {
        return (None, r.diags);
    };
    defence_lines::check_nations(main, &units.units, &mut r);
    let events = super::events::resolve(main, &map, &tables.terrain, &units.units, &mut r);
    super::operations::check(main, &map, &mut r);
    let evacuation = evacuation::resolve(main, &mut map, &mut r);
    evacuation::check_nations(main, &units.units, &mut r);
    let m = &main.value;
    let mut formations: Vec<FormationSpec> = Vec::new();
    for oob in [&p.oob_allied, &p.oob_axis].into_iter().flatten() {
        formations.extend(oob.value.formations.iter().cloned());
    }
    let scenario = Scenario {
        id: m.id.clone(),
        name: m.name.clone(),
        description: m.description.clone(),
        start: m.start,
        turn_hours: m.turn_hours,
        turns: m.turns,
        hex_km: m.hex_km,
        seed: m.seed,
        phases: m.phases.clone(),
        rules: m.rules.clone(),
        supply: m.supply.clone(),
        support: m.support.clone(),
        victory: m.victory.clone(),
        objectives,
        history: m.history.clone(),
        events,
        ai: m.ai.clone(),
        counterattacks: m.counterattacks.clone(),
        defence_lines,
        evacuation,
        map,
        terrain: tables.terrain,
        road_cost: tables.road_cost,
        river_cost: tables.river_cost,
        unit_types: types
            .value
            .types
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        crt: crt.0,
        scatter: crt.1,
        formations,
        units: units.units,
        content_hash: hash.clone(),
        source: p.source.clone(),
        campaign: None,
    };
    validate_play::check(
        &scenario,
        &units.origins,
        [p.oob_allied.as_ref(), p.oob_axis.as_ref()],
        main,
        &mut r,
    );
    let ok = r.errors() == 0;
    (ok.then_some(scenario), r.diags)
}

/// Dates, turn counts and other plain values of the main file.
fn check_main(d: &Doc<ScenarioFile>, r: &mut Report) {
    let m = &d.value;
    if m.turns == 0 || m.turns > limits::MAX_TURNS {
        r.error(
            d,
            "turns",
            format!(
                "turns must be 1 to {} (limit `MAX_TURNS`), found {}",
                limits::MAX_TURNS,
                m.turns
            ),
        );
    }
    if m.turn_hours == 0 || m.turn_hours > 24 * 7 {
        r.error(
            d,
            "turn_hours",
            format!("turn_hours must be 1 to 168, found {}", m.turn_hours),
        );
    }
    if m.hex_km == 0 || m.hex_km > 100 {
        r.error(
            d,
            "hex_km",
            format!("hex_km must be 1 to 100, found {}", m.hex_km),
        );
    }
    if !(1..=12).contains(&m.start.month) {
        r.error(
            d,
            "start.month",
            format!("month must be 1 to 12, found {}", m.start.month),
        );
    }
    if !(1..=31).contains(&m.start.day) {
        r.error(
            d,
            "start.day",
            format!("day must be 1 to 31, found {}", m.start.day),
        );
    }
    if m.start.hour > 23 {
        r.error(
            d,
            "start.hour",
            format!("hour must be 0 to 23, found {}", m.start.hour),
        );
    }
    if m.id.trim().is_empty() {
        r.error(d, "id", "scenario id must not be empty");
    }
    if m.phases.is_empty() {
        r.error(d, "phases", "the turn sequence has no phases");
    } else if !m.phases.contains(&PhaseSpec::EndTurn) {
        r.error(d, "phases", "the turn sequence has no `EndTurn` phase");
    }
    if m.victory.levels.is_empty() {
        r.error(d, "victory.levels", "no victory levels: add at least one");
    }
    if m.supply.sources.len() > limits::MAX_ITEMS {
        r.error(d, "supply.sources", "too many supply sources");
    }
}

/// Place, edge and hex references of the main file; returns the objectives.
fn check_references(d: &Doc<ScenarioFile>, map: &Map, r: &mut Report) -> Vec<Objective> {
    let m = &d.value;
    let mut objectives = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (i, o) in m.victory.objectives.iter().enumerate() {
        let path = format!("victory.objectives[{i}].place");
        match map.place_id(&o.place) {
            Some(place) => {
                if !seen.insert(place) {
                    r.error(
                        d,
                        &path,
                        format!("place `{}` is an objective twice", o.place),
                    );
                }
                objectives.push(Objective {
                    place,
                    vp: o.vp,
                    vp_per_turn: o.vp_per_turn,
                    owner: o.owner,
                });
            }
            None => r.error(
                d,
                &path,
                format!("objective on unknown place `{}`{}", o.place, known(map)),
            ),
        }
    }
    for (i, s) in m.supply.sources.iter().enumerate() {
        if map.place_id(&s.at).is_none() && !map.edges.iter().any(|e| e.id == s.at) {
            r.error(
                d,
                &format!("supply.sources[{i}].at"),
                format!("supply source `{}` is neither a place nor a map edge", s.at),
            );
        }
    }
    for (i, w) in m.counterattacks.iter().enumerate() {
        if w.from_turn < 1 || w.from_turn > w.until_turn || w.until_turn > m.turns {
            r.error(
                d,
                &format!("counterattacks[{i}].until_turn"),
                format!(
                    "counterattack window turns {}..{} must lie within turns 1..{} and not end before it starts",
                    w.from_turn, w.until_turn, m.turns
                ),
            );
        }
    }
    if let Some(level) = &m.ai {
        let names = difficulty_names();
        if !names.iter().any(|n| n == level) {
            r.error(
                d,
                "ai",
                format!(
                    "unknown AI difficulty `{level}`; the levels are: {}",
                    names.join(", ")
                ),
            );
        }
    }
    for (i, h) in m.history.iter().enumerate() {
        if map.place_id(&h.place).is_none() {
            r.error(
                d,
                &format!("history[{i}].place"),
                format!("history names unknown place `{}`", h.place),
            );
        }
    }
    for (i, s) in m.victory.sudden_death.iter().enumerate() {
        for (j, h) in s.hexes.iter().enumerate() {
            if !map.grid.contains_offset(*h) {
                r.error(
                    d,
                    &format!("victory.sudden_death[{i}].hexes[{j}]"),
                    format!(
                        "hex {h} is off the map ({}×{})",
                        map.grid.width, map.grid.height
                    ),
                );
            }
        }
    }
    objectives
}

/// ", known places: a, b, c" (at most 8), to help fix a typo.
fn known(map: &Map) -> String {
    if map.places.is_empty() {
        return " (the map has no places)".into();
    }
    let names: Vec<&str> = map.places.iter().take(8).map(|p| p.id.as_str()).collect();
    let more = if map.places.len() > 8 { ", ..." } else { "" };
    format!("; known places: {}{more}", names.join(", "))
}
