//! Top bar, side panel and event log.

use crate::command::phase_name;
use crate::gui::cycle::EndPhasePressed;
use crate::gui::hotkeys::HelpOpen;
use crate::gui::palette::{egui_color, nation_color, side_accent};
use crate::gui::selection::Selection;
use crate::gui::session::{CommandRequest, EventLog, Match};
use crate::gui::settings::ViewSettings;
use crate::gui::text::{size_marker, turn_date};
use crate::render::vision::ColourVision;
use crate::rules::combat::scaled;
use crate::scenario::{Side, UnitId};
use crate::sim::state::Status;
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::EguiContexts;

/// Panel background: dark, slightly translucent.
pub fn frame() -> egui::Frame {
    egui::Frame::new()
        .fill(Color32::from_rgb(24, 28, 34))
        .inner_margin(8)
        .corner_radius(4)
        .stroke(egui::Stroke::new(1.0, Color32::from_gray(70)))
}

/// Width of the side panel in logical pixels.
pub const SIDE_WIDTH: f32 = 300.0;

pub fn top_bar(
    mut contexts: EguiContexts,
    game: Res<Match>,
    log: Res<EventLog>,
    mut help: ResMut<HelpOpen>,
    mut requests: MessageWriter<CommandRequest>,
    mut end_phase: MessageWriter<EndPhasePressed>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let s = game.scenario();
    let st = game.shown();
    let width = ctx.viewport_rect().width();
    egui::Area::new("top_bar".into())
        .fixed_pos([0.0, 0.0])
        .show(ctx, |ui| {
            frame().corner_radius(0).show(ui, |ui| {
                ui.set_width(width - 16.0);
                ui.horizontal(|ui| {
                    ui.label(RichText::new(&s.name).strong().size(15.0));
                    ui.separator();
                    ui.label(RichText::new(format!("Turn {} of {}", st.turn, s.turns)).size(15.0));
                    ui.label(
                        RichText::new(turn_date(s, st.turn))
                            .size(15.0)
                            .color(Color32::from_gray(200)),
                    );
                    ui.separator();
                    let phase = game.game.phase();
                    let acting = game.acting();
                    let color = acting.map_or(Color32::WHITE, |a| {
                        egui_color(side_accent(a)).gamma_multiply(1.3)
                    });
                    ui.label(
                        RichText::new(phase_name(phase))
                            .size(15.0)
                            .strong()
                            .color(color),
                    );
                    if game.game.is_over() {
                        ui.label(RichText::new("— game over").size(15.0));
                    } else if game.track.is_some() {
                        ui.label(RichText::new("(replay)").italics());
                    } else if !game.human_to_act() {
                        ui.label(RichText::new("(computer thinking…)").italics());
                    }
                    ui.separator();
                    for side in Side::BOTH {
                        ui.label(
                            RichText::new(format!("{side} {} VP", st.vp[side.index()]))
                                .color(egui_color(side_accent(side)).gamma_multiply(1.4)),
                        );
                    }
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui.button("Help (F1)").clicked() {
                            help.0 = !help.0;
                        }
                        let can_act = game.human_to_act() && !game.game.is_over();
                        if ui
                            .add_enabled(
                                can_act,
                                egui::Button::new(RichText::new("End phase (Enter)").strong()),
                            )
                            .clicked()
                        {
                            end_phase.write(EndPhasePressed);
                        }
                        if ui
                            .add_enabled(can_act, egui::Button::new("Undo"))
                            .on_hover_text("Ctrl+Z")
                            .clicked()
                        {
                            requests.write(CommandRequest::Undo);
                        }
                        if let Some(why) = &log.rejection {
                            ui.label(
                                RichText::new(format!("✖ {why}"))
                                    .color(Color32::from_rgb(255, 120, 100)),
                            );
                        }
                    });
                });
            });
        });
    Ok(())
}

fn unit_block(ui: &mut egui::Ui, game: &Match, u: UnitId, vision: ColourVision) {
    let def = game.scenario().unit(u);
    let st = game.shown().unit(u);
    let parent = game
        .scenario()
        .formations
        .iter()
        .find(|f| f.id == def.parent)
        .map_or(def.parent.as_str(), |f| f.name.as_str());
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
        ui.painter().rect_filled(
            rect,
            2.0,
            egui_color(nation_color(&def.nation, def.side, vision)),
        );
        ui.label(RichText::new(&def.name).strong().size(14.0));
    });
    ui.label(format!(
        "{} {} · {} · {}",
        def.nation,
        def.kind.name,
        size_marker(def.size),
        parent
    ));
    let attack = scaled(def.attack, st.steps, def.max_steps);
    let defence = scaled(def.defence, st.steps, def.max_steps);
    ui.label(format!(
        "Steps {}/{} · attack {attack} · defence {defence} · move {}",
        st.steps, def.max_steps, def.movement
    ));
    let supply = if st.supply.out_of_supply {
        RichText::new(format!("OUT OF SUPPLY ({} checks)", st.supply.turns_out))
            .color(Color32::from_rgb(255, 110, 90))
    } else {
        RichText::new("in supply").color(Color32::from_rgb(140, 220, 140))
    };
    ui.horizontal(|ui| {
        ui.label(supply);
        ui.label(format!("· {} MP left", st.mp_left));
        if st.attacked {
            ui.label("· has attacked");
        }
    });
}

