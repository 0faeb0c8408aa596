//! The simulation: the game state (one copy), its occupancy index and hash,
//! and the one `execute` path every command goes through.

pub mod game;
pub mod hash;
pub mod occupancy;
pub mod state;
pub mod units;

pub use game::{Game, LogEntry};

#[cfg(test)]
mod tests;
