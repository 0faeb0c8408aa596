//! The player's view settings: the counter palette for a colour vision, the
//! UI scale (1×–2×, for high-DPI screens), whether End phase asks first when
//! units could still act, and the supply overlay. Chosen on the start screen,
//! by flag (`--colour-blind`, `--ui-scale`) or in the help overlay; nothing
//! here touches the game.

use crate::render::vision::ColourVision;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

/// How the window draws the game.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct ViewSettings {
    /// Counter palette.
    pub vision: ColourVision,
    /// Panels and text scale, and the least counter size, 1.0 to 2.0.
    pub ui_scale: f32,
    /// End phase asks once when units could still move or attack.
    pub ask_end_phase: bool,
    /// The supply overlay is shown (U).
    pub supply_overlay: bool,
}

impl Default for ViewSettings {
    fn default() -> Self {
        Self {
            vision: ColourVision::Normal,
            ui_scale: 1.0,
            ask_end_phase: true,
            supply_overlay: false,
        }
    }
}

/// The egui zoom follows the UI scale.
fn apply_ui_scale(mut contexts: EguiContexts, settings: Res<ViewSettings>) -> Result {
    let ctx = contexts.ctx_mut()?;
    let want = settings.ui_scale.clamp(1.0, 2.0);
    if (ctx.zoom_factor() - want).abs() > 1e-3 {
        ctx.set_zoom_factor(want);
    }
    Ok(())
}

/// The settings' widgets (start screen and help overlay).
pub fn settings_ui(ui: &mut bevy_egui::egui::Ui, settings: &mut ViewSettings) {
    ui.horizontal(|ui| {
        ui.label(bevy_egui::egui::RichText::new("Colour vision").strong());
        for v in ColourVision::ALL {
            ui.radio_value(&mut settings.vision, v, v.name());
        }
    });
    ui.horizontal(|ui| {
        ui.label(bevy_egui::egui::RichText::new("UI scale").strong());
        ui.add(bevy_egui::egui::Slider::new(&mut settings.ui_scale, 1.0..=2.0).step_by(0.25));
        ui.checkbox(
            &mut settings.ask_end_phase,
            "ask before ending a phase with units still able to act",
        );
    });
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ViewSettings>()
        .add_systems(EguiPrimaryContextPass, apply_ui_scale);
}
