//! Control and victory.
//!
//! A place changes hands when a unit enters it (`command::take_control`).
//! These functions compute; `command::end_of_turn` applies them.
//! At each end of turn the holder of each objective scores its `vp_per_turn`;
//! sudden-death conditions are checked (e.g. an Axis unit on the Salerno
//! beaches between the two Allied corps). After the last turn the holder of
//! each objective scores its `vp`, the Axis scores its evacuated steps at
//! their nations' rates (`evacuation::vp`), and the Allied margin (Allied
//! VP − Axis VP) picks the victory level from the scenario's table.

use crate::scenario::{schema::VictoryLevel, Scenario, Side};
use crate::sim::state::{Outcome, State, Status};

/// Victory points awarded to a side, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Award {
    /// The side scoring.
    pub side: Side,
    /// Points.
    pub vp: i64,
    /// Why ("holds Messina", "7 steps evacuated").
    pub reason: String,
}

/// The points each side scores at an end of turn: `vp_per_turn` of every
/// objective it holds (indexed by `Side::index`).
#[must_use]
pub fn turn_points(scenario: &Scenario, state: &State) -> [i64; 2] {
    let mut vp = [0; 2];
    for o in &scenario.objectives {
        if o.vp_per_turn > 0 {
            vp[state.control[o.place as usize].index()] += i64::from(o.vp_per_turn);
        }
    }
    vp
}

/// The first sudden-death condition met, if any.
#[must_use]
pub fn sudden_death(scenario: &Scenario, state: &State) -> Option<Outcome> {
    for sd in &scenario.victory.sudden_death {
        if state.turn < sd.from_turn {
            continue;
        }
        let hit = state.units.iter().any(|u| {
            u.status == Status::OnMap
                && scenario.units[u.id as usize].side == sd.winner
                && u.at.is_some_and(|a| sd.hexes.contains(&a))
        });
        if hit {
            return Some(Outcome {
                winner: Some(sd.winner),
                level: sd.level,
                reason: sd.label.clone(),
            });
        }
    }
    None
}

/// What each side scores after the last turn: every objective's `vp` to
/// its holder, and `evacuated_step_vp` per evacuated step to the Axis.
#[must_use]
pub fn final_awards(scenario: &Scenario, state: &State) -> Vec<Award> {
    let mut awards = Vec::new();
    for o in &scenario.objectives {
        if o.vp > 0 {
            let name = &scenario.map.places[o.place as usize].name;
            awards.push(Award {
                side: state.control[o.place as usize],
                vp: i64::from(o.vp),
                reason: format!("holds {name}"),
            });
        }
    }
    let evac = i64::from(super::evacuation::vp(scenario, state));
    if evac > 0 {
        awards.push(Award {
            side: Side::Axis,
            vp: evac,
            reason: format!("{} steps evacuated", state.evacuated_steps),
        });
    }
    awards
}

/// The result of a game that ran its course, by the final victory points.
#[must_use]
pub fn final_outcome(scenario: &Scenario, vp: [i64; 2]) -> Outcome {
    let (winner, level) = level_for(scenario, vp[0] - vp[1]);
    Outcome {
        winner,
        level,
        reason: format!("last turn played: Allied {} VP, Axis {} VP", vp[0], vp[1]),
    }
}

/// Allied VP minus Axis VP.
#[must_use]
pub fn margin(state: &State) -> i64 {
    state.vp[0] - state.vp[1]
}

/// The victory level for an Allied margin: the first level whose `min_margin`
/// it reaches (levels are listed best-for-the-Allies first).
#[must_use]
pub fn level_for(scenario: &Scenario, margin: i64) -> (Option<Side>, VictoryLevel) {
    scenario
        .victory
        .levels
        .iter()
        .find(|l| margin >= l.min_margin)
        .map_or((None, VictoryLevel::Draw), |l| (l.winner, l.level))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hex::OffsetCoord;
    use crate::scenario::{builder::TestScenario, schema::SuddenDeathSpec};

    #[test]
    fn victory_level_marginal_for_a_margin_of_12() {
        let t = TestScenario::new(&["cc"]).build();
        // Test levels: Allied decisive ≥ 20, marginal ≥ 5, draw ≥ -4, Axis marginal ≥ -19.
        assert_eq!(
            level_for(&t.scenario, 12),
            (Some(Side::Allied), VictoryLevel::Marginal)
        );
        assert_eq!(
            level_for(&t.scenario, 20),
            (Some(Side::Allied), VictoryLevel::Decisive)
        );
        assert_eq!(level_for(&t.scenario, 0), (None, VictoryLevel::Draw));
        assert_eq!(
            level_for(&t.scenario, -30),
            (Some(Side::Axis), VictoryLevel::Decisive)
        );
    }

    #[test]
    fn sudden_death_when_the_beachhead_is_split() {
        let t = TestScenario::new(&["ccc"])
            .unit("16pz", Side::Axis, "armour", (1, 0))
            .sudden_death(SuddenDeathSpec {
                label: "the beachhead is split".into(),
                winner: Side::Axis,
                level: VictoryLevel::Decisive,
                hexes: vec![OffsetCoord(1, 0)],
                from_turn: 2,
            })
            .build();
        let mut state = t.state.clone();
        assert!(
            sudden_death(&t.scenario, &state).is_none(),
            "not before turn 2"
        );
        state.turn = 2;
        let o = sudden_death(&t.scenario, &state).unwrap();
        assert_eq!(o.reason, "the beachhead is split");
        assert_eq!(o.winner, Some(Side::Axis));
    }
}
