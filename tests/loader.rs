//! The scenario loader: a valid fixture loads into the exact model expected,
//! and every broken fixture in `tests/fixtures/invalid/` produces its exact
//! message at its exact file:line:col, without panicking.

use landfall::cli::validate;
use landfall::scenario::schema::RoadClass;
use landfall::scenario::{self, Entry, Severity, Side};
use std::path::{Path, PathBuf};

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

/// (fixture, file — relative to the fixture, or `common/...`, line, col,
/// severity, message). `<fixtures>` stands for the absolute fixtures path.
const EXPECTED: &[(&str, &str, usize, usize, Severity, &str)] = &[
    ("bad_crt", "crt.ron", 7, 66, E, "bad CRT result `DX`: `D` needs a number"),
    ("binary_garbage", "crt.ron", 1, 3, E, "not UTF-8 text: invalid byte 0xcf; save the file as UTF-8"),
    ("counterattack_outside", "scenario.ron", 32, 49, E, "counterattack window turns 2..9 must lie within turns 1..4 and not end before it starts"),
    ("defence_line_no_places", "scenario.ron", 33, 80, E, "defence line `Borgo line` runs through no places"),
    ("defence_line_outside", "scenario.ron", 33, 68, E, "defence line `Borgo line` is held on turns 2..9, which must lie within turns 1..4 and not end before they start"),
    ("defence_line_overlap", "scenario.ron", 34, 53, E, "defence line `Porto line` overlaps `Borgo line` (defence_lines[0]) on turns 2..2: a side holds one line at a time"),
    ("defence_line_reversed", "scenario.ron", 33, 68, E, "defence line `Borgo line` is held on turns 3..2, which must lie within turns 1..4 and not end before they start"),
    ("defence_line_unknown_nation", "scenario.ron", 33, 119, E, "defence line `Borgo line` names nation `US`, which has no Axis units"),
    ("defence_line_unknown_place", "scenario.ron", 33, 90, E, "defence line `Borgo line` runs through unknown place `campo`"),
    ("evacuation_unknown_nation", "scenario.ron", 37, 60, E, "the evacuation scores nation `IR`, which has no units"),
    ("evacuation_unknown_port", "scenario.ron", 33, 62, E, "embarkation point `faro` is not a place of the map"),
    ("evacuation_window_outside", "scenario.ron", 35, 40, E, "the ferries run on turns 3..9, which must lie within turns 1..4 and not end before they start"),
    ("evacuation_window_overlap", "scenario.ron", 36, 25, E, "window 1 overlaps window 0 for the same nations on turns 3..3: a unit crosses in one window at a time"),
    ("crt_wrong_face_count", "crt.ron", 4, 33, E, "column 1:2 has 5 results, expected one per die face (6)"),
    ("deep_nesting", "unit_types.ron", 1, 72, E, "nesting deeper than 64 levels (limit `max_depth`)"),
    ("duplicate_unit_id", "oob_axis.ron", 9, 14, E, "duplicate unit id `us-16` (first defined at tests/fixtures/invalid/common/oob_allied.ron:8:14)"),
    ("empty_file", "oob_axis.ron", 1, 1, E, "file is empty"),
    ("garbage_text", "terrain.ron", 1, 1, E, "Expected opening `(` for struct `TerrainFile`"),
    ("hex_off_map", "oob_axis.ron", 6, 80, E, "hex (9,2) is off the map (8×6: columns 0–7, rows 0–5)"),
    ("huge_number", "scenario.ron", 8, 12, E, "number too large for this field"),
    ("include_absolute", "scenario.ron", 11, 10, E, "include `/etc/passwd` is an absolute path; includes are relative to the main file"),
    ("include_cycle", "scenario.ron", 11, 10, E, "include cycle: `scenario.ron` is the main scenario file itself"),
    ("include_directory", "scenario.ron", 11, 10, E, "include `../common` is a directory, expected a .ron file"),
    ("include_escape", "scenario.ron", 11, 10, E, "include `../../../../../../../etc/passwd` escapes the scenario collection: includes must stay inside the scenario directory or its parent (<fixtures>)"),
    ("include_missing", "scenario.ron", 11, 10, E, "include `maps/gela.ron` not found (looked for tests/fixtures/invalid/include_missing/maps/gela.ron)"),
    ("many_errors", "scenario.ron", 7, 17, E, "turn_hours must be 1 to 168, found 0"),
    ("many_errors", "crt.ron", 5, 64, E, "bad CRT result `1D`: expected NE, AE, DE, EX or A<n>D<n>R<n> (in that order)"),
    ("many_errors", "oob_allied.ron", 14, 94, E, "unknown unit type `para`; the library has: airborne, armour, coastal, infantry"),
    ("map_too_large", "map.ron", 2, 12, E, "map width must be 1 to 1000 hexes (limit `MAX_MAP_SIDE`), found 4000000"),
    (
        "missing_terrain_cost",
        "oob_axis.ron",
        6,
        80,
        E,
        "unit `hg-pz` (Tracked) is set up on (3,0), but terrain `hills` has no movement cost for Tracked and no road leads there",
    ),
    ("misspelt_field", "oob_allied.ron", 15, 47, E, "Unexpected field named `defense` in `UnitSpec`, expected one of `id`, `name`, `nation`, `parent`, `type`, `size`, `steps`, `attack`, `defence`, `movement`, `class`, `setup`, `arrival`, or `note` instead"),
    ("negative_attack", "oob_allied.ron", 15, 44, E, "attack must not be negative (allowed 0 to 999), found -4"),
    ("not_a_port", "oob_allied.ron", 10, 67, E, "place `borgo` is not a port (give it `kind: Port` or a `port_capacity`)"),
    ("not_utf8", "unit_types.ron", 4, 33, E, "not UTF-8 text: invalid byte 0xff; save the file as UTF-8"),
    ("objective_unknown_place", "scenario.ron", 22, 21, E, "objective on unknown place `campo`; known places: borgo, airfield, porto"),
    ("parse_error", "scenario.ron", 9, 5, E, "Expected comma"),
    ("row_wrong_length", "map.ron", 7, 9, E, "row 1 has 7 hexes, expected `width` = 8"),
    ("setup_on_sea", "oob_axis.ron", 8, 85, E, "unit `it-coast` is set up on sea hex (1,4)"),
    ("side_mismatch", "oob_axis.ron", 2, 11, E, "this file is included as `oob_axis` but says `side: Allied`"),
    ("truncated", "map.ron", 16, 11, E, "Expected opening `[`"),
    ("turn_outside", "oob_allied.ron", 13, 26, E, "arrival turn 0 is outside the scenario (it runs turns 1 to 4)"),
    ("unknown_beach", "oob_allied.ron", 13, 39, E, "unknown beach `blue`; the map has: red"),
    ("unknown_drop_zone", "oob_allied.ron", 16, 38, E, "unknown drop zone `dz-b`; the map has: dz"),
    ("unknown_edge", "oob_axis.ron", 11, 38, E, "unknown map edge `south`; the map has: north"),
    ("unknown_legend_terrain", "map.ron", 4, 86, E, "unknown terrain `forrest`; the terrain table has: clear, forest, hills, marsh, sea, town"),
    ("unknown_parent", "oob_allied.ron", 14, 80, E, "unknown parent formation `82abn`; formations here: 1id, 82ab"),
    ("unknown_terrain_char", "map.ron", 9, 14, E, "unknown terrain character `?` at hex (4,3); the legend has `.cfhtw`"),
    ("unknown_unit_type", "oob_allied.ron", 14, 94, E, "unknown unit type `airbourne`; the library has: airborne, armour, coastal, infantry"),
    ("warn_after_last_turn", "oob_allied.ron", 13, 26, W, "arrives on turn 7 but the scenario ends after turn 4: it never plays"),
    ("warn_no_path_to_enemy", "common/oob_allied.ron", 16, 19, W, "unit `us-505` (Foot) has no path over land to any enemy unit"),
    ("warn_side_without_units", "oob_axis.ron", 1, 37, W, "the Axis side has no units"),
    ("warn_stacking", "oob_axis.ron", 11, 17, W, "7 steps of the Axis side set up on (2,0), over the stacking limit of 6"),
    ("warn_unreachable", "scenario.ron", 23, 21, W, "no unit can reach objective `rock`"),
    ("zero_steps", "oob_axis.ron", 6, 33, E, "steps must be at least 1 (allowed 1 to 999), found 0"),
    ("both_sides_one_hex", "common/oob_axis.ron", 6, 80, E, "`hg-pz` (Axis) is set up on (2,0), where `us-18` of the Allied side already is: units of both sides cannot share a hex"),
    ("unknown_ai", "scenario.ron", 32, 9, E, "unknown AI difficulty `nightmare`; the levels are: easy, hard, normal"),
    ("near_unknown_place", "oob_axis.ron", 11, 54, E, "unknown place `lentini` (`near` names a place of the map)"),
    ("tuple_for_struct", "scenario.ron", 6, 13, E, "expected a field name, found `1943`: `start` is a struct, written with named fields such as `(year: 1943, month: 7)`, not as a tuple (see docs/scenario-format.md)"),
    ("event_unknown_place", "scenario.ron", 32, 53, E, "unknown place `campo`"),
    ("event_arrive_without_arrival", "scenario.ron", 32, 60, E, "unit `hg-pz` has no `arrival`, so an event cannot bring it on"),
    ("overlay_errors", "overlay.ron", 3, 64, E, "hex (9,2) is off the map (8×6: columns 0–7, rows 0–5)"),
    ("overlay_errors", "overlay.ron", 4, 38, E, "terrain `swamp` has no character in the map's legend; the legend has: sea, clear, forest, hills, town, marsh"),
    ("overlay_errors", "overlay.ron", 5, 22, E, "the map has no bridge between (3,2) and (4,2)"),
];

