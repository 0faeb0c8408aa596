//! Fog of war for the human side: which side's fog the window draws, and
//! which events the log may tell that side about.
//!
//! The rules decide what a side sees (`crate::rules::fog`); this module only
//! chooses the side and filters words. [`super::session::Match`] keeps the
//! fogged state (`Match::shown`) that every view system reads, so counters,
//! tooltips, the move range and ZOC overlay, the attack preview and the
//! script's unit picks never see a hidden enemy unit. The game itself is
//! never changed.
//!
//! Event log policy: an event about one of the human side's units, a combat
//! (always next to one of its units), a change of control, a phase, VP or the
//! end of the game is always told. An event about an enemy unit is told only
//! if the unit was in sight just before or just after the command; an enemy
//! that moves or retreats out of sight is told as "moved out of sight" with no
//! destination. Everything else is counted and summarised as "· N enemy
//! events out of sight" before the next line.

use super::session::{EventLog, Match};
use super::text;
use crate::command::Event;
use crate::rules::GameView;
use crate::scenario::{Scenario, Side, UnitId};
use crate::sim::state::{State, Status};

/// The side whose fog applies: none in the replay viewer or once the game is
/// over; the human side against the computer; in hot seat the side whose
/// phase it is (the previous one during automatic phases).
#[must_use]
pub fn fog_side(m: &Match) -> Option<Side> {
    if m.track.is_some() || m.game.is_over() {
        return None;
    }
    match m.humans {
        [true, false] => Some(Side::Allied),
        [false, true] => Some(Side::Axis),
        _ => m.acting().or(m.fog()),
    }
}

/// How much of an event the fogged side may learn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Told {
    /// The whole line.
    Full,
    /// "X moved out of sight" (no destination).
    OutOfSight(UnitId),
    /// Nothing: counted as unseen.
    Hidden,
}

/// What `fog` may be told of `e`, given the shown states before and after
/// the command (`None`: no fog, everything).
#[must_use]
pub fn told(s: &Scenario, fog: Option<Side>, before: &State, after: &State, e: &Event) -> Told {
    let Some(side) = fog else {
        return Told::Full;
    };
    let on = |st: &State, u: UnitId| st.unit(u).status == Status::OnMap;
    let about = |u: UnitId| {
        if s.unit(u).side == side || on(after, u) {
            Told::Full
        } else if on(before, u) {
            Told::OutOfSight(u)
        } else {
            Told::Hidden
        }
    };
    match e {
        Event::Moved { unit, .. } | Event::Retreated { unit, .. } => about(*unit),
        Event::StepLost { unit, .. }
        | Event::Eliminated { unit }
        | Event::RetreatBlocked { unit }
        | Event::Contact { unit, .. }
        | Event::Advanced { unit, .. }
        | Event::Landed { unit, .. }
        | Event::Dropped { unit, .. }
        | Event::Arrived { unit, .. }
        | Event::Delayed { unit, .. }
        | Event::SupplyChanged { unit, .. }
        | Event::Embarked { unit, .. }
        | Event::Withdrawn { unit }
        | Event::Evacuated { unit, .. } => match about(*unit) {
            // Seen before the command (e.g. eliminated, evacuated): told.
            Told::OutOfSight(_) => Told::Full,
            t => t,
        },
        Event::Combat { .. }
        | Event::ControlChanged { .. }
        | Event::PhaseBegan { .. }
        | Event::Scored { .. }
        | Event::EventFired { .. }
        | Event::Message { .. }
        | Event::RatingsChanged { .. }
        | Event::WindowChanged { .. }
        | Event::GameOver { .. }
        | Event::Blown { .. }
        | Event::RepairWork { .. }
        | Event::Undone => Told::Full,
    }
}

