//! Projection and hex layout: lon/lat → map kilometres → hexes.
//!
//! The projection is a local equirectangular one: kilometres east of the bbox's
//! west edge are `(lon - west) · 111.195 · cos(lat₀)` and kilometres south of
//! its north edge are `(north - lat) · 111.195`, with `lat₀` the latitude of the
//! bbox centre (111.195 km per degree on a 6,371 km sphere). Over Sicily the
//! scale error at the north and south edges is under 1.5 %, well below a hex.
//!
//! Hexes are flat-top in odd-q offset layout (see [`crate::hex`]): `hex_km` is
//! the distance across flats, which is also the centre-to-centre distance of
//! neighbours. Hex `(0,0)` touches the north-west corner of the bbox.
//!
//! Hex corners form a lattice with integer coordinates in units of
//! (`r/2` east, `hex_km/2` south), `r` the corner radius: rivers are walked
//! along it so that they follow hexsides (see [`super::lines`]).

use crate::hex::OffsetCoord;

/// Kilometres per degree of latitude on a 6,371 km sphere.
pub const KM_PER_DEG: f64 = 111.195;

/// A region of the earth: `[west, south, east, north]` in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    /// West longitude.
    pub west: f64,
    /// South latitude.
    pub south: f64,
    /// East longitude.
    pub east: f64,
    /// North latitude.
    pub north: f64,
}

/// A point on the map plane: km east of the west edge, km south of the north edge.
pub type Km = (f64, f64);

/// A corner of the hex lattice, in units of (`r/2`, `hex_km/2`).
pub type Vertex = (i32, i32);

/// The projection plus the hex grid laid over it.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// Region covered.
    pub bbox: BBox,
    /// Hex size across flats, km.
    pub hex_km: f64,
    /// Corner radius `hex_km / √3`, km.
    pub radius: f64,
    /// km per degree of longitude at the centre latitude.
    pub km_per_lon: f64,
    /// Columns.
    pub width: u32,
    /// Rows.
    pub height: u32,
}

impl Layout {
    /// The layout of `bbox` in hexes of `hex_km`: as many whole hexes as fit
    /// inside it (the data is clipped to the bbox, so a hex sticking out
    /// would read as part sea).
    #[must_use]
    pub fn new(bbox: BBox, hex_km: f64) -> Self {
        let lat0 = (bbox.north + bbox.south) / 2.0;
        let km_per_lon = KM_PER_DEG * lat0.to_radians().cos();
        let radius = hex_km / 3f64.sqrt();
        let w_km = (bbox.east - bbox.west) * km_per_lon;
        let h_km = (bbox.north - bbox.south) * KM_PER_DEG;
        // Columns are 1.5 r apart and the last one is 2 r wide.
        let width = ((w_km - 0.5 * radius) / (1.5 * radius)).floor().max(1.0) as u32;
        // Odd columns reach half a hex further south.
        let height = ((h_km - 0.5 * hex_km) / hex_km).floor().max(1.0) as u32;
        Self {
            bbox,
            hex_km,
            radius,
            km_per_lon,
            width,
            height,
        }
    }

