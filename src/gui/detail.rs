//! Levels of detail: a counter never shrinks below [`MIN_COUNTER_PX`] on
//! screen (× the UI scale); below [`DETAIL_PX`] a hex shows one block in
//! the side's colour with the unit size and the number of units in the
//! stack (far out, a side's overlapping blocks join: `super::blocks`), from
//! there on the full counter (`super::units`).

use super::camera::MapCamera;
use super::settings::ViewSettings;
use super::units::{BlockPart, Counter, DetailPart, StackCount, COUNTER};
use crate::scenario::UnitId;
use bevy::prelude::*;

/// Least on-screen size of a counter in logical pixels (× the UI scale):
/// the block's size marker and stack count stay about 11 px high.
pub const MIN_COUNTER_PX: f32 = 30.0;
/// From this on-screen size (× the UI scale) the full counter is drawn: its
/// ratings are then about 12 px high.
pub const DETAIL_PX: f32 = 46.0;

/// How counters are drawn at a zoom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CounterLook {
    /// Scale of each counter (≥ 1: enlarged so it stays legible).
    pub scale: f32,
    /// The full counter (else one block per hex).
    pub detail: bool,
}

/// The look of counters at a camera scale (world units per pixel).
#[must_use]
pub fn counter_look(camera_scale: f32, ui_scale: f32) -> CounterLook {
    let on_screen = COUNTER / camera_scale.max(1e-3);
    CounterLook {
        scale: (MIN_COUNTER_PX * ui_scale / on_screen).max(1.0),
        detail: on_screen >= DETAIL_PX * ui_scale,
    }
}

/// A counter's edge on screen, in logical pixels.
#[must_use]
pub fn counter_px(camera_scale: f32, ui_scale: f32) -> f32 {
    COUNTER * counter_look(camera_scale, ui_scale).scale / camera_scale.max(1e-3)
}

/// The camera scale at which counters open: just inside the full detail.
#[must_use]
pub fn legible_scale(ui_scale: f32) -> f32 {
    COUNTER / (DETAIL_PX * ui_scale * 1.1)
}

/// Counters keep their least size and switch detail with the zoom; far
/// out, blocks that would cover each other join (`super::blocks`).
pub(super) fn apply_look(
    camera: Single<&Projection, With<MapCamera>>,
    settings: Res<ViewSettings>,
    mut counters: Query<(Entity, &Counter, &mut Transform, &mut Visibility)>,
    mut details: Query<&mut Visibility, (With<DetailPart>, Without<Counter>, Without<BlockPart>)>,
    mut blocks: Query<&mut Visibility, (With<BlockPart>, Without<Counter>, Without<DetailPart>)>,
    mut badges: Query<
        (&StackCount, &mut Visibility),
        (
            With<Sprite>,
            Without<Counter>,
            Without<DetailPart>,
            Without<BlockPart>,
        ),
    >,
    mut numbers: Query<(&StackCount, &mut Text2d)>,
) {
    let Projection::Orthographic(o) = *camera else {
        return;
    };
    let look = counter_look(o.scale, settings.ui_scale);
    let shown = |on: bool| {
        if on {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        }
    };
    // Far out: which top blocks are drawn and what each counts.
    let mut tops: Vec<(Entity, UnitId, super::blocks::Block)> = counters
        .iter()
        .filter(|(_, c, _, _)| c.top)
        .map(|(e, c, _, _)| {
            let b = super::blocks::Block {
                at: c.at,
                side: c.side,
                units: c.units,
            };
            (e, c.unit, b)
        })
        .collect();
    tops.sort_by_key(|(_, u, b)| (std::cmp::Reverse(b.units), *u));
    let far: Vec<super::blocks::Block> = tops.iter().map(|t| t.2).collect();
    let (stands_for, counts) = super::blocks::join(&far, COUNTER * look.scale);
    let count_of = |e: Entity| -> Option<usize> {
        let i = tops.iter().position(|t| t.0 == e)?;
        Some(if stands_for[i] == i { counts[i] } else { 0 })
    };
    for (e, c, mut t, mut v) in &mut counters {
        if t.scale.x != look.scale {
            t.scale = Vec3::new(look.scale, look.scale, 1.0);
        }
        let drawn = look.detail || (c.top && count_of(e).is_some_and(|n| n > 0));
        v.set_if_neq(shown(drawn));
    }
    for mut v in &mut details {
        v.set_if_neq(shown(look.detail));
    }
    for mut v in &mut blocks {
        v.set_if_neq(shown(!look.detail));
    }
    for (s, mut v) in &mut badges {
        v.set_if_neq(shown(count_of(s.0).is_some_and(|n| n > 1)));
    }
    for (s, mut text) in &mut numbers {
        let n = count_of(s.0).unwrap_or(0).to_string();
        if text.0 != n {
            text.0 = n;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_never_shrink_below_the_least_size() {
        for scale in [0.2, 0.5, 1.0, 2.0, 5.0, 8.0] {
            for ui in [1.0, 1.5, 2.0] {
                let px = counter_px(scale, ui);
                assert!(
                    px >= MIN_COUNTER_PX * ui - 1e-3,
                    "scale {scale} ui {ui}: {px} px"
                );
            }
        }
        // Close up a counter is its natural size: 34 px at scale 1.
        assert_eq!(counter_px(1.0, 1.0), COUNTER);
        assert_eq!(counter_look(1.0, 1.0).scale, 1.0);
    }

    #[test]
    fn far_away_counters_become_blocks_near_ones_full_counters() {
        assert!(!counter_look(4.0, 1.0).detail);
        assert!(counter_look(0.5, 1.0).detail);
        // The opening zoom is just inside full detail, at every UI scale.
        for ui in [1.0, 1.25, 2.0] {
            let s = legible_scale(ui);
            assert!(counter_look(s, ui).detail);
            assert!(!counter_look(s * 1.2, ui).detail);
        }
        // A larger UI scale switches to blocks sooner.
        assert!(counter_look(0.7, 1.0).detail);
        assert!(!counter_look(0.7, 2.0).detail);
    }
}
