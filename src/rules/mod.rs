//! The rulebook. Each file is one rule, written as pure functions over a
//! read-only [`GameView`]: rules compute, they never change the state. The
//! commands (`src/command/`: moves, attacks, and the automatic phases —
//! arrivals and landings, supply, end of turn) call these to validate and
//! to compute what changes, then apply it. No file here imports the
//! commands.
#![warn(missing_docs)]

pub mod airborne;
pub mod amphibious;
pub mod combat;
pub mod demolition;
pub mod entering;
pub mod evacuation;
pub mod events;
pub mod fog;
pub mod fog_cache;
pub mod gunfire;
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
use crate::sim::occupancy::Occupancy;
use crate::sim::state::{State, Status, UnitState};
use std::borrow::Cow;

/// A read-only view of the game for the rules: the scenario, the state, and
/// its occupancy index.
pub struct GameView<'a> {
    /// The scenario (static data).
    pub scenario: &'a Scenario,
    /// The state (dynamic data).
    pub state: &'a State,
    /// Which units are on which hex: the state's own index when it is up to
    /// date (`State::sync_index`), else one built for this view. Views are
    /// made several times per command, so borrowing keeps them O(1)
    /// (`docs/performance.md`).
    occupancy: Cow<'a, Occupancy>,
    /// ZOC of each side, computed on first use.
    zoc: [std::cell::OnceCell<Vec<bool>>; 2],
    /// ZOC questions answered locally so far, per side (see [`Self::in_zoc_of`]).
    zoc_asked: [std::cell::Cell<u32>; 2],
}

impl<'a> GameView<'a> {
    /// Build a view: O(1) if the state's occupancy index is up to date,
    /// else O(hexes / 64 + units log units).
    #[must_use]
    pub fn new(scenario: &'a Scenario, state: &'a State) -> Self {
        let grid = scenario.map.grid;
        let occupancy = match state.units.index(grid) {
            Some(o) => Cow::Borrowed(o),
            None => Cow::Owned(Occupancy::build(grid, &state.units, state.units.now())),
        };
        Self {
            scenario,
            state,
            occupancy,
            zoc: Default::default(),
            zoc_asked: Default::default(),
        }
    }

    /// Units on a hex (sorted by id).
    #[must_use]
    pub fn units_at(&self, hex: Hex) -> &[UnitId] {
        match self.scenario.map.index(hex) {
            Some(i) => self.occupancy.units_at(i),
            None => &[],
        }
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
