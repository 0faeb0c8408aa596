//! Adversary policies: scripted players that look for the holes a human
//! would, to measure whether a scenario and the AI hold against them
//! (`landfall arena --list`, `tests/adversaries.rs`, `docs/ai.md`).
//!
//! Each policy is a [`Script`] run by one driver, [`Adversary`]: it decides
//! from its side's view only (`rules::fog_cache::FogCache`, the same fogged
//! state the AI plans on), issues ordinary commands that the driver checks
//! on that view and then on the real game as its side sees it (a move into
//! a hidden enemy stops on contact by rule, `command::move_order`), and
//! leaves to the default AI whatever the script does not decide itself
//! (the moves of units it does not steer, and attacks or evacuations when
//! it says so). Which side attacks and which defends comes from the
//! scenario's objectives ([`defender`]), never from a hard-coded side.

pub mod blitz;
pub mod coastdash;
pub mod fields;
pub mod passive;
pub mod runaway;
pub mod turtle;

use crate::ai::selfplay::Player;
use crate::ai::{Ai, AiParams};
use crate::command::{acting_side, Command};
use crate::hex::Hex;
use crate::rules::fog_cache::FogCache;
use crate::rules::{evacuation, movement, GameView};
use crate::scenario::{PhaseSpec, PlaceId, Scenario, Side, UnitId};
use crate::sim::Game;
use std::collections::BTreeSet;

/// Which side a policy is meant to play (sides from scenario data).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Role {
    /// The side that holds most of the objectives' VP at the start.
    Defender,
    /// The other side.
    Attacker,
    /// Either side.
    Either,
}

impl Role {
    /// The sides this role is played on in `scenario`.
    #[must_use]
    pub fn sides(self, s: &Scenario) -> Vec<Side> {
        match self {
            Role::Defender => vec![defender(s)],
            Role::Attacker => vec![defender(s).enemy()],
            Role::Either => Side::BOTH.to_vec(),
        }
    }
}

/// A policy's name, role and what it does (`landfall arena --list`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct PolicyInfo {
    /// Name on the command line.
    pub name: &'static str,
    /// Side it is meant for.
    pub role: Role,
    /// One line.
    pub summary: &'static str,
}

/// Every policy, by name.
pub const POLICIES: [PolicyInfo; 5] = [
    runaway::INFO,
    blitz::INFO,
    turtle::INFO,
    coastdash::INFO,
    passive::INFO,
];

/// The policy named `name`, its leftovers played by an AI with `params`.
#[must_use]
pub fn policy(name: &str, params: &AiParams) -> Option<Adversary> {
    let script: Box<dyn Script + Send> = match name {
        "runaway" => Box::new(runaway::Runaway::default()),
        "blitz" => Box::new(blitz::Blitz::default()),
        "turtle" => Box::new(turtle::Turtle::default()),
        "coastdash" => Box::new(coastdash::Coastdash::default()),
        "passive" => Box::new(passive::Passive),
        _ => return None,
    };
    Some(Adversary::new(script, params.clone()))
}

/// The defending side: the one holding the most objective VP (final plus
/// per-turn) at the start; the Axis on a tie (`Side::BOTH`'s last).
#[must_use]
pub fn defender(s: &Scenario) -> Side {
    let held = |side: Side| -> u32 {
        s.objectives
            .iter()
            .filter(|o| o.owner == side)
            .map(|o| o.vp + o.vp_per_turn)
            .sum()
    };
    let [a, b] = Side::BOTH;
    if held(a) > held(b) {
        a
    } else {
        b
    }
}

/// What a script does in a combat or evacuation phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    /// Nothing: end the phase.
    Nothing,
    /// What the default AI would do.
    ToAi,
    /// What the default AI would do, but never advancing after combat.
    ToAiHoldingGround,
    /// Every unit that may go (evacuation): most steps first.
    Everything,
}

