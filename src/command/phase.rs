//! The turn sequence. Ending a phase steps through the scenario's phase
//! list, running the automatic phases until a phase that needs a player's
//! decisions begins, or the game ends.
//!
//! **The phase list is scenario data** (`phases` in `scenario.ron`, default
//! [`crate::scenario::schema::default_phases`]): any order of
//! `Arrivals(side)` (reinforcements, landings, drops — automatic),
//! `Supply(side)` (trace and attrition — automatic), `Movement(side)`,
//! `Combat(side)`, `Evacuation(side)` (player phases) and `EndTurn`
//! (victory points, turn counter — automatic). A scenario can let the Axis
//! move first, give a side two movement phases, or drop evacuation. Player
//! phases in which nothing can be done (a combat phase with no enemy adjacent,
//! an evacuation phase with nobody at the ports) are skipped. At the start of
//! each turn ([`start_turn`]) support points, crossing capacity and beach
//! use are reset.

use super::Event;
use crate::rules::{evacuation, GameView};
use crate::scenario::{PhaseSpec, Scenario};
use crate::sim::state::{State, Status};

/// End the current phase and begin the next player phase.
pub fn end_phase(scenario: &Scenario, state: &mut State) -> Vec<Event> {
    let mut events = Vec::new();
    next_phase(scenario, state, &mut events);
    run_until_player_phase(scenario, state, &mut events);
    events
}

/// Run the current phase if automatic, and keep going until a player phase.
/// Called at game start too.
pub fn run_until_player_phase(scenario: &Scenario, state: &mut State, events: &mut Vec<Event>) {
    // Bounded: at most one full turn of automatic phases per call, then the
    // turn counter moves on; a scenario of only automatic phases ends the game.
    let limit = scenario.phases.len() * (scenario.turns as usize + 2);
    for _ in 0..limit {
        if state.outcome.is_some() {
            return;
        }
        let phase = scenario.phases[state.phase as usize];
        events.push(Event::PhaseBegan {
            turn: state.turn,
            phase,
        });
        super::events::fire_due(scenario, state, events);
        if begin_phase(scenario, state, phase, events) {
            return;
        }
        next_phase(scenario, state, events);
    }
}

fn next_phase(scenario: &Scenario, state: &mut State, _events: &mut Vec<Event>) {
    state.phase += 1;
    if state.phase as usize >= scenario.phases.len() {
        state.phase = 0;
    }
}

/// Do what a phase does on entry; true if players act in it.
fn begin_phase(
    scenario: &Scenario,
    state: &mut State,
    phase: PhaseSpec,
    events: &mut Vec<Event>,
) -> bool {
    match phase {
        PhaseSpec::Arrivals(side) => {
            super::arrivals::arrive(scenario, state, side, events);
            false
        }
        PhaseSpec::Supply(side) => {
            super::supply_phase::supply_phase(scenario, state, side, events);
            false
        }
        PhaseSpec::Movement(side) => {
            for u in state.units.iter_mut() {
                let def = &scenario.units[u.id as usize];
                if def.side == side && u.status == Status::OnMap {
                    u.moved = false;
                    u.mp_left = if u.supply.out_of_supply {
                        def.movement * scenario.supply.unsupplied_move_percent / 100
                    } else {
                        def.movement
                    };
                }
            }
            true
        }
        PhaseSpec::Combat(side) => {
            for u in state.units.iter_mut() {
                if scenario.units[u.id as usize].side == side {
                    u.attacked = false;
                }
            }
            state.sync_index(scenario);
            let view = GameView::new(scenario, state);
            // Skip a combat phase in which no attack is possible at all.
            crate::rules::combat::any_attack_possible(&view, side)
        }
        PhaseSpec::Evacuation(side) => {
            state.sync_index(scenario);
            let view = GameView::new(scenario, state);
            evacuation::any_eligible(&view, side)
        }
        PhaseSpec::EndTurn => {
            super::end_of_turn::end_of_turn(scenario, state, events);
            if state.outcome.is_none() {
                state.turn += 1;
                start_turn(scenario, state);
            }
            false
        }
    }
}

/// Per-turn resets: support points, crossing capacity, beach use.
pub fn start_turn(scenario: &Scenario, state: &mut State) {
    for side in [crate::scenario::Side::Allied, crate::scenario::Side::Axis] {
        state.support[side.index()] =
            crate::rules::support::points_on_turn(scenario, side, state.turn);
    }
    state.evacuated_this_turn = 0;
    state.beach_used.iter_mut().for_each(|b| *b = 0);
    state.works.craft_used = 0;
}

#[cfg(test)]
mod tests {
    use crate::command::{Command, Event};
    use crate::hex::OffsetCoord;
    use crate::rules::RejectionKind;
    use crate::scenario::{builder::TestScenario, Entry, PhaseSpec, Side};
    use crate::sim::Game;

    #[test]
    fn a_scenario_can_let_the_axis_move_first() {
        use PhaseSpec::*;
        let phases = vec![
            Arrivals(Side::Axis),
            Movement(Side::Axis),
            Combat(Side::Axis),
            Arrivals(Side::Allied),
            Movement(Side::Allied),
            Combat(Side::Allied),
            EndTurn,
        ];
        let t = TestScenario::new(&["cccccc", "cccccc"])
            .unit("us", Side::Allied, "infantry", (0, 0))
            .unit("de", Side::Axis, "infantry", (5, 1))
            .unit("de2", Side::Axis, "infantry", (5, 0))
            .arriving(1, vec![Entry::Hex(OffsetCoord(4, 0).to_hex())])
            .phases(phases)
            .build();
        let (us, de) = (
            t.scenario.unit_id("us").unwrap(),
            t.scenario.unit_id("de").unwrap(),
        );
        let mut g = Game::new(t.scenario.clone(), 7);
        // The Axis reinforcement came on before the first (Axis) player phase.
        assert_eq!(g.phase(), Movement(Side::Axis));
        assert_eq!(
            g.state().unit(t.scenario.unit_id("de2").unwrap()).at,
            Some(OffsetCoord(4, 0))
        );
        let err = g
            .execute(Command::Move {
                unit: us,
                path: vec![OffsetCoord(1, 0)],
            })
            .unwrap_err();
        assert_eq!(
            (err.kind, err.reason.as_str()),
            (RejectionKind::WrongSide, "us belongs to the Allied")
        );
        g.execute(Command::Move {
            unit: de,
            path: vec![OffsetCoord(4, 1)],
        })
        .unwrap();
        // Nothing to attack: the Axis combat phase is skipped.
        let began = |events: Vec<Event>| -> Vec<(u32, PhaseSpec)> {
            events
                .into_iter()
                .filter_map(|e| match e {
                    Event::PhaseBegan { turn, phase } => Some((turn, phase)),
                    _ => None,
                })
                .collect()
        };
        let events = g.execute(Command::EndPhase).unwrap();
        assert_eq!(
            began(events),
            vec![
                (1, Combat(Side::Axis)),
                (1, Arrivals(Side::Allied)),
                (1, Movement(Side::Allied))
            ]
        );
        let events = g.execute(Command::EndPhase).unwrap();
        assert_eq!(
            began(events),
            vec![
                (1, Combat(Side::Allied)),
                (1, EndTurn),
                (2, Arrivals(Side::Axis)),
                (2, Movement(Side::Axis))
            ]
        );
    }
}
