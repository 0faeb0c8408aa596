//! Per-hex classification: land or sea by area fraction, elevation mean and
//! spread, and the terrain class derived from them (the rules are listed in
//! `docs/maps.md`). Towns are stamped on later by [`super::places`].

use super::geodata::GeoData;
use super::projection::{Km, Layout};
use crate::hex::OffsetCoord;
use geo::{Area, BooleanOps, BoundingRect, Contains, Coord, LineString, Point, Polygon, Rect};

/// Terrain ids and their legend characters, as the common terrain table names them.
pub const LEGEND: [(char, &str); 10] = [
    ('.', "sea"),
    ('c', "clear"),
    ('r', "rough"),
    ('h', "hills"),
    ('m', "mountain"),
    ('f', "forest"),
    ('w', "marsh"),
    ('t', "town"),
    ('C', "city"),
    ('v', "volcano"),
];

/// A hex is land when more than this fraction of its area is land.
pub const LAND_FRACTION: f64 = 0.4;

/// Mean elevation (m) from which a hex is hills.
const HILLS_MEAN_M: f64 = 250.0;
/// Mean elevation (m) from which a hex is mountain.
const MOUNTAIN_MEAN_M: f64 = 1000.0;
/// Mean elevation (m) from which steep ground is mountain.
const MOUNTAIN_STEEP_MEAN_M: f64 = 650.0;
/// Relief (max − min, m) per km of hex size that makes low ground rough and
/// high hills mountain: steep ground slows movement whatever its height.
const STEEP_M_PER_KM: f64 = 60.0;

/// What mapgen knows about one hex before places and lines.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cell {
    /// Fraction of the hex area that is land, 0–1.
    pub land_fraction: f64,
    /// Index of the land polygon holding most of the hex's land (islands and
    /// the mainland differ), if any.
    pub polygon: Option<usize>,
    /// Mean elevation over the land part, metres.
    pub mean_m: f64,
    /// Highest minus lowest elevation sample, metres.
    pub relief_m: f64,
    /// Legend character.
    pub terrain: char,
}

impl Cell {
    /// Whether the hex is land.
    #[must_use]
    pub fn is_land(&self) -> bool {
        self.terrain != '.'
    }
}

/// Land polygons projected to map km, with their bounding boxes.
pub struct LandIndex {
    polys: Vec<(Polygon<f64>, Rect<f64>)>,
}

impl LandIndex {
    /// Projects the land polygons of `geo` into `layout`'s plane.
    #[must_use]
    pub fn new(geo: &GeoData, layout: &Layout) -> Self {
        let polys = geo
            .land
            .iter()
            .filter_map(|p| {
                let q = project_polygon(p, layout);
                q.bounding_rect().map(|r| (q, r))
            })
            .collect();
        Self { polys }
    }

    /// Land area fraction of a hex and the polygon holding most of it.
    #[must_use]
    pub fn land_in(&self, layout: &Layout, c: OffsetCoord) -> (f64, Option<usize>) {
        let hexagon = hexagon(layout, c);
        let Some(hr) = hexagon.bounding_rect() else {
            return (0.0, None);
        };
        let total = hexagon.unsigned_area();
        let (mut land, mut best) = (0.0, (0.0, None));
        for (i, (poly, rect)) in self.polys.iter().enumerate() {
            if !overlaps(rect, &hr) {
                continue;
            }
            // Whole-hex shortcut: the common inland case skips the clipping.
            let a = if hexagon.exterior().0.iter().all(|&p| poly.contains(&p))
                && poly.interiors().is_empty()
                && !poly.exterior().0.iter().any(|p| hr.contains(p))
            {
                total
            } else {
                hexagon.intersection(poly).unsigned_area()
            };
            land += a;
            if a > best.0 {
                best = (a, Some(i));
            }
        }
        ((land / total).min(1.0), best.1)
    }

    /// Whether a map point is on land.
    #[must_use]
    pub fn is_land_point(&self, p: Km) -> bool {
        let pt = Point::new(p.0, p.1);
        self.polys
            .iter()
            .any(|(poly, r)| r.contains(&pt) && poly.contains(&pt))
    }
}

fn overlaps(a: &Rect<f64>, b: &Rect<f64>) -> bool {
    a.min().x <= b.max().x
        && b.min().x <= a.max().x
        && a.min().y <= b.max().y
        && b.min().y <= a.max().y
}

/// A lon/lat polygon in map km.
#[must_use]
pub fn project_polygon(p: &Polygon<f64>, layout: &Layout) -> Polygon<f64> {
    let ring = |l: &LineString<f64>| {
        LineString::from(
            l.0.iter()
                .map(|c| {
                    let (x, y) = layout.project(c.x, c.y);
                    Coord { x, y }
                })
                .collect::<Vec<_>>(),
        )
    };
    Polygon::new(ring(p.exterior()), p.interiors().iter().map(ring).collect())
}

