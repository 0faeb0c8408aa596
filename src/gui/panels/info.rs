//! The hover tooltip (hex, terrain, place, units, path cost) and the help
//! overlay listing every hotkey.

use super::hud::frame;
use crate::gui::camera::{MapCamera, Pointer};
use crate::gui::hotkeys::{HelpOpen, HOTKEYS};
use crate::gui::selection::Selection;
use crate::gui::session::Match;
use crate::hex::OffsetCoord;
use crate::rules::combat::scaled;
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, RichText};
use bevy_egui::EguiContexts;

pub fn tooltip(
    mut contexts: EguiContexts,
    game: Res<Match>,
    pointer: Res<Pointer>,
    sel: Res<Selection>,
    camera: Single<(&Camera, &GlobalTransform), With<MapCamera>>,
) -> Result {
    let (Some(hex), Some(world)) = (pointer.hex, pointer.world) else {
        return Ok(());
    };
    let (cam, gt) = *camera;
    let Ok(screen) = cam.world_to_viewport(gt, world.extend(0.0)) else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    if !pointer.scripted && ctx.is_pointer_over_egui() {
        return Ok(());
    }
    let s = game.scenario();
    let view = game.view();
    let Some(terrain) = s.terrain_of(hex) else {
        return Ok(());
    };
    let elevation = s.map.index(hex).map_or(0, |i| s.map.elevation[i]);
    egui::Area::new("tooltip".into())
        .fixed_pos([screen.x + 18.0, screen.y + 14.0])
        .order(egui::Order::Tooltip)
        .interactable(false)
        .show(ctx, |ui| {
            frame().show(ui, |ui| {
                ui.set_max_width(280.0);
                let mut head = format!("{} {}", terrain.name, OffsetCoord::from_hex(hex));
                if !terrain.water {
                    head += &format!(" · {elevation} m");
                }
                ui.label(RichText::new(head).strong());
                if let Some(p) = s.map.place(hex) {
                    let mut what = vec![format!("{:?}", p.kind)];
                    if p.port_capacity > 0 {
                        what.push(format!("port {}/turn", p.port_capacity));
                    }
                    if p.airfield {
                        what.push("airfield".into());
                    }
                    if p.fortified {
                        what.push("fortified".into());
                    }
                    ui.label(format!("{} ({})", p.name, what.join(", ")));
                }
                if let Some(reach) = &sel.reach {
                    match reach.cost_to(hex) {
                        Some(cost) => ui.label(
                            RichText::new(format!("Move here: {cost} MP"))
                                .color(Color32::from_rgb(255, 220, 90)),
                        ),
                        None => {
                            ui.label(RichText::new("out of range").color(Color32::from_gray(160)))
                        }
                    };
                }
                for &u in view.units_at(hex) {
                    let def = view.def(u);
                    let st = view.unit(u);
                    let a = scaled(def.attack, st.steps, def.max_steps);
                    let d = scaled(def.defence, st.steps, def.max_steps);
                    let oos = if st.supply.out_of_supply {
                        " · OUT OF SUPPLY"
                    } else {
                        ""
                    };
                    ui.label(format!(
                        "{} — {a}-{d}-{} · {}/{} steps{oos}",
                        def.name, def.movement, st.steps, def.max_steps
                    ));
                }
            });
        });
    Ok(())
}

pub fn help(
    mut contexts: EguiContexts,
    mut open: ResMut<HelpOpen>,
    game: Option<Res<Match>>,
) -> Result {
    if !open.0 {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    egui::Window::new("Help — hotkeys")
        .anchor(Align2::CENTER_CENTER, [0.0, 0.0])
        .collapsible(false)
        .resizable(false)
        .open(&mut open.0)
        .show(ctx, |ui| {
            egui::Grid::new("keys").striped(true).show(ui, |ui| {
                for (k, what) in HOTKEYS {
                    ui.label(RichText::new(*k).strong());
                    ui.label(*what);
                    ui.end_row();
                }
            });
            ui.separator();
            ui.label("Movement phase: click a unit to see where it can go (pale hexes) and the enemy zones of control (red);");
            ui.label("hover a hex for the path and its cost; click it to move. Combat phase: click your units next to the");
            ui.label("enemy to pick attackers, hover the enemy for the odds, click it (or Attack) to attack.");
            if let Some(m) = game {
                ui.separator();
                let seed = m.game.seed();
                ui.label(format!(
                    "Match seed {seed}{}: `landfall play --seed {seed}` gives the same commands the same dice.",
                    if m.ironman { " · ironman (no loading; the match saves itself)" } else { "" }
                ));
            }
        });
    Ok(())
}
