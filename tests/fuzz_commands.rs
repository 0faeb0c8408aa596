//! Property test of command validation on every shipped scenario (Gela,
//! Salerno, Sicily): at random points of each golden game, random illegal
//! commands of the kinds a confused GUI, a buggy AI or a hand-edited replay
//! would send — a unit of the side not acting, a unit eliminated, evacuated
//! or not yet arrived, a command out of phase, anything after the game ended —
//! are rejected with the right kind and a reason, and leave the hash, the
//! state and the log unchanged. Random legal moves, evacuations and phase ends
//! in between move the game to new states.
//!
//! `tests/proptest_rules.rs` checks rule invariants on a hand-built map and
//! Gela; the fuzz target `tests/fuzz/` throws arbitrary commands. This file
//! checks the *reasons* on the real scenarios.

use landfall::command::{acting_side, Command};
use landfall::hex::OffsetCoord;
use landfall::replay::Replay;
use landfall::rules::{combat::Support, movement, RejectionKind};
use landfall::scenario::{PhaseSpec, Scenario, UnitId};
use landfall::sim::state::Status;
use landfall::sim::Game;
use proptest::prelude::*;
use std::path::Path;
use std::sync::{Arc, OnceLock};

const SCENARIOS: [&str; 3] = ["gela", "salerno", "sicily"];

/// A scenario and its golden replay.
type Shipped = (Arc<Scenario>, Arc<Replay>);

/// (scenario, golden replay), loaded once. Both must load.
fn shipped(i: usize) -> Shipped {
    static CACHE: OnceLock<Vec<Shipped>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        SCENARIOS
            .iter()
            .map(|n| {
                let s = landfall::scenario::load_scenario(&root.join("scenarios").join(n))
                    .unwrap_or_else(|d| panic!("shipped scenario {n} does not load: {d:?}"));
                let mut files: Vec<_> = std::fs::read_dir(root.join("tests/replays"))
                    .expect("tests/replays")
                    .flatten()
                    .map(|e| e.path())
                    .collect();
                files.retain(|p: &std::path::PathBuf| {
                    p.file_name()
                        .is_some_and(|f| f.to_string_lossy().starts_with(&format!("{n}-")))
                });
                files.sort();
                let path = files
                    .first()
                    .unwrap_or_else(|| panic!("no golden replay of {n} in tests/replays"));
                let golden = landfall::replay::load(path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                (s, Arc::new(golden))
            })
            .collect()
    });
    all[i].clone()
}

/// Play the first `upto` commands of the golden replay on a new game: each
/// must pass validation, execute, and give the recorded hash (a stale golden
/// file fails here).
fn golden_game(s: Arc<Scenario>, golden: &Replay, upto: usize) -> Game {
    let mut g = Game::new(s, golden.seed);
    assert_eq!(g.initial_hash(), golden.initial_hash, "golden initial hash");
    for (i, (c, hash)) in golden
        .commands
        .iter()
        .zip(&golden.hashes)
        .take(upto)
        .enumerate()
    {
        if let Err(r) = g.validate(c) {
            panic!("golden command #{i} {c:?} is refused: {r}");
        }
        if let Err(r) = g.execute(c.clone()) {
            panic!("golden command #{i} {c:?} passed validation but execute refused it: {r}");
        }
        assert_eq!(g.hash(), *hash, "golden command #{i} {c:?}: hash");
    }
    g
}

/// What the test saw, to prove each kind of illegal command was tried.
#[derive(Debug, Default, Clone, Copy)]
struct Seen {
    wrong_side: usize,
    pending: usize,
    eliminated: usize,
    evacuated: usize,
    wrong_phase: usize,
    game_over: usize,
    accepted: usize,
}

/// Execute a command that must be rejected with `kind`; the game must not change.
fn refuse(g: &mut Game, c: Command, kind: RejectionKind, reason_has: &str) {
    let (hash, state, log) = (g.hash(), g.state().clone(), g.log().len());
    let r = g.execute(c.clone()).expect_err("illegal command accepted");
    assert_eq!(r.kind, kind, "{c:?}: {r}");
    assert!(
        r.reason.contains(reason_has),
        "{c:?}: reason `{r}` lacks `{reason_has}`"
    );
    assert_eq!(g.hash(), hash, "{c:?} changed the hash");
    assert!(*g.state() == state, "{c:?} changed the state");
    assert_eq!(g.log().len(), log, "{c:?} was logged");
}

/// The three commands that name a unit, for unit `u` near `at`.
fn unit_commands(u: UnitId, at: OffsetCoord) -> [Command; 3] {
    let next = OffsetCoord::from_hex(at.to_hex().all_neighbors()[0]);
    [
        Command::Move {
            unit: u,
            path: vec![next],
        },
        Command::Attack {
            attackers: vec![u],
            target: next,
            support: Support::default(),
            advance: true,
        },
        Command::Evacuate { unit: u },
    ]
}

