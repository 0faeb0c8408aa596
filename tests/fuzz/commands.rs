//! The command fuzz target: bytes become random commands — unit ids in and
//! out of range, paths on and off the map (huge coordinates, huge lengths),
//! attacker lists with duplicates and enemies, support up to `u32::MAX`,
//! undo — executed at random points of a shipped scenario's golden game.
//! Every command must either be accepted with the logged hash equal to the
//! state's, or be rejected with a reason and leave the hash, the state and
//! the log exactly as they were.

use landfall::command::{acting_side, Command};
use landfall::hex::OffsetCoord;
use landfall::rules::combat::Support;
use landfall::rules::movement;
use landfall::scenario::{Scenario, UnitId};
use landfall::sim::Game;
use std::sync::Arc;

/// Reads the input as a stream of numbers; zeros once it is used up.
pub struct Bytes<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Bytes<'a> {
    /// A reader over `data`.
    #[must_use]
    pub fn new(data: &'a [u8]) -> Self {
        Self { data, at: 0 }
    }
    /// Is the input used up?
    #[must_use]
    pub fn done(&self) -> bool {
        self.at >= self.data.len()
    }
    /// The next byte (0 when used up).
    pub fn u8(&mut self) -> u8 {
        let b = self.data.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }
    /// The next two bytes as a number.
    pub fn u16(&mut self) -> u16 {
        u16::from(self.u8()) << 8 | u16::from(self.u8())
    }
    /// The next four bytes as a number.
    pub fn u32(&mut self) -> u32 {
        u32::from(self.u16()) << 16 | u32::from(self.u16())
    }
}

/// Execute `command` and check the contract of `execute`; returns whether it
/// was accepted.
pub fn checked(g: &mut Game, command: Command) -> bool {
    let (hash, state, log) = (g.hash(), g.state().clone(), g.log().len());
    match g.execute(command.clone()) {
        Ok(_) => {
            assert_eq!(
                g.log().len(),
                log + 1,
                "accepted {command:?} was not logged"
            );
            assert_eq!(g.hash(), g.state().hash(), "logged hash after {command:?}");
            true
        }
        Err(r) => {
            assert!(
                !r.reason.is_empty(),
                "rejection without a reason: {command:?}"
            );
            assert_eq!(
                g.hash(),
                hash,
                "rejected {command:?} ({r}) changed the hash"
            );
            assert!(
                *g.state() == state,
                "rejected {command:?} ({r}) changed the state"
            );
            assert_eq!(g.log().len(), log, "rejected {command:?} was logged");
            false
        }
    }
}

/// Play `golden` on a new game, inserting random commands read from `input`;
/// returns how many inserted commands were accepted.
pub fn drive(scenario: Arc<Scenario>, golden: &[Command], input: &[u8]) -> usize {
    let mut accepted = 0;
    let mut b = Bytes::new(input);
    let mut g = Game::new(scenario, u64::from(b.u16()));
    let skip = b.u16() as usize % (golden.len() + 1);
    for (i, c) in golden.iter().enumerate() {
        if i >= skip {
            if b.done() {
                break;
            }
            let extra = b.u8();
            if extra < 48 {
                for _ in 0..=extra % 4 {
                    let c = random_command(&g, &mut b);
                    if c == Command::EndPhase && b.u8().is_multiple_of(4) {
                        let (hash, log) = (g.hash(), g.log().len());
                        if g.undo().is_err() {
                            assert_eq!(
                                (g.hash(), g.log().len()),
                                (hash, log),
                                "refused undo changed the game"
                            );
                        }
                    } else if checked(&mut g, c) {
                        accepted += 1;
                    }
                }
            }
        }
        // The golden command may now be illegal: that must be rejected cleanly.
        checked(&mut g, c.clone());
    }
    accepted
}

/// A coordinate: on the map, just off it, or extreme.
fn coord(s: &Scenario, b: &mut Bytes) -> OffsetCoord {
    let (w, h) = (s.map.grid.width as i32, s.map.grid.height as i32);
    let pick = |b: &mut Bytes, n: i32| -> i32 {
        match b.u8() % 8 {
            0 => -1,
            1 => n,
            2 => [
                i32::MIN,
                i32::MAX,
                i32::MIN / 2,
                1 << 30,
                -(1 << 30),
                65_536,
            ][b.u8() as usize % 6],
            _ => i32::from(b.u16()) % n.max(1),
        }
    };
    OffsetCoord(pick(b, w), pick(b, h))
}

