//! Named things on the map: places (from `towns.geojson` plus a small table of
//! extras), landing beaches, drop zones and the map edges where units enter.
//! Every one of them sits on a land hex.

use super::cells::Cell;
use super::geodata::GeoData;
use super::projection::{densify, dist2, Km, Layout};
use super::snap::{Anchor, Snap};
use super::Region;
use crate::hex::OffsetCoord;
use crate::scenario::schema::{BeachSpec, DropZoneSpec, EdgeSpec, PlaceKind, PlaceSpec, Side};

/// Major ports: most supply per turn.
const MAJOR_PORTS: [&str; 6] = [
    "Palermo", "Messina", "Catania", "Syracuse", "Augusta", "Salerno",
];
/// Port capacities in steps per turn: major port, other port or port city,
/// town with a quay.
const PORT_CAPACITY: [u32; 3] = [6, 2, 1];
/// Places where the Axis may evacuate across the Strait of Messina.
const EVACUATION: [&str; 1] = ["Messina"];
/// Fewest land hexes on a border that make it an entry edge.
const MIN_EDGE_HEXES: usize = 3;
/// Steps that can land per turn on each hex of a beach.
pub const BEACH_STEPS_PER_HEX: u32 = 3;

/// A place not in `towns.geojson` but named in the campaign histories:
/// `(region, name, geojson kind, lon, lat)`, all `source: approx`
/// (positions read off period maps to about a kilometre).
pub const EXTRA_PLACES: [(Region, &str, &str, f64, f64); 4] = [
    // 505th PIR's stand against the Hermann Göring Tigers, 11 July.
    (Region::Sicily, "Biazzo Ridge", "crossroads", 14.42, 37.04),
    // Taken by No. 3 Commando on the night of 13/14 July.
    (Region::Sicily, "Malati bridge", "bridge", 15.02, 37.32),
    // Fought over on 13 September at the head of the Sele–Calore corridor.
    (
        Region::Salerno,
        "Tobacco factory",
        "crossroads",
        15.06,
        40.56,
    ),
    // The burned bridge where the 13 September counterattack stopped.
    (Region::Salerno, "Calore bridge", "bridge", 15.09, 40.52),
];

/// A stable identifier from a display name: lowercase ASCII, every run of
/// other characters becomes one `_`, none at the ends.
/// `"Acate (Biscari)"` → `"acate_biscari"`.
#[must_use]
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for ch in name.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_owned()
}

/// Where mapgen may put things: the land hexes of the map.
pub struct Board<'a> {
    /// Layout.
    pub layout: &'a Layout,
    /// Cells, row-major.
    pub cells: &'a [Cell],
}

impl Board<'_> {
    fn coord(&self, i: usize) -> OffsetCoord {
        let w = self.layout.width as usize;
        OffsetCoord((i % w) as i32, (i / w) as i32)
    }
    fn land(&self, c: OffsetCoord) -> bool {
        self.layout
            .index(c)
            .is_some_and(|i| self.cells[i].is_land())
    }
    fn coastal(&self, c: OffsetCoord) -> bool {
        self.land(c)
            && c.to_hex().all_neighbors().iter().any(|&n| {
                let n = OffsetCoord::from_hex(n);
                self.layout.contains(n) && !self.land(n)
            })
    }
    /// Whether a point lies inside the mapped rectangle.
    fn on_map(&self, p: Km) -> bool {
        self.layout.contains(self.layout.hex_at(p))
    }
    /// The land hex whose centre is nearest to `p` among those `accept`s,
    /// within `max_km`; ties go to the smaller coordinate.
    fn nearest(
        &self,
        p: Km,
        max_km: f64,
        accept: impl Fn(OffsetCoord) -> bool,
    ) -> Option<OffsetCoord> {
        (0..self.cells.len())
            .map(|i| self.coord(i))
            .filter(|&c| self.land(c) && accept(c))
            .map(|c| (dist2(self.layout.centre(c), p), c))
            .filter(|(d, _)| *d <= max_km * max_km)
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
            .map(|x| x.1)
    }
}

/// A place before collisions are settled.
struct Candidate {
    spec: PlaceSpec,
    /// 0 = most important.
    rank: u8,
    /// Worth keeping (moved next door) when it collides with a bigger place.
    worthy: bool,
    /// Stamps town or city terrain on its hex.
    stamp: Option<char>,
    /// What it snaps to once the roads and rivers are laid (`snap.rs`).
    snap: Snap,
    at: Km,
}