/// A policy: which units it steers and where, and what it does in the
/// other phases.
pub trait Script {
    /// Does the script move `unit` itself (else the default AI does)?
    fn steers(&self, view: &GameView, unit: UnitId) -> bool;
    /// Where `unit` should go, best first, among the hexes `reach` offers
    /// (empty: it stays). Called once per unit and movement phase.
    fn destinations(&mut self, view: &GameView, unit: UnitId, reach: &movement::Reach) -> Vec<Hex>;
    /// Its combat phases.
    fn combat(&self) -> Leave;
    /// Its evacuation phases.
    fn evacuation(&self) -> Leave;
}

/// Runs a [`Script`] as a [`Player`].
pub struct Adversary {
    script: Box<dyn Script + Send>,
    ai: Ai,
    fog: FogCache,
    /// (turn, phase) of `done`.
    phase: Option<(u32, u32)>,
    /// Units the script has already decided on this phase.
    done: BTreeSet<UnitId>,
    illegal: usize,
    surprises: usize,
}

impl Adversary {
    /// A driver for `script`, with an AI of `params` for what it leaves.
    #[must_use]
    pub fn new(script: Box<dyn Script + Send>, params: AiParams) -> Self {
        Self {
            script,
            ai: Ai::new(params),
            fog: FogCache::default(),
            phase: None,
            done: BTreeSet::new(),
            illegal: 0,
            surprises: 0,
        }
    }

    /// The script's next command on its side's `view`, checked.
    fn scripted(&mut self, game: &Game, view: &GameView, phase: PhaseSpec, side: Side) -> Command {
        match phase {
            PhaseSpec::Movement(_) => {
                let units: Vec<UnitId> = view.side_units(side).map(|u| u.id).collect();
                for unit in units {
                    if self.done.contains(&unit) || !self.script.steers(view, unit) {
                        continue;
                    }
                    self.done.insert(unit);
                    let reach = movement::reachable(view, unit);
                    for dest in self.script.destinations(view, unit, &reach) {
                        let Some(path) = reach.path_to(dest) else {
                            continue;
                        };
                        let cmd = Command::Move {
                            unit,
                            path: path.into_iter().map(Into::into).collect(),
                        };
                        if cmd.validate(view).is_err() {
                            continue; // e.g. stacking: try the next hex
                        }
                        if let Some(c) = self.checked(game, view, cmd) {
                            return c;
                        }
                        break;
                    }
                }
                if view
                    .side_units(side)
                    .all(|u| self.script.steers(view, u.id))
                {
                    return Command::EndPhase; // nothing left for the AI
                }
                self.ai_command(game, view, Leave::ToAi)
            }
            PhaseSpec::Combat(_) => self.ai_command(game, view, self.script.combat()),
            PhaseSpec::Evacuation(_) => match self.script.evacuation() {
                Leave::Everything => view
                    .side_units(side)
                    .filter(|u| evacuation::check(view, u.id).is_ok())
                    .max_by_key(|u| (u.steps, std::cmp::Reverse(u.id)))
                    .and_then(|u| self.checked(game, view, Command::Evacuate { unit: u.id }))
                    .unwrap_or(Command::EndPhase),
                other => self.ai_command(game, view, other),
            },
            _ => Command::EndPhase,
        }
    }

    /// The default AI's next command, minus moves of units the script
    /// steers, with `leave`'s changes.
    fn ai_command(&mut self, game: &Game, view: &GameView, leave: Leave) -> Command {
        if matches!(leave, Leave::Nothing | Leave::Everything) {
            return Command::EndPhase;
        }
        // Bounded: the AI ends every phase within a budget of commands.
        loop {
            let mut cmd = self.ai.next_command(game);
            match &mut cmd {
                Command::Move { unit, .. } if self.script.steers(view, *unit) => continue,
                Command::Attack { advance, .. } if leave == Leave::ToAiHoldingGround => {
                    *advance = false;
                }
                _ => {}
            }
            return cmd;
        }
    }

