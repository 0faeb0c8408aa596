//! The evacuation across a strait as scenario data (`evacuation` in
//! `scenario.ron`): when the ferries run, from where, how many steps they
//! carry, and what the steps that get away are worth.

use serde::{Deserialize, Serialize};

/// A side's evacuation plan. Without it, a scenario evacuates the old way:
/// from every place marked `evacuation` in the map, on every turn, at most
/// `rules.evacuation_steps_per_turn` steps, each worth
/// `victory.evacuated_step_vp`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvacuationSpec {
    /// The embarkation points (the map's places), each with its own
    /// capacity; the map marks them `evacuation` by this list.
    pub ports: Vec<EmbarkationSpec>,
    /// When the ferries run, for whom, and how many steps they carry per
    /// turn. Outside every window of its nation a unit cannot cross.
    pub windows: Vec<EvacuationWindowSpec>,
    /// Axis VP per evacuated step, by nation. A nation not listed scores
    /// `victory.evacuated_step_vp`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scoring: Vec<EvacuationScoreSpec>,
    /// Only units that took part in a combat (attacking, defending or
    /// landing against opposition) score when they get away: a unit that
    /// arrived at the port and left again saved nothing.
    #[serde(default)]
    pub only_units_that_fought: bool,
}

/// An embarkation point and the steps it can load per turn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmbarkationSpec {
    /// Place id.
    pub place: String,
    /// Steps per turn from here (all nations together).
    pub steps_per_turn: u32,
}

/// A window in which the ferries of some nations run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvacuationWindowSpec {
    /// First turn.
    pub from_turn: u32,
    /// Last turn.
    pub until_turn: u32,
    /// Steps per turn these ferries carry (all their ports together).
    pub steps_per_turn: u32,
    /// The nations (`UnitDef::nation`) they carry; empty: every nation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nations: Vec<String>,
}

/// What an evacuated step of a nation is worth.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvacuationScoreSpec {
    /// Nation (`UnitDef::nation`).
    pub nation: String,
    /// Axis VP per step that gets away.
    pub vp_per_step: u32,
}
