//! Choosing attacks. Every enemy hex next to a unit that has not attacked yet
//! is a candidate; all adjacent units attack it together, with the artillery
//! in range firing in support. Each candidate is scored from the exact odds
//! distribution (`rules::combat::odds`, the same function as the preview and
//! the resolver): expected steps inflicted minus expected steps lost, plus a
//! value for making the defender retreat. The best `search_breadth`
//! candidates then try naval and air support points, kept where the column
//! shift pays for the points. The best candidate above the difficulty's
//! threshold is attacked; the phase ends when none is left.

use super::front::Front;
use super::objectives;
use super::AiParams;
use crate::command::Command;
use crate::hex::{Hex, OffsetCoord};
use crate::rules::combat::{self, Odds, Support};
use crate::rules::GameView;
use crate::scenario::{Side, UnitId};
use crate::sim::state::Status;
use std::collections::BTreeMap;

/// One attack the AI could make, with its score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Target hex.
    pub target: Hex,
    /// Attacking units, by id.
    pub attackers: Vec<UnitId>,
    /// Support committed.
    pub support: Support,
    /// Score in hundredths of a step, net of support cost.
    pub score: i64,
}

/// Score of an attack: expected step balance (an attacker-eliminated result
/// counts every attacking step), plus the value of a defender retreat.
#[must_use]
pub fn score(
    view: &GameView,
    odds: &Odds,
    attackers: &[UnitId],
    target: Hex,
    params: &AiParams,
) -> i64 {
    let side = view.def(attackers[0]).side;
    let defender_steps = view.steps_at(target, side.enemy());
    let attacker_steps: u32 = attackers.iter().map(|&a| view.unit(a).steps).sum();
    let die = i64::from(odds.die.max(1));
    let stake = stake_x100(view, side, target, params);
    let mut sum = 0i64;
    for r in &odds.per_face {
        let (a, d) = combat::losses_of(r, attacker_steps, defender_steps);
        sum += i64::from(d) * 100 - i64::from(a) * 100;
        if r.retreat > 0 && !r.defender_eliminated {
            sum += params.retreat_value_x100;
        }
        if r.defender_eliminated || r.retreat > 0 || d >= defender_steps {
            sum += stake;
        }
    }
    sum / die
}

/// What clearing `target` is worth to `side` beyond the steps: an
/// objective the enemy holds there (per VP), and a hex on which the enemy
/// would win outright (sudden death).
#[must_use]
pub fn stake_x100(view: &GameView, side: Side, target: Hex, params: &AiParams) -> i64 {
    let s = view.scenario;
    let mut stake = 0;
    if let Some(p) = s.map.index(target).and_then(|i| s.map.place_at[i]) {
        if view.state.control[p as usize] == side.enemy() {
            let vp: u32 = s
                .objectives
                .iter()
                .filter(|o| o.place == p)
                .map(|o| o.vp)
                .sum();
            stake += i64::from(vp) * params.stake_x100_per_vp;
        }
    }
    if objectives::sudden_death_hex(view, side.enemy(), target) {
        stake += params.sudden_death_stake_x100;
    }
    stake
}

/// Every attack possible now for `side`, scored without naval or air support,
/// best first (ties by target hex in map order).
#[must_use]
pub fn candidates(view: &GameView, side: Side, params: &AiParams) -> Vec<Candidate> {
    candidates_near(view, side, params, None)
}

/// [`candidates`], only on targets within `near`'s distance of its hex
/// when given (the look-ahead's counter-attacks round one fight).
#[must_use]
pub fn candidates_near(
    view: &GameView,
    side: Side,
    params: &AiParams,
    near: Option<(Hex, u32)>,
) -> Vec<Candidate> {
    let s = view.scenario;
    let close =
        |h: Hex, slack: u32| near.is_none_or(|(c, r)| h.unsigned_distance_to(c) <= r + slack);
    let mut targets: BTreeMap<usize, Vec<UnitId>> = BTreeMap::new();
    let mut guns = Vec::new();
    for u in view.side_units(side) {
        let def = view.def(u.id);
        if u.attacked {
            continue;
        }
        if def.kind.artillery {
            guns.push(u.id);
            continue;
        }
        if def.attack == 0 {
            continue;
        }
        let Some(h) = u.hex() else { continue };
        if !close(h, 1) {
            continue;
        }
        for n in h.all_neighbors() {
            if close(n, 0) && view.enemy_occupied(n, side) {
                if let Some(i) = s.map.index(n) {
                    targets.entry(i).or_default().push(u.id);
                }
            }
        }
    }
    let mut out = Vec::new();
    for (i, attackers) in targets {
        let target = s.map.grid.hex_at(i);
        let artillery: Vec<UnitId> = guns
            .iter()
            .copied()
            .filter(|&g| {
                view.unit(g)
                    .hex()
                    .is_some_and(|h| h.unsigned_distance_to(target) <= s.rules.artillery_range)
            })
            .take(s.rules.artillery_max as usize)
            .collect();
        let support = Support {
            artillery,
            ..Support::default()
        };
        let Ok(odds) = combat::odds(view, &attackers, target, &support, false) else {
            continue;
        };
        let score = score(view, &odds, &attackers, target, params);
        out.push(Candidate {
            target,
            attackers,
            support,
            score,
        });
    }
    out.sort_by_key(|c| (std::cmp::Reverse(c.score), s.map.index(c.target)));
    out
}

