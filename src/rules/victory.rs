//! Control and victory.
//!
//! A place changes hands when a unit enters it (`command::take_control`).
//! At each end of turn the holder of each objective scores its `vp_per_turn`;
//! sudden-death conditions are checked (e.g. an Axis unit on the Salerno
//! beaches between the two Allied corps). After the last turn the holder of
//! each objective scores its `vp`, the Axis scores `evacuated_step_vp` per
//! evacuated step, and the Allied margin (Allied VP − Axis VP) picks the
//! victory level from the scenario's table.

use crate::command::Event;
use crate::scenario::{schema::VictoryLevel, Scenario, Side};
use crate::sim::state::{Outcome, State, Status};

/// Score the turn, check sudden death, and end the game after the last turn.
pub fn end_of_turn(scenario: &Scenario, state: &mut State, events: &mut Vec<Event>) {
    for o in &scenario.objectives {
        if o.vp_per_turn > 0 {
            let side = state.control[o.place as usize];
            state.vp[side.index()] += i64::from(o.vp_per_turn);
        }
    }
    if let Some(sd) = sudden_death(scenario, state) {
        events.push(Event::GameOver {
            winner: sd.winner,
            reason: sd.reason.clone(),
        });
        state.outcome = Some(sd);
        return;
    }
    if state.turn >= scenario.turns {
        let outcome = final_result(scenario, state, events);
        events.push(Event::GameOver {
            winner: outcome.winner,
            reason: outcome.reason.clone(),
        });
        state.outcome = Some(outcome);
    }
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

/// Final scoring after the last turn.
pub fn final_result(scenario: &Scenario, state: &mut State, events: &mut Vec<Event>) -> Outcome {
    for o in &scenario.objectives {
        let side = state.control[o.place as usize];
        state.vp[side.index()] += i64::from(o.vp);
        if o.vp > 0 {
            let name = &scenario.map.places[o.place as usize].name;
            events.push(Event::Scored {
                side,
                vp: i64::from(o.vp),
                reason: format!("holds {name}"),
            });
        }
    }
    let evac = i64::from(state.evacuated_steps) * i64::from(scenario.victory.evacuated_step_vp);
    if evac > 0 {
        state.vp[Side::Axis.index()] += evac;
        events.push(Event::Scored {
            side: Side::Axis,
            vp: evac,
            reason: format!("{} steps evacuated", state.evacuated_steps),
        });
    }
    let (winner, level) = level_for(scenario, margin(state));
    Outcome {
        winner,
        level,
        reason: format!(
            "last turn played: Allied {} VP, Axis {} VP",
            state.vp[0], state.vp[1]
        ),
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
    use crate::scenario::{
        builder::TestScenario,
        schema::{PlaceKind, SuddenDeathSpec},
    };

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
    fn final_scoring_counts_objectives_and_evacuated_steps() {
        let t = TestScenario::new(&["ccc"])
            .place("palermo", PlaceKind::Port, (0, 0))
            .place("messina", PlaceKind::Port, (2, 0))
            .objective("palermo", 10, 0, Side::Axis)
            .objective("messina", 15, 1, Side::Axis)
            .turns(1)
            .build();
        let mut state = t.state.clone();
        state.control[0] = Side::Allied; // Palermo taken
        state.evacuated_steps = 7;
        let mut events = Vec::new();
        end_of_turn(&t.scenario, &mut state, &mut events);
        // Allied 10; Axis 1 (Messina per turn) + 15 (Messina) + 7 (evacuated).
        assert_eq!(state.vp, [10, 23]);
        let o = state.outcome.unwrap();
        assert_eq!(
            (o.winner, o.level),
            (Some(Side::Axis), VictoryLevel::Marginal)
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
