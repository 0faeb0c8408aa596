//! Which units stand on which hex: the index behind `GameView::units_at`.
//!
//! One bit per hex (most hexes are empty, so most questions end there) plus
//! the on-map units sorted by (storage index, unit id). It lives in the
//! state's [`super::units::Units`] and is moved unit by unit as commands
//! change them, so views cost nothing to make; building it for every view
//! was O(units log units) per command (`docs/performance.md`).

use super::state::UnitState;
use crate::hex::HexGrid;
use crate::scenario::UnitId;

/// Not on the map.
const NONE: u32 = u32::MAX;

/// The occupancy index of one state on one grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occupancy {
    grid: HexGrid,
    /// One bit per hex (storage index) that holds any unit.
    occupied: Vec<u64>,
    /// `storage index << 32 | unit id` of each unit on the map, sorted.
    keys: Vec<u64>,
    /// The unit ids of `keys`, so that a hex's units are a slice.
    ids: Vec<UnitId>,
    /// The storage index each unit is filed under (`NONE` off the map).
    at: Vec<u32>,
    /// The `Units` sequence number this index reflects.
    cursor: u64,
}

fn key(at: u32, id: UnitId) -> u64 {
    u64::from(at) << 32 | u64::from(id)
}

fn storage_index(grid: HexGrid, u: &UnitState) -> u32 {
    u.hex()
        .and_then(|h| grid.index(h))
        .map_or(NONE, |i| i as u32)
}

impl Occupancy {
    /// Index `units` on `grid`; O(hexes / 64 + units log units).
    #[must_use]
    pub fn build(grid: HexGrid, units: &[UnitState], cursor: u64) -> Self {
        let at: Vec<u32> = units.iter().map(|u| storage_index(grid, u)).collect();
        let mut occupied = vec![0u64; grid.len().div_ceil(64)];
        let mut keys: Vec<u64> = Vec::with_capacity(units.len());
        for (u, &i) in units.iter().zip(&at) {
            if i != NONE {
                occupied[i as usize / 64] |= 1 << (i % 64);
                keys.push(key(i, u.id));
            }
        }
        keys.sort_unstable();
        Self {
            grid,
            occupied,
            ids: keys.iter().map(|&k| k as UnitId).collect(),
            keys,
            at,
            cursor,
        }
    }

    /// The grid it indexes.
    #[must_use]
    pub fn grid(&self) -> HexGrid {
        self.grid
    }

    /// The `Units` sequence number it reflects.
    #[must_use]
    pub fn cursor(&self) -> u64 {
        self.cursor
    }

    pub(super) fn set_cursor(&mut self, cursor: u64) {
        self.cursor = cursor;
    }

    /// Units on the hex with storage index `i`, sorted by id.
    #[must_use]
    pub fn units_at(&self, i: usize) -> &[UnitId] {
        if self.occupied[i / 64] & (1 << (i % 64)) == 0 {
            return &[];
        }
        let start = self.keys.partition_point(|&k| k < key(i as u32, 0));
        let len = self.keys[start..].partition_point(|&k| k >> 32 == i as u64);
        &self.ids[start..start + len]
    }

    /// File `u` under its current hex (O(units) memmove at worst, tiny).
    pub(super) fn update(&mut self, grid: HexGrid, u: &UnitState) {
        let id = u.id as usize;
        let new = storage_index(grid, u);
        let old = self.at[id];
        if old == new {
            return;
        }
        if old != NONE {
            if let Ok(k) = self.keys.binary_search(&key(old, u.id)) {
                self.keys.remove(k);
                self.ids.remove(k);
            }
            if self.units_at_unchecked(old).is_empty() {
                self.occupied[old as usize / 64] &= !(1 << (old % 64));
            }
        }
        if new != NONE {
            let k = self.keys.partition_point(|&k| k < key(new, u.id));
            self.keys.insert(k, key(new, u.id));
            self.ids.insert(k, u.id);
            self.occupied[new as usize / 64] |= 1 << (new % 64);
        }
        self.at[id] = new;
    }

    fn units_at_unchecked(&self, i: u32) -> &[u64] {
        let start = self.keys.partition_point(|&k| k < key(i, 0));
        let len = self.keys[start..].partition_point(|&k| k >> 32 == u64::from(i));
        &self.keys[start..start + len]
    }
}
