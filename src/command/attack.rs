//! Applying an attack: roll, losses, retreats, advance.

use super::{take_control, Event};
use crate::hex::{Hex, OffsetCoord};
use crate::rules::{combat, entering, retreat, stacking, GameView};
use crate::scenario::{Scenario, UnitId};
use crate::sim::state::{State, Status};

/// How a fight's die is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Die {
    /// Drawn from the state's generator: every real fight.
    Roll,
    /// This face, the generator untouched: the computer's look-ahead
    /// weighing each face of the exact distribution on a copy of its view
    /// (`crate::ai::lookahead`), through the same resolver.
    Face(u32),
}

/// Resolve a validated attack on `target`: the one resolver ([`resolve`]),
/// then the advance.
pub fn apply(
    scenario: &Scenario,
    state: &mut State,
    attackers: &[UnitId],
    target: OffsetCoord,
    support: &combat::Support,
    advance: bool,
) -> Vec<Event> {
    apply_with(
        scenario,
        state,
        attackers,
        target,
        support,
        advance,
        Die::Roll,
    )
}

/// [`apply`] with the die read as `die` says (the look-ahead's `Die::Face`).
pub fn apply_with(
    scenario: &Scenario,
    state: &mut State,
    attackers: &[UnitId],
    target: OffsetCoord,
    support: &combat::Support,
    advance: bool,
    die: Die,
) -> Vec<Event> {
    let mut events = Vec::new();
    let hex = target.to_hex();
    let attackers_at: Vec<Hex> = attackers
        .iter()
        .filter_map(|&a| state.units[a as usize].hex())
        .collect();
    let fight = Fight {
        attackers,
        target: hex,
        support,
        assault: false,
        retreat_from: &attackers_at,
    };
    let cleared = resolve_with(scenario, state, &fight, die, &mut events);
    if cleared == Some(true) && advance && scenario.rules.advance_after_combat {
        advance_into(scenario, state, attackers, hex, &mut events);
    }
    events
}

/// One combat, of any kind.
pub struct Fight<'a> {
    /// The attacking units (on the map, or at sea for an assault).
    pub attackers: &'a [UnitId],
    /// The defenders' hex.
    pub target: Hex,
    /// Support committed (naval and air points, artillery).
    pub support: &'a combat::Support,
    /// An assault from the sea (`combat::odds`' `assault`).
    pub assault: bool,
    /// The hexes the defenders retreat away from.
    pub retreat_from: &'a [Hex],
}

/// The one resolver for every combat, land attack or assault from the sea:
/// the odds from `combat::odds` (what the preview shows), one die drawn from
/// exactly that distribution, the support spent, the losses read by
/// `combat::losses_of` and dealt by [`inflict`] (a unit still at sea takes
/// them too), the defenders' retreat. Units that attack on land have acted
/// for the phase. Returns whether no defender is left in the hex, or `None`
/// (nothing happens) if the rules refuse the combat.
pub fn resolve(
    scenario: &Scenario,
    state: &mut State,
    fight: &Fight,
    events: &mut Vec<Event>,
) -> Option<bool> {
    resolve_with(scenario, state, fight, Die::Roll, events)
}

/// [`resolve`] with the die read as `die` says.
pub fn resolve_with(
    scenario: &Scenario,
    state: &mut State,
    fight: &Fight,
    die: Die,
    events: &mut Vec<Event>,
) -> Option<bool> {
    let Fight {
        attackers,
        target: hex,
        support,
        assault,
        retreat_from,
    } = *fight;
    let (odds, defenders) = {
        state.sync_index(scenario);
        let view = GameView::new(scenario, state);
        let odds = combat::odds(&view, attackers, hex, support, assault).ok()?;
        let side = scenario.unit(attackers[0]).side;
        let defenders: Vec<UnitId> = view
            .units_at(hex)
            .iter()
            .copied()
            .filter(|&u| scenario.unit(u).side != side)
            .collect();
        (odds, defenders)
    };
    let side = scenario.unit(attackers[0]).side;
    // Support is spent whatever the die says.
    let pool = &mut state.support[side.index()];
    pool.naval -= support.naval.min(pool.naval);
    pool.air -= support.air.min(pool.air);
    if !assault {
        for &u in attackers.iter().chain(&support.artillery) {
            state.units[u as usize].attacked = true;
        }
    }
    for &u in attackers.iter().chain(&support.artillery).chain(&defenders) {
        state.units[u as usize].fought = true;
    }
    let (face, result) = match die {
        Die::Roll => combat::roll(&odds, &mut state.rng),
        Die::Face(f) => (
            f,
            odds.per_face
                .get((f as usize).wrapping_sub(1))
                .copied()
                .unwrap_or_default(),
        ),
    };
    state.draws += 1;
    events.push(Event::Combat {
        attackers: attackers.to_vec(),
        target: OffsetCoord::from_hex(hex),
        column: odds.column_label.clone(),
        die: face,
        result,
    });
    let steps = |state: &State, units: &[UnitId]| -> u32 {
        units.iter().map(|&u| state.units[u as usize].steps).sum()
    };
    let (a_loss, d_loss) =
        combat::losses_of(&result, steps(state, attackers), steps(state, &defenders));
    let cause = if assault { "beach assault" } else { "combat" };
    inflict(scenario, state, attackers, a_loss, cause, events);
    inflict(scenario, state, &defenders, d_loss, cause, events);
    if result.retreat > 0 {
        retreat_defenders(
            scenario,
            state,
            &defenders,
            result.retreat,
            retreat_from,
            events,
        );
    }
    Some(
        defenders
            .iter()
            .all(|&d| state.units[d as usize].hex() != Some(hex)),
    )
}

