//! Combat.
//!
//! 1. Strength: each unit fights with its rating scaled by the steps it has
//!    left (rounded up). An attacker out of supply fights at the scenario's
//!    `unsupplied_attack_percent`.
//! 2. Odds: attack total against defence total, rounded in the defender's
//!    favour to a column of the CRT (from `crt.ron`). Odds below the first
//!    column fight on the first column.
//! 3. Column shifts, each with its reason: the defender's terrain, a fortified
//!    place, attacking across a river (when every attacker is across one),
//!    combined arms (armour with infantry), artillery in support, naval
//!    gunfire and air support points, a defender out of supply, an assault
//!    from the sea against a defended beach.
//! 4. One die roll from the game RNG picks the result on the final column.
//!
//! [`odds`] computes all of that, including the exact probability of every
//! outcome. The GUI preview, the AI and the resolver all call it; the
//! resolver then draws one face with [`roll`] from exactly that distribution.
//! Losses, retreats and advances are applied by the `Attack` command
//! (`command/attack.rs`), using [`allocate_losses`] and `retreat.rs`.

use super::{entering, GameView, Rejection, RejectionKind};
use crate::hex::{Hex, OffsetCoord};
use crate::scenario::{CrtResult, UnitId};
use crate::sim::state::Status;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// Support committed to an attack.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Support {
    /// Naval gunfire points spent.
    #[serde(default)]
    pub naval: u32,
    /// Air support points spent.
    #[serde(default)]
    pub air: u32,
    /// Artillery units firing in support (not attacking themselves).
    #[serde(default)]
    pub artillery: Vec<UnitId>,
}

/// Why the column shifted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ShiftReason {
    /// Defender's terrain.
    Terrain,
    /// Fortified place.
    Fortified,
    /// Every attacker attacks across a river.
    River,
    /// Armour attacks with infantry.
    CombinedArms,
    /// Artillery in support.
    Artillery,
    /// Naval gunfire.
    NavalGunfire,
    /// Air support.
    Air,
    /// Defender out of supply.
    DefenderUnsupplied,
    /// Landing against a defended beach.
    BeachAssault,
}

/// One column shift and its reason, for the preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shift {
    /// Why.
    pub reason: ShiftReason,
    /// Columns (+ favours the attacker).
    pub columns: i32,
    /// Sentence for the player ("hills: -1").
    pub text: String,
}

/// Probability of one outcome: `faces` of `die` faces give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutcomeChance {
    /// The result.
    pub result: CrtResult,
    /// Number of die faces giving it.
    pub faces: u32,
}

/// The full odds of a proposed attack: what the preview shows and what the
/// resolver draws from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Odds {
    /// Total attack strength.
    pub attack: u32,
    /// Total defence strength.
    pub defence: u32,
    /// Notes on strengths (e.g. "15th PzGr out of supply: attack 50%").
    pub notes: Vec<String>,
    /// Column from the raw ratio.
    pub base_column: usize,
    /// Every shift applied.
    pub shifts: Vec<Shift>,
    /// Final column.
    pub column: usize,
    /// Odds label of the final column, e.g. "3:1".
    pub column_label: String,
    /// Result per die face (face 1 first).
    pub per_face: Vec<CrtResult>,
    /// Distinct outcomes with their number of faces, in face order of first
    /// appearance.
    pub outcomes: Vec<OutcomeChance>,
    /// Faces of the die.
    pub die: u32,
}

impl Odds {
    /// Expected steps lost by the defender minus attacker, in hundredths, for
    /// AI scoring (integer arithmetic only).
    #[must_use]
    pub fn expected_step_balance_x100(&self, attacker_steps: u32, defender_steps: u32) -> i64 {
        let mut sum = 0i64;
        for r in &self.per_face {
            let (a, d) = losses_of(r, attacker_steps, defender_steps);
            sum += i64::from(d) * 100 - i64::from(a) * 100;
        }
        sum / i64::from(self.die.max(1))
    }
}

/// Steps lost (attacker, defender) for a result, before retreats: the one
/// reading of every CRT result (attacker or defender eliminated, exchange,
/// step losses) for the resolver, the assault and the computer's estimates.
#[must_use]
pub fn losses_of(r: &CrtResult, attacker_steps: u32, defender_steps: u32) -> (u32, u32) {
    if r.attacker_eliminated {
        return (attacker_steps, 0);
    }
    if r.defender_eliminated {
        return (0, defender_steps);
    }
    if r.exchange {
        return (1, 1);
    }
    (r.attacker_steps, r.defender_steps)
}

/// A unit's rating scaled by its steps left, rounded up.
#[must_use]
pub fn scaled(rating: u32, steps: u32, max_steps: u32) -> u32 {
    if max_steps == 0 {
        return 0;
    }
    (rating * steps).div_ceil(max_steps)
}

