//! The game window: a Bevy app whose modules are plugins (module = plugin).
//!
//! Screens are the [`Screen`] states: `Start` (pick scenario, side,
//! difficulty), `Playing` and `GameOver`. The game itself is a
//! [`session::Match`] resource holding the engine's `Game`; the turn phase
//! lives in the game, not in a Bevy state. Every frame runs the chained
//! [`GameSet`]s: input systems read the mouse/keys/script, request systems
//! turn that into `CommandRequest`s, the one apply system executes them, and
//! view systems redraw from the result. Nothing but `session::apply_requests`
//! changes the game.

// Bevy systems take their resources and queries as arguments, and a query's
// type names its components: the two lints below count exactly that.
#![allow(clippy::too_many_arguments, clippy::type_complexity)]

mod blocks;
mod camera;
mod cycle;
mod detail;
mod enemy_turn;
mod fog;
mod hotkeys;
mod labels;
mod layout;
mod map_mesh;
mod map_view;
mod minimap;
mod opponent;
mod palette;
mod panels;
mod reload;
mod screens;
pub mod script;
mod script_lines;
mod selection;
mod session;
mod settings;
mod sighted;
mod supply_view;
mod thinking;
mod tutorial;
use crate::text;
mod units;
mod viewer;

use crate::play::{PlaySettings, EXIT_INVALID};
use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy_egui::EguiPlugin;
use std::process::ExitCode;
use std::sync::Arc;

/// Drawing order of map layers (world z).
const Z_TERRAIN: f32 = 0.0;
const Z_GRID: f32 = 1.0;
const Z_OVERLAY: f32 = 3.0;
const Z_PLACES: f32 = 4.0;
const Z_LABELS: f32 = 6.0;
const Z_UNITS: f32 = 10.0;

/// The screens of the game.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    /// Choose scenario, side and difficulty.
    #[default]
    Start,
    /// A game in progress.
    Playing,
    /// The result.
    GameOver,
}

/// Per-frame stages, chained in this order so writers run before readers.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum GameSet {
    /// Mouse, keys, script actions.
    Input,
    /// Input turned into `CommandRequest`s.
    Request,
    /// The one system that executes commands.
    Apply,
    /// Everything drawn from the game state.
    View,
}

/// Open the game window with `settings`; returns when the window closes (or
/// the screenshot is written).
#[must_use]
pub fn run(settings: &PlaySettings) -> ExitCode {
    let script = match &settings.script {
        Some(path) => match script::Script::load(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(EXIT_INVALID);
            }
        },
        None => script::Script::default(),
    };
    let start = if settings.scenario_named || settings.load.is_some() || settings.replay.is_some() {
        Screen::Playing
    } else {
        Screen::Start
    };
    let setup = session::Setup {
        scenario: settings.scenario.clone(),
        side: settings.side,
        difficulty: settings.difficulty.clone(),
        resume: settings.load.clone(),
        replay: settings.replay.clone(),
        seed: settings.seed,
        ironman: settings.ironman,
        tutorial: settings.tutorial,
        prepared: None,
    };
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            title: "Landfall — Sicily 1943".into(),
            resolution: WindowResolution::new(1280, 720),
            ..default()
        }),
        ..default()
    }))
    .add_plugins(EguiPlugin::default())
    .insert_resource(ClearColor(Color::srgb(0.09, 0.14, 0.21)))
    .insert_resource(setup)
    .insert_resource(settings::ViewSettings {
        vision: settings.vision,
        ui_scale: settings.ui_scale.clamp(1.0, 2.0),
        ..default()
    })
    .insert_resource(script::Runner::new(
        script,
        settings.screenshot.clone(),
        settings.after_frames,
    ))
    .insert_state(start)
    .configure_sets(
        Update,
        (
            GameSet::Input,
            GameSet::Request,
            GameSet::Apply,
            GameSet::View,
        )
            .chain(),
    )
    .add_systems(OnEnter(Screen::Playing), start_match)
    .add_plugins((
        palette::plugin,
        session::plugin,
        camera::plugin,
        map_view::plugin,
        units::plugin,
        selection::plugin,
        hotkeys::plugin,
        opponent::plugin,
        panels::plugin,
        screens::plugin,
        script::plugin,
        viewer::plugin,
        minimap::plugin,
    ))
    .add_plugins((
        settings::plugin,
        cycle::plugin,
        supply_view::plugin,
        labels::plugin,
        enemy_turn::plugin,
        tutorial::plugin,
        reload::plugin,
    ));
    match app.run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

