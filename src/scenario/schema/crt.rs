//! The combat results table and the airborne scatter table (`crt.ron`).

use super::*;

/// The combat results table (`crt.ron`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrtFile {
    /// Faces of the die (rows per column).
    pub die: u32,
    /// Columns from worst to best for the attacker.
    pub columns: Vec<CrtColumnSpec>,
    /// Scatter table for airborne drops.
    pub scatter: ScatterSpec,
}

/// One CRT column: attacker:defender odds and a result per die face.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrtColumnSpec {
    /// Odds as `(attacker, defender)`, e.g. `(3, 1)`.
    pub odds: (u32, u32),
    /// One result per die face, face 1 first, in CRT notation:
    /// `"NE"`, `"A1"`, `"D1"`, `"R1"`, `"D1R1"`, `"A1D1"`, `"EX"`, `"DE"`, `"AE"`.
    pub results: Vec<String>,
}

/// Airborne scatter: probabilities in 1/`out_of`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScatterSpec {
    /// Denominator of all weights below.
    pub out_of: u32,
    /// Weight of drifting 0, 1, 2, ... hexes, by day.
    pub distance_day: Vec<u32>,
    /// Weight of drifting 0, 1, 2, ... hexes, by night.
    pub distance_night: Vec<u32>,
    /// Chance (in `out_of`) of losing a step on landing, by day.
    pub step_loss_day: u32,
    /// ...by night.
    pub step_loss_night: u32,
    /// Extra chance of losing a step for gliders.
    pub step_loss_glider_extra: u32,
    /// Steps lost by a glider unit that comes down in the sea.
    pub glider_sea_loss: u32,
}