fn invalid(name: &str) -> PathBuf {
    Path::new("tests/fixtures/invalid").join(name)
}

fn mini() -> PathBuf {
    PathBuf::from("tests/fixtures/valid/mini")
}

#[test]
fn every_invalid_fixture_reports_exactly_its_problems() {
    let root = Path::new("tests/fixtures/invalid");
    let abs = root.canonicalize().unwrap().display().to_string();
    let mut names: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "common" && !n.ends_with(".py"))
        .collect();
    names.sort();
    assert!(names.len() >= 15, "only {} fixtures", names.len());
    for name in &names {
        let loaded = scenario::load(&invalid(name));
        let got: Vec<(String, usize, usize, Severity, String)> = loaded
            .diagnostics
            .iter()
            .map(|d| {
                let f = d.file.to_string_lossy().replace('\\', "/");
                let prefix = format!("tests/fixtures/invalid/{name}/");
                let file = f
                    .strip_prefix(&prefix)
                    .map(str::to_string)
                    .unwrap_or_else(|| f.replace("tests/fixtures/invalid/", ""));
                (
                    file,
                    d.line,
                    d.col,
                    d.severity,
                    d.message.replace(&abs, "<fixtures>"),
                )
            })
            .collect();
        let want: Vec<(String, usize, usize, Severity, String)> = EXPECTED
            .iter()
            .filter(|e| e.0 == name)
            .map(|e| (e.1.to_string(), e.2, e.3, e.4, e.5.to_string()))
            .collect();
        assert_eq!(got, want, "fixture {name}");
        let has_error = want.iter().any(|w| w.3 == E);
        assert_eq!(loaded.scenario.is_none(), has_error, "fixture {name}");
    }
}

