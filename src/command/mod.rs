//! Commands: every change of game state is one of these.
//!
//! A command is first validated against a read-only [`GameView`] — returning a
//! [`Rejection`] with a reason fit for the player — and only then applied to
//! the [`State`], returning the [`Event`]s it caused. Player input, the AI,
//! replays and undo all go through `sim::Game::execute`, which calls these two
//! and nothing else.

pub mod arrivals;
mod attack;
pub use attack::inflict as attack_losses;
pub use attack::{apply_with as attack_with, inflict, resolve, Die, Fight};
mod end_of_turn;
mod evacuation;
mod event;
pub mod events;
#[cfg(test)]
mod fight_check;
pub mod landing;
mod move_order;
mod phase;
mod seen;
pub use seen::validate_as_seen;
mod supply_phase;
mod works;

pub use event::Event;
pub use phase::start_turn;

/// Set up turn 1 and run the automatic phases before the first player phase.
pub fn start_game(scenario: &Scenario, state: &mut State) -> Vec<Event> {
    let mut events = Vec::new();
    phase::start_turn(scenario, state);
    phase::run_until_player_phase(scenario, state, &mut events);
    events
}

use crate::hex::OffsetCoord;
use crate::rules::{combat::Support, demolition, movement, GameView, Rejection, RejectionKind};
use crate::scenario::{PhaseSpec, Scenario, Side, UnitId};
use crate::sim::state::{State, Status};
use serde::{Deserialize, Serialize};

/// A player's (or the AI's) decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    /// Move a unit along a path of adjacent hexes (not including its start).
    Move {
        /// The unit.
        unit: UnitId,
        /// Hexes entered, in order.
        path: Vec<OffsetCoord>,
    },
    /// Attack the enemy units in `target` with adjacent units.
    Attack {
        /// Attacking units.
        attackers: Vec<UnitId>,
        /// The defenders' hex.
        target: OffsetCoord,
        /// Artillery, naval gunfire and air support committed.
        #[serde(default)]
        support: Support,
        /// If the defenders leave the hex, the first attacker advances into it.
        #[serde(default)]
        advance: bool,
    },
    /// Take a unit off the map across the Strait of Messina.
    Evacuate {
        /// The unit.
        unit: UnitId,
    },
    /// Finish the current phase; automatic phases that follow run at once.
    EndPhase,
    /// Blow the crossing between two adjacent hexes (`rules::demolition`).
    Demolish {
        /// The unit, on one of the two hexes.
        unit: UnitId,
        /// One hex of the hexside.
        from: OffsetCoord,
        /// The other.
        to: OffsetCoord,
    },
    /// Spend the phase repairing a blown crossing (`rules::demolition`).
    Repair {
        /// The unit, on one of the two hexes.
        unit: UnitId,
        /// One hex of the hexside.
        from: OffsetCoord,
        /// The other.
        to: OffsetCoord,
    },
    /// Go aboard landing craft to land over `beach` in the side's next
    /// arrivals phase (`rules::amphibious::check_embark`).
    Embark {
        /// The unit.
        unit: UnitId,
        /// Beach index.
        beach: u16,
    },
    /// Allot naval gunfire points to the beach assaults over `beach` in the
    /// acting side's next arrivals phase (`rules::gunfire`): sets that
    /// beach's figure in the side's plan. Without any allotment the fire is
    /// automatic. Valid in the side's own player phases.
    AllotGunfire {
        /// Index of the beach in the map.
        beach: u16,
        /// Points its assaults may fire between them.
        points: u32,
    },
}

/// The side whose turn it is to act in the current phase.
#[must_use]
pub fn acting_side(phase: PhaseSpec) -> Option<Side> {
    match phase {
        PhaseSpec::Movement(s) | PhaseSpec::Combat(s) | PhaseSpec::Evacuation(s) => Some(s),
        PhaseSpec::Arrivals(_) | PhaseSpec::Supply(_) | PhaseSpec::EndTurn => None,
    }
}

fn own_unit(view: &GameView, unit: UnitId, side: Side) -> Result<(), Rejection> {
    if unit as usize >= view.state.units.len() {
        return Err(Rejection::new(
            RejectionKind::UnknownUnit,
            format!("there is no unit #{unit}"),
        ));
    }
    let def = view.def(unit);
    if def.side != side {
        return Err(Rejection::new(
            RejectionKind::WrongSide,
            format!("{} belongs to the {}", def.name, def.side),
        ));
    }
    match view.unit(unit).status {
        Status::OnMap => Ok(()),
        Status::Pending => Err(Rejection::new(
            RejectionKind::NotOnMap,
            format!("{} has not arrived yet", def.name),
        )),
        Status::Eliminated => Err(Rejection::new(
            RejectionKind::NotOnMap,
            format!("{} has been eliminated", def.name),
        )),
        Status::Evacuated => Err(Rejection::new(
            RejectionKind::NotOnMap,
            format!("{} has been evacuated", def.name),
        )),
        Status::Withdrawn => Err(Rejection::new(
            RejectionKind::NotOnMap,
            format!("{} has been withdrawn", def.name),
        )),
    }
}

