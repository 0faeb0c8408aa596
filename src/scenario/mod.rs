//! Scenarios: the RON schema designers write, the loader that follows includes
//! and reports every problem with file:line:col, and the checked runtime model.

pub mod diagnostic;
pub mod model;
pub mod schema;
pub mod builder;

pub use diagnostic::{Diagnostic, Severity};
pub use model::*;
pub use schema::{MoveClass, PhaseSpec, Side};
