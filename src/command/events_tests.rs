use super::*;
use crate::command::Command;
use crate::hex::OffsetCoord;
use crate::rules::combat::{odds, Support};
use crate::scenario::schema::{PlaceKind, RuleWindow};
use crate::scenario::{
    builder::TestScenario, Entry, EventTrigger, PhaseSpec, ScenarioEvent, Side, UnitId,
};
use crate::sim::Game;
use std::sync::Arc;

/// An Allied regiment at (0,1), an Italian one at (1,1) next to it, a town
/// at (3,1), an Italian reinforcement due on turn 1 at (4,2); `events` added.
fn game(events: Vec<ScenarioEvent>) -> Game {
    let t = TestScenario::new(&["cccccc", "cccccc", "cccccc"])
        .place("lentini", PlaceKind::Town, (3, 1))
        .unit("us", Side::Allied, "infantry", (0, 1))
        .unit("it", Side::Axis, "infantry", (1, 1))
        .with(|u| u.nation = "IT".into())
        .unit("it2", Side::Axis, "infantry", (5, 2))
        .with(|u| u.nation = "IT".into())
        .arriving(1, vec![Entry::Hex(OffsetCoord(4, 2).to_hex())])
        .phases(vec![
            PhaseSpec::Arrivals(Side::Axis),
            PhaseSpec::Movement(Side::Allied),
            PhaseSpec::Combat(Side::Allied),
            PhaseSpec::EndTurn,
        ])
        .turns(5)
        .build();
    let mut s = (*t.scenario).clone();
    s.events = events;
    Game::new(Arc::new(s), 1)
}

fn event(id: &str, when: EventTrigger, then: Vec<EventEffect>) -> ScenarioEvent {
    ScenarioEvent {
        id: id.into(),
        when,
        then,
        note: String::new(),
    }
}

fn id(g: &Game, unit: &str) -> UnitId {
    g.scenario().unit_id(unit).unwrap()
}

/// End phases until turn `turn` begins; the events of every phase.
fn play_to(g: &mut Game, turn: u32) -> Vec<Event> {
    let mut all = g.opening_events().to_vec();
    while g.state().turn < turn {
        all.extend(g.execute(Command::EndPhase).unwrap());
    }
    all
}

fn attack_odds(g: &Game) -> (u32, u32) {
    let view = g.view();
    let o = odds(
        &view,
        &[id(g, "us")],
        OffsetCoord(1, 1).to_hex(),
        &Support::default(),
        false,
    )
    .unwrap();
    (o.attack, o.defence)
}

#[test]
fn a_turn_event_fires_once_at_its_turn_and_weakens_a_nation_in_combat() {
    let mussolini = event(
        "mussolini_falls",
        EventTrigger::Turn(2),
        vec![
            EventEffect::Message("Mussolini deposed".into()),
            EventEffect::Ratings {
                nation: "IT".into(),
                attack_percent: 50,
                defence_percent: 50,
            },
        ],
    );
    let mut g = game(vec![mussolini]);
    let before = attack_odds(&g);
    assert_eq!(g.state().events.fired, [false]);
    let events = play_to(&mut g, 3);
    assert_eq!(g.state().events.fired, [true]);
    let fired: Vec<&Event> = events
        .iter()
        .filter(|e| matches!(e, Event::EventFired { .. }))
        .collect();
    assert_eq!(fired.len(), 1, "fires once: {events:?}");
    assert!(events.contains(&Event::Message {
        text: "Mussolini deposed".into()
    }));
    // The Italian defender now defends at half its rating.
    let after = attack_odds(&g);
    assert_eq!(after.0, before.0);
    assert_eq!(after.1, (before.1 / 2).max(1));
}

#[test]
fn held_arrivals_come_on_when_their_event_fires() {
    // it2 is due on turn 1, but an event brings it on, on turn 2.
    let reinforce = event(
        "reinforce",
        EventTrigger::Turn(2),
        vec![EventEffect::Arrive(vec![1])],
    );
    let mut g = game(vec![reinforce]);
    let it2 = id(&g, "it2");
    assert_eq!(it2, 1, "units are sorted by id: it, it2, us");
    assert_eq!(g.state().unit(it2).status, Status::Pending);
    assert!(crate::rules::events::held_back(
        g.scenario(),
        g.state(),
        it2
    ));
    play_to(&mut g, 2);
    assert_eq!(g.state().unit(it2).status, Status::OnMap);
    assert_eq!(g.state().unit(it2).at, Some(OffsetCoord(4, 2)));
    assert_eq!(g.state().unit(it2).entered_turn, 2);
}

#[test]
fn a_capture_fires_its_event_and_scores() {
    let taken = event(
        "lentini_falls",
        EventTrigger::Taken {
            place: 0,
            by: Side::Allied,
        },
        vec![EventEffect::Vp {
            side: Side::Allied,
            vp: 3,
        }],
    );
    let g = game(vec![taken]);
    let mut s = g.state().clone();
    // Held by the Allies from the start would not count: it must change hands.
    s.control[0] = Side::Allied;
    assert!(crate::rules::events::due(g.scenario(), &s).is_empty());
    s.control_since[0] = 1;
    let mut events = Vec::new();
    fire_due(g.scenario(), &mut s, &mut events);
    assert!(events.contains(&Event::Scored {
        side: Side::Allied,
        vp: 3,
        reason: "event `lentini_falls`".into()
    }));
    assert_eq!(s.vp[0], 3);
}

#[test]
fn steps_lost_withdraws_a_nation_and_closes_nothing_else() {
    let armistice = event(
        "armistice",
        EventTrigger::StepsLost {
            side: Side::Axis,
            nation: Some("IT".into()),
            at_least: 2,
        },
        vec![EventEffect::Withdraw(vec![0, 1])],
    );
    let g = game(vec![armistice]);
    let mut s = g.state().clone();
    assert!(crate::rules::events::due(g.scenario(), &s).is_empty());
    s.units[0].steps -= 1;
    assert_eq!(
        crate::rules::events::steps_lost(g.scenario(), &s, Side::Axis, Some("IT")),
        1
    );
    assert!(crate::rules::events::due(g.scenario(), &s).is_empty());
    s.units[0].steps -= 1;
    assert_eq!(crate::rules::events::due(g.scenario(), &s), [0]);
    let hash = s.hash();
    let mut events = Vec::new();
    fire_due(g.scenario(), &mut s, &mut events);
    assert_eq!(s.units[0].status, Status::Withdrawn);
    assert_eq!(s.units[1].status, Status::Withdrawn);
    assert!(events.contains(&Event::Withdrawn { unit: 0 }));
    assert_ne!(s.hash(), hash, "firing is in the state hash");
    // Fired once: nothing is due any more.
    assert!(crate::rules::events::due(g.scenario(), &s).is_empty());
}

#[test]
fn a_window_an_event_opens_starts_closed() {
    let order = event(
        "evacuation_order",
        EventTrigger::Turn(3),
        vec![EventEffect::Window {
            rule: RuleWindow::Evacuation,
            open: true,
        }],
    );
    let mut g = game(vec![order]);
    assert!(!crate::rules::events::window_open(
        g.state(),
        RuleWindow::Evacuation
    ));
    play_to(&mut g, 3);
    assert!(crate::rules::events::window_open(
        g.state(),
        RuleWindow::Evacuation
    ));
    // Without events every window is open.
    let g = game(vec![]);
    assert!(crate::rules::events::window_open(
        g.state(),
        RuleWindow::Evacuation
    ));
}