/// The first attacker (in the order listed) that may enter the vacated
/// `hex` by the rules (`entering::can_enter` with `How::Advance`: not static,
/// not across the strait, terrain its class can enter, a bridge for vehicles
/// over a major river) and has stacking room there advances into it.
fn advance_into(
    scenario: &Scenario,
    state: &mut State,
    attackers: &[UnitId],
    hex: Hex,
    events: &mut Vec<Event>,
) {
    let who = {
        state.sync_index(scenario);
        let view = GameView::new(scenario, state);
        attackers.iter().copied().find(|&a| {
            view.unit(a).hex().is_some_and(|from| {
                entering::can_enter(&view, a, from, hex, entering::How::Advance).is_ok()
                    && stacking::check_entry(&view, a, hex).is_ok()
            })
        })
    };
    let Some(unit) = who else { return };
    let target = OffsetCoord::from_hex(hex);
    let u = &mut state.units[unit as usize];
    u.at = Some(target);
    u.entered_turn = state.turn;
    events.push(Event::Advanced { unit, to: target });
    take_control(scenario, state, target, scenario.unit(unit).side, events);
}

/// Retreat each surviving defender `hexes` hexes away from `attackers_at`;
/// a unit with no legal route, or a static unit (coastal batteries,
/// garrisons), loses `blocked_retreat_steps` instead. Used by attacks and by
/// assaults from the sea.
pub fn retreat_defenders(
    scenario: &Scenario,
    state: &mut State,
    defenders: &[UnitId],
    hexes: u32,
    attackers_at: &[crate::hex::Hex],
    events: &mut Vec<Event>,
) {
    for &d in defenders {
        if state.units[d as usize].status != Status::OnMap {
            continue;
        }
        let route = {
            state.sync_index(scenario);
            let view = GameView::new(scenario, state);
            retreat::retreat_route(&view, d, hexes, attackers_at)
        };
        match route {
            Some(path) => {
                let u = &mut state.units[d as usize];
                u.at = path.last().map(|h| OffsetCoord::from_hex(*h));
                u.entered_turn = state.turn;
                events.push(Event::Retreated {
                    unit: d,
                    path: path.into_iter().map(OffsetCoord::from_hex).collect(),
                });
            }
            None => {
                events.push(Event::RetreatBlocked { unit: d });
                let extra = scenario.rules.blocked_retreat_steps;
                inflict(scenario, state, &[d], extra, "blocked retreat", events);
            }
        }
    }
}

/// Take `steps` steps from `units` on the map or still at sea (strongest
/// first); eliminate units at 0.
pub fn inflict(
    scenario: &Scenario,
    state: &mut State,
    units: &[UnitId],
    steps: u32,
    cause: &str,
    events: &mut Vec<Event>,
) {
    if steps == 0 {
        return;
    }
    let alive: Vec<UnitId> = units
        .iter()
        .copied()
        .filter(|&u| {
            matches!(
                state.units[u as usize].status,
                Status::OnMap | Status::Pending
            )
        })
        .collect();
    let losses = {
        state.sync_index(scenario);
        let view = GameView::new(scenario, state);
        combat::allocate_losses(&view, &alive, steps)
    };
    let step_vp = i64::from(scenario.victory.eliminated_step_vp);
    for (u, n) in losses {
        // Every step lost scores for the enemy (`victory.eliminated_step_vp`).
        let enemy = scenario.unit(u).side.enemy();
        state.vp[enemy.index()] += step_vp * i64::from(n);
        let s = &mut state.units[u as usize];
        s.steps -= n;
        events.push(Event::StepLost {
            unit: u,
            steps: n,
            left: s.steps,
            cause: cause.into(),
        });
        if s.steps == 0 {
            s.status = Status::Eliminated;
            s.at = None;
            events.push(Event::Eliminated { unit: u });
        }
    }
}

#[cfg(test)]
#[path = "attack_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "support_tests.rs"]
mod support_tests;
