//! Linked campaigns: a `campaign.ron` lists scenarios ("legs") played in
//! order, and what one leg carries into a later one — the steps each German
//! division gets out of Sicily set its strength at Salerno; the day a place
//! falls in one leg sets when a formation reaches the next leg's map.
//!
//! A carry-over is a validated transformation of the next leg's scenario
//! before it starts ([`apply`]): units fielded at fewer steps (or not at
//! all), arrivals moved. The leg then starts from an ordinary scenario
//! `State`; its replay is an ordinary replay whose header holds the
//! [`CampaignLink`] (which campaign, which leg, the values carried), so it
//! verifies alone and a resumed save continues the campaign. The file
//! format is in `docs/scenario-format.md` ("Campaigns"), the replay header
//! in `docs/replays.md`.
//!
//! Layers: this module is data (reading, checking, the transformation);
//! `crate::campaign` plays the legs and reads each leg's outcome off the
//! game.

mod carry;
mod load;

pub use carry::{apply, carry_over, CarryOver};
pub use load::{load, Campaign, Leg, LoadedCampaign, CAMPAIGN_FILE};

use super::schema::Side;
use serde::{Deserialize, Serialize};

/// A campaign file (`campaign.ron`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignFile {
    /// Stable identifier (saves name it).
    pub id: String,
    /// Display name.
    pub name: String,
    /// One-paragraph briefing.
    #[serde(default)]
    pub description: String,
    /// The legs, in the order they are played (at least one).
    pub legs: Vec<LegSpec>,
}

/// One leg: a scenario, and what earlier legs carry into it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegSpec {
    /// Identifier, unique in the campaign (carry-overs name it).
    pub id: String,
    /// The scenario directory (or main file), relative to the campaign file;
    /// it must stay inside the scenario collection (the campaign's parent
    /// directory).
    pub scenario: String,
    /// Strength carried from an earlier leg.
    #[serde(default)]
    pub strength: Vec<StrengthCarry>,
    /// Arrival turns set by an earlier leg's pace.
    #[serde(default)]
    pub arrivals: Vec<ArrivalCarry>,
}

/// "The steps formation F got out of leg L set the strength of these units."
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrengthCarry {
    /// An earlier leg's id.
    pub from_leg: String,
    /// A formation of that leg's scenario: its units (and those of the
    /// formations under it) that were evacuated count.
    pub formation: String,
    /// Units of this leg, filled in order: each gets
    /// `min(its steps, what is left of evacuated + refit)`; a unit left
    /// with 0 is not in the leg.
    pub units: Vec<String>,
    /// Steps added for the refit between the legs.
    pub refit_steps: u32,
    /// The source or reason of the refit figure (required).
    pub note: String,
}

/// "These units reach this leg's map `after_hours` after a milestone of
/// leg L" (Eighth Army's pace in Calabria sets when it reaches Salerno).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArrivalCarry {
    /// An earlier leg's id.
    pub from_leg: String,
    /// What happened in that leg.
    pub when: Milestone,
    /// Hours from the start of the milestone's turn to arrival here.
    pub after_hours: u32,
    /// Units of this leg that have an `arrival`.
    pub units: Vec<String>,
    /// The source or reason of the march time (required).
    pub note: String,
}

/// An outcome of a leg that a later leg's carry-over reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Milestone {
    /// `by` holds the place at the end of the leg and took it during it.
    Taken {
        /// A place id of the earlier leg's map.
        place: String,
        /// The side that took it.
        by: Side,
    },
}

/// What a played leg left for the legs after it (kept in every later
/// leg's [`CampaignLink`], so a save of leg 3 still knows leg 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegOutcome {
    /// Leg id.
    pub leg: String,
    /// Result in words ("Allied marginal victory", "unfinished after turn 4").
    pub result: String,
    /// Steps of each unit that got away (evacuated), by unit id, sorted;
    /// units with none are left out.
    pub evacuated: Vec<UnitSteps>,
    /// The places later legs' milestones name that were taken, with when.
    #[serde(default)]
    pub taken: Vec<TakenPlace>,
}

/// A unit and a number of steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitSteps {
    /// Unit id.
    pub unit: String,
    /// Steps.
    pub steps: u32,
}

/// A place held at the end of a leg by the side that took it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TakenPlace {
    /// Place id.
    pub place: String,
    /// The side holding it.
    pub by: Side,
    /// The turn it changed hands (last).
    pub turn: u32,
}

/// One value carried into a leg, as applied to its scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Carried {
    /// The unit starts (or arrives) with these steps; 0: not in this leg.
    Steps {
        /// Unit id.
        unit: String,
        /// Steps, at most the unit's full strength.
        steps: u32,
    },
    /// The unit's arrival turn.
    Arrival {
        /// Unit id.
        unit: String,
        /// Turn, within the leg's turns.
        turn: u32,
    },
}

/// Which campaign and leg a game is, and what was carried into it: in the
/// scenario (`Scenario::campaign`) and in the replay or save header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignLink {
    /// `CampaignFile::id`.
    pub campaign: String,
    /// The campaign file as played (a hint for finding it again).
    pub path: String,
    /// Index of the leg, 0 = the first.
    pub leg: usize,
    /// The leg's id.
    pub leg_id: String,
    /// The values applied to the leg's scenario.
    pub carried: Vec<Carried>,
    /// The outcomes of the legs before it, in order.
    pub before: Vec<LegOutcome>,
}

#[cfg(test)]
mod tests;