/// One random step: an illegal command checked for its reason, or a legal
/// one that moves the game on.
fn step(g: &mut Game, (kind, a, b): (u8, u32, u32), seen: &mut Seen) {
    if g.is_over() {
        let c = unit_commands(0, OffsetCoord(0, 0))[a as usize % 3].clone();
        refuse(g, c, RejectionKind::GameOver, "the game is over");
        refuse(
            g,
            Command::EndPhase,
            RejectionKind::GameOver,
            "the game is over",
        );
        seen.game_over += 1;
        return;
    }
    let phase = g.phase();
    let Some(side) = acting_side(phase) else {
        panic!("no side acts in {phase:?}")
    };
    let units = g.state().units.clone();
    let n = units.len();
    let s = Arc::clone(g.scenario());
    // The command kind of each unit command must match one phase.
    let allowed = |i: usize| {
        matches!(
            (i, phase),
            (0, PhaseSpec::Movement(_)) | (1, PhaseSpec::Combat(_)) | (2, PhaseSpec::Evacuation(_))
        )
    };
    match kind % 6 {
        // A unit of the other side.
        0 => {
            let theirs: Vec<_> = units.iter().filter(|u| s.unit(u.id).side != side).collect();
            if let Some(u) = theirs.get(a as usize % theirs.len().max(1)) {
                let i = (0..3)
                    .find(|&i| allowed(i))
                    .expect("a player phase allows one command");
                let c = unit_commands(u.id, u.at.unwrap_or(OffsetCoord(0, 0)))[i].clone();
                refuse(g, c, RejectionKind::WrongSide, "belongs to the");
                seen.wrong_side += 1;
            }
        }
        // An own unit that is not on the map.
        1 => {
            let off: Vec<_> = units
                .iter()
                .filter(|u| s.unit(u.id).side == side && u.status != Status::OnMap)
                .collect();
            if let Some(u) = off.get(a as usize % off.len().max(1)) {
                let i = (0..3)
                    .find(|&i| allowed(i))
                    .expect("a player phase allows one command");
                let c = unit_commands(u.id, OffsetCoord(b as i32 % 40, 3))[i].clone();
                let (why, count) = match u.status {
                    Status::Pending => ("has not arrived yet", &mut seen.pending),
                    Status::Eliminated => ("has been eliminated", &mut seen.eliminated),
                    Status::Evacuated => ("has been evacuated", &mut seen.evacuated),
                    Status::Withdrawn => unreachable!("the fuzzed scenarios have no events"),
                    Status::OnMap => unreachable!("filtered"),
                };
                *count += 1;
                refuse(g, c, RejectionKind::NotOnMap, why);
            }
        }
        // An own unit on the map, with a command of another phase.
        2 => {
            let own: Vec<_> = units
                .iter()
                .filter(|u| s.unit(u.id).side == side && u.status == Status::OnMap)
                .collect();
            if let Some(u) = own.get(a as usize % own.len().max(1)) {
                let i = (0..3)
                    .filter(|&i| !allowed(i))
                    .nth(b as usize % 2)
                    .expect("two other kinds");
                let c = unit_commands(u.id, u.at.unwrap_or(OffsetCoord(0, 0)))[i].clone();
                refuse(g, c, RejectionKind::WrongPhase, "is not allowed in the");
                seen.wrong_phase += 1;
            }
        }
        // A unit id past the last.
        3 => {
            let id = (n + a as usize % 100).min(UnitId::MAX as usize) as UnitId;
            let i = (0..3)
                .find(|&i| allowed(i))
                .expect("a player phase allows one command");
            refuse(
                g,
                unit_commands(id, OffsetCoord(1, 1))[i].clone(),
                RejectionKind::UnknownUnit,
                "there is no unit",
            );
        }
        // A legal command if one is found: a move, or an evacuation.
        4 => {
            let own: Vec<UnitId> = units
                .iter()
                .filter(|u| s.unit(u.id).side == side && u.status == Status::OnMap)
                .map(|u| u.id)
                .collect();
            let candidate = match phase {
                PhaseSpec::Evacuation(_) => own
                    .iter()
                    .map(|&u| Command::Evacuate { unit: u })
                    .find(|c| g.validate(c).is_ok()),
                PhaseSpec::Movement(_) => own.get(a as usize % own.len().max(1)).and_then(|&u| {
                    let view = g.view();
                    let reach = movement::reachable(&view, u);
                    let dests = reach.destinations();
                    let d = dests.get(b as usize % dests.len().max(1))?;
                    let path = reach.path_to(d.0)?;
                    Some(Command::Move {
                        unit: u,
                        path: path.into_iter().map(OffsetCoord::from_hex).collect(),
                    })
                }),
                _ => None,
            };
            if let Some(c) = candidate {
                g.execute(c).expect("a validated command is accepted");
                assert_eq!(g.hash(), g.state().hash());
                seen.accepted += 1;
            }
        }
        _ => {
            g.execute(Command::EndPhase)
                .expect("EndPhase is always legal before the end");
            seen.accepted += 1;
        }
    }
}

