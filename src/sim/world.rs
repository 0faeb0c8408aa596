//! The game state as a Bevy ECS world: each unit is an entity with its
//! [`UnitKey`] and [`UnitComponent`]; turn, control, scores and the RNG are
//! resources. `Game` writes the world after every command; systems and the GUI
//! read it. Order never depends on query iteration: [`UnitEntities`] maps unit
//! ids to entities.

use super::state::{State, UnitState};
use crate::scenario::{Side, UnitId};
use bevy_ecs::prelude::*;
use rand_chacha::ChaCha8Rng;

/// The stable id of the unit an entity stands for.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitKey(pub UnitId);

/// The dynamic state of a unit.
#[derive(Component, Debug, Clone, PartialEq, Eq)]
pub struct UnitComponent(pub UnitState);

/// Entities by unit id.
#[derive(Resource, Debug, Default)]
pub struct UnitEntities(pub Vec<Entity>);

/// Turn and phase.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// Turn, 1-based.
    pub turn: u32,
    /// Phase index.
    pub phase: u32,
}

/// Who holds each place.
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct Control(pub Vec<Side>);

/// Victory points and evacuated steps.
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct Scores {
    /// VP `[allied, axis]`.
    pub vp: [i64; 2],
    /// Axis steps evacuated.
    pub evacuated_steps: u32,
}

/// The game's one RNG.
#[derive(Resource, Debug, Clone)]
pub struct GameRng(pub ChaCha8Rng);

/// Spawn the world's entities and resources from a state.
pub fn spawn(world: &mut World, state: &State) {
    let entities = state
        .units
        .iter()
        .map(|u| world.spawn((UnitKey(u.id), UnitComponent(u.clone()))).id())
        .collect();
    world.insert_resource(UnitEntities(entities));
    write_resources(world, state);
}

/// Write a state into an existing world: the units in `changed` (all of
/// them if `None`) and the resources. Returns the units that differed, with
/// their values from before (what undo needs to put back). Touching only the
/// changed units keeps a command's cost independent of the number of units
/// (`docs/performance.md`).
pub fn write(
    world: &mut World,
    state: &State,
    changed: Option<&[UnitId]>,
) -> Vec<(UnitId, UnitState)> {
    let entities = std::mem::take(&mut world.resource_mut::<UnitEntities>().0);
    let mut before = Vec::new();
    let mut put = |id: UnitId| {
        let u = &state.units[id as usize];
        if let Some(mut c) = entities
            .get(id as usize)
            .and_then(|&e| world.get_mut::<UnitComponent>(e))
        {
            if c.0 != *u {
                before.push((id, std::mem::replace(&mut c.0, u.clone())));
            }
        }
    };
    match changed {
        Some(ids) => ids.iter().for_each(|&id| put(id)),
        None => state.units.iter().for_each(|u| put(u.id)),
    }
    world.resource_mut::<UnitEntities>().0 = entities;
    write_resources(world, state);
    before
}

fn write_resources(world: &mut World, state: &State) {
    world.insert_resource(Clock {
        turn: state.turn,
        phase: state.phase,
    });
    // Control is per place: copied only when it changed.
    match world.get_resource_mut::<Control>() {
        Some(c) if c.0 == state.control => {}
        Some(mut c) => c.0.clone_from(&state.control),
        None => world.insert_resource(Control(state.control.clone())),
    }
    world.insert_resource(Scores {
        vp: state.vp,
        evacuated_steps: state.evacuated_steps,
    });
    world.insert_resource(GameRng(state.rng.clone()));
}

/// Read the units back from the world, in id order.
#[must_use]
pub fn read_units(world: &World) -> Vec<UnitState> {
    world
        .resource::<UnitEntities>()
        .0
        .iter()
        .filter_map(|&e| world.get::<UnitComponent>(e).map(|c| c.0.clone()))
        .collect()
}
