//! Map names that never collide: place, beach and drop-zone names are placed
//! on screen each time the zoom, the counters or the hovered hex change, in
//! priority order (cities, ports, beaches, towns, drop zones, airfields,
//! landmarks), each at the first of a few spots around its hex (its usual
//! spot, then below, above, right, left) that overlaps neither a name
//! already placed nor a counter. A name with no free spot is hidden until
//! the pointer is on its hex.

use super::camera::{MapCamera, Pointer};
use super::detail::counter_look;
use super::layout::{hex_center, HEX_RADIUS};
use super::map_view::LABEL_SCALE;
use super::session::Match;
use super::settings::ViewSettings;
use super::units::{Counter, COUNTER};
use super::{GameSet, Screen, Z_LABELS};
use crate::hex::Hex;
use bevy::prelude::*;

/// A name on the map and where it belongs.
#[derive(Component, Debug, Clone)]
pub struct PlaceLabel {
    /// The hex it names.
    pub hex: Hex,
    /// Its usual spot, relative to the hex centre (world units).
    pub offset: Vec2,
    /// 0 = most important (placed first, dropped last).
    pub priority: u8,
    /// Font size (rasterised; shown at `LABEL_SCALE` × the zoom factor).
    pub font: f32,
    /// Characters in the name.
    pub chars: usize,
}

/// A label to place: its hex centre, usual spot, size and priority.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelBox {
    /// Centre of the hex it names.
    pub anchor: Vec2,
    /// Its usual spot relative to `anchor`.
    pub offset: Vec2,
    /// Width and height.
    pub size: Vec2,
    /// 0 = most important.
    pub priority: u8,
}

/// Where each label goes (its centre), or `None` where no spot is free.
/// Labels are placed by priority, then in the given order.
#[must_use]
pub fn place_labels(labels: &[LabelBox], obstacles: &[Rect]) -> Vec<Option<Vec2>> {
    let mut order: Vec<usize> = (0..labels.len()).collect();
    order.sort_by_key(|&i| (labels[i].priority, i));
    let mut placed: Vec<Rect> = Vec::with_capacity(labels.len());
    let mut out = vec![None; labels.len()];
    for i in order {
        let l = &labels[i];
        let (w, h) = (l.size.x, l.size.y);
        let gap = HEX_RADIUS * 0.5;
        let spots = [
            l.anchor + l.offset,
            l.anchor + Vec2::new(0.0, -(gap + h / 2.0)),
            l.anchor + Vec2::new(0.0, gap + h / 2.0),
            l.anchor + Vec2::new(gap + w / 2.0, 0.0),
            l.anchor - Vec2::new(gap + w / 2.0, 0.0),
        ];
        let free = |r: &Rect| {
            placed
                .iter()
                .chain(obstacles)
                .all(|o| o.intersect(*r).is_empty())
        };
        if let Some(c) = spots
            .into_iter()
            .find(|&c| free(&Rect::from_center_size(c, l.size)))
        {
            placed.push(Rect::from_center_size(c, l.size));
            out[i] = Some(c);
        }
    }
    out
}

/// World scale of map text at a camera scale: the same size on screen
/// (a 24-point name about 10 px high) from the opening zoom outwards, so
/// names stay legible and fewer fit (the least important are dropped);
/// growing when zoomed in closer.
#[must_use]
pub fn label_scale(camera_scale: f32) -> f32 {
    LABEL_SCALE * camera_scale.clamp(0.8, 10.0)
}

/// World size of a label's text at a label scale `k`: about 0.55 em a
/// character (the default font), 1.2 em high, plus a little margin.
fn text_size(font: f32, chars: usize, k: f32) -> Vec2 {
    Vec2::new(chars as f32 * font * 0.55 + font * 0.4, font * 1.2) * k
}

