//! Player against player: play a scenario to the end (or for some turns)
//! and sum up what happened — the engine of `landfall simulate`, `landfall
//! balance` and `landfall arena`. A [`Player`] is anything that proposes the
//! next command for the side acting now: the AI at any difficulty level, or
//! a scripted adversary policy (`crate::arena::adversary`). Each run owns its
//! game and its RNG (seeded from the run's seed), so runs in parallel never
//! share random state.

use super::{Ai, AiParams, PhaseReport};
use crate::command::{Command, Event};
use crate::scenario::{Scenario, Side};
use crate::sim::state::Status;
use crate::sim::Game;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// An objective changing hands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capture {
    /// Place id.
    pub place: String,
    /// The side that took it.
    pub side: Side,
    /// Turn it happened.
    pub turn: u32,
    /// Date of that turn, `YYYY-MM-DD`.
    pub date: String,
}

/// Per-side figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerSide<T> {
    /// The Allies.
    pub allied: T,
    /// The Axis.
    pub axis: T,
}

/// The result of one simulated game (the JSON of `landfall simulate`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Scenario id.
    pub scenario: String,
    /// Seed.
    pub seed: u64,
    /// Turns played to the end (or to the `--turns` limit).
    pub turns_played: u32,
    /// Did the game reach its end?
    pub finished: bool,
    /// Winner (`None`: a draw, or unfinished).
    pub winner: Option<Side>,
    /// "Decisive", "Marginal", "Draw" (`None` if unfinished).
    pub victory_level: Option<String>,
    /// Why the game ended.
    pub reason: Option<String>,
    /// Victory points.
    pub vp: PerSide<i64>,
    /// State hash at the end.
    pub state_hash: String,
    /// Objectives changing hands, in order.
    pub captures: Vec<Capture>,
    /// Axis steps evacuated.
    pub evacuated_steps: u32,
    /// Units on the map at the end.
    pub units_remaining: PerSide<u32>,
    /// Commands executed.
    pub commands: usize,
    /// Commands the AI proposed that the rules refuse on what its side sees
    /// (counted before the AI checks them on the real game and drops them),
    /// plus any refused when executed. The AI should never propose any.
    pub rejected_commands: usize,
    /// Commands the players dropped because the real game refused what
    /// their side's view allowed (both sides together; see `ai` module
    /// doc). Never a rejected command.
    #[serde(default)]
    pub fog_surprises: usize,
}

/// One side's player: proposes commands for the side acting in the current
/// phase, from what that side may know, through the one `Game::execute`.
pub trait Player {
    /// The next command for the side acting now; ends each phase with
    /// `EndPhase`.
    fn next_command(&mut self, game: &Game) -> Command;
    /// A command it proposed was refused by the rules.
    fn refused(&mut self, command: &Command);
    /// Proposals the rules refuse on what its side sees (should stay 0).
    fn illegal_proposals(&self) -> usize {
        0
    }
    /// Proposals dropped because the real game refused what the view allowed.
    fn surprises(&self) -> usize {
        0
    }
}

impl Player for Ai {
    fn next_command(&mut self, game: &Game) -> Command {
        Ai::next_command(self, game)
    }
    fn refused(&mut self, command: &Command) {
        Ai::refused(self, command);
    }
    fn illegal_proposals(&self) -> usize {
        Ai::illegal_proposals(self)
    }
    fn surprises(&self) -> usize {
        Ai::surprises(self)
    }
}

/// Play the current phase to its end with `player` (as `ai::play_phase`
/// does for the AI).
pub fn play_phase(game: &mut Game, player: &mut dyn Player) -> PhaseReport {
    let mut report = PhaseReport::default();
    let start = (game.state().turn, game.state().phase);
    loop {
        if game.is_over() || (game.state().turn, game.state().phase) != start {
            return report;
        }
        let command = player.next_command(game);
        let end = command == Command::EndPhase;
        match game.execute(command.clone()) {
            Ok(events) => {
                report.executed += 1;
                report.events.extend(events);
            }
            Err(_) => {
                report.rejected += 1;
                player.refused(&command);
            }
        }
        if end {
            return report;
        }
    }
}

