//! The island: shape, relief and ground cover from two noise fields.
//!
//! Elevation is fBm Perlin noise minus a radial falloff (so the land gathers
//! in the middle of the map and the border is open sea); the sea level is the
//! percentile that leaves [`LAND_PERCENT`] of the map dry, then only the
//! largest landmass is kept so that every unit can reach every other one. A
//! second fBm field ("moisture") decides forest and marsh.
//!
//! Noise is floating point, so every value is quantised to an integer at once;
//! everything after this file (rivers, towns, roads, units) works on integers.

use crate::hex::{Hex, HexGrid, OffsetCoord};
use noise::{Fbm, MultiFractal, NoiseFn, Perlin};
use std::collections::VecDeque;

/// Share of the map (percent) above sea level before small islets are drowned.
pub const LAND_PERCENT: usize = 55;
/// Highest elevation in metres.
const PEAK_M: f64 = 1800.0;

/// Terrain of a generated hex, as the legend characters of `map.ron`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Ground {
    /// `.` sea
    Sea,
    /// `c` open country
    Clear,
    /// `r` rough
    Rough,
    /// `h` hills
    Hills,
    /// `m` mountains
    Mountain,
    /// `f` woods
    Forest,
    /// `w` marsh
    Marsh,
    /// `t` town
    Town,
    /// `C` city
    City,
}

