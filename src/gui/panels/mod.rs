//! The egui panels around the map: the top bar (turn, date, phase, VP, End
//! Phase, Undo), the side panel (selected unit, objectives, reinforcements,
//! support), the event log, the attack preview, the landings forecast and
//! naval gunfire plan, the hover tooltip and the help overlay. Panels only
//! read the game and write `CommandRequest`s.

mod combat;
mod hud;
mod info;
mod landings;

pub use hud::{frame, SIDE_WIDTH};

use super::session::Match;
use super::Screen;
use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (
            hud::top_bar,
            hud::side_panel,
            hud::log_panel,
            combat::attack_panel,
            landings::landings_panel,
            info::tooltip,
            info::help,
        )
            .chain()
            .run_if(in_state(Screen::Playing).and_then(resource_exists::<Match>)),
    );
}