/// A finished (or stopped) simulation: the game itself and its summary.
pub struct Simulation {
    /// The game, with its full command log (for `--record`).
    pub game: Game,
    /// What happened.
    pub summary: Summary,
}

/// Play `scenario` with `seed`, both sides by an AI with `allied`/`axis`
/// parameters, to the end or until `turns` turns are complete.
#[must_use]
pub fn simulate(
    scenario: &Arc<Scenario>,
    seed: u64,
    turns: Option<u32>,
    allied: &AiParams,
    axis: &AiParams,
) -> Simulation {
    simulate_watched(scenario, seed, turns, allied, axis, &mut |_, _| {})
}

/// [`simulate`], calling `watch` with the game and the events of every
/// phase as it ends (`landfall simulate --log`).
pub fn simulate_watched(
    scenario: &Arc<Scenario>,
    seed: u64,
    turns: Option<u32>,
    allied: &AiParams,
    axis: &AiParams,
    watch: &mut dyn FnMut(&Game, &[Event]),
) -> Simulation {
    let mut ais = [Ai::new(allied.clone()), Ai::new(axis.clone())];
    let [a, b] = &mut ais;
    play(scenario, seed, turns, [a, b], watch)
}

/// Play `scenario` with `seed`, the Allies by `players[0]` and the Axis by
/// `players[1]`, to the end or until `turns` turns are complete, calling
/// `watch` with the game and the events of every phase as it ends.
pub fn play(
    scenario: &Arc<Scenario>,
    seed: u64,
    turns: Option<u32>,
    players: [&mut dyn Player; 2],
    watch: &mut dyn FnMut(&Game, &[Event]),
) -> Simulation {
    let mut game = Game::new(Arc::clone(scenario), seed);
    let mut captures = Vec::new();
    let mut rejected = 0;
    let limit = turns.unwrap_or(u32::MAX);
    // The automatic phases before the first command: turn-1 landings, drops
    // and captures, the first supply phase.
    let opening = game.opening_events().to_vec();
    watch(&game, &opening);
    note_captures(scenario, 1, &opening, &mut captures);
    // Bounded: every phase ends with EndPhase, so this many phases suffice.
    let most_phases = (scenario.turns as usize + 1) * scenario.phases.len() + 1;
    for _ in 0..most_phases {
        if game.is_over() || game.state().turn > limit {
            break;
        }
        let side = crate::command::acting_side(game.phase()).unwrap_or(Side::Allied);
        let turn = game.state().turn;
        let report = play_phase(&mut game, &mut *players[side.index()]);
        rejected += report.rejected;
        watch(&game, &report.events);
        note_captures(scenario, turn, &report.events, &mut captures);
    }
    let illegal = players[0].illegal_proposals() + players[1].illegal_proposals();
    let mut summary = summarize(&game, captures, rejected + illegal, limit);
    summary.fog_surprises = players[0].surprises() + players[1].surprises();
    Simulation { game, summary }
}

fn note_captures(s: &Scenario, mut turn: u32, events: &[Event], out: &mut Vec<Capture>) {
    for e in events {
        match e {
            Event::PhaseBegan { turn: t, .. } => turn = *t,
            Event::ControlChanged { place, side }
                if s.objectives.iter().any(|o| o.place == *place) =>
            {
                out.push(Capture {
                    place: s.map.places[*place as usize].id.clone(),
                    side: *side,
                    turn,
                    date: date_of(s, turn),
                });
            }
            _ => {}
        }
    }
}

