//! The start screen: every scenario under `scenarios/` (any directory with a
//! `scenario.ron`), the side to play, the computer's difficulty, ironman;
//! "Continue" to resume the last match from its autosave; or a replay file
//! to open in the replay viewer.

use crate::gui::opponent;
use crate::gui::session::{EventLog, Setup};
use crate::gui::Screen;
use crate::play::PlaySide;
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::EguiContexts;
use std::path::PathBuf;

/// A scenario found on disk.
pub struct Entry {
    path: PathBuf,
    name: String,
    about: String,
    error: Option<String>,
}

/// Scenarios found when the start screen opened.
#[derive(Resource, Default)]
pub struct Found(Vec<Entry>);

/// Linked campaigns found (`scenarios/*/campaign.ron`): the campaign, or
/// why it does not load.
#[derive(Resource, Default)]
pub struct Campaigns(Vec<Result<crate::scenario::campaign::Campaign, String>>);

/// The campaigns in `dirs`, checked.
fn campaigns(dirs: &[PathBuf]) -> Campaigns {
    let files = dirs
        .iter()
        .map(|d| d.join(crate::scenario::campaign::CAMPAIGN_FILE))
        .filter(|f| f.is_file());
    Campaigns(
        files
            .map(|f| {
                let mut loaded = crate::scenario::campaign::load(&f);
                loaded.campaign.take().ok_or_else(|| {
                    let first = loaded.diagnostics.iter().find(|d| d.is_error());
                    format!(
                        "{}: {}",
                        f.display(),
                        first.map_or(String::new(), ToString::to_string)
                    )
                })
            })
            .collect(),
    )
}

/// The newest autosave ("Continue") and how to name it, if there is one.
#[derive(Resource, Default)]
pub struct Resumable(Option<(PathBuf, String)>);

/// "Gela, turn 3 (41 commands)" for an autosave the start screen offers.
fn describe(path: &std::path::Path) -> Option<String> {
    let replay = crate::replay::load(path).ok()?;
    let name = path.file_stem()?.to_string_lossy().into_owned();
    let turn = name
        .rsplit_once("-turn")
        .map_or("?", |(_, t)| t.trim_start_matches('0'));
    Some(format!(
        "{}, turn {turn} ({} commands)",
        replay.scenario_id,
        replay.commands.len()
    ))
}

/// Look for scenarios in `./scenarios` and in the source tree's.
pub fn scan(mut commands: Commands) {
    let mut dirs: Vec<PathBuf> = Vec::new();
    let mut all: Vec<PathBuf> = Vec::new();
    for root in [
        PathBuf::from("scenarios"),
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios"),
    ] {
        if let Ok(rd) = std::fs::read_dir(&root) {
            let mut v: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
            v.sort();
            all.clone_from(&v);
            v.retain(|p| p.join("scenario.ron").is_file());
            v.sort();
            dirs.extend(v);
        }
        if !dirs.is_empty() {
            break;
        }
    }
    let found = dirs
        .into_iter()
        .map(|path| match crate::scenario::load_scenario(&path) {
            Ok(s) => Entry {
                about: format!(
                    "{} turns of {} h · {}×{} hexes · {} units\n{}",
                    s.turns,
                    s.turn_hours,
                    s.map.grid.width,
                    s.map.grid.height,
                    s.units.len(),
                    s.description
                ),
                name: s.name.clone(),
                path,
                error: None,
            },
            Err(d) => Entry {
                name: path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                about: String::new(),
                error: Some(format!(
                    "{} problem(s): {}",
                    d.len(),
                    d.first().map_or("", |d| d.message.as_str())
                )),
                path,
            },
        })
        .collect();
    commands.insert_resource(Found(found));
    commands.insert_resource(campaigns(&all));
    let newest = crate::replay::autosave::latest(&crate::play::autosave_dir());
    commands.insert_resource(Resumable(
        newest.and_then(|p| describe(&p).map(|about| (p, about))),
    ));
}