/// The hexagon of a hex in map km.
#[must_use]
pub fn hexagon(layout: &Layout, c: OffsetCoord) -> Polygon<f64> {
    let mut pts: Vec<Coord<f64>> = layout
        .corners(c)
        .iter()
        .map(|&(x, y)| Coord { x, y })
        .collect();
    pts.push(pts[0]);
    Polygon::new(LineString::from(pts), vec![])
}

/// Elevation samples inside a hex: a square lattice no coarser than the
/// elevation pixels (and at least ~7 points across a hex).
fn elevation_stats(geo: &GeoData, layout: &Layout, c: OffsetCoord) -> (f64, f64) {
    let pixel_km = geo.elevation.pixel_deg * layout.km_per_lon;
    let step = pixel_km.min(layout.hex_km / 7.0);
    let n = (layout.radius / step).ceil() as i32;
    let (cx, cy) = layout.centre(c);
    let (mut sum, mut count, mut lo, mut hi) = (0.0, 0usize, f64::INFINITY, 0.0f64);
    for i in -n..=n {
        for j in -n..=n {
            let p = (cx + f64::from(i) * step, cy + f64::from(j) * step);
            if !layout.in_hex(c, p) {
                continue;
            }
            let (lon, lat) = layout.unproject(p);
            let m = geo.elevation.sample(lon, lat);
            if m <= 0.0 {
                continue; // sea pixels would drag coastal hexes down
            }
            sum += m;
            count += 1;
            lo = lo.min(m);
            hi = hi.max(m);
        }
    }
    if count == 0 {
        (0.0, 0.0)
    } else {
        (sum / count as f64, hi - lo)
    }
}

/// The terrain class from elevation alone.
#[must_use]
pub fn class_from_elevation(mean_m: f64, relief_m: f64, hex_km: f64) -> char {
    let steep = relief_m >= STEEP_M_PER_KM * hex_km;
    if mean_m >= MOUNTAIN_MEAN_M || (steep && mean_m >= MOUNTAIN_STEEP_MEAN_M) {
        'm'
    } else if mean_m >= HILLS_MEAN_M {
        'h'
    } else if steep {
        'r'
    } else {
        'c'
    }
}

/// Classifies every hex of the layout, row-major.
#[must_use]
pub fn classify(geo: &GeoData, layout: &Layout, land: &LandIndex) -> Vec<Cell> {
    // (priority, legend char, area): marsh beats plain, the volcano beats both.
    let mut areas: Vec<(u8, char, Polygon<f64>)> = geo
        .terrain
        .iter()
        .filter_map(|f| {
            let (prio, ch) = match f.str("class") {
                "plain" => (0, 'c'),
                "marsh" => (1, 'w'),
                "volcano" => (2, 'v'),
                _ => return None,
            };
            Some((prio, ch, project_polygon(&f.geometry, layout)))
        })
        .collect();
    areas.sort_by_key(|a| a.0);
    let mut cells = Vec::with_capacity(layout.len());
    for row in 0..layout.height as i32 {
        for col in 0..layout.width as i32 {
            let c = OffsetCoord(col, row);
            let (land_fraction, polygon) = land.land_in(layout, c);
            let (mean_m, relief_m) = elevation_stats(geo, layout, c);
            let mut terrain = if land_fraction > LAND_FRACTION {
                class_from_elevation(mean_m, relief_m, layout.hex_km)
            } else {
                '.'
            };
            if terrain != '.' {
                // Mapped areas override elevation, in priority order.
                let (x, y) = layout.centre(c);
                let centre = Point::new(x, y);
                for (_, ch, poly) in &areas {
                    if poly.contains(&centre) {
                        terrain = *ch;
                    }
                }
            }
            cells.push(Cell {
                land_fraction,
                polygon,
                mean_m,
                relief_m,
                terrain,
            });
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elevation_classes() {
        assert_eq!(class_from_elevation(50.0, 100.0, 5.0), 'c');
        assert_eq!(class_from_elevation(120.0, 320.0, 5.0), 'r');
        assert_eq!(class_from_elevation(300.0, 100.0, 5.0), 'h');
        assert_eq!(class_from_elevation(550.0, 400.0, 5.0), 'h');
        assert_eq!(class_from_elevation(700.0, 400.0, 5.0), 'm');
        assert_eq!(class_from_elevation(900.0, 50.0, 5.0), 'h');
        assert_eq!(class_from_elevation(1100.0, 50.0, 5.0), 'm');
        // The same relief is steep in a small hex.
        assert_eq!(class_from_elevation(120.0, 150.0, 2.0), 'r');
    }
}
