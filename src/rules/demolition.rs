//! Demolitions: bridges blown and roads cut, and their repair.
//!
//! A **site** is a hexside between two land hexes that carries a road or a
//! bridge (a strait is not one). A site is **intact** or **blown**; the
//! state keeps the blown ones (`State::works`), so every rule that prices or
//! allows a crossing reads them through [`crossing`]: the movement cost
//! (`movement::terrain_cost`, hence moves, reach, retreats, advances, supply
//! traces and the computer's distances), `can_enter`'s major-river rule and
//! zones of control across a major river. A blown hexside has no road and no
//! bridge: the crossing pays the terrain (and the river, and a major river
//! stops vehicles again) plus `rules.demolitions.extra_mp`.
//!
//! Who, when, where (`rules.demolitions` in the scenario):
//! - **Blow** (`Command::Demolish`, in the side's movement phase): a unit of
//!   a side listed in `blow` (an `engineer` type if `engineers_only`), on
//!   the map, not static, standing on one of the site's two hexes, with at
//!   least `blow_mp` MP left; the site must be intact. The unit spends
//!   `blow_mp` and may move on. Events may blow sites too (`Demolish`
//!   effect), whoever is there.
//! - **Repair** (`Command::Repair`, in the side's movement phase): a unit
//!   of a side listed in `repair` (an engineer if `engineers_only`) that
//!   has not moved this phase, standing on one of the blown site's hexes,
//!   with no enemy unit on either hex. It spends the whole phase; after
//!   `repair_turns` such phases (any units of the side) the site is intact.

use super::{GameView, Rejection, RejectionKind};
use crate::hex::{Hex, OffsetCoord};
use crate::scenario::model::{Map, SideFeatures, Terrain};
use crate::scenario::{Scenario, Side, UnitId};
use crate::sim::state::{State, Status};

/// A hexside as the state keys it: the two hexes, the smaller first.
#[must_use]
pub fn key(a: Hex, b: Hex) -> (OffsetCoord, OffsetCoord) {
    let (x, y) = (OffsetCoord::from_hex(a), OffsetCoord::from_hex(b));
    if x <= y {
        (x, y)
    } else {
        (y, x)
    }
}

/// Is the hexside between `a` and `b` blown now?
#[must_use]
pub fn is_blown(state: &State, a: Hex, b: Hex) -> bool {
    !state.works.blown.is_empty() && state.works.blown.contains_key(&key(a, b))
}

/// The features of the hexside between `a` and `b` as they are now: the
/// map's, without road and bridge while it is blown.
#[must_use]
pub fn crossing(s: &Scenario, state: &State, a: Hex, b: Hex) -> SideFeatures {
    let mut f = s.map.side_between(a, b);
    if (f.road.is_some() || f.bridge) && is_blown(state, a, b) {
        f.road = None;
        f.bridge = false;
    }
    f
}

/// Extra MP to cross the hexside between `a` and `b` (0 unless blown).
#[must_use]
pub fn extra_cost(s: &Scenario, state: &State, a: Hex, b: Hex) -> u32 {
    if is_blown(state, a, b) {
        s.rules.demolitions.extra_mp
    } else {
        0
    }
}

/// Is the hexside between `a` and `b` a demolition site (adjacent land
/// hexes, a road or a bridge across, not a strait)? The reason if not.
pub fn site(s: &Scenario, a: Hex, b: Hex) -> Result<(), String> {
    site_on(&s.map, &s.terrain, a, b)
}

/// [`site`] on a map and its terrain table (for the scenario checks).
pub fn site_on(map: &Map, terrain: &[Terrain], a: Hex, b: Hex) -> Result<(), String> {
    let (la, lb) = (OffsetCoord::from_hex(a), OffsetCoord::from_hex(b));
    if a.unsigned_distance_to(b) != 1 {
        return Err(format!("{la} and {lb} are not adjacent"));
    }
    let land = |h: Hex| {
        map.terrain_at(h)
            .is_some_and(|t| !terrain[t as usize].water)
    };
    if !land(a) || !land(b) {
        return Err(format!(
            "the hexside {la}–{lb} is not between two land hexes"
        ));
    }
    let f = map.side_between(a, b);
    if f.strait || (f.road.is_none() && !f.bridge) {
        return Err(format!(
            "no road or bridge crosses the hexside {la}–{lb}: nothing to blow"
        ));
    }
    Ok(())
}

