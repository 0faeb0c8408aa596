//! The carry-over: from the outcomes of the legs played, the values carried
//! into the next leg ([`carry_over`]), and the checked transformation of that
//! leg's scenario by them ([`apply`]) — the one place a carried value
//! changes a scenario, used by the campaign runner, by replay verification
//! and by a resumed save alike.

use super::{ArrivalCarry, Campaign, CampaignLink, Carried, LegOutcome, Milestone, StrengthCarry};
use crate::scenario::Scenario;
use std::collections::BTreeSet;

/// What is carried into a leg: the link (values and history) and one line
/// per carry-over for the player.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarryOver {
    /// Applied to the leg's scenario by [`apply`].
    pub link: CampaignLink,
    /// "Hermann Goering Panzer Division: 6 steps got out of sicily + 2 refit ...".
    pub summary: Vec<String>,
}

/// The values carried into leg `leg` of `campaign`, given the outcomes of
/// every leg before it (`before[k]` is leg `k`'s).
pub fn carry_over(
    campaign: &Campaign,
    leg: usize,
    before: &[LegOutcome],
) -> Result<CarryOver, String> {
    let here = campaign.legs.get(leg).ok_or_else(|| {
        format!(
            "the campaign has {} legs, not {}",
            campaign.legs.len(),
            leg + 1
        )
    })?;
    if before.len() != leg {
        return Err(format!(
            "leg {} (`{}`) needs the outcomes of the {leg} legs before it, not {}",
            leg + 1,
            here.id,
            before.len()
        ));
    }
    for (k, o) in before.iter().enumerate() {
        if o.leg != campaign.legs[k].id {
            return Err(format!(
                "outcome {} is of leg `{}`, but leg {} is `{}`",
                k + 1,
                o.leg,
                k + 1,
                campaign.legs[k].id
            ));
        }
    }
    let mut carried = Vec::new();
    let mut summary = Vec::new();
    for c in &here.strength {
        summary.push(strength(campaign, &here.scenario, c, before, &mut carried)?);
    }
    for c in &here.arrivals {
        summary.push(arrival(campaign, &here.scenario, c, before, &mut carried)?);
    }
    Ok(CarryOver {
        link: CampaignLink {
            campaign: campaign.id.clone(),
            path: campaign.path.to_string_lossy().replace('\\', "/"),
            leg,
            leg_id: here.id.clone(),
            carried,
            before: before.to_vec(),
        },
        summary,
    })
}

/// The outcome and scenario of the earlier leg `id`.
fn earlier<'a>(
    campaign: &'a Campaign,
    id: &str,
    before: &'a [LegOutcome],
) -> Result<(&'a Scenario, &'a LegOutcome), String> {
    let k = campaign
        .leg_index(id)
        .filter(|k| *k < before.len())
        .ok_or_else(|| format!("`{id}` is not an earlier leg"))?;
    Ok((&campaign.legs[k].scenario, &before[k]))
}

/// Is a unit whose parent is `parent` in `formation` (or a formation under it)?
fn under(s: &Scenario, parent: &str, formation: &str) -> bool {
    let mut at = parent;
    // Bounded by the number of formations: a cycle cannot loop forever.
    for _ in 0..=s.formations.len() {
        if at == formation {
            return true;
        }
        match s
            .formations
            .iter()
            .find(|f| f.id == at)
            .and_then(|f| f.parent.as_deref())
        {
            Some(p) => at = p,
            None => return false,
        }
    }
    false
}

fn strength(
    campaign: &Campaign,
    here: &Scenario,
    c: &StrengthCarry,
    before: &[LegOutcome],
    out: &mut Vec<Carried>,
) -> Result<String, String> {
    let (from, outcome) = earlier(campaign, &c.from_leg, before)?;
    let mut got_out = 0u32;
    for e in &outcome.evacuated {
        let id = from
            .unit_id(&e.unit)
            .ok_or_else(|| format!("leg `{}` has no unit `{}`", c.from_leg, e.unit))?;
        if under(from, &from.unit(id).parent, &c.formation) {
            got_out = got_out.saturating_add(e.steps);
        }
    }
    let total = got_out.saturating_add(c.refit_steps);
    let mut left = total;
    let mut parts = Vec::new();
    for u in &c.units {
        let id = here
            .unit_id(u)
            .ok_or_else(|| format!("`{}` has no unit `{u}`", here.id))?;
        let def = here.unit(id);
        let steps = def.max_steps.min(left);
        left -= steps;
        parts.push(format!("{} {steps}/{}", def.id, def.max_steps));
        out.push(Carried::Steps {
            unit: u.clone(),
            steps,
        });
    }
    let name = from
        .formations
        .iter()
        .find(|f| f.id == c.formation)
        .map_or(c.formation.as_str(), |f| f.name.as_str());
    Ok(format!(
        "{name}: {got_out} step(s) got out of {} + {} refit = {total}: {}{}",
        c.from_leg,
        c.refit_steps,
        parts.join(", "),
        if left > 0 {
            format!(" ({left} more than these units hold)")
        } else {
            String::new()
        }
    ))
}

