use crate::command::Command;
use crate::hex::OffsetCoord;
use crate::rules::combat::{ShiftReason, Support};
use crate::rules::support::*;
use crate::rules::RejectionKind;
use crate::scenario::Side;
use crate::scenario::{builder::TestScenario, PhaseSpec};
use crate::sim::state::SupportLeft;
use crate::sim::Game;

fn fleet() -> crate::scenario::builder::Built {
    // Sea along row 0; two Allied regiments facing two Axis ones on the shore.
    TestScenario::new(&["....", "cccc", "cccc"])
        .support(|s| {
            s.naval_points = vec![3, 2, 1];
            s.air_points_allied = vec![2];
            s.air_points_axis = vec![1, 0];
            s.naval_range = 1;
            s.max_per_attack = 3;
        })
        .unit("de1", Side::Axis, "infantry", (1, 1))
        .unit("de2", Side::Axis, "infantry", (3, 1))
        .unit("us1", Side::Allied, "infantry", (0, 1))
        .unit("us2", Side::Allied, "infantry", (2, 1))
        .phases(vec![
            PhaseSpec::Movement(Side::Allied),
            PhaseSpec::Combat(Side::Allied),
            PhaseSpec::EndTurn,
        ])
        .build()
}

#[test]
fn support_points_decay_by_schedule_and_the_last_entry_repeats() {
    let t = fleet();
    let naval: Vec<u32> = (1..=5)
        .map(|turn| points_on_turn(&t.scenario, Side::Allied, turn).naval)
        .collect();
    assert_eq!(naval, vec![3, 2, 1, 1, 1]);
    let axis: Vec<SupportLeft> = (1..=3)
        .map(|turn| points_on_turn(&t.scenario, Side::Axis, turn))
        .collect();
    assert_eq!(
        axis,
        vec![
            SupportLeft { naval: 0, air: 1 },
            SupportLeft { naval: 0, air: 0 },
            SupportLeft { naval: 0, air: 0 }
        ]
    );
    // The game resets the pools at the start of every turn.
    let mut g = Game::new(t.scenario.clone(), 7);
    let mut seen = vec![g.state().support[0].naval];
    while g.state().turn < 4 {
        g.execute(Command::EndPhase).unwrap();
        if g.phase() == PhaseSpec::Movement(Side::Allied) {
            seen.push(g.state().support[0].naval);
        }
    }
    assert_eq!(seen, vec![3, 2, 1, 1]);
}

#[test]
fn spent_points_are_deducted_and_a_second_attack_cannot_overspend() {
    let t = fleet();
    let s = &t.scenario;
    let (us1, us2) = (s.unit_id("us1").unwrap(), s.unit_id("us2").unwrap());
    let mut g = Game::new(t.scenario.clone(), 7);
    g.execute(Command::EndPhase).unwrap();
    assert_eq!(g.phase(), PhaseSpec::Combat(Side::Allied));
    let support = Support {
        naval: 2,
        air: 1,
        artillery: vec![],
    };
    let odds = crate::rules::combat::odds(
        &g.view(),
        &[us1],
        OffsetCoord(1, 1).to_hex(),
        &support,
        false,
    )
    .unwrap();
    let shifts: Vec<(ShiftReason, i32, String)> = odds
        .shifts
        .iter()
        .map(|s| (s.reason, s.columns, s.text.clone()))
        .collect();
    assert_eq!(
        shifts,
        vec![
            (
                ShiftReason::NavalGunfire,
                2,
                "naval gunfire: +2".to_string()
            ),
            (ShiftReason::Air, 1, "air support: +1".to_string()),
        ]
    );
    g.execute(Command::Attack {
        attackers: vec![us1],
        target: OffsetCoord(1, 1),
        support,
        advance: false,
    })
    .unwrap();
    assert_eq!(g.state().support[0], SupportLeft { naval: 1, air: 1 });

    let before = g.hash();
    let greedy = Support {
        naval: 2,
        ..Support::default()
    };
    let err = g
        .execute(Command::Attack {
            attackers: vec![us2],
            target: OffsetCoord(3, 1),
            support: greedy,
            advance: false,
        })
        .unwrap_err();
    assert_eq!(
        (err.kind, err.reason.as_str()),
        (
            RejectionKind::Support,
            "only 1 naval gunfire points are left this turn"
        )
    );
    let too_much = Support {
        naval: 1,
        air: 3,
        ..Support::default()
    };
    let err = g
        .execute(Command::Attack {
            attackers: vec![us2],
            target: OffsetCoord(3, 1),
            support: too_much,
            advance: false,
        })
        .unwrap_err();
    assert_eq!(
        err.reason,
        "at most 3 support points may be spent on one attack"
    );
    assert_eq!(g.hash(), before);
    assert_eq!(g.state().hash(), before);
    assert_eq!(g.state().support[0], SupportLeft { naval: 1, air: 1 });
}