fn summarize(game: &Game, captures: Vec<Capture>, rejected: usize, limit: u32) -> Summary {
    let s = game.scenario();
    let st = game.state();
    let on_map = |side: Side| {
        st.units
            .iter()
            .filter(|u| u.status == Status::OnMap && s.units[u.id as usize].side == side)
            .count() as u32
    };
    let outcome = st.outcome.as_ref();
    Summary {
        scenario: s.id.clone(),
        seed: game.seed(),
        turns_played: if outcome.is_some() {
            st.turn
        } else {
            st.turn.saturating_sub(1).min(limit)
        },
        finished: outcome.is_some(),
        winner: outcome.and_then(|o| o.winner),
        victory_level: outcome.map(|o| format!("{:?}", o.level)),
        reason: outcome.map(|o| o.reason.clone()),
        vp: PerSide {
            allied: st.vp[0],
            axis: st.vp[1],
        },
        state_hash: game.hash(),
        captures,
        evacuated_steps: st.evacuated_steps,
        units_remaining: PerSide {
            allied: on_map(Side::Allied),
            axis: on_map(Side::Axis),
        },
        commands: game.log().len(),
        rejected_commands: rejected,
        fog_surprises: 0,
    }
}

/// Hours from the start of turn 1 to the start of `turn`.
fn hours_before(s: &Scenario, turn: u32) -> i64 {
    i64::from(turn.saturating_sub(1)) * i64::from(s.turn_hours) + i64::from(s.start.hour)
}

/// Day of the campaign (day 1 = the start date) on which `turn` begins.
#[must_use]
pub fn day_of(s: &Scenario, turn: u32) -> u32 {
    (hours_before(s, turn) / 24) as u32 + 1
}

/// Calendar date (`YYYY-MM-DD`) on which `turn` begins.
#[must_use]
pub fn date_of(s: &Scenario, turn: u32) -> String {
    let start = s.start.days_since_epoch();
    let (y, m, d) = civil_from_days(start + hours_before(s, turn) / 24);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Inverse of [`crate::scenario::schema::days_from_civil`].
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::builder::TestScenario;

    #[test]
    fn turn_dates_follow_the_calendar() {
        // Test scenarios start 10 July 1943, 06:00, with 12-hour turns.
        let s = TestScenario::new(&["c"]).build().scenario;
        assert_eq!(date_of(&s, 1), "1943-07-10");
        assert_eq!(date_of(&s, 2), "1943-07-10");
        assert_eq!(date_of(&s, 3), "1943-07-11");
        assert_eq!(date_of(&s, 45), "1943-08-01");
        assert_eq!((day_of(&s, 1), day_of(&s, 26)), (1, 13));
    }

    #[test]
    fn a_turn_1_drop_onto_an_objective_is_logged_and_recorded_as_a_capture() {
        // Seed 42 brings the 505th down on its zone (rules/airborne_tests.rs),
        // which is the Axis objective Borgo.
        let open = ["ccccccc"; 7];
        let t = TestScenario::new(&open)
            .drop_zone("dz", (3, 3))
            .place("borgo", crate::scenario::schema::PlaceKind::Town, (3, 3))
            .objective("borgo", 5, 0, Side::Axis)
            .unit("505th", Side::Allied, "airborne", (0, 0))
            .arriving(1, vec![crate::scenario::Entry::Drop(0)])
            .with(|u| {
                if let Some(a) = u.arrival.as_mut() {
                    a.night = true;
                }
                u.max_steps = 3;
            })
            .unit("de", Side::Axis, "infantry", (6, 6))
            .build();
        let p = crate::ai::AiLevels::builtin().levels["normal"].clone();
        let mut seen = Vec::new();
        let sim = simulate_watched(&t.scenario, 42, Some(1), &p, &p, &mut |_, events| {
            seen.extend_from_slice(events);
        });
        assert!(
            seen.iter()
                .any(|e| matches!(e, Event::Dropped { scatter: 0, .. })),
            "the log starts with the turn-1 drop: {seen:?}"
        );
        let first = &sim.summary.captures[0];
        assert_eq!(
            (first.place.as_str(), first.side, first.turn),
            ("borgo", Side::Allied, 1)
        );
    }
}
