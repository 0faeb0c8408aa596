//! The evacuation plan: embarkation points resolved to places, windows
//! checked, scoring by nation (see [`EvacuationSpec`]).
//!
//! A scenario without a plan evacuates the old way ([`Evacuation::legacy`]):
//! from the places its map marks `evacuation`, on every turn, at most
//! `rules.evacuation_steps_per_turn` steps, each worth
//! `victory.evacuated_step_vp`.

use super::compile::Report;
use super::loader::Doc;
use super::model::{Map, PlaceId, UnitDef};
use super::schema::{EvacuationScoreSpec, EvacuationSpec, RulesSpec, ScenarioFile, TurnWindow};

/// An embarkation point and its capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Embarkation {
    /// The place.
    pub place: PlaceId,
    /// Steps it can load per turn.
    pub steps_per_turn: u32,
}

/// A window in which the ferries of some nations run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvacuationWindow {
    /// The turns.
    pub window: TurnWindow,
    /// Steps per turn, all ports together.
    pub steps_per_turn: u32,
    /// The nations carried; empty: all.
    pub nations: Vec<String>,
}

impl EvacuationWindow {
    /// Does it carry units of `nation`?
    #[must_use]
    pub fn carries(&self, nation: &str) -> bool {
        self.nations.is_empty() || self.nations.iter().any(|n| n == nation)
    }

    /// Is it open on `turn`?
    #[must_use]
    pub fn open_on(&self, turn: u32) -> bool {
        (self.window.from_turn..=self.window.until_turn).contains(&turn)
    }
}

/// The checked evacuation plan of a scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evacuation {
    /// Embarkation points.
    pub ports: Vec<Embarkation>,
    /// Ferry windows.
    pub windows: Vec<EvacuationWindow>,
    /// VP per step by nation.
    pub scoring: Vec<EvacuationScoreSpec>,
    /// VP per step of a nation `scoring` does not list.
    pub default_vp_per_step: u32,
    /// Only units that fought score.
    pub only_units_that_fought: bool,
}

impl Evacuation {
    /// The old rule: every place the map marks `evacuation`, no capacity of
    /// its own, one window over the whole game at
    /// `rules.evacuation_steps_per_turn`, every step worth `vp_per_step`.
    #[must_use]
    pub fn legacy(map: &Map, rules: &RulesSpec, turns: u32, vp_per_step: u32) -> Self {
        Self {
            ports: (0..map.places.len())
                .filter(|&p| map.places[p].evacuation)
                .map(|p| Embarkation {
                    place: p as PlaceId,
                    steps_per_turn: u32::MAX,
                })
                .collect(),
            windows: vec![EvacuationWindow {
                window: TurnWindow {
                    from_turn: 1,
                    until_turn: turns.max(1),
                },
                steps_per_turn: rules.evacuation_steps_per_turn,
                nations: Vec::new(),
            }],
            scoring: Vec::new(),
            default_vp_per_step: vp_per_step,
            only_units_that_fought: false,
        }
    }

    /// The embarkation point at `place`, if it is one.
    #[must_use]
    pub fn port(&self, place: PlaceId) -> Option<&Embarkation> {
        self.ports.iter().find(|p| p.place == place)
    }

    /// The window that carries `nation` on `turn` (the first listed).
    #[must_use]
    pub fn window(&self, nation: &str, turn: u32) -> Option<&EvacuationWindow> {
        self.windows
            .iter()
            .find(|w| w.carries(nation) && w.open_on(turn))
    }

    /// VP per evacuated step of `nation`.
    #[must_use]
    pub fn vp_per_step(&self, nation: &str) -> u32 {
        self.scoring
            .iter()
            .find(|s| s.nation == nation)
            .map_or(self.default_vp_per_step, |s| s.vp_per_step)
    }
}

