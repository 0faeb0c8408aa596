//! Unit counters: NATO-style, in the nation's colour, with the unit-type
//! symbol, size marker, steps left as pips, and attack-defence-move along the
//! bottom. Stacks fan out towards the north-east; an out-of-supply unit gets
//! a red "!" badge (orange "½" on short rations: traced but past its
//! sources' capacity); a unit that has spent its phase is greyed. The sides
//! differ by more than hue (`render::sides`): Allied counters are light with
//! a white frame, Axis counters dark with white ink and cut corners.
//!
//! Levels of detail (`super::detail`): a counter never shrinks below a
//! legible size on screen; zoomed out a hex shows one block in the side's
//! colour with the unit size and the number of units in the stack, close
//! up the full counter.
//!
//! Counters are rebuilt from the game state whenever the game or the
//! selection changes (a few hundred entities: cheap), then the units that
//! just moved slide along their path.

use super::layout::hex_center;
use super::map_view::LABEL_SCALE;
use super::palette::{rgb, Shapes};
use super::selection::Selection;
use super::session::{GameEvents, Match};
use super::settings::ViewSettings;
use super::text::size_marker;
use super::{GameSet, Screen, Z_UNITS};
use crate::command::Event;
use crate::rules::combat::scaled;
use crate::scenario::{schema::UnitSymbol, PhaseSpec, UnitId};
use bevy::prelude::*;

/// Counter edge length in world units (a hex is 60 wide, 52 tall).
pub const COUNTER: f32 = 34.0;

/// The counter of a unit.
#[derive(Component)]
pub struct Counter {
    /// On top of its stack (the one block shown when zoomed out).
    pub(super) top: bool,
    /// The unit.
    pub(super) unit: UnitId,
    /// Its side's index.
    pub(super) side: usize,
    /// Units in its stack.
    pub(super) units: usize,
    /// Centre of its hex.
    pub(super) at: Vec2,
}

/// The stack count on a zoomed-out block (its badge and its number), with
/// the counter it belongs to: far out it counts the blocks joined to it
/// (`super::blocks`).
#[derive(Component)]
pub(super) struct StackCount(pub(super) Entity);

/// The systems that draw counters (labels are placed after them).
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct CountersDrawn;

/// The full counter's parts.
#[derive(Component)]
pub(super) struct DetailPart;

/// The zoomed-out block's parts.
#[derive(Component)]
pub(super) struct BlockPart;

/// A counter sliding along the path it just moved.
#[derive(Component)]
struct Slide {
    points: Vec<Vec2>,
    t: f32,
    z: f32,
    offset: Vec2,
}

fn bar(
    commands: &mut ChildSpawnerCommands,
    color: Color,
    from: Vec2,
    to: Vec2,
    width: f32,
    z: f32,
) {
    let d = to - from;
    commands.spawn((
        Sprite::from_color(color, Vec2::new(d.length(), width)),
        Transform::from_translation(((from + to) * 0.5).extend(z))
            .with_rotation(Quat::from_rotation_z(d.y.atan2(d.x))),
    ));
}

fn text(commands: &mut ChildSpawnerCommands, s: &str, at: Vec2, size: f32, color: Color) {
    commands.spawn((
        Text2d::new(s),
        TextFont::from_font_size(size),
        TextColor(color),
        Transform::from_translation(at.extend(0.05)).with_scale(Vec3::splat(LABEL_SCALE)),
    ));
}

