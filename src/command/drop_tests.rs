use super::*;
use crate::rules::airborne::*;
use crate::scenario::{builder::TestScenario, Entry, Side};
use crate::sim::state::State;
use crate::sim::Game;

fn h(c: i32, r: i32) -> Hex {
    OffsetCoord(c, r).to_hex()
}

const OPEN: [&str; 7] = [
    "ccccccc", "ccccccc", "ccccccc", "ccccccc", "ccccccc", "ccccccc", "ccccccc",
];
const ISLAND: [&str; 7] = [
    ".......", ".......", "..ccc..", "..ccc..", "..ccc..", ".......", ".......",
];

/// The 505th drops on zone (3,3); an Axis regiment stands at `axis`.
fn drop_game(
    rows: &[&str],
    night: bool,
    glider: bool,
    axis: (i32, i32),
    seed: u64,
) -> (Game, UnitId) {
    let t = TestScenario::new(rows)
        .drop_zone("dz", (3, 3))
        .unit("505th", Side::Allied, "airborne", (0, 0))
        .arriving(1, vec![Entry::Drop(0)])
        .with(|u| {
            let a = u.arrival.as_mut().unwrap();
            a.night = night;
            a.glider = glider;
        })
        .with(|u| u.max_steps = 3)
        .unit("de", Side::Axis, "infantry", axis)
        .build();
    let id = t.scenario.unit_id("505th").unwrap();
    (Game::new(t.scenario, seed), id)
}

fn start_events(g: &Game) -> Vec<Event> {
    let mut state = State::new(g.scenario(), g.seed());
    crate::command::start_game(g.scenario(), &mut state)
}

#[test]
fn the_scatter_distribution_shares_each_distance_weight_exactly() {
    let t = TestScenario::new(&OPEN).build();
    let day = scatter_distribution(&t.scenario, h(3, 3), false, false);
    // Rings of 1, 6 and 12 hexes: scale 12, total 36 * 12.
    assert_eq!((day.scale, day.total, day.hexes.len()), (12, 432, 19));
    let by_distance = |s: &Scatter, d: u32| -> (u32, u32) {
        let ring: Vec<_> = s.hexes.iter().filter(|x| x.distance == d).collect();
        (ring.len() as u32, ring.iter().map(|x| x.weight).sum())
    };
    assert_eq!(by_distance(&day, 0), (1, 24 * 12));
    assert_eq!(by_distance(&day, 1), (6, 9 * 12));
    assert_eq!(by_distance(&day, 2), (12, 3 * 12));
    assert!(day
        .hexes
        .iter()
        .filter(|x| x.distance == 1)
        .all(|x| x.weight == 18));
    assert_eq!((day.step_loss, day.out_of), (3, 36));
    let night = scatter_distribution(&t.scenario, h(3, 3), true, true);
    assert_eq!(
        (night.scale, night.total, night.hexes.len()),
        (36, 36 * 36, 37)
    );
    assert!(night
        .hexes
        .iter()
        .filter(|x| x.distance == 3)
        .all(|x| x.weight == 6 * 36 / 18));
    assert_eq!(night.step_loss, 9 + 6);
    // At a corner the rings are cut by the map edge; the total is still out_of * scale.
    let corner = scatter_distribution(&t.scenario, h(0, 0), true, false);
    assert_eq!(corner.total, 36 * corner.scale);
    assert_eq!(
        corner.hexes.iter().map(|x| x.weight).sum::<u32>(),
        corner.total
    );
}

#[test]
fn sea_hexes_are_part_of_the_distribution() {
    let t = TestScenario::new(&ISLAND).build();
    let s = scatter_distribution(&t.scenario, h(3, 3), true, true);
    let sea: u32 = s.hexes.iter().filter(|x| x.in_sea).map(|x| x.weight).sum();
    // Land: the zone, all of ring 1 and (2,2), (4,2) of ring 2. Sea: 10 hexes
    // of ring 2 (27 each) and all 18 of ring 3 (12 each).
    assert_eq!(sea, 27 * 10 + 12 * 18);
    assert_eq!(s.total, 1296);
}

#[test]
fn scatter_for_seed_42_lands_the_505th_on_its_zone() {
    let (g, u) = drop_game(&OPEN, true, false, (6, 6), 42);
    assert_eq!(g.state().unit(u).at, Some(OffsetCoord(3, 3)));
    assert_eq!(g.state().unit(u).steps, 3);
    assert_eq!(g.state().draws, 2);
    assert!(start_events(&g).contains(&Event::Dropped {
        unit: u,
        zone: 0,
        at: OffsetCoord(3, 3),
        scatter: 0
    }));
}

#[test]
fn scatter_for_seed_16_puts_the_505th_at_0_4_with_one_step_lost() {
    let (g, u) = drop_game(&OPEN, true, false, (6, 6), 16);
    assert_eq!(g.state().unit(u).at, Some(OffsetCoord(0, 4)));
    assert_eq!(g.state().unit(u).steps, 2);
    assert_eq!(g.state().draws, 2);
    let events = start_events(&g);
    assert!(events.contains(&Event::Dropped {
        unit: u,
        zone: 0,
        at: OffsetCoord(0, 4),
        scatter: 3
    }));
    assert!(events.contains(&Event::StepLost {
        unit: u,
        steps: 1,
        left: 2,
        cause: "drop".into()
    }));
}

#[test]
fn a_glider_in_the_sea_loses_steps_and_the_survivors_come_ashore() {
    let (g, u) = drop_game(&ISLAND, true, true, (6, 6), 4);
    let events = start_events(&g);
    assert!(events.contains(&Event::StepLost {
        unit: u,
        steps: 2,
        left: 1,
        cause: "glider ditched in the sea".into()
    }));
    assert_eq!(g.state().unit(u).at, Some(OffsetCoord(3, 4)));
}

#[test]
fn a_drop_onto_an_enemy_held_hex_ends_on_the_nearest_free_land() {
    // Seed 42 comes down on the zone itself, which the Axis hold.
    let (g, u) = drop_game(&OPEN, true, false, (3, 3), 42);
    assert_eq!(g.state().unit(u).at, Some(OffsetCoord(3, 2)));
    assert_eq!(g.state().unit(u).status, Status::OnMap);
    // The log tells where it came to rest, not "on target".
    let events = start_events(&g);
    let dropped = Event::Dropped {
        unit: u,
        zone: 0,
        at: OffsetCoord(3, 2),
        scatter: 1,
    };
    assert!(events.contains(&dropped), "{events:?}");
    assert_eq!(
        crate::text::event_line(&g.view(), &dropped).as_deref(),
        Some("☂ 505th dropped at (3,2) (dz, 1 hex off)")
    );
}
