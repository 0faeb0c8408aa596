//! Property tests of the rules: random sequences of commands — moves along
//! reachable paths, attacks on adjacent enemies with random support,
//! evacuations, phase ends and garbage — on a small hand-built invasion and
//! on Gela. After every executed command: no hex holds both sides, stacking
//! holds, units on the map have steps and stand on land, every unit is on the
//! map, eliminated, evacuated or pending; building either side's fogged view
//! leaves the state alone. Every rejected command leaves the
//! hash, the state and the log unchanged. (See `play/mod.rs`.)
//!
//! Case counts are kept small: CI has 2 cores.

mod play;

use play::{mini_invasion, Choice};
use proptest::prelude::*;

fn choices(len: usize) -> impl Strategy<Value = Vec<Choice>> {
    prop::collection::vec(
        (any::<u8>(), any::<u32>(), any::<u32>(), any::<u32>()),
        1..=len,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_commands_keep_the_invariants_on_a_small_invasion(seed in 0u64..1000, cs in choices(40)) {
        let t = mini_invasion();
        let (g, _) = play::play(t.scenario, seed, &cs);
        prop_assert!(g.state().turn >= 1);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn random_commands_keep_the_invariants_on_gela(seed in 0u64..1000, cs in choices(40)) {
        play::play(play::gela(), seed, &cs);
    }
}

/// The chooser does produce legal play: a fixed long sequence plays the whole
/// game, with moves and attacks accepted.
#[test]
fn the_chooser_plays_whole_turns() {
    let t = mini_invasion();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let cs: Vec<Choice> = (0..400)
        .map(|_| {
            let r = next();
            (
                (r % 251) as u8,
                (r >> 8) as u32,
                (r >> 24) as u32,
                (r >> 40) as u32,
            )
        })
        .collect();
    let (g, accepted) = play::play(t.scenario, 3, &cs);
    assert!(accepted > 40, "only {accepted} commands accepted");
    assert!(g.is_over(), "the game ended at turn {}", g.state().turn);
    let kinds = |f: fn(&landfall::command::Command) -> bool| {
        g.log().iter().filter(|e| f(&e.command)).count()
    };
    assert!(kinds(|c| matches!(c, landfall::command::Command::Move { .. })) > 10);
    assert!(kinds(|c| matches!(c, landfall::command::Command::Attack { .. })) > 0);
}

/// The small invasion does exercise the rules of part 2 from the start.
#[test]
fn the_small_invasion_opens_with_a_beach_assault_and_a_drop() {
    use landfall::command::Event;
    let t = mini_invasion();
    let mut state = t.state.clone();
    let events = landfall::command::start_game(&t.scenario, &mut state);
    assert!(events.iter().any(|e| matches!(e, Event::Combat { .. })));
    assert!(events.iter().any(|e| matches!(e, Event::Landed { .. })));
    assert!(events.iter().any(|e| matches!(e, Event::Dropped { .. })));
    // Two landings into the ZOC of (2,2), one die each; the drop draws twice.
    assert_eq!(state.draws, 1 + 1 + 2);
}
