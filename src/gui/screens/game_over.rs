//! The victory screen: who won and why, the score, and how the game compares
//! with history (each historical capture against who holds the place now).

use crate::gui::palette::{egui_color, side_accent};
use crate::gui::session::Match;
use crate::gui::session::Setup;
use crate::gui::Screen;
use crate::scenario::Scenario;
use crate::sim::Game;
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::EguiContexts;
use std::path::PathBuf;
use std::sync::Arc;

/// The leg after the one `game` played, from the campaign file its link
/// names.
fn campaign_next(game: &Game) -> NextLeg {
    let link = game
        .scenario()
        .campaign
        .as_ref()
        .ok_or("not a campaign leg")?;
    let mut loaded = crate::scenario::campaign::load(std::path::Path::new(&link.path));
    let c = loaded
        .campaign
        .take()
        .ok_or_else(|| format!("the campaign {} does not load", link.path))?;
    match crate::campaign::next_leg(&c, game)? {
        None => Err("That was the last leg: the campaign is over.".into()),
        Some((scenario, carry)) => {
            let leg = &c.legs[carry.link.leg];
            Ok((
                scenario.name.clone(),
                scenario,
                leg.scenario_path.clone(),
                carry.summary,
            ))
        }
    }
}

/// The next campaign leg, worked out once per finished leg: the leg's
/// name, its prepared scenario and path, and the carry-over lines; or why
/// there is none (the last leg) or it cannot be prepared.
type NextLeg = Result<(String, Arc<Scenario>, PathBuf, Vec<String>), String>;

pub fn game_over_screen(
    mut contexts: EguiContexts,
    game: Res<Match>,
    mut next: ResMut<NextState<Screen>>,
    mut commands: Commands,
    mut setup: ResMut<Setup>,
    mut next_leg: Local<Option<(String, NextLeg)>>,
) -> Result {
    // Worked out once per finished game (keyed by its final hash).
    let key = game.game.hash();
    if game.scenario().campaign.is_some() && next_leg.as_ref().is_none_or(|(k, _)| *k != key) {
        *next_leg = Some((key, campaign_next(&game.game)));
    }
    let ctx = contexts.ctx_mut()?;
    let s = game.scenario();
    let st = game.game.state();
    egui::Window::new("The battle is over")
        .anchor(Align2::CENTER_CENTER, [0.0, 0.0])
        .collapsible(true)
        .resizable(false)
        .min_width(460.0)
        .show(ctx, |ui| {
            if let Some(o) = &st.outcome {
                let (title, color) = match o.winner {
                    Some(w) => (
                        format!("{w} {} victory", format!("{:?}", o.level).to_lowercase()),
                        egui_color(side_accent(w)).gamma_multiply(1.5),
                    ),
                    None => ("Draw".to_string(), Color32::from_gray(220)),
                };
                ui.label(RichText::new(title).size(26.0).strong().color(color));
                ui.label(&o.reason);
            }
            ui.label(format!(
                "Allied {} VP · Axis {} VP · turn {} of {}",
                st.vp[0], st.vp[1], st.turn, s.turns
            ));
            ui.separator();
            ui.label(RichText::new("Against history").strong());
            if s.history.is_empty() {
                ui.label("(the scenario records no historical milestones)");
            }
            for h in &s.history {
                let Some(p) = s.map.place_id(&h.place) else {
                    continue;
                };
                let place = &s.map.places[p as usize];
                let holder = st.control[p as usize];
                let since = st.control_since[p as usize];
                let yours = if holder == h.side {
                    if since == 0 {
                        format!("held by the {holder} throughout")
                    } else {
                        let d = i64::from(since) - i64::from(h.turn);
                        let when = match d {
                            0 => "on schedule".to_string(),
                            d if d < 0 => format!("{} turn(s) ahead of history", -d),
                            d => format!("{d} turn(s) behind history"),
                        };
                        format!("taken by the {holder} on turn {since} — {when}")
                    }
                } else {
                    format!("still held by the {holder}")
                };
                ui.label(format!(
                    "{}: historically the {} took it on turn {}. {}",
                    place.name, h.side, h.turn, h.note
                ));
                ui.label(
                    RichText::new(format!("   In your game: {yours}."))
                        .color(Color32::from_rgb(235, 205, 120)),
                );
            }
            ui.separator();
            if let (Some(link), Some((_, leg))) = (&s.campaign, next_leg.as_ref()) {
                ui.label(
                    RichText::new(format!(
                        "Campaign: leg {} ({}) is over",
                        link.leg + 1,
                        link.leg_id
                    ))
                    .strong(),
                );
                for o in &link.before {
                    ui.label(format!("   {}: {}", o.leg, o.result));
                }
                match leg {
                    Ok((name, scenario, path, summary)) => {
                        ui.label(format!("Next: {name}. Carried over:"));
                        for line in summary {
                            ui.label(RichText::new(format!("   {line}")).size(13.0));
                        }
                        if ui
                            .button(RichText::new(format!("▶ {name}")).size(16.0))
                            .clicked()
                        {
                            setup.prepared = Some(Arc::clone(scenario));
                            setup.scenario = Some(path.clone());
                            setup.resume = None;
                            setup.replay = None;
                            setup.tutorial = false;
                            commands.remove_resource::<Match>();
                            next.set(Screen::Playing);
                        }
                    }
                    Err(why) => {
                        ui.label(why);
                    }
                }
                ui.separator();
            }
            if ui.button(RichText::new("New game").size(16.0)).clicked() {
                next.set(Screen::Start);
            }
        });
    Ok(())
}
