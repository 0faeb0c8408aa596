//! Limits on scenario input. Every scenario file is hostile until validated:
//! these bounds keep a broken or malicious file from exhausting memory or the
//! stack. Each error message names the limit it broke. Documented in
//! `docs/scenario-format.md` ("Limits").

use super::spans::ScanLimits;

/// Largest file the loader reads (16 MiB).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Deepest nesting of `(`, `[`, `{` in one file. Checked before `ron` sees the
/// text, since a recursive parser can overflow the stack on deep nesting.
pub const MAX_DEPTH: usize = 64;
/// Most items in any one list, tuple, map or struct.
pub const MAX_ITEMS: usize = 1_000_000;
/// Widest and tallest map, in hexes.
pub const MAX_MAP_SIDE: u32 = 1000;
/// Most units in a scenario (both sides).
pub const MAX_UNITS: usize = 20_000;
/// Most turns in a scenario.
pub const MAX_TURNS: u32 = 1000;
/// Largest steps, attack, defence or movement value of a unit.
pub const MAX_FACTOR: i64 = 999;

/// The scanner limits derived from the constants above.
pub const SCAN: ScanLimits = ScanLimits {
    max_depth: MAX_DEPTH,
    max_items: MAX_ITEMS,
};
