//! Ending a phase: step through the scenario's phase list, running the
//! automatic phases (arrivals, supply, end of turn) until a phase that needs a
//! player's decisions begins, or the game ends.

use super::Event;
use crate::rules::{evacuation, reinforcements, supply, victory, GameView};
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
        events.push(Event::PhaseBegan { turn: state.turn, phase });
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
fn begin_phase(scenario: &Scenario, state: &mut State, phase: PhaseSpec, events: &mut Vec<Event>) -> bool {
    match phase {
        PhaseSpec::Arrivals(side) => {
            reinforcements::arrive(scenario, state, side, events);
            false
        }
        PhaseSpec::Supply(side) => {
            supply::supply_phase(scenario, state, side, events);
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
            let view = GameView::new(scenario, state);
            // Skip a combat phase in which no attack is possible at all.
            crate::rules::combat::any_attack_possible(&view, side)
        }
        PhaseSpec::Evacuation(side) => {
            let view = GameView::new(scenario, state);
            evacuation::any_eligible(&view, side)
        }
        PhaseSpec::EndTurn => {
            victory::end_of_turn(scenario, state, events);
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
        state.support[side.index()] = crate::rules::support::points_on_turn(scenario, side, state.turn);
    }
    state.evacuated_this_turn = 0;
    state.beach_used.iter_mut().for_each(|b| *b = 0);
}
