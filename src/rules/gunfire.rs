//! Naval gunfire for the landings: the plan a side makes for the beach
//! assaults of its next arrivals phase, and the forecast of those assaults.
//!
//! **Without a plan** (headless runs and players that never choose, and
//! every game recorded before plans existed) the fire is automatic
//! (`amphibious::assault_support`): each assault, in unit-id order, fires as
//! many of the side's points as are left, up to `support.max_per_attack`.
//!
//! **With a plan** (`Command::AllotGunfire { beach, points }`, one command a
//! beach, in any player phase of the side before its arrivals phase) each
//! beach has the points allotted to it: the assaults over it, in unit-id
//! order, fire what is left of its allotment, up to `max_per_attack` and
//! the side's pool; a beach with no allotment gets none. Allotting sets a
//! beach's figure (0 takes a beach out of the plan's fire); the total may
//! not exceed the points the side will have at its next arrivals phase
//! ([`points_at_next_arrivals`]). The plan is part of the state (hashed,
//! saved, undone), hidden from the enemy, and used up by the arrivals
//! phase, which clears it.
//!
//! [`forecast`] shows the player, before the landings, the odds of each
//! assault due at the next arrivals phase: `amphibious::assault_odds` (the
//! odds the resolver draws from) on the beaches as they stand now, with the
//! pool the side will have then and the plan, points spent landing by
//! landing in unit-id order as the arrivals phase spends them.

use super::{amphibious, combat, GameView, Rejection, RejectionKind};
use crate::hex::Hex;
use crate::scenario::{Entry, PhaseSpec, Scenario, Side, UnitId};
use crate::sim::state::{State, Status};

/// The turn of `side`'s next arrivals phase (this turn's if it is still to
/// come), or `None` if the scenario gives the side none.
#[must_use]
pub fn next_arrivals_turn(scenario: &Scenario, state: &State, side: Side) -> Option<u32> {
    let at = scenario
        .phases
        .iter()
        .position(|&p| p == PhaseSpec::Arrivals(side))?;
    Some(if at > state.phase as usize {
        state.turn
    } else {
        state.turn + 1
    })
}

/// The naval points `side` will have in its next arrivals phase: what is
/// left now if it comes this turn, else the next turn's allowance.
#[must_use]
pub fn points_at_next_arrivals(scenario: &Scenario, state: &State, side: Side) -> u32 {
    match next_arrivals_turn(scenario, state, side) {
        Some(t) if t == state.turn => state.support[side.index()].naval,
        Some(t) => super::support::points_on_turn(scenario, side, t).naval,
        None => 0,
    }
}

/// The units of `side` due to come on by `turn`, in unit-id order: the
/// scheduled ones (or delayed to it, not held back by a scenario event) and
/// those at sea in landing craft (`Command::Embark`). The arrivals phase
/// brings on exactly these.
#[must_use]
pub fn due(scenario: &Scenario, state: &State, side: Side, turn: u32) -> Vec<UnitId> {
    state
        .units
        .iter()
        .filter(|u| {
            let def = &scenario.units[u.id as usize];
            let scheduled = def
                .arrival
                .as_ref()
                .is_some_and(|a| a.turn.max(u.delayed_to) <= turn)
                && !super::events::held_back(scenario, state, u.id);
            let sailing = state
                .works
                .sailing
                .get(&u.id)
                .is_some_and(|&(_, t)| t <= turn);
            u.status == Status::Pending && def.side == side && (scheduled || sailing)
        })
        .map(|u| u.id)
        .collect()
}

/// The points a plan still holds for beach `b` (0 if it names none).
#[must_use]
pub fn allotted(plan: &[(u16, u32)], b: u16) -> u32 {
    plan.iter().find(|e| e.0 == b).map_or(0, |e| e.1)
}

/// `plan` with beach `b` set to `points` (sorted by beach).
#[must_use]
pub fn with_allotment(plan: Option<&[(u16, u32)]>, b: u16, points: u32) -> Vec<(u16, u32)> {
    let mut out: Vec<(u16, u32)> = plan
        .unwrap_or_default()
        .iter()
        .copied()
        .filter(|e| e.0 != b)
        .collect();
    out.push((b, points));
    out.sort_unstable();
    out
}

