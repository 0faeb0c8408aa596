//! `landfall info SCENARIO [--json]`: a summary of a scenario (turns, map
//! size, units per side, reinforcements, places, objectives, beaches) and how
//! long it took to load.

use super::report;
use crate::scenario::{self, Scenario, Side};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `landfall info`.
#[derive(Debug, Clone, clap::Args)]
pub struct InfoArgs {
    /// Scenario directory or main `.ron` file.
    pub scenario: PathBuf,
    /// Print JSON to stdout.
    #[arg(long)]
    pub json: bool,
}

/// The summary as JSON.
#[must_use]
pub fn summary(s: &Scenario, load_ms: f64) -> Value {
    let land = s
        .map
        .terrain
        .iter()
        .filter(|&&t| !s.terrain[t as usize].water)
        .count();
    let count = |side: Side| s.units.iter().filter(|u| u.side == side).count();
    let places: Vec<Value> = s
        .map
        .places
        .iter()
        .map(|p| json!({"id": p.id, "name": p.name, "kind": format!("{:?}", p.kind), "hex": [p.hex.0, p.hex.1]}))
        .collect();
    let objectives: Vec<Value> = s
        .objectives
        .iter()
        .map(|o| {
            json!({"place": s.map.places[o.place as usize].id, "vp": o.vp,
                   "vp_per_turn": o.vp_per_turn, "owner": o.owner.to_string()})
        })
        .collect();
    let beaches: Vec<Value> = s
        .map
        .beaches
        .iter()
        .map(
            |b| json!({"id": b.id, "name": b.name, "capacity": b.capacity, "hexes": b.hexes.len()}),
        )
        .collect();
    json!({
        "id": s.id,
        "name": s.name,
        "turns": s.turns,
        "width": s.map.grid.width,
        "height": s.map.grid.height,
        "hexes": s.map.grid.len(),
        "land_hexes": land,
        "units": {"allied": count(Side::Allied), "axis": count(Side::Axis)},
        "reinforcements": s.units.iter().filter(|u| u.arrival.is_some()).count(),
        "places": places,
        "objectives": objectives,
        "beaches": beaches,
        "content_hash": s.content_hash,
        "load_ms": (load_ms * 1000.0).round() / 1000.0,
    })
}

/// The human form of the summary.
#[must_use]
pub fn human(v: &Value) -> String {
    let list = |key: &str, f: &dyn Fn(&Value) -> String| {
        v[key].as_array().map_or(String::new(), |a| {
            a.iter().map(f).collect::<Vec<_>>().join(", ")
        })
    };
    format!(
        "{name}\n  turns:          {turns}\n  map:            {w}×{h} hexes ({land} land)\n  units:          {al} Allied, {ax} Axis ({re} arrive later)\n  places:         {places}\n  objectives:     {obj}\n  beaches:        {beaches}\n  loaded in       {ms:.1} ms\n",
        name = v["name"].as_str().unwrap_or(""),
        turns = v["turns"],
        w = v["width"],
        h = v["height"],
        land = v["land_hexes"],
        al = v["units"]["allied"],
        ax = v["units"]["axis"],
        re = v["reinforcements"],
        places = list("places", &|p| p["id"].as_str().unwrap_or("").to_string()),
        obj = list("objectives", &|o| format!("{} ({} VP)", o["place"].as_str().unwrap_or(""), o["vp"])),
        beaches = list("beaches", &|b| b["id"].as_str().unwrap_or("").to_string()),
        ms = v["load_ms"].as_f64().unwrap_or(0.0),
    )
}

/// Run `landfall info`.
#[must_use]
pub fn run(args: &InfoArgs) -> ExitCode {
    let loaded = scenario::load(&args.scenario);
    let Some(s) = &loaded.scenario else {
        eprint!("{}", report::render(&loaded.diagnostics, &loaded.sources));
        eprintln!("{}", report::summary(loaded.errors(), loaded.warnings()));
        return ExitCode::from(super::EXIT_INVALID);
    };
    let v = summary(s, loaded.load_ms);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
    } else {
        print!("{}", human(&v));
    }
    ExitCode::from(super::EXIT_OK)
}
