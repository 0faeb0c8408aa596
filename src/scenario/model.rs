//! The runtime scenario: checked, with string ids resolved to indices and the
//! map stored flat for fast rule queries. Built by [`super::compile`] from the
//! RON files in [`super::schema`]; immutable during a game (shared by `Arc`).

use super::schema::*;
use crate::hex::{EdgeDirection, Hex, HexGrid, OffsetCoord};

/// Index of a terrain type in [`Scenario::terrain`].
pub type TerrainId = u8;
/// Index of a place in [`Map::places`].
pub type PlaceId = u16;
/// Index of a unit in [`Scenario::units`] (units are sorted by their string id,
/// so this index is stable for a given scenario content hash).
pub type UnitId = u16;

/// A checked scenario, ready to play.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// Stable id (from the file).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Briefing.
    pub description: String,
    /// Date of turn 1.
    pub start: StartDate,
    /// Hours per turn.
    pub turn_hours: u32,
    /// Number of turns.
    pub turns: u32,
    /// Hex size in km.
    pub hex_km: u32,
    /// Default RNG seed.
    pub seed: u64,
    /// Turn sequence.
    pub phases: Vec<PhaseSpec>,
    /// Rule parameters.
    pub rules: RulesSpec,
    /// Supply parameters.
    pub supply: SupplySpec,
    /// Support parameters.
    pub support: SupportSpec,
    /// Victory conditions (place ids resolved in `objectives`).
    pub victory: VictorySpec,
    /// Objectives resolved to places.
    pub objectives: Vec<Objective>,
    /// Historical milestones.
    pub history: Vec<HistoricalEvent>,
    /// Events, checked (`events` in `scenario.ron`), in file order.
    pub events: Vec<ScenarioEvent>,
    /// The computer's difficulty level for this scenario (a name checked
    /// against [`difficulty_names`]); `None`: the default level.
    pub ai: Option<String>,
    /// Turn windows of the Axis counterattacks (AI posture; see the schema).
    pub counterattacks: Vec<super::schema::TurnWindow>,
    /// The withdrawal plans' lines, with their hexes drawn.
    pub defence_lines: Vec<DefenceLine>,
    /// The evacuation plan (windows, embarkation points, scoring).
    pub evacuation: super::evacuation::Evacuation,
    /// The map.
    pub map: Map,
    /// Terrain types, indexed by [`TerrainId`].
    pub terrain: Vec<Terrain>,
    /// Road costs `[road class][move class]`.
    pub road_cost: [[Option<u32>; 3]; 3],
    /// River crossing costs.
    pub river_cost: RiverCosts,
    /// Unit types by id (sorted).
    pub unit_types: Vec<(String, UnitTypeSpec)>,
    /// The combat results table.
    pub crt: Crt,
    /// Airborne scatter table.
    pub scatter: ScatterSpec,
    /// Formations of both sides.
    pub formations: Vec<FormationSpec>,
    /// Units of both sides, sorted by id; index = [`UnitId`].
    pub units: Vec<UnitDef>,
    /// blake3 of every file's bytes, in include order (hex string).
    pub content_hash: String,
    /// Path of the main scenario file as loaded.
    pub source: std::path::PathBuf,
    /// The campaign leg this scenario is, with the values carried into it
    /// (`scenario::campaign::apply`); `None` for a scenario played alone.
    pub campaign: Option<super::campaign::CampaignLink>,
}

/// A defence line of a withdrawal plan (see [`DefenceLineSpec`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefenceLine {
    /// Display name.
    pub name: String,
    /// The side that holds it.
    pub side: Side,
    /// The turns it is held.
    pub window: TurnWindow,
    /// Its land hexes, from the first place to the last.
    pub hexes: Vec<Hex>,
    /// The nations whose units hold it; empty: all.
    pub nations: Vec<String>,
}

impl Scenario {
    /// The line `side` holds on `turn`, if its plan has one (the first
    /// listed when windows overlap).
    #[must_use]
    pub fn defence_line(&self, side: Side, turn: u32) -> Option<&DefenceLine> {
        self.defence_lines
            .iter()
            .find(|l| l.side == side && (l.window.from_turn..=l.window.until_turn).contains(&turn))
    }
}

