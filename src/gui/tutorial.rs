//! A guided first game: Gela, turn 1, the Allies (`landfall play
//! --tutorial`, or "Guided first game" on the start screen).
//!
//! Seven steps, each with the rule it teaches in one sentence: select the
//! 1st Ranger Bn, move it, end the movement phase, read the odds of an
//! attack, attack, look at the supply overlay, end the combat phase. Each
//! step is checked by a predicate ([`done`]) on what the game's log and the
//! window's state say — never on a click counted by the tutorial itself —
//! and the next step shows only once the current one is done. The player
//! plays the real game throughout; the tutorial only watches.

use super::camera::{CentreOn, Pointer};
use super::selection::Selection;
use super::session::{Match, Setup};
use super::settings::ViewSettings;
use super::{GameSet, Screen};
use crate::command::Command;
use crate::hex::Hex;
use crate::rules::GameView;
use crate::scenario::{PhaseSpec, Side, UnitId};
use crate::sim::state::Status;
use crate::sim::Game;
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

/// The unit the tutorial is about (Gela's 1st Ranger Bn).
pub const RANGERS: &str = "us_1rgr";

/// One step of the guided game.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Select the Rangers.
    Select,
    /// Move them.
    Move,
    /// End the movement phase.
    EndMovement,
    /// Point at an enemy next to a selected unit: the odds panel.
    ReadOdds,
    /// Attack.
    Attack,
    /// Open the supply overlay.
    Supply,
    /// End the combat phase.
    EndCombat,
}

/// The steps in order.
pub const STEPS: [Step; 7] = [
    Step::Select,
    Step::Move,
    Step::EndMovement,
    Step::ReadOdds,
    Step::Attack,
    Step::Supply,
    Step::EndCombat,
];

impl Step {
    /// What the player is asked to do.
    #[must_use]
    pub fn task(self) -> &'static str {
        match self {
            Step::Select => "Select the 1st Ranger Bn: click its counter on the beach, or press Tab until it is picked.",
            Step::Move => "Move the Rangers: click one of the shaded hexes of their move range (towards Gela town).",
            Step::EndMovement => "End the movement phase: press End phase (or Enter).",
            Step::ReadOdds => "Select a unit next to an enemy and point at the enemy: read the odds panel.",
            Step::Attack => "Attack: click the enemy. Commit naval gunfire in the panel where the fleet reaches.",
            Step::Supply => "Press U: the supply overlay shades where each side's supply reaches.",
            Step::EndCombat => "End the combat phase: the Axis moves next, and you can replay what you saw of it.",
        }
    }

    /// The rule it teaches, in one sentence.
    #[must_use]
    pub fn rule(self) -> &'static str {
        match self {
            Step::Select => "Your side acts in its own phases; a selected unit shows how far it can go.",
            Step::Move => "Terrain costs movement points, and entering an enemy zone of control ends a move.",
            Step::EndMovement => "All movement comes first; attacks are made in the combat phase that follows.",
            Step::ReadOdds => "Odds are attack against defence, shifted by terrain and support; one die picks the result on that column.",
            Step::Attack => "Naval gunfire and artillery add shifts to the odds; each attack rolls once.",
            Step::Supply => "A unit traces supply to a beach or port; out of supply it cannot attack at full strength and loses steps.",
            Step::EndCombat => "A turn is both sides' phases; the victory points are counted at its end.",
        }
    }
}

/// Who and what the tutorial watches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lesson {
    /// The unit to select and move.
    pub rangers: UnitId,
    /// The side the player plays.
    pub side: Side,
    /// The game's log length when the tutorial began: only commands after
    /// it count.
    pub from: usize,
}

/// What the predicates look at: the real game, and the window's state.
pub struct Facts<'a> {
    /// The game (its log).
    pub game: &'a Game,
    /// What the side sees (for the enemy under the pointer).
    pub view: GameView<'a>,
    /// Selected units.
    pub selected: &'a [UnitId],
    /// The hex under the pointer.
    pub pointer: Option<Hex>,
    /// Is the supply overlay on?
    pub supply_overlay: bool,
}

/// Has the player done `step`?
#[must_use]
pub fn done(step: Step, lesson: &Lesson, f: &Facts) -> bool {
    let s = f.game.scenario();
    let since = f.game.log().get(lesson.from..).unwrap_or_default();
    let ended = |phase: PhaseSpec| {
        since
            .iter()
            .any(|e| e.command == Command::EndPhase && s.phases[e.phase as usize] == phase)
    };
    match step {
        Step::Select => f.selected.contains(&lesson.rangers),
        Step::Move => since
            .iter()
            .any(|e| matches!(&e.command, Command::Move { unit, .. } if *unit == lesson.rangers)),
        Step::EndMovement => ended(PhaseSpec::Movement(lesson.side)),
        Step::ReadOdds => {
            f.game.phase() == PhaseSpec::Combat(lesson.side)
                && f.pointer.is_some_and(|target| {
                    f.view.enemy_occupied(target, lesson.side)
                        && f.selected.iter().any(|&u| {
                            let unit = f.view.state.unit(u);
                            unit.status == Status::OnMap
                                && unit
                                    .hex()
                                    .is_some_and(|h| h.unsigned_distance_to(target) == 1)
                        })
                })
        }
        Step::Attack => since
            .iter()
            .any(|e| matches!(e.command, Command::Attack { .. })),
        Step::Supply => f.supply_overlay,
        Step::EndCombat => ended(PhaseSpec::Combat(lesson.side)),
    }
}

