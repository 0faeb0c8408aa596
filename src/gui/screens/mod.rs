//! The start and game-over screens (egui), and the switch to `GameOver` when
//! the game ends.

mod game_over;
mod start;

use super::session::Match;
use super::Screen;
use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

fn detect_game_over(game: Res<Match>, mut next: ResMut<NextState<Screen>>) {
    if game.game.is_over() && game.track.is_none() {
        next.set(Screen::GameOver);
    }
}

fn forget_match(mut commands: Commands) {
    commands.remove_resource::<Match>();
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Start), (forget_match, start::scan))
        .add_systems(
            EguiPrimaryContextPass,
            start::start_screen.run_if(in_state(Screen::Start)),
        )
        .add_systems(
            EguiPrimaryContextPass,
            game_over::game_over_screen
                .run_if(in_state(Screen::GameOver).and_then(resource_exists::<Match>)),
        )
        .add_systems(
            Update,
            detect_game_over
                .after(super::GameSet::View)
                .run_if(in_state(Screen::Playing).and_then(resource_exists::<Match>)),
        );
}
