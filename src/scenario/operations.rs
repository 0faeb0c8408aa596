//! Checks of `rules.demolitions` and `rules.landing_craft` (errors at the
//! value): a repair that takes no time, craft windows outside the turns or
//! reversed, two windows on one turn, a beach id the map does not have. The crossings an event blows are checked with
//! the events (`events.rs`).

use super::compile::Report;
use super::loader::Doc;
use super::model::Map;
use super::schema::ScenarioFile;

/// Check the operations rules of `main` against the map.
pub fn check(main: &Doc<ScenarioFile>, map: &Map, r: &mut Report) {
    let m = &main.value;
    let d = &m.rules.demolitions;
    if d.repair_turns == 0 {
        r.error(
            main,
            "rules.demolitions.repair_turns",
            "`repair_turns` must be 1 or more",
        );
    }
    for (i, w) in m.rules.landing_craft.iter().enumerate() {
        let at = |f: &str| format!("rules.landing_craft[{i}].{f}");
        if w.from_turn < 1 || w.from_turn > m.turns {
            r.error(
                main,
                &at("from_turn"),
                format!("turn {} is outside turns 1..{}", w.from_turn, m.turns),
            );
        }
        if w.until_turn < w.from_turn || w.until_turn > m.turns {
            r.error(
                main,
                &at("until_turn"),
                format!(
                    "the window must end within turns {}..{}, found {}",
                    w.from_turn, m.turns, w.until_turn
                ),
            );
        }
        if let Some(j) = m.rules.landing_craft[..i]
            .iter()
            .position(|o| o.from_turn <= w.until_turn && w.from_turn <= o.until_turn)
        {
            r.error(
                main,
                &at("from_turn"),
                format!("this window shares turns with rules.landing_craft[{j}]: one pool a turn"),
            );
        }
        for (k, id) in w.beaches.iter().enumerate() {
            if !map.beaches.iter().any(|b| &b.id == id) {
                r.error(
                    main,
                    &format!("rules.landing_craft[{i}].beaches[{k}]"),
                    format!("unknown beach `{id}`"),
                );
            }
        }
    }
}