pub fn start_screen(
    mut contexts: EguiContexts,
    found: Option<Res<Found>>,
    resumable: Option<Res<Resumable>>,
    mut setup: ResMut<Setup>,
    log: Res<EventLog>,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
    mut replay_path: Local<String>,
    mut settings: ResMut<crate::gui::settings::ViewSettings>,
    campaigns: Option<Res<Campaigns>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    egui::Window::new("start")
        .title_bar(false)
        .anchor(Align2::CENTER_CENTER, [0.0, 0.0])
        .resizable(false)
        .min_width(560.0)
        .show(ctx, |ui| {
            ui.vertical_centered(|ui| {
                ui.label(RichText::new("LANDFALL").size(40.0).strong().color(Color32::from_rgb(235, 205, 120)));
                ui.label(RichText::new("Sicily and Salerno, 1943").size(18.0));
            });
            ui.add_space(10.0);
            ui.label(RichText::new("Scenario").strong());
            let entries = found.as_ref().map_or(&[][..], |f| f.0.as_slice());
            if entries.is_empty() {
                ui.label("No scenarios found under ./scenarios.");
            }
            for e in entries {
                let chosen = setup.scenario.as_deref().is_some_and(|p| p == e.path);
                ui.add_enabled_ui(e.error.is_none(), |ui| {
                    if ui.radio(chosen, RichText::new(&e.name).size(16.0)).clicked() {
                        setup.scenario = Some(e.path.clone());
                    }
                });
                let about = e.error.as_deref().unwrap_or(&e.about);
                ui.indent(&e.name, |ui| {
                    ui.label(RichText::new(about).size(12.0).color(Color32::from_gray(185)));
                });
            }
            for c in campaigns.as_ref().map_or(&[][..], |c| c.0.as_slice()) {
                campaign_entry(ui, c, &mut setup, &mut next);
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                ui.label(RichText::new("Side").strong());
                ui.radio_value(&mut setup.side, PlaySide::Allied, "Allied");
                ui.radio_value(&mut setup.side, PlaySide::Axis, "Axis");
                ui.radio_value(&mut setup.side, PlaySide::Both, "Hot seat (both)");
            });
            ui.horizontal(|ui| {
                ui.label(RichText::new("Difficulty").strong());
                if ui.radio(setup.difficulty.is_empty(), "the scenario's").clicked() {
                    setup.difficulty.clear();
                }
                for level in ["easy", "normal", "hard"] {
                    if ui.radio(setup.difficulty == level, level).clicked() {
                        setup.difficulty = level.into();
                    }
                }
            });
            ui.checkbox(&mut setup.ironman, RichText::new("Ironman").strong())
                .on_hover_text("No loading during the match: it saves itself after every command and on exit, and Ironman + Play resumes it.");
            crate::gui::settings::settings_ui(ui, &mut settings);
            if !opponent::AVAILABLE {
                ui.label(
                    RichText::new("No computer opponent in this build yet: both sides are played by hand (hot seat).")
                        .italics()
                        .color(Color32::from_rgb(240, 190, 110)),
                );
            }
            ui.horizontal(|ui| {
                // The replay names its scenario; the viewer verifies it.
                ui.label(RichText::new("Replay").strong());
                ui.add(
                    egui::TextEdit::singleline(&mut *replay_path)
                        .hint_text("a replay or save file (.ron)")
                        .desired_width(330.0),
                );
                let path = replay_path.trim();
                if ui.add_enabled(!path.is_empty(), egui::Button::new("Watch")).clicked() {
                    setup.replay = Some(PathBuf::from(path));
                    setup.prepared = None;
                    next.set(Screen::Playing);
                }
            });
            if let Some(why) = &log.rejection {
                ui.label(RichText::new(why).color(Color32::from_rgb(255, 120, 100)));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let ready = setup.scenario.is_some();
                if ui.add_enabled(ready, egui::Button::new(RichText::new("▶ Play").size(18.0).strong())).clicked() {
                    setup.replay = None;
                    setup.resume = None;
                    setup.tutorial = false;
                    setup.prepared = None;
                    next.set(Screen::Playing);
                }
                if let Some(gela) = crate::play::tutorial_scenario() {
                    let button = egui::Button::new(RichText::new("Guided first game").size(18.0));
                    if ui.add(button).on_hover_text("Gela, turn 1, as the Allies: seven steps, each with the rule it teaches.").clicked() {
                        setup.scenario = Some(gela);
                        setup.side = crate::play::PlaySide::Allied;
                        setup.replay = None;
                        setup.resume = None;
                        setup.ironman = false;
                        setup.tutorial = true;
                        setup.prepared = None;
                        next.set(Screen::Playing);
                    }
                }
                if let Some((path, about)) = resumable.as_ref().and_then(|r| r.0.as_ref()) {
                    let button = egui::Button::new(RichText::new("Continue").size(18.0));
                    if ui.add(button).on_hover_text(format!("Resume the last match from its autosave:\n{}", path.display())).clicked() {
                        setup.replay = None;
                        setup.ironman = false;
                        setup.resume = Some(path.clone());
                        setup.prepared = None;
                        next.set(Screen::Playing);
                    }
                    ui.label(RichText::new(about).size(13.0).color(Color32::from_gray(185)));
                }
                if ui.button(RichText::new("Quit").size(18.0)).clicked() {
                    exit.write(AppExit::Success);
                }
            });
        });
    if setup.scenario.is_none() {
        if let Some(first) = found
            .as_ref()
            .and_then(|f| f.0.iter().find(|e| e.error.is_none()))
        {
            setup.scenario = Some(first.path.clone());
        }
    }
    Ok(())
}

/// A campaign on the start screen: its button starts leg 1 (with the side,
/// difficulty and ironman chosen below).
fn campaign_entry(
    ui: &mut egui::Ui,
    entry: &Result<crate::scenario::campaign::Campaign, String>,
    setup: &mut Setup,
    next: &mut NextState<Screen>,
) {
    ui.add_space(6.0);
    let c = match entry {
        Ok(c) => c,
        Err(why) => {
            ui.label(
                RichText::new(why)
                    .size(12.0)
                    .color(Color32::from_rgb(255, 120, 100)),
            );
            return;
        }
    };
    let legs: Vec<&str> = c.legs.iter().map(|l| l.scenario.name.as_str()).collect();
    let button = egui::Button::new(RichText::new(format!("▶ {}", c.name)).size(16.0));
    if ui.add(button).on_hover_text(&c.description).clicked() {
        // The first leg carries nothing in; `prepare` records the link.
        if let Ok((scenario, _)) = crate::campaign::prepare(c, 0, &[]) {
            setup.scenario = Some(c.legs[0].scenario_path.clone());
            setup.prepared = Some(scenario);
            setup.replay = None;
            setup.resume = None;
            setup.tutorial = false;
            next.set(Screen::Playing);
        }
    }
    ui.indent(&c.id, |ui| {
        ui.label(
            RichText::new(format!("{} legs: {}", legs.len(), legs.join(", then ")))
                .size(12.0)
                .color(Color32::from_gray(185)),
        );
    });
}
