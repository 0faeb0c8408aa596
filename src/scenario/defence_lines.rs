//! The withdrawal plans' defence lines: place ids resolved, windows checked,
//! and each line drawn hex by hex between the places it runs through.

use super::compile::Report;
use super::loader::Doc;
use super::model::{DefenceLine, Map, Terrain, UnitDef};
use super::schema::{DefenceLineSpec, ScenarioFile, TurnWindow};
use crate::hex::Hex;

/// The lines of `d`, drawn on `map` (water hexes left out); every bad
/// reference or window is reported at its value.
pub fn resolve(
    d: &Doc<ScenarioFile>,
    map: &Map,
    terrain: &[Terrain],
    r: &mut Report,
) -> Vec<DefenceLine> {
    let m = &d.value;
    let mut lines = Vec::new();
    for (i, l) in m.defence_lines.iter().enumerate() {
        if l.from_turn < 1 || l.from_turn > l.until_turn || l.until_turn > m.turns {
            r.error(
                d,
                &format!("defence_lines[{i}].until_turn"),
                format!(
                    "defence line `{}` is held on turns {}..{}, which must lie within turns 1..{} and not end before they start",
                    l.name, l.from_turn, l.until_turn, m.turns
                ),
            );
        }
        if l.through.is_empty() {
            r.error(
                d,
                &format!("defence_lines[{i}].through"),
                format!("defence line `{}` runs through no places", l.name),
            );
        }
        for (k, other) in m.defence_lines.iter().enumerate().take(i) {
            if other.side == l.side
                && other.from_turn <= l.until_turn
                && l.from_turn <= other.until_turn
            {
                r.error(
                    d,
                    &format!("defence_lines[{i}].from_turn"),
                    format!(
                        "defence line `{}` overlaps `{}` (defence_lines[{k}]) on turns {}..{}: a side holds one line at a time",
                        l.name,
                        other.name,
                        l.from_turn.max(other.from_turn),
                        l.until_turn.min(other.until_turn)
                    ),
                );
            }
        }
        let mut anchors = Vec::new();
        for (j, id) in l.through.iter().enumerate() {
            match map.place_id(id) {
                Some(p) => anchors.push(map.places[p as usize].hex.to_hex()),
                None => r.error(
                    d,
                    &format!("defence_lines[{i}].through[{j}]"),
                    format!(
                        "defence line `{}` runs through unknown place `{id}`",
                        l.name
                    ),
                ),
            }
        }
        lines.push(drawn(l, map, terrain, &anchors));
    }
    lines
}

/// The line `spec` drawn through `anchors` (the hexes of its places, in
/// order). The test builder draws its lines with it too.
pub(super) fn drawn(
    spec: &DefenceLineSpec,
    map: &Map,
    terrain: &[Terrain],
    anchors: &[Hex],
) -> DefenceLine {
    DefenceLine {
        name: spec.name.clone(),
        side: spec.side,
        window: TurnWindow {
            from_turn: spec.from_turn,
            until_turn: spec.until_turn,
        },
        hexes: draw(map, terrain, anchors),
        nations: spec.nations.clone(),
    }
}

/// The hexes of a line through `anchors`: each pair joined hex by hex,
/// water hexes left out, no hex twice.
fn draw(map: &Map, terrain: &[Terrain], anchors: &[Hex]) -> Vec<Hex> {
    let land = |h: &Hex| {
        map.terrain_at(*h)
            .is_some_and(|t| terrain.get(t as usize).is_some_and(|t| !t.water))
    };
    let mut hexes: Vec<Hex> = anchors.first().copied().into_iter().collect();
    for pair in anchors.windows(2) {
        hexes.extend(pair[0].line_to(pair[1]).skip(1));
    }
    hexes.retain(land);
    // A place listed twice (a line that doubles back) adds nothing twice.
    let mut seen = std::collections::BTreeSet::new();
    hexes.retain(|h| seen.insert(map.index(*h)));
    hexes
}

/// Every nation a line names must have units on the line's side: a
/// misspelt nation would leave the line unheld without a word.
pub fn check_nations(d: &Doc<ScenarioFile>, units: &[UnitDef], r: &mut Report) {
    for (i, l) in d.value.defence_lines.iter().enumerate() {
        for (j, n) in l.nations.iter().enumerate() {
            if !units.iter().any(|u| u.side == l.side && u.nation == *n) {
                r.error(
                    d,
                    &format!("defence_lines[{i}].nations[{j}]"),
                    format!(
                        "defence line `{}` names nation `{n}`, which has no {} units",
                        l.name, l.side
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::hex::{Hex, OffsetCoord};
    use crate::scenario::{builder::TestScenario, schema::PlaceKind, Side};

    fn h(c: i32, r: i32) -> Hex {
        OffsetCoord(c, r).to_hex()
    }

    /// Two columns, five rows; a sea hex at (0,2). Places "gela" at (0,0)
    /// and "licata" at (0,4), down the west column.
    fn coast() -> TestScenario {
        TestScenario::new(&["cc", "cc", ".c", "cc", "cc"])
            .place("gela", PlaceKind::Town, (0, 0))
            .place("licata", PlaceKind::Port, (0, 4))
    }

    #[test]
    fn a_line_joins_its_places_hex_by_hex_leaving_out_water() {
        let t = coast()
            .defence_line("Coast", Side::Axis, (1, 3), &["gela", "licata"], &[])
            .build();
        assert_eq!(
            t.scenario.defence_lines[0].hexes,
            vec![h(0, 0), h(0, 1), h(0, 3), h(0, 4)]
        );
    }

    #[test]
    fn a_line_that_doubles_back_lists_each_hex_once() {
        let t = coast()
            .defence_line(
                "Coast",
                Side::Axis,
                (1, 3),
                &["gela", "licata", "gela"],
                &[],
            )
            .build();
        assert_eq!(
            t.scenario.defence_lines[0].hexes,
            vec![h(0, 0), h(0, 1), h(0, 3), h(0, 4)]
        );
    }

    #[test]
    fn the_line_held_on_a_turn_is_the_one_of_that_side_whose_window_holds_it() {
        let t = coast()
            .defence_line("First", Side::Axis, (1, 3), &["gela"], &[])
            .defence_line("Second", Side::Axis, (4, 6), &["licata"], &[])
            .defence_line("Beachhead", Side::Allied, (2, 2), &["gela"], &[])
            .build();
        let held = |side, turn| t.scenario.defence_line(side, turn).map(|l| l.name.as_str());
        let axis: Vec<_> = (0..=7).map(|turn| held(Side::Axis, turn)).collect();
        let (first, second) = (Some("First"), Some("Second"));
        assert_eq!(
            axis,
            vec![None, first, first, first, second, second, second, None]
        );
        assert_eq!(held(Side::Allied, 2), Some("Beachhead"));
        assert_eq!(held(Side::Allied, 3), None);
    }
}