/// A resolved objective.
#[derive(Debug, Clone)]
pub struct Objective {
    /// The place.
    pub place: PlaceId,
    /// VP at the end.
    pub vp: u32,
    /// VP each end of turn.
    pub vp_per_turn: u32,
    /// Holder at the start.
    pub owner: Side,
}

/// A terrain type with costs in array form.
#[derive(Debug, Clone)]
pub struct Terrain {
    /// Id from the table (e.g. "hills").
    pub id: String,
    /// Display name.
    pub name: String,
    /// Cost per [`MoveClass`] index; `None` = cannot enter.
    pub move_cost: [Option<u32>; 3],
    /// Column shift for attacks into it.
    pub combat_shift: i32,
    /// Sight range from it.
    pub sight: u32,
    /// Range at which units in it are seen.
    pub concealment: u32,
    /// Sea.
    pub water: bool,
    /// Map colour.
    pub color: (u8, u8, u8),
}

/// Features of one hexside, stored for both hexes that share it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SideFeatures {
    /// River along this side.
    pub river: Option<RiverClass>,
    /// Road crossing this side (best class if several).
    pub road: Option<RoadClass>,
    /// A bridge carries the road over the river.
    pub bridge: bool,
    /// A sea crossing (Strait of Messina).
    pub strait: bool,
}

/// The hex map, flat and indexed by [`HexGrid::index`].
#[derive(Debug, Clone)]
pub struct Map {
    /// Shape.
    pub grid: HexGrid,
    /// Terrain per hex.
    pub terrain: Vec<TerrainId>,
    /// Elevation in metres per hex.
    pub elevation: Vec<i32>,
    /// Features of the six sides of each hex, by `EdgeDirection::index()`.
    pub sides: Vec<[SideFeatures; 6]>,
    /// Place on each hex, if any.
    pub place_at: Vec<Option<PlaceId>>,
    /// Places.
    pub places: Vec<PlaceSpec>,
    /// Beaches.
    pub beaches: Vec<BeachSpec>,
    /// Drop zones.
    pub drop_zones: Vec<DropZoneSpec>,
    /// Map edges.
    pub edges: Vec<EdgeSpec>,
    /// River names and classes, for display.
    pub rivers: Vec<RiverSpec>,
    /// Roads, for display.
    pub roads: Vec<RoadSpec>,
}

impl Map {
    /// Storage index of a hex on the map.
    #[must_use]
    pub fn index(&self, hex: Hex) -> Option<usize> {
        self.grid.index(hex)
    }
    /// Terrain id of a hex on the map.
    #[must_use]
    pub fn terrain_at(&self, hex: Hex) -> Option<TerrainId> {
        self.index(hex).map(|i| self.terrain[i])
    }
    /// Features of the side of `hex` facing `dir`.
    #[must_use]
    pub fn side(&self, hex: Hex, dir: EdgeDirection) -> SideFeatures {
        self.index(hex)
            .map(|i| self.sides[i][dir.index() as usize])
            .unwrap_or_default()
    }
    /// Features of the side between two adjacent hexes.
    #[must_use]
    pub fn side_between(&self, a: Hex, b: Hex) -> SideFeatures {
        a.neighbor_direction(b)
            .map(|d| self.side(a, d))
            .unwrap_or_default()
    }
    /// The place on a hex.
    #[must_use]
    pub fn place(&self, hex: Hex) -> Option<&PlaceSpec> {
        self.index(hex)
            .and_then(|i| self.place_at[i])
            .map(|p| &self.places[p as usize])
    }
    /// Place index by id.
    #[must_use]
    pub fn place_id(&self, id: &str) -> Option<PlaceId> {
        self.places
            .iter()
            .position(|p| p.id == id)
            .map(|i| i as PlaceId)
    }
}

