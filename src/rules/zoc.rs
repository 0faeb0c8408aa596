//! Zones of control.
//!
//! Every unit on the map (except types marked `no_zoc`) exerts a zone of
//! control into the six hexes around it — but not into the sea, not across
//! the strait, and not across a major river unless a bridge spans it. Entering an enemy ZOC ends a unit's
//! movement (see `movement.rs`); moving straight from one enemy-ZOC hex to
//! another is forbidden unless the scenario's `zoc_to_zoc` rule allows it.
//! Supply traces (`supply.rs`) and retreats (`retreat.rs`) also respect ZOC.

use super::GameView;
use crate::hex::Hex;
use crate::scenario::{schema::RiverClass, Side};

/// Which hexes lie in the ZOC of `side`'s units: one flag per map hex, by
/// storage index.
#[must_use]
pub fn zoc_of(view: &GameView, side: Side) -> Vec<bool> {
    let map = &view.scenario.map;
    let mut zoc = vec![false; map.grid.len()];
    for u in view.side_units(side) {
        if view.def(u.id).kind.no_zoc {
            continue;
        }
        let Some(from) = u.hex() else { continue };
        for to in from.all_neighbors() {
            if exerts_into(view, from, to) {
                if let Some(i) = map.index(to) {
                    zoc[i] = true;
                }
            }
        }
    }
    zoc
}

/// Does a unit on `from` exert ZOC into the adjacent hex `to`?
#[must_use]
pub fn exerts_into(view: &GameView, from: Hex, to: Hex) -> bool {
    let s = view.scenario;
    if !s.is_land(to) {
        return false;
    }
    let side = super::demolition::crossing(s, view.state, from, to);
    !side.strait && (side.river != Some(RiverClass::Major) || side.bridge)
}

/// Is `hex` in the ZOC of `side`?
#[must_use]
pub fn in_zoc(view: &GameView, zoc: &[bool], hex: Hex) -> bool {
    view.scenario.map.index(hex).is_some_and(|i| zoc[i])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::builder::TestScenario;

    #[test]
    fn zoc_covers_adjacent_land_only() {
        let t = TestScenario::new(&["cccc", "cccc", "...."])
            .unit("de", Side::Axis, "infantry", (1, 1))
            .build();
        let view = t.view();
        let zoc = zoc_of(&view, Side::Axis);
        let h = |c, r| crate::hex::OffsetCoord(c, r).to_hex();
        assert!(in_zoc(&view, &zoc, h(1, 0)));
        assert!(in_zoc(&view, &zoc, h(0, 1)));
        assert!(in_zoc(&view, &zoc, h(2, 1)));
        // (1,2) is sea: no ZOC into it.
        assert!(!in_zoc(&view, &zoc, h(1, 2)));
        assert!(!in_zoc(&view, &zoc, h(3, 0)));
        assert!(!zoc_of(&view, Side::Allied).iter().any(|&z| z));
    }

    #[test]
    fn no_zoc_across_major_river_without_bridge() {
        let t = TestScenario::new(&["ccc", "ccc"])
            .river_major((1, 0), (2, 0))
            .unit("de", Side::Axis, "infantry", (1, 0))
            .build();
        let view = t.view();
        let zoc = zoc_of(&view, Side::Axis);
        let h = |c, r| crate::hex::OffsetCoord(c, r).to_hex();
        assert!(!in_zoc(&view, &zoc, h(2, 0)));
        assert!(in_zoc(&view, &zoc, h(0, 0)));
    }
}
