//! Dice that cannot be gamed (`super::dice`): reloading gives a command the
//! same roll, and no command's roll can be read off another's.

use super::dice;
use super::Game;
use crate::command::{Command, Event};
use crate::hex::OffsetCoord;
use crate::rules::{combat, GameView};
use crate::scenario::{builder::TestScenario, PhaseSpec, Scenario, Side, UnitId};
use std::sync::Arc;

/// Two separate fights on a 5×3 map, in the Allied combat phase: `a` next to
/// `x` on the top row, `b` next to `y` on the bottom row.
fn two_fights() -> Arc<Scenario> {
    TestScenario::new(&["ccccc", "ccccc", "ccccc"])
        .unit("a", Side::Allied, "infantry", (1, 0))
        .unit("x", Side::Axis, "infantry", (2, 0))
        .unit("b", Side::Allied, "infantry", (1, 2))
        .unit("y", Side::Axis, "infantry", (2, 2))
        .phases(vec![PhaseSpec::Combat(Side::Allied), PhaseSpec::EndTurn])
        .build()
        .scenario
}

fn id(s: &Scenario, name: &str) -> UnitId {
    s.unit_id(name).expect("unit")
}

fn attack(s: &Scenario, attacker: &str, target: (i32, i32)) -> Command {
    Command::Attack {
        attackers: vec![id(s, attacker)],
        target: OffsetCoord(target.0, target.1),
        support: Default::default(),
        advance: false,
    }
}

/// The attack on the top row and the one on the bottom row.
fn attacks(s: &Scenario) -> (Command, Command) {
    (attack(s, "a", (2, 0)), attack(s, "b", (2, 2)))
}

/// The die of the (one) fight in `events`.
fn die(events: &[Event]) -> u32 {
    events
        .iter()
        .find_map(|e| match e {
            Event::Combat { die, .. } => Some(*die),
            _ => None,
        })
        .expect("a fight was resolved")
}

/// The face `command` (an attack) would roll from `rng`, by the resolver's
/// own odds and roll.
fn face_from(game: &Game, command: &Command, rng: &mut rand_chacha::ChaCha8Rng) -> u32 {
    let Command::Attack {
        attackers,
        target,
        support,
        ..
    } = command
    else {
        panic!("an attack");
    };
    let mut state = game.state().clone();
    state.sync_index(game.scenario());
    let view = GameView::new(game.scenario(), &state);
    let odds = combat::odds(&view, attackers, target.to_hex(), support, false).expect("legal");
    combat::roll(&odds, rng).0
}

/// A save of `game` written out and loaded back (re-verified).
fn reloaded(game: &Game) -> Game {
    let text = crate::replay::to_ron(&crate::replay::record(game));
    let replay = crate::replay::parse(std::path::Path::new("save.ron"), &text).expect("parses");
    crate::replay::verify(game.scenario(), &replay)
        .expect("verifies")
        .game
}

#[test]
fn after_a_reload_the_same_command_gets_the_same_roll() {
    let s = two_fights();
    let (top, bottom) = attacks(&s);
    for seed in 1..=12 {
        let mut game = Game::new(Arc::clone(&s), seed);
        game.execute(top.clone()).expect("legal");
        let mut again = reloaded(&game);
        assert_eq!(again.hash(), game.hash());
        let played = game.execute(bottom.clone()).expect("legal");
        let replayed = again.execute(bottom.clone()).expect("legal");
        assert_eq!(played, replayed, "seed {seed}");
        assert_eq!(game.hash(), again.hash(), "seed {seed}");
    }
}

#[test]
fn a_roll_is_not_the_continued_stream_of_the_roll_before() {
    // On one stream through the match, the second attack's die is the next
    // draw of the generator the first attack left behind: a player who
    // reloads after the first attack can read it off. Here it must be the
    // die of the second attack's own generator instead.
    let s = two_fights();
    let (top, bottom) = attacks(&s);
    let mut predictable = 0;
    for seed in 1..=24 {
        let mut game = Game::new(Arc::clone(&s), seed);
        game.execute(top.clone()).expect("legal");
        let mut continued = game.state().rng.clone();
        let next_in_stream = face_from(&game, &bottom, &mut continued);
        let mut own = dice::for_command(seed, &game.hash(), &bottom);
        let own_face = face_from(&game, &bottom, &mut own);
        let rolled = die(&game.execute(bottom.clone()).expect("legal"));
        assert_eq!(rolled, own_face, "seed {seed}: the command's own dice");
        predictable += usize::from(rolled == next_in_stream);
    }
    // About one in six agree by chance; on one stream all 24 would.
    assert!(
        predictable < 12,
        "{predictable} of 24 rolls were the stream's next"
    );
}

#[test]
fn what_one_command_rolled_says_nothing_about_another() {
    // From the same position, the two attacks get unrelated dice: trying one
    // and reloading does not tell the player what the other will roll.
    let s = two_fights();
    let (top, bottom) = attacks(&s);
    let mut same = 0;
    for seed in 1..=24 {
        let mut first = Game::new(Arc::clone(&s), seed);
        let mut second = Game::new(Arc::clone(&s), seed);
        let top_die = die(&first.execute(top.clone()).expect("legal"));
        let bottom_die = die(&second.execute(bottom.clone()).expect("legal"));
        same += usize::from(top_die == bottom_die);
        assert_ne!(first.state().rng, second.state().rng, "seed {seed}");
    }
    assert!(same < 12, "{same} of 24 pairs rolled the same die");
}

#[test]
fn the_match_seed_changes_the_dice() {
    let s = two_fights();
    let (top, _) = attacks(&s);
    let dice: Vec<u32> = (1..=24)
        .map(|seed| {
            let mut game = Game::new(Arc::clone(&s), seed);
            die(&game.execute(top.clone()).expect("legal"))
        })
        .collect();
    let first = dice[0];
    assert!(dice.iter().any(|&d| d != first), "{dice:?}");
}