pub fn side_panel(
    mut contexts: EguiContexts,
    game: Res<Match>,
    sel: Res<Selection>,
    settings: Res<ViewSettings>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let s = game.scenario();
    let st = game.shown();
    let height = ctx.viewport_rect().height() - 56.0;
    egui::Area::new("side_panel".into())
        .anchor(Align2::RIGHT_TOP, [-6.0, 44.0])
        .show(ctx, |ui| {
            frame().show(ui, |ui| {
                ui.set_width(SIDE_WIDTH);
                ui.set_max_height(height);
                egui::ScrollArea::vertical().show(ui, |ui| {
                    ui.heading("Selected");
                    if sel.units.is_empty() {
                        ui.label(
                            RichText::new("Click one of your units.")
                                .italics()
                                .color(Color32::from_gray(170)),
                        );
                    }
                    for &u in &sel.units {
                        unit_block(ui, &game, u, settings.vision);
                        ui.add_space(4.0);
                    }
                    ui.separator();
                    ui.heading("Objectives");
                    for o in &s.objectives {
                        let place = &s.map.places[o.place as usize];
                        let holder = st.control[o.place as usize];
                        ui.horizontal(|ui| {
                            ui.label(
                                RichText::new("⚑")
                                    .color(egui_color(side_accent(holder)).gamma_multiply(1.4)),
                            );
                            ui.label(format!("{} {}", place.name, place.hex));
                            ui.label(RichText::new(format!("{} VP", o.vp)).strong());
                            if o.vp_per_turn > 0 {
                                ui.label(format!("+{}/turn", o.vp_per_turn));
                            }
                        });
                    }
                    ui.separator();
                    ui.heading("Support this turn");
                    // Under fog only the human side's own support is known.
                    let known = |side: &Side| game.fog().is_none_or(|f| f == *side);
                    for side in Side::BOTH.iter().filter(|s| known(s)) {
                        let sp = st.support[side.index()];
                        ui.label(format!(
                            "{side}: naval gunfire {} · air {}",
                            sp.naval, sp.air
                        ));
                    }
                    ui.separator();
                    ui.heading("Reinforcements due");
                    // From the real state: under fog unseen enemy units
                    // look pending too, so only the human side's are listed.
                    let mut due: Vec<(u32, &str, String)> = game
                        .game
                        .state()
                        .units
                        .iter()
                        .filter(|u| u.status == Status::Pending && known(&s.unit(u.id).side))
                        .filter_map(|u| {
                            let def = s.unit(u.id);
                            let turn = if u.delayed_to > 0 {
                                u.delayed_to
                            } else {
                                def.arrival.as_ref()?.turn
                            };
                            Some((turn, def.name.as_str(), def.side.to_string()))
                        })
                        .collect();
                    due.sort();
                    if due.is_empty() {
                        ui.label("none");
                    }
                    for (turn, name, side) in due.iter().take(14) {
                        ui.label(format!("T{turn} · {side} · {name}"));
                    }
                    if due.len() > 14 {
                        ui.label(format!("… and {} more", due.len() - 14));
                    }
                });
            });
        });
    Ok(())
}

pub fn log_panel(
    mut contexts: EguiContexts,
    log: Res<EventLog>,
    mut centre: MessageWriter<crate::gui::camera::CentreOn>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    egui::Area::new("log".into())
        .anchor(Align2::LEFT_BOTTOM, [6.0, -6.0])
        .show(ctx, |ui| {
            frame().show(ui, |ui| {
                ui.set_width(470.0);
                ui.set_height(118.0);
                egui::ScrollArea::vertical()
                    .stick_to_bottom(true)
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        for (i, line) in log.lines.iter().enumerate() {
                            // Combat results: click to centre the map there.
                            if let Some(&hex) = log.at.get(i).and_then(Option::as_ref) {
                                let text = RichText::new(format!("⌖ {line}"))
                                    .color(Color32::from_rgb(150, 200, 255))
                                    .size(12.5);
                                let r = ui.add(egui::Label::new(text).sense(egui::Sense::click()));
                                if r.on_hover_text(format!("centre the map on {hex}"))
                                    .clicked()
                                {
                                    centre.write(crate::gui::camera::CentreOn(hex));
                                }
                                continue;
                            }
                            if log.highlight.as_ref().is_some_and(|r| r.contains(&i)) {
                                // The enemy-turn replay's step: marked and kept in view.
                                let text = RichText::new(format!("▶ {line}"))
                                    .color(Color32::from_rgb(255, 225, 130))
                                    .background_color(Color32::from_rgb(70, 60, 30))
                                    .size(12.5);
                                ui.label(text).scroll_to_me(None);
                                continue;
                            }
                            let color = if line.starts_with('✖') {
                                Color32::from_rgb(255, 130, 110)
                            } else if line.starts_with('—') {
                                Color32::from_rgb(230, 200, 120)
                            } else {
                                Color32::from_gray(215)
                            };
                            ui.label(RichText::new(line).color(color).size(12.5));
                        }
                    });
            });
        });
    Ok(())
}
