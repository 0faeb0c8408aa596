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
pub const AVAILABLE: bool = true;

/// Pause between two computer commands, in seconds.
const PAUSE: f32 = 0.45;

/// The opponent's progress through the current phase.
#[derive(Resource, Default)]
struct Thinking {
    /// Time until the next command.
    wait: f32,
    /// The last command sent and the log length before it: if the log did
    /// not grow, the rules refused it and the AI is told so.
    last: Option<(Command, usize)>,
    /// The AI, made for the match's difficulty when the match starts.
    ai: Option<crate::ai::Ai>,
}

/// The AI for a difficulty level (the default level if the name is empty or unknown).
fn make_ai(difficulty: &str) -> Option<crate::ai::Ai> {
    let levels = crate::ai::AiLevels::builtin();
    let params = levels
        .get(Some(difficulty))
        .or_else(|_| levels.get(None))
        .ok()?;
    Some(crate::ai::Ai::new(params.clone()))
}

fn play_computer_side(
    game: Res<Match>,
    time: Res<Time>,
    keys: Res<ButtonInput<KeyCode>>,
    mut thinking: ResMut<Thinking>,
    mut requests: MessageWriter<CommandRequest>,
) {
    if game.is_added() {
        *thinking = Thinking {
            ai: make_ai(&game.difficulty),
            ..default()
        };
    }
    if game.game.is_over() || game.acting().is_none() || game.human_to_act() || game.track.is_some()
    {
        thinking.last = None;
        return;
    }
    let skip = keys.any_pressed([KeyCode::Space, KeyCode::Enter]);
    thinking.wait -= time.delta_secs();
    if thinking.wait > 0.0 && !skip {
        return;
    }
    thinking.wait = PAUSE;
    let logged = game.game.log().len();
    let last = thinking.last.take();
    let Some(ai) = thinking.ai.as_mut() else {
        requests.write(CommandRequest::Execute(Command::EndPhase));
        return;
    };
    if let Some((cmd, before)) = &last {
        if *before == logged && *cmd != Command::EndPhase {
            ai.refused(cmd);
        }
    }
    let mut cmd = ai.next_command(&game.game);
    if last
        .as_ref()
        .is_some_and(|(c, before)| *c == cmd && *before == logged)
    {
        cmd = Command::EndPhase; // refused twice: give up the phase
    }
    thinking.last = Some((cmd.clone(), logged));
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
