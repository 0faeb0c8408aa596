//! Hot reload (F5) for designers: `crate::reload::Reloader` reads the
//! scenario's files again. A scenario that validates restarts the match on
//! it (turn 1, same side and difficulty, through the start of every match;
//! the camera opens again on the landing area); one that does not leaves
//! the match as it was and lists every diagnostic (`file:line:col`) in a
//! window until the next reload or Close.

use super::session::{EventLog, Match, Setup};
use super::Screen;
use crate::reload::Reloader;
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use std::path::PathBuf;

/// F5, or the script's `reload` / `reload_from DIR`.
#[derive(Message, Debug, Clone)]
pub struct ReloadPressed {
    /// Read this directory instead of the scenario in play (scripts).
    pub from: Option<PathBuf>,
}

/// The reloader of the scenario in play, and a restart under way.
#[derive(Resource, Default)]
struct HotReload {
    reloader: Option<Reloader>,
    restart: bool,
}

fn f5(keys: Res<ButtonInput<KeyCode>>, mut out: MessageWriter<ReloadPressed>) {
    if keys.just_pressed(KeyCode::F5) {
        out.write(ReloadPressed { from: None });
    }
}

fn reload(
    mut pressed: MessageReader<ReloadPressed>,
    mut hot: ResMut<HotReload>,
    mut setup: ResMut<Setup>,
    game: Option<Res<Match>>,
    mut log: ResMut<EventLog>,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(press) = pressed.read().last().cloned() else {
        return;
    };
    let Some(game) = game else { return };
    let Some(path) = press
        .from
        .or_else(|| setup.scenario.clone())
        .or_else(crate::play::default_scenario)
    else {
        log.rejection = Some("reload: no scenario path known".into());
        return;
    };
    let mut r = Reloader::new(path.clone(), game.scenario().clone());
    if r.reload().is_some() {
        setup.scenario = Some(path);
        // A restart, not a resumed save or a replay.
        setup.resume = None;
        setup.replay = None;
        // The start screen forgets the match; `restart` comes straight back.
        hot.restart = true;
        next.set(Screen::Start);
    } else {
        log.rejection = Some(format!(
            "reload: {} problems, the game in play stays",
            r.diagnostics.len()
        ));
    }
    hot.reloader = Some(r);
}

/// Straight back to the game after the restart went through the start.
fn restart(mut hot: ResMut<HotReload>, mut next: ResMut<NextState<Screen>>) {
    if hot.restart {
        hot.restart = false;
        next.set(Screen::Playing);
    }
}

fn diagnostics_window(mut contexts: EguiContexts, mut hot: ResMut<HotReload>) -> Result {
    let Some(r) = hot.reloader.as_ref() else {
        return Ok(());
    };
    if r.diagnostics.is_empty() {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let mut close = false;
    egui::Window::new(format!(
        "{} was not reloaded: {} problems",
        r.path.display(),
        r.diagnostics.len()
    ))
    .anchor(Align2::CENTER_TOP, [0.0, 60.0])
    .default_width(760.0)
    .collapsible(false)
    .show(ctx, |ui| {
        ui.label("The game in play is unchanged. Fix the files and press F5 again.");
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                for d in &r.diagnostics {
                    let colour = if d.contains(": error: ") {
                        Color32::from_rgb(255, 140, 120)
                    } else {
                        Color32::from_rgb(230, 200, 110)
                    };
                    ui.label(RichText::new(d).monospace().color(colour));
                }
            });
        close = ui.button("Close").clicked();
    });
    if close {
        if let Some(r) = hot.reloader.as_mut() {
            r.diagnostics.clear();
        }
    }
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<HotReload>()
        .add_message::<ReloadPressed>()
        .add_systems(
            Update,
            (
                f5.in_set(super::GameSet::Input)
                    .run_if(in_state(Screen::Playing)),
                reload
                    .in_set(super::GameSet::Apply)
                    .run_if(in_state(Screen::Playing)),
                restart.run_if(in_state(Screen::Start)),
            ),
        )
        .add_systems(
            EguiPrimaryContextPass,
            diagnostics_window.run_if(in_state(Screen::Playing)),
        );
}
