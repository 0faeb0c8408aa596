//! Units by key and the end-of-phase check: Tab / Shift+Tab select the next
//! / previous unit that can still act this phase and centre the map on it;
//! End phase (button, Enter, Space) with units that could still move or
//! attack asks once ("7 units could still move — end the phase?"), unless
//! the player turned that off.
//!
//! "Can still act" is read from the rules on the shown (fogged) state: in
//! its side's movement phase a unit that is not static, has movement points
//! left and a hex `rules::movement::reachable` lets it enter; in its combat
//! phase a unit that has not attacked and that `rules::combat::odds` lets
//! attack an adjacent enemy it can see. Units are cycled across the map,
//! west to east and north to south (column, row, then id), so Tab sweeps the
//! front instead of jumping about.

use super::camera::{centre_on, MapCamera};
use super::layout::hex_center;
use super::selection::Selection;
use super::session::{CommandRequest, Match};
use super::settings::ViewSettings;
use super::{GameSet, Screen};
use crate::command::Command;
use crate::hex::OffsetCoord;
use crate::rules::GameView;
use crate::scenario::{PhaseSpec, UnitId};
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, RichText};
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

/// Where a unit sorts when cycling: column, row, id.
pub type CycleKey = (i32, i32, UnitId);

/// What the units that can still act could do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chance {
    /// Move (a movement phase).
    Move,
    /// Attack (a combat phase).
    Attack,
}

/// The units of the acting side that can still act this phase, in cycling
/// order, and what they could do (`None` outside movement and combat).
#[must_use]
pub fn units_to_act(view: &GameView) -> (Vec<CycleKey>, Option<Chance>) {
    let (side, chance) = match view.phase() {
        PhaseSpec::Movement(s) => (s, Chance::Move),
        PhaseSpec::Combat(s) => (s, Chance::Attack),
        _ => return (Vec::new(), None),
    };
    let support = crate::rules::combat::Support::default();
    let mut keys: Vec<CycleKey> = view
        .side_units(side)
        .filter_map(|u| {
            let hex = u.hex()?;
            let able = match chance {
                Chance::Move => {
                    u.mp_left > 0
                        && !view.def(u.id).kind.static_unit
                        && !crate::rules::movement::reachable(view, u.id)
                            .destinations()
                            .is_empty()
                }
                Chance::Attack => {
                    !u.attacked
                        && hex.all_neighbors().into_iter().any(|n| {
                            view.enemy_occupied(n, side)
                                && crate::rules::combat::odds(view, &[u.id], n, &support, false)
                                    .is_ok()
                        })
                }
            };
            let o = OffsetCoord::from_hex(hex);
            able.then_some((o.0, o.1, u.id))
        })
        .collect();
    keys.sort_unstable();
    (keys, Some(chance))
}

/// The unit after (or before, `back`) `current` in `keys` (sorted), wrapping
/// around; `current` need not be in the list (the next one after where it
/// stands is taken).
#[must_use]
pub fn cycle(keys: &[CycleKey], current: Option<CycleKey>, back: bool) -> Option<CycleKey> {
    let first = if back { keys.last() } else { keys.first() };
    let Some(cur) = current else {
        return first.copied();
    };
    let found = if back {
        keys.iter().rev().find(|k| **k < cur)
    } else {
        keys.iter().find(|k| **k > cur)
    };
    found.or(first).copied()
}

/// The question to ask before ending the phase, if any.
#[must_use]
pub fn end_phase_question(count: usize, chance: Option<Chance>) -> Option<String> {
    let verb = match chance? {
        Chance::Move => "move",
        Chance::Attack => "attack",
    };
    match count {
        0 => None,
        1 => Some(format!("1 unit could still {verb} — end the phase?")),
        n => Some(format!("{n} units could still {verb} — end the phase?")),
    }
}

/// The player pressed End phase (button or key): the guard decides.
#[derive(Message, Debug, Clone, Copy)]
pub struct EndPhasePressed;

