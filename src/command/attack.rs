//! Applying an attack: roll, losses, retreats, advance.

use super::{take_control, Event};
use crate::hex::OffsetCoord;
use crate::rules::{combat, retreat, GameView};
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
    let (a_loss, d_loss) = if result.attacker_eliminated {
        (attacker_steps, 0)
    } else {
        combat::losses_of(&result, defender_steps)
    };
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
        if let Some(&first) = attackers
            .iter()
            .find(|&&a| state.units[a as usize].status == Status::OnMap)
        {
            let u = &mut state.units[first as usize];
            u.at = Some(target);
            u.entered_turn = state.turn;
            events.push(Event::Advanced {
                unit: first,
                to: target,
            });
            take_control(scenario, state, target, side, &mut events);
        }
    }
    events
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
        let route = if scenario.unit(d).kind.static_unit {
            None
        } else {
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
mod tests {
    use super::*;
    use crate::scenario::{builder::TestScenario, CrtResult, Side};

    /// A built scenario where every die face gives `result`.
    fn with_crt(result: &str, step_vp: u32) -> (std::sync::Arc<Scenario>, State) {
        let mut t = TestScenario::new(&["ccc", "ccc"])
            .unit("us", Side::Allied, "infantry", (0, 0))
            .unit("bty", Side::Axis, "coastal", (1, 0))
            .build();
        let s = std::sync::Arc::get_mut(&mut t.scenario).expect("sole owner");
        let r: CrtResult = result.parse().expect("notation");
        for c in &mut s.crt.columns {
            c.results = vec![r; 6];
        }
        s.victory.eliminated_step_vp = step_vp;
        (t.scenario, t.state)
    }

    #[test]
    fn a_static_unit_loses_a_step_instead_of_retreating() {
        let (s, mut state) = with_crt("R1", 0);
        state.units[s.unit_id("bty").unwrap() as usize].steps = 2;
        let (us, bty) = (s.unit_id("us").unwrap(), s.unit_id("bty").unwrap());
        let events = apply(
            &s,
            &mut state,
            &[us],
            OffsetCoord(1, 0),
            &Default::default(),
            true,
        );
        assert!(events.contains(&Event::RetreatBlocked { unit: bty }));
        assert_eq!(state.units[bty as usize].steps, 1);
        assert_eq!(state.units[bty as usize].at, Some(OffsetCoord(1, 0)));
    }

    #[test]
    fn steps_lost_score_for_the_enemy() {
        let (s, mut state) = with_crt("A1D1", 2);
        let us = s.unit_id("us").unwrap();
        apply(
            &s,
            &mut state,
            &[us],
            OffsetCoord(1, 0),
            &Default::default(),
            false,
        );
        // The battery (1 step) is destroyed: 2 VP to the Allies; the US
        // regiment loses one step: 2 VP to the Axis.
        assert_eq!(state.vp, [2, 2]);
    }
}
