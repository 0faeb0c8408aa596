//! The hex grid: coordinates, hexsides and map storage.
//!
//! # Orientation and offsets
//! Landfall maps use **flat-top** hexes in **odd-q** offset layout: columns run
//! west→east, rows run north→south, and every odd column is shoved half a hex
//! down (south). A designer writes a hex as `(col, row)` exactly as printed on
//! the map; `(0, 0)` is the north-west corner.
//!
//! ```text
//!   col 0   col 1   col 2
//!    __      __
//!   /00\__  /20\__      row 0   (odd col 1 sits half a hex lower)
//!   \__/10\ \__/
//!   /01\__/ /21\
//!   \__/11\ \__/        row 1
//! ```
//!
//! Inside the engine every coordinate is a [`hexx::Hex`] (axial); offsets only
//! appear at the edges (RON files, labels). All hex math (neighbours, distance,
//! rings, lines) comes from `hexx`.

mod coord;
mod grid;
mod hexside;

pub use coord::{OffsetCoord, LAYOUT_MODE, ORIENTATION};
pub use grid::HexGrid;
pub use hexside::Hexside;
pub use hexx::{EdgeDirection, Hex};

#[cfg(test)]
mod tests;
