//! The scenarios that prove the designer's toolkit (issue 20): "Baytown"
//! (demolitions, the armistice by event, landing craft) and "Race for
//! Messina" with its Calabrian what-if (end runs by landing craft,
//! Lehrgang from several embarkation points, the ferries cut by event).
//! Each loads without a diagnostic and plays to the end, AI against AI,
//! without an illegal command.

use landfall::ai::params::AiLevels;
use landfall::ai::selfplay;
use landfall::scenario::{Scenario, Side};
use std::path::Path;
use std::sync::Arc;

fn load_clean(rel: &str) -> Arc<Scenario> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let loaded = landfall::scenario::load(&path);
    let msgs: Vec<String> = loaded
        .diagnostics
        .iter()
        .map(|d| format!("{d:?}"))
        .collect();
    assert!(msgs.is_empty(), "{rel}: {msgs:#?}");
    loaded.scenario.expect("no errors, so a scenario")
}

fn play(s: &Arc<Scenario>, seed: u64) -> selfplay::Simulation {
    let levels = AiLevels::builtin();
    let p = levels.get(None).unwrap().clone();
    selfplay::simulate(s, seed, None, &p, &p)
}

fn taken(sim: &selfplay::Simulation, place: &str) -> Option<u32> {
    sim.summary
        .captures
        .iter()
        .find(|c| c.place == place && c.side == Side::Allied)
        .map(|c| c.turn)
}

#[test]
fn baytown_loads_and_plays_with_its_demolitions_and_the_armistice() {
    let s = load_clean("scenarios/baytown");
    assert_eq!((s.turns, s.turn_hours), (14, 24));
    assert_eq!(s.events.len(), 3);
    for seed in [1, 2] {
        let sim = play(&s, seed);
        assert!(sim.summary.finished, "seed {seed}");
        assert_eq!(sim.summary.rejected_commands, 0, "seed {seed}");
        // The prepared demolitions fired at the start...
        let st = sim.game.state();
        assert!(
            !st.events.fired.is_empty() && st.events.fired[0],
            "seed {seed}"
        );
        // ...and the armistice took the Italians out by turn 6.
        for u in &st.units {
            if s.units[u.id as usize].nation == "IT" {
                assert_ne!(u.status, landfall::sim::state::Status::OnMap, "seed {seed}");
            }
        }
        // Reggio falls; the pace the campaign reads is the turn Scilla does.
        assert!(taken(&sim, "reggio_calabria").is_some(), "seed {seed}");
        eprintln!("baytown seed {seed}: scilla {:?}", taken(&sim, "scilla"));
    }
}

#[test]
fn race_for_messina_and_its_calabrian_what_if_load_and_play() {
    let s = load_clean("scenarios/messina");
    assert_eq!((s.turns, s.evacuation.ports.len()), (17, 3));
    let sim = play(&s, 1);
    assert!(sim.summary.finished);
    assert_eq!(sim.summary.rejected_commands, 0);
    let c = load_clean("scenarios/messina/calabria.ron");
    assert_eq!(c.id, "messina_calabria");
    let sim = play(&c, 1);
    assert!(sim.summary.finished);
    assert_eq!(sim.summary.rejected_commands, 0);
    let brigade = c.unit_id("uk_231bde").unwrap();
    assert_ne!(
        sim.game.state().unit(brigade).status,
        landfall::sim::state::Status::Withdrawn,
        "the variant lands the brigade"
    );
}

/// Baytown copied to a scratch collection (with the shared tables), its
/// main file changed by `edit`; the diagnostics of loading it.
fn broken_baytown(tag: &str, edit: impl Fn(&str) -> String) -> Vec<landfall::scenario::Diagnostic> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = std::env::temp_dir().join(format!("landfall-content-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    for dir in ["baytown", "common"] {
        std::fs::create_dir_all(tmp.join(dir)).unwrap();
        for f in std::fs::read_dir(root.join("scenarios").join(dir)).unwrap() {
            let f = f.unwrap().path();
            std::fs::copy(&f, tmp.join(dir).join(f.file_name().unwrap())).unwrap();
        }
    }
    let main = tmp.join("baytown/scenario.ron");
    let text = std::fs::read_to_string(&main).unwrap();
    let changed = edit(&text);
    assert_ne!(text, changed, "the edit applies");
    std::fs::write(&main, changed).unwrap();
    let d = landfall::scenario::load(&tmp.join("baytown")).diagnostics;
    let _ = std::fs::remove_dir_all(&tmp);
    d
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn a_crossing_without_a_road_and_a_bad_craft_window_are_errors_at_their_place() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/baytown/scenario.ron"),
    )
    .unwrap();
    // (0, 0)-(0, 1) is sea: nothing to blow there.
    let d = broken_baytown("site", |t| {
        t.replace("((9, 7), (10, 8))]", "((0, 0), (0, 1))]")
    });
    let e: Vec<_> = d.iter().filter(|d| d.is_error()).collect();
    assert_eq!(e.len(), 1, "{d:#?}");
    assert!(
        e[0].message.contains("not between two land hexes"),
        "{}",
        e[0].message
    );
    assert_eq!(
        e[0].line,
        line_of(&text, "then: [Demolish([((10, 9), (10, 10))")
    );
    let d = broken_baytown("craft", |t| {
        t.replace(
            "beaches: [\"fox\", \"reggio_beach\", \"favazzina\"]",
            "beaches: [\"fox\", \"nowhere\"]",
        )
        .replace("repair_turns: 1,", "repair_turns: 0,")
    });
    let msgs: Vec<(usize, &str)> = d
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(msgs.len(), 2, "{msgs:#?}");
    assert!(msgs
        .iter()
        .any(|(l, m)| m.contains("unknown beach `nowhere`")
            && *l == line_of(&text, "(from_turn: 2, until_turn: 14, steps_per_turn: 6")));
    assert!(msgs
        .iter()
        .any(|(l, m)| m.contains("`repair_turns` must be 1 or more")
            && *l == line_of(&text, "repair_turns: 1,")));
}
