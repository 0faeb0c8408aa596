//! A `Move` carried out. The order was validated as its side sees the game
//! (`seen.rs`); on the real map hidden enemy units may stand in the way. The
//! unit then goes as far along its path as the rules allow — the longest
//! start of the path that `movement::check_path` accepts on the real state —
//! and stops there: it ran into the enemy (entered a zone of control it had
//! not seen, or found the next hex held), its move is over (no MP left), and
//! an [`Event::Contact`] tells its side where it stopped. Everyone's moves,
//! the computer's and replays' included, go through this one function.

use super::{take_control, Event};
use crate::hex::{Hex, OffsetCoord};
use crate::rules::{movement, GameView};
use crate::scenario::{Scenario, UnitId};
use crate::sim::state::State;

/// Move `unit` along `path` (validated), stopping on contact with the unseen.
pub fn carry_out(
    scenario: &Scenario,
    state: &mut State,
    unit: UnitId,
    path: &[OffsetCoord],
) -> Vec<Event> {
    let hexes: Vec<Hex> = path.iter().map(|c| c.to_hex()).collect();
    let (reached, check) = {
        state.sync_index(scenario);
        let view = GameView::new(scenario, state);
        match movement::check_path(&view, unit, &hexes) {
            Ok(check) => (hexes.len(), Some(check)),
            Err(_) => (0..hexes.len())
                .rev()
                .find_map(|k| {
                    movement::check_path(&view, unit, &hexes[..k])
                        .ok()
                        .filter(|_| k > 0)
                        .map(|c| (k, Some(c)))
                })
                .unwrap_or((0, None)),
        }
    };
    let mut events = Vec::new();
    let turn = state.turn;
    let contact = reached < path.len();
    if let Some(check) = check {
        let taken = &path[..reached];
        let u = &mut state.units[unit as usize];
        u.mp_left = if contact { 0 } else { check.mp_left };
        u.moved = true;
        u.entered_turn = turn;
        u.at = taken.last().copied();
        events.push(Event::Moved {
            unit,
            path: taken.to_vec(),
            mp_left: u.mp_left,
        });
        for &step in taken {
            take_control(scenario, state, step, scenario.unit(unit).side, &mut events);
        }
    }
    if contact {
        let u = &mut state.units[unit as usize];
        u.mp_left = 0;
        u.moved = true;
        let at = u.at.unwrap_or(OffsetCoord(0, 0));
        events.push(Event::Contact {
            unit,
            at,
            short_by: (path.len() - reached) as u32,
        });
    }
    events
}

#[cfg(test)]
#[path = "move_order_tests.rs"]
mod tests;
