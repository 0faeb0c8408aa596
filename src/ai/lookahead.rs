//! Look-ahead: what a difficulty level's thinking budget buys.
//!
//! The greedy choice (`attacks.rs`) scores an attack by what it does to the
//! stacks in the fight. It does not see what the fight leaves behind: a
//! regiment that advances onto a town next to a panzer regiment, or a stack
//! that comes out of an exchange too weak to hold. The look-ahead plays each
//! attack the AI considers on a copy of its side's view, once per distinct
//! result of the exact outcome distribution (`rules::combat::odds`: the
//! face read as [`Die::Face`], never a draw from the game's generator),
//! through the one resolver (`command::attack_with`, the same code as
//! `Game::execute`'s), with and without the advance. On each position it
//! reads the enemy's best counter-attack on the stacks round the fight —
//! the same scoring as the AI's own attacks, from the enemy's side, with
//! every enemy unit ready to attack (its next combat phase) — and weighs it
//! by the result's share of the die faces, against the side's own best next
//! attack there (the advance that walks into a counter-attack may also
//! threaten more). An attack's value is its greedy score plus how much it
//! moves that balance of threats.
//!
//! Budget: every position played and read is one node; a level's
//! `search_nodes` per decision, spent on the attacks in greedy order, each
//! attack weighed whole or not at all. Attacks beyond the budget keep their
//! greedy score, so a budget of 0 is the greedy choice exactly. No clock, no
//! random draw: the same view and budget give the same command.

use super::attacks::Candidate;
use super::{attacks, AiParams};
use crate::command::{attack_with, Die};
use crate::hex::{Hex, OffsetCoord};
use crate::rules::GameView;
use crate::scenario::Side;
use crate::sim::state::State;

/// Hexes round the fight whose stacks the counter-attack is read on.
const REPLY_RADIUS: u32 = 2;

/// The chosen attack: its index in the list and whether to advance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// Index in the candidate list.
    pub index: usize,
    /// Advance after combat; `None`: as the greedy rule says.
    pub advance: Option<bool>,
}

/// Choose among `list` (best greedy score first) the attack worth most
/// after the look-ahead, if any reaches `threshold`. Spends at most
/// `params.search_nodes` nodes. `greedy_advance` is the greedy rule's
/// advance for an attack: on equal values the look-ahead keeps it.
#[must_use]
pub fn choose(
    view: &GameView,
    side: Side,
    params: &AiParams,
    list: &[Candidate],
    threshold: i64,
    greedy_advance: &dyn Fn(&Candidate) -> bool,
) -> Option<Choice> {
    let mut nodes = params.search_nodes;
    let ready = (nodes > 0).then(|| ready_all(view));
    let mut best: Option<(i64, Choice)> = None;
    let mut searching = ready.is_some();
    for (index, c) in list.iter().enumerate() {
        let weighed = if searching {
            ready
                .as_ref()
                .and_then(|r| weigh(view, r, side, params, c, greedy_advance, &mut nodes))
        } else {
            None
        };
        searching &= weighed.is_some();
        let options = weighed.unwrap_or_else(|| vec![(None, c.score)]);
        for (advance, value) in options {
            if value >= threshold && best.is_none_or(|(v, _)| value > v) {
                best = Some((value, Choice { index, advance }));
            }
        }
    }
    best.map(|(_, c)| c)
}

/// The view's state with every unit of both sides ready to attack, as on
/// its side's next combat phase.
fn ready_all(view: &GameView) -> State {
    let mut state = view.state.clone();
    ready_units(&mut state);
    state.sync_index(view.scenario);
    state
}

/// Every unit that has attacked may attack again (its next combat phase).
fn ready_units(state: &mut State) {
    let done: Vec<usize> = state
        .units
        .iter()
        .filter(|u| u.attacked)
        .map(|u| u.id as usize)
        .collect();
    for i in done {
        state.units[i].attacked = false;
    }
}

/// The value of `c` with and without the advance (only with it if the
/// defender can be cleared), or `None` if the nodes left cannot pay for it.
fn weigh(
    view: &GameView,
    ready: &State,
    side: Side,
    params: &AiParams,
    c: &Candidate,
    greedy_advance: &dyn Fn(&Candidate) -> bool,
    nodes: &mut usize,
) -> Option<Vec<(Option<bool>, i64)>> {
    let s = view.scenario;
    let odds = crate::rules::combat::odds(view, &c.attackers, c.target, &c.support, false).ok()?;
    // The first face of each distinct result, and how many faces give it.
    let mut results: Vec<(u32, u32)> = Vec::new();
    for (i, r) in odds.per_face.iter().enumerate() {
        match results
            .iter_mut()
            .find(|(f, _)| odds.per_face[*f as usize - 1] == *r)
        {
            Some(e) => e.1 += 1,
            None => results.push((i as u32 + 1, 1)),
        }
    }
    let clears = odds
        .per_face
        .iter()
        .any(|r| r.defender_eliminated || r.retreat > 0);
    let two = clears && s.rules.advance_after_combat;
    let cost = 1 + results.len() * if two { 2 } else { 1 };
    if cost > *nodes {
        return None;
    }
    // The greedy rule's advance first: it stays on equal values.
    let advances: Vec<bool> = if two {
        let greedy = greedy_advance(c);
        vec![greedy, !greedy]
    } else {
        vec![false]
    };
    *nodes -= cost;
    // Before: the enemy's counter-attack only; the side's own best attack
    // there is the one being weighed (its score counts it).
    let before = -best_x100(&GameView::new(s, ready), side.enemy(), c.target, params);
    let die = i64::from(odds.die.max(1));
    let target = OffsetCoord::from_hex(c.target);
    let mut out = Vec::with_capacity(advances.len());
    for &advance in &advances {
        let mut after = 0i64;
        for &(face, faces) in &results {
            let mut state = ready.clone();
            attack_with(
                s,
                &mut state,
                &c.attackers,
                target,
                &c.support,
                advance,
                Die::Face(face),
            );
            ready_units(&mut state);
            state.sync_index(s);
            after +=
                i64::from(faces) * balance_x100(&GameView::new(s, &state), side, c.target, params);
        }
        let value = c.score + (after / die - before);
        let advance = (advances.len() > 1).then_some(advance);
        out.push((advance, value));
    }
    Some(out)
}

/// The balance of threats round `around`: `side`'s best next attack there
/// minus the enemy's best counter-attack on `side`'s stacks there (within
/// [`REPLY_RADIUS`]), each scored as the AI scores its own attacks and 0 if
/// it has none worth making.
fn balance_x100(view: &GameView, side: Side, around: Hex, params: &AiParams) -> i64 {
    best_x100(view, side, around, params) - best_x100(view, side.enemy(), around, params)
}

/// `side`'s best attack within [`REPLY_RADIUS`] of `around` (0 if none).
fn best_x100(view: &GameView, side: Side, around: Hex, params: &AiParams) -> i64 {
    attacks::candidates_near(view, side, params, Some((around, REPLY_RADIUS)))
        .first()
        .map_or(0, |c| c.score.max(0))
}
