//! The look-ahead: deterministic, and it sees the counter-attack the
//! greedy choice walks into. Tiny hand-built maps.

use super::*;
use crate::hex::OffsetCoord;
use crate::scenario::{builder::TestScenario, schema::PlaceKind, Side};

fn level(nodes: usize) -> AiParams {
    AiParams {
        search_nodes: nodes,
        ..AiLevels::builtin().levels["normal"].clone()
    }
}

/// One row of clear hexes: an American regiment at (0,0) next to a weak
/// German battalion holding a town (an objective, 10 VP) at (1,0), with two
/// panzer regiments right behind the town at (2,0).
fn town_before_the_panzers() -> Game {
    let t = TestScenario::new(&["ccccc"])
        .place("town", PlaceKind::Town, (1, 0))
        .objective("town", 10, 0, Side::Axis)
        .unit("us", Side::Allied, "infantry", (0, 0))
        .unit("de", Side::Axis, "infantry", (1, 0))
        .with(|u| u.defence = 2)
        .unit("pz-a", Side::Axis, "armour", (2, 0))
        .unit("pz-b", Side::Axis, "armour", (2, 0))
        .phases(vec![PhaseSpec::Combat(Side::Allied), PhaseSpec::EndTurn])
        .build();
    Game::new(t.scenario, 7)
}

fn attack_on_town(advance: bool, g: &Game) -> Command {
    Command::Attack {
        attackers: vec![g.scenario().unit_id("us").unwrap()],
        target: OffsetCoord(1, 0),
        support: Default::default(),
        advance,
    }
}

#[test]
fn the_greedy_choice_advances_into_the_panzers() {
    // Budget 0: the town is an objective, so the greedy rule advances onto
    // it, next to 18 attack factors against 6.
    let g = town_before_the_panzers();
    assert_eq!(Ai::new(level(0)).next_command(&g), attack_on_town(true, &g));
}

#[test]
fn a_search_budget_attacks_but_stays_out_of_the_counterattack() {
    let g = town_before_the_panzers();
    assert_eq!(
        Ai::new(level(40)).next_command(&g),
        attack_on_town(false, &g)
    );
}

#[test]
fn the_same_view_and_budget_give_the_same_commands() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/mini");
    let s = crate::scenario::load_scenario(&path).unwrap();
    let hard = AiParams {
        search_nodes: 400,
        ..AiLevels::builtin().levels["hard"].clone()
    };
    let a = selfplay::simulate(&s, 11, None, &hard, &hard);
    let b = selfplay::simulate(&s, 11, None, &hard, &hard);
    let commands = |g: &Game| {
        g.log()
            .iter()
            .map(|e| e.command.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(commands(&a.game), commands(&b.game));
    assert_eq!(a.summary, b.summary);
    assert_eq!(a.summary.rejected_commands, 0);
}
