//! The landings panel: the beach assaults the player's side will fight in
//! its next arrivals phase, with their odds (`rules::gunfire::forecast`,
//! which reads `rules::amphibious::assault_odds`, the odds the landing is
//! resolved on), and the naval gunfire plan for them: − / + on a beach send
//! `AllotGunfire` (validated by the rules; a refusal shows in the top bar).
//! Without a plan the fire is automatic (`docs/gui.md`).

use super::hud::frame;
use crate::command::Command;
use crate::gui::session::{CommandRequest, Match};
use crate::hex::OffsetCoord;
use crate::rules::gunfire::{self, LandingForecast};
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::EguiContexts;

/// The forecast, recomputed when the game changes.
#[derive(Default)]
pub struct Forecast {
    key: Option<(String, bool)>,
    rows: Vec<LandingForecast>,
}

pub fn landings_panel(
    mut contexts: EguiContexts,
    game: Res<Match>,
    mut cache: Local<Forecast>,
    mut requests: MessageWriter<CommandRequest>,
) -> Result {
    let Some(side) = game.acting() else {
        return Ok(());
    };
    if !game.human_to_act() || game.track.is_some() {
        return Ok(());
    }
    let key = (game.game.hash(), side == crate::scenario::Side::Allied);
    if cache.key.as_ref() != Some(&key) {
        cache.rows = gunfire::forecast(&game.view(), side);
        cache.key = Some(key);
    }
    if cache.rows.is_empty() {
        return Ok(());
    }
    let s = game.scenario();
    let st = game.shown();
    let Some(turn) = gunfire::next_arrivals_turn(s, st, side) else {
        return Ok(());
    };
    let have = gunfire::points_at_next_arrivals(s, st, side);
    let plan = st.naval_plan[side.index()].clone();
    let mut beaches: Vec<u16> = cache.rows.iter().map(|r| r.beach).collect();
    beaches.dedup();
    let ctx = contexts.ctx_mut()?;
    egui::Area::new("landings".into())
        .anchor(Align2::LEFT_TOP, [6.0, 250.0])
        .show(ctx, |ui| {
            frame().show(ui, |ui| {
                ui.set_width(300.0);
                ui.label(
                    RichText::new(format!("Landings on turn {turn}: assaults"))
                        .strong()
                        .size(15.0),
                );
                let planned: u32 = plan.iter().flatten().map(|e| e.1).sum();
                ui.label(match &plan {
                    None => format!("Naval gunfire {have} points: fired automatically"),
                    Some(_) => format!("Naval gunfire {have} points: {planned} planned"),
                });
                for &b in &beaches {
                    let name = &s.map.beaches[b as usize].name;
                    let now = plan.as_deref().map(|p| gunfire::allotted(p, b));
                    ui.separator();
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(name).strong());
                        let shown = now.map_or_else(|| "auto".to_string(), |n| n.to_string());
                        let base = now.unwrap_or(0);
                        if ui.small_button("−").clicked() && base > 0 {
                            requests.write(CommandRequest::Execute(Command::AllotGunfire {
                                beach: b,
                                points: base - 1,
                            }));
                        }
                        ui.label(format!("naval {shown}"));
                        if ui.small_button("+").clicked() {
                            requests.write(CommandRequest::Execute(Command::AllotGunfire {
                                beach: b,
                                points: base + 1,
                            }));
                        }
                    });
                    for r in cache.rows.iter().filter(|r| r.beach == b) {
                        let win: u32 = r
                            .odds
                            .outcomes
                            .iter()
                            .filter(|o| {
                                o.result.defender_eliminated
                                    || o.result.retreat > 0
                                    || o.result.defender_steps > 0
                            })
                            .map(|o| o.faces)
                            .sum();
                        ui.label(format!(
                            "{} → {}: {} (naval {}), defender hit on {}/{}",
                            game.view().name(r.unit),
                            OffsetCoord::from_hex(r.target),
                            r.odds.column_label,
                            r.naval,
                            win,
                            r.odds.die
                        ))
                        .on_hover_text(
                            r.odds
                                .shifts
                                .iter()
                                .map(|x| x.text.clone())
                                .collect::<Vec<_>>()
                                .join("\n"),
                        );
                    }
                }
                ui.label(
                    RichText::new("as the beaches stand now")
                        .italics()
                        .color(Color32::from_gray(170)),
                );
            });
        });
    Ok(())
}
