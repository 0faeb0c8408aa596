//! Reinforcements and scheduled arrivals.
//!
//! In its arrivals phase each side brings on the units scheduled for this turn
//! (or delayed to it), in unit-id order. A unit enters at its scheduled entry
//! point, or at the first alternative that is open: an entry hex is closed if
//! the enemy holds it, if it lies in enemy ZOC, or if stacking leaves no room.
//! Beaches (`amphibious.rs`) also have a per-turn capacity in steps; drop
//! zones (`airborne.rs`) scatter. A unit with no open entry is delayed to the
//! next turn; so is a unit whose beach assault was thrown back (it does not
//! try its other entries that turn). A unit destroyed while landing is not.

use super::amphibious::{self, Landing};
use super::entering::{can_enter, How};
use super::{airborne, stacking, GameView};
use crate::command::Event;
use crate::hex::{Hex, OffsetCoord};
use crate::scenario::{Entry, Scenario, Side, UnitId};
use crate::sim::state::{State, Status};

/// Bring on every unit of `side` due this turn.
pub fn arrive(scenario: &Scenario, state: &mut State, side: Side, events: &mut Vec<Event>) {
    let due: Vec<UnitId> = state
        .units
        .iter()
        .filter(|u| {
            let def = &scenario.units[u.id as usize];
            u.status == Status::Pending
                && def.side == side
                && def
                    .arrival
                    .as_ref()
                    .is_some_and(|a| a.turn.max(u.delayed_to) <= state.turn)
        })
        .map(|u| u.id)
        .collect();
    for unit in due {
        let Some(arrival) = scenario.units[unit as usize].arrival.clone() else {
            continue;
        };
        let mut outcome = Landing::Blocked;
        for entry in &arrival.entries {
            outcome = match *entry {
                Entry::Beach(b) => amphibious::land(scenario, state, unit, b, events),
                Entry::Drop(z) => airborne::drop(scenario, state, unit, z, &arrival, events),
                Entry::Port(p) => {
                    let hex = scenario.map.places[p as usize].hex.to_hex();
                    placed(
                        state.control[p as usize] == side
                            && enter(scenario, state, unit, &[hex], events),
                    )
                }
                Entry::Edge(e) => {
                    let hexes: Vec<Hex> = scenario.map.edges[e as usize]
                        .hexes
                        .iter()
                        .map(|h| h.to_hex())
                        .collect();
                    placed(enter(scenario, state, unit, &hexes, events))
                }
                Entry::Hex(h) => placed(enter(scenario, state, unit, &[h], events)),
            };
            if outcome != Landing::Blocked {
                break;
            }
        }
        if outcome != Landing::Landed && state.units[unit as usize].status == Status::Pending {
            let until = state.turn + 1;
            state.units[unit as usize].delayed_to = until;
            let reason = if outcome == Landing::Repulsed {
                "the assault on the beach was thrown back"
            } else {
                "every entry point is blocked"
            };
            events.push(Event::Delayed {
                unit,
                until,
                reason: reason.into(),
            });
        }
    }
}

fn placed(ok: bool) -> Landing {
    if ok {
        Landing::Landed
    } else {
        Landing::Blocked
    }
}

/// Is `hex` open for `unit` to come onto the map there (`how`: an arrival or
/// a landing): a hex it may enter (`entering.rs`: land its movement class can
/// enter, not enemy-held), not in enemy ZOC, with stacking room?
#[must_use]
pub fn entry_open(view: &GameView, unit: UnitId, hex: Hex, how: How) -> bool {
    let side = view.def(unit).side;
    can_enter(view, unit, hex, hex, how).is_ok()
        && !view.in_zoc_of(side.enemy(), hex)
        && stacking::check_entry(view, unit, hex).is_ok()
}

