//! The computer opponent in the window: when the acting side is not played
//! by a person, ask the AI for its next command and send it down the same
//! `CommandRequest` path as a click, with a short pause between commands so
//! the player can follow the moves (Space/Enter skips the pauses). When the
//! AI has nothing more to do it ends the phase.

use super::session::{CommandRequest, Match};
use super::{GameSet, Screen};
use crate::command::Command;
use bevy::prelude::*;

/// Is a computer opponent built in? Without one every side is played by hand.
pub const AVAILABLE: bool = false;

/// Pause between two computer commands, in seconds.
const PAUSE: f32 = 0.45;

/// The opponent's progress through the current phase.
#[derive(Resource, Default)]
struct Thinking {
    /// Time until the next command.
    wait: f32,
    /// The last command sent: a command proposed twice in a row was
    /// refused, so the opponent ends its phase instead of looping.
    last: Option<Command>,
}

/// The AI's next command for the acting side, `None` when it is done.
fn computer_command(_game: &Match) -> Option<Command> {
    None
}

fn play_computer_side(
    game: Res<Match>,
    time: Res<Time>,
    keys: Res<ButtonInput<KeyCode>>,
    mut thinking: ResMut<Thinking>,
    mut requests: MessageWriter<CommandRequest>,
) {
    if game.game.is_over() || game.acting().is_none() || game.human_to_act() {
        thinking.last = None;
        return;
    }
    let skip = keys.any_pressed([KeyCode::Space, KeyCode::Enter]);
    thinking.wait -= time.delta_secs();
    if thinking.wait > 0.0 && !skip {
        return;
    }
    thinking.wait = PAUSE;
    let mut cmd = computer_command(&game).unwrap_or(Command::EndPhase);
    if thinking.last.as_ref() == Some(&cmd) && cmd != Command::EndPhase {
        cmd = Command::EndPhase;
    }
    thinking.last = Some(cmd.clone());
    requests.write(CommandRequest::Execute(cmd));
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Thinking>().add_systems(
        Update,
        play_computer_side
            .in_set(GameSet::Request)
            .run_if(in_state(Screen::Playing).and_then(resource_exists::<Match>)),
    );
}
