//! Dice that cannot be gamed: every command rolls from its own generator.
//!
//! A single random stream running through the match would let a player who
//! reloads after a roll know the *next* roll, and give it to whichever
//! attack it suits best. Instead `Game::execute` seeds the state's generator
//! afresh before each command from the match seed, the state hash before the
//! command and the command's canonical bytes ([`for_command`]). So:
//!
//! - reloading and giving the same command gives the same result (no
//!   re-rolling: the seed, the state and the command are all the same);
//! - a different command gets an unrelated roll (no peeking: what one command
//!   rolled says nothing about what another would);
//! - the automatic phases that an `EndPhase` sets off (drop scatter, beach
//!   assaults) roll from that `EndPhase`'s generator, by the same principle;
//! - replays stay exact: the seed is in the file, and the state hash (which
//!   covers the generator) is checked after every command.
//!
//! The setup before the first command rolls from the match seed itself
//! (`State::new`). The match seed is fresh for every match in the window
//! (`crate::play::match_seed`) and explicit in `simulate` and `balance`.

use crate::command::Command;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// The generator command `command` rolls from, in match `seed`, when the
/// state hash before it is `hash_before`.
#[must_use]
pub fn for_command(seed: u64, hash_before: &str, command: &Command) -> ChaCha8Rng {
    let mut h = blake3::Hasher::new();
    h.update(b"landfall dice v1");
    h.update(&seed.to_le_bytes());
    h.update(hash_before.as_bytes());
    // postcard cannot fail on a command (plain integers, vectors, enums).
    h.update(&postcard::to_allocvec(command).unwrap_or_default());
    ChaCha8Rng::from_seed(*h.finalize().as_bytes())
}