#[test]
fn the_mini_scenario_loads_into_the_expected_model() {
    let loaded = scenario::load(&mini());
    assert_eq!(loaded.diagnostics, vec![]);
    let s = loaded.scenario.expect("mini loads");
    assert_eq!(s.name, "Mini Beachhead");
    assert_eq!((s.map.grid.width, s.map.grid.height), (8, 6));
    let ids: Vec<&str> = s.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(
        ids,
        ["hg-grn", "hg-pz", "it-coast", "us-16", "us-18", "us-505"]
    );
    let allied = s.units.iter().filter(|u| u.side == Side::Allied).count();
    assert_eq!((allied, s.units.len() - allied), (3, 3));
    // Arrival entries: the scheduled one first, then the alternatives.
    let us16 = s.unit(s.unit_id("us-16").unwrap());
    let a = us16.arrival.as_ref().unwrap();
    assert_eq!(a.entries, vec![Entry::Beach(0), Entry::Port(2)]);
    assert_eq!(
        s.unit(s.unit_id("it-coast").unwrap()).setup,
        Some(landfall::hex::OffsetCoord(3, 3).to_hex())
    );
    // Objectives resolved to places.
    let obj: Vec<(&str, u32)> = s
        .objectives
        .iter()
        .map(|o| (s.map.places[o.place as usize].id.as_str(), o.vp))
        .collect();
    assert_eq!(obj, [("borgo", 10), ("airfield", 5)]);
    // Road costs [road][class]; Rail has only Foot.
    assert_eq!(
        s.road_cost[RoadClass::Main as usize],
        [Some(1), Some(1), Some(1)]
    );
    assert_eq!(s.road_cost[RoadClass::Rail as usize], [Some(2), None, None]);
    assert_eq!(
        s.road_cost[RoadClass::Secondary as usize],
        [None, None, None]
    );
    // Hexside features are stored for both hexes.
    let (a, b) = (
        landfall::hex::OffsetCoord(3, 2).to_hex(),
        landfall::hex::OffsetCoord(4, 3).to_hex(),
    );
    assert_eq!(
        s.map.side_between(a, b).river,
        Some(landfall::scenario::schema::RiverClass::Minor)
    );
    assert_eq!(
        s.map.side_between(b, a).river,
        Some(landfall::scenario::schema::RiverClass::Minor)
    );
    let (r1, r2) = (
        landfall::hex::OffsetCoord(2, 1).to_hex(),
        landfall::hex::OffsetCoord(2, 2).to_hex(),
    );
    assert_eq!(s.map.side_between(r2, r1).road, Some(RoadClass::Main));
    assert_eq!(s.map.side_between(r1, r2).road, Some(RoadClass::Main));
    // CRT notation parsed.
    assert_eq!(s.crt.columns.len(), 4);
    assert_eq!(s.crt.columns[3].results[5].to_string(), "DE");
    assert_eq!(s.crt.columns[1].results[5].to_string(), "D1R1");
    // Content hash: blake3 over every file in include order.
    let mut h = blake3::Hasher::new();
    for f in [
        "scenario",
        "map",
        "terrain",
        "unit_types",
        "crt",
        "oob_allied",
        "oob_axis",
    ] {
        h.update(&std::fs::read(mini().join(format!("{f}.ron"))).unwrap());
    }
    assert_eq!(s.content_hash, h.finalize().to_hex().to_string());
}