/// Load the chosen scenario and start a match (unless one is running, e.g.
/// when coming back from a finished game's map view).
fn start_match(
    mut commands: Commands,
    setup: Res<session::Setup>,
    existing: Option<Res<session::Match>>,
    mut window: Single<&mut Window>,
    mut log: ResMut<session::EventLog>,
    mut next: ResMut<NextState<Screen>>,
) {
    if existing.is_some() {
        return;
    }
    // A save names the scenario it was played on; prefer that one.
    let saved_on = setup
        .resume
        .as_deref()
        .or(setup.replay.as_deref())
        .and_then(|p| crate::replay::load(p).ok())
        .map(|r| std::path::PathBuf::from(r.scenario_path))
        .filter(|p| p.exists());
    let Some(path) = saved_on
        .or_else(|| setup.scenario.clone())
        .or_else(crate::play::default_scenario)
    else {
        log.rejection = Some("no scenario found".into());
        next.set(Screen::Start);
        return;
    };
    // A campaign leg (start screen, game-over screen) comes prepared.
    let chosen = match &setup.prepared {
        Some(s) if setup.resume.is_none() && setup.replay.is_none() => Ok(Arc::clone(s)),
        _ => crate::scenario::load_scenario(&path),
    };
    match chosen {
        Ok(scenario) => {
            window.title = format!("Landfall — {}", scenario.name);
            let seed = crate::play::match_seed(setup.seed);
            let mut m = session::Match::new(scenario, setup.side, setup.difficulty.clone(), seed);
            *log = session::EventLog::default();
            m.ironman = setup.ironman && setup.replay.is_none();
            // An ironman match of this scenario in progress is resumed.
            let ironman_save = m.ironman_file();
            let resume = setup
                .resume
                .clone()
                .or_else(|| m.ironman.then_some(ironman_save).filter(|p| p.is_file()));
            if let Some(save) = &resume {
                // A save is a replay of an unfinished game: re-executed and
                // hash-checked by the replay module, never trusted blindly.
                match crate::replay::load_game(save, m.scenario()) {
                    Ok(game) => {
                        m.set_game(game);
                        log.push(format!(
                            "resumed {} ({} commands replayed)",
                            save.display(),
                            m.game.log().len()
                        ));
                    }
                    Err(e) => log.rejection = Some(format!("cannot load {}: {e}", save.display())),
                }
            }
            if let Some(replay) = &setup.replay {
                if let Err(e) = viewer::open(&mut m, replay, &mut log) {
                    log.rejection = Some(format!("cannot open {}: {e}", replay.display()));
                    next.set(Screen::Start);
                    return;
                }
            }
            if m.track.is_none() {
                log.push(format!(
                    "match seed {}{} (`--seed {}` gives the same commands the same dice)",
                    m.game.seed(),
                    if m.ironman { " · ironman" } else { "" },
                    m.game.seed()
                ));
            }
            log.push(format!(
                "— {} —",
                text::turn_header(m.scenario(), m.game.state().turn, m.game.phase())
            ));
            commands.insert_resource(m);
        }
        Err(diags) => {
            let first = diags
                .first()
                .map_or_else(String::new, |d| d.message.clone());
            log.rejection = Some(format!("{} cannot be loaded: {first}", path.display()));
            next.set(Screen::Start);
        }
    }
}
