//! AI difficulty levels as data (`scenarios/common/ai.ron`): thresholds and
//! weights, never code paths keyed on a level's name. The shipped file is
//! compiled in, so the AI works without the data directory; a designer can
//! load another file with [`AiLevels::load`].

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The shipped `scenarios/common/ai.ron`.
pub const BUILTIN: &str = crate::scenario::AI_LEVELS;

/// Parameters of one difficulty level (see the comments in `ai.ron`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AiParams {
    /// Least expected step balance (hundredths) worth an attack.
    pub attack_threshold_x100: i64,
    /// The same during the early counterattack window.
    pub counterattack_threshold_x100: i64,
    /// Value of a sure retreat of the defender, in hundredths of a step.
    pub retreat_value_x100: i64,
    /// Cost of spending one naval or air support point.
    pub support_point_cost_x100: i64,
    /// Net score (hundredths of a step) the AI gives up to spend fewer
    /// naval/air points on an attack, saving them for other attacks.
    pub support_slack_x100: i64,
    /// Share of units held back as a reserve.
    pub reserve_percent: u32,
    /// Targets that get a support search, best first.
    pub search_breadth: usize,
    /// The thinking budget: positions the look-ahead may play and read per
    /// attack decision (`lookahead.rs`); 0 (absent) = the greedy choice,
    /// every shipped level for now (`docs/ai.md`).
    #[serde(default)]
    pub search_nodes: usize,
    /// Score per MP of distance to the side's goals.
    pub goal_weight: i64,
    /// MP of goal distance the lowest-valued objective is handicapped by
    /// against the highest-valued one.
    pub vp_spread_mp: u32,
    /// Objective value (in VP) given to an enemy-held port that is not an
    /// objective: the Allies need ports for supply.
    pub port_value_vp: u32,
    /// Score per column of defensive terrain shift where a unit stops.
    pub terrain_weight: i64,
    /// Score lost by stopping where supply cannot be traced (cut off: the
    /// unit would wither).
    pub unsupplied_penalty: i64,
    /// Score lost by stopping within the trace but past what the sources'
    /// capacity can feed (short rations: weaker, but alive).
    pub short_supply_penalty: i64,
    /// Score for stopping next to the enemy (attacking units).
    pub contact_bonus: i64,
    /// Score for holding a friendly objective with no other unit on it.
    pub hold_bonus: i64,
    /// Score for not moving (keeps the line from churning).
    pub stay_bonus: i64,
    /// The Axis counterattacks the landings until this share of the game.
    pub counterattack_until_percent: u32,
    /// From this share of the game, units of `evacuate_nations` head for the
    /// evacuation ports and cross.
    pub evacuate_from_percent: u32,
    /// Nations (`UnitDef::nation`) that evacuate; empty = every nation.
    pub evacuate_nations: Vec<String>,
    /// From this share of the game every nation evacuates (Lehrgang took
    /// the Italians across too, on their own ferries).
    pub evacuate_all_from_percent: u32,
    /// Evacuation also begins once the enemy holds this share (percent) of
    /// the objectives' VP (the campaign is lost: save what can be saved).
    pub evacuate_from_objectives_percent: u32,
    /// Hexes from an evacuation port within which the enemy strength the
    /// side sees counts as a threat to the ports (`posture.rs`).
    pub evacuate_when_enemy_within: u32,
    /// Evacuation also begins once that threat's attack strength reaches
    /// this share (percent) of the side's whole defence strength on the map.
    #[serde(default = "default_evacuate_threat_percent")]
    pub evacuate_threat_percent: u32,
    /// Expected steps (hundredths) a stack may lose to the enemy it sees
    /// before the hex counts as untenable (the defender falls back).
    pub fall_back_loss_x100: i64,
    /// Score lost per tenth of a step of expected loss above that.
    pub fall_back_weight: i64,
    /// Score per threatened hex a defender brings into its zone of control.
    pub gap_weight: i64,
    /// Score lost by the defender per neighbour hex beyond two that the
    /// enemy holds or controls (a pocket closing).
    pub pocket_penalty: i64,
    /// The defender's goals: start cost (MP) of contact with the enemy...
    pub defender_contact_mp: u32,
    /// ...and extra start cost of its own objectives (on top of the value
    /// spread). Contact cheaper than objectives: a forward line; the other
    /// way round: a garrison on each objective.
    pub defender_objective_mp: u32,
    /// Value (hundredths of a step) of clearing an enemy-held objective hex,
    /// per VP of the objective: attacks on objectives are worth more.
    pub stake_x100_per_vp: i64,
    /// Value (hundredths of a step) of clearing an enemy unit off a hex
    /// where it would win the game outright (a sudden-death hex).
    pub sudden_death_stake_x100: i64,
    /// Score for standing on an unguarded sudden-death hex of the enemy's
    /// with an enemy unit within `guard_radius` hexes.
    pub guard_bonus: i64,
    /// Hexes within which an enemy unit makes a sudden-death hex worth
    /// guarding.
    pub guard_radius: u32,
}

fn default_evacuate_threat_percent() -> u32 {
    25
}

/// Every difficulty level in an `ai.ron` file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AiLevels {
    /// Name of the level used when none is asked for.
    pub default: String,
    /// Levels by name.
    pub levels: BTreeMap<String, AiParams>,
}

impl AiLevels {
    /// The shipped levels.
    ///
    /// # Panics
    /// Never in a released build: `builtin_levels_parse` tests the shipped file.
    #[must_use]
    pub fn builtin() -> Self {
        ron::from_str(BUILTIN).expect("scenarios/common/ai.ron parses (tested)")
    }

    /// Read levels from a file.
    pub fn load(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        ron::from_str(&text).map_err(|e| format!("{}:{}: {}", path.display(), e.span.start, e.code))
    }

    /// The parameters of a level (`None` = the default level).
    pub fn get(&self, name: Option<&str>) -> Result<&AiParams, String> {
        let name = name.unwrap_or(&self.default);
        self.levels.get(name).ok_or_else(|| {
            let known: Vec<&str> = self.levels.keys().map(String::as_str).collect();
            format!("unknown difficulty `{name}` (known: {})", known.join(", "))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_levels_parse_and_grow_harder() {
        let l = AiLevels::builtin();
        assert_eq!(
            crate::scenario::difficulty_names(),
            ["easy", "hard", "normal"]
        );
        assert_eq!(
            l.levels.keys().collect::<Vec<_>>(),
            ["easy", "hard", "normal"]
        );
        let (easy, normal, hard) = (
            l.get(Some("easy")).unwrap(),
            l.get(None).unwrap(),
            l.get(Some("hard")).unwrap(),
        );
        assert_eq!(normal, &l.levels["normal"]);
        assert!(easy.attack_threshold_x100 > normal.attack_threshold_x100);
        assert!(normal.attack_threshold_x100 > hard.attack_threshold_x100);
        assert!(easy.search_breadth < hard.search_breadth);
        assert_eq!(
            l.get(Some("brutal")).unwrap_err(),
            "unknown difficulty `brutal` (known: easy, hard, normal)"
        );
    }
}