#[test]
fn a_map_overlay_is_applied_on_top_of_the_map() {
    use landfall::hex::OffsetCoord;
    let loaded = scenario::load(Path::new("tests/fixtures/valid/overlay"));
    assert_eq!(loaded.diagnostics, vec![]);
    let s = loaded.scenario.expect("overlay fixture loads");
    let place = |id: &str| s.map.places[s.map.place_id(id).unwrap() as usize].hex;
    assert_eq!(place("borgo"), OffsetCoord(2, 2), "replaced by id");
    assert_eq!(place("ponte"), OffsetCoord(4, 2), "added");
    assert_eq!(s.map.places.len(), 4);
    let terrain = s.terrain_of(OffsetCoord(1, 2).to_hex()).unwrap();
    assert_eq!(terrain.id, "clear");
    let (a, b) = (OffsetCoord(3, 2).to_hex(), OffsetCoord(4, 2).to_hex());
    assert!(s.map.side_between(a, b).bridge);
    assert_eq!(s.map.edges.len(), 2);
    // The overlay is part of the content hash.
    let mini = scenario::load_scenario(&mini()).unwrap();
    assert_ne!(s.content_hash, mini.content_hash);
}

#[test]
fn common_includes_read_the_games_shared_tables() {
    // `common:` resolves against LANDFALL_PATH, then ./scenarios/common
    // (the tests run in the crate root).
    let loaded = scenario::load(Path::new("tests/fixtures/valid/shared_tables"));
    assert_eq!(loaded.diagnostics, vec![]);
    let s = loaded.scenario.expect("shared_tables loads");
    let shared = scenario::load_scenario(Path::new("scenarios/gela")).unwrap();
    assert_eq!(s.crt.columns.len(), shared.crt.columns.len());
    assert_eq!(s.terrain.len(), shared.terrain.len());
}

