//! The minimap: a small overview of the whole map in the top-left corner —
//! land in its terrain colours, sea, the units the player may see (fog
//! applies: it reads the shown state) as dots in their side's colour, and
//! the rectangle the camera shows. Click or drag on it to move the camera.
//!
//! The terrain picture is an egui texture made once per scenario by sampling
//! which hex lies under each minimap pixel (the same `layout::hex_at` the
//! pointer uses); units and the camera rectangle are painted over it every
//! frame.

use super::camera::MapCamera;
use super::layout::{hex_at, hex_center, map_bounds};
use super::palette::{egui_color, side_accent};
use super::session::Match;
use super::Screen;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::egui::{self, Align2, Color32, Pos2, Rect, Sense, Stroke};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

/// Longest side of the minimap in logical pixels.
const SIZE: f32 = 190.0;

/// Pixel size of the minimap for a map spanning `extent` world units.
#[must_use]
pub fn minimap_size(extent: Vec2) -> [usize; 2] {
    let k = SIZE / extent.x.max(extent.y).max(1.0);
    [
        ((extent.x * k).round() as usize).max(8),
        ((extent.y * k).round() as usize).max(8),
    ]
}

/// The terrain picture: one colour per pixel, from the hex under it (sea
/// colour off the map). Row 0 is the north edge.
#[must_use]
pub fn terrain_image(s: &crate::scenario::Scenario) -> egui::ColorImage {
    let (min, max) = map_bounds(&s.map.grid);
    let size = minimap_size(max - min);
    let sea = Color32::from_rgb(40, 70, 110);
    let mut pixels = Vec::with_capacity(size[0] * size[1]);
    for y in 0..size[1] {
        for x in 0..size[0] {
            let p = Vec2::new(
                min.x + (x as f32 + 0.5) / size[0] as f32 * (max.x - min.x),
                max.y - (y as f32 + 0.5) / size[1] as f32 * (max.y - min.y),
            );
            let c = hex_at(&s.map.grid, p)
                .and_then(|h| s.terrain_of(h))
                .map_or(sea, |t| {
                    if t.water {
                        sea
                    } else {
                        Color32::from_rgb(t.color.0, t.color.1, t.color.2)
                    }
                });
            pixels.push(c);
        }
    }
    egui::ColorImage::new(size, pixels)
}

/// The texture, made for one scenario.
#[derive(Default)]
struct Picture {
    scenario: String,
    texture: Option<egui::TextureHandle>,
}

fn minimap(
    mut contexts: EguiContexts,
    game: Res<Match>,
    window: Single<&Window, With<PrimaryWindow>>,
    camera: Single<(&mut Transform, &Projection), With<MapCamera>>,
    mut picture: Local<Picture>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let s = game.scenario();
    if picture.texture.is_none() || picture.scenario != s.id {
        picture.texture =
            Some(ctx.load_texture("minimap", terrain_image(s), egui::TextureOptions::LINEAR));
        picture.scenario = s.id.clone();
    }
    let Some(texture) = picture.texture.clone() else {
        return Ok(());
    };
    let (min, max) = map_bounds(&s.map.grid);
    let [w, h] = minimap_size(max - min);
    let (mut t, proj) = camera.into_inner();
    let scale = match proj {
        Projection::Orthographic(o) => o.scale,
        _ => 1.0,
    };
    let view = game.view();
    egui::Area::new("minimap".into())
        .anchor(Align2::LEFT_TOP, [6.0, 44.0])
        .show(ctx, |ui| {
            super::panels::frame().inner_margin(3).show(ui, |ui| {
                let (rect, response) =
                    ui.allocate_exact_size(egui::vec2(w as f32, h as f32), Sense::click_and_drag());
                let to_screen = |p: Vec2| {
                    Pos2::new(
                        rect.min.x + (p.x - min.x) / (max.x - min.x) * rect.width(),
                        rect.min.y + (max.y - p.y) / (max.y - min.y) * rect.height(),
                    )
                };
                let painter = ui.painter_at(rect);
                painter.image(
                    texture.id(),
                    rect,
                    Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0)),
                    Color32::WHITE,
                );
                for u in view.state.units.iter() {
                    if let Some(hex) = u.hex() {
                        let side = view.def(u.id).side;
                        let c = egui_color(side_accent(side));
                        painter.circle_filled(to_screen(hex_center(hex)), 1.8, c);
                    }
                }
                let half = Vec2::new(window.width(), window.height()) * 0.5 * scale;
                let c = t.translation.truncate();
                let cam = Rect::from_two_pos(to_screen(c - half), to_screen(c + half));
                painter.rect_stroke(
                    cam,
                    0.0,
                    Stroke::new(1.5, Color32::WHITE),
                    egui::StrokeKind::Middle,
                );
                if let Some(pos) = response
                    .interact_pointer_pos()
                    .filter(|_| response.clicked() || response.dragged())
                {
                    // Minimap pixel → world point: centre the camera there.
                    let x = min.x + (pos.x - rect.min.x) / rect.width() * (max.x - min.x);
                    let y = max.y - (pos.y - rect.min.y) / rect.height() * (max.y - min.y);
                    t.translation.x = x;
                    t.translation.y = y;
                }
            });
        });
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        minimap.run_if(in_state(Screen::Playing).and_then(resource_exists::<Match>)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::builder::TestScenario;

    #[test]
    fn the_minimap_keeps_the_map_aspect_and_colours_land_and_sea() {
        assert_eq!(minimap_size(Vec2::new(380.0, 190.0)), [190, 95]);
        assert_eq!(minimap_size(Vec2::new(10.0, 1000.0)), [8, 190]);
        let t = TestScenario::new(&["..", "cc"]).build();
        let img = terrain_image(&t.scenario);
        let sea = Color32::from_rgb(40, 70, 110);
        let c = t
            .scenario
            .terrain_of(crate::hex::OffsetCoord(0, 1).to_hex())
            .map(|t| t.color)
            .unwrap();
        let clear = Color32::from_rgb(c.0, c.1, c.2);
        let count = |col: Color32| img.pixels.iter().filter(|&&p| p == col).count();
        // Only sea and clear land; the north row is water, the south land.
        assert_eq!(count(sea) + count(clear), img.pixels.len());
        assert!(count(clear) > img.pixels.len() / 4, "{}", count(clear));
        assert_eq!(img.pixels[img.size[0] / 4 + img.size[0] * 2], sea);
        let half = img.pixels.len() / 2;
        let land = |px: &[Color32]| px.iter().filter(|&&p| p == clear).count();
        assert!(land(&img.pixels[half..]) > 2 * land(&img.pixels[..half]));
    }
}