/// The NATO symbol inside a box centred at `c` of size `w`×`h`.
#[allow(clippy::too_many_arguments)]
fn symbol(
    p: &mut ChildSpawnerCommands,
    shapes: &Shapes,
    kind: UnitSymbol,
    c: Vec2,
    w: f32,
    h: f32,
    ink: Color,
    ink_mat: &Handle<ColorMaterial>,
) {
    let (x0, x1, y0, y1) = (c.x - w / 2.0, c.x + w / 2.0, c.y - h / 2.0, c.y + h / 2.0);
    let lw = 1.3;
    for (a, b) in [
        ((x0, y0), (x1, y0)),
        ((x1, y0), (x1, y1)),
        ((x1, y1), (x0, y1)),
        ((x0, y1), (x0, y0)),
    ] {
        bar(p, ink, Vec2::new(a.0, a.1), Vec2::new(b.0, b.1), lw, 0.02);
    }
    let cross = |p: &mut ChildSpawnerCommands| {
        bar(p, ink, Vec2::new(x0, y0), Vec2::new(x1, y1), lw, 0.02);
        bar(p, ink, Vec2::new(x0, y1), Vec2::new(x1, y0), lw, 0.02);
    };
    let oval = |p: &mut ChildSpawnerCommands, scale: Vec2, at: Vec2| {
        p.spawn((
            Mesh2d(shapes.ring.clone()),
            MeshMaterial2d(ink_mat.clone()),
            Transform::from_translation(at.extend(0.03)).with_scale(scale.extend(1.0)),
        ));
    };
    let dot = |p: &mut ChildSpawnerCommands, r: f32, at: Vec2| {
        p.spawn((
            Mesh2d(shapes.circle.clone()),
            MeshMaterial2d(ink_mat.clone()),
            Transform::from_translation(at.extend(0.03)).with_scale(Vec3::splat(r)),
        ));
    };
    match kind {
        UnitSymbol::Infantry => cross(p),
        UnitSymbol::Armour => oval(p, Vec2::new(w * 0.36, h * 0.3), c),
        UnitSymbol::Mechanised => {
            cross(p);
            oval(p, Vec2::new(w * 0.36, h * 0.3), c);
        }
        UnitSymbol::Motorised => {
            cross(p);
            bar(p, ink, Vec2::new(c.x, y0), Vec2::new(c.x, y1), lw, 0.02);
        }
        UnitSymbol::Airborne => {
            cross(p);
            oval(
                p,
                Vec2::new(w * 0.2, h * 0.22),
                Vec2::new(c.x, y0 + h * 0.12),
            );
        }
        UnitSymbol::Commando => {
            cross(p);
            text(p, "C", Vec2::new(c.x, y1 + 0.5), 14.0, ink);
        }
        UnitSymbol::Artillery => dot(p, h * 0.2, c),
        UnitSymbol::Coastal => {
            dot(p, h * 0.18, c + Vec2::new(0.0, h * 0.1));
            bar(
                p,
                ink,
                Vec2::new(x0 + 2.0, y0 + 2.0),
                Vec2::new(x1 - 2.0, y0 + 2.0),
                lw * 0.8,
                0.02,
            );
        }
        UnitSymbol::Headquarters => text(p, "HQ", c, 20.0, ink),
        UnitSymbol::Recon => bar(p, ink, Vec2::new(x0, y0), Vec2::new(x1, y1), lw, 0.02),
    }
}

/// Is the unit done for this phase (nothing left to do with it)?
fn spent(game: &Match, u: UnitId) -> bool {
    let st = game.shown().unit(u);
    let def = game.scenario().unit(u);
    match game.game.phase() {
        PhaseSpec::Movement(s) if s == def.side => st.mp_left == 0 || def.kind.static_unit,
        PhaseSpec::Combat(s) if s == def.side => st.attacked,
        _ => false,
    }
}

/// Where a counter stands in its stack.
struct StackPlace {
    top: bool,
    units: usize,
    hex: Vec2,
}

