//! The front as a side sees it: how hard the enemy it sees could hit each
//! hex next turn, and where its line has gaps.
//!
//! Built once per phase from the side's fogged view:
//! - **threat**: the visible enemy units able to attack (not artillery)
//!   within two hexes of a hex — one move and they are adjacent — and the
//!   enemy artillery within range of it.
//! - **odds against a stack**: the odds of that threat attacking a stack
//!   (real or hypothetical) on the hex, from the rules' one odds function
//!   (`rules::combat::stacks_odds`, which the preview and the resolver also
//!   call): each attacker comes in from the neighbour of the hex nearest to
//!   it, avoiding a river where it can; the artillery in range fires; the
//!   enemy spends the naval and air points it gets each turn, up to the
//!   most one attack may take. So terrain, fortification, rivers, combined
//!   arms, artillery and supply count exactly as they would in the game.
//! - **expected loss**: the steps the stack would lose on that column,
//!   read with `rules::combat::losses_of`.
//! - **gaps**: threatened hexes outside the side's zone of control, which
//!   the movement score rewards covering, so the units form a line instead
//!   of isolated garrisons.

use crate::hex::Hex;
use crate::rules::combat::{self, Odds, Stacks, Support};
use crate::rules::{support, GameView};
use crate::scenario::{Scenario, Side, UnitId};
use crate::sim::state::SupportLeft;

/// How far (hexes) an enemy unit may stand from a hex and still threaten
/// it next turn.
pub const THREAT_RANGE: u32 = 2;

/// Per-phase front picture for `side`.
#[derive(Debug, Clone)]
pub struct Front {
    side: Side,
    /// Number of enemy units able to attack each hex (by storage index).
    pub threat: Vec<u32>,
    /// The visible enemy units able to attack, with their hexes.
    attackers: Vec<(UnitId, Hex)>,
    /// The visible enemy artillery, with its hexes.
    guns: Vec<(UnitId, Hex)>,
    /// The enemy's naval and air points for its next attacks.
    points: SupportLeft,
}

impl Front {
    /// Build the picture from what `side` sees.
    #[must_use]
    pub fn new(view: &GameView, side: Side) -> Self {
        let s = view.scenario;
        let mut threat = vec![0u32; s.map.grid.len()];
        let mut attackers = Vec::new();
        let mut guns = Vec::new();
        for e in view.side_units(side.enemy()) {
            let def = view.def(e.id);
            let Some(h) = e.hex() else { continue };
            if def.kind.artillery {
                guns.push((e.id, h));
                continue;
            }
            if def.attack == 0 || def.movement == 0 {
                continue;
            }
            attackers.push((e.id, h));
            for n in h.range(THREAT_RANGE) {
                if let Some(i) = s.map.index(n) {
                    threat[i] += 1;
                }
            }
        }
        // The enemy attacks in its own turn: the points it gets then.
        let enemy_turn = view.state.turn + 1;
        let points = support::points_on_turn(s, side.enemy(), enemy_turn);
        Self {
            side,
            threat,
            attackers,
            guns,
            points,
        }
    }

    /// Number of enemy units able to attack `hex`.
    #[must_use]
    pub fn threat_at(&self, s: &Scenario, hex: Hex) -> u32 {
        s.map.index(hex).map_or(0, |i| self.threat[i])
    }

    /// The odds of the threat attacking `defenders` on `hex` (they need not
    /// stand there), or `None` if nothing threatens it.
    #[must_use]
    pub fn odds_against(&self, view: &GameView, hex: Hex, defenders: &[UnitId]) -> Option<Odds> {
        let s = view.scenario;
        if defenders.is_empty() || self.threat_at(s, hex) == 0 {
            return None;
        }
        let engaged: Vec<(UnitId, Option<Hex>)> = self
            .attackers
            .iter()
            .filter(|(_, h)| *h != hex && h.unsigned_distance_to(hex) <= THREAT_RANGE)
            .filter_map(|&(u, h)| Some((u, Some(self.approach(view, hex, h)?))))
            .collect();
        if engaged.is_empty() {
            return None;
        }
        let artillery: Vec<UnitId> = self
            .guns
            .iter()
            .filter(|(_, h)| h.unsigned_distance_to(hex) <= s.rules.artillery_range)
            .map(|&(g, _)| g)
            .take(s.rules.artillery_max as usize)
            .collect();
        let naval_ok = combat::within_naval_range(view, hex);
        let most = s.support.max_per_attack;
        let naval = if naval_ok {
            self.points.naval.min(most)
        } else {
            0
        };
        let air = self.points.air.min(most - naval);
        let support = Support {
            naval,
            air,
            artillery,
        };
        combat::stacks_odds(
            view,
            &Stacks {
                attackers: &engaged,
                defenders,
                target: hex,
                support: &support,
                support_left: self.points,
                assault: false,
            },
        )
        .ok()
    }

    /// The neighbour of `hex` an enemy on `from` would attack from: land,
    /// not across a strait, not held by `side`; no river if it can help it,
    /// then the nearest to `from` (ties in map order).
    fn approach(&self, view: &GameView, hex: Hex, from: Hex) -> Option<Hex> {
        let s = view.scenario;
        hex.all_neighbors()
            .into_iter()
            .filter(|&n| {
                let side = s.map.side_between(hex, n);
                s.map.index(n).is_some()
                    && !s.is_water(n)
                    && !side.strait
                    && (n == from || view.occupant_side(n) != Some(self.side))
            })
            .min_by_key(|&n| {
                (
                    s.map.side_between(hex, n).river.is_some(),
                    n.unsigned_distance_to(from),
                    s.map.index(n),
                )
            })
    }

    /// Expected steps (hundredths) `defenders` on `hex` lose if the whole
    /// threat attacks them; 0 if none can.
    #[must_use]
    pub fn expected_loss_x100(&self, view: &GameView, hex: Hex, defenders: &[UnitId]) -> i64 {
        let Some(odds) = self.odds_against(view, hex, defenders) else {
            return 0;
        };
        let steps: u32 = defenders.iter().map(|&d| view.unit(d).steps).sum();
        let lost: i64 = odds
            .per_face
            .iter()
            .map(|r| i64::from(combat::losses_of(r, 0, steps).1))
            .sum();
        lost * 100 / i64::from(odds.die.max(1))
    }

    /// Threatened hexes around `hex` that `side`'s zone of control does not
    /// cover yet: the gaps a unit on `hex` would close.
    #[must_use]
    pub fn gaps_closed(&self, view: &GameView, side: Side, hex: Hex) -> i64 {
        let s = view.scenario;
        let zoc = view.zoc(side);
        hex.all_neighbors()
            .into_iter()
            .filter(|&n| {
                s.map
                    .index(n)
                    .is_some_and(|i| self.threat[i] > 0 && !zoc[i] && !view.enemy_occupied(n, side))
            })
            .count() as i64
    }
}
