//! The end of turn applied: score the turn, check sudden death, and end the
//! game after the last turn (`rules::victory` computes each).

use super::Event;
use crate::rules::victory;
use crate::scenario::Scenario;
use crate::sim::state::State;

/// Score the turn, check sudden death, and end the game after the last turn.
pub fn end_of_turn(scenario: &Scenario, state: &mut State, events: &mut Vec<Event>) {
    let points = victory::turn_points(scenario, state);
    for (vp, add) in state.vp.iter_mut().zip(points) {
        *vp += add;
    }
    if let Some(sd) = victory::sudden_death(scenario, state) {
        events.push(Event::GameOver {
            winner: sd.winner,
            reason: sd.reason.clone(),
        });
        state.outcome = Some(sd);
        return;
    }
    if state.turn >= scenario.turns {
        for award in victory::final_awards(scenario, state) {
            state.vp[award.side.index()] += award.vp;
            events.push(Event::Scored {
                side: award.side,
                vp: award.vp,
                reason: award.reason,
            });
        }
        let outcome = victory::final_outcome(scenario, state.vp);
        events.push(Event::GameOver {
            winner: outcome.winner,
            reason: outcome.reason.clone(),
        });
        state.outcome = Some(outcome);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{builder::TestScenario, schema::PlaceKind, schema::VictoryLevel, Side};

    #[test]
    fn final_scoring_counts_objectives_and_evacuated_steps() {
        let t = TestScenario::new(&["ccc"])
            .place("palermo", PlaceKind::Port, (0, 0))
            .place("messina", PlaceKind::Port, (2, 0))
            .objective("palermo", 10, 0, Side::Axis)
            .objective("messina", 15, 1, Side::Axis)
            .unit("a", Side::Axis, "infantry", (2, 0))
            .unit("b", Side::Axis, "infantry", (2, 0))
            .turns(1)
            .build();
        let mut state = t.state.clone();
        state.control[0] = Side::Allied; // Palermo taken
        for u in state.units.iter_mut() {
            u.status = crate::sim::state::Status::Evacuated;
        }
        let mut events = Vec::new();
        end_of_turn(&t.scenario, &mut state, &mut events);
        // Allied 10; Axis 1 (Messina per turn) + 15 (Messina) + 6 (two
        // evacuated units of 3 steps at the builder's 1 VP a step).
        assert_eq!(state.vp, [10, 22]);
        let o = state.outcome.unwrap();
        assert_eq!(
            (o.winner, o.level),
            (Some(Side::Axis), VictoryLevel::Marginal)
        );
    }
}