fn bad(reason: String) -> Rejection {
    Rejection::new(RejectionKind::BadAttack, reason)
}

/// Compute the odds of `attackers` attacking `target` with `support`.
/// `assault` marks a landing from the sea against a defended beach.
/// Refuses illegal attacks with the reason. The command's checks (who may
/// attack now, from where) are made here; the arithmetic is [`stacks_odds`].
pub fn odds(
    view: &GameView,
    attackers: &[UnitId],
    target: Hex,
    support: &Support,
    assault: bool,
) -> Result<Odds, Rejection> {
    let label = OffsetCoord::from_hex(target);
    let Some(&first) = attackers.first() else {
        return Err(bad("an attack needs at least one attacker".into()));
    };
    let side = view.def(first).side;
    let defenders: Vec<UnitId> = view
        .units_at(target)
        .iter()
        .copied()
        .filter(|&u| view.def(u).side != side)
        .collect();
    if defenders.is_empty() {
        return Err(bad(format!("there is no enemy unit at {label}")));
    }
    let mut engaged: Vec<(UnitId, Option<Hex>)> = Vec::with_capacity(attackers.len());
    for &a in attackers {
        let def = view.def(a);
        let u = view.unit(a);
        if engaged.iter().any(|e| e.0 == a) {
            return Err(bad(format!("{} is listed twice", def.name)));
        }
        if def.side != side {
            return Err(Rejection::new(
                RejectionKind::WrongSide,
                format!("{} is not on the attacking side", def.name),
            ));
        }
        // A unit assaulting a beach from the sea is still pending arrival.
        let at_sea = assault && u.status == Status::Pending;
        if u.status != Status::OnMap && !at_sea {
            return Err(Rejection::new(
                RejectionKind::NotOnMap,
                format!("{} is not on the map", def.name),
            ));
        }
        if u.attacked {
            return Err(Rejection::new(
                RejectionKind::AlreadyActed,
                format!("{} has already attacked this phase", def.name),
            ));
        }
        if !assault {
            let Some(from) = u.hex() else {
                return Err(bad(format!("{} is not next to {label}", def.name)));
            };
            entering::can_enter(view, a, from, target, entering::How::Attack)?;
        }
        engaged.push((a, if assault { None } else { u.hex() }));
    }
    stacks_odds(
        view,
        &Stacks {
            attackers: &engaged,
            defenders: &defenders,
            target,
            support,
            support_left: view.state.support[side.index()],
            assault,
        },
    )
}

/// An attack between stacks that may be hypothetical: units placed on hexes
/// they do not (yet) stand on. The computer weighs the threat to a hex it
/// might move to, or the counterattack its move invites, with it; the odds
/// come out of the same arithmetic as a real attack's ([`odds`]).
#[derive(Debug, Clone, Copy)]
pub struct Stacks<'a> {
    /// Each attacker and the hex it attacks from (`None`: from the sea).
    pub attackers: &'a [(UnitId, Option<Hex>)],
    /// The units defending `target`.
    pub defenders: &'a [UnitId],
    /// The hex attacked.
    pub target: Hex,
    /// Support committed (artillery at its own hexes).
    pub support: &'a Support,
    /// Naval and air points the attacking side has left.
    pub support_left: crate::sim::state::SupportLeft,
    /// A landing from the sea against a defended beach.
    pub assault: bool,
}