/// The guided game in progress (`lesson: None`: no tutorial).
#[derive(Resource, Debug, Default)]
pub struct Tutorial {
    /// What it watches.
    pub lesson: Option<Lesson>,
    /// Index of the current step in [`STEPS`] (`STEPS.len()`: finished).
    pub step: usize,
}

/// Start the tutorial when a match begins with `Setup::tutorial`.
fn begin(
    game: Res<Match>,
    setup: Res<Setup>,
    mut tutorial: ResMut<Tutorial>,
    mut centre: MessageWriter<CentreOn>,
) {
    if !game.is_added() {
        return;
    }
    *tutorial = Tutorial::default();
    if !setup.tutorial || game.track.is_some() {
        return;
    }
    let side = game
        .humans
        .iter()
        .position(|h| *h)
        .map_or(Side::Allied, |i| Side::BOTH[i]);
    let s = game.scenario();
    let rangers = s.unit_id(RANGERS).or_else(|| {
        let view = game.view();
        let first = view.side_units(side).next().map(|u| u.id);
        first
    });
    let Some(rangers) = rangers else { return };
    if let Some(at) = game.shown().unit(rangers).at {
        centre.write(CentreOn(at));
    }
    tutorial.lesson = Some(Lesson {
        rangers,
        side,
        from: game.game.log().len(),
    });
}

/// Check the current step; move on when it is done.
fn check(
    game: Res<Match>,
    sel: Res<Selection>,
    pointer: Res<Pointer>,
    settings: Res<ViewSettings>,
    mut tutorial: ResMut<Tutorial>,
) {
    let Some(lesson) = tutorial.lesson else {
        return;
    };
    let Some(&step) = STEPS.get(tutorial.step) else {
        return;
    };
    let facts = Facts {
        game: &game.game,
        view: game.view(),
        selected: &sel.units,
        pointer: pointer.hex,
        supply_overlay: settings.supply_overlay,
    };
    if done(step, &lesson, &facts) {
        tutorial.step += 1;
    }
}