    /// Number of hexes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.width as usize * self.height as usize
    }

    /// Whether the layout has no hexes (never, by construction).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Lon/lat → map km.
    #[must_use]
    pub fn project(&self, lon: f64, lat: f64) -> Km {
        (
            (lon - self.bbox.west) * self.km_per_lon,
            (self.bbox.north - lat) * KM_PER_DEG,
        )
    }

    /// Map km → lon/lat.
    #[must_use]
    pub fn unproject(&self, p: Km) -> (f64, f64) {
        (
            self.bbox.west + p.0 / self.km_per_lon,
            self.bbox.north - p.1 / KM_PER_DEG,
        )
    }

    /// Centre of a hex in map km.
    #[must_use]
    pub fn centre(&self, c: OffsetCoord) -> Km {
        let odd = f64::from(c.0.rem_euclid(2));
        (
            self.radius * (1.0 + 1.5 * f64::from(c.0)),
            self.hex_km * (0.5 + f64::from(c.1) + 0.5 * odd),
        )
    }

    /// Whether the hex is on the map.
    #[must_use]
    pub fn contains(&self, c: OffsetCoord) -> bool {
        c.0 >= 0 && c.1 >= 0 && (c.0 as u32) < self.width && (c.1 as u32) < self.height
    }

    /// Row-major index of an on-map hex.
    #[must_use]
    pub fn index(&self, c: OffsetCoord) -> Option<usize> {
        self.contains(c)
            .then(|| c.1 as usize * self.width as usize + c.0 as usize)
    }

    /// The hex containing a point (the nearest centre; off-map hexes too).
    /// Ties go to the smaller `(col,row)` so the answer never depends on order.
    #[must_use]
    pub fn hex_at(&self, p: Km) -> OffsetCoord {
        let c0 = ((p.0 / self.radius - 1.0) / 1.5).round() as i32;
        let mut best = (f64::INFINITY, OffsetCoord(0, 0));
        for c in c0 - 1..=c0 + 1 {
            let odd = f64::from(c.rem_euclid(2));
            let r0 = (p.1 / self.hex_km - 0.5 - 0.5 * odd).round() as i32;
            for r in r0 - 1..=r0 + 1 {
                let h = OffsetCoord(c, r);
                let d = dist2(self.centre(h), p);
                if d < best.0 {
                    best = (d, h);
                }
            }
        }
        best.1
    }

    /// Whether a map point lies inside the hexagon of `c`.
    #[must_use]
    pub fn in_hex(&self, c: OffsetCoord, p: Km) -> bool {
        let (cx, cy) = self.centre(c);
        let (dx, dy) = ((p.0 - cx).abs(), (p.1 - cy).abs());
        dy <= self.hex_km / 2.0 && 3f64.sqrt() * dx + dy <= self.hex_km
    }

    /// The six corners of a hex in map km, east corner first, clockwise on
    /// screen (y grows south).
    #[must_use]
    pub fn corners(&self, c: OffsetCoord) -> [Km; 6] {
        self.vertices(c).map(|v| self.vertex_km(v))
    }

    /// The six lattice corners of a hex, same order as [`Self::corners`].
    #[must_use]
    pub fn vertices(&self, c: OffsetCoord) -> [Vertex; 6] {
        let x = 3 * c.0 + 2;
        let y = 2 * c.1 + 1 + c.0.rem_euclid(2);
        [
            (x + 2, y),
            (x + 1, y + 1),
            (x - 1, y + 1),
            (x - 2, y),
            (x - 1, y - 1),
            (x + 1, y - 1),
        ]
    }

    /// A lattice corner in map km.
    #[must_use]
    pub fn vertex_km(&self, v: Vertex) -> Km {
        (
            f64::from(v.0) * self.radius / 2.0,
            f64::from(v.1) * self.hex_km / 2.0,
        )
    }

    /// The three corners joined to `v` by a hexside.
    #[must_use]
    pub fn vertex_neighbours(v: Vertex) -> [Vertex; 3] {
        // Corners with x ≡ 1 (mod 3) are east/west-pointing "left" corners whose
        // hexsides run east and to the two western diagonals; the others mirror.
        if v.0.rem_euclid(3) == 1 {
            [(v.0 + 2, v.1), (v.0 - 1, v.1 + 1), (v.0 - 1, v.1 - 1)]
        } else {
            [(v.0 - 2, v.1), (v.0 + 1, v.1 + 1), (v.0 + 1, v.1 - 1)]
        }
    }

    /// The corner of the containing hex nearest to `p`.
    #[must_use]
    pub fn nearest_vertex(&self, p: Km) -> Vertex {
        let h = self.hex_at(p);
        let mut best = (f64::INFINITY, (0, 0));
        for v in self.vertices(h) {
            let d = dist2(self.vertex_km(v), p);
            if d < best.0 {
                best = (d, v);
            }
        }
        best.1
    }

    /// The two hexes separated by the hexside from corner `a` to corner `b`
    /// (which must be lattice neighbours), in ascending order.
    #[must_use]
    pub fn side_hexes(&self, a: Vertex, b: Vertex) -> (OffsetCoord, OffsetCoord) {
        let (pa, pb) = (self.vertex_km(a), self.vertex_km(b));
        let mid = ((pa.0 + pb.0) / 2.0, (pa.1 + pb.1) / 2.0);
        let len = dist2(pa, pb).sqrt();
        // Unit normal × half the distance across flats reaches each centre.
        let n = (
            -(pb.1 - pa.1) / len * self.hex_km / 2.0,
            (pb.0 - pa.0) / len * self.hex_km / 2.0,
        );
        let h1 = self.hex_at((mid.0 + n.0, mid.1 + n.1));
        let h2 = self.hex_at((mid.0 - n.0, mid.1 - n.1));
        if h1 <= h2 {
            (h1, h2)
        } else {
            (h2, h1)
        }
    }

    /// Hexsides along the lattice from corner `a` to corner `b`, walking
    /// greedily to the neighbour corner nearest to `b`. Each step is one corner
    /// spacing at ≤ 60° off the direction to `b`, so the distance shrinks and
    /// the walk ends.
    #[must_use]
    pub fn vertex_walk(&self, mut a: Vertex, b: Vertex) -> Vec<(Vertex, Vertex)> {
        let target = self.vertex_km(b);
        let mut out = Vec::new();
        while a != b && out.len() < 10_000 {
            let mut best = (f64::INFINITY, a);
            for n in Self::vertex_neighbours(a) {
                let d = dist2(self.vertex_km(n), target);
                if d < best.0 {
                    best = (d, n);
                }
            }
            out.push((a, best.1));
            a = best.1;
        }
        out
    }
}