impl Scenario {
    /// Is this hex on the map and land?
    #[must_use]
    pub fn is_land(&self, hex: Hex) -> bool {
        self.map
            .terrain_at(hex)
            .is_some_and(|t| !self.terrain[t as usize].water)
    }
    /// Is this hex on the map and water?
    #[must_use]
    pub fn is_water(&self, hex: Hex) -> bool {
        self.map
            .terrain_at(hex)
            .is_some_and(|t| self.terrain[t as usize].water)
    }
    /// Terrain of a hex on the map.
    #[must_use]
    pub fn terrain_of(&self, hex: Hex) -> Option<&Terrain> {
        self.map.terrain_at(hex).map(|t| &self.terrain[t as usize])
    }
    /// Unit by string id.
    #[must_use]
    pub fn unit_id(&self, id: &str) -> Option<UnitId> {
        self.units
            .binary_search_by(|u| u.id.as_str().cmp(id))
            .ok()
            .map(|i| i as UnitId)
    }
    /// Unit definition.
    #[must_use]
    pub fn unit(&self, id: UnitId) -> &UnitDef {
        &self.units[id as usize]
    }
    /// Offset label of a hex, as designers write it.
    #[must_use]
    pub fn label(hex: Hex) -> OffsetCoord {
        OffsetCoord::from_hex(hex)
    }
}

/// A unit's fixed data (what does not change in play).
#[derive(Debug, Clone)]
pub struct UnitDef {
    /// Stable string id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Side.
    pub side: Side,
    /// Nation code.
    pub nation: String,
    /// Parent formation id.
    pub parent: String,
    /// Unit type id.
    pub unit_type: String,
    /// Type flags copied from the type library.
    pub kind: UnitTypeSpec,
    /// Size marker.
    pub size: UnitSize,
    /// Full-strength steps.
    pub max_steps: u32,
    /// Attack at full strength.
    pub attack: u32,
    /// Defence at full strength.
    pub defence: u32,
    /// Movement allowance.
    pub movement: u32,
    /// Movement class.
    pub class: MoveClass,
    /// Setup hex.
    pub setup: Option<Hex>,
    /// Scheduled arrival.
    pub arrival: Option<Arrival>,
    /// Steps at the start when a campaign carry-over set them
    /// (`scenario::campaign`); `None`: full strength. `Some(0)`: the unit
    /// is not in this leg (it starts withdrawn).
    pub start_steps: Option<u32>,
}

/// A resolved arrival.
#[derive(Debug, Clone)]
pub struct Arrival {
    /// Turn.
    pub turn: u32,
    /// Entry points: the scheduled one first, then alternatives.
    pub entries: Vec<Entry>,
    /// Night drop.
    pub night: bool,
    /// Glider-borne.
    pub glider: bool,
    /// On an edge entry, prefer the hexes nearest to this place.
    pub near: Option<PlaceId>,
}

/// A resolved entry point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// Beach index.
    Beach(u16),
    /// Port place.
    Port(PlaceId),
    /// Drop zone index.
    Drop(u16),
    /// Map edge index.
    Edge(u16),
    /// A hex.
    Hex(Hex),
}

/// One outcome of combat, parsed from CRT notation.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct CrtResult {
    /// Steps the attacker loses.
    pub attacker_steps: u32,
    /// Steps the defender loses.
    pub defender_steps: u32,
    /// Hexes the defender retreats.
    pub retreat: u32,
    /// Exchange: the defender loses a step, the attacker loses as many steps.
    pub exchange: bool,
    /// Every defending unit is eliminated.
    pub defender_eliminated: bool,
    /// Every attacking unit is eliminated.
    pub attacker_eliminated: bool,
}

/// The combat results table in resolved form.
#[derive(Debug, Clone)]
pub struct Crt {
    /// Die faces.
    pub die: u32,
    /// Columns worst to best for the attacker.
    pub columns: Vec<CrtColumn>,
}

/// A resolved column.
#[derive(Debug, Clone)]
pub struct CrtColumn {
    /// Attacker:defender odds.
    pub odds: (u32, u32),
    /// Result per face, face 1 first.
    pub results: Vec<CrtResult>,
}

impl std::fmt::Display for CrtResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.attacker_eliminated {
            return f.write_str("AE");
        }
        if self.defender_eliminated {
            return f.write_str("DE");
        }
        if self.exchange {
            return f.write_str("EX");
        }
        let mut s = String::new();
        if self.attacker_steps > 0 {
            s += &format!("A{}", self.attacker_steps);
        }
        if self.defender_steps > 0 {
            s += &format!("D{}", self.defender_steps);
        }
        if self.retreat > 0 {
            s += &format!("R{}", self.retreat);
        }
        if s.is_empty() {
            s = "NE".into();
        }
        f.write_str(&s)
    }
}