/// The plan of `spec` on `map` for a game of `turns` turns; each problem as
/// (path under `evacuation`, message). Marks the ports `evacuation` in the
/// map (the computer's evacuating units head for them).
pub(super) fn build(
    spec: &EvacuationSpec,
    map: &mut Map,
    turns: u32,
    default_vp_per_step: u32,
) -> (Evacuation, Vec<(String, String)>) {
    let mut errors = Vec::new();
    let mut err = |path: String, msg: String| errors.push((path, msg));
    if spec.ports.is_empty() {
        err(
            "ports".into(),
            "the evacuation has no embarkation points".into(),
        );
    }
    let mut ports: Vec<Embarkation> = Vec::new();
    for (i, p) in spec.ports.iter().enumerate() {
        let Some(place) = map.place_id(&p.place) else {
            err(
                format!("ports[{i}].place"),
                format!("embarkation point `{}` is not a place of the map", p.place),
            );
            continue;
        };
        if p.steps_per_turn == 0 {
            err(
                format!("ports[{i}].steps_per_turn"),
                format!("embarkation point `{}` loads no steps", p.place),
            );
        }
        if ports.iter().any(|q| q.place == place) {
            err(
                format!("ports[{i}].place"),
                format!("embarkation point `{}` is listed twice", p.place),
            );
        }
        ports.push(Embarkation {
            place,
            steps_per_turn: p.steps_per_turn,
        });
    }
    for (i, place) in map.places.iter().enumerate() {
        if place.evacuation && !ports.iter().any(|p| p.place as usize == i) {
            err(
                "ports".into(),
                format!(
                    "the map marks `{}` for evacuation but `evacuation.ports` does not list it",
                    place.id
                ),
            );
        }
    }
    if spec.windows.is_empty() {
        err("windows".into(), "the ferries never run: no windows".into());
    }
    let mut windows: Vec<EvacuationWindow> = Vec::new();
    for (i, w) in spec.windows.iter().enumerate() {
        if w.from_turn < 1 || w.from_turn > w.until_turn || w.until_turn > turns {
            err(
                format!("windows[{i}].until_turn"),
                format!(
                    "the ferries run on turns {}..{}, which must lie within turns 1..{turns} and not end before they start",
                    w.from_turn, w.until_turn
                ),
            );
        }
        let window = EvacuationWindow {
            window: TurnWindow {
                from_turn: w.from_turn,
                until_turn: w.until_turn,
            },
            steps_per_turn: w.steps_per_turn,
            nations: w.nations.clone(),
        };
        for (k, other) in windows.iter().enumerate() {
            let turns_meet =
                other.window.from_turn <= w.until_turn && w.from_turn <= other.window.until_turn;
            let nations_meet = other.nations.is_empty()
                || w.nations.is_empty()
                || w.nations.iter().any(|n| other.carries(n));
            if turns_meet && nations_meet {
                err(
                    format!("windows[{i}].from_turn"),
                    format!(
                        "window {i} overlaps window {k} for the same nations on turns {}..{}: a unit crosses in one window at a time",
                        w.from_turn.max(other.window.from_turn),
                        w.until_turn.min(other.window.until_turn)
                    ),
                );
            }
        }
        windows.push(window);
    }
    for (i, s) in spec.scoring.iter().enumerate() {
        if spec.scoring[..i].iter().any(|t| t.nation == s.nation) {
            err(
                format!("scoring[{i}].nation"),
                format!("nation `{}` is scored twice", s.nation),
            );
        }
    }
    for p in &ports {
        map.places[p.place as usize].evacuation = true;
    }
    let plan = Evacuation {
        ports,
        windows,
        scoring: spec.scoring.clone(),
        default_vp_per_step,
        only_units_that_fought: spec.only_units_that_fought,
    };
    (plan, errors)
}

/// The plan of the main file `d` (or the legacy rule without one), every
/// problem reported at its value.
pub fn resolve(d: &Doc<ScenarioFile>, map: &mut Map, r: &mut Report) -> Evacuation {
    let m = &d.value;
    let vp = m.victory.evacuated_step_vp;
    let Some(spec) = &m.evacuation else {
        return Evacuation::legacy(map, &m.rules, m.turns, vp);
    };
    let (plan, errors) = build(spec, map, m.turns, vp);
    for (path, msg) in errors {
        r.error(d, &format!("evacuation.{path}"), msg);
    }
    plan
}

/// Every nation the plan names must have units: a misspelt nation would
/// leave its units without ferries, or score them at the default rate,
/// without a word.
pub fn check_nations(d: &Doc<ScenarioFile>, units: &[UnitDef], r: &mut Report) {
    let Some(spec) = &d.value.evacuation else {
        return;
    };
    let known = |n: &str| units.iter().any(|u| u.nation == n);
    for (i, w) in spec.windows.iter().enumerate() {
        for (j, n) in w.nations.iter().enumerate() {
            if !known(n) {
                r.error(
                    d,
                    &format!("evacuation.windows[{i}].nations[{j}]"),
                    format!("the evacuation names nation `{n}`, which has no units"),
                );
            }
        }
    }
    for (i, s) in spec.scoring.iter().enumerate() {
        if !known(&s.nation) {
            r.error(
                d,
                &format!("evacuation.scoring[{i}].nation"),
                format!(
                    "the evacuation scores nation `{}`, which has no units",
                    s.nation
                ),
            );
        }
    }
}