/// Squared distance.
#[must_use]
pub fn dist2(a: Km, b: Km) -> f64 {
    (a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)
}

/// Points along a polyline (in map km) no more than `step` apart, including
/// every vertex of the line.
#[must_use]
pub fn densify(points: &[Km], step: f64) -> Vec<Km> {
    let mut out = Vec::new();
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let n = (dist2(a, b).sqrt() / step).ceil().max(1.0) as usize;
        for i in 0..n {
            let t = i as f64 / n as f64;
            out.push((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t));
        }
    }
    if let Some(last) = points.last() {
        out.push(*last);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> Layout {
        let bbox = BBox {
            west: 14.0,
            south: 37.0,
            east: 14.5,
            north: 37.3,
        };
        Layout::new(bbox, 2.0)
    }

    #[test]
    fn neighbours_from_hexx_are_one_hex_apart_in_km() {
        let l = layout();
        for c in [OffsetCoord(4, 4), OffsetCoord(5, 4), OffsetCoord(0, 0)] {
            for n in c.to_hex().all_neighbors() {
                let d = dist2(l.centre(c), l.centre(OffsetCoord::from_hex(n))).sqrt();
                assert!((d - 2.0).abs() < 1e-9, "{c} → {n:?}: {d}");
            }
        }
    }

    #[test]
    fn odd_columns_sit_half_a_hex_south() {
        let l = layout();
        let (_, y0) = l.centre(OffsetCoord(0, 0));
        let (_, y1) = l.centre(OffsetCoord(1, 0));
        assert!((y1 - y0 - 1.0).abs() < 1e-9);
    }

    #[test]
    fn hex_at_finds_the_hex_of_its_centre_and_corners_nearby() {
        let l = layout();
        for c in [OffsetCoord(3, 2), OffsetCoord(6, 7)] {
            assert_eq!(l.hex_at(l.centre(c)), c);
            let (x, y) = l.centre(c);
            assert_eq!(l.hex_at((x + 0.8, y + 0.1)), c);
            assert!(l.in_hex(c, (x + 0.8, y + 0.1)));
        }
    }

    #[test]
    fn side_between_lattice_neighbours_separates_adjacent_hexes() {
        let l = layout();
        let c = OffsetCoord(5, 5);
        let v = l.vertices(c);
        for i in 0..6 {
            let (a, b) = l.side_hexes(v[i], v[(i + 1) % 6]);
            assert!(a == c || b == c);
            assert_eq!(a.to_hex().unsigned_distance_to(b.to_hex()), 1);
        }
    }

    #[test]
    fn vertex_walk_reaches_its_target_along_hexsides() {
        let l = layout();
        let a = l.vertices(OffsetCoord(2, 2))[3];
        let b = l.vertices(OffsetCoord(9, 6))[0];
        let walk = l.vertex_walk(a, b);
        assert_eq!(walk.last().map(|s| s.1), Some(b));
        for (p, q) in &walk {
            assert!(Layout::vertex_neighbours(*p).contains(q));
        }
    }

    #[test]
    fn sicily_bbox_in_5_km_hexes_is_69_by_38() {
        let bbox = BBox {
            west: 12.30,
            south: 36.60,
            east: 15.75,
            north: 38.35,
        };
        let l = Layout::new(bbox, 5.0);
        assert_eq!((l.width, l.height), (69, 38));
    }
}