/// The odds of an attack between `stacks`: strengths, column, shifts and
/// the result of every die face. [`odds`] calls it for every real attack,
/// so the preview, the resolver and the computer's estimates on
/// hypothetical stacks read one function. Checks only what the stacks
/// themselves decide (support points, artillery range); who may attack now
/// is [`odds`]'s job.
pub fn stacks_odds(view: &GameView, stacks: &Stacks) -> Result<Odds, Rejection> {
    let s = view.scenario;
    let Some(&(first, _)) = stacks.attackers.first() else {
        return Err(bad("an attack needs at least one attacker".into()));
    };
    if stacks.defenders.is_empty() {
        return Err(bad(format!(
            "there is no enemy unit at {}",
            OffsetCoord::from_hex(stacks.target)
        )));
    }
    let side = view.def(first).side;
    let mut notes = Vec::new();
    let mut attack = 0u32;
    for &(a, _) in stacks.attackers {
        let def = view.def(a);
        let u = view.unit(a);
        let mut strength = super::events::rated(
            scaled(def.attack, u.steps, def.max_steps),
            super::events::rating_percent(view.state, &def.nation).0,
        );
        if u.supply.out_of_supply {
            strength = (strength * s.supply.unsupplied_attack_percent / 100).max(1);
            notes.push(format!(
                "{} out of supply: attack {}%",
                def.name, s.supply.unsupplied_attack_percent
            ));
        }
        attack += strength;
    }
    let defence: u32 = stacks
        .defenders
        .iter()
        .map(|&d| {
            super::events::rated(
                scaled(
                    view.def(d).defence,
                    view.unit(d).steps,
                    view.def(d).max_steps,
                ),
                super::events::rating_percent(view.state, &view.def(d).nation).1,
            )
            .max(1)
        })
        .sum();

    let columns = &s.crt.columns;
    let base_column = columns
        .iter()
        .rposition(|c| {
            u64::from(attack) * u64::from(c.odds.1) >= u64::from(defence) * u64::from(c.odds.0)
        })
        .unwrap_or(0);
    if attack * columns[0].odds.1 < defence * columns[0].odds.0 {
        notes.push(format!(
            "{attack}:{defence} is below the table: fought on the first column"
        ));
    }

    let shifts = shifts(view, stacks, side)?;
    let total: i32 = shifts.iter().map(|s| s.columns).sum();
    let column = (base_column as i32 + total).clamp(0, columns.len() as i32 - 1) as usize;
    let col = &columns[column];
    let per_face = col.results.clone();
    let mut outcomes: Vec<OutcomeChance> = Vec::new();
    for r in &per_face {
        match outcomes.iter_mut().find(|o| o.result == *r) {
            Some(o) => o.faces += 1,
            None => outcomes.push(OutcomeChance {
                result: *r,
                faces: 1,
            }),
        }
    }
    Ok(Odds {
        attack,
        defence,
        notes,
        base_column,
        shifts,
        column,
        column_label: format!("{}:{}", col.odds.0, col.odds.1),
        per_face,
        outcomes,
        die: s.crt.die,
    })
}

/// The shifts the ground of `target` gives every defender there: its
/// terrain and a fortified place (the first shifts of every attack on it).
#[must_use]
pub fn ground_shifts(s: &crate::scenario::Scenario, target: Hex) -> Vec<Shift> {
    let mut out = Vec::new();
    if let Some(t) = s.terrain_of(target) {
        push_shift(
            &mut out,
            ShiftReason::Terrain,
            t.combat_shift,
            t.name.clone(),
        );
    }
    if let Some(p) = s.map.place(target) {
        if p.fortified {
            push_shift(
                &mut out,
                ShiftReason::Fortified,
                s.rules.fortified_shift,
                format!("{} fortified", p.name),
            );
        }
    }
    out
}

fn push_shift(out: &mut Vec<Shift>, reason: ShiftReason, columns: i32, text: String) {
    if columns != 0 {
        out.push(Shift {
            reason,
            columns,
            text: format!("{text}: {columns:+}"),
        });
    }
}

fn shifts(
    view: &GameView,
    stacks: &Stacks,
    side: crate::scenario::Side,
) -> Result<Vec<Shift>, Rejection> {
    let s = view.scenario;
    let r = &s.rules;
    let (attackers, defenders, target, support, assault) = (
        stacks.attackers,
        stacks.defenders,
        stacks.target,
        stacks.support,
        stacks.assault,
    );
    let mut out = ground_shifts(s, target);
    let mut push = |reason, columns: i32, text: String| push_shift(&mut out, reason, columns, text);
    let across_river = !assault
        && attackers
            .iter()
            .all(|&(_, from)| from.is_some_and(|h| s.map.side_between(h, target).river.is_some()));
    if across_river {
        push(
            ShiftReason::River,
            r.river_shift,
            "attacking across a river".into(),
        );
    }
    let armour = attackers.iter().any(|&(a, _)| view.def(a).kind.armour);
    let infantry = attackers.iter().any(|&(a, _)| view.def(a).kind.infantry);
    if armour && infantry {
        push(
            ShiftReason::CombinedArms,
            r.combined_arms_shift,
            "armour with infantry".into(),
        );
    }
    // Artillery in support.
    let mut guns = Vec::new();
    for &g in &support.artillery {
        let def = view.def(g);
        let u = view.unit(g);
        if guns.contains(&g) || attackers.iter().any(|e| e.0 == g) {
            return Err(Rejection::new(
                RejectionKind::Support,
                format!("{} cannot both attack and support", def.name),
            ));
        }
        if def.side != side || !def.kind.artillery {
            return Err(Rejection::new(
                RejectionKind::Support,
                format!("{} is not friendly artillery", def.name),
            ));
        }
        if u.attacked {
            return Err(Rejection::new(
                RejectionKind::Support,
                format!("{} has already fired this phase", def.name),
            ));
        }
        match u.hex() {
            Some(h) if h.unsigned_distance_to(target) <= r.artillery_range => guns.push(g),
            _ => {
                return Err(Rejection::new(
                    RejectionKind::Support,
                    format!(
                        "{} is out of range (more than {} hexes)",
                        def.name, r.artillery_range
                    ),
                ))
            }
        }
    }
    let n = (guns.len() as u32).min(r.artillery_max) as i32;
    push(
        ShiftReason::Artillery,
        n * r.artillery_shift,
        format!("{} artillery in support", guns.len()),
    );
    // Naval gunfire and air.
    let left = stacks.support_left;
    let sp = &s.support;
    // Saturating: a hostile command may name u32::MAX points of each.
    if support.naval.saturating_add(support.air) > sp.max_per_attack {
        return Err(Rejection::new(
            RejectionKind::Support,
            format!(
                "at most {} support points may be spent on one attack",
                sp.max_per_attack
            ),
        ));
    }
    if support.naval > left.naval {
        return Err(Rejection::new(
            RejectionKind::Support,
            format!(
                "only {} naval gunfire points are left this turn",
                left.naval
            ),
        ));
    }
    if support.air > left.air {
        return Err(Rejection::new(
            RejectionKind::Support,
            format!("only {} air points are left this turn", left.air),
        ));
    }
    if support.naval > 0 && !within_naval_range(view, target) {
        return Err(Rejection::new(
            RejectionKind::Support,
            format!(
                "naval gunfire does not reach {} (more than {} hexes from the sea)",
                OffsetCoord::from_hex(target),
                sp.naval_range
            ),
        ));
    }
    push(
        ShiftReason::NavalGunfire,
        support.naval as i32,
        "naval gunfire".into(),
    );
    push(ShiftReason::Air, support.air as i32, "air support".into());
    if defenders.iter().all(|&d| view.unit(d).supply.out_of_supply) {
        push(
            ShiftReason::DefenderUnsupplied,
            r.defender_unsupplied_shift,
            "defender out of supply".into(),
        );
    }
    if assault {
        push(
            ShiftReason::BeachAssault,
            r.beach_assault_shift,
            "assault from the sea".into(),
        );
    }
    Ok(out)
}

