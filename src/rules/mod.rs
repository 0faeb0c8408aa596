//! The rulebook. Each file is one rule, written as pure functions over a
//! read-only [`GameView`]; none of them touches the ECS. Commands
//! (`crate::command`) call these to validate and to compute what changes.
#![warn(missing_docs)]

pub mod airborne;
pub mod amphibious;
pub mod combat;
pub mod evacuation;
pub mod fog;
pub mod movement;
pub mod reinforcements;
pub mod retreat;
pub mod stacking;
pub mod supply;
pub mod support;
pub mod victory;
pub mod zoc;

mod rejection;
pub use rejection::{Rejection, RejectionKind};

use crate::hex::{Hex, OffsetCoord};
use crate::scenario::{PhaseSpec, Scenario, Side, UnitDef, UnitId};
use crate::sim::state::{State, Status, UnitState};

/// A read-only view of the game for the rules: the scenario, the state, and an
/// occupancy index built once per view.
pub struct GameView<'a> {
    /// The scenario (static data).
    pub scenario: &'a Scenario,
    /// The state (dynamic data).
    pub state: &'a State,
    /// Units on each hex, by storage index, sorted by unit id.
    occupants: Vec<Vec<UnitId>>,
    /// ZOC of each side, computed on first use.
    zoc: [std::cell::OnceCell<Vec<bool>>; 2],
}

impl<'a> GameView<'a> {
    /// Build a view; O(hexes + units).
    #[must_use]
    pub fn new(scenario: &'a Scenario, state: &'a State) -> Self {
        let mut occupants = vec![Vec::new(); scenario.map.grid.len()];
        for u in &state.units {
            if let Some(i) = u.hex().and_then(|h| scenario.map.index(h)) {
                occupants[i].push(u.id);
            }
        }
        Self {
            scenario,
            state,
            occupants,
            zoc: Default::default(),
        }
    }

    /// Units on a hex (sorted by id).
    #[must_use]
    pub fn units_at(&self, hex: Hex) -> &[UnitId] {
        self.scenario
            .map
            .index(hex)
            .map(|i| self.occupants[i].as_slice())
            .unwrap_or(&[])
    }

    /// The side holding a hex with units, if any.
    #[must_use]
    pub fn occupant_side(&self, hex: Hex) -> Option<Side> {
        self.units_at(hex).first().map(|&u| self.def(u).side)
    }

    /// Is the hex occupied by units of `side`'s enemy?
    #[must_use]
    pub fn enemy_occupied(&self, hex: Hex, side: Side) -> bool {
        self.occupant_side(hex) == Some(side.enemy())
    }

    /// Steps of `side` on a hex.
    #[must_use]
    pub fn steps_at(&self, hex: Hex, side: Side) -> u32 {
        self.units_at(hex)
            .iter()
            .filter(|&&u| self.def(u).side == side)
            .map(|&u| self.unit(u).steps)
            .sum()
    }

    /// Fixed data of a unit.
    #[must_use]
    pub fn def(&self, id: UnitId) -> &'a UnitDef {
        &self.scenario.units[id as usize]
    }

    /// Dynamic data of a unit.
    #[must_use]
    pub fn unit(&self, id: UnitId) -> &'a UnitState {
        &self.state.units[id as usize]
    }

    /// Display name of a unit.
    #[must_use]
    pub fn name(&self, id: UnitId) -> &'a str {
        &self.def(id).name
    }

    /// The current phase.
    #[must_use]
    pub fn phase(&self) -> PhaseSpec {
        self.scenario.phases[self.state.phase as usize]
    }

    /// Units of a side on the map, by id.
    pub fn side_units(&self, side: Side) -> impl Iterator<Item = &'a UnitState> + '_ {
        self.state
            .units
            .iter()
            .filter(move |u| u.status == Status::OnMap && self.def(u.id).side == side)
    }

    /// Hexes in the ZOC of `side`'s units (flag per storage index).
    #[must_use]
    pub fn zoc(&self, side: Side) -> &[bool] {
        self.zoc[side.index()].get_or_init(|| zoc::zoc_of(self, side))
    }

    /// Is `hex` in the ZOC of `side`'s units?
    #[must_use]
    pub fn in_zoc_of(&self, side: Side, hex: Hex) -> bool {
        self.scenario
            .map
            .index(hex)
            .is_some_and(|i| self.zoc(side)[i])
    }

    /// Offset label for messages.
    #[must_use]
    pub fn label(hex: Hex) -> OffsetCoord {
        OffsetCoord::from_hex(hex)
    }
}
