//! The complete game state in canonical form.
//!
//! The live game keeps this in a Bevy `World` (units as entities, the rest as
//! resources, see [`super::world`]); rules read it through a
//! [`crate::rules::GameView`] and commands turn one `State` into the next. The
//! canonical serialization (postcard over this struct: fixed field order,
//! units sorted by id, no hash maps) is what [`State::hash`] digests
//! (`super::hash`: per-unit digests summed, plus everything else), so the
//! hash covers everything including the RNG position.

use super::units::Units;
use crate::hex::{Hex, OffsetCoord};
use crate::scenario::{Scenario, Side, UnitId};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// Where a unit is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// Not yet arrived (scheduled landing, drop or reinforcement).
    Pending,
    /// On the map.
    OnMap,
    /// Destroyed.
    Eliminated,
    /// Left the map across the strait.
    Evacuated,
    /// Taken out of the game by a scenario event (neither scores).
    Withdrawn,
}

/// Supply state of a unit, as of its side's last supply phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SupplyState {
    /// Could it trace supply at the last check?
    pub out_of_supply: bool,
    /// Consecutive supply checks it failed.
    pub turns_out: u32,
}

/// Everything about one unit that changes in play.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitState {
    /// Index into `Scenario::units`.
    pub id: UnitId,
    /// Where it is (only meaningful `OnMap`), as offset coordinates; for an
    /// evacuated unit, the embarkation point it left from.
    pub at: Option<OffsetCoord>,
    /// Life status.
    pub status: Status,
    /// Steps left.
    pub steps: u32,
    /// Movement points left this phase.
    pub mp_left: u32,
    /// Has it moved this phase?
    pub moved: bool,
    /// Has it attacked (or fired in support) this combat phase?
    pub attacked: bool,
    /// Supply.
    pub supply: SupplyState,
    /// Turn on which it most recently entered its current hex (for an
    /// evacuated unit, the turn it crossed).
    pub entered_turn: u32,
    /// Has it taken part in a combat (attacking, supporting, defending)?
    /// Only units that fought score when they are evacuated, if the
    /// scenario's evacuation plan says so.
    #[serde(default)]
    pub fought: bool,
    /// Turn its arrival was delayed to (0 = as scheduled).
    pub delayed_to: u32,
}

impl UnitState {
    /// Its hex, if on the map.
    #[must_use]
    pub fn hex(&self) -> Option<Hex> {
        match self.status {
            Status::OnMap => self.at.map(OffsetCoord::to_hex),
            _ => None,
        }
    }
}

/// Support points a side has left this turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SupportLeft {
    /// Naval gunfire points.
    pub naval: u32,
    /// Air support points.
    pub air: u32,
}

/// The end of a game.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// Winner (None = draw).
    pub winner: Option<Side>,
    /// Decisive / marginal / draw.
    pub level: crate::scenario::schema::VictoryLevel,
    /// Why it ended ("last turn played", "the beachhead is split").
    pub reason: String,
}

/// The whole mutable game state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// Turn, 1-based.
    pub turn: u32,
    /// Index into `Scenario::phases`.
    pub phase: u32,
    /// Units, index = [`UnitId`] (a slice that logs mutable access).
    pub units: Units,
    /// Controller of each place, index = `PlaceId`.
    pub control: Vec<Side>,
    /// Turn each place last changed hands (0 = never).
    pub control_since: Vec<u32>,
    /// The dice: seeded from the match seed at setup, then afresh before
    /// every command from the match seed, the state and the command
    /// (`super::dice`), so no roll can be read off the one before.
    pub rng: ChaCha8Rng,
    /// Random numbers drawn so far (for replays and undo).
    pub draws: u64,
    /// Victory points `[allied, axis]`.
    pub vp: [i64; 2],
    /// Axis steps evacuated so far that score (see `rules::evacuation`).
    pub evacuated_steps: u32,
    /// Steps evacuated this turn (crossing capacity).
    pub evacuated_this_turn: u32,
    /// Support points left `[allied, axis]`.
    pub support: [SupportLeft; 2],
    /// Steps landed over each beach this turn.
    pub beach_used: Vec<u32>,
    /// Set when the game is over.
    pub outcome: Option<Outcome>,
    /// What the scenario's events have done so far.
    #[serde(default)]
    pub events: EventsState,
    /// Each side's naval gunfire plan for the landings of its next arrivals
    /// phase (`Command::AllotGunfire`, `rules::amphibious`): `(beach,
    /// points)` sorted by beach, the points each beach's assaults may still
    /// spend; `None`: no plan, the fire is automatic. Cleared when the
    /// side's arrivals phase is over.
    #[serde(default)]
    pub naval_plan: [Option<Vec<(u16, u32)>>; 2],
    /// Blown crossings, landing craft used, units at sea
    /// (`rules::demolition`, `rules::amphibious`).
    #[serde(default)]
    pub works: Works,
}

