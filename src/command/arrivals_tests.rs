use crate::command::{Command, Event};
use crate::hex::OffsetCoord;
use crate::rules::entering::How;
use crate::rules::reinforcements::entry_open;
use crate::scenario::{builder::TestScenario, PhaseSpec};
use crate::scenario::{Entry, Side, UnitId};
use crate::sim::state::Status;
use crate::sim::Game;

fn road_west(entries: Vec<Entry>) -> (Game, UnitId, UnitId) {
    let t = TestScenario::new(&["cccccccc"])
        .edge("west", &[(0, 0)])
        .unit("de", Side::Axis, "infantry", (0, 0))
        .unit("us", Side::Allied, "infantry", (7, 0))
        .arriving(1, entries)
        .phases(vec![
            PhaseSpec::Arrivals(Side::Allied),
            PhaseSpec::Movement(Side::Allied),
            PhaseSpec::Movement(Side::Axis),
            PhaseSpec::EndTurn,
        ])
        .build();
    let us = t.scenario.unit_id("us").unwrap();
    let de = t.scenario.unit_id("de").unwrap();
    (Game::new(t.scenario, 7), us, de)
}

#[test]
fn a_reinforcement_whose_entry_hex_is_occupied_arrives_a_turn_later() {
    let (mut g, us, de) = road_west(vec![Entry::Edge(0)]);
    assert_eq!(g.state().unit(us).status, Status::Pending);
    assert_eq!(g.state().unit(us).delayed_to, 2);
    g.execute(Command::EndPhase).unwrap();
    // The Axis regiment clears the road: 4 clear hexes for 8 MP.
    let path = (1..=4).map(|c| OffsetCoord(c, 0)).collect();
    g.execute(Command::Move { unit: de, path }).unwrap();
    let events = g.execute(Command::EndPhase).unwrap();
    assert_eq!(g.state().turn, 2);
    assert!(events.contains(&Event::Arrived {
        unit: us,
        at: OffsetCoord(0, 0)
    }));
    assert_eq!(g.state().unit(us).status, Status::OnMap);
    assert_eq!(g.state().unit(us).entered_turn, 2);
}

#[test]
fn a_reinforcement_whose_entry_is_occupied_uses_its_listed_alternative_entry() {
    let alt = OffsetCoord(5, 0).to_hex();
    let (g, us, _) = road_west(vec![Entry::Edge(0), Entry::Hex(alt)]);
    assert_eq!(g.state().unit(us).status, Status::OnMap);
    assert_eq!(g.state().unit(us).at, Some(OffsetCoord(5, 0)));
    assert_eq!(g.state().unit(us).delayed_to, 0);
}

#[test]
fn an_entry_in_enemy_zoc_is_closed() {
    let (g, _, _) = road_west(vec![]);
    let view = g.view();
    let us = view.scenario.unit_id("us").unwrap();
    assert!(!entry_open(
        &view,
        us,
        OffsetCoord(0, 0).to_hex(),
        How::Arrival
    ));
    assert!(!entry_open(
        &view,
        us,
        OffsetCoord(1, 0).to_hex(),
        How::Arrival
    ));
    assert!(entry_open(
        &view,
        us,
        OffsetCoord(2, 0).to_hex(),
        How::Arrival
    ));
}

/// A 6×3 map whose south edge is written from the south-west corner, with
/// two roads reaching it at (1, 2) and (4, 2) and a town at (5, 2); an
/// Allied regiment arrives on the south edge on turn 1.
fn south_edge(roads: bool, near: Option<&str>) -> Game {
    let mut t = TestScenario::new(&["cccccc", "cccccc", "cccccc"])
        .edge("south", &[(0, 2), (1, 2), (2, 2), (3, 2), (4, 2), (5, 2)])
        .place("lentini", crate::scenario::schema::PlaceKind::Town, (5, 2))
        .unit("de", Side::Axis, "infantry", (0, 0))
        .unit("us", Side::Allied, "infantry", (5, 2))
        .arriving(1, vec![Entry::Edge(0)]);
    if roads {
        t = t
            .road(
                crate::scenario::schema::RoadClass::Main,
                &[(1, 2), (1, 1), (1, 0)],
            )
            .road(
                crate::scenario::schema::RoadClass::Main,
                &[(4, 2), (4, 1), (4, 0)],
            );
    }
    let built = t
        .with(|u| {
            if let Some(a) = u.arrival.as_mut() {
                a.near = near.map(|_| 0);
            }
        })
        .phases(vec![
            PhaseSpec::Arrivals(Side::Allied),
            PhaseSpec::Movement(Side::Allied),
            PhaseSpec::EndTurn,
        ])
        .build();
    Game::new(built.scenario, 7)
}

fn arrived_at(g: &Game) -> Option<OffsetCoord> {
    let us = g.scenario().unit_id("us").unwrap();
    g.state().unit(us).at
}

#[test]
fn an_edge_arrival_without_roads_takes_the_first_hex_of_the_edge() {
    assert_eq!(
        arrived_at(&south_edge(false, None)),
        Some(OffsetCoord(0, 2))
    );
}

#[test]
fn an_edge_arrival_enters_on_a_road_not_in_the_corner() {
    assert_eq!(arrived_at(&south_edge(true, None)), Some(OffsetCoord(1, 2)));
}

#[test]
fn an_edge_arrival_near_a_place_takes_the_road_nearest_to_it() {
    let g = south_edge(true, Some("lentini"));
    assert_eq!(arrived_at(&g), Some(OffsetCoord(4, 2)));
}

#[test]
fn an_edge_arrival_near_a_place_off_the_roads_takes_the_nearest_hex() {
    let g = south_edge(false, Some("lentini"));
    assert_eq!(arrived_at(&g), Some(OffsetCoord(5, 2)));
}
