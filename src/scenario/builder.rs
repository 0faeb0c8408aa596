//! A tiny-scenario builder for tests: a few hand-placed hexes, a fixed terrain
//! table and CRT (given below as RON, like real scenarios), and units placed by
//! hand. Rule tests use it to set up one named situation each.
//!
//! The `expect`s below parse the constant tables in this file, never user
//! input: every test that builds a scenario parses them, so they cannot fail
//! in a build whose tests pass.

use super::model::*;
use super::schema::*;
use crate::hex::{HexGrid, OffsetCoord};
use crate::rules::GameView;
use crate::sim::state::State;
use std::sync::Arc;

mod posture;

/// Terrain table used by rule tests (costs in MP; clear = 2 so roads can halve).
pub const TEST_TERRAIN: &str = r#"(
  terrain: {
    "sea": (name: "Sea", move_cost: {}, water: true, color: (40, 80, 140)),
    "clear": (name: "Clear", move_cost: {Foot: 2, Motorised: 2, Tracked: 2}, color: (200, 200, 140)),
    "rough": (name: "Rough", move_cost: {Foot: 4, Motorised: 6, Tracked: 4}, combat_shift: -1, color: (170, 160, 110)),
    "hills": (name: "Hills", move_cost: {Foot: 4, Motorised: 6, Tracked: 4}, combat_shift: -1, sight: 4, concealment: 2, color: (160, 140, 90)),
    "mountain": (name: "Mountain", move_cost: {Foot: 6, Motorised: 12, Tracked: 8}, combat_shift: -2, sight: 5, concealment: 1, color: (130, 110, 80)),
    "forest": (name: "Forest", move_cost: {Foot: 4, Motorised: 6, Tracked: 6}, combat_shift: -1, concealment: 1, color: (80, 130, 70)),
    "marsh": (name: "Marsh", move_cost: {Foot: 6, Tracked: 8}, combat_shift: -1, color: (120, 150, 120)),
    "town": (name: "Town", move_cost: {Foot: 2, Motorised: 2, Tracked: 2}, combat_shift: -1, concealment: 2, color: (180, 100, 90)),
    "city": (name: "City", move_cost: {Foot: 2, Motorised: 2, Tracked: 2}, combat_shift: -2, concealment: 1, color: (160, 70, 70)),
    "volcano": (name: "Etna", move_cost: {Foot: 8}, combat_shift: -2, color: (90, 80, 80)),
  },
  river_cost: (minor: 2, major: 4),
  road_cost: {
    Main: {Foot: 1, Motorised: 1, Tracked: 1},
    Secondary: {Foot: 1, Motorised: 1, Tracked: 2},
    Rail: {Foot: 2},
  },
)"#;

/// CRT used by rule tests: d6, columns 1:2 to 6:1.
pub const TEST_CRT: &str = r#"(
  die: 6,
  columns: [
    (odds: (1, 2), results: ["AE", "A1", "A1", "A1", "NE", "D1"]),
    (odds: (1, 1), results: ["A1", "A1", "NE", "R1", "D1", "D1R1"]),
    (odds: (2, 1), results: ["A1", "NE", "R1", "D1", "D1R1", "EX"]),
    (odds: (3, 1), results: ["NE", "R1", "D1", "D1R1", "EX", "D2R1"]),
    (odds: (4, 1), results: ["R1", "D1", "D1R1", "EX", "D2R1", "DE"]),
    (odds: (5, 1), results: ["D1", "D1R1", "EX", "D2R1", "D2R2", "DE"]),
    (odds: (6, 1), results: ["D1R1", "EX", "D2R1", "D2R2", "DE", "DE"]),
  ],
  scatter: (
    out_of: 36,
    distance_day: [24, 9, 3],
    distance_night: [9, 12, 9, 6],
    step_loss_day: 3,
    step_loss_night: 9,
    step_loss_glider_extra: 6,
    glider_sea_loss: 2,
  ),
)"#;

