//! Scenario events, applied: [`fire_due`] fires every event whose trigger
//! holds (`rules::events::due`, file order) and applies its effects in the
//! order written. The phase runner calls it as each phase begins (game
//! start included), so events are part of the one command path: replays
//! re-fire them at the same moment and their lasting effects
//! (`State::events`) are in the state hash.

use super::Event;
use crate::rules::events;
use crate::scenario::{EventEffect, Scenario};
use crate::sim::state::{State, Status};

/// Fire the events that are due, in file order.
pub fn fire_due(scenario: &Scenario, state: &mut State, out: &mut Vec<Event>) {
    for i in events::due(scenario, state) {
        if let Some(f) = state.events.fired.get_mut(i) {
            *f = true;
        }
        let e = &scenario.events[i];
        out.push(Event::EventFired {
            event: i as u16,
            id: e.id.clone(),
        });
        for effect in &e.then {
            apply(scenario, state, &e.id, effect, out);
        }
    }
}

fn apply(
    scenario: &Scenario,
    state: &mut State,
    id: &str,
    effect: &EventEffect,
    out: &mut Vec<Event>,
) {
    match effect {
        EventEffect::Message(text) => out.push(Event::Message { text: text.clone() }),
        EventEffect::Vp { side, vp } => {
            state.vp[side.index()] += vp;
            out.push(Event::Scored {
                side: *side,
                vp: *vp,
                reason: format!("event `{id}`"),
            });
        }
        EventEffect::Ratings {
            nation,
            attack_percent,
            defence_percent,
        } => {
            state
                .events
                .ratings
                .insert(nation.clone(), (*attack_percent, *defence_percent));
            out.push(Event::RatingsChanged {
                nation: nation.clone(),
                attack_percent: *attack_percent,
                defence_percent: *defence_percent,
            });
        }
        // Nothing to change: the arrivals phase asks `rules::events::held_back`.
        EventEffect::Arrive(_) => {}
        EventEffect::Withdraw(units) => {
            for &u in units {
                let unit = &mut state.units[u as usize];
                if matches!(unit.status, Status::OnMap | Status::Pending) {
                    unit.status = Status::Withdrawn;
                    unit.at = None;
                    out.push(Event::Withdrawn { unit: u });
                }
            }
            state.sync_index(scenario);
        }
        EventEffect::Demolish(sides) => {
            for &(from, to) in sides {
                super::works::blown(state, from, to, None, out);
            }
        }
        EventEffect::Window { rule, open } => {
            if *open {
                state.events.closed.remove(rule);
            } else {
                state.events.closed.insert(*rule);
            }
            out.push(Event::WindowChanged {
                rule: *rule,
                open: *open,
            });
        }
    }
}

#[cfg(test)]
#[path = "events_tests.rs"]
mod tests;