/// Log the events of one command as the fogged side may know them.
pub fn log_events(m: &Match, before: &State, events: &[Event], log: &mut EventLog) {
    let view: GameView = m.view();
    for e in events {
        match told(m.scenario(), m.fog(), before, m.shown(), e) {
            Told::Full => {
                if let Some(line) = text::event_line(&view, e) {
                    let at = match e {
                        Event::Combat { target, .. } => Some(*target),
                        _ => None,
                    };
                    log.push_at(line, at);
                }
            }
            Told::OutOfSight(u) => log.push(format!("{} moved out of sight", view.name(u))),
            Told::Hidden => log.unseen += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::Command;
    use crate::hex::OffsetCoord;
    use crate::play::PlaySide;
    use crate::scenario::builder::TestScenario;
    use crate::scenario::PhaseSpec;

    /// Hills in a row: the Allied regiment at (0,0), the Axis one at (4,0)
    /// (hills conceal at 2 hexes, so neither sees the other).
    fn game(side: PlaySide) -> Match {
        let t = TestScenario::new(&["hhhhhhhh", "cccccccc"])
            .unit("us", Side::Allied, "infantry", (0, 0))
            .unit("de", Side::Axis, "infantry", (4, 0))
            .phases(vec![
                PhaseSpec::Movement(Side::Allied),
                PhaseSpec::Movement(Side::Axis),
                PhaseSpec::EndTurn,
            ])
            .build();
        Match::new(t.scenario, side, "normal".into(), 1)
    }

    #[test]
    fn the_allied_player_does_not_see_the_hidden_axis_unit() {
        let m = game(PlaySide::Allied);
        let de = m.scenario().unit_id("de").unwrap();
        assert_eq!(m.fog(), Some(Side::Allied));
        assert_eq!(m.view().units_at(OffsetCoord(4, 0).to_hex()), &[] as &[u16]);
        assert_eq!(m.shown().unit(de).status, Status::Pending);
        // The real game still has it.
        assert_eq!(m.game.state().unit(de).at, Some(OffsetCoord(4, 0)));
        assert_ne!(m.shown().hash(), m.game.state().hash());
    }

    #[test]
    fn hot_seat_shows_the_side_whose_phase_it_is() {
        let mut m = game(PlaySide::Both);
        let us = m.scenario().unit_id("us").unwrap();
        assert_eq!(m.fog(), Some(Side::Allied));
        m.game.execute(Command::EndPhase).unwrap();
        m.refresh();
        assert_eq!(m.fog(), Some(Side::Axis));
        assert_eq!(m.shown().unit(us).status, Status::Pending);
    }

    #[test]
    fn unseen_enemy_moves_are_counted_and_moves_into_sight_are_told() {
        let mut m = game(PlaySide::Allied);
        let de = m.scenario().unit_id("de").unwrap();
        m.game.execute(Command::EndPhase).unwrap();
        m.refresh();
        let mut log = EventLog::default();
        // Axis moves 4,0 -> 4,1 (clear, 2 MP): 4 hexes away, unseen before
        // and after.
        let before = m.shown().clone();
        let ev = m
            .game
            .execute(Command::Move {
                unit: de,
                path: vec![OffsetCoord(4, 1)],
            })
            .unwrap();
        m.refresh();
        log_events(&m, &before, &ev, &mut log);
        assert_eq!(log.lines, Vec::<String>::new());
        assert_eq!(log.unseen, 1);
        // Then to (2,1), 2 hexes from the Allied regiment: in sight.
        let before = m.shown().clone();
        let ev = m
            .game
            .execute(Command::Move {
                unit: de,
                path: vec![OffsetCoord(3, 1), OffsetCoord(2, 1)],
            })
            .unwrap();
        m.refresh();
        log_events(&m, &before, &ev, &mut log);
        assert_eq!(
            log.lines,
            vec![
                "· 1 enemy event out of sight".to_string(),
                "de moved to (2,1) (2 MP left)".to_string()
            ]
        );
        assert_eq!(log.unseen, 0);
        assert_eq!(m.shown().unit(de).at, Some(OffsetCoord(2, 1)));
    }

    #[test]
    fn an_enemy_leaving_sight_is_told_without_its_destination() {
        let m = game(PlaySide::Allied);
        let de = m.scenario().unit_id("de").unwrap();
        let mut seen = m.game.state().clone();
        let hidden = m.shown().clone();
        seen.units[de as usize].status = Status::OnMap;
        let e = Event::Moved {
            unit: de,
            path: vec![OffsetCoord(5, 0)],
            mp_left: 0,
        };
        assert_eq!(
            told(m.scenario(), m.fog(), &seen, &hidden, &e),
            Told::OutOfSight(de)
        );
        assert_eq!(told(m.scenario(), None, &hidden, &hidden, &e), Told::Full);
        assert_eq!(
            told(m.scenario(), m.fog(), &hidden, &hidden, &e),
            Told::Hidden
        );
    }
}