impl std::str::FromStr for CrtResult {
    type Err = String;
    /// Parses CRT notation: `NE`, `AE`, `DE`, `EX`, or any of `A<n>`, `D<n>`,
    /// `R<n>` in that order (e.g. `A1D1`, `D1R2`, `R1`).
    fn from_str(s: &str) -> Result<Self, String> {
        let mut r = CrtResult::default();
        match s {
            "NE" => return Ok(r),
            "AE" => {
                r.attacker_eliminated = true;
                return Ok(r);
            }
            "DE" => {
                r.defender_eliminated = true;
                return Ok(r);
            }
            "EX" => {
                r.exchange = true;
                return Ok(r);
            }
            _ => {}
        }
        let bytes = s.as_bytes();
        let mut i = 0;
        let mut last = 0u8;
        if bytes.is_empty() {
            return Err("empty CRT result".into());
        }
        while i < bytes.len() {
            let tag = bytes[i];
            if !matches!(tag, b'A' | b'D' | b'R') || order(tag) <= order(last) {
                return Err(format!(
                    "bad CRT result `{s}`: expected NE, AE, DE, EX or A<n>D<n>R<n> (in that order)"
                ));
            }
            i += 1;
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let n: u32 = s[start..i]
                .parse()
                .map_err(|_| format!("bad CRT result `{s}`: `{}` needs a number", tag as char))?;
            if n > 9 {
                return Err(format!("bad CRT result `{s}`: at most 9 steps or hexes"));
            }
            match tag {
                b'A' => r.attacker_steps = n,
                b'D' => r.defender_steps = n,
                _ => r.retreat = n,
            }
            last = tag;
        }
        Ok(r)
    }
}

fn order(tag: u8) -> u8 {
    match tag {
        b'A' => 1,
        b'D' => 2,
        b'R' => 3,
        _ => 0,
    }
}

/// The shipped AI difficulty levels (`scenarios/common/ai.ron`); the `ai`
/// layer parses their parameters, the scenario checks names against them.
pub const AI_LEVELS: &str = include_str!("../../scenarios/common/ai.ron");

/// The names of the difficulty levels in [`AI_LEVELS`], sorted.
#[must_use]
pub fn difficulty_names() -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Names {
        levels: std::collections::BTreeMap<String, serde::de::IgnoredAny>,
    }
    ron::from_str::<Names>(AI_LEVELS)
        .map(|n| n.levels.into_keys().collect())
        .unwrap_or_default()
}

/// A checked scenario event (`events` in `scenario.ron`, see
/// `schema/events.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioEvent {
    /// Identifier.
    pub id: String,
    /// What makes it fire.
    pub when: EventTrigger,
    /// What it does, in order.
    pub then: Vec<EventEffect>,
    /// Source or reason.
    pub note: String,
}

/// A resolved trigger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventTrigger {
    /// The start of this turn.
    Turn(u32),
    /// The place changed hands to `by`.
    Taken {
        /// Place.
        place: PlaceId,
        /// Side.
        by: Side,
    },
    /// The unit was eliminated.
    Eliminated(UnitId),
    /// The side (or nation) has lost this many steps.
    StepsLost {
        /// Side.
        side: Side,
        /// Nation filter.
        nation: Option<String>,
        /// Steps.
        at_least: u32,
    },
}

/// A resolved effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventEffect {
    /// Log line.
    Message(String),
    /// VP to a side.
    Vp {
        /// Side.
        side: Side,
        /// Points.
        vp: i64,
    },
    /// Rating percentages of a nation.
    Ratings {
        /// Nation.
        nation: String,
        /// Attack, percent.
        attack_percent: u32,
        /// Defence, percent (at least 1).
        defence_percent: u32,
    },
    /// Release these units' arrivals.
    Arrive(Vec<UnitId>),
    /// These units leave the game.
    Withdraw(Vec<UnitId>),
    /// Blow these crossings (`rules::demolition::key` order).
    Demolish(Vec<(crate::hex::OffsetCoord, crate::hex::OffsetCoord)>),
    /// Open or close a rule window.
    Window {
        /// Rule.
        rule: super::schema::RuleWindow,
        /// Open?
        open: bool,
    },
}
