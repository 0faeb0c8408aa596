//! Landmarks on their lines. Places are first put on the land hex nearest to
//! their point (`places.rs`); rivers and roads are laid independently, so a
//! bridge could end in a field beside its road and a town beside its main
//! road. Once the lines are laid this moves:
//!
//! - a **bridge** landmark onto a hex of the nearest generated bridge
//!   hexside (a road crossing a river), taking the **bank whose hex centre is
//!   nearest the landmark's point** (ties: the smaller `(col, row)`), if that
//!   hex is within [`BRIDGE_SNAP_HEXES`] hexes' width of the point;
//! - a **town, city or port** that is not on a road onto the nearest hex of a
//!   main or secondary road, if that hex's centre is within
//!   [`ROAD_SNAP_HEXES`] of the place's point (the road passes by it).
//!
//! A place never moves onto a hex another place holds. Every move is
//! reported in the notes (`landfall mapgen` prints them).

use super::lines::Side;
use super::projection::{dist2, Km, Layout};
use crate::hex::OffsetCoord;
use crate::scenario::schema::{PlaceSpec, RoadClass, RoadSpec};

/// How far (in hex widths) a bridge landmark's point may be from the bank
/// it is moved to.
pub const BRIDGE_SNAP_HEXES: f64 = 1.5;
/// How far (in hex widths) a town's point may be from the road hex it is
/// moved to.
pub const ROAD_SNAP_HEXES: f64 = 1.0;

/// What a place snaps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Snap {
    /// A bridge landmark: the bank of a generated bridge.
    Bridge,
    /// A town, city or port: a road hex.
    Road,
    /// Stays where it was put.
    Stay,
}

/// Where a place came from: its point and what it snaps to.
#[derive(Debug, Clone, Copy)]
pub struct Anchor {
    /// The place's point, projected.
    pub at: Km,
    /// What it snaps to.
    pub snap: Snap,
}

/// Move the places onto their bridges and roads (rules above); `anchors[i]`
/// belongs to `places[i]`.
pub fn snap(
    places: &mut [PlaceSpec],
    anchors: &[Anchor],
    roads: &[RoadSpec],
    bridges: &[Side],
    layout: &Layout,
    notes: &mut Vec<String>,
) {
    let road_hexes: Vec<OffsetCoord> = {
        let mut v: Vec<OffsetCoord> = roads
            .iter()
            .filter(|r| r.class != RoadClass::Rail)
            .flat_map(|r| r.path.iter().copied())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let banks: Vec<OffsetCoord> = {
        let mut v: Vec<OffsetCoord> = bridges.iter().flat_map(|&(a, b)| [a, b]).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    for i in 0..places.len() {
        let Some(anchor) = anchors.get(i) else { break };
        let (candidates, reach, what) = match anchor.snap {
            Snap::Stay => continue,
            Snap::Bridge => (&banks, BRIDGE_SNAP_HEXES, "its bridge"),
            Snap::Road => {
                if road_hexes.binary_search(&places[i].hex).is_ok() {
                    continue;
                }
                (&road_hexes, ROAD_SNAP_HEXES, "the road")
            }
        };
        let max = (reach * layout.hex_km).powi(2);
        let taken = |c: OffsetCoord| places.iter().enumerate().any(|(j, p)| j != i && p.hex == c);
        let best = candidates
            .iter()
            .map(|&c| (dist2(layout.centre(c), anchor.at), c))
            .filter(|&(d, c)| d <= max && !taken(c))
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        if let Some((_, c)) = best {
            if c != places[i].hex {
                notes.push(format!(
                    "place {}: moved from {} to {c}, onto {what}",
                    places[i].name, places[i].hex
                ));
                places[i].hex = c;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mapgen::projection::BBox;
    use crate::scenario::schema::PlaceKind;

    /// A 2 km layout about 8 hexes square.
    fn layout() -> Layout {
        Layout::new(
            BBox {
                west: 15.0,
                south: 37.0,
                east: 15.2,
                north: 37.15,
            },
            2.0,
        )
    }

    fn place(name: &str, kind: PlaceKind, hex: OffsetCoord) -> PlaceSpec {
        PlaceSpec {
            id: name.to_lowercase(),
            name: name.into(),
            kind,
            hex,
            port_capacity: 0,
            airfield: false,
            fortified: false,
            evacuation: false,
        }
    }

    /// A point a little east of `c`'s centre (a fifth of a hex).
    fn beside(l: &Layout, c: OffsetCoord) -> Km {
        let (x, y) = l.centre(c);
        (x + 0.4, y)
    }

    #[test]
    fn a_bridge_landmark_moves_to_the_nearer_bank_of_its_bridge() {
        let l = layout();
        // A road (3,1) → (3,2) → (3,3) crosses a river on the side (3,2)|(3,3).
        let bridges = vec![(OffsetCoord(3, 2), OffsetCoord(3, 3))];
        // The landmark's point is just east of (3,3)'s centre, but it was
        // put on (4,3), a field beside the road.
        let mut places = vec![place(
            "Malati bridge",
            PlaceKind::Landmark,
            OffsetCoord(4, 3),
        )];
        let anchors = [Anchor {
            at: beside(&l, OffsetCoord(3, 3)),
            snap: Snap::Bridge,
        }];
        let mut notes = Vec::new();
        snap(&mut places, &anchors, &[], &bridges, &l, &mut notes);
        assert_eq!(places[0].hex, OffsetCoord(3, 3));
        assert_eq!(
            notes,
            ["place Malati bridge: moved from (4,3) to (3,3), onto its bridge"]
        );
    }

    #[test]
    fn a_town_beside_its_road_moves_onto_it_unless_the_hex_is_taken() {
        let l = layout();
        let roads = vec![RoadSpec {
            class: RoadClass::Main,
            path: vec![OffsetCoord(2, 1), OffsetCoord(2, 2), OffsetCoord(2, 3)],
        }];
        let at = beside(&l, OffsetCoord(2, 2));
        let mut places = vec![place("Lentini", PlaceKind::Town, OffsetCoord(3, 2))];
        let anchors = [Anchor {
            at,
            snap: Snap::Road,
        }];
        let mut notes = Vec::new();
        snap(&mut places, &anchors, &roads, &[], &l, &mut notes);
        assert_eq!(places[0].hex, OffsetCoord(2, 2));
        // With (2,2) and (2,1) and (2,3) taken, it stays.
        let mut places = vec![
            place("Lentini", PlaceKind::Town, OffsetCoord(3, 2)),
            place("A", PlaceKind::Town, OffsetCoord(2, 2)),
            place("B", PlaceKind::Town, OffsetCoord(2, 1)),
            place("C", PlaceKind::Town, OffsetCoord(2, 3)),
        ];
        let stay = Anchor {
            at,
            snap: Snap::Stay,
        };
        let anchors = [anchors[0], stay, stay, stay];
        snap(&mut places, &anchors, &roads, &[], &l, &mut notes);
        assert_eq!(places[0].hex, OffsetCoord(3, 2));
    }

    #[test]
    fn a_town_far_from_any_road_stays() {
        let l = layout();
        let roads = vec![RoadSpec {
            class: RoadClass::Main,
            path: vec![OffsetCoord(0, 0), OffsetCoord(0, 1)],
        }];
        let mut places = vec![place("Far", PlaceKind::Town, OffsetCoord(5, 5))];
        let anchors = [Anchor {
            at: l.centre(OffsetCoord(5, 5)),
            snap: Snap::Road,
        }];
        snap(&mut places, &anchors, &roads, &[], &l, &mut Vec::new());
        assert_eq!(places[0].hex, OffsetCoord(5, 5));
    }
}