#[test]
fn loading_the_main_file_equals_loading_the_directory() {
    let a = scenario::load_scenario(&mini()).unwrap();
    let b = scenario::load_scenario(&mini().join("scenario.ron")).unwrap();
    assert_eq!(a.content_hash, b.content_hash);
}

#[test]
fn the_validate_output_format_is_exact() {
    let out = validate::check(&[invalid("unknown_unit_type"), invalid("many_errors")]);
    assert_eq!(
        validate::render(&out),
        "\
tests/fixtures/invalid/unknown_unit_type/oob_allied.ron:14:94: error: unknown unit type `airbourne`; the library has: airborne, armour, coastal, infantry
 14 |         (id: \"us-505\", name: \"82nd Abn Div / 505th PIR\", nation: \"US\", parent: \"82ab\", type: \"airbourne\",
    |                                                                                              ^
tests/fixtures/invalid/many_errors/scenario.ron:7:17: error: turn_hours must be 1 to 168, found 0
 7 |     turn_hours: 0,
   |                 ^
tests/fixtures/invalid/many_errors/crt.ron:5:64: error: bad CRT result `1D`: expected NE, AE, DE, EX or A<n>D<n>R<n> (in that order)
 5 |         (odds: (1, 1), results: [\"A1\", \"A1\", \"NE\", \"R1\", \"D1\", \"1D\"]),
   |                                                                ^
tests/fixtures/invalid/many_errors/oob_allied.ron:14:94: error: unknown unit type `para`; the library has: airborne, armour, coastal, infantry
 14 |         (id: \"us-505\", name: \"82nd Abn Div / 505th PIR\", nation: \"US\", parent: \"82ab\", type: \"para\",
    |                                                                                              ^
4 errors, 0 warnings
"
    );
}

fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("loader")
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    for e in std::fs::read_dir(mini()).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), d.join(e.file_name())).unwrap();
    }
    d
}

#[test]
fn a_file_over_16_mib_is_refused_naming_the_limit() {
    let d = scratch("huge_file");
    let mut text = std::fs::read_to_string(d.join("map.ron")).unwrap();
    text.push_str(&" ".repeat(17 * 1024 * 1024));
    std::fs::write(d.join("map.ron"), text).unwrap();
    let loaded = scenario::load(&d);
    assert_eq!(loaded.diagnostics.len(), 1);
    assert!(
        loaded.diagnostics[0]
            .message
            .contains("more than the limit of 16777216 bytes"),
        "{}",
        loaded.diagnostics[0].message
    );
}

#[test]
fn more_than_20000_units_is_refused_naming_the_limit() {
    let d = scratch("many_units");
    let mut text = String::from(
        "(side: Axis, formations: [(id: \"hg\", name: \"HG\", size: Division)], units: [\n",
    );
    for i in 0..20_001 {
        text += &format!("(id: \"u{i}\", name: \"U\", nation: \"DE\", parent: \"hg\", type: \"infantry\", size: Regiment, steps: 1, attack: 1, defence: 1, movement: 1, setup: (2, 0)),\n");
    }
    text += "])";
    std::fs::write(d.join("oob_axis.ron"), text).unwrap();
    let loaded = scenario::load(&d);
    let msgs: Vec<&str> = loaded
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        msgs,
        ["20004 units, more than the limit of 20000 (`MAX_UNITS`)"]
    );
}

#[test]
fn a_directory_without_scenario_ron_is_not_a_scenario() {
    let loaded = scenario::load(&invalid("common"));
    assert_eq!(loaded.diagnostics.len(), 1);
    assert_eq!(
        loaded.diagnostics[0].message,
        "not a scenario: the directory has no scenario.ron"
    );
    let out = validate::check(&[mini(), invalid("common")]);
    assert_eq!((out.checked, out.diagnostics.len()), (1, 0));
}