fn candidate(name: &str, kind: &str, pop: &str, port: bool, airfield: bool, at: Km) -> Candidate {
    let big = matches!(pop, "medium" | "large");
    let (kind_enum, rank) = match kind {
        "city" => (PlaceKind::City, 0),
        "port" => (PlaceKind::Port, 1),
        "town" if big => (PlaceKind::Town, 2),
        "airfield" => (PlaceKind::Airfield, 3),
        "bridge" | "crossroads" | "pass" => (PlaceKind::Landmark, 4),
        _ => (PlaceKind::Town, 5),
    };
    let port_capacity = if !port {
        0
    } else if MAJOR_PORTS.contains(&name) {
        PORT_CAPACITY[0]
    } else if matches!(kind, "port" | "city") {
        PORT_CAPACITY[1]
    } else {
        PORT_CAPACITY[2]
    };
    let stamp = match kind_enum {
        PlaceKind::City => Some('C'),
        PlaceKind::Town | PlaceKind::Port if big => Some('t'),
        _ => None,
    };
    Candidate {
        spec: PlaceSpec {
            id: slug(name),
            name: name.to_owned(),
            kind: kind_enum,
            hex: OffsetCoord(0, 0),
            port_capacity,
            airfield,
            fortified: false,
            evacuation: EVACUATION.contains(&name),
        },
        rank,
        worthy: rank <= 4 || port_capacity > 0,
        stamp,
        snap: match (kind, kind_enum) {
            ("bridge", _) => Snap::Bridge,
            (_, PlaceKind::City | PlaceKind::Town | PlaceKind::Port) => Snap::Road,
            _ => Snap::Stay,
        },
        at,
    }
}

/// Places on land hexes, most important first. Returns the places, each
/// one's terrain stamp (`'t'` or `'C'`, stamped on its hex once it is
/// final) and its anchor for `snap.rs`; collisions are reported in `notes`.
pub fn places(
    geo: &GeoData,
    region: Region,
    board: &Board,
    notes: &mut Vec<String>,
) -> (Vec<PlaceSpec>, Vec<Option<char>>, Vec<Anchor>) {
    let mut cands: Vec<Candidate> = geo
        .towns
        .iter()
        .map(|f| {
            let at = board.layout.project(f.geometry.x(), f.geometry.y());
            let pop = f.str("population_1936_class");
            candidate(
                f.str("name"),
                f.str("kind"),
                pop,
                f.flag("port"),
                f.flag("airfield"),
                at,
            )
        })
        .collect();
    for (r, name, kind, lon, lat) in EXTRA_PLACES {
        if r == region && !cands.iter().any(|c| c.spec.name == name) {
            let at = board.layout.project(lon, lat);
            cands.push(candidate(
                name,
                kind,
                "small",
                false,
                kind == "airfield",
                at,
            ));
        }
    }
    cands.retain(|c| board.on_map(c.at));
    cands.sort_by_key(|c| c.rank); // stable: file order within a rank
    let mut out: Vec<PlaceSpec> = Vec::new();
    let mut stamps = Vec::new();
    let mut anchors = Vec::new();
    for mut c in cands {
        let Some(hex) = board.nearest(c.at, 3.0 * board.layout.hex_km, |_| true) else {
            notes.push(format!(
                "place {}: no land hex nearby, dropped",
                c.spec.name
            ));
            continue;
        };
        let free = |h: OffsetCoord| !out.iter().any(|p: &PlaceSpec| p.hex == h);
        let hex = if free(hex) {
            hex
        } else {
            let holder = out.iter().find(|p| p.hex == hex).map(|p| p.name.clone());
            let holder = holder.unwrap_or_default();
            let next = board.nearest(c.at, 2.0 * board.layout.hex_km, free);
            match next {
                Some(n) if c.worthy => {
                    notes.push(format!(
                        "place {} shares hex {hex} with {holder}: moved to {n}",
                        c.spec.name
                    ));
                    n
                }
                _ => {
                    notes.push(format!(
                        "place {} shares hex {hex} with {holder}: dropped",
                        c.spec.name
                    ));
                    continue;
                }
            }
        };
        c.spec.hex = hex;
        stamps.push(c.stamp);
        anchors.push(Anchor {
            at: c.at,
            snap: c.snap,
        });
        out.push(c.spec);
    }
    (out, stamps, anchors)
}