#[allow(clippy::too_many_arguments)]
fn arrange_labels(
    camera: Single<&Projection, With<MapCamera>>,
    game: Res<Match>,
    settings: Res<ViewSettings>,
    pointer: Res<Pointer>,
    counters: Query<(), Added<Counter>>,
    added: Query<(), Added<PlaceLabel>>,
    mut labels: Query<(&PlaceLabel, &mut Transform, &mut Visibility)>,
    mut last: Local<(f32, Option<Hex>)>,
) {
    let Projection::Orthographic(o) = *camera else {
        return;
    };
    let now = (o.scale, pointer.hex);
    if now == *last
        && counters.is_empty()
        && added.is_empty()
        && !game.is_changed()
        && !settings.is_changed()
    {
        return;
    }
    *last = now;
    let k = label_scale(o.scale);
    // Counters are obstacles: one square per occupied hex, as drawn.
    let side = COUNTER * counter_look(o.scale, settings.ui_scale).scale + 8.0;
    let view = game.view();
    let mut hexes: Vec<Hex> = view.state.units.iter().filter_map(|u| u.hex()).collect();
    hexes.sort_unstable_by_key(|h| (h.x, h.y));
    hexes.dedup();
    let obstacles: Vec<Rect> = hexes
        .iter()
        .map(|&h| Rect::from_center_size(hex_center(h), Vec2::splat(side)))
        .collect();
    let boxes: Vec<LabelBox> = labels
        .iter()
        .map(|(l, _, _)| LabelBox {
            anchor: hex_center(l.hex),
            offset: l.offset,
            size: text_size(l.font, l.chars, k),
            priority: l.priority,
        })
        .collect();
    let spots = place_labels(&boxes, &obstacles);
    for ((l, mut t, mut v), spot) in labels.iter_mut().zip(spots) {
        let hovered = pointer.hex == Some(l.hex);
        let at = spot.unwrap_or(hex_center(l.hex) + l.offset);
        // A hovered name comes on top of everything, even a counter.
        let z = if hovered { Z_LABELS + 8.0 } else { Z_LABELS };
        t.translation = at.extend(z);
        t.scale = Vec3::splat(k);
        v.set_if_neq(if spot.is_some() || hovered {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        });
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        arrange_labels
            .in_set(GameSet::View)
            .after(super::units::CountersDrawn)
            .run_if(
                in_state(Screen::Playing)
                    .or_else(in_state(Screen::GameOver))
                    .and_then(resource_exists::<Match>),
            ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(anchor: (f32, f32), w: f32, priority: u8) -> LabelBox {
        LabelBox {
            anchor: Vec2::new(anchor.0, anchor.1),
            offset: Vec2::new(0.0, -18.0),
            size: Vec2::new(w, 10.0),
            priority,
        }
    }

    #[test]
    fn two_names_on_one_spot_the_lesser_moves_aside() {
        // "Farello airfield" (priority 5) and a drop zone (4) on
        // neighbouring hexes whose usual spots overlap.
        let labels = [label((0.0, 0.0), 80.0, 5), label((20.0, 0.0), 80.0, 4)];
        let spots = place_labels(&labels, &[]);
        assert_eq!(
            spots[1],
            Some(Vec2::new(20.0, -18.0)),
            "more important keeps its spot"
        );
        let a = spots[0].expect("placed elsewhere");
        assert_ne!(a, Vec2::new(0.0, -18.0));
        let (ra, rb) = (
            Rect::from_center_size(a, labels[0].size),
            Rect::from_center_size(spots[1].unwrap(), labels[1].size),
        );
        assert!(ra.intersect(rb).is_empty());
    }

    #[test]
    fn a_name_under_a_counter_moves_off_it() {
        let counter = Rect::from_center_size(Vec2::new(0.0, -18.0), Vec2::splat(40.0));
        let spots = place_labels(&[label((0.0, 0.0), 30.0, 0)], &[counter]);
        let at = spots[0].expect("a free spot");
        assert!(Rect::from_center_size(at, Vec2::new(30.0, 10.0))
            .intersect(counter)
            .is_empty());
    }

    #[test]
    fn a_name_with_no_room_is_dropped_and_the_most_important_stays() {
        let wall = Rect::from_center_size(Vec2::ZERO, Vec2::splat(1000.0));
        let hole = [label((0.0, 0.0), 30.0, 0)];
        assert_eq!(place_labels(&hole, &[wall]), vec![None]);
        // Five names on one hex: the spots run out, the least important go.
        let crowd: Vec<LabelBox> = (0..8).map(|p| label((0.0, 0.0), 60.0, p)).collect();
        let spots = place_labels(&crowd, &[]);
        assert!(spots[0].is_some() && spots[1].is_some());
        assert!(spots[7].is_none());
    }

    #[test]
    fn no_two_placed_names_ever_overlap() {
        // A dense field of names and counters.
        let labels: Vec<LabelBox> = (0..60)
            .map(|i| {
                let (x, y) = ((i % 10) as f32 * 45.0, (i / 10) as f32 * 40.0);
                label((x, y), 40.0 + (i % 4) as f32 * 20.0, (i % 7) as u8)
            })
            .collect();
        let obstacles: Vec<Rect> = (0..20)
            .map(|i| Rect::from_center_size(Vec2::new(i as f32 * 25.0, 60.0), Vec2::splat(30.0)))
            .collect();
        let spots = place_labels(&labels, &obstacles);
        let rects: Vec<Rect> = spots
            .iter()
            .zip(&labels)
            .filter_map(|(s, l)| s.map(|c| Rect::from_center_size(c, l.size)))
            .collect();
        assert!(rects.len() > 20, "most names find room: {}", rects.len());
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                assert!(a.intersect(*b).is_empty());
            }
            for o in &obstacles {
                assert!(a.intersect(*o).is_empty());
            }
        }
    }
}
