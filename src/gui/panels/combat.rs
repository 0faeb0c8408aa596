//! The attack preview: with attackers selected in a combat phase, hovering
//! an enemy hex shows the odds, every column shift with its reason, and the
//! exact outcome distribution as a bar chart — all from `rules::combat::odds`,
//! the same function the resolver uses. Support points can be added and
//! artillery in range (`rules::combat::artillery_in_range`) committed with a
//! tick each, as the computer does; the preview includes them. The Attack
//! button (or a click on the hex) sends the `Attack` command.

use super::hud::frame;
use crate::command::Command;
use crate::gui::camera::Pointer;
use crate::gui::selection::Selection;
use crate::gui::session::{CommandRequest, Match};
use crate::hex::{Hex, OffsetCoord};
use crate::rules::combat::{artillery_in_range, odds, Odds};
use crate::rules::Rejection;
use crate::scenario::PhaseSpec;
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::EguiContexts;

/// What a preview was computed for: attackers, target, naval and air
/// points, artillery, and the game's command count.
type PreviewKey = (Vec<u16>, Hex, u32, u32, Vec<u16>, usize);

/// The last previewed attack, so the panel stays while the mouse moves to it.
#[derive(Default)]
pub struct Preview {
    key: Option<PreviewKey>,
    result: Option<Result<Odds, Rejection>>,
    target: Option<Hex>,
}

/// Colour of an outcome bar: green when it favours the attacker.
fn outcome_color(r: &crate::scenario::CrtResult) -> Color32 {
    if r.attacker_eliminated || (r.attacker_steps > 0 && r.defender_steps == 0 && !r.exchange) {
        Color32::from_rgb(210, 80, 70)
    } else if r.exchange {
        Color32::from_rgb(220, 170, 60)
    } else if r.defender_eliminated || r.defender_steps > 0 || r.retreat > 0 {
        Color32::from_rgb(90, 190, 100)
    } else {
        Color32::from_gray(150)
    }
}