/// Demolitions and amphibious operations after the first landings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Works {
    /// Blown hexsides (`rules::demolition::key`) with the repair phases
    /// spent on each so far.
    pub blown: std::collections::BTreeMap<(OffsetCoord, OffsetCoord), u32>,
    /// Steps landed by landing craft this turn (`rules.landing_craft`).
    pub craft_used: u32,
    /// Units embarked for a landing: unit → (beach, turn it lands).
    pub sailing: std::collections::BTreeMap<UnitId, (u16, u32)>,
}

impl Works {
    /// True when nothing was ever blown and nobody is at sea (nothing to
    /// hash: the hashes of games recorded before demolitions stay valid).
    #[must_use]
    pub fn is_untouched(&self) -> bool {
        self.blown.is_empty() && self.craft_used == 0 && self.sailing.is_empty()
    }
}

impl EventsState {
    /// True for a scenario without events (nothing to hash).
    #[must_use]
    pub fn is_untouched(&self) -> bool {
        self.fired.is_empty() && self.ratings.is_empty() && self.closed.is_empty()
    }
}

/// The effects of scenario events that last (`src/command/events.rs`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EventsState {
    /// `fired[i]`: event `i` of the scenario has fired.
    pub fired: Vec<bool>,
    /// Rating percentages `(attack, defence)` by nation, set by events.
    pub ratings: std::collections::BTreeMap<String, (u32, u32)>,
    /// Rule windows that are closed now.
    pub closed: std::collections::BTreeSet<crate::scenario::schema::RuleWindow>,
}

impl State {
    /// The state at the start of a scenario with `seed`.
    #[must_use]
    pub fn new(scenario: &Scenario, seed: u64) -> Self {
        let units = scenario
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| UnitState {
                id: i as UnitId,
                // A campaign leg may field a unit at fewer steps, or not at
                // all (`UnitDef::start_steps`, `scenario::campaign`).
                at: u
                    .setup
                    .filter(|_| u.start_steps != Some(0))
                    .map(OffsetCoord::from_hex),
                status: match (u.start_steps, u.setup) {
                    (Some(0), _) => Status::Withdrawn,
                    (_, Some(_)) => Status::OnMap,
                    (_, None) => Status::Pending,
                },
                steps: u.start_steps.unwrap_or(u.max_steps),
                mp_left: u.movement,
                moved: false,
                attacked: false,
                supply: SupplyState::default(),
                entered_turn: 0,
                fought: false,
                delayed_to: 0,
            })
            .collect::<Vec<_>>()
            .into();
        let mut control = vec![Side::Axis; scenario.map.places.len()];
        for o in &scenario.objectives {
            control[o.place as usize] = o.owner;
        }
        Self {
            turn: 1,
            phase: 0,
            units,
            control,
            control_since: vec![0; scenario.map.places.len()],
            rng: ChaCha8Rng::seed_from_u64(seed),
            draws: 0,
            vp: [0, 0],
            evacuated_steps: 0,
            evacuated_this_turn: 0,
            support: [SupportLeft::default(); 2],
            beach_used: vec![0; scenario.map.beaches.len()],
            outcome: None,
            works: Works::default(),
            events: EventsState {
                fired: vec![false; scenario.events.len()],
                ratings: std::collections::BTreeMap::new(),
                // A window some event opens starts closed.
                closed: scenario
                    .events
                    .iter()
                    .flat_map(|e| &e.then)
                    .filter_map(|x| match x {
                        crate::scenario::EventEffect::Window { rule, open: true } => Some(*rule),
                        _ => None,
                    })
                    .collect(),
            },
            naval_plan: [None, None],
        }
    }

    /// The unit with this id.
    #[must_use]
    pub fn unit(&self, id: UnitId) -> &UnitState {
        &self.units[id as usize]
    }

    /// Bring the occupancy index up to date, so that views of this state
    /// borrow it instead of building one (call it after changing units).
    pub fn sync_index(&mut self, scenario: &Scenario) {
        self.units.sync_index(scenario.map.grid);
    }

    /// Everything but the units, for an undo snapshot.
    #[must_use]
    pub fn header(&self) -> Header {
        // Exhaustive on purpose: a new field in `State` must be restored.
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
        } = self;
        Header(State {
            turn: *turn,
            phase: *phase,
            units: Units::default(),
            control: control.clone(),
            control_since: control_since.clone(),
            rng: rng.clone(),
            draws: *draws,
            vp: *vp,
            evacuated_steps: *evacuated_steps,
            evacuated_this_turn: *evacuated_this_turn,
            support: *support,
            beach_used: beach_used.clone(),
            outcome: outcome.clone(),
            events: events.clone(),
            works: works.clone(),
            naval_plan: naval_plan.clone(),
        })
    }

    /// Put back everything but the units from a snapshot.
    pub fn restore_header(&mut self, header: Header) {
        let units = std::mem::take(&mut self.units);
        *self = State { units, ..header.0 };
    }
}

/// A state's fields other than its units (see [`State::header`]).
#[derive(Debug, Clone)]
pub struct Header(State);