/// Unit types used by rule tests.
pub const TEST_TYPES: &str = r#"(types: {
  "infantry": (name: "Infantry", symbol: Infantry, class: Foot, infantry: true),
  "armour": (name: "Armour", symbol: Armour, class: Tracked, armour: true),
  "motorised": (name: "Motorised", symbol: Motorised, class: Motorised, infantry: true),
  "airborne": (name: "Airborne", symbol: Airborne, class: Foot, infantry: true),
  "artillery": (name: "Artillery", symbol: Artillery, class: Motorised, artillery: true),
  "coastal": (name: "Coastal", symbol: Coastal, class: Foot, static_unit: true, no_zoc: true),
  "engineer": (name: "Engineers", symbol: Infantry, class: Foot, infantry: true, engineer: true),
})"#;

/// Build a scenario by hand for tests.
pub struct TestScenario {
    rows: Vec<String>,
    units: Vec<UnitDef>,
    rivers: Vec<(OffsetCoord, OffsetCoord, RiverClass)>,
    roads: Vec<(RoadClass, Vec<OffsetCoord>)>,
    bridges: Vec<(OffsetCoord, OffsetCoord)>,
    straits: Vec<(OffsetCoord, OffsetCoord)>,
    places: Vec<PlaceSpec>,
    beaches: Vec<BeachSpec>,
    drop_zones: Vec<DropZoneSpec>,
    edges: Vec<EdgeSpec>,
    objectives: Vec<ObjectiveSpec>,
    rules: RulesSpec,
    supply: SupplySpec,
    support: SupportSpec,
    victory_levels: Vec<VictoryLevelSpec>,
    sudden_death: Vec<SuddenDeathSpec>,
    evacuated_step_vp: u32,
    phases: Vec<PhaseSpec>,
    turns: u32,
    seed: u64,
    counterattacks: Vec<TurnWindow>,
    defence_lines: Vec<DefenceLineSpec>,
    evacuation: Option<EvacuationSpec>,
}

/// A built test scenario with its starting state.
pub struct Built {
    /// The scenario.
    pub scenario: Arc<Scenario>,
    /// The initial state.
    pub state: State,
}

impl Built {
    /// A view of the initial state.
    #[must_use]
    pub fn view(&self) -> GameView<'_> {
        GameView::new(&self.scenario, &self.state)
    }
}

fn terrain_id(c: char) -> &'static str {
    match c {
        '.' => "sea",
        'c' => "clear",
        'r' => "rough",
        'h' => "hills",
        'm' => "mountain",
        'f' => "forest",
        'w' => "marsh",
        't' => "town",
        'C' => "city",
        'v' => "volcano",
        _ => "clear",
    }
}

fn oc((c, r): (i32, i32)) -> OffsetCoord {
    OffsetCoord(c, r)
}

impl TestScenario {
    /// A map from rows of legend characters (`.` sea, `c` clear, `r` rough,
    /// `h` hills, `m` mountain, `f` forest, `w` marsh, `t` town, `C` city,
    /// `v` volcano), row 0 north.
    #[must_use]
    pub fn new(rows: &[&str]) -> Self {
        Self {
            rows: rows.iter().map(|r| r.to_string()).collect(),
            units: Vec::new(),
            rivers: Vec::new(),
            roads: Vec::new(),
            bridges: Vec::new(),
            straits: Vec::new(),
            places: Vec::new(),
            beaches: Vec::new(),
            drop_zones: Vec::new(),
            edges: Vec::new(),
            objectives: Vec::new(),
            rules: RulesSpec::default(),
            supply: SupplySpec::default(),
            support: SupportSpec::default(),
            victory_levels: vec![
                VictoryLevelSpec {
                    winner: Some(Side::Allied),
                    level: VictoryLevel::Decisive,
                    min_margin: 20,
                },
                VictoryLevelSpec {
                    winner: Some(Side::Allied),
                    level: VictoryLevel::Marginal,
                    min_margin: 5,
                },
                VictoryLevelSpec {
                    winner: None,
                    level: VictoryLevel::Draw,
                    min_margin: -4,
                },
                VictoryLevelSpec {
                    winner: Some(Side::Axis),
                    level: VictoryLevel::Marginal,
                    min_margin: -19,
                },
                VictoryLevelSpec {
                    winner: Some(Side::Axis),
                    level: VictoryLevel::Decisive,
                    min_margin: i64::MIN,
                },
            ],
            sudden_death: Vec::new(),
            evacuated_step_vp: 1,
            phases: default_phases(),
            turns: 10,
            seed: 7,
            counterattacks: Vec::new(),
            defence_lines: Vec::new(),
            evacuation: None,
        }
    }