impl Ground {
    /// Legend character and terrain id (ids from `scenarios/common/terrain.ron`).
    pub const LEGEND: [(char, &'static str); 9] = [
        ('.', "sea"),
        ('c', "clear"),
        ('r', "rough"),
        ('h', "hills"),
        ('m', "mountain"),
        ('f', "forest"),
        ('w', "marsh"),
        ('t', "town"),
        ('C', "city"),
    ];
    /// The legend character.
    #[must_use]
    pub fn char(self) -> char {
        Self::LEGEND[self as usize].0
    }
    /// Movement cost for wheels (`terrain.ron`, Motorised), used to route
    /// roads; kept in step with the table by a test.
    #[must_use]
    pub fn road_cost(self) -> u32 {
        match self {
            Ground::Sea => u32::MAX,
            Ground::Clear => 3,
            Ground::Rough => 5,
            Ground::Hills | Ground::Forest => 6,
            Ground::Mountain | Ground::Marsh => 10,
            Ground::Town => 2,
            Ground::City => 3,
        }
    }
}

/// The generated board: terrain, elevation and the hex grid, flat by index.
#[derive(Debug, Clone)]
pub struct Board {
    /// Shape.
    pub grid: HexGrid,
    /// Ground per hex.
    pub ground: Vec<Ground>,
    /// Elevation in metres (0 for sea).
    pub elev: Vec<i32>,
    /// Moisture, −1000..1000.
    pub moisture: Vec<i32>,
}

impl Board {
    /// Is hex `i` land?
    #[must_use]
    pub fn land(&self, i: usize) -> bool {
        self.ground[i] != Ground::Sea
    }
    /// Offset coordinate of hex `i`.
    #[must_use]
    pub fn at(&self, i: usize) -> OffsetCoord {
        self.grid.offset_at(i)
    }
    /// Axial hex of index `i`.
    #[must_use]
    pub fn hex(&self, i: usize) -> Hex {
        self.grid.hex_at(i)
    }
    /// Index of an axial hex, if on the map.
    #[must_use]
    pub fn index(&self, h: Hex) -> Option<usize> {
        self.grid.index(h)
    }
    /// Indices of the on-map neighbours of hex `i`, in direction order.
    pub fn neighbours(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let h = self.hex(i);
        h.all_neighbors().into_iter().filter_map(|n| self.index(n))
    }
    /// Is hex `i` land next to the sea?
    #[must_use]
    pub fn coastal(&self, i: usize) -> bool {
        self.land(i) && self.neighbours(i).any(|n| !self.land(n))
    }
    /// Hex distance between two indices.
    #[must_use]
    pub fn distance(&self, a: usize, b: usize) -> u32 {
        self.hex(a).unsigned_distance_to(self.hex(b))
    }
}

/// Map width and height for about `hexes` hexes, wider than tall (a flat-top
/// column is 1.5 units wide, a row √3 tall: 1.62 columns per row gives a
/// landscape 1.4 times wider than tall).
#[must_use]
pub fn dimensions(hexes: u32) -> (u32, u32) {
    let w = (f64::from(hexes) * 1.62).sqrt().round() as u32;
    let w = w.clamp(12, 1000);
    let h = (f64::from(hexes) / f64::from(w)).round() as u32;
    (w, h.clamp(8, 1000))
}

/// Centre of hex `(col, row)` in hex-size units (flat-top, odd-q).
fn centre(col: u32, row: u32) -> (f64, f64) {
    let sqrt3 = 3f64.sqrt();
    let x = 1.5 * f64::from(col);
    let y = sqrt3 * (f64::from(row) + if col % 2 == 1 { 0.5 } else { 0.0 });
    (x, y)
}

/// Generate the island for `seed` on a `w × h` map.
#[must_use]
pub fn generate(seed: u64, w: u32, h: u32) -> Board {
    let grid = HexGrid::new(w, h);
    let n = grid.len();
    let s32 = (seed ^ (seed >> 32)) as u32;
    let (width_u, height_u) = (1.5 * f64::from(w), 3f64.sqrt() * f64::from(h));
    // Features about a quarter of a small map across, at most 80 hexes on a
    // large one: big islands get more ridges and valleys, not blurrier ones.
    let wavelength = (width_u / 4.0).clamp(20.0, 80.0);
    let relief = Fbm::<Perlin>::new(s32)
        .set_octaves(6)
        .set_frequency(1.0 / wavelength);
    let wet = Fbm::<Perlin>::new(s32.wrapping_add(0x9e37_79b9))
        .set_octaves(4)
        .set_frequency(2.0 / wavelength);
    let mut raw = vec![0i32; n];
    let mut moisture = vec![0i32; n];
    for i in 0..n {
        let c = grid.offset_at(i);
        let (col, row) = (c.0 as u32, c.1 as u32);
        let (x, y) = centre(col, row);
        let (dx, dy) = (2.0 * x / width_u - 1.0, 2.0 * y / height_u - 1.0);
        let d = (dx * dx + dy * dy).sqrt();
        let border = col == 0 || row == 0 || col + 1 == w || row + 1 == h;
        let v = relief.get([x, y]) * 0.9 + 0.45 - 1.1 * d.powf(2.5);
        raw[i] = if border {
            -100_000
        } else {
            (v * 10_000.0) as i32
        };
        moisture[i] = (wet.get([x + 1000.0, y - 1000.0]) * 1000.0) as i32;
    }
    let mut sorted = raw.clone();
    sorted.sort_unstable();
    let sea_level = sorted[n * (100 - LAND_PERCENT) / 100];
    // Elevation from the rank of each land hex (not the raw value), so every
    // island has the same share of lowland, hills and mountains: the cube of
    // the rank puts 44% of the land below 150 m and 15% above 1100 m.
    let land_sorted = &sorted[sorted.partition_point(|&v| v <= sea_level)..];
    let land_n = land_sorted.len().max(1) as f64;
    let mut elev: Vec<i32> = raw
        .iter()
        .map(|&v| {
            if v <= sea_level {
                0
            } else {
                let p = land_sorted.partition_point(|&x| x < v) as f64 / land_n;
                1 + (p.powi(3) * PEAK_M) as i32
            }
        })
        .collect();
    keep_largest_landmass(&grid, &mut elev);
    let lake = inland_water(&grid, &elev);
    let ground = (0..n)
        .map(|i| {
            if lake[i] {
                Ground::Marsh
            } else {
                classify(elev[i], moisture[i])
            }
        })
        .collect();
    for i in (0..n).filter(|&i| lake[i]) {
        elev[i] = 1;
    }
    Board {
        grid,
        ground,
        elev,
        moisture,
    }
}

/// Ground from elevation and moisture.
fn classify(elev: i32, wet: i32) -> Ground {
    match elev {
        0 => Ground::Sea,
        1..=40 if wet > 350 => Ground::Marsh,
        1..=149 if wet > 250 => Ground::Forest,
        1..=149 => Ground::Clear,
        150..=449 if wet > 200 => Ground::Forest,
        150..=449 if wet < -250 => Ground::Rough,
        150..=449 => Ground::Clear,
        450..=1099 if wet > 300 => Ground::Forest,
        450..=1099 => Ground::Hills,
        _ => Ground::Mountain,
    }
}

/// Water not connected to the open sea (lakes inside the island): it
/// becomes marsh, so every coast faces the sea the fleet sails on.
fn inland_water(grid: &HexGrid, elev: &[i32]) -> Vec<bool> {
    let n = grid.len();
    let mut open = vec![false; n];
    let mut queue: VecDeque<usize> = (0..n)
        .filter(|&i| {
            let c = grid.offset_at(i);
            elev[i] == 0
                && (c.0 == 0
                    || c.1 == 0
                    || c.0 as u32 + 1 == grid.width
                    || c.1 as u32 + 1 == grid.height)
        })
        .collect();
    for &i in &queue {
        open[i] = true;
    }
    while let Some(i) = queue.pop_front() {
        for nb in grid.hex_at(i).all_neighbors() {
            if let Some(j) = grid.index(nb) {
                if elev[j] == 0 && !open[j] {
                    open[j] = true;
                    queue.push_back(j);
                }
            }
        }
    }
    (0..n).map(|i| elev[i] == 0 && !open[i]).collect()
}

/// Drown every landmass but the largest (ties: the one found first in map
/// order), so the island is one connected piece.
fn keep_largest_landmass(grid: &HexGrid, elev: &mut [i32]) {
    let n = grid.len();
    let mut comp = vec![u32::MAX; n];
    let mut sizes: Vec<usize> = Vec::new();
    let mut queue = VecDeque::new();
    for start in 0..n {
        if elev[start] == 0 || comp[start] != u32::MAX {
            continue;
        }
        let id = sizes.len() as u32;
        let mut size = 0;
        comp[start] = id;
        queue.push_back(start);
        while let Some(i) = queue.pop_front() {
            size += 1;
            for nb in grid.hex_at(i).all_neighbors() {
                if let Some(j) = grid.index(nb) {
                    if elev[j] != 0 && comp[j] == u32::MAX {
                        comp[j] = id;
                        queue.push_back(j);
                    }
                }
            }
        }
        sizes.push(size);
    }
    let Some(best) = (0..sizes.len()).max_by_key(|&k| (sizes[k], std::cmp::Reverse(k))) else {
        return;
    };
    for i in 0..n {
        if comp[i] != best as u32 {
            elev[i] = 0;
        }
    }
}
