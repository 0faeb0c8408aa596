//! Headless map rendering on the CPU (tiny-skia, no window or GPU): terrain
//! with relief shading, coastline, rivers, roads, beaches, drop zones, places
//! and objectives, and units as NATO counters, into a PNG.
//!
//! It serves designers (check a generated map), the README, CI artefacts and
//! bug reports. Units come in as plain [`RenderUnit`]s so the caller decides
//! where they are: the scenario setup ([`units_from_setup`]) or a game state.

mod counters;
mod geometry;
mod markers;
pub mod sides;
mod terrain;
mod text;
pub mod vision;

pub use counters::{ALLIED, AXIS};
pub use geometry::Px;

use crate::hex::{HexGrid, OffsetCoord};
use crate::scenario::schema::{Side, UnitSize, UnitSymbol};
use crate::scenario::Scenario;
use std::path::Path;
use tiny_skia::{Color, Pixmap};

/// A unit to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderUnit {
    /// Where it stands.
    pub hex: OffsetCoord,
    /// Its side (counter light/dark and frame).
    pub side: Side,
    /// Its nation (counter colour in normal vision).
    pub nation: String,
    /// NATO symbol from its unit type.
    pub symbol: UnitSymbol,
    /// Size marker.
    pub size: UnitSize,
    /// Steps left.
    pub steps: u32,
    /// Full-strength steps.
    pub max_steps: u32,
    /// Short name (not drawn on small counters; kept for captions).
    pub label: String,
}

/// How to draw.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Pixels between neighbouring hex centres.
    pub scale: f32,
    /// Show only this side's units (`None`: both).
    pub side: Option<Side>,
    /// Title in the top-left corner (`None`: the scenario name).
    pub title: Option<String>,
    /// The colour vision the counters are drawn for.
    pub vision: vision::ColourVision,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self {
            scale: 24.0,
            side: None,
            title: None,
            vision: vision::ColourVision::Normal,
        }
    }
}

/// Rendering failures.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The image would be empty or too big.
    #[error("a {0}×{1} pixel image is out of range (use a scale between 4 and 200)")]
    Size(u32, u32),
    /// The bundled font is unusable.
    #[error("the bundled font cannot be read")]
    Font,
    /// PNG encoding or writing failed.
    #[error("{}: {message}", path.display())]
    Write {
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        message: String,
    },
}

/// Largest image side, in pixels.
const MAX_SIDE: u32 = 16_384;

/// Image size in pixels for a grid at a scale.
#[must_use]
pub fn image_size(grid: HexGrid, scale: f32) -> (u32, u32) {
    Px::new(scale).image_size(grid)
}

/// The units placed on the map at setup, in unit-id order.
#[must_use]
pub fn units_from_setup(s: &Scenario) -> Vec<RenderUnit> {
    s.units
        .iter()
        .filter_map(|u| {
            let hex = OffsetCoord::from_hex(u.setup?);
            Some(RenderUnit {
                hex,
                side: u.side,
                nation: u.nation.clone(),
                symbol: u.kind.symbol,
                size: u.size,
                steps: u.max_steps,
                max_steps: u.max_steps,
                label: u
                    .name
                    .rsplit('/')
                    .next()
                    .unwrap_or(&u.name)
                    .trim()
                    .to_owned(),
            })
        })
        .collect()
}

/// The units on the map in a game state (e.g. a loaded save), in unit-id
/// order, with their current steps.
#[must_use]
pub fn units_from_state(s: &Scenario, units: &[crate::sim::state::UnitState]) -> Vec<RenderUnit> {
    units
        .iter()
        .filter_map(|st| {
            let hex = OffsetCoord::from_hex(st.hex()?);
            let u = s.units.get(st.id as usize)?;
            Some(RenderUnit {
                hex,
                side: u.side,
                nation: u.nation.clone(),
                symbol: u.kind.symbol,
                size: u.size,
                steps: st.steps,
                max_steps: u.max_steps,
                label: short_label(&u.name),
            })
        })
        .collect()
}

/// The last part of a unit name ("1st Inf Div / 16th Inf Regt" → "16th Inf Regt").
fn short_label(name: &str) -> String {
    name.rsplit('/').next().unwrap_or(name).trim().to_owned()
}

/// Draws the scenario's map and the given units.
pub fn render_map(
    s: &Scenario,
    units: &[RenderUnit],
    opts: &RenderOptions,
) -> Result<Pixmap, RenderError> {
    let px = Px::new(opts.scale);
    let (w, h) = px.image_size(s.map.grid);
    if !(4.0..=200.0).contains(&opts.scale) || w > MAX_SIDE || h > MAX_SIDE {
        return Err(RenderError::Size(w, h));
    }
    let mut pm = Pixmap::new(w, h).ok_or(RenderError::Size(w, h))?;
    let text = text::Text::new().ok_or(RenderError::Font)?;
    let sea = s
        .terrain
        .iter()
        .find(|t| t.water)
        .map_or((60, 100, 150), |t| t.color);
    pm.fill(Color::from_rgba8(sea.0, sea.1, sea.2, 255));
    terrain::draw_ground(&mut pm, s, &px);
    terrain::draw_coast(&mut pm, s, &px);
    terrain::draw_rivers(&mut pm, s, &px);
    terrain::draw_roads(&mut pm, s, &px);
    terrain::draw_bridges(&mut pm, s, &px);
    terrain::draw_straits(&mut pm, s, &px);
    let mut placer = text::Placer::default();
    let title = opts.title.clone().unwrap_or_else(|| s.name.clone());
    let tsize = (markers::label_size(&px) * 1.4).max(14.0);
    let (tw, th) = text.measure(&title, tsize);
    placer.block((0.0, 0.0, tw + tsize + 8.0, th + tsize + 8.0));
    markers::draw_drop_zones(&mut pm, s, &px);
    markers::draw_place_symbols(&mut pm, s, &px, &mut placer);
    let shown: Vec<RenderUnit> = units
        .iter()
        .filter(|u| opts.side.is_none_or(|side| u.side == side))
        .cloned()
        .collect();
    counters::draw_units(&mut pm, &shown, &px, &text, &mut placer, opts.vision);
    markers::draw_objectives(&mut pm, s, &px, &text);
    markers::draw_beaches(&mut pm, s, &px, &text, &mut placer);
    markers::draw_place_labels(&mut pm, s, &px, &text, &mut placer);
    markers::draw_title(&mut pm, s, &px, &text, &title);
    Ok(pm)
}

/// Writes a pixmap as PNG.
pub fn save_png(pm: &Pixmap, path: &Path) -> Result<(), RenderError> {
    let err = |message: String| RenderError::Write {
        path: path.to_owned(),
        message,
    };
    let bytes = pm.encode_png().map_err(|e| err(e.to_string()))?;
    std::fs::write(path, bytes).map_err(|e| err(e.to_string()))
}
