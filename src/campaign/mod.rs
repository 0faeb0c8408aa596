//! Playing a linked campaign (`landfall campaign`, the start screen's
//! "Campaign 1943"): each leg in order, its outcome read off the finished
//! game ([`outcome`]), carried into the next leg by the checked
//! transformation of `scenario::campaign` ([`prepare`]); and verifying a
//! directory of leg replays, each on its own and the chain between them
//! ([`verify_dir`]).

mod verify;

pub use verify::{leg_file_name, verify_dir, LegVerified, VerifyError};

use crate::ai::selfplay::{self, Simulation};
use crate::ai::AiParams;
use crate::scenario::campaign::{
    apply, carry_over, Campaign, CarryOver, LegOutcome, Milestone, TakenPlace, UnitSteps,
};
use crate::scenario::Scenario;
use crate::sim::state::Status;
use crate::sim::Game;
use std::sync::Arc;

/// What a leg's game left for the legs after it: every unit's evacuated
/// steps, and the places later legs' milestones name, if the side named
/// took them.
#[must_use]
pub fn outcome(campaign: &Campaign, leg: usize, game: &Game) -> LegOutcome {
    let s = game.scenario();
    let st = game.state();
    let mut evacuated: Vec<UnitSteps> = st
        .units
        .iter()
        .filter(|u| u.status == Status::Evacuated && u.steps > 0)
        .map(|u| UnitSteps {
            unit: s.units[u.id as usize].id.clone(),
            steps: u.steps,
        })
        .collect();
    evacuated.sort_by(|a, b| a.unit.cmp(&b.unit));
    let id = campaign.legs.get(leg).map_or("", |l| l.id.as_str());
    let mut taken: Vec<TakenPlace> = Vec::new();
    let milestones = campaign
        .legs
        .iter()
        .flat_map(|l| &l.arrivals)
        .filter(|a| a.from_leg == id)
        .map(|a| &a.when);
    for Milestone::Taken { place, by } in milestones {
        let Some(p) = s.map.place_id(place) else {
            continue;
        };
        let (holder, since) = (st.control[p as usize], st.control_since[p as usize]);
        let t = TakenPlace {
            place: place.clone(),
            by: *by,
            turn: since,
        };
        if holder == *by && since > 0 && !taken.contains(&t) {
            taken.push(t);
        }
    }
    LegOutcome {
        leg: id.to_string(),
        result: result(game),
        evacuated,
        taken,
    }
}

/// "Allied marginal victory (last turn played)", or "unfinished after turn 4".
#[must_use]
pub fn result(game: &Game) -> String {
    let st = game.state();
    match &st.outcome {
        Some(o) => {
            let what = match o.winner {
                Some(w) => format!("{w} {} victory", format!("{:?}", o.level).to_lowercase()),
                None => "draw".to_string(),
            };
            format!("{what} ({})", o.reason)
        }
        None => format!("unfinished after turn {}", st.turn.saturating_sub(1)),
    }
}

/// Leg `leg`'s scenario with what the legs before it carry applied, and
/// the carry-over (its link and the lines for the player).
pub fn prepare(
    campaign: &Campaign,
    leg: usize,
    before: &[LegOutcome],
) -> Result<(Arc<Scenario>, CarryOver), String> {
    let carry = carry_over(campaign, leg, before)?;
    let scenario = apply(&campaign.legs[leg].scenario, &carry.link)?;
    Ok((Arc::new(scenario), carry))
}

/// The leg after the one `game` plays, prepared from the game's outcome and
/// the outcomes its own link carries; `None` after the last leg. A game that
/// is not a leg of `campaign` is refused.
pub fn next_leg(
    campaign: &Campaign,
    game: &Game,
) -> Result<Option<(Arc<Scenario>, CarryOver)>, String> {
    let link = game
        .scenario()
        .campaign
        .as_ref()
        .ok_or("this game is not a campaign leg")?;
    if link.campaign != campaign.id {
        return Err(format!(
            "this game is a leg of campaign `{}`, not `{}`",
            link.campaign, campaign.id
        ));
    }
    let next = link.leg + 1;
    if next >= campaign.legs.len() {
        return Ok(None);
    }
    let mut before = link.before.clone();
    before.push(outcome(campaign, link.leg, game));
    prepare(campaign, next, &before).map(Some)
}

/// One leg played headless.
pub struct LegPlayed {
    /// Index of the leg (0 = the first).
    pub index: usize,
    /// What was carried into it.
    pub carry: CarryOver,
    /// The game and its summary.
    pub sim: Simulation,
    /// What it leaves for the next legs.
    pub outcome: LegOutcome,
}

/// The match seed of leg `index` in a campaign played with `seed`.
#[must_use]
pub fn leg_seed(seed: u64, index: usize) -> u64 {
    seed.wrapping_add(index as u64)
}

/// Play every leg in order, the computer on both sides with `params`, each
/// to its end or for `turns` turns; `on_leg` sees each leg as it ends (to
/// print it, record it) and may stop the campaign with an error.
pub fn play(
    campaign: &Campaign,
    seed: u64,
    turns: Option<u32>,
    params: &AiParams,
    on_leg: &mut dyn FnMut(&LegPlayed) -> Result<(), String>,
) -> Result<Vec<LegOutcome>, String> {
    let mut before = Vec::new();
    for index in 0..campaign.legs.len() {
        let (scenario, carry) = prepare(campaign, index, &before)?;
        let sim = selfplay::simulate(&scenario, leg_seed(seed, index), turns, params, params);
        let outcome = outcome(campaign, index, &sim.game);
        let played = LegPlayed {
            index,
            carry,
            sim,
            outcome,
        };
        on_leg(&played)?;
        before.push(played.outcome);
    }
    Ok(before)
}

#[cfg(test)]
mod tests;