/// The question on screen, if any.
#[derive(Resource, Debug, Default)]
pub struct EndPhasePrompt(pub Option<String>);

fn tab_keys(
    keys: Res<ButtonInput<KeyCode>>,
    egui: Res<EguiWantsInput>,
    game: Res<Match>,
    mut sel: ResMut<Selection>,
    camera: Single<(&mut Transform, &Projection), With<MapCamera>>,
) {
    if egui.wants_any_keyboard_input() || !keys.just_pressed(KeyCode::Tab) || !game.human_to_act() {
        return;
    }
    let back = keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]);
    let (mut t, p) = camera.into_inner();
    select_next(&game, &mut sel, (&mut t, p), back);
}

/// Select the next unit that can act and centre the camera on it.
pub fn select_next(
    game: &Match,
    sel: &mut Selection,
    camera: (&mut Transform, &Projection),
    back: bool,
) {
    let view = game.view();
    let (keys, _) = units_to_act(&view);
    let current = sel.units.first().and_then(|&u| {
        let o = OffsetCoord::from_hex(view.unit(u).hex()?);
        Some((o.0, o.1, u))
    });
    if let Some((c, r, u)) = cycle(&keys, current, back) {
        sel.units = vec![u];
        centre_on(camera.0, camera.1, hex_center(OffsetCoord(c, r).to_hex()));
    }
}

fn guard_end_phase(
    mut pressed: MessageReader<EndPhasePressed>,
    game: Res<Match>,
    settings: Res<ViewSettings>,
    mut prompt: ResMut<EndPhasePrompt>,
    mut requests: MessageWriter<CommandRequest>,
) {
    if pressed.read().count() == 0 || !game.human_to_act() {
        return;
    }
    if prompt.0.is_some() {
        // Pressed again while asked: that is the answer.
        prompt.0 = None;
        requests.write(CommandRequest::Execute(Command::EndPhase));
        return;
    }
    let question = settings.ask_end_phase.then(|| {
        let (keys, chance) = units_to_act(&game.view());
        end_phase_question(keys.len(), chance)
    });
    match question.flatten() {
        Some(q) => prompt.0 = Some(q),
        None => {
            requests.write(CommandRequest::Execute(Command::EndPhase));
        }
    }
}

fn prompt_window(
    mut contexts: EguiContexts,
    mut prompt: ResMut<EndPhasePrompt>,
    mut settings: ResMut<ViewSettings>,
    keys: Res<ButtonInput<KeyCode>>,
    mut requests: MessageWriter<CommandRequest>,
) -> Result {
    let Some(question) = prompt.0.clone() else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let (mut end, mut keep) = (false, keys.just_pressed(KeyCode::Escape));
    egui::Window::new("End the phase?")
        .collapsible(false)
        .resizable(false)
        .anchor(Align2::CENTER_TOP, [-150.0, 60.0])
        .show(ctx, |ui| {
            ui.label(RichText::new(&question).size(16.0).strong());
            ui.label("Tab selects them one by one.");
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                end = ui
                    .button(RichText::new("End phase (Enter)").strong())
                    .clicked();
                keep = ui.button("Not yet (Esc)").clicked() || keep;
            });
            let mut ask = settings.ask_end_phase;
            if ui.checkbox(&mut ask, "ask me this").changed() {
                settings.ask_end_phase = ask;
            }
        });
    if end {
        requests.write(CommandRequest::Execute(Command::EndPhase));
    }
    if end || keep {
        prompt.0 = None;
    }
    Ok(())
}

