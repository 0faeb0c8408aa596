//! AI posture and plan data for test scenarios: counterattack windows, the
//! defence lines of a withdrawal plan (see `scenario::defence_lines`) and
//! the evacuation plan (see `scenario::evacuation`).
//!
//! The one `expect` resolves the place ids a test's line names: a typo there
//! fails that test, never a game.

use super::TestScenario;
use crate::scenario::evacuation::{self, Evacuation};
use crate::scenario::model::{DefenceLine, Map, Terrain};
use crate::scenario::schema::{DefenceLineSpec, EvacuationSpec, RulesSpec, Side, TurnWindow};

impl TestScenario {
    /// An Axis counterattack window (AI posture), both turns included.
    #[must_use]
    pub fn counterattack(mut self, from_turn: u32, until_turn: u32) -> Self {
        self.counterattacks.push(TurnWindow {
            from_turn,
            until_turn,
        });
        self
    }

    /// A defence line of `side`'s withdrawal plan (AI posture), held on
    /// turns `from_turn..=until_turn` by the units of `nations` (empty: all)
    /// and drawn through the places `through` (ids of places added with
    /// `place`) as the loader draws it. Not validated: an unknown place
    /// panics at `build`.
    #[must_use]
    pub fn defence_line(
        mut self,
        name: &str,
        side: Side,
        (from_turn, until_turn): (u32, u32),
        through: &[&str],
        nations: &[&str],
    ) -> Self {
        self.defence_lines.push(DefenceLineSpec {
            name: name.into(),
            side,
            from_turn,
            until_turn,
            through: through.iter().map(|p| (*p).to_string()).collect(),
            nations: nations.iter().map(|n| (*n).to_string()).collect(),
        });
        self
    }

    /// An evacuation plan, checked as the loader checks it: a problem
    /// panics at `build`. Without one, the places marked `evacuation` and
    /// `rules.evacuation_steps_per_turn` (the legacy rule).
    #[must_use]
    pub fn evacuation(mut self, spec: EvacuationSpec) -> Self {
        self.evacuation = Some(spec);
        self
    }
}

/// The lines `specs` drawn on `map` as the loader draws them.
pub(super) fn draw_lines(
    specs: &[DefenceLineSpec],
    map: &Map,
    terrain: &[Terrain],
) -> Vec<DefenceLine> {
    specs
        .iter()
        .map(|l| {
            let anchors: Vec<_> = l
                .through
                .iter()
                .map(|id| {
                    let p = map.place_id(id).expect("defence line through a test place");
                    map.places[p as usize].hex.to_hex()
                })
                .collect();
            crate::scenario::defence_lines::drawn(l, map, terrain, &anchors)
        })
        .collect()
}

/// The evacuation plan of a test scenario (`spec`, or the legacy rule).
pub(super) fn evacuation_plan(
    spec: Option<&EvacuationSpec>,
    map: &mut Map,
    rules: &RulesSpec,
    turns: u32,
    vp_per_step: u32,
) -> Evacuation {
    let Some(spec) = spec else {
        return Evacuation::legacy(map, rules, turns, vp_per_step);
    };
    let (plan, errors) = evacuation::build(spec, map, turns, vp_per_step);
    assert!(errors.is_empty(), "test evacuation plan: {errors:?}");
    plan
}