#[allow(clippy::too_many_arguments)]
pub fn attack_panel(
    mut contexts: EguiContexts,
    game: Res<Match>,
    mut sel: ResMut<Selection>,
    pointer: Res<Pointer>,
    mut preview: Local<Preview>,
    mut requests: MessageWriter<CommandRequest>,
) -> Result {
    let PhaseSpec::Combat(side) = game.game.phase() else {
        *preview = Preview::default();
        return Ok(());
    };
    if sel.units.is_empty() || !game.human_to_act() {
        preview.target = None;
        return Ok(());
    }
    let view = game.view();
    if let Some(h) = pointer.hex.filter(|&h| view.enemy_occupied(h, side)) {
        preview.target = Some(h);
    }
    let Some(target) = preview.target else {
        return Ok(());
    };
    // Only guns that may fire on this target stay committed.
    let guns = artillery_in_range(&view, side, target, &sel.units);
    if sel.support.artillery.iter().any(|g| !guns.contains(g)) {
        sel.support.artillery.retain(|g| guns.contains(g));
    }
    let key = (
        sel.units.clone(),
        target,
        sel.support.naval,
        sel.support.air,
        sel.support.artillery.clone(),
        game.game.log().len(),
    );
    if preview.key.as_ref() != Some(&key) {
        preview.result = Some(odds(&view, &sel.units, target, &sel.support, false));
        preview.key = Some(key);
    }
    let Some(result) = preview.result.clone() else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let left = game.shown().support[side.index()];
    let sp = &game.scenario().support;
    let label = OffsetCoord::from_hex(target);
    let place = game
        .scenario()
        .map
        .place(target)
        .map(|p| format!("{} ", p.name))
        .unwrap_or_default();
    egui::Area::new("attack".into())
        .anchor(
            Align2::RIGHT_BOTTOM,
            [-(super::hud::SIDE_WIDTH + 30.0), -6.0],
        )
        .show(ctx, |ui| {
            frame().show(ui, |ui| {
                ui.set_width(330.0);
                let defenders: Vec<&str> = view
                    .units_at(target)
                    .iter()
                    .map(|&u| view.name(u))
                    .collect();
                ui.label(
                    RichText::new(format!("Attack on {place}{label}"))
                        .strong()
                        .size(15.0),
                );
                ui.label(RichText::new(defenders.join(", ")).color(Color32::from_gray(190)));
                match &result {
                    Err(why) => {
                        ui.label(
                            RichText::new(format!("✖ {}", why.reason))
                                .color(Color32::from_rgb(255, 130, 110)),
                        );
                    }
                    Ok(o) => {
                        let base = &game.scenario().crt.columns[o.base_column];
                        ui.label(format!(
                            "Strength {} : {}, base column {}:{}",
                            o.attack, o.defence, base.odds.0, base.odds.1
                        ));
                        for n in &o.notes {
                            ui.label(RichText::new(n).italics().color(Color32::from_gray(180)));
                        }
                        for s in &o.shifts {
                            let c = if s.columns > 0 {
                                Color32::from_rgb(130, 220, 130)
                            } else {
                                Color32::from_rgb(240, 140, 120)
                            };
                            ui.label(
                                RichText::new(format!("{:+} column: {}", s.columns, s.text))
                                    .color(c),
                            );
                        }
                        ui.label(
                            RichText::new(format!("Final odds {}", o.column_label))
                                .strong()
                                .size(16.0),
                        );
                        for oc in &o.outcomes {
                            ui.horizontal(|ui| {
                                ui.add_sized(
                                    [44.0, 16.0],
                                    egui::Label::new(
                                        RichText::new(oc.result.to_string()).monospace(),
                                    ),
                                );
                                let (rect, _) = ui.allocate_exact_size(
                                    egui::vec2(180.0, 14.0),
                                    egui::Sense::hover(),
                                );
                                let w = rect.width() * oc.faces as f32 / o.die.max(1) as f32;
                                ui.painter().rect_filled(rect, 2.0, Color32::from_gray(50));
                                let bar = egui::Rect::from_min_size(
                                    rect.min,
                                    egui::vec2(w, rect.height()),
                                );
                                ui.painter()
                                    .rect_filled(bar, 2.0, outcome_color(&oc.result));
                                ui.label(format!(
                                    "{}/{} ({}%)",
                                    oc.faces,
                                    o.die,
                                    oc.faces * 100 / o.die.max(1)
                                ));
                            });
                        }
                    }
                }
                ui.separator();
                let max = sp.max_per_attack;
                ui.horizontal(|ui| {
                    ui.label("Naval");
                    let cap = left.naval.min(max.saturating_sub(sel.support.air));
                    ui.add(egui::Slider::new(&mut sel.support.naval, 0..=cap));
                    ui.label("Air");
                    let cap = left.air.min(max.saturating_sub(sel.support.naval));
                    ui.add(egui::Slider::new(&mut sel.support.air, 0..=cap));
                });
                if !guns.is_empty() {
                    let most = game.scenario().rules.artillery_max;
                    ui.label(format!("Artillery in support (up to {most} count)"));
                    for &g in &guns {
                        let mut on = sel.support.artillery.contains(&g);
                        if ui.checkbox(&mut on, view.name(g)).changed() {
                            if on {
                                sel.support.artillery.push(g);
                                sel.support.artillery.sort_unstable();
                            } else {
                                sel.support.artillery.retain(|&x| x != g);
                            }
                        }
                    }
                }
                ui.checkbox(&mut sel.advance, "advance after combat");
                let ok = result.is_ok();
                if ui
                    .add_enabled(
                        ok,
                        egui::Button::new(RichText::new("⚔ Attack").strong().size(15.0)),
                    )
                    .clicked()
                {
                    requests.write(CommandRequest::Execute(Command::Attack {
                        attackers: sel.units.clone(),
                        target: label,
                        support: sel.support.clone(),
                        advance: sel.advance,
                    }));
                }
            });
        });
    Ok(())
}
