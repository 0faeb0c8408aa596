use super::*;
use crate::command::Command;
use crate::rules::RejectionKind;
use crate::scenario::{builder::TestScenario, PhaseSpec, Side};
use crate::sim::Game;

/// A motorised column at (0,0) on open ground; an Axis regiment in the town
/// at (4,1), four hexes off and unseen (town concealment 2).
fn column_and_hidden_town() -> (Game, UnitId, UnitId) {
    let t = TestScenario::new(&["cccccccc", "cccctccc"])
        .unit("us", Side::Allied, "motorised", (0, 0))
        .unit("de", Side::Axis, "infantry", (4, 1))
        .phases(vec![PhaseSpec::Movement(Side::Allied), PhaseSpec::EndTurn])
        .build();
    let us = t.scenario.unit_id("us").unwrap();
    let de = t.scenario.unit_id("de").unwrap();
    (Game::new(t.scenario, 7), us, de)
}

fn row(cols: std::ops::RangeInclusive<i32>) -> Vec<OffsetCoord> {
    cols.map(|c| OffsetCoord(c, 0)).collect()
}

#[test]
fn a_move_into_an_unseen_zone_of_control_stops_there_with_a_contact_event() {
    let (mut g, us, de) = column_and_hidden_town();
    assert!(
        crate::rules::fog::visible_enemies(&g.view(), Side::Allied).is_empty(),
        "the regiment in the town is not seen"
    );
    let path = row(1..=6);
    let stop = path
        .iter()
        .position(|c| g.view().in_zoc_of(Side::Axis, c.to_hex()))
        .expect("the road passes the town");
    assert!(stop + 1 < path.len(), "the order goes on past the contact");
    let events = g
        .execute(Command::Move {
            unit: us,
            path: path.clone(),
        })
        .expect("the order is legal as the Allies see the map");
    let u = g.state().unit(us);
    assert_eq!(u.at, Some(path[stop]));
    assert_eq!(u.mp_left, 0);
    assert!(events.contains(&Event::Contact {
        unit: us,
        at: path[stop],
        short_by: (path.len() - stop - 1) as u32,
    }));
    assert!(events.contains(&Event::Moved {
        unit: us,
        path: path[..=stop].to_vec(),
        mp_left: 0,
    }));
    // Now in contact, the regiment is seen.
    assert_eq!(
        crate::rules::fog::visible_enemies(&g.view(), Side::Allied),
        vec![de]
    );
}

#[test]
fn a_refusal_is_worded_from_what_the_side_sees() {
    let (g, us, _) = column_and_hidden_town();
    // Seven hexes of clear cost 14 MP: too far for 12 MP as the Allies see
    // it; the hidden regiment's zone of control must not be the reason.
    let err = g
        .validate(&Command::Move {
            unit: us,
            path: row(1..=7),
        })
        .unwrap_err();
    let mut seen = crate::rules::fog::visible_state(g.scenario(), g.state(), Side::Allied);
    seen.sync_index(g.scenario());
    let as_seen = Command::Move {
        unit: us,
        path: row(1..=7),
    }
    .validate(&GameView::new(g.scenario(), &seen))
    .unwrap_err();
    assert_eq!(err, as_seen);
    assert_ne!(err.kind, RejectionKind::Zoc);
    assert!(!err.reason.contains("de"), "{}", err.reason);
}

#[test]
fn a_move_the_real_map_allows_is_carried_out_whole() {
    let (mut g, us, _) = column_and_hidden_town();
    let events = g
        .execute(Command::Move {
            unit: us,
            path: row(1..=2),
        })
        .unwrap();
    assert!(!events.iter().any(|e| matches!(e, Event::Contact { .. })));
    assert_eq!(g.state().unit(us).at, Some(OffsetCoord(2, 0)));
    assert_eq!(g.state().unit(us).mp_left, 8);
}
