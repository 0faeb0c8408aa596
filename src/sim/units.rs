//! The units of a [`super::state::State`], with a log of which ones changed.
//!
//! Reading is a plain slice (`Deref<Target = [UnitState]>`). Every mutable
//! access (`units[i]` as a place, `iter_mut`) is recorded, so that the hash,
//! the ECS world, the undo snapshots, the occupancy index and the AI's fogged
//! copy can follow a command by touching only the units it changed, instead
//! of comparing or rebuilding all of them after every command
//! (`docs/performance.md`). The log never changes what the state *is*:
//! equality, serialization and the hash see only the units.

use super::occupancy::Occupancy;
use super::state::UnitState;
use crate::hex::HexGrid;
use crate::scenario::UnitId;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::ops::{Deref, Index, IndexMut};
use std::sync::atomic::{AtomicU64, Ordering};

/// Source of [`Units::origin`] values.
static ORIGINS: AtomicU64 = AtomicU64::new(1);

/// The units, index = [`UnitId`], and the log of their changes.
pub struct Units {
    list: Vec<UnitState>,
    /// Identity of this log: a cursor is only meaningful for the same origin
    /// (a clone gets a new one, since its log goes its own way).
    origin: u64,
    /// Units borrowed mutably, in order, with sequence numbers
    /// `log_start..log_start + log.len()` (duplicates allowed).
    log: Vec<UnitId>,
    log_start: u64,
    /// Occupancy index, valid if its cursor is [`Self::now`].
    index: Option<Occupancy>,
}

impl Units {
    /// Wrap a list of units (index = id).
    #[must_use]
    pub fn new(list: Vec<UnitState>) -> Self {
        Self {
            list,
            origin: ORIGINS.fetch_add(1, Ordering::Relaxed),
            log: Vec::new(),
            log_start: 0,
            index: None,
        }
    }

    /// Identity of this change log (see [`Self::changes_since`]).
    #[must_use]
    pub fn origin(&self) -> u64 {
        self.origin
    }

    /// The sequence number of the next change: a cursor for
    /// [`Self::changes_since`].
    #[must_use]
    pub fn now(&self) -> u64 {
        self.log_start + self.log.len() as u64
    }

    /// Units changed since `cursor` (possibly repeated), or `None` if that
    /// is no longer known (every unit changed, or the log was trimmed): then
    /// the caller must start from scratch.
    #[must_use]
    pub fn changes_since(&self, cursor: u64) -> Option<&[UnitId]> {
        let from = cursor.checked_sub(self.log_start)?;
        self.log.get(usize::try_from(from).ok()?..)
    }

    /// Mutable access to every unit: recorded as "everything changed".
    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, UnitState> {
        self.forget();
        self.list.iter_mut()
    }

    /// Drop the log: cursors before now become unknown.
    fn forget(&mut self) {
        self.log_start = self.now() + 1;
        self.log.clear();
    }

    fn record(&mut self, id: usize) {
        // Bounded: a consumer that fell this far behind rebuilds, which costs
        // no more than the changes it missed.
        if self.log.len() >= 2 * self.list.len() + 64 {
            self.forget();
        }
        self.log.push(id as UnitId);
    }

    /// Bring the occupancy index up to date with the units (on `grid`):
    /// moves the units changed since it was last synced, or rebuilds it if
    /// that is unknown or many changed.
    pub fn sync_index(&mut self, grid: HexGrid) {
        let now = self.now();
        if let Some(o) = self.index.as_mut().filter(|o| o.grid() == grid) {
            let changed = o
                .cursor()
                .checked_sub(self.log_start)
                .and_then(|from| self.log.get(usize::try_from(from).ok()?..));
            if let Some(changed) = changed.filter(|c| c.len() <= self.list.len() / 8 + 16) {
                for &id in changed {
                    o.update(grid, &self.list[id as usize]);
                }
                o.set_cursor(now);
                return;
            }
        }
        self.index = Some(Occupancy::build(grid, &self.list, now));
    }

    /// The occupancy index, if it is up to date (see [`Self::sync_index`]).
    #[must_use]
    pub fn index(&self, grid: HexGrid) -> Option<&Occupancy> {
        self.index
            .as_ref()
            .filter(|o| o.cursor() == self.now() && o.grid() == grid)
    }
}

impl Deref for Units {
    type Target = [UnitState];
    fn deref(&self) -> &[UnitState] {
        &self.list
    }
}

impl Index<usize> for Units {
    type Output = UnitState;
    fn index(&self, i: usize) -> &UnitState {
        &self.list[i]
    }
}

impl IndexMut<usize> for Units {
    fn index_mut(&mut self, i: usize) -> &mut UnitState {
        self.record(i);
        &mut self.list[i]
    }
}

impl<'a> IntoIterator for &'a Units {
    type Item = &'a UnitState;
    type IntoIter = std::slice::Iter<'a, UnitState>;
    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

impl<'a> IntoIterator for &'a mut Units {
    type Item = &'a mut UnitState;
    type IntoIter = std::slice::IterMut<'a, UnitState>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

impl Clone for Units {
    fn clone(&self) -> Self {
        Self {
            list: self.list.clone(),
            origin: ORIGINS.fetch_add(1, Ordering::Relaxed),
            log: self.log.clone(),
            log_start: self.log_start,
            index: self.index.clone(),
        }
    }
}

impl PartialEq for Units {
    fn eq(&self, other: &Self) -> bool {
        self.list == other.list
    }
}

impl std::fmt::Debug for Units {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.list.fmt(f)
    }
}

impl Default for Units {
    fn default() -> Self {
        Self::new(Vec::new())
    }
}

impl From<Vec<UnitState>> for Units {
    fn from(list: Vec<UnitState>) -> Self {
        Self::new(list)
    }
}

/// Serialized exactly as the plain list.
impl Serialize for Units {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.list.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Units {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<UnitState>::deserialize(d).map(Self::new)
    }
}
