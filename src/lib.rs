//! Landfall: a turn-based operational wargame of the 1943 Allied landings in
//! Sicily (Operation Husky) and at Salerno (Operation Avalanche).
pub mod hex;
pub mod scenario;
pub mod rules;
pub mod sim;
pub mod cli;
pub mod mapgen;
pub mod render;
#[cfg(feature = "gui")]
pub mod gui;
pub mod replay;
pub mod ai;
pub mod bench;
pub mod generate;