fn refuse(kind: RejectionKind, why: String) -> Rejection {
    Rejection::new(kind, why)
}

/// The checks both orders share: the side may, the unit may, it is there.
fn worker(
    view: &GameView,
    unit: UnitId,
    a: Hex,
    b: Hex,
    sides: &[Side],
    verb: &str,
) -> Result<(), Rejection> {
    let def = view.def(unit);
    let d = &view.scenario.rules.demolitions;
    if !sides.contains(&def.side) {
        return Err(refuse(
            RejectionKind::Prohibited,
            format!(
                "the {} may not {verb} bridges or roads in this scenario",
                def.side
            ),
        ));
    }
    if d.engineers_only && !def.kind.engineer {
        return Err(refuse(
            RejectionKind::Prohibited,
            format!(
                "{} is not an engineer unit: only engineers {verb} here",
                def.name
            ),
        ));
    }
    let u = view.unit(unit);
    if u.status != Status::OnMap || def.kind.static_unit {
        return Err(refuse(
            RejectionKind::AlreadyActed,
            format!("{} cannot {verb} anything", def.name),
        ));
    }
    site(view.scenario, a, b).map_err(|w| refuse(RejectionKind::BadPath, w))?;
    if u.hex() != Some(a) && u.hex() != Some(b) {
        return Err(refuse(
            RejectionKind::BadPath,
            format!(
                "{} must stand on {} or {} to {verb} the crossing",
                def.name,
                OffsetCoord::from_hex(a),
                OffsetCoord::from_hex(b)
            ),
        ));
    }
    Ok(())
}

/// May `unit` blow the hexside between `a` and `b` now (the phase is the
/// caller's check)?
pub fn check_blow(view: &GameView, unit: UnitId, a: Hex, b: Hex) -> Result<(), Rejection> {
    let d = &view.scenario.rules.demolitions;
    worker(view, unit, a, b, &d.blow, "blow")?;
    if is_blown(view.state, a, b) {
        return Err(refuse(
            RejectionKind::Prohibited,
            format!(
                "the crossing {}–{} is already blown",
                OffsetCoord::from_hex(a),
                OffsetCoord::from_hex(b)
            ),
        ));
    }
    let left = view.unit(unit).mp_left;
    if left < d.blow_mp {
        return Err(refuse(
            RejectionKind::NotEnoughMp,
            format!(
                "{} has {left} MP left; blowing a crossing costs {}",
                view.def(unit).name,
                d.blow_mp
            ),
        ));
    }
    Ok(())
}

/// May `unit` work on repairing the blown hexside between `a` and `b` now?
pub fn check_repair(view: &GameView, unit: UnitId, a: Hex, b: Hex) -> Result<(), Rejection> {
    let d = &view.scenario.rules.demolitions;
    worker(view, unit, a, b, &d.repair, "repair")?;
    let (la, lb) = (OffsetCoord::from_hex(a), OffsetCoord::from_hex(b));
    if !is_blown(view.state, a, b) {
        return Err(refuse(
            RejectionKind::Prohibited,
            format!("the crossing {la}–{lb} is not blown"),
        ));
    }
    let def = view.def(unit);
    if view.unit(unit).moved {
        return Err(refuse(
            RejectionKind::AlreadyActed,
            format!(
                "{} has moved this phase: repairs take the whole phase",
                def.name
            ),
        ));
    }
    if view.enemy_occupied(a, def.side) || view.enemy_occupied(b, def.side) {
        return Err(refuse(
            RejectionKind::Prohibited,
            format!("the enemy holds one bank of the crossing {la}–{lb}"),
        ));
    }
    Ok(())
}