/// The tutorial's card: the steps done, the current one with its rule.
fn card(mut contexts: EguiContexts, mut tutorial: ResMut<Tutorial>, game: Res<Match>) -> Result {
    let Some(lesson) = tutorial.lesson else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let gold = Color32::from_rgb(235, 205, 120);
    let mut close = false;
    egui::Area::new("tutorial".into())
        // Below the minimap, above the event log.
        .anchor(Align2::LEFT_TOP, [6.0, 238.0])
        .show(ctx, |ui| {
            super::panels::frame().show(ui, |ui| {
                ui.set_width(360.0);
                ui.label(
                    RichText::new("GUIDED FIRST GAME — GELA")
                        .strong()
                        .color(gold),
                );
                for (i, step) in STEPS.iter().enumerate() {
                    let text = step.task();
                    if i < tutorial.step {
                        ui.label(
                            RichText::new(format!("✔ {text}"))
                                .size(11.5)
                                .color(Color32::from_gray(150)),
                        );
                    } else if i == tutorial.step {
                        ui.label(
                            RichText::new(format!("{}. {text}", i + 1))
                                .strong()
                                .size(13.5),
                        );
                        ui.label(
                            RichText::new(format!("Rule: {}", step.rule()))
                                .italics()
                                .size(12.0)
                                .color(Color32::from_rgb(170, 210, 255)),
                        );
                    }
                }
                if tutorial.step >= STEPS.len() {
                    ui.label(
                        RichText::new("Done. The game goes on: take Gela and the airfields.")
                            .color(gold),
                    );
                }
                let name = game.view().name(lesson.rangers).to_string();
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(format!(
                            "step {} of {} · {name}",
                            (tutorial.step + 1).min(STEPS.len()),
                            STEPS.len()
                        ))
                        .size(11.0),
                    );
                    if ui.small_button("close the guide").clicked() {
                        close = true;
                    }
                });
            });
        });
    if close {
        tutorial.lesson = None;
    }
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    let playing = in_state(Screen::Playing).and_then(resource_exists::<Match>);
    app.init_resource::<Tutorial>()
        .add_systems(
            Update,
            (begin.in_set(GameSet::Request), check.in_set(GameSet::View)).run_if(playing.clone()),
        )
        .add_systems(EguiPrimaryContextPass, card.run_if(playing));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hex::OffsetCoord;
    use crate::rules::combat::Support;
    use crate::scenario::builder::TestScenario;

    /// The Rangers at (1,1), an Italian battalion at (3,1), clear ground.
    fn game() -> (Game, Lesson, UnitId) {
        let t = TestScenario::new(&["ccccc", "ccccc", "ccccc"])
            .unit(RANGERS, Side::Allied, "infantry", (1, 1))
            .unit("other", Side::Allied, "infantry", (0, 2))
            .unit("it", Side::Axis, "infantry", (3, 1))
            .phases(vec![
                PhaseSpec::Movement(Side::Allied),
                PhaseSpec::Combat(Side::Allied),
                PhaseSpec::Movement(Side::Axis),
                PhaseSpec::EndTurn,
            ])
            .build();
        let g = Game::new(t.scenario, 3);
        let s = g.scenario();
        let lesson = Lesson {
            rangers: s.unit_id(RANGERS).unwrap(),
            side: Side::Allied,
            from: 0,
        };
        let it = s.unit_id("it").unwrap();
        (g, lesson, it)
    }

    fn check(
        g: &Game,
        l: &Lesson,
        step: Step,
        selected: &[UnitId],
        pointer: Option<Hex>,
        supply: bool,
    ) -> bool {
        let facts = Facts {
            game: g,
            view: g.view(),
            selected,
            pointer,
            supply_overlay: supply,
        };
        done(step, l, &facts)
    }

    #[test]
    fn selecting_means_the_rangers_not_any_unit() {
        let (g, l, _) = game();
        let other = g.scenario().unit_id("other").unwrap();
        assert!(!check(&g, &l, Step::Select, &[], None, false));
        assert!(!check(&g, &l, Step::Select, &[other], None, false));
        assert!(check(&g, &l, Step::Select, &[l.rangers], None, false));
    }

    #[test]
    fn moving_means_a_move_of_the_rangers_in_the_log() {
        let (mut g, l, _) = game();
        let other = g.scenario().unit_id("other").unwrap();
        g.execute(Command::Move {
            unit: other,
            path: vec![OffsetCoord(0, 1)],
        })
        .unwrap();
        assert!(
            !check(&g, &l, Step::Move, &[l.rangers], None, false),
            "another unit moved"
        );
        g.execute(Command::Move {
            unit: l.rangers,
            path: vec![OffsetCoord(2, 1)],
        })
        .unwrap();
        assert!(check(&g, &l, Step::Move, &[], None, false));
        // A move before the tutorial began does not count.
        let later = Lesson {
            from: g.log().len(),
            ..l
        };
        assert!(!check(&g, &later, Step::Move, &[], None, false));
    }

    #[test]
    fn odds_are_read_by_pointing_at_an_enemy_next_to_a_selected_unit_in_combat() {
        let (mut g, l, _) = game();
        let enemy = Some(OffsetCoord(3, 1).to_hex());
        g.execute(Command::Move {
            unit: l.rangers,
            path: vec![OffsetCoord(2, 1)],
        })
        .unwrap();
        assert!(!check(&g, &l, Step::EndMovement, &[], None, false));
        assert!(
            !check(&g, &l, Step::ReadOdds, &[l.rangers], enemy, false),
            "still the movement phase"
        );
        g.execute(Command::EndPhase).unwrap();
        assert!(check(&g, &l, Step::EndMovement, &[], None, false));
        assert!(check(&g, &l, Step::ReadOdds, &[l.rangers], enemy, false));
        assert!(
            !check(&g, &l, Step::ReadOdds, &[], enemy, false),
            "nothing selected"
        );
        let empty = Some(OffsetCoord(2, 0).to_hex());
        assert!(
            !check(&g, &l, Step::ReadOdds, &[l.rangers], empty, false),
            "no enemy there"
        );
    }

    #[test]
    fn attacking_supply_and_ending_combat_are_read_from_the_game_and_the_window() {
        let (mut g, l, _) = game();
        g.execute(Command::Move {
            unit: l.rangers,
            path: vec![OffsetCoord(2, 1)],
        })
        .unwrap();
        g.execute(Command::EndPhase).unwrap();
        assert!(!check(&g, &l, Step::Attack, &[], None, false));
        g.execute(Command::Attack {
            attackers: vec![l.rangers],
            target: OffsetCoord(3, 1),
            support: Support::default(),
            advance: false,
        })
        .unwrap();
        assert!(check(&g, &l, Step::Attack, &[], None, false));
        assert!(!check(&g, &l, Step::Supply, &[], None, false));
        assert!(check(&g, &l, Step::Supply, &[], None, true));
        assert!(!check(&g, &l, Step::EndCombat, &[], None, false));
        g.execute(Command::EndPhase).unwrap();
        assert!(check(&g, &l, Step::EndCombat, &[], None, false));
    }

    #[test]
    fn every_step_has_a_task_and_a_one_sentence_rule() {
        for s in STEPS {
            assert!(!s.task().is_empty());
            let rule = s.rule();
            assert!(
                rule.ends_with('.') && rule.matches(". ").count() == 0,
                "{rule}"
            );
        }
    }
}
