//! Landfall: a turn-based operational wargame of the 1943 Allied landings in
//! Sicily (Operation Husky) and at Salerno (Operation Avalanche).
pub mod ai;
pub mod arena;
pub mod bench;
pub mod campaign;
pub mod cli;
pub mod command;
pub mod generate;
#[cfg(feature = "gui")]
pub mod gui;
pub mod hex;
pub mod mapgen;
pub mod play;
pub mod reload;
pub mod render;
pub mod replay;
pub mod rules;
pub mod scenario;
pub mod sim;
pub mod sweep;
pub mod text;
