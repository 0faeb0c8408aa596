//! The opponent's turn as the player's side saw it: which of the computer's
//! commands the replay bar (`enemy_turn.rs`) may show, and how much of each.
//!
//! Fog is a rule (`crate::rules::fog`); this module only filters. A command
//! becomes a replay step when its side was told something of it by the
//! log's policy (`fog::told`, the one filter the event log uses): its own
//! units, combats, places changing hands, enemy units in sight before or
//! after. An enemy unit's path keeps only the hexes the side saw (from where
//! its units stood before or after the command), so a column coming out of
//! the fog appears at the edge of sight, and one leaving it vanishes there.
//! A command of which nothing was in sight is no step at all. Each step
//! keeps the side's fogged state after it, so stepping back and forth never
//! shows a unit the side did not see.

use super::fog::{told, Told};
use crate::command::Event;
use crate::hex::OffsetCoord;
use crate::rules::{fog, GameView};
use crate::scenario::{Scenario, Side, UnitId};
use crate::sim::state::State;

/// One command of the opponent's turn, as far as the side saw it.
#[derive(Debug, Clone)]
pub struct SightStep {
    /// What the side knew after the command (its fogged state).
    pub shown: State,
    /// The events it was told; enemy paths cut to the hexes in sight.
    pub events: Vec<Event>,
    /// The log's words for them.
    pub lines: Vec<String>,
    /// Where to look: the combat's hex, else the last hex in sight of the
    /// first move.
    pub at: Option<OffsetCoord>,
}

