//! The headless renderer: real scenarios render to non-blank PNGs of the
//! expected size; counters carry their side's colour.

use landfall::hex::OffsetCoord;
use landfall::render::{self, RenderOptions, RenderUnit, ALLIED, AXIS};
use landfall::scenario::builder::TestScenario;
use landfall::scenario::schema::{Side, UnitSize, UnitSymbol};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Distinct colours in a pixmap (a blank or single-colour image has 1).
fn colours(pm: &tiny_skia::Pixmap) -> usize {
    let mut set: Vec<[u8; 4]> = pm
        .data()
        .chunks_exact(4)
        .step_by(7)
        .map(|p| [p[0], p[1], p[2], p[3]])
        .collect();
    set.sort_unstable();
    set.dedup();
    set.len()
}

/// A preview scenario around a committed map (no units), in a temp folder:
/// the real Sicily and Salerno maps with the common tables.
fn preview(name: &str, hex_km: u32) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("render-{name}"));
    let common = dir.join("common");
    let sc = dir.join(name);
    std::fs::create_dir_all(&common).expect("tmp");
    std::fs::create_dir_all(&sc).expect("tmp");
    for f in ["terrain.ron", "unit_types.ron", "crt.ron"] {
        std::fs::copy(root().join("scenarios/common").join(f), common.join(f)).expect("copy table");
    }
    std::fs::copy(
        root().join("scenarios").join(name).join("map.ron"),
        sc.join("map.ron"),
    )
    .expect("copy map");
    std::fs::write(sc.join("oob_allied.ron"), "(side: Allied, units: [])").expect("oob");
    std::fs::write(sc.join("oob_axis.ron"), "(side: Axis, units: [])").expect("oob");
    let main = format!(
        r#"(id: "{name}-preview", name: "{name}", start: (year: 1943, month: 7, day: 10),
        turn_hours: 24, turns: 1, hex_km: {hex_km}, map: "map.ron",
        terrain: "../common/terrain.ron", unit_types: "../common/unit_types.ron",
        crt: "../common/crt.ron", oob_allied: "oob_allied.ron", oob_axis: "oob_axis.ron",
        victory: (objectives: [], levels: [(winner: None, level: Draw, min_margin: 0)]))"#
    );
    std::fs::write(sc.join("scenario.ron"), main).expect("scenario");
    sc
}

fn render_and_check(path: &Path, scale: f32) {
    let s = landfall::scenario::load_scenario(path)
        .unwrap_or_else(|d| panic!("{}: {d:?}", path.display()));
    let units = render::units_from_setup(&s);
    let opts = RenderOptions {
        scale,
        ..RenderOptions::default()
    };
    let pm = render::render_map(&s, &units, &opts).expect("renders");
    assert_eq!(
        (pm.width(), pm.height()),
        render::image_size(s.map.grid, scale)
    );
    assert!(
        colours(&pm) > 200,
        "{}: only {} colours",
        path.display(),
        colours(&pm)
    );
    let png = pm.encode_png().expect("png");
    let back = image::load_from_memory(&png).expect("decodes");
    assert_eq!((back.width(), back.height()), (pm.width(), pm.height()));
}

#[test]
fn sicily_renders_to_a_non_blank_png_of_the_expected_size() {
    let dir = preview("sicily", 5);
    render_and_check(&dir, 16.0);
    // 69 columns × 38 rows at 16 px across flats.
    let s = landfall::scenario::load_scenario(&dir).expect("loads");
    assert_eq!(render::image_size(s.map.grid, 16.0), (977, 632));
}

#[test]
fn salerno_renders_to_a_non_blank_png_of_the_expected_size() {
    render_and_check(&preview("salerno", 2), 16.0);
}

#[test]
fn gela_renders_with_its_units() {
    let dir = root().join("scenarios/gela");
    let s = landfall::scenario::load_scenario(&dir).expect("gela loads");
    assert!(
        !render::units_from_setup(&s).is_empty(),
        "Gela has units at setup"
    );
    render_and_check(&dir, 30.0);
}

#[test]
fn counters_take_their_side_colour_and_side_filter_hides_the_enemy() {
    let built = TestScenario::new(&["cccc", "cccc", "cccc"]).build();
    let unit = |hex, side| RenderUnit {
        hex,
        side,
        nation: String::new(),
        symbol: UnitSymbol::Infantry,
        size: UnitSize::Regiment,
        steps: 2,
        max_steps: 3,
        label: "test".into(),
    };
    let units = [
        unit(OffsetCoord(1, 1), Side::Allied),
        unit(OffsetCoord(3, 1), Side::Axis),
    ];
    let scale = 60.0;
    let px = render::Px::new(scale);
    // A point on the counter's body, left of the symbol frame.
    let body = |c: OffsetCoord| {
        let (x, y) = px.centre(c);
        ((x - scale * 0.33) as u32, y as u32)
    };
    let rgb = |pm: &tiny_skia::Pixmap, (x, y): (u32, u32)| {
        let p = pm.pixel(x, y).expect("inside").demultiply();
        (p.red(), p.green(), p.blue())
    };
    let both = render::render_map(
        &built.scenario,
        &units,
        &RenderOptions {
            scale,
            ..Default::default()
        },
    )
    .expect("renders");
    assert_eq!(rgb(&both, body(OffsetCoord(1, 1))), ALLIED);
    assert_eq!(rgb(&both, body(OffsetCoord(3, 1))), AXIS);
    let allied_only = RenderOptions {
        scale,
        side: Some(Side::Allied),
        ..Default::default()
    };
    let one = render::render_map(&built.scenario, &units, &allied_only).expect("renders");
    assert_eq!(rgb(&one, body(OffsetCoord(1, 1))), ALLIED);
    assert_ne!(rgb(&one, body(OffsetCoord(3, 1))), AXIS);
}

#[test]
fn absurd_scales_are_errors_not_panics() {
    let built = TestScenario::new(&["cc"]).build();
    let opts = RenderOptions {
        scale: 0.5,
        ..Default::default()
    };
    assert!(render::render_map(&built.scenario, &[], &opts).is_err());
}

#[test]
fn a_save_renders_at_a_turn_through_the_cli() {
    use std::process::Command;
    let bin = env!("CARGO_BIN_EXE_landfall");
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let save = tmp.join("render-gela.replay.ron");
    let ok = Command::new(bin)
        .args(["simulate", "scenarios/gela", "--turns", "3", "--record"])
        .arg(&save)
        .current_dir(root())
        .output()
        .expect("runs");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let out = tmp.join("render-gela-t2.png");
    let r = Command::new(bin)
        .arg("render")
        .arg(&save)
        .arg("--out")
        .arg(&out)
        .args(["--turn", "2", "--scale", "20"])
        .current_dir(root())
        .output()
        .expect("runs");
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let s = landfall::scenario::load_scenario(&root().join("scenarios/gela")).expect("gela loads");
    let img = image::open(&out).expect("png written");
    assert_eq!(
        (img.width(), img.height()),
        render::image_size(s.map.grid, 20.0)
    );
    // --turn on a plain scenario is a usage error (exit 2).
    let usage = Command::new(bin)
        .args(["render", "scenarios/gela", "--turn", "2", "--out"])
        .arg(tmp.join("unused.png"))
        .current_dir(root())
        .output()
        .expect("runs");
    assert_eq!(usage.status.code(), Some(2));
}
