//! The supply phase applied: trace (`rules::supply`), mark each unit in or
//! out of supply, and apply attrition to isolated units.

use super::attack::inflict;
use super::Event;
use crate::rules::{supply, GameView};
use crate::scenario::{Scenario, Side};
use crate::sim::state::{State, Status};

/// The supply phase of `side`: trace, mark units, apply attrition.
pub fn supply_phase(scenario: &Scenario, state: &mut State, side: Side, events: &mut Vec<Event>) {
    let (supplied, traced) = {
        state.sync_index(scenario);
        let view = GameView::new(scenario, state);
        let served = supply::serve(&view, side);
        (served.supplied, served.traced)
    };
    let after = scenario.supply.attrition_after_turns;
    let mut attrition = Vec::new();
    for u in state.units.iter_mut() {
        if scenario.units[u.id as usize].side != side || u.status != Status::OnMap {
            continue;
        }
        let out = supplied.binary_search(&u.id).is_err();
        if out != u.supply.out_of_supply {
            events.push(Event::SupplyChanged {
                unit: u.id,
                out_of_supply: out,
            });
        }
        u.supply.out_of_supply = out;
        // Only an isolated unit withers: one the trace reaches but whose
        // sources ran out of capacity is on short rations (it attacks and
        // moves at the reduced rates) and loses no steps.
        let isolated = out && traced.binary_search(&u.id).is_err();
        u.supply.turns_out = if isolated { u.supply.turns_out + 1 } else { 0 };
        if isolated && after > 0 && u.supply.turns_out % after == 0 {
            attrition.push(u.id);
        }
    }
    for u in attrition {
        inflict(scenario, state, &[u], 1, "out of supply", events);
    }
}

#[cfg(test)]
#[path = "supply_tests.rs"]
mod tests;