fn arrival(
    campaign: &Campaign,
    here: &Scenario,
    c: &ArrivalCarry,
    before: &[LegOutcome],
    out: &mut Vec<Carried>,
) -> Result<String, String> {
    let (from, outcome) = earlier(campaign, &c.from_leg, before)?;
    let Milestone::Taken { place, by } = &c.when;
    let when = outcome
        .taken
        .iter()
        .find(|t| t.place == *place && t.by == *by)
        .map(|t| t.turn);
    let turn = when.map(|t| {
        let at = from.start.hours_at_turn(t, from.turn_hours) + i64::from(c.after_hours);
        let first = here.start.hours_at_turn(1, here.turn_hours);
        // The first turn that begins at or after the arrival hour.
        let later = (at - first).max(0);
        1 + later.div_euclid(i64::from(here.turn_hours.max(1)))
            + i64::from(later % i64::from(here.turn_hours.max(1)) != 0)
    });
    let (text, turn) = match (when, turn) {
        (Some(t), Some(n)) if n <= i64::from(here.turns) => (
            format!("{by} took {place} in {} on turn {t}; +{} h: turn {n}", c.from_leg, c.after_hours),
            Some(n as u32),
        ),
        (Some(t), _) => (
            format!("{by} took {place} in {} on turn {t}; +{} h is after the last turn: not in this leg", c.from_leg, c.after_hours),
            None,
        ),
        (None, _) => (
            format!("{by} did not take {place} in {}: not in this leg", c.from_leg),
            None,
        ),
    };
    for u in &c.units {
        out.push(match turn {
            Some(turn) => Carried::Arrival {
                unit: u.clone(),
                turn,
            },
            None => Carried::Steps {
                unit: u.clone(),
                steps: 0,
            },
        });
    }
    Ok(format!("{}: {text}", c.units.join(", ")))
}

/// The scenario of a campaign leg: `scenario` with the values `link`
/// carries applied and the link recorded in it. Every value is checked (a
/// replay's header is input like any other): the unit exists, steps at
/// most its full strength, an arrival turn within the leg for a unit that
/// has an arrival, each unit set at most once of each kind. A scenario
/// already carrying this link is returned as it is; one carrying another is
/// refused.
pub fn apply(scenario: &Scenario, link: &CampaignLink) -> Result<Scenario, String> {
    match &scenario.campaign {
        Some(l) if l == link => return Ok(scenario.clone()),
        Some(l) => {
            return Err(format!(
                "scenario `{}` is already leg {} of campaign `{}` with other carried values",
                scenario.id,
                l.leg + 1,
                l.campaign
            ))
        }
        None => {}
    }
    let mut s = scenario.clone();
    let mut seen = BTreeSet::new();
    for c in &link.carried {
        let (unit, kind) = match c {
            Carried::Steps { unit, .. } => (unit, "steps"),
            Carried::Arrival { unit, .. } => (unit, "arrival"),
        };
        let id = s.unit_id(unit).ok_or_else(|| {
            format!(
                "carried {kind} for `{unit}`, which is not a unit of `{}`",
                s.id
            )
        })?;
        if !seen.insert((unit.as_str(), kind)) {
            return Err(format!("`{unit}` has its {kind} carried twice"));
        }
        let turns = s.turns;
        let def = &mut s.units[id as usize];
        match c {
            Carried::Steps { steps, .. } => {
                if *steps > def.max_steps {
                    return Err(format!(
                        "carried {steps} steps for `{unit}`, more than its {} at full strength",
                        def.max_steps
                    ));
                }
                def.start_steps = Some(*steps);
            }
            Carried::Arrival { turn, .. } => {
                let arrival = def.arrival.as_mut().ok_or_else(|| {
                    format!("carried an arrival turn for `{unit}`, which has no arrival")
                })?;
                if !(1..=turns).contains(turn) {
                    return Err(format!(
                        "carried arrival turn {turn} for `{unit}` is outside turns 1-{turns}"
                    ));
                }
                arrival.turn = *turn;
            }
        }
    }
    s.campaign = Some(link.clone());
    Ok(s)
}
