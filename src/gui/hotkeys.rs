//! Keyboard shortcuts that ask for game changes: Enter/Space end the phase
//! (through the check in `cycle.rs`), U toggles the supply overlay, Ctrl+Z undoes, Ctrl+S saves, Ctrl+L loads, F1 (or ?) toggles the help
//! overlay. The list shown in the help overlay is [`HOTKEYS`].

use super::session::{CommandRequest, Match};
use super::{GameSet, Screen};
use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;

/// Every hotkey with what it does, for the help overlay.
pub const HOTKEYS: &[(&str, &str)] = &[
    (
        "Left click",
        "select a unit / move it / add an attacker / attack",
    ),
    ("Right click, Esc", "clear the selection"),
    (
        "Enter, Space",
        "end the phase (asks once if units could still act)",
    ),
    ("Tab / Shift+Tab", "next / previous unit that can still act"),
    ("U", "supply overlay: where each side's supply reaches"),
    ("Ctrl+Z", "undo the last move (not after a die roll)"),
    (
        "Ctrl+S / Ctrl+L",
        "save / load the game (saves/<scenario>.ron)",
    ),
    ("Wheel, + / -", "zoom"),
    ("Drag, WASD, arrows, screen edge", "pan the map"),
    ("Home", "fit the whole map"),
    ("G", "hex grid on/off"),
    ("Click the minimap", "move the camera there"),
    (
        "Right/Left, PgDn/PgUp, Home/End",
        "replay viewer: one command, one phase, first/last",
    ),
    ("F1, ?", "this help"),
];

/// Is the help overlay open?
#[derive(Resource, Default)]
pub struct HelpOpen(pub bool);

/// Where Ctrl+S saves the current game.
#[must_use]
pub fn save_path(game: &Match) -> std::path::PathBuf {
    std::path::Path::new("saves").join(format!("{}.ron", game.scenario().id))
}

fn hotkeys(
    keys: Res<ButtonInput<KeyCode>>,
    egui: Res<EguiWantsInput>,
    game: Res<Match>,
    mut help: ResMut<HelpOpen>,
    mut settings: ResMut<super::settings::ViewSettings>,
    mut requests: MessageWriter<CommandRequest>,
    mut end_phase: MessageWriter<super::cycle::EndPhasePressed>,
) {
    if egui.wants_any_keyboard_input() {
        return;
    }
    let ctrl = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    let shift = keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]);
    if keys.just_pressed(KeyCode::F1) || (shift && keys.just_pressed(KeyCode::Slash)) {
        help.0 = !help.0;
    }
    if ctrl && keys.just_pressed(KeyCode::KeyZ) {
        requests.write(CommandRequest::Undo);
    }
    if ctrl && keys.just_pressed(KeyCode::KeyS) {
        requests.write(CommandRequest::Save(save_path(&game)));
    }
    if ctrl && keys.just_pressed(KeyCode::KeyL) {
        requests.write(CommandRequest::Load(save_path(&game)));
    }
    if keys.just_pressed(KeyCode::KeyU) {
        settings.supply_overlay = !settings.supply_overlay;
    }
    if keys.any_just_pressed([KeyCode::Enter, KeyCode::NumpadEnter, KeyCode::Space])
        && game.human_to_act()
    {
        end_phase.write(super::cycle::EndPhasePressed);
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<HelpOpen>().add_systems(
        Update,
        hotkeys
            .in_set(GameSet::Request)
            .run_if(in_state(Screen::Playing).and_then(resource_exists::<Match>)),
    );
}