#[allow(clippy::too_many_arguments)]
fn spawn_counter(
    commands: &mut Commands,
    game: &Match,
    shapes: &Shapes,
    mats: &mut Assets<ColorMaterial>,
    settings: &ViewSettings,
    u: UnitId,
    at: Vec2,
    z: f32,
    selected: bool,
    stack: StackPlace,
) -> Entity {
    let def = game.scenario().unit(u);
    let st = game.shown().unit(u);
    let look = crate::render::sides::counter(&def.nation, def.side, settings.vision);
    let mut body = rgb(look.body);
    if spent(game, u) {
        body = body.mix(&Color::srgb(0.45, 0.45, 0.45), 0.55);
    }
    let outline = if selected {
        Color::srgb(1.0, 0.85, 0.0)
    } else {
        Color::srgb(0.02, 0.02, 0.02)
    };
    let ink = rgb(look.ink);
    let ink_mat = if look.ink.0 > 128 {
        shapes.light.clone()
    } else {
        shapes.black.clone()
    };
    let half = COUNTER / 2.0;
    // Out of supply: isolated ("!", red) or on short rations ("½", orange:
    // traced, but past what its sources could feed).
    let supply_badge = st.supply.out_of_supply.then(|| {
        if st.supply.turns_out == 0 {
            ("½", shapes.orange.clone())
        } else {
            ("!", shapes.red.clone())
        }
    });
    let size = |extra: f32| COUNTER + extra;
    let root = commands
        .spawn((
            Counter {
                top: stack.top,
                unit: u,
                side: def.side.index(),
                units: stack.units,
                at: stack.hex,
            },
            // Axis counters are drawn as cut squares below: no square there.
            Sprite::from_color(
                if look.cut_corners {
                    Color::NONE
                } else {
                    outline
                },
                Vec2::splat(size(if selected { 7.0 } else { 3.0 })),
            ),
            Transform::from_translation(at.extend(z)),
            DespawnOnEnter(Screen::Start),
        ))
        .id();
    commands.entity(root).with_children(|p| {
        if look.cut_corners {
            // Axis: outline, frame and body as squares with cut corners.
            for (colour, edge, dz) in [
                (outline, size(if selected { 7.0 } else { 3.0 }), 0.0),
                (rgb(look.frame), size(1.0), 0.005),
                (body, size(-3.0), 0.01),
            ] {
                p.spawn((
                    Mesh2d(shapes.octagon.clone()),
                    MeshMaterial2d(mats.add(ColorMaterial::from_color(colour))),
                    Transform::from_xyz(0.0, 0.0, dz).with_scale(Vec3::new(
                        edge / 2.0,
                        edge / 2.0,
                        1.0,
                    )),
                ));
            }
        } else {
            // Allied: a white frame round a light square.
            p.spawn((
                Sprite::from_color(rgb(look.frame), Vec2::splat(size(1.0))),
                Transform::from_xyz(0.0, 0.0, 0.005),
            ));
            p.spawn((
                Sprite::from_color(body, Vec2::splat(size(-3.0))),
                Transform::from_xyz(0.0, 0.0, 0.01),
            ));
        }
    });
    commands
        .entity(root)
        .with_children(|p| {
            // The full counter.
            p.spawn((DetailPart, Transform::default(), Visibility::default()))
                .with_children(|p| {
                    symbol(
                        p,
                        shapes,
                        def.kind.symbol,
                        Vec2::new(0.0, 2.0),
                        18.0,
                        11.0,
                        ink,
                        &ink_mat,
                    );
                    text(p, size_marker(def.size), Vec2::new(0.0, 12.0), 16.0, ink);
                    let attack = scaled(def.attack, st.steps, def.max_steps);
                    let defence = scaled(def.defence, st.steps, def.max_steps);
                    text(
                        p,
                        &format!("{attack}-{defence}-{}", def.movement),
                        Vec2::new(0.0, -11.5),
                        22.0,
                        ink,
                    );
                    for i in 0..def.max_steps.min(6) {
                        let c = if i < st.steps {
                            ink
                        } else {
                            ink.with_alpha(0.22)
                        };
                        p.spawn((
                            Sprite::from_color(c, Vec2::splat(2.6)),
                            Transform::from_xyz(-half + 4.5, half - 5.5 - i as f32 * 3.8, 0.03),
                        ));
                    }
                    if let Some((mark, mat)) = &supply_badge {
                        p.spawn((
                            Mesh2d(shapes.circle.clone()),
                            MeshMaterial2d(mat.clone()),
                            Transform::from_xyz(half - 5.0, half - 5.0, 0.04)
                                .with_scale(Vec3::splat(4.6)),
                        ));
                        text(
                            p,
                            mark,
                            Vec2::new(half - 5.0, half - 4.8),
                            18.0,
                            Color::WHITE,
                        );
                    }
                });
            // The zoomed-out block: unit size, units in the hex, supply.
            p.spawn((BlockPart, Transform::default(), Visibility::Hidden))
                .with_children(|p| {
                    text(p, size_marker(def.size), Vec2::new(0.0, -1.0), 30.0, ink);
                    // The stack count (shown when more than one unit;
                    // `apply_look` sets it).
                    let shown = if stack.units > 1 {
                        Visibility::Inherited
                    } else {
                        Visibility::Hidden
                    };
                    p.spawn((
                        StackCount(root),
                        Sprite::from_color(ink, Vec2::splat(15.0)),
                        Transform::from_xyz(half - 5.0, half - 5.0, 0.04),
                        shown,
                    ))
                    .with_children(|p| {
                        p.spawn((
                            StackCount(root),
                            Text2d::new(stack.units.to_string()),
                            TextFont::from_font_size(34.0),
                            TextColor(body),
                            Transform::from_xyz(0.0, 0.5, 0.01)
                                .with_scale(Vec3::splat(LABEL_SCALE)),
                        ));
                    });
                    if let Some((_, mat)) = &supply_badge {
                        p.spawn((
                            Mesh2d(shapes.circle.clone()),
                            MeshMaterial2d(mat.clone()),
                            Transform::from_xyz(-half + 6.0, half - 6.0, 0.04)
                                .with_scale(Vec3::splat(5.5)),
                        ));
                    }
                });
        })
        .id()
}