/// Place `unit` on the first open hex of `hexes`; false if none is open.
pub fn enter(
    scenario: &Scenario,
    state: &mut State,
    unit: UnitId,
    hexes: &[Hex],
    events: &mut Vec<Event>,
) -> bool {
    let open = {
        state.sync_index(scenario);
        let view = GameView::new(scenario, state);
        hexes
            .iter()
            .copied()
            .find(|&h| entry_open(&view, unit, h, How::Arrival))
    };
    let Some(hex) = open else { return false };
    place(scenario, state, unit, hex);
    events.push(Event::Arrived {
        unit,
        at: OffsetCoord::from_hex(hex),
    });
    true
}

/// Put a pending unit on the map at `hex` with full movement.
pub fn place(scenario: &Scenario, state: &mut State, unit: UnitId, hex: Hex) {
    let def = &scenario.units[unit as usize];
    let turn = state.turn;
    let u = &mut state.units[unit as usize];
    u.status = Status::OnMap;
    u.at = Some(OffsetCoord::from_hex(hex));
    u.mp_left = def.movement;
    u.moved = false;
    u.entered_turn = turn;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::Command;
    use crate::scenario::{builder::TestScenario, PhaseSpec};
    use crate::sim::Game;

    fn road_west(entries: Vec<Entry>) -> (Game, UnitId, UnitId) {
        let t = TestScenario::new(&["cccccccc"])
            .edge("west", &[(0, 0)])
            .unit("de", Side::Axis, "infantry", (0, 0))
            .unit("us", Side::Allied, "infantry", (7, 0))
            .arriving(1, entries)
            .phases(vec![
                PhaseSpec::Arrivals(Side::Allied),
                PhaseSpec::Movement(Side::Allied),
                PhaseSpec::Movement(Side::Axis),
                PhaseSpec::EndTurn,
            ])
            .build();
        let us = t.scenario.unit_id("us").unwrap();
        let de = t.scenario.unit_id("de").unwrap();
        (Game::new(t.scenario, 7), us, de)
    }

    #[test]
    fn a_reinforcement_whose_entry_hex_is_occupied_arrives_a_turn_later() {
        let (mut g, us, de) = road_west(vec![Entry::Edge(0)]);
        assert_eq!(g.state().unit(us).status, Status::Pending);
        assert_eq!(g.state().unit(us).delayed_to, 2);
        g.execute(Command::EndPhase).unwrap();
        // The Axis regiment clears the road: 4 clear hexes for 8 MP.
        let path = (1..=4).map(|c| OffsetCoord(c, 0)).collect();
        g.execute(Command::Move { unit: de, path }).unwrap();
        let events = g.execute(Command::EndPhase).unwrap();
        assert_eq!(g.state().turn, 2);
        assert!(events.contains(&Event::Arrived {
            unit: us,
            at: OffsetCoord(0, 0)
        }));
        assert_eq!(g.state().unit(us).status, Status::OnMap);
        assert_eq!(g.state().unit(us).entered_turn, 2);
    }

    #[test]
    fn a_reinforcement_whose_entry_is_occupied_uses_its_listed_alternative_entry() {
        let alt = OffsetCoord(5, 0).to_hex();
        let (g, us, _) = road_west(vec![Entry::Edge(0), Entry::Hex(alt)]);
        assert_eq!(g.state().unit(us).status, Status::OnMap);
        assert_eq!(g.state().unit(us).at, Some(OffsetCoord(5, 0)));
        assert_eq!(g.state().unit(us).delayed_to, 0);
    }

    #[test]
    fn an_entry_in_enemy_zoc_is_closed() {
        let (g, _, _) = road_west(vec![]);
        let view = g.view();
        let us = view.scenario.unit_id("us").unwrap();
        assert!(!entry_open(
            &view,
            us,
            OffsetCoord(0, 0).to_hex(),
            How::Arrival
        ));
        assert!(!entry_open(
            &view,
            us,
            OffsetCoord(1, 0).to_hex(),
            How::Arrival
        ));
        assert!(entry_open(
            &view,
            us,
            OffsetCoord(2, 0).to_hex(),
            How::Arrival
        ));
    }
}
