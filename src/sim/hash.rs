//! The state hash, built so that a command can update it in time
//! proportional to the units it changed (`docs/replays.md`, "State hash").
//!
//! ```text
//! unit digest   = blake3("landfall unit v2" ‖ postcard(UnitState))   (the unit's id is in it)
//! units sum     = Σ unit digests, as four little-endian u64 lanes, each wrapping
//! places digest = blake3("landfall places v2" ‖ postcard((control, control_since, beach_used)))
//! state hash    = blake3("landfall state v2" ‖ postcard(every other field, in State's order)
//!                        ‖ places digest ‖ u64 LE unit count ‖ units sum)
//! ```
//!
//! The sum does not depend on the order in which digests are added, so a
//! command subtracts the old digests of the units it touched and adds the
//! new ones; [`State::hash`] computes the same value from scratch, and
//! replay verification uses that. Keyed by id (inside each digest), so two
//! units swapping places changes the hash. The per-place lists grow with the
//! map and rarely change, so their digest is kept and recomputed only when
//! they differ from the lists it was made from.

use super::state::{State, UnitState};
use crate::scenario::Side;
use serde::Serialize;

type Lanes = [u64; 4];

/// Digest of one unit, as lanes.
fn unit_digest(u: &UnitState) -> Lanes {
    let mut h = blake3::Hasher::new();
    h.update(b"landfall unit v2");
    // postcard cannot fail on these plain types.
    h.update(&postcard::to_allocvec(u).unwrap_or_default());
    let bytes = h.finalize();
    let mut lanes = [0u64; 4];
    for (lane, chunk) in lanes.iter_mut().zip(bytes.as_bytes().chunks_exact(8)) {
        let mut b = [0u8; 8];
        b.copy_from_slice(chunk);
        *lane = u64::from_le_bytes(b);
    }
    lanes
}

fn add(sum: &mut Lanes, d: &Lanes) {
    for (s, x) in sum.iter_mut().zip(d) {
        *s = s.wrapping_add(*x);
    }
}

fn sub(sum: &mut Lanes, d: &Lanes) {
    for (s, x) in sum.iter_mut().zip(d) {
        *s = s.wrapping_sub(*x);
    }
}

/// The fields of fixed size, borrowed, in `State`'s order.
#[derive(Serialize)]
struct Header<'a> {
    turn: u32,
    phase: u32,
    rng: &'a rand_chacha::ChaCha8Rng,
    draws: u64,
    vp: [i64; 2],
    evacuated_steps: u32,
    evacuated_this_turn: u32,
    support: [super::state::SupportLeft; 2],
    outcome: &'a Option<super::state::Outcome>,
    /// Left out while untouched (a scenario without events), so the hashes
    /// of games recorded before events existed stay valid. Only ever
    /// serialized, for hashing.
    #[serde(skip_serializing_if = "untouched")]
    events: &'a super::state::EventsState,
    /// Left out while neither side has a gunfire plan, so the hashes of
    /// games recorded before plans existed stay valid.
    #[serde(skip_serializing_if = "no_plan")]
    naval_plan: &'a [Option<Vec<(u16, u32)>>; 2],
    /// Left out while untouched, for the same reason.
    #[serde(skip_serializing_if = "works_untouched")]
    works: &'a super::state::Works,
}

fn no_plan(p: &&[Option<Vec<(u16, u32)>>; 2]) -> bool {
    p.iter().all(Option::is_none)
}

fn works_untouched(w: &&super::state::Works) -> bool {
    w.is_untouched()
}

fn untouched(e: &&super::state::EventsState) -> bool {
    e.is_untouched()
}

/// The per-place and per-beach lists.
type Places<'a> = (&'a [Side], &'a [u32], &'a [u32]);

