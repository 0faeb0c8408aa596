//! The victory screen: who won and why, the score, and how the game compares
//! with history (each historical capture against who holds the place now).

use crate::gui::palette::{egui_color, side_accent};
use crate::gui::session::Match;
use crate::gui::Screen;
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::EguiContexts;

pub fn game_over_screen(
    mut contexts: EguiContexts,
    game: Res<Match>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
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
            if ui.button(RichText::new("New game").size(16.0)).clicked() {
                next.set(Screen::Start);
            }
        });
    Ok(())
}