    /// Add a unit with default ratings for its type: infantry 3 steps 6-6-8,
    /// armour 3 steps 9-6-12, motorised 3 steps 5-5-12, airborne 2 steps 4-5-6,
    /// artillery 2 steps 4-3-8, coastal 1 step 1-2-0.
    #[must_use]
    pub fn unit(mut self, id: &str, side: Side, unit_type: &str, at: (i32, i32)) -> Self {
        let types: UnitTypesFile = ron::from_str(TEST_TYPES).expect("test unit types parse");
        let kind = types.types[unit_type].clone();
        let (steps, attack, defence, movement) = match unit_type {
            "armour" => (3, 9, 6, 12),
            "motorised" => (3, 5, 5, 12),
            "airborne" => (2, 4, 5, 6),
            "artillery" => (2, 4, 3, 8),
            "coastal" => (1, 1, 2, 0),
            _ => (3, 6, 6, 8),
        };
        self.units.push(UnitDef {
            id: id.to_string(),
            name: id.to_string(),
            side,
            nation: "XX".into(),
            parent: "test".into(),
            unit_type: unit_type.into(),
            class: kind.class,
            kind,
            size: UnitSize::Regiment,
            max_steps: steps,
            attack,
            defence,
            movement,
            setup: Some(oc(at).to_hex()),
            arrival: None,
            start_steps: None,
        });
        self
    }

    /// Change the last unit added.
    #[must_use]
    pub fn with(mut self, f: impl FnOnce(&mut UnitDef)) -> Self {
        if let Some(u) = self.units.last_mut() {
            f(u);
        }
        self
    }

    /// Make the last unit arrive later instead of starting on the map.
    #[must_use]
    pub fn arriving(mut self, turn: u32, entries: Vec<Entry>) -> Self {
        if let Some(u) = self.units.last_mut() {
            u.setup = None;
            u.arrival = Some(Arrival {
                turn,
                entries,
                night: false,
                glider: false,
                near: None,
            });
        }
        self
    }

    /// A minor river between two adjacent hexes.
    #[must_use]
    pub fn river_minor(mut self, a: (i32, i32), b: (i32, i32)) -> Self {
        self.rivers.push((oc(a), oc(b), RiverClass::Minor));
        self
    }

    /// A major river between two adjacent hexes.
    #[must_use]
    pub fn river_major(mut self, a: (i32, i32), b: (i32, i32)) -> Self {
        self.rivers.push((oc(a), oc(b), RiverClass::Major));
        self
    }

    /// A road along adjacent hexes.
    #[must_use]
    pub fn road(mut self, class: RoadClass, path: &[(i32, i32)]) -> Self {
        self.roads
            .push((class, path.iter().copied().map(oc).collect()));
        self
    }

    /// A strait hexside (crossed only by ferries) between two adjacent hexes.
    #[must_use]
    pub fn strait(mut self, a: (i32, i32), b: (i32, i32)) -> Self {
        self.straits.push((oc(a), oc(b)));
        self
    }

    /// A bridge between two adjacent hexes.
    #[must_use]
    pub fn bridge(mut self, a: (i32, i32), b: (i32, i32)) -> Self {
        self.bridges.push((oc(a), oc(b)));
        self
    }

    /// A place.
    #[must_use]
    pub fn place(mut self, id: &str, kind: PlaceKind, at: (i32, i32)) -> Self {
        self.places.push(PlaceSpec {
            id: id.into(),
            name: id.into(),
            kind,
            hex: oc(at),
            port_capacity: if kind == PlaceKind::Port { 4 } else { 0 },
            airfield: kind == PlaceKind::Airfield,
            fortified: false,
            evacuation: false,
        });
        self
    }

