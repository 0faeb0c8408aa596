//! The two orders of battle of a generated scenario.
//!
//! The Axis sets up inland: coastal battalions on the landing beaches,
//! infantry in the towns and behind the beaches, the mobile divisions around
//! the capital, and a reserve arriving at the capital in the first turns. The
//! Allies land over the beaches: a first wave on turn 1 (with the paratroops
//! over the drop zone, if any), the rest in later waves. Ratings follow the
//! scale of the historical scenarios (`docs/oob.md`).

use super::coast::Beach;
use super::island::Board;
use super::towns::Town;
use crate::scenario::schema::{
    ArrivalSpec, EntryPoint, FormationSpec, OobFile, Side, UnitSize, UnitSpec,
};
use rand::{Rng, RngCore};
use std::collections::VecDeque;

/// A unit template: type, size, steps, attack, defence, movement, name.
type Template = (&'static str, UnitSize, i64, i64, i64, i64, &'static str);

const AL_INFANTRY: Template = ("infantry", UnitSize::Regiment, 3, 6, 6, 6, "Infantry Regt");
const AL_ARMOUR: Template = ("armour", UnitSize::Brigade, 3, 7, 5, 10, "Armoured Bde");
const AL_ARTILLERY: Template = (
    "artillery",
    UnitSize::Regiment,
    2,
    4,
    3,
    10,
    "Field Artillery",
);
const AL_COMMANDO: Template = ("commando", UnitSize::Battalion, 1, 3, 2, 7, "Commando");
const AL_AIRBORNE: Template = ("airborne", UnitSize::Regiment, 3, 6, 5, 6, "Parachute Regt");
const AX_COASTAL: Template = ("coastal", UnitSize::Battalion, 2, 1, 2, 1, "Coastal Bn");
const AX_INFANTRY: Template = ("infantry", UnitSize::Regiment, 3, 4, 4, 6, "Fanteria Regt");
const AX_MECH: Template = (
    "mechanised",
    UnitSize::Regiment,
    3,
    7,
    7,
    12,
    "Panzergrenadier Regt",
);
const AX_ARMOUR: Template = ("armour", UnitSize::Regiment, 3, 8, 6, 10, "Panzer Regt");
const AX_ARTILLERY: Template = (
    "artillery",
    UnitSize::Regiment,
    2,
    4,
    3,
    10,
    "Artiglieria Regt",
);

/// Units per division.
const PER_DIVISION: usize = 6;

/// What the orders of battle are built from.
pub struct Inputs<'a> {
    /// The island.
    pub board: &'a Board,
    /// Towns, capital first.
    pub towns: &'a [Town],
    /// Landing beaches.
    pub beaches: &'a [Beach],
    /// Id of the drop zone, if any.
    pub drop_zone: Option<String>,
    /// Units of both sides together.
    pub units: u32,
    /// Turns in the scenario.
    pub turns: u32,
}

/// Allied and Axis orders of battle.
pub fn build(inp: &Inputs, rng: &mut impl RngCore) -> (OobFile, OobFile) {
    let total = inp.units as usize;
    let axis_n = (total * 45 / 100).max(1);
    let allied_n = total - axis_n;
    (allied(inp, allied_n, rng), axis(inp, axis_n, rng))
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, r) if r != 11 => "st",
        (2, r) if r != 12 => "nd",
        (3, r) if r != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn formations(side: Side, units: usize) -> Vec<FormationSpec> {
    let tag = tag(side);
    let mut out = vec![FormationSpec {
        id: format!("{tag}_army"),
        name: format!("{side} Expeditionary Army"),
        size: UnitSize::Army,
        parent: None,
    }];
    for d in 0..units.div_ceil(PER_DIVISION) {
        out.push(FormationSpec {
            id: format!("{tag}_div_{:03}", d + 1),
            name: format!("{} Division", ordinal(d + 1)),
            size: UnitSize::Division,
            parent: Some(format!("{tag}_army")),
        });
    }
    out
}

fn tag(side: Side) -> &'static str {
    match side {
        Side::Allied => "al",
        Side::Axis => "ax",
    }
}

fn unit(side: Side, k: usize, t: Template, nation: &str) -> UnitSpec {
    let tag = tag(side);
    UnitSpec {
        id: format!("{tag}_{:04}", k + 1),
        name: format!("{} {}", ordinal(k + 1), t.6),
        nation: nation.into(),
        parent: format!("{tag}_div_{:03}", k / PER_DIVISION + 1),
        unit_type: t.0.into(),
        size: t.1,
        steps: t.2,
        attack: t.3,
        defence: t.4,
        movement: t.5,
        class: None,
        setup: None,
        arrival: None,
        note: String::new(),
    }
}