    /// `cmd` if the real game accepts it as its side sees it (a move the
    /// hidden enemy stands in the way of is accepted and stops on contact by
    /// rule, `command::move_order`); `None` otherwise.
    fn checked(&mut self, game: &Game, view: &GameView, cmd: Command) -> Option<Command> {
        if cmd.validate(view).is_err() {
            self.illegal += 1;
        }
        if game.validate(&cmd).is_ok() {
            return Some(cmd);
        }
        self.surprises += 1;
        None
    }
}

impl Player for Adversary {
    fn next_command(&mut self, game: &Game) -> Command {
        let phase = game.phase();
        let Some(side) = acting_side(phase) else {
            return Command::EndPhase;
        };
        let key = (game.state().turn, game.state().phase);
        if self.phase != Some(key) {
            self.phase = Some(key);
            self.done.clear();
        }
        let mut fog = std::mem::take(&mut self.fog);
        let view = GameView::new(
            game.scenario(),
            fog.update(game.scenario(), game.state(), side),
        );
        let cmd = self.scripted(game, &view, phase, side);
        drop(view);
        self.fog = fog;
        cmd
    }

    fn refused(&mut self, command: &Command) {
        self.ai.refused(command);
    }

    fn illegal_proposals(&self) -> usize {
        self.illegal + self.ai.illegal_proposals()
    }

    fn surprises(&self) -> usize {
        self.surprises + self.ai.surprises()
    }
}

/// The reachable hexes (and the unit's own) ranked by `score` (lower is
/// better; `FAR` never), best first, cut at the unit's own hex: only hexes
/// better than staying.
#[must_use]
pub fn ranked(
    view: &GameView,
    unit: UnitId,
    reach: &movement::Reach,
    score: impl Fn(Hex) -> u32,
) -> Vec<Hex> {
    let Some(here) = view.unit(unit).hex() else {
        return Vec::new();
    };
    let stay = score(here);
    let mut v: Vec<(u32, u32, usize, Hex)> = reach
        .destinations()
        .into_iter()
        .map(|(h, cost)| (score(h), cost, view.scenario.map.index(h).unwrap_or(0), h))
        .filter(|&(s, ..)| s < stay && s != fields::FAR)
        .collect();
    v.sort_unstable_by_key(|&(s, c, i, _)| (s, c, i));
    v.into_iter().take(8).map(|(.., h)| h).collect()
}

/// A value of a field at a hex (`FAR` off the map).
#[must_use]
pub fn at(view: &GameView, field: &[u32], hex: Hex) -> u32 {
    view.scenario
        .map
        .index(hex)
        .and_then(|i| field.get(i).copied())
        .unwrap_or(fields::FAR)
}

/// Objectives' places and hexes, with who holds each now.
#[must_use]
pub fn objectives(view: &GameView) -> Vec<(PlaceId, Hex, Side, u32)> {
    let s = view.scenario;
    s.objectives
        .iter()
        .map(|o| {
            let hex = s.map.places[o.place as usize].hex.to_hex();
            (o.place, hex, view.state.control[o.place as usize], o.vp)
        })
        .collect()
}

/// A field per objective place, built on first use for the game.
#[derive(Debug, Clone, Default)]
pub struct FieldCache {
    fields: std::collections::BTreeMap<(PlaceId, bool), Vec<u32>>,
}

impl FieldCache {
    /// The land distance field of `place` (`coast_roads`: along coast roads).
    pub fn of(&mut self, s: &Scenario, place: PlaceId, coast_roads: bool) -> &[u32] {
        self.fields.entry((place, coast_roads)).or_insert_with(|| {
            let goal = [s.map.places[place as usize].hex.to_hex()];
            if coast_roads {
                fields::field(s, &goal, |a, b| fields::coast_road_step(s, a, b))
            } else {
                fields::field(s, &goal, |a, b| fields::land_step(s, a, b))
            }
        })
    }
}

#[cfg(test)]
mod tests;
