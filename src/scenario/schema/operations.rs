//! Demolitions and landing craft as scenario data (`rules.demolitions`,
//! `rules.landing_craft` in `scenario.ron`). The rules that read them are
//! `src/rules/demolition.rs` and `src/rules/amphibious.rs`; documented for
//! designers in `docs/scenario-format.md` (Demolitions, Landing craft).

use super::Side;
use serde::{Deserialize, Serialize};

/// Who may blow bridges and cut roads, what it costs, and how long a repair
/// takes. The default lets nobody blow anything (events still may).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DemolitionRules {
    /// Sides whose units may blow a hexside (`Demolish` command).
    pub blow: Vec<Side>,
    /// Sides whose units may repair a blown hexside (`Repair` command).
    pub repair: Vec<Side>,
    /// Only units whose type is `engineer` may blow or repair.
    pub engineers_only: bool,
    /// MP a unit spends to blow a hexside (it may move on with the rest).
    pub blow_mp: u32,
    /// Extra MP to cross a blown hexside, for every movement class, on top
    /// of the terrain (and river) cost; the road and the bridge are gone.
    pub extra_mp: u32,
    /// Movement phases of repair work (a unit that has not moved spends
    /// the phase on the hexside) that make a blown hexside whole again.
    pub repair_turns: u32,
}

impl Default for DemolitionRules {
    fn default() -> Self {
        Self {
            blow: Vec::new(),
            repair: Vec::new(),
            engineers_only: false,
            blow_mp: 2,
            extra_mp: 2,
            repair_turns: 2,
        }
    }
}

/// Landing craft available for landings after the first turn: at most
/// `steps_per_turn` steps land over all beaches together on each turn of
/// the window (both turns included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CraftWindow {
    /// First turn.
    pub from_turn: u32,
    /// Last turn (included).
    pub until_turn: u32,
    /// Steps the craft lift per turn, over every beach.
    pub steps_per_turn: u32,
    /// The beaches (ids) a unit may embark for (`Embark` command) on this
    /// window's turns; empty: none, the craft only limit scheduled landings.
    #[serde(default)]
    pub beaches: Vec<String>,
}
