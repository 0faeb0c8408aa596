//! The simulation: the game state (one copy), its occupancy index and hash,
//! and the one `execute` path every command goes through.

pub mod dice;
pub mod game;
pub mod hash;
pub mod occupancy;
pub mod state;
pub mod units;

pub use game::{Game, LogEntry};

#[cfg(test)]
mod dice_tests;
#[cfg(test)]
mod tests;