/// Landing beaches: the coastal land hexes each beach line touches.
#[must_use]
pub fn beaches(geo: &GeoData, board: &Board) -> Vec<BeachSpec> {
    let l = board.layout;
    let mut out = Vec::new();
    for f in &geo.beaches {
        let pts: Vec<Km> = f.geometry.0.iter().map(|c| l.project(c.x, c.y)).collect();
        let samples: Vec<Km> = densify(&pts, l.hex_km / 4.0)
            .into_iter()
            .filter(|&p| board.on_map(p))
            .collect();
        if samples.is_empty() {
            continue;
        }
        let mut hexes: Vec<OffsetCoord> = Vec::new();
        for &p in &samples {
            if let Some(h) = board.nearest(p, l.hex_km, |c| board.coastal(c)) {
                if !hexes.contains(&h) {
                    hexes.push(h);
                }
            }
        }
        if hexes.is_empty() {
            let mid = samples[samples.len() / 2];
            hexes.extend(board.nearest(mid, 3.0 * l.hex_km, |_| true));
        }
        if hexes.is_empty() {
            continue;
        }
        out.push(BeachSpec {
            id: slug(f.str("name")),
            name: f.str("name").to_owned(),
            capacity: BEACH_STEPS_PER_HEX * hexes.len() as u32,
            hexes,
            side: if f.str("side") == "axis" {
                Side::Axis
            } else {
                Side::Allied
            },
        });
    }
    out
}

/// Airborne drop zones on the land hex of their point.
#[must_use]
pub fn drop_zones(geo: &GeoData, board: &Board) -> Vec<DropZoneSpec> {
    let l = board.layout;
    geo.drops
        .iter()
        .filter_map(|f| {
            let at = l.project(f.geometry.x(), f.geometry.y());
            if !board.on_map(at) {
                return None;
            }
            let hex = board.nearest(at, 3.0 * l.hex_km, |_| true)?;
            Some(DropZoneSpec {
                id: slug(f.str("name")),
                name: f.str("name").to_owned(),
                hex,
            })
        })
        .collect()
}

/// Map edges: every border with land hexes gets an edge (`north`, `east`,
/// `south`, `west`), and Sicily maps that reach Calabria get `reggio`, the
/// Calabrian shore hexes nearest to Villa San Giovanni first.
#[must_use]
pub fn edges(region: Region, board: &Board, places: &[PlaceSpec]) -> Vec<EdgeSpec> {
    let (w, h) = (board.layout.width as i32, board.layout.height as i32);
    let names = match region {
        Region::Salerno => [
            "North edge (toward Avellino and Naples)",
            "East edge (toward Potenza)",
            "South edge (toward Calabria)",
            "West edge (road from Naples)",
        ],
        Region::Sicily => ["North edge", "East edge", "South edge", "West edge"],
    };
    let borders: [(&str, Vec<OffsetCoord>); 4] = [
        ("north", (0..w).map(|c| OffsetCoord(c, 0)).collect()),
        ("east", (0..h).map(|r| OffsetCoord(w - 1, r)).collect()),
        ("south", (0..w).map(|c| OffsetCoord(c, h - 1)).collect()),
        ("west", (0..h).map(|r| OffsetCoord(0, r)).collect()),
    ];
    let mut out = Vec::new();
    for ((id, hexes), name) in borders.into_iter().zip(names) {
        let hexes: Vec<_> = hexes.into_iter().filter(|&c| board.land(c)).collect();
        // A lone island hex on the border is no place to enter from.
        if hexes.len() >= MIN_EDGE_HEXES {
            out.push(EdgeSpec {
                id: id.to_owned(),
                name: name.to_owned(),
                hexes,
            });
        }
    }
    if region == Region::Sicily {
        let find = |id: &str| places.iter().find(|p| p.id == id).map(|p| p.hex);
        let polygon = |c: OffsetCoord| board.layout.index(c).and_then(|i| board.cells[i].polygon);
        if let (Some(vsg), Some(messina)) = (find("villa_san_giovanni"), find("messina")) {
            let calabria = polygon(vsg);
            if calabria.is_some() && calabria != polygon(messina) {
                let origin = board.layout.centre(vsg);
                let mut shore: Vec<(f64, OffsetCoord)> = (0..board.cells.len())
                    .map(|i| board.coord(i))
                    .filter(|&c| board.coastal(c) && polygon(c) == calabria)
                    .map(|c| (dist2(board.layout.centre(c), origin), c))
                    .collect();
                shore.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                out.push(EdgeSpec {
                    id: "reggio".into(),
                    name: "Calabrian shore (Reggio, Villa San Giovanni)".into(),
                    hexes: shore.into_iter().map(|x| x.1).collect(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_follow_the_naming_rule() {
        assert_eq!(slug("Porto Empedocle"), "porto_empedocle");
        assert_eq!(slug("Acate (Biscari)"), "acate_biscari");
        assert_eq!(slug("Montecorvino airfield"), "montecorvino_airfield");
        assert_eq!(slug("JOSS (Licata)"), "joss_licata");
        assert_eq!(slug("Husky No. 1 (505th PIR)"), "husky_no_1_505th_pir");
        assert_eq!(slug("Cava de' Tirreni"), "cava_de_tirreni");
        assert_eq!(
            slug("82nd Airborne DZ (Paestum)"),
            "82nd_airborne_dz_paestum"
        );
    }
}