/// The artillery of `side` that may fire in support of an attack on
/// `target` now: friendly artillery on the map, not yet fired or attacked
/// this phase, within `rules.artillery_range` of the target, and not among
/// `attackers`, in unit-id order. What the attack panel offers; whether it
/// counts is [`odds`]' job (at most `rules.artillery_max` shift).
#[must_use]
pub fn artillery_in_range(
    view: &GameView,
    side: crate::scenario::Side,
    target: Hex,
    attackers: &[UnitId],
) -> Vec<UnitId> {
    let range = view.scenario.rules.artillery_range;
    view.side_units(side)
        .filter(|u| {
            view.def(u.id).kind.artillery
                && !u.attacked
                && !attackers.contains(&u.id)
                && u.hex()
                    .is_some_and(|h| h.unsigned_distance_to(target) <= range)
        })
        .map(|u| u.id)
        .collect()
}

/// Could `side` make any attack at all now (an unused unit next to an enemy)?
#[must_use]
pub fn any_attack_possible(view: &GameView, side: crate::scenario::Side) -> bool {
    view.side_units(side).any(|u| {
        !u.attacked
            && u.hex().is_some_and(|h| {
                h.all_neighbors()
                    .iter()
                    .any(|&n| entering::can_enter(view, u.id, h, n, entering::How::Attack).is_ok())
            })
    })
}

/// Is `hex` within naval gunfire range of a sea hex?
#[must_use]
pub fn within_naval_range(view: &GameView, hex: Hex) -> bool {
    let range = view.scenario.support.naval_range;
    (0..=range).any(|r| hex.ring(r).any(|h| view.scenario.is_water(h)))
}

/// Roll the die once from the game RNG: returns (face, result).
pub fn roll(odds: &Odds, rng: &mut ChaCha8Rng) -> (u32, CrtResult) {
    let face = rng.random_range(1..=odds.die.max(1));
    let result = odds
        .per_face
        .get(face as usize - 1)
        .copied()
        .unwrap_or_default();
    (face, result)
}

/// Which units lose `steps` steps: the unit with the most steps first (ties
/// by unit id), one step at a time so losses spread over the stack.
#[must_use]
pub fn allocate_losses(view: &GameView, units: &[UnitId], steps: u32) -> Vec<(UnitId, u32)> {
    let mut left: Vec<(UnitId, u32)> = units.iter().map(|&u| (u, view.unit(u).steps)).collect();
    let mut lost: Vec<(UnitId, u32)> = units.iter().map(|&u| (u, 0)).collect();
    for _ in 0..steps {
        let Some(best) = (0..left.len())
            .filter(|&i| left[i].1 > 0)
            .max_by(|&a, &b| left[a].1.cmp(&left[b].1).then(left[b].0.cmp(&left[a].0)))
        else {
            break;
        };
        left[best].1 -= 1;
        lost[best].1 += 1;
    }
    lost.retain(|l| l.1 > 0);
    lost
}

#[cfg(test)]
#[path = "combat_tests.rs"]
mod tests;