/// Truncate, flip and delete bytes of every mini file: never a panic, and
/// every error has a position (line ≥ 1) unless it concerns a whole file.
#[test]
fn mutated_files_never_panic() {
    let files = [
        "scenario",
        "map",
        "terrain",
        "unit_types",
        "crt",
        "oob_allied",
        "oob_axis",
    ];
    let d = scratch("mutations");
    let mut runs = 0;
    for f in files {
        let path = d.join(format!("{f}.ron"));
        let good = std::fs::read(&path).unwrap();
        let n = good.len();
        let mut variants: Vec<Vec<u8>> = Vec::new();
        for k in 1..12 {
            let at = n * k / 12;
            variants.push(good[..at].to_vec());
            let mut flip = good.clone();
            flip[at] ^= 0x5a;
            variants.push(flip);
            let mut del = good.clone();
            del.remove(at);
            variants.push(del);
        }
        for v in variants {
            std::fs::write(&path, &v).unwrap();
            let loaded = scenario::load(&d);
            runs += 1;
            for diag in &loaded.diagnostics {
                assert!(
                    diag.line >= 1 || diag.message.contains("not a scenario"),
                    "{diag}"
                );
            }
            assert_eq!(loaded.scenario.is_some(), loaded.errors() == 0);
        }
        std::fs::write(&path, &good).unwrap();
    }
    assert_eq!(runs, 7 * 33);
}

#[test]
fn the_binary_exits_1_on_errors_and_0_on_a_valid_scenario() {
    let bin = env!("CARGO_BIN_EXE_landfall");
    let run = |args: &[&str]| std::process::Command::new(bin).args(args).output().unwrap();
    let ok = run(&[
        "validate",
        "tests/fixtures/valid/mini",
        "tests/fixtures/invalid/common",
    ]);
    assert_eq!(ok.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&ok.stdout),
        "0 errors, 0 warnings\n"
    );
    assert!(String::from_utf8_lossy(&ok.stderr).contains(
        "note: skipping tests/fixtures/invalid/common: not a scenario (no scenario.ron)"
    ));
    let bad = run(&["validate", "--json", "tests/fixtures/invalid/bad_crt"]);
    assert_eq!(bad.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&bad.stdout).unwrap();
    assert_eq!(
        v,
        serde_json::json!([{"file": "tests/fixtures/invalid/bad_crt/crt.ron", "line": 7, "col": 66,
            "severity": "error", "message": "bad CRT result `DX`: `D` needs a number"}])
    );
    let usage = run(&["validate"]);
    assert_eq!(usage.status.code(), Some(2));
    let info = run(&["info", "--json", "tests/fixtures/valid/mini"]);
    assert_eq!(info.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&info.stdout).unwrap();
    assert_eq!(v["units"], serde_json::json!({"allied": 3, "axis": 3}));
    assert_eq!(
        (
            v["turns"].as_u64(),
            v["hexes"].as_u64(),
            v["land_hexes"].as_u64()
        ),
        (Some(4), Some(48), Some(37))
    );
    assert_eq!(v["reinforcements"], 4);
    assert_eq!(v["objectives"][0]["place"], "borgo");
    assert_eq!(v["beaches"][0]["id"], "red");
}

#[test]
fn the_format_doc_shows_the_mini_scenario_verbatim() {
    let doc = std::fs::read_to_string("docs/scenario-format.md").unwrap();
    for f in [
        "scenario",
        "map",
        "terrain",
        "unit_types",
        "crt",
        "oob_allied",
        "oob_axis",
    ] {
        let text = std::fs::read_to_string(mini().join(format!("{f}.ron"))).unwrap();
        let block = format!("### `{f}.ron`\n\n```ron\n{}\n```", text.trim_end());
        assert!(
            doc.contains(&block),
            "docs/scenario-format.md is out of date for {f}.ron"
        );
    }
}

#[test]
fn gela_loads_with_the_expected_units_per_side() {
    let loaded = scenario::load(Path::new("scenarios/gela"));
    assert_eq!(loaded.diagnostics, vec![]);
    let s = loaded.scenario.expect("gela loads");
    let allied = s.units.iter().filter(|u| u.side == Side::Allied).count();
    assert_eq!((allied, s.units.len() - allied), (15, 12));
    assert_eq!((s.map.grid.width, s.map.grid.height, s.turns), (25, 20, 6));
}

#[test]
fn every_shipped_scenario_validates_clean() {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("scenarios")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    let out = validate::check(&dirs);
    assert!(out.checked >= 1);
    assert_eq!(validate::render(&out), "0 errors, 0 warnings\n");
}