/// Try naval and air points on a candidate. Every amount up to the most
/// allowed is scored; the AI then spends the *fewest* points whose net score
/// is within `support_slack_x100` of the best — reaching the column that
/// matters, not piling every point onto a 7:1 when 4:1 does the job — and
/// keeps the rest for other attacks this turn.
fn with_support(view: &GameView, side: Side, c: &Candidate, params: &AiParams) -> Candidate {
    let s = view.scenario;
    let left = view.state.support[side.index()];
    let naval_ok = combat::within_naval_range(view, c.target);
    let naval_left = if naval_ok { left.naval } else { 0 };
    let most = s.support.max_per_attack.min(naval_left + left.air);
    let last_column = s.crt.columns.len().saturating_sub(1);
    let mut tried = vec![c.clone()];
    for k in 1..=most {
        let naval = k.min(naval_left);
        let support = Support {
            naval,
            air: k - naval,
            artillery: c.support.artillery.clone(),
        };
        let Ok(odds) = combat::odds(view, &c.attackers, c.target, &support, false) else {
            break;
        };
        let net = score(view, &odds, &c.attackers, c.target, params)
            - i64::from(k) * params.support_point_cost_x100;
        tried.push(Candidate {
            support,
            score: net,
            ..c.clone()
        });
        if odds.column >= last_column {
            break;
        }
    }
    let best = tried.iter().map(|t| t.score).max().unwrap_or(c.score);
    // `tried` is in increasing support: the first good-enough one is cheapest.
    tried
        .into_iter()
        .find(|t| t.score >= best - params.support_slack_x100)
        .unwrap_or_else(|| c.clone())
}

/// The best attack worth making now, if any: the greedy scores, then the
/// level's look-ahead on them (`lookahead.rs`; a budget of 0 leaves the
/// greedy choice).
#[must_use]
pub fn best_attack(view: &GameView, side: Side, params: &AiParams) -> Option<Command> {
    let threshold = if objectives::counterattacking(view, side, params) {
        params.counterattack_threshold_x100
    } else {
        params.attack_threshold_x100
    };
    let s = view.scenario;
    let mut list = candidates(view, side, params);
    let breadth = params.search_breadth.min(list.len());
    for c in list.iter_mut().take(breadth) {
        *c = with_support(view, side, c, params);
    }
    list.sort_by_key(|c| (std::cmp::Reverse(c.score), s.map.index(c.target)));
    let front = std::cell::OnceCell::new();
    let greedy_advance = |c: &Candidate| {
        let front = front.get_or_init(|| Front::new(view, side));
        advance_into(view, side, c.target, c.attackers[0], params, front)
    };
    let choice = super::lookahead::choose(view, side, params, &list, threshold, &greedy_advance)?;
    let best = list.swap_remove(choice.index);
    debug_assert!(best
        .attackers
        .iter()
        .all(|&a| view.unit(a).status == Status::OnMap));
    let advance = choice.advance.unwrap_or_else(|| greedy_advance(&best));
    Some(Command::Attack {
        attackers: best.attackers,
        target: OffsetCoord::from_hex(best.target),
        support: best.support,
        advance,
    })
}

/// Should the first attacker advance if `target` is cleared? A unit
/// holding a defence line of its side's withdrawal plan advances only onto
/// the line (a rearguard does not chase). Otherwise it is decided on the
/// hex: the unit advances where clearing the hex is worth something in
/// itself (an objective or a sudden-death hex of the enemy's), or where
/// the enemy it sees could not make it lose more than the level's
/// `fall_back_loss_x100` there (the rules' odds of that counterattack,
/// `front.rs`) and could not close round it (fewer than two other
/// enemy-held neighbours: the panzers that drove into the Gela beachhead
/// that way were encircled and starved).
#[must_use]
pub fn advance_into(
    view: &GameView,
    side: Side,
    target: Hex,
    first: UnitId,
    params: &AiParams,
    front: &Front,
) -> bool {
    if let Some(line) =
        objectives::holding_line(view, side, params).filter(|l| objectives::holds(view, l, first))
    {
        return objectives::near_line(line, target);
    }
    if stake_x100(view, side, target, params) > 0 {
        return true;
    }
    let pocket = target
        .all_neighbors()
        .into_iter()
        .filter(|&n| view.enemy_occupied(n, side))
        .count()
        >= 2;
    !pocket && front.expected_loss_x100(view, target, &[first]) <= params.fall_back_loss_x100
}