fn allied(inp: &Inputs, n: usize, rng: &mut impl RngCore) -> OobFile {
    let nb = inp.beaches.len().max(1);
    let first_wave = (n * 2).div_ceil(5);
    let per_turn = (nb * 2).max(1);
    let last_turn = inp.turns.saturating_sub(2).max(1);
    let mut airborne = 0;
    let mut landed = 0;
    let units = (0..n)
        .map(|k| {
            let roll = rng.random_range(0..100u32);
            let t = match roll {
                0..=59 => AL_INFANTRY,
                60..=74 => AL_ARMOUR,
                75..=86 => AL_ARTILLERY,
                87..=94 => AL_COMMANDO,
                _ if inp.drop_zone.is_some() && airborne < 3 => AL_AIRBORNE,
                _ => AL_INFANTRY,
            };
            let nation = if (k / PER_DIVISION).is_multiple_of(2) {
                "US"
            } else {
                "UK"
            };
            let mut u = unit(Side::Allied, k, t, nation);
            let arrival = match (&inp.drop_zone, t.0) {
                (Some(dz), "airborne") => {
                    airborne += 1;
                    ArrivalSpec {
                        turn: 1,
                        at: EntryPoint::Drop(dz.clone()),
                        alternatives: Vec::new(),
                        night: true,
                        glider: false,
                        near: None,
                    }
                }
                _ => {
                    let turn = if landed < first_wave {
                        1
                    } else {
                        2 + (landed - first_wave) / per_turn
                    };
                    let b = landed % nb;
                    landed += 1;
                    let alternatives = (1..nb.min(3))
                        .map(|d| EntryPoint::Beach(format!("beach_{}", (b + d) % nb + 1)))
                        .collect();
                    ArrivalSpec {
                        turn: (turn as u32).min(last_turn).into(),
                        at: EntryPoint::Beach(format!("beach_{}", b + 1)),
                        alternatives,
                        night: false,
                        glider: false,
                        near: None,
                    }
                }
            };
            u.arrival = Some(arrival);
            u
        })
        .collect();
    OobFile {
        side: Side::Allied,
        formations: formations(Side::Allied, n),
        units,
    }
}

/// Land hexes by distance (steps over land) from `from`, nearest first.
fn by_distance(board: &Board, from: &[usize]) -> Vec<usize> {
    let n = board.grid.len();
    let mut seen = vec![false; n];
    let mut order = Vec::new();
    let mut q: VecDeque<usize> = VecDeque::new();
    for &f in from {
        if !seen[f] {
            seen[f] = true;
            q.push_back(f);
        }
    }
    while let Some(i) = q.pop_front() {
        order.push(i);
        for j in board.neighbours(i) {
            if board.land(j) && !seen[j] {
                seen[j] = true;
                q.push_back(j);
            }
        }
    }
    order
}

fn axis(inp: &Inputs, n: usize, rng: &mut impl RngCore) -> OobFile {
    let board = inp.board;
    let mut used = vec![false; board.grid.len()];
    let beach_hexes: Vec<usize> = inp
        .beaches
        .iter()
        .flat_map(|b| b.hexes.iter().copied())
        .collect();
    for &h in &beach_hexes {
        used[h] = true;
    }
    // Infantry: towns (capital excepted), then outward from the beaches.
    let mut infantry_hexes: Vec<usize> = inp.towns.iter().skip(1).map(|t| t.hex).collect();
    infantry_hexes.extend(
        by_distance(board, &beach_hexes)
            .into_iter()
            .skip(beach_hexes.len()),
    );
    let capital = inp.towns.first().map(|t| t.hex);
    let mobile_hexes = by_distance(board, &capital.into_iter().collect::<Vec<_>>());
    let (mut next_inf, mut next_mob) = (0usize, 0usize);
    let take = |list: &[usize], next: &mut usize, used: &mut [bool]| -> Option<usize> {
        while *next < list.len() {
            let h = list[*next];
            *next += 1;
            if !used[h] {
                used[h] = true;
                return Some(h);
            }
        }
        None
    };
    let coastal = beach_hexes.len().min(n / 4);
    let reserve_from = n - n * 15 / 100;
    let towns_for_entry: Vec<usize> = inp.towns.iter().take(4).map(|t| t.hex).collect();
    let units = (0..n)
        .map(|k| {
            let t = if k < coastal {
                AX_COASTAL
            } else {
                match rng.random_range(0..100u32) {
                    0..=54 => AX_INFANTRY,
                    55..=74 => AX_MECH,
                    75..=89 => AX_ARMOUR,
                    _ => AX_ARTILLERY,
                }
            };
            let nation = if matches!(t.0, "mechanised" | "armour") {
                "DE"
            } else {
                "IT"
            };
            let mut u = unit(Side::Axis, k, t, nation);
            let reserve = k >= reserve_from && k >= coastal && !towns_for_entry.is_empty();
            if reserve {
                let turn = 2 + (k - reserve_from) % 3;
                let mut entries = towns_for_entry
                    .iter()
                    .map(|&h| EntryPoint::Hex(board.at(h)));
                let at = entries.next().unwrap_or(EntryPoint::Hex(board.at(0)));
                u.arrival = Some(ArrivalSpec {
                    turn: (turn.min(inp.turns as usize)) as i64,
                    at,
                    alternatives: entries.collect(),
                    night: false,
                    glider: false,
                    near: None,
                });
            } else if k < coastal {
                u.setup = Some(board.at(beach_hexes[k]));
            } else {
                let mobile = matches!(t.0, "mechanised" | "armour");
                let hex = if mobile {
                    take(&mobile_hexes, &mut next_mob, &mut used)
                } else {
                    take(&infantry_hexes, &mut next_inf, &mut used)
                };
                let hex = hex
                    .or_else(|| take(&mobile_hexes, &mut next_mob, &mut used))
                    .unwrap_or(0);
                u.setup = Some(board.at(hex));
            }
            u
        })
        .collect();
    OobFile {
        side: Side::Axis,
        formations: formations(Side::Axis, n),
        units,
    }
}
