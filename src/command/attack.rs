//! Applying an attack: roll, losses, retreats, advance.

use super::{take_control, Event};
use crate::hex::{Hex, OffsetCoord};
use crate::rules::{combat, entering, retreat, stacking, GameView};
use crate::scenario::{Scenario, UnitId};
use crate::sim::state::{State, Status};

/// Resolve a validated attack on `target`.
pub fn apply(
    scenario: &Scenario,
    state: &mut State,
    attackers: &[UnitId],
    target: OffsetCoord,
    support: &combat::Support,
    advance: bool,
) -> Vec<Event> {
    let mut events = Vec::new();
    let hex = target.to_hex();
    let (odds, defenders, attackers_at) = {
        state.sync_index(scenario);
        let view = GameView::new(scenario, state);
        let Ok(odds) = combat::odds(&view, attackers, hex, support, false) else {
            return events;
        };
        let side = scenario.unit(attackers[0]).side;
        let defenders: Vec<UnitId> = view
            .units_at(hex)
            .iter()
            .copied()
            .filter(|&u| scenario.unit(u).side != side)
            .collect();
        let at: Vec<_> = attackers
            .iter()
            .filter_map(|&a| view.unit(a).hex())
            .collect();
        (odds, defenders, at)
    };
    let side = scenario.unit(attackers[0]).side;
    let (face, result) = combat::roll(&odds, &mut state.rng);
    state.draws += 1;
    events.push(Event::Combat {
        attackers: attackers.to_vec(),
        target,
        column: odds.column_label.clone(),
        die: face,
        result,
    });
    // Spend support and mark who has acted.
    let pool = &mut state.support[side.index()];
    pool.naval -= support.naval.min(pool.naval);
    pool.air -= support.air.min(pool.air);
    for &u in attackers.iter().chain(&support.artillery) {
        state.units[u as usize].attacked = true;
    }
    let defender_steps: u32 = defenders
        .iter()
        .map(|&d| state.units[d as usize].steps)
        .sum();
    let attacker_steps: u32 = attackers
        .iter()
        .map(|&a| state.units[a as usize].steps)
        .sum();
    let (a_loss, d_loss) = combat::losses_of(&result, attacker_steps, defender_steps);
    inflict(scenario, state, attackers, a_loss, "combat", &mut events);
    inflict(scenario, state, &defenders, d_loss, "combat", &mut events);
    if result.retreat > 0 {
        retreat_defenders(
            scenario,
            state,
            &defenders,
            result.retreat,
            &attackers_at,
            &mut events,
        );
    }
    let vacated = defenders
        .iter()
        .all(|&d| state.units[d as usize].hex() != Some(hex));
    if vacated && advance && scenario.rules.advance_after_combat {
        advance_into(scenario, state, attackers, hex, &mut events);
    }
    events
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

/// Take `steps` steps from `units` (strongest first); eliminate units at 0.
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
        .filter(|&u| state.units[u as usize].status == Status::OnMap)
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