fn wrong_phase(what: &str, phase: PhaseSpec) -> Rejection {
    Rejection::new(
        RejectionKind::WrongPhase,
        format!("{what} is not allowed in the {} phase", phase_name(phase)),
    )
}

/// Human name of a phase ("Allied movement").
#[must_use]
pub fn phase_name(phase: PhaseSpec) -> String {
    match phase {
        PhaseSpec::Arrivals(s) => format!("{s} arrivals"),
        PhaseSpec::Supply(s) => format!("{s} supply"),
        PhaseSpec::Movement(s) => format!("{s} movement"),
        PhaseSpec::Combat(s) => format!("{s} combat"),
        PhaseSpec::Evacuation(s) => format!("{s} evacuation"),
        PhaseSpec::EndTurn => "end of turn".into(),
    }
}

impl Command {
    /// Check the command against the rules without changing anything.
    pub fn validate(&self, view: &GameView) -> Result<(), Rejection> {
        if let Some(o) = &view.state.outcome {
            return Err(Rejection::new(
                RejectionKind::GameOver,
                format!("the game is over: {}", o.reason),
            ));
        }
        let phase = view.phase();
        match self {
            Command::Move { unit, path } => {
                let PhaseSpec::Movement(side) = phase else {
                    return Err(wrong_phase("Moving", phase));
                };
                own_unit(view, *unit, side)?;
                let hexes: Vec<_> = path.iter().map(|c| c.to_hex()).collect();
                movement::check_path(view, *unit, &hexes).map(|_| ())
            }
            Command::Attack {
                attackers,
                target,
                support,
                ..
            } => {
                let PhaseSpec::Combat(side) = phase else {
                    return Err(wrong_phase("Attacking", phase));
                };
                for &a in attackers.iter().chain(&support.artillery) {
                    own_unit(view, a, side)?;
                }
                crate::rules::combat::odds(view, attackers, target.to_hex(), support, false)
                    .map(|_| ())
            }
            Command::Evacuate { unit } => {
                let PhaseSpec::Evacuation(side) = phase else {
                    return Err(wrong_phase("Evacuating", phase));
                };
                own_unit(view, *unit, side)?;
                crate::rules::evacuation::check(view, *unit)
            }
            Command::EndPhase => Ok(()),
            Command::Demolish { unit, from, to } => {
                let PhaseSpec::Movement(side) = phase else {
                    return Err(wrong_phase("Blowing a crossing", phase));
                };
                own_unit(view, *unit, side)?;
                demolition::check_blow(view, *unit, from.to_hex(), to.to_hex())
            }
            Command::Repair { unit, from, to } => {
                let PhaseSpec::Movement(side) = phase else {
                    return Err(wrong_phase("Repairing a crossing", phase));
                };
                own_unit(view, *unit, side)?;
                demolition::check_repair(view, *unit, from.to_hex(), to.to_hex())
            }
            Command::Embark { unit, beach } => {
                let PhaseSpec::Movement(side) = phase else {
                    return Err(wrong_phase("Embarking", phase));
                };
                own_unit(view, *unit, side)?;
                crate::rules::amphibious::check_embark(view, *unit, *beach)
            }
            Command::AllotGunfire { beach, points } => {
                let Some(side) = acting_side(phase) else {
                    return Err(wrong_phase("Planning naval gunfire", phase));
                };
                crate::rules::gunfire::check_allotment(view, side, *beach, *points)
            }
        }
    }

    /// Apply a validated command; returns what happened.
    pub fn apply(&self, scenario: &Scenario, state: &mut State) -> Vec<Event> {
        match self {
            Command::Move { unit, path } => move_order::carry_out(scenario, state, *unit, path),
            Command::Attack {
                attackers,
                target,
                support,
                advance,
            } => attack::apply(scenario, state, attackers, *target, support, *advance),
            Command::Evacuate { unit } => evacuation::apply(scenario, state, *unit),
            Command::EndPhase => phase::end_phase(scenario, state),
            Command::Demolish { unit, from, to } => works::blow(scenario, state, *unit, *from, *to),
            Command::Repair { unit, from, to } => works::repair(scenario, state, *unit, *from, *to),
            Command::Embark { unit, beach } => works::embark(scenario, state, *unit, *beach),
            Command::AllotGunfire { beach, points } => {
                let phase = scenario.phases[state.phase as usize];
                if let Some(side) = acting_side(phase) {
                    let plan = &mut state.naval_plan[side.index()];
                    *plan = Some(crate::rules::gunfire::with_allotment(
                        plan.as_deref(),
                        *beach,
                        *points,
                    ));
                }
                Vec::new()
            }
        }
    }
}

/// A unit of `side` entering `hex` takes control of the place there.
pub fn take_control(
    scenario: &Scenario,
    state: &mut State,
    hex: OffsetCoord,
    side: Side,
    events: &mut Vec<Event>,
) {
    let Some(i) = scenario.map.grid.offset_index(hex) else {
        return;
    };
    if let Some(p) = scenario.map.place_at[i] {
        if state.control[p as usize] != side {
            state.control[p as usize] = side;
            state.control_since[p as usize] = state.turn;
            events.push(Event::ControlChanged { place: p, side });
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod works_tests;