/// May `side` allot `points` of naval gunfire to the landings over beach
/// `b` now? The side must be acting, the beach exist, and the plan's total
/// fit in [`points_at_next_arrivals`].
pub fn check_allotment(view: &GameView, side: Side, b: u16, points: u32) -> Result<(), Rejection> {
    let s = view.scenario;
    let Some(beach) = s.map.beaches.get(b as usize) else {
        return Err(Rejection::new(
            RejectionKind::Support,
            format!("there is no beach #{b}"),
        ));
    };
    if next_arrivals_turn(s, view.state, side).is_none() {
        return Err(Rejection::new(
            RejectionKind::Support,
            format!("the {side} have no arrivals phase to land in"),
        ));
    }
    let have = points_at_next_arrivals(s, view.state, side);
    let plan = with_allotment(view.state.naval_plan[side.index()].as_deref(), b, points);
    let total = plan.iter().fold(0u32, |t, e| t.saturating_add(e.1));
    if total > have {
        return Err(Rejection::new(
            RejectionKind::Support,
            format!(
                "the plan would fire {total} naval gunfire points ({} on {}); only {have} \
                 will be left for the next landings",
                points, beach.name
            ),
        ));
    }
    Ok(())
}

/// One assault forecast for the next arrivals phase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LandingForecast {
    /// The unit landing.
    pub unit: UnitId,
    /// Over which beach.
    pub beach: u16,
    /// The enemy hex it would assault.
    pub target: Hex,
    /// The naval points it would fire.
    pub naval: u32,
    /// The odds (`amphibious::assault_odds`).
    pub odds: combat::Odds,
}

/// The beach a due unit would land over first (its first entry, if a beach).
#[must_use]
pub fn first_beach(scenario: &Scenario, unit: UnitId) -> Option<u16> {
    match scenario.units[unit as usize]
        .arrival
        .as_ref()?
        .entries
        .first()?
    {
        Entry::Beach(b) => Some(*b),
        _ => None,
    }
}

/// Take the naval points an assault over beach `b` fired out of the side's
/// plan (when it has one). The arrivals phase and [`forecast`] both call it.
pub fn spend(state: &mut State, side: Side, b: u16, points: u32) {
    if let Some(plan) = state.naval_plan[side.index()].as_mut() {
        if let Some(e) = plan.iter_mut().find(|e| e.0 == b) {
            e.1 = e.1.saturating_sub(points);
        }
    }
}

/// The assaults `side`'s landings due at its next arrivals phase would
/// fight, as the beaches stand now (see the module doc), in unit-id order.
#[must_use]
pub fn forecast(view: &GameView, side: Side) -> Vec<LandingForecast> {
    let s = view.scenario;
    let Some(turn) = next_arrivals_turn(s, view.state, side) else {
        return Vec::new();
    };
    let landing: Vec<(UnitId, u16)> = due(s, view.state, side, turn)
        .into_iter()
        .filter_map(|u| Some((u, first_beach(s, u)?)))
        .collect();
    if landing.is_empty() {
        return Vec::new();
    }
    let mut state = view.state.clone();
    state.support[side.index()].naval = points_at_next_arrivals(s, view.state, side);
    state.sync_index(s);
    let mut out = Vec::new();
    for (unit, beach) in landing {
        let found = amphibious::assault_odds(&GameView::new(s, &state), unit, beach);
        let Some((target, odds)) = found else {
            continue;
        };
        let naval = odds
            .shifts
            .iter()
            .find(|x| x.reason == combat::ShiftReason::NavalGunfire)
            .map_or(0, |x| x.columns.unsigned_abs());
        let pool = &mut state.support[side.index()];
        pool.naval -= naval.min(pool.naval);
        spend(&mut state, side, beach, naval);
        out.push(LandingForecast {
            unit,
            beach,
            target,
            naval,
            odds,
        });
    }
    out
}
