//! Scenario events, the pure part: which events are due to fire, and the
//! lasting effects other rules ask about (a nation's rating percentages, an
//! arrival held back until its event, an open or closed rule window).
//!
//! An event fires **once**, at the start of the first phase in which its
//! trigger holds, events in file order (`command::events::fire_due`
//! applies them; the phase runner calls it as each phase begins, game start
//! included). Triggers, all read from the state:
//! - `Turn(n)`: the turn is `n` or later;
//! - `Taken(place, by)`: `by` holds the place and it has changed hands
//!   during the game (so a place `by` held from the start does not count);
//! - `Eliminated(unit)`: the unit's status is eliminated;
//! - `StepsLost(side, nation, at_least)`: the steps lost by the side's
//!   units (of that nation, if given) reach `at_least` — the full strength
//!   of eliminated units, and what units on the map, evacuated or withdrawn
//!   have lost; units still to arrive count nothing. A unit a campaign
//!   leg fields at fewer steps (`UnitDef::start_steps`) counts from those.

use crate::scenario::schema::RuleWindow;
use crate::scenario::{EventEffect, EventTrigger, Scenario, Side, UnitId};
use crate::sim::state::{State, Status};

/// Steps `side`'s units (of `nation`, if given) have lost so far.
#[must_use]
pub fn steps_lost(scenario: &Scenario, state: &State, side: Side, nation: Option<&str>) -> u32 {
    state
        .units
        .iter()
        .filter(|u| {
            let def = &scenario.units[u.id as usize];
            def.side == side && nation.is_none_or(|n| def.nation == n)
        })
        .map(|u| {
            let def = &scenario.units[u.id as usize];
            let start = def.start_steps.unwrap_or(def.max_steps);
            match u.status {
                Status::Pending => 0,
                Status::Eliminated => start,
                _ => start.saturating_sub(u.steps),
            }
        })
        .sum()
}

/// Does `trigger` hold in `state`?
#[must_use]
pub fn holds(scenario: &Scenario, state: &State, trigger: &EventTrigger) -> bool {
    match trigger {
        EventTrigger::Turn(t) => state.turn >= *t,
        EventTrigger::Taken { place, by } => {
            let p = *place as usize;
            state.control[p] == *by && state.control_since[p] > 0
        }
        EventTrigger::Eliminated(u) => state.units[*u as usize].status == Status::Eliminated,
        EventTrigger::StepsLost {
            side,
            nation,
            at_least,
        } => steps_lost(scenario, state, *side, nation.as_deref()) >= *at_least,
    }
}

/// The events due to fire now: not yet fired, trigger holding; file order.
#[must_use]
pub fn due(scenario: &Scenario, state: &State) -> Vec<usize> {
    scenario
        .events
        .iter()
        .enumerate()
        .filter(|(i, e)| {
            !state.events.fired.get(*i).copied().unwrap_or(false) && holds(scenario, state, &e.when)
        })
        .map(|(i, _)| i)
        .collect()
}

/// `(attack, defence)` percentages of `nation`'s ratings (100 unless an
/// event changed them).
#[must_use]
pub fn rating_percent(state: &State, nation: &str) -> (u32, u32) {
    state
        .events
        .ratings
        .get(nation)
        .copied()
        .unwrap_or((100, 100))
}

/// A rating (attack or defence strength) after the nation's percentage;
/// never below 1 if it was at least 1.
#[must_use]
pub fn rated(strength: u32, percent: u32) -> u32 {
    if percent == 100 || strength == 0 {
        strength
    } else {
        (strength * percent / 100).max(1)
    }
}

/// Is `unit`'s arrival held back by an event that has not fired (an
/// `Arrive` effect names it)?
#[must_use]
pub fn held_back(scenario: &Scenario, state: &State, unit: UnitId) -> bool {
    scenario.events.iter().enumerate().any(|(i, e)| {
        !state.events.fired.get(i).copied().unwrap_or(false)
            && e.then
                .iter()
                .any(|x| matches!(x, EventEffect::Arrive(list) if list.contains(&unit)))
    })
}

/// Is the rule window open? (Closed only while an event has closed it, or
/// before the event that opens it.)
#[must_use]
pub fn window_open(state: &State, rule: RuleWindow) -> bool {
    !state.events.closed.contains(&rule)
}
