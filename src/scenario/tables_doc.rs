//! The rule tables as Markdown, generated from the RON files so the docs
//! cannot drift from them: the terrain chart (`terrain.ron`) and the combat
//! results and scatter tables (`crt.ron`). `docs/oob.md` holds them between
//! `<!-- generated: NAME -->` and `<!-- end generated -->` markers; the test
//! below fails when a table there differs from what the RON files give, and
//! `LANDFALL_BLESS=1 cargo test --lib tables_doc` rewrites them.

use super::schema::{CrtFile, MoveClass, RoadClass, TerrainFile};
use std::fmt::Write;

/// The terrain chart: movement cost per class, combat shift, sight and
/// concealment of every land terrain, then river and road costs.
#[must_use]
pub fn terrain_table(t: &TerrainFile) -> String {
    let mut out = String::new();
    let cost = |m: &std::collections::BTreeMap<MoveClass, u32>, c: MoveClass| {
        m.get(&c).map_or("—".to_string(), u32::to_string)
    };
    out.push_str(
        "| terrain | Foot | Motorised | Tracked | combat shift | sight | concealment |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for (id, s) in t.terrain.iter().filter(|(_, s)| !s.water) {
        let _ = writeln!(
            out,
            "| {} (`{id}`) | {} | {} | {} | {:+} | {} | {} |",
            s.name,
            cost(&s.move_cost, MoveClass::Foot),
            cost(&s.move_cost, MoveClass::Motorised),
            cost(&s.move_cost, MoveClass::Tracked),
            s.combat_shift,
            s.sight,
            s.concealment
        );
    }
    let roads = [
        (RoadClass::Main, "main road"),
        (RoadClass::Secondary, "secondary road"),
        (RoadClass::Rail, "railway"),
    ];
    for (road, label) in roads {
        if let Some(m) = t.road_cost.get(&road) {
            let _ = writeln!(
                out,
                "| along a {label} | {} | {} | {} | | | |",
                cost(m, MoveClass::Foot),
                cost(m, MoveClass::Motorised),
                cost(m, MoveClass::Tracked)
            );
        }
    }
    let _ = writeln!(
        out,
        "\nMP are per hex entered; — means the class cannot enter (except along a \
         road it may use). Crossing a river hexside without a bridge costs {} MP \
         more (minor) or {} (major). Shifts are CRT columns for an attack into \
         the terrain (negative helps the defender).",
        t.river_cost.minor, t.river_cost.major
    );
    out
}

/// The combat results table (one row per odds column, one column per die
/// face) and the scatter table.
#[must_use]
pub fn crt_table(c: &CrtFile) -> String {
    let mut out = String::from("| odds |");
    for face in 1..=c.die {
        let _ = write!(out, " {face} |");
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(c.die as usize));
    out.push('\n');
    for col in &c.columns {
        let _ = write!(out, "| {}:{} |", col.odds.0, col.odds.1);
        for r in &col.results {
            let _ = write!(out, " {r} |");
        }
        out.push('\n');
    }
    let s = &c.scatter;
    let weights = |w: &[u32]| {
        w.iter()
            .enumerate()
            .map(|(d, x)| format!("{d}: {x}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(
        out,
        "\n**Scatter** (airborne drops), weights out of {} of drifting 0, 1, 2... \
         hexes: by day {}; by night {}. A step is lost on landing {}/{} by day, \
         {}/{} by night, {}/{} more for gliders; a glider unit that comes down in \
         the sea loses {} steps.",
        s.out_of,
        weights(&s.distance_day),
        weights(&s.distance_night),
        s.step_loss_day,
        s.out_of,
        s.step_loss_night,
        s.out_of,
        s.step_loss_glider_extra,
        s.out_of,
        s.glider_sea_loss
    );
    out
}

/// Replace the text between `<!-- generated: NAME -->` and the next
/// `<!-- end generated -->` in `doc` with `body`; `None` if the markers
/// are missing.
#[must_use]
pub fn splice(doc: &str, name: &str, body: &str) -> Option<String> {
    let open = format!("<!-- generated: {name} -->\n");
    let close = "<!-- end generated -->";
    let start = doc.find(&open)? + open.len();
    let end = start + doc[start..].find(close)?;
    Some(format!("{}{body}{}", &doc[..start], &doc[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables() -> (String, String) {
        let root = env!("CARGO_MANIFEST_DIR");
        let read = |f: &str| {
            std::fs::read_to_string(format!("{root}/scenarios/common/{f}")).expect("shipped table")
        };
        let terrain: TerrainFile = ron::from_str(&read("terrain.ron")).expect("terrain parses");
        let crt: CrtFile = ron::from_str(&read("crt.ron")).expect("crt parses");
        (terrain_table(&terrain), crt_table(&crt))
    }

    #[test]
    fn docs_oob_tables_match_terrain_ron_and_crt_ron() {
        let path = format!("{}/docs/oob.md", env!("CARGO_MANIFEST_DIR"));
        let doc = std::fs::read_to_string(&path).expect("docs/oob.md");
        let (terrain, crt) = tables();
        let want = splice(&doc, "terrain", &terrain)
            .and_then(|d| splice(&d, "crt", &crt))
            .expect("docs/oob.md has the generated: terrain and crt markers");
        if std::env::var_os("LANDFALL_BLESS").is_some() {
            std::fs::write(&path, &want).expect("write docs/oob.md");
        } else {
            assert!(
                doc == want,
                "docs/oob.md's tables drifted from scenarios/common/terrain.ron or crt.ron; \
                 run `LANDFALL_BLESS=1 cargo test --lib tables_doc` to regenerate them"
            );
        }
    }

    #[test]
    fn a_changed_shift_shows_in_the_generated_table() {
        let root = env!("CARGO_MANIFEST_DIR");
        let text = std::fs::read_to_string(format!("{root}/scenarios/common/terrain.ron")).unwrap();
        let mut t: TerrainFile = ron::from_str(&text).unwrap();
        let before = terrain_table(&t);
        if let Some(h) = t.terrain.get_mut("hills") {
            h.combat_shift -= 1;
        }
        assert_ne!(terrain_table(&t), before);
        assert!(splice(
            "x <!-- generated: crt -->\nold<!-- end generated --> y",
            "crt",
            "new"
        )
        .is_some_and(|d| d == "x <!-- generated: crt -->\nnew<!-- end generated --> y"));
    }
}