/// A unit id: a real one, just past the last, or far out of range.
fn unit_id(g: &Game, b: &mut Bytes) -> UnitId {
    let n = g.state().units.len() as u32;
    match b.u8() % 8 {
        0 => (n.min(u32::from(UnitId::MAX))) as UnitId,
        1 => UnitId::MAX,
        2 => b.u16(),
        _ => (u32::from(b.u16()) % n.max(1)) as UnitId,
    }
}

/// A unit of the side to act (or any unit if no side acts).
fn own_unit(g: &Game, b: &mut Bytes) -> UnitId {
    let view = g.view();
    let own: Vec<UnitId> = acting_side(g.phase())
        .map(|s| view.side_units(s).map(|u| u.id).collect())
        .unwrap_or_default();
    if own.is_empty() {
        unit_id(g, b)
    } else {
        own[b.u16() as usize % own.len()]
    }
}

/// A walk of adjacent hexes from the unit's position (often legal).
fn walk(g: &Game, unit: UnitId, b: &mut Bytes) -> Vec<OffsetCoord> {
    let Some(mut at) = g.state().units.get(unit as usize).and_then(|u| u.at) else {
        return vec![coord(g.scenario(), b)];
    };
    let mut path = Vec::new();
    for _ in 0..1 + b.u8() % 10 {
        let n = at.to_hex().all_neighbors();
        at = OffsetCoord::from_hex(n[b.u8() as usize % 6]);
        path.push(at);
    }
    path
}

fn support_points(b: &mut Bytes) -> u32 {
    match b.u8() % 6 {
        0 => u32::MAX,
        1 => u32::MAX - 1,
        2 => b.u32(),
        _ => u32::from(b.u8() % 4),
    }
}

/// One random command read from `b`.
pub fn random_command(g: &Game, b: &mut Bytes) -> Command {
    let s = Arc::clone(g.scenario());
    match b.u8() % 14 {
        0..=2 => {
            let unit = own_unit(g, b);
            Command::Move {
                unit,
                path: walk(g, unit, b),
            }
        }
        3 => {
            let unit = unit_id(g, b);
            let len = b.u8() as usize % 24;
            Command::Move {
                unit,
                path: (0..len).map(|_| coord(&s, b)).collect(),
            }
        }
        4 => {
            // A huge path: time and memory must stay bounded.
            let unit = own_unit(g, b);
            let mut path = walk(g, unit, b);
            let len = 1000 + b.u16() as usize * 3;
            let last = path.last().copied().unwrap_or(OffsetCoord(0, 0));
            path.extend(std::iter::repeat_n(last, len));
            Command::Move { unit, path }
        }
        5..=8 => {
            let first = own_unit(g, b);
            let mut attackers = vec![first];
            for _ in 0..b.u8() % 5 {
                attackers.push(match b.u8() % 4 {
                    0 => unit_id(g, b),
                    1 => first,
                    _ => own_unit(g, b),
                });
            }
            let target = match g.state().units.get(first as usize).and_then(|u| u.at) {
                Some(at) if !b.u8().is_multiple_of(4) => {
                    OffsetCoord::from_hex(at.to_hex().all_neighbors()[b.u8() as usize % 6])
                }
                _ => coord(&s, b),
            };
            let artillery = (0..b.u8() % 3)
                .map(|_| {
                    if b.u8().is_multiple_of(2) {
                        own_unit(g, b)
                    } else {
                        unit_id(g, b)
                    }
                })
                .collect();
            let support = Support {
                naval: support_points(b),
                air: support_points(b),
                artillery,
            };
            Command::Attack {
                attackers,
                target,
                support,
                advance: b.u8().is_multiple_of(2),
            }
        }
        9 => Command::Evacuate {
            unit: if b.u8().is_multiple_of(2) {
                own_unit(g, b)
            } else {
                unit_id(g, b)
            },
        },
        10 | 11 => {
            // A legal move if there is one: keeps the game moving into new states.
            let unit = own_unit(g, b);
            if (unit as usize) < g.state().units.len() {
                let view = g.view();
                let reach = movement::reachable(&view, unit);
                let dests = reach.destinations();
                if let Some(path) = dests
                    .get(b.u16() as usize % dests.len().max(1))
                    .and_then(|d| reach.path_to(d.0))
                {
                    return Command::Move {
                        unit,
                        path: path.into_iter().map(OffsetCoord::from_hex).collect(),
                    };
                }
            }
            Command::EndPhase
        }
        _ => Command::EndPhase,
    }
}