/// Rebuild every counter from the state; start slides for units that moved.
fn rebuild_counters(
    mut commands: Commands,
    game: Res<Match>,
    sel: Res<Selection>,
    shapes: Res<Shapes>,
    mut mats: ResMut<Assets<ColorMaterial>>,
    old: Query<Entity, With<Counter>>,
    settings: Res<ViewSettings>,
    mut events: MessageReader<GameEvents>,
    mut last: Local<LastPositions>,
) {
    let mut moved: Vec<(UnitId, Vec<crate::hex::OffsetCoord>)> = Vec::new();
    let mut any = false;
    for batch in events.read() {
        any = true;
        for e in &batch.0 {
            match e {
                Event::Moved { unit, path, .. } | Event::Retreated { unit, path } => {
                    moved.push((*unit, path.clone()))
                }
                _ => {}
            }
        }
    }
    if !any && !sel.is_changed() && !game.is_added() && !settings.is_changed() {
        return;
    }
    for e in &old {
        commands.entity(e).despawn();
    }
    let view = game.view();
    let map = &game.scenario().map;
    for i in 0..map.grid.len() {
        let hex = map.grid.hex_at(i);
        let stack = view.units_at(hex);
        if stack.is_empty() {
            continue;
        }
        let n = stack.len() as f32;
        // Selected units go on top of their stack.
        let mut order: Vec<UnitId> = stack.to_vec();
        order.sort_by_key(|u| sel.units.contains(u));
        for (k, &u) in order.iter().enumerate() {
            let offset = Vec2::splat((k as f32 - (n - 1.0) / 2.0) * 4.0);
            let z = Z_UNITS + k as f32 * 0.5;
            let at = hex_center(hex) + offset;
            let e = spawn_counter(
                &mut commands,
                &game,
                &shapes,
                &mut mats,
                &settings,
                u,
                at,
                z,
                sel.units.contains(&u),
                StackPlace {
                    top: k + 1 == order.len(),
                    units: order.len(),
                    hex: hex_center(hex),
                },
            );
            if let Some((_, path)) = moved.iter().rev().find(|(m, _)| *m == u) {
                // Slide from where the counter stood at the last rebuild.
                let start = last.0.get(u as usize).copied().flatten();
                let points: Vec<Vec2> = start
                    .into_iter()
                    .chain(path.iter().copied())
                    .map(super::layout::offset_center)
                    .collect();
                if points.len() > 1 {
                    commands.entity(e).insert(Slide {
                        points,
                        t: 0.0,
                        z,
                        offset,
                    });
                }
            }
        }
    }
    // From the shown state: a slide never starts on a hex the side did not
    // see, and the enemy-turn replay slides from the step before.
    last.0 = game
        .shown()
        .units
        .iter()
        .map(|u| u.hex().map(crate::hex::OffsetCoord::from_hex))
        .collect();
}

/// Where each unit stood at the last rebuild (start of its slide).
#[derive(Default)]
struct LastPositions(Vec<Option<crate::hex::OffsetCoord>>);

/// Advance sliding counters (5 hexes a second).
fn slide(
    mut commands: Commands,
    time: Res<Time>,
    mut q: Query<(Entity, &mut Slide, &mut Transform)>,
) {
    for (e, mut s, mut t) in &mut q {
        s.t += time.delta_secs() * 5.0;
        let last = (s.points.len() - 1) as f32;
        if s.t >= last {
            let end = s.points[s.points.len() - 1] + s.offset;
            t.translation = end.extend(s.z);
            commands.entity(e).remove::<Slide>();
            continue;
        }
        let i = s.t.floor() as usize;
        let f = s.t - i as f32;
        let p = s.points[i].lerp(s.points[i + 1], f) + s.offset;
        t.translation = p.extend(s.z + 5.0);
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (rebuild_counters, slide, super::detail::apply_look)
            .chain()
            .in_set(GameSet::View)
            .in_set(CountersDrawn)
            .run_if(
                in_state(Screen::Playing)
                    .or_else(in_state(Screen::GameOver))
                    .and_then(resource_exists::<Match>),
            ),
    );
}