    /// Change the last place added.
    #[must_use]
    pub fn with_place(mut self, f: impl FnOnce(&mut PlaceSpec)) -> Self {
        if let Some(p) = self.places.last_mut() {
            f(p);
        }
        self
    }

    /// A beach.
    #[must_use]
    pub fn beach(mut self, id: &str, hexes: &[(i32, i32)], capacity: u32) -> Self {
        self.beaches.push(BeachSpec {
            id: id.into(),
            name: id.into(),
            hexes: hexes.iter().copied().map(oc).collect(),
            capacity,
            side: Side::Allied,
        });
        self
    }

    /// A drop zone.
    #[must_use]
    pub fn drop_zone(mut self, id: &str, at: (i32, i32)) -> Self {
        self.drop_zones.push(DropZoneSpec {
            id: id.into(),
            name: id.into(),
            hex: oc(at),
        });
        self
    }

    /// A map edge.
    #[must_use]
    pub fn edge(mut self, id: &str, hexes: &[(i32, i32)]) -> Self {
        self.edges.push(EdgeSpec {
            id: id.into(),
            name: id.into(),
            hexes: hexes.iter().copied().map(oc).collect(),
        });
        self
    }

    /// An objective.
    #[must_use]
    pub fn objective(mut self, place: &str, vp: u32, vp_per_turn: u32, owner: Side) -> Self {
        self.objectives.push(ObjectiveSpec {
            place: place.into(),
            vp,
            vp_per_turn,
            owner,
        });
        self
    }

    /// A sudden-death condition.
    #[must_use]
    pub fn sudden_death(mut self, spec: SuddenDeathSpec) -> Self {
        self.sudden_death.push(spec);
        self
    }

    /// Change rule parameters.
    #[must_use]
    pub fn rules(mut self, f: impl FnOnce(&mut RulesSpec)) -> Self {
        f(&mut self.rules);
        self
    }

    /// Change supply parameters.
    #[must_use]
    pub fn supply(mut self, f: impl FnOnce(&mut SupplySpec)) -> Self {
        f(&mut self.supply);
        self
    }

    /// Change support parameters.
    #[must_use]
    pub fn support(mut self, f: impl FnOnce(&mut SupportSpec)) -> Self {
        f(&mut self.support);
        self
    }

    /// Set the phase list.
    #[must_use]
    pub fn phases(mut self, phases: Vec<PhaseSpec>) -> Self {
        self.phases = phases;
        self
    }

    /// Set the number of turns.
    #[must_use]
    pub fn turns(mut self, turns: u32) -> Self {
        self.turns = turns;
        self
    }