/// A new phase (or undo) makes an open question stale.
fn close_stale_prompt(game: Res<Match>, mut prompt: ResMut<EndPhasePrompt>) {
    if game.is_changed() && prompt.0.is_some() && !game.human_to_act() {
        prompt.0 = None;
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<EndPhasePressed>()
        .init_resource::<EndPhasePrompt>()
        .add_systems(OnEnter(Screen::Start), |mut p: ResMut<EndPhasePrompt>| {
            p.0 = None;
        })
        .add_systems(
            Update,
            (
                tab_keys.in_set(GameSet::Input),
                guard_end_phase.in_set(GameSet::Request),
                close_stale_prompt.in_set(GameSet::View),
            )
                .run_if(in_state(Screen::Playing).and_then(resource_exists::<Match>)),
        )
        .add_systems(
            EguiPrimaryContextPass,
            prompt_window.run_if(in_state(Screen::Playing).and_then(resource_exists::<Match>)),
        );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{builder::TestScenario, Side};

    #[test]
    fn tab_walks_west_to_east_then_wraps_and_shift_tab_walks_back() {
        let keys = [(0, 3, 5), (1, 0, 2), (1, 4, 0), (4, 1, 1)];
        assert_eq!(cycle(&keys, None, false), Some((0, 3, 5)));
        assert_eq!(cycle(&keys, None, true), Some((4, 1, 1)));
        assert_eq!(cycle(&keys, Some((0, 3, 5)), false), Some((1, 0, 2)));
        assert_eq!(cycle(&keys, Some((1, 0, 2)), false), Some((1, 4, 0)));
        assert_eq!(cycle(&keys, Some((4, 1, 1)), false), Some((0, 3, 5)));
        assert_eq!(cycle(&keys, Some((0, 3, 5)), true), Some((4, 1, 1)));
        assert_eq!(cycle(&keys, Some((1, 4, 0)), true), Some((1, 0, 2)));
        // A selected unit that can no longer act: the next one past it.
        assert_eq!(cycle(&keys, Some((1, 2, 9)), false), Some((1, 4, 0)));
        assert_eq!(cycle(&keys, Some((1, 2, 9)), true), Some((1, 0, 2)));
        assert_eq!(cycle(&[], Some((1, 2, 9)), false), None);
    }

    #[test]
    fn units_to_act_are_those_with_a_move_left_in_map_order() {
        let t = TestScenario::new(&["cccccc", "cccccc", "cccccc"])
            .phases(vec![PhaseSpec::Movement(Side::Allied)])
            .unit("east", Side::Allied, "infantry", (4, 0))
            .unit("west", Side::Allied, "infantry", (1, 2))
            .unit("spent", Side::Allied, "infantry", (2, 1))
            .unit("de", Side::Axis, "infantry", (5, 2))
            .build();
        let id = |n| t.scenario.unit_id(n).unwrap();
        let mut state = t.state.clone();
        state.units[id("spent") as usize].mp_left = 0;
        let view = GameView::new(&t.scenario, &state);
        assert!(matches!(view.phase(), PhaseSpec::Movement(Side::Allied)));
        let (keys, chance) = units_to_act(&view);
        assert_eq!(chance, Some(Chance::Move));
        assert_eq!(keys, vec![(1, 2, id("west")), (4, 0, id("east"))]);
        assert_eq!(
            end_phase_question(keys.len(), chance).as_deref(),
            Some("2 units could still move — end the phase?")
        );
        assert_eq!(end_phase_question(0, chance), None);
    }

    #[test]
    fn in_combat_only_units_next_to_an_enemy_that_have_not_attacked_can_act() {
        let t = TestScenario::new(&["cccccc", "cccccc", "cccccc"])
            .phases(vec![PhaseSpec::Combat(Side::Allied)])
            .unit("near", Side::Allied, "infantry", (1, 1))
            .unit("done", Side::Allied, "infantry", (3, 1))
            .unit("far", Side::Allied, "infantry", (5, 2))
            .unit("de", Side::Axis, "infantry", (2, 1))
            .build();
        let id = |n| t.scenario.unit_id(n).unwrap();
        let mut state = t.state.clone();
        state.units[id("done") as usize].attacked = true;
        let view = GameView::new(&t.scenario, &state);
        let (keys, chance) = units_to_act(&view);
        assert_eq!(chance, Some(Chance::Attack));
        assert_eq!(keys, vec![(1, 1, id("near"))]);
        assert_eq!(
            end_phase_question(1, chance).as_deref(),
            Some("1 unit could still attack — end the phase?")
        );
    }
}