/// Play the golden game of scenario `i` up to `point` (a fraction in
/// 1/65536ths), then take the random steps.
fn run(i: usize, point: u16, steps: &[(u8, u32, u32)]) -> Seen {
    let (s, golden) = shipped(i);
    let upto = golden.commands.len() * usize::from(point) / 65536;
    let mut g = golden_game(s, &golden, upto);
    let mut seen = Seen::default();
    for &st in steps {
        step(&mut g, st, &mut seen);
    }
    seen
}

fn steps() -> impl Strategy<Value = Vec<(u8, u32, u32)>> {
    prop::collection::vec((any::<u8>(), any::<u32>(), any::<u32>()), 1..40)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn illegal_commands_are_refused_with_reasons_on_gela(point in any::<u16>(), st in steps()) {
        run(0, point, &st);
    }

    #[test]
    fn illegal_commands_are_refused_with_reasons_on_salerno(point in any::<u16>(), st in steps()) {
        run(1, point, &st);
    }

    #[test]
    fn illegal_commands_are_refused_with_reasons_on_sicily(point in any::<u16>(), st in steps()) {
        run(2, point, &st);
    }
}

/// A fixed sweep over each whole golden game proves every kind of illegal
/// command was actually tried on real states: units of the wrong side, not
/// yet arrived, eliminated, commands out of phase, and commands after the
/// end of the game.
#[test]
fn the_sweep_tries_every_kind_of_illegal_command() {
    let mut total = Seen::default();
    for i in 0..SCENARIOS.len() {
        for k in 0..24u32 {
            let point = (k * 65536 / 24) as u16;
            let st: Vec<(u8, u32, u32)> = (0..12u32)
                .map(|j| ((j % 6) as u8, k * 7 + j, j * 13 + k))
                .collect();
            let s = run(i, point, &st);
            total.wrong_side += s.wrong_side;
            total.pending += s.pending;
            total.eliminated += s.eliminated;
            total.evacuated += s.evacuated;
            total.wrong_phase += s.wrong_phase;
            total.game_over += s.game_over;
            total.accepted += s.accepted;
        }
        // Play the whole golden game: past the end, everything is refused.
        let (s, golden) = shipped(i);
        let mut g = golden_game(s, &golden, golden.commands.len());
        if g.is_over() {
            let mut seen = Seen::default();
            step(&mut g, (0, 1, 2), &mut seen);
            total.game_over += seen.game_over;
        }
    }
    eprintln!("{total:?}");
    assert!(total.wrong_side > 20, "{total:?}");
    assert!(total.pending > 5, "{total:?}");
    assert!(total.eliminated > 5, "{total:?}");
    assert!(total.wrong_phase > 20, "{total:?}");
    assert!(total.game_over >= 1, "{total:?}");
    assert!(total.accepted > 50, "{total:?}");
}

/// Sicily: an Axis unit that starts at Messina may cross the strait in the
/// first Axis evacuation phase; afterwards every command for it is refused
/// as "has been evacuated", and the hash does not move.
#[test]
fn an_evacuated_unit_cannot_be_commanded() {
    let (s, _) = shipped(2);
    let mut g = Game::new(Arc::clone(&s), 1);
    let mut evacuated = None;
    for _ in 0..400 {
        if g.is_over() {
            break;
        }
        if let PhaseSpec::Evacuation(side) = g.phase() {
            let own: Vec<UnitId> = g.view().side_units(side).map(|u| u.id).collect();
            if let Some(c) = own
                .into_iter()
                .map(|u| Command::Evacuate { unit: u })
                .find(|c| g.validate(c).is_ok())
            {
                let Command::Evacuate { unit } = c else {
                    unreachable!()
                };
                g.execute(c).expect("validated");
                evacuated = Some(unit);
                break;
            }
        }
        g.execute(Command::EndPhase).expect("EndPhase");
    }
    let unit = evacuated.expect("some Axis unit can evacuate from Messina");
    assert_eq!(g.state().units[unit as usize].status, Status::Evacuated);
    // Again in this phase, then in the next phase of the same side.
    refuse(
        &mut g,
        Command::Evacuate { unit },
        RejectionKind::NotOnMap,
        "has been evacuated",
    );
    let side = s.unit(unit).side;
    while acting_side(g.phase()) != Some(side) || !matches!(g.phase(), PhaseSpec::Movement(_)) {
        g.execute(Command::EndPhase).expect("EndPhase");
    }
    refuse(
        &mut g,
        Command::Move {
            unit,
            path: vec![OffsetCoord(1, 1)],
        },
        RejectionKind::NotOnMap,
        "has been evacuated",
    );
}