fn split(s: &State) -> (Header<'_>, Places<'_>) {
    // Exhaustive on purpose: a new field in `State` must be hashed.
    let State {
        turn,
        phase,
        units: _,
        control,
        control_since,
        rng,
        draws,
        vp,
        evacuated_steps,
        evacuated_this_turn,
        support,
        beach_used,
        outcome,
        events,
        works,
        naval_plan,
    } = s;
    let header = Header {
        turn: *turn,
        phase: *phase,
        rng,
        draws: *draws,
        vp: *vp,
        evacuated_steps: *evacuated_steps,
        evacuated_this_turn: *evacuated_this_turn,
        support: *support,
        outcome,
        events,
        works,
        naval_plan,
    };
    (header, (control, control_since, beach_used))
}

fn places_digest(p: Places<'_>) -> [u8; 32] {
    let mut h = blake3::Hasher::new();
    h.update(b"landfall places v2");
    h.update(&postcard::to_allocvec(&p).unwrap_or_default());
    *h.finalize().as_bytes()
}

/// The places digest and the lists it was made from.
#[derive(Debug, Clone, Default)]
struct PlacesCache {
    control: Vec<Side>,
    control_since: Vec<u32>,
    beach_used: Vec<u32>,
    digest: [u8; 32],
}

impl PlacesCache {
    fn new(p: Places<'_>) -> Self {
        Self {
            control: p.0.to_vec(),
            control_since: p.1.to_vec(),
            beach_used: p.2.to_vec(),
            digest: places_digest(p),
        }
    }

    fn matches(&self, p: Places<'_>) -> bool {
        (
            &self.control[..],
            &self.control_since[..],
            &self.beach_used[..],
        ) == p
    }

    /// The digest of `p`, recomputed only if `p` changed (a comparison of a
    /// few hundred bytes instead of serializing and hashing them).
    fn digest(&self, p: Places<'_>) -> [u8; 32] {
        if self.matches(p) {
            self.digest
        } else {
            places_digest(p)
        }
    }
}

/// The unit digests of one state, kept up to date command by command.
#[derive(Debug, Clone)]
pub struct StateHasher {
    digests: Vec<Lanes>,
    sum: Lanes,
    /// The `Units` log (origin, sequence number) the digests reflect.
    origin: u64,
    cursor: u64,
    places: PlacesCache,
}

impl StateHasher {
    /// Digest every unit of `state`.
    #[must_use]
    pub fn new(state: &State) -> Self {
        let digests: Vec<Lanes> = state.units.iter().map(unit_digest).collect();
        let mut sum = [0; 4];
        for d in &digests {
            add(&mut sum, d);
        }
        Self {
            digests,
            sum,
            origin: state.units.origin(),
            cursor: state.units.now(),
            places: PlacesCache::new(split(state).1),
        }
    }

    /// Follow `state` from where it was last seen: re-digest the units
    /// changed since (all of them if that is unknown), and the places if
    /// they changed.
    pub fn update(&mut self, state: &State) {
        let units = &state.units;
        let changed = (self.origin == units.origin() && self.digests.len() == units.len())
            .then(|| units.changes_since(self.cursor))
            .flatten();
        let Some(changed) = changed else {
            *self = Self::new(state);
            return;
        };
        for &id in changed {
            let i = id as usize;
            let d = unit_digest(&units[i]);
            if d != self.digests[i] {
                sub(&mut self.sum, &self.digests[i]);
                add(&mut self.sum, &d);
                self.digests[i] = d;
            }
        }
        self.cursor = units.now();
        let places = split(state).1;
        if !self.places.matches(places) {
            self.places = PlacesCache::new(places);
        }
    }

    /// The hash of `state`, which must be the state last passed to
    /// [`Self::new`] or [`Self::update`] (units; the rest is read now).
    #[must_use]
    pub fn hash(&self, state: &State) -> String {
        let (header, places) = split(state);
        let mut h = blake3::Hasher::new();
        h.update(b"landfall state v2");
        h.update(&postcard::to_allocvec(&header).unwrap_or_default());
        h.update(&self.places.digest(places));
        h.update(&(self.digests.len() as u64).to_le_bytes());
        for lane in self.sum {
            h.update(&lane.to_le_bytes());
        }
        h.finalize().to_hex().to_string()
    }
}

impl State {
    /// The state hash (see the module doc), computed from scratch.
    #[must_use]
    pub fn hash(&self) -> String {
        StateHasher::new(self).hash(self)
    }
}
