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
    /// Occupancy: one bit per hex (storage index) that holds any unit...
    occupied: Vec<u64>,
    /// ...and the units on the map sorted by (storage index, unit id), with
    /// their storage indices alongside. Compact on purpose: a view is built
    /// for every command, and a per-hex `Vec` on a 100,000-hex map made
    /// building and dropping views the AI's hottest path
    /// (`docs/performance.md`).
    occupant_hex: Vec<u32>,
    /// Unit ids, parallel to `occupant_hex`.
    occupant_id: Vec<UnitId>,
    /// ZOC of each side, computed on first use.
    zoc: [std::cell::OnceCell<Vec<bool>>; 2],
    /// ZOC questions answered locally so far, per side (see [`Self::in_zoc_of`]).
    zoc_asked: [std::cell::Cell<u32>; 2],
}

impl<'a> GameView<'a> {
    /// Build a view; O(hexes / 64 + units log units).
    #[must_use]
    pub fn new(scenario: &'a Scenario, state: &'a State) -> Self {
        let mut occupied = vec![0u64; scenario.map.grid.len().div_ceil(64)];
        let mut on_map: Vec<(u32, UnitId)> = Vec::with_capacity(state.units.len());
        for u in &state.units {
            if let Some(i) = u.hex().and_then(|h| scenario.map.index(h)) {
                occupied[i / 64] |= 1 << (i % 64);
                on_map.push((i as u32, u.id));
            }
        }
        // `state.units` is in id order, so a stable sort by hex keeps each
        // hex's units sorted by id.
        on_map.sort_by_key(|&(i, _)| i);
        Self {
            scenario,
            state,
            occupied,
            occupant_hex: on_map.iter().map(|&(i, _)| i).collect(),
            occupant_id: on_map.iter().map(|&(_, u)| u).collect(),
            zoc: Default::default(),
            zoc_asked: Default::default(),
        }
    }

    /// Units on a hex (sorted by id).
    #[must_use]
    pub fn units_at(&self, hex: Hex) -> &[UnitId] {
        let Some(i) = self.scenario.map.index(hex) else {
            return &[];
        };
        if self.occupied[i / 64] & (1 << (i % 64)) == 0 {
            return &[];
        }
        let i = i as u32;
        let start = self.occupant_hex.partition_point(|&h| h < i);
        let len = self.occupant_hex[start..].partition_point(|&h| h == i);
        &self.occupant_id[start..start + len]
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

    /// Is `hex` in the ZOC of `side`'s units? The same answer as
    /// [`Self::zoc`]. The first questions are answered by looking at the six
    /// neighbours; once a view has been asked more questions than there are
    /// units, the whole map's ZOC is built and read instead. Building it for
    /// every view cost O(hexes + units) per command on large maps, answering
    /// locally forever slows the searches that ask thousands of questions;
    /// switching bounds both (`docs/performance.md`).
    #[must_use]
    pub fn in_zoc_of(&self, side: Side, hex: Hex) -> bool {
        let asked = &self.zoc_asked[side.index()];
        let built = self.zoc[side.index()].get().is_some();
        if !built {
            asked.set(asked.get() + 1);
        }
        if built || asked.get() > self.state.units.len() as u32 + 64 {
            let zoc = self.zoc(side);
            return self.scenario.map.index(hex).is_some_and(|i| zoc[i]);
        }
        self.scenario.map.index(hex).is_some()
            && hex.all_neighbors().into_iter().any(|from| {
                self.units_at(from).iter().any(|&u| {
                    let d = self.def(u);
                    d.side == side && !d.kind.no_zoc
                }) && zoc::exerts_into(self, from, hex)
            })
    }

    /// Offset label for messages.
    #[must_use]
    pub fn label(hex: Hex) -> OffsetCoord {
        OffsetCoord::from_hex(hex)
    }
}
