//! Scenarios: the RON schema designers write, the loader that follows includes
//! and reports every problem with file:line:col, and the checked runtime model.

pub mod builder;
pub mod campaign;
pub mod compile;
mod defence_lines;
pub mod diagnostic;
pub mod evacuation;
mod events;
pub mod limits;
pub mod loader;
pub mod model;
mod operations;
mod overlay;
mod read;
pub mod schema;
pub mod spans;
pub mod tables_doc;
mod validate_map;
mod validate_play;
mod validate_tables;
mod validate_units;

pub use diagnostic::{Diagnostic, Severity};
pub use evacuation::Evacuation;
pub use loader::{load, load_scenario, Loaded, Sources};
pub use model::*;
pub use schema::{MoveClass, PhaseSpec, Side};