    /// Set the seed.
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Build the scenario and its initial state.
    #[must_use]
    pub fn build(mut self) -> Built {
        let tf: TerrainFile = ron::from_str(TEST_TERRAIN).expect("test terrain parses");
        let crt: CrtFile = ron::from_str(TEST_CRT).expect("test CRT parses");
        let types: UnitTypesFile = ron::from_str(TEST_TYPES).expect("test types parse");
        let terrain: Vec<Terrain> = tf
            .terrain
            .iter()
            .map(|(id, t)| Terrain {
                id: id.clone(),
                name: t.name.clone(),
                move_cost: MoveClass::ALL.map(|c| t.move_cost.get(&c).copied()),
                combat_shift: t.combat_shift,
                sight: t.sight,
                concealment: t.concealment,
                water: t.water,
                color: t.color,
            })
            .collect();
        let tid = |c: char| {
            terrain
                .iter()
                .position(|t| t.id == terrain_id(c))
                .unwrap_or(0) as TerrainId
        };
        let height = self.rows.len() as u32;
        let width = self
            .rows
            .iter()
            .map(|r| r.chars().count())
            .max()
            .unwrap_or(0) as u32;
        let grid = HexGrid::new(width, height);
        let mut cells = vec![0; grid.len()];
        for (r, row) in self.rows.iter().enumerate() {
            for (c, ch) in row.chars().enumerate() {
                cells[r * width as usize + c] = tid(ch);
            }
        }
        let mut sides = vec![[SideFeatures::default(); 6]; grid.len()];
        let mut set = |a: OffsetCoord, b: OffsetCoord, f: &dyn Fn(&mut SideFeatures)| {
            let (ha, hb) = (a.to_hex(), b.to_hex());
            for (x, y) in [(ha, hb), (hb, ha)] {
                if let (Some(i), Some(d)) = (grid.index(x), x.neighbor_direction(y)) {
                    f(&mut sides[i][d.index() as usize]);
                }
            }
        };
        for (a, b, class) in &self.rivers {
            set(*a, *b, &|s| s.river = Some(*class));
        }
        for (class, path) in &self.roads {
            for w in path.windows(2) {
                set(w[0], w[1], &|s| {
                    s.road = Some(s.road.map_or(*class, |r| r.min(*class)))
                });
            }
        }
        for (a, b) in &self.bridges {
            set(*a, *b, &|s| s.bridge = true);
        }
        for (a, b) in &self.straits {
            set(*a, *b, &|s| s.strait = true);
        }
        let mut place_at = vec![None; grid.len()];
        for (i, p) in self.places.iter().enumerate() {
            if let Some(ix) = grid.offset_index(p.hex) {
                place_at[ix] = Some(i as PlaceId);
            }
        }
        let mut road_cost = [[None; 3]; 3];
        for (rc, costs) in &tf.road_cost {
            for (mc, c) in costs {
                road_cost[*rc as usize][mc.index()] = Some(*c);
            }
        }
        let mut map = Map {
            grid,
            terrain: cells,
            elevation: vec![0; grid.len()],
            sides,
            place_at,
            places: self.places.clone(),
            beaches: self.beaches,
            drop_zones: self.drop_zones,
            edges: self.edges,
            rivers: Vec::new(),
            roads: Vec::new(),
        };
        let defence_lines = posture::draw_lines(&self.defence_lines, &map, &terrain);
        let evacuation = posture::evacuation_plan(
            self.evacuation.as_ref(),
            &mut map,
            &self.rules,
            self.turns,
            self.evacuated_step_vp,
        );
        let objectives = self
            .objectives
            .iter()
            .filter_map(|o| {
                map.place_id(&o.place).map(|place| Objective {
                    place,
                    vp: o.vp,
                    vp_per_turn: o.vp_per_turn,
                    owner: o.owner,
                })
            })
            .collect();
        self.units.sort_by(|a, b| a.id.cmp(&b.id));
        let crt_model = Crt {
            die: crt.die,
            columns: crt
                .columns
                .iter()
                .map(|c| CrtColumn {
                    odds: c.odds,
                    results: c
                        .results
                        .iter()
                        .map(|r| r.parse().expect("test CRT notation"))
                        .collect(),
                })
                .collect(),
        };
        let scenario = Scenario {
            id: "test".into(),
            name: "Test".into(),
            description: String::new(),
            start: StartDate {
                year: 1943,
                month: 7,
                day: 10,
                hour: 6,
            },
            turn_hours: 12,
            ai: None,
            events: Vec::new(),
            turns: self.turns,
            hex_km: 2,
            seed: self.seed,
            phases: self.phases,
            rules: self.rules,
            supply: self.supply,
            support: self.support,
            victory: VictorySpec {
                objectives: self.objectives,
                evacuated_step_vp: self.evacuated_step_vp,
                eliminated_step_vp: 0,
                levels: self.victory_levels,
                sudden_death: self.sudden_death,
            },
            objectives,
            history: Vec::new(),
            counterattacks: self.counterattacks,
            defence_lines,
            evacuation,
            map,
            terrain,
            road_cost,
            river_cost: tf.river_cost,
            unit_types: types.types.into_iter().collect(),
            crt: crt_model,
            scatter: crt.scatter,
            formations: Vec::new(),
            units: self.units,
            content_hash: "test".into(),
            source: "test".into(),
            campaign: None,
        };
        let state = State::new(&scenario, self.seed);
        Built {
            scenario: Arc::new(scenario),
            state,
        }
    }
}