/// The step for one command: `before` and `after` are `side`'s fogged
/// states around it, `events` what the command caused (all of them, as the
/// engine reports them). `None` if the side saw nothing of it.
#[must_use]
pub fn sight_step(
    s: &Scenario,
    side: Side,
    before: &State,
    after: &State,
    events: &[Event],
) -> Option<SightStep> {
    let (vb, va) = (GameView::new(s, before), GameView::new(s, after));
    let best = fog::best_sight(s);
    let in_sight = |h: &OffsetCoord| {
        fog::seen_at(&vb, side, best, h.to_hex()) || fog::seen_at(&va, side, best, h.to_hex())
    };
    let ours = |u: UnitId| s.unit(u).side == side;
    let cut = |u: UnitId, path: &[OffsetCoord]| -> Vec<OffsetCoord> {
        if ours(u) {
            path.to_vec()
        } else {
            path.iter().copied().filter(in_sight).collect()
        }
    };
    let mut step = SightStep {
        shown: after.clone(),
        events: Vec::new(),
        lines: Vec::new(),
        at: None,
    };
    for e in events {
        let (e, words) = match (told(s, Some(side), before, after, e), e) {
            (Told::Hidden, _) | (_, Event::Undone | Event::PhaseBegan { .. }) => continue,
            (Told::OutOfSight(u), Event::Moved { path, .. } | Event::Retreated { path, .. }) => (
                Event::Moved {
                    unit: u,
                    path: cut(u, path),
                    mp_left: 0,
                },
                Some(format!("{} moved out of sight", va.name(u))),
            ),
            (
                _,
                Event::Moved {
                    unit,
                    path,
                    mp_left,
                },
            ) => (
                Event::Moved {
                    unit: *unit,
                    path: cut(*unit, path),
                    mp_left: *mp_left,
                },
                None,
            ),
            (_, Event::Retreated { unit, path }) => (
                Event::Retreated {
                    unit: *unit,
                    path: cut(*unit, path),
                },
                None,
            ),
            (_, e) => (e.clone(), None),
        };
        step.lines
            .extend(words.or_else(|| crate::text::event_line(&va, &e)));
        step.at = step.at.or(match &e {
            Event::Combat { target, .. } => Some(*target),
            Event::Moved { path, .. } | Event::Retreated { path, .. } => path.last().copied(),
            Event::Advanced { to, .. } => Some(*to),
            _ => None,
        });
        step.events.push(e);
    }
    (!step.events.is_empty()).then_some(step)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::Command;
    use crate::rules::fog::visible_state;
    use crate::scenario::builder::TestScenario;
    use crate::scenario::PhaseSpec;
    use crate::sim::state::Status;
    use crate::sim::Game;

    /// Hills in row 0 (the Allied regiment on (0,0) sees 4 hexes from them;
    /// a unit on hills is seen only within 2), clear in row 1.
    fn game() -> (Game, UnitId, UnitId) {
        let t = TestScenario::new(&["hhhhhhhhhh", "cccccccccc"])
            .unit("us", Side::Allied, "infantry", (0, 0))
            .unit("de", Side::Axis, "infantry", (7, 0))
            .unit("it", Side::Axis, "infantry", (7, 1))
            .phases(vec![
                PhaseSpec::Movement(Side::Allied),
                PhaseSpec::Movement(Side::Axis),
                PhaseSpec::EndTurn,
            ])
            .build();
        let mut g = Game::new(t.scenario, 1);
        g.execute(Command::EndPhase).unwrap();
        let de = g.scenario().unit_id("de").unwrap();
        let it = g.scenario().unit_id("it").unwrap();
        (g, de, it)
    }

    /// The replay list of `commands`, built as the window records it.
    fn sighted(g: &mut Game, commands: Vec<Command>) -> Vec<SightStep> {
        let side = Side::Allied;
        let mut steps = Vec::new();
        for c in commands {
            let before = visible_state(g.scenario(), g.state(), side);
            let events = g.execute(c).unwrap();
            let after = visible_state(g.scenario(), g.state(), side);
            steps.extend(sight_step(g.scenario(), side, &before, &after, &events));
        }
        steps
    }

    fn path(cols: &[i32], row: i32) -> Vec<OffsetCoord> {
        cols.iter().map(|&c| OffsetCoord(c, row)).collect()
    }

    #[test]
    fn a_move_out_of_sight_is_not_in_the_replay() {
        let (mut g, _, it) = game();
        // (7,1) -> (9,1): far from the Allied regiment, hidden throughout.
        let steps = sighted(
            &mut g,
            vec![Command::Move {
                unit: it,
                path: path(&[8, 9], 1),
            }],
        );
        assert!(steps.is_empty(), "{steps:?}");
    }

    #[test]
    fn a_column_coming_into_sight_shows_only_the_hexes_seen() {
        let (mut g, de, it) = game();
        let steps = sighted(
            &mut g,
            vec![
                // (7,1) -> (3,1): the last hexes come into sight.
                Command::Move {
                    unit: it,
                    path: path(&[6, 5, 4, 3], 1),
                },
                // The German regiment on the hills stays out of sight.
                Command::Move {
                    unit: de,
                    path: path(&[6], 0),
                },
                Command::EndPhase,
            ],
        );
        let moves: Vec<&Event> = steps
            .iter()
            .flat_map(|s| &s.events)
            .filter(|e| matches!(e, Event::Moved { .. }))
            .collect();
        assert_eq!(
            moves,
            vec![&Event::Moved {
                unit: it,
                path: path(&[3], 1),
                mp_left: 0
            }],
            "one move in the replay, cut to the hexes in sight"
        );
        assert_eq!(steps[0].at, Some(OffsetCoord(3, 1)));
        assert_eq!(steps[0].lines.len(), 1);
        // No step's state shows the hidden German regiment.
        for s in &steps {
            assert_eq!(s.shown.unit(de).status, Status::Pending, "{:?}", s.lines);
        }
    }

    #[test]
    fn an_enemy_leaving_sight_keeps_no_destination() {
        let (mut g, _, it) = game();
        g.execute(Command::Move {
            unit: it,
            path: path(&[6, 5, 4, 3], 1),
        })
        .unwrap();
        g.execute(Command::EndPhase).unwrap(); // turn 2: Allied movement
        g.execute(Command::EndPhase).unwrap(); // back to the Axis
                                               // In sight on (3,1); walk it away to (6,1).
        let steps = sighted(
            &mut g,
            vec![Command::Move {
                unit: it,
                path: path(&[4, 5, 6], 1),
            }],
        );
        assert_eq!(steps.len(), 1);
        let Event::Moved { path: seen, .. } = &steps[0].events[0] else {
            panic!("{:?}", steps[0].events);
        };
        assert!(!seen.contains(&OffsetCoord(6, 1)), "{seen:?}");
        assert!(steps[0].lines[0].ends_with("moved out of sight"));
        assert_eq!(steps[0].shown.unit(it).status, Status::Pending);
    }
}
