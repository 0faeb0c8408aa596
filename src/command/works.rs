//! Engineer works and landing craft applied: a crossing blown
//! (`Command::Demolish`, or a scenario event), a phase of repair work
//! (`Command::Repair`), a unit going aboard landing craft
//! (`Command::Embark`). Who may do what is `rules::demolition` and
//! `rules::amphibious`; the landing itself is the arrivals phase's
//! (`arrivals.rs` → `landing::land`, the one landing path).

use super::Event;
use crate::hex::OffsetCoord;
use crate::rules::demolition::key;
use crate::scenario::{Scenario, UnitId};
use crate::sim::state::{State, Status};

/// Mark the crossing `from`–`to` blown (nothing if it already is).
pub fn blown(
    state: &mut State,
    from: OffsetCoord,
    to: OffsetCoord,
    unit: Option<UnitId>,
    out: &mut Vec<Event>,
) {
    let k = key(from.to_hex(), to.to_hex());
    if let std::collections::btree_map::Entry::Vacant(e) = state.works.blown.entry(k) {
        e.insert(0);
        out.push(Event::Blown {
            from: k.0,
            to: k.1,
            unit,
        });
    }
}

/// `unit` blows the crossing: it spends `blow_mp` and may move on.
pub fn blow(
    scenario: &Scenario,
    state: &mut State,
    unit: UnitId,
    from: OffsetCoord,
    to: OffsetCoord,
) -> Vec<Event> {
    let mut out = Vec::new();
    let cost = scenario.rules.demolitions.blow_mp;
    let u = &mut state.units[unit as usize];
    u.mp_left = u.mp_left.saturating_sub(cost);
    u.moved = true;
    blown(state, from, to, Some(unit), &mut out);
    out
}

/// `unit` spends the phase on the blown crossing; the crossing is whole
/// again after `repair_turns` phases of work.
pub fn repair(
    scenario: &Scenario,
    state: &mut State,
    unit: UnitId,
    from: OffsetCoord,
    to: OffsetCoord,
) -> Vec<Event> {
    let k = key(from.to_hex(), to.to_hex());
    let needed = scenario.rules.demolitions.repair_turns.max(1);
    let u = &mut state.units[unit as usize];
    u.mp_left = 0;
    u.moved = true;
    let Some(done) = state.works.blown.get_mut(&k) else {
        return Vec::new();
    };
    *done += 1;
    let done = *done;
    if done >= needed {
        state.works.blown.remove(&k);
    }
    vec![Event::RepairWork {
        from: k.0,
        to: k.1,
        unit,
        done,
        needed,
    }]
}

/// `unit` goes aboard landing craft: it leaves the map and lands over
/// `beach` in its side's next arrivals phase.
pub fn embark(scenario: &Scenario, state: &mut State, unit: UnitId, beach: u16) -> Vec<Event> {
    let lands = state.turn + 1;
    let u = &mut state.units[unit as usize];
    u.status = Status::Pending;
    u.at = None;
    u.mp_left = 0;
    u.moved = true;
    state.works.sailing.insert(unit, (beach, lands));
    state.sync_index(scenario);
    vec![Event::Embarked { unit, beach, lands }]
}