/// The artillery the attack panel offers (`combat::artillery_in_range`)
/// shifts the preview, and the attack resolved with it is fought on exactly
/// the previewed column: the panel, the resolver and the computer read one
/// `combat::odds`.
#[test]
fn artillery_the_panel_offers_is_fought_on_the_previewed_column() {
    use crate::command::fight_check::assert_fight_matches_preview;
    use crate::rules::combat::{artillery_in_range, odds};
    use crate::rules::GameView;
    let mut dice = Vec::new();
    for seed in 0..12 {
        // Infantry attacks east; one battery two hexes from the target, one
        // three hexes away (out of range), one that already fired.
        let t = TestScenario::new(&["ccccc", "ccccc"])
            .unit("de", Side::Axis, "infantry", (3, 0))
            .unit("us", Side::Allied, "infantry", (2, 0))
            .unit("guns", Side::Allied, "artillery", (1, 0))
            .unit("far", Side::Allied, "artillery", (0, 1))
            .unit("fired", Side::Allied, "artillery", (2, 1))
            .phases(vec![PhaseSpec::Combat(Side::Allied), PhaseSpec::EndTurn])
            .seed(seed)
            .build();
        let s = &t.scenario;
        let id = |n: &str| s.unit_id(n).unwrap();
        let mut state = t.state.clone();
        state.units[id("fired") as usize].attacked = true;
        state.sync_index(s);
        let target = OffsetCoord(3, 0).to_hex();
        let (offered, bare, preview) = {
            let view = GameView::new(s, &state);
            let offered = artillery_in_range(&view, Side::Allied, target, &[id("us")]);
            let bare = odds(&view, &[id("us")], target, &Support::default(), false).unwrap();
            let with = Support {
                artillery: offered.clone(),
                ..Support::default()
            };
            let preview = odds(&view, &[id("us")], target, &with, false).unwrap();
            (offered, bare, preview)
        };
        assert_eq!(
            offered,
            vec![id("guns")],
            "in range, unfired, not attacking"
        );
        assert_eq!(preview.column, bare.column + 1, "{:?}", preview.shifts);
        assert!(preview
            .shifts
            .iter()
            .any(|s| s.reason == ShiftReason::Artillery && s.columns == 1));
        let (a0, d0) = (
            state.units[id("us") as usize].steps,
            state.units[id("de") as usize].steps,
        );
        let attack = Command::Attack {
            attackers: vec![id("us")],
            target: OffsetCoord(3, 0),
            support: Support {
                artillery: offered,
                ..Support::default()
            },
            advance: false,
        };
        attack.validate(&GameView::new(s, &state)).unwrap();
        let events = attack.apply(s, &mut state);
        dice.push(assert_fight_matches_preview(
            s,
            &state,
            &events,
            &preview,
            (id("us"), a0),
            (id("de"), d0),
        ));
        assert!(
            state.units[id("guns") as usize].attacked,
            "the battery fired"
        );
    }
    dice.sort_unstable();
    dice.dedup();
    assert!(dice.len() >= 4, "the seeds roll several faces: {dice:?}");
}
