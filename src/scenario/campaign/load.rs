//! Reading and checking a campaign file: the same input limits and
//! file:line:col diagnostics as a scenario file, every leg's scenario
//! loaded and checked, and every name a carry-over uses looked up in the
//! leg it belongs to.

use super::{ArrivalCarry, CampaignFile, Milestone, StrengthCarry};
use crate::scenario::diagnostic::Diagnostic;
use crate::scenario::loader::{Loaded, Sources};
use crate::scenario::read::{parse, read_text};
use crate::scenario::spans::SpanIndex;
use crate::scenario::{limits, Scenario};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The campaign file's name in a campaign directory.
pub const CAMPAIGN_FILE: &str = "campaign.ron";

/// Longest march time an arrival carry-over may name (a year of hours).
const MAX_AFTER_HOURS: u32 = 24 * 366;

/// A checked campaign, its legs' scenarios loaded.
#[derive(Debug, Clone)]
pub struct Campaign {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Briefing.
    pub description: String,
    /// The campaign file as named.
    pub path: PathBuf,
    /// The legs in playing order.
    pub legs: Vec<Leg>,
}

/// A checked leg.
#[derive(Debug, Clone)]
pub struct Leg {
    /// Leg id.
    pub id: String,
    /// Its scenario directory or file, as resolved.
    pub scenario_path: PathBuf,
    /// Its scenario as loaded (no carry-over applied).
    pub scenario: Arc<Scenario>,
    /// Strength carried into it.
    pub strength: Vec<StrengthCarry>,
    /// Arrivals set by earlier legs.
    pub arrivals: Vec<ArrivalCarry>,
}

impl Campaign {
    /// The index of the leg with this id.
    #[must_use]
    pub fn leg_index(&self, id: &str) -> Option<usize> {
        self.legs.iter().position(|l| l.id == id)
    }
}

/// A campaign file read and checked: the campaign if there were no errors,
/// every diagnostic (the legs' scenarios' too) in any case.
#[derive(Debug, Default)]
pub struct LoadedCampaign {
    /// The checked campaign; `Some` iff no diagnostic is an error.
    pub campaign: Option<Campaign>,
    /// Errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// The files read, for caret rendering.
    pub sources: Sources,
}

impl LoadedCampaign {
    /// Number of errors.
    #[must_use]
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

/// The campaign file for `path`: `<dir>/campaign.ron` for a directory.
fn main_file(path: &Path) -> PathBuf {
    if path.is_dir() {
        path.join(CAMPAIGN_FILE)
    } else {
        path.to_path_buf()
    }
}

/// Read and check a campaign file (or a directory holding `campaign.ron`).
#[must_use]
pub fn load(path: &Path) -> LoadedCampaign {
    let file = main_file(path);
    let mut loaded = Loaded::default();
    let doc = read_text(&file, &mut loaded)
        .and_then(|(text, spans)| parse::<CampaignFile>(&file, &text, spans, &mut loaded).ok());
    let mut out = LoadedCampaign {
        campaign: None,
        diagnostics: std::mem::take(&mut loaded.diagnostics),
        sources: std::mem::take(&mut loaded.sources),
    };
    let Some(doc) = doc else {
        return out;
    };
    let mut check = Check {
        file: &file,
        spans: &doc.spans,
        out: &mut out,
    };
    let campaign = check.campaign(&doc.value);
    if out.errors() == 0 {
        out.campaign = campaign;
    }
    out
}

struct Check<'a> {
    file: &'a Path,
    spans: &'a SpanIndex,
    out: &'a mut LoadedCampaign,
}

impl Check<'_> {
    fn error(&mut self, at: &str, message: impl Into<String>) {
        let p = self.spans.find(at);
        self.out
            .diagnostics
            .push(Diagnostic::error(self.file, p.line, p.col, message));
    }

    fn campaign(&mut self, f: &CampaignFile) -> Option<Campaign> {
        if f.id.trim().is_empty() {
            self.error("id", "the campaign id must not be empty");
        }
        if f.legs.is_empty() {
            self.error("legs", "a campaign needs at least one leg");
        }
        let mut legs: Vec<Option<Leg>> = Vec::new();
        for (i, spec) in f.legs.iter().enumerate() {
            let at = format!("legs[{i}]");
            if f.legs[..i].iter().any(|l| l.id == spec.id) {
                self.error(
                    &format!("{at}.id"),
                    format!("leg id `{}` is used twice", spec.id),
                );
            }
            let scenario = self.leg_scenario(&at, &spec.scenario);
            for (j, c) in spec.strength.iter().enumerate() {
                self.strength(
                    &format!("{at}.strength[{j}]"),
                    c,
                    &f.legs[..i],
                    &legs,
                    scenario.as_ref(),
                    &spec.strength[..j],
                );
            }
            for (j, c) in spec.arrivals.iter().enumerate() {
                self.arrival(
                    &format!("{at}.arrivals[{j}]"),
                    c,
                    &f.legs[..i],
                    &legs,
                    scenario.as_ref(),
                    &spec.arrivals[..j],
                );
            }
            legs.push(scenario.map(|(path, scenario)| Leg {
                id: spec.id.clone(),
                scenario_path: path,
                scenario,
                strength: spec.strength.clone(),
                arrivals: spec.arrivals.clone(),
            }));
        }
        let legs: Option<Vec<Leg>> = legs.into_iter().collect();
        Some(Campaign {
            id: f.id.clone(),
            name: f.name.clone(),
            description: f.description.clone(),
            path: self.file.to_path_buf(),
            legs: legs?,
        })
    }

    /// Resolve and load a leg's scenario; its own diagnostics join ours.
    fn leg_scenario(&mut self, at: &str, rel: &str) -> Option<(PathBuf, Arc<Scenario>)> {
        let at = format!("{at}.scenario");
        let dir = self.file.parent().unwrap_or(Path::new(""));
        let rel_path = Path::new(rel);
        if rel.trim().is_empty() || rel_path.is_absolute() {
            self.error(
                &at,
                format!("`{rel}`: a leg's scenario is a path relative to the campaign file"),
            );
            return None;
        }
        let path = dir.join(rel_path);
        let root = dir.join("..").canonicalize().ok();
        match (path.canonicalize(), root) {
            (Ok(real), Some(root)) if real.starts_with(&root) => {}
            (Ok(_), _) => {
                self.error(&at, format!("`{rel}` escapes the scenario collection: a leg's scenario must lie in the campaign's parent directory"));
                return None;
            }
            (Err(e), _) => {
                self.error(&at, format!("`{rel}`: no such scenario ({e})"));
                return None;
            }
        }
        let loaded = crate::scenario::load(&path);
        for p in loaded.sources.paths() {
            if let Some(text) = loaded.sources.get(p) {
                self.out.sources.insert(p.to_path_buf(), text.to_string());
            }
        }
        let errors = loaded.errors();
        self.out.diagnostics.extend(loaded.diagnostics);
        match loaded.scenario {
            Some(s) => Some((path, s)),
            None => {
                self.error(
                    &at,
                    format!("the scenario `{rel}` has {errors} error(s) (listed with it)"),
                );
                None
            }
        }
    }

    /// The earlier leg `from` names, with its scenario if it loaded.
    fn earlier_leg<'s>(
        &mut self,
        at: &str,
        from: &str,
        earlier: &[super::LegSpec],
        legs: &'s [Option<Leg>],
    ) -> Option<&'s Scenario> {
        match earlier.iter().position(|l| l.id == from) {
            Some(k) => legs[k].as_ref().map(|l| &*l.scenario),
            None => {
                let names: Vec<&str> = earlier.iter().map(|l| l.id.as_str()).collect();
                self.error(
                    &format!("{at}.from_leg"),
                    format!(
                        "`{from}` is not an earlier leg of the campaign (earlier legs: {})",
                        if names.is_empty() {
                            "none".to_string()
                        } else {
                            names.join(", ")
                        }
                    ),
                );
                None
            }
        }
    }

    /// The units a carry-over names: units of this leg, each once.
    fn units(
        &mut self,
        at: &str,
        units: &[String],
        here: Option<&Scenario>,
        taken: &[&String],
        need_arrival: bool,
    ) {
        if units.is_empty() {
            self.error(&format!("{at}.units"), "name at least one unit of this leg");
        }
        for (k, u) in units.iter().enumerate() {
            let path = format!("{at}.units[{k}]");
            if units[..k].contains(u) || taken.contains(&u) {
                self.error(
                    &path,
                    format!("unit `{u}` is named by two carry-overs of this leg"),
                );
                continue;
            }
            let Some(s) = here else { continue };
            match s.unit_id(u) {
                None => self.error(
                    &path,
                    format!("`{u}` is not a unit of this leg's scenario `{}`", s.id),
                ),
                Some(id) if need_arrival && s.unit(id).arrival.is_none() => {
                    self.error(
                        &path,
                        format!(
                            "`{u}` has no `arrival` in `{}`: only an arrival's turn can be carried",
                            s.id
                        ),
                    );
                }
                Some(_) => {}
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn strength(
        &mut self,
        at: &str,
        c: &StrengthCarry,
        earlier: &[super::LegSpec],
        legs: &[Option<Leg>],
        here: Option<&(PathBuf, Arc<Scenario>)>,
        before: &[StrengthCarry],
    ) {
        if let Some(from) = self.earlier_leg(at, &c.from_leg, earlier, legs) {
            if !from.formations.iter().any(|f| f.id == c.formation) {
                self.error(
                    &format!("{at}.formation"),
                    format!(
                        "`{}` is not a formation of leg `{}` (scenario `{}`)",
                        c.formation, c.from_leg, from.id
                    ),
                );
            }
        }
        let taken: Vec<&String> = before.iter().flat_map(|b| &b.units).collect();
        self.units(at, &c.units, here.map(|h| &*h.1), &taken, false);
        if i64::from(c.refit_steps) > limits::MAX_FACTOR {
            self.error(
                &format!("{at}.refit_steps"),
                format!(
                    "{} steps is more than the limit of {} (`MAX_FACTOR`)",
                    c.refit_steps,
                    limits::MAX_FACTOR
                ),
            );
        }
        if c.note.trim().is_empty() {
            self.error(
                &format!("{at}.note"),
                "say where the refit figure comes from (every number needs a source or a reason)",
            );
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn arrival(
        &mut self,
        at: &str,
        c: &ArrivalCarry,
        earlier: &[super::LegSpec],
        legs: &[Option<Leg>],
        here: Option<&(PathBuf, Arc<Scenario>)>,
        before: &[ArrivalCarry],
    ) {
        if let Some(from) = self.earlier_leg(at, &c.from_leg, earlier, legs) {
            let Milestone::Taken { place, .. } = &c.when;
            if from.map.place_id(place).is_none() {
                self.error(
                    &format!("{at}.when.place"),
                    format!(
                        "`{place}` is not a place of leg `{}` (scenario `{}`)",
                        c.from_leg, from.id
                    ),
                );
            }
        }
        let taken: Vec<&String> = before.iter().flat_map(|b| &b.units).collect();
        self.units(at, &c.units, here.map(|h| &*h.1), &taken, true);
        if c.after_hours > MAX_AFTER_HOURS {
            self.error(
                &format!("{at}.after_hours"),
                format!(
                    "{} hours is more than a year ({MAX_AFTER_HOURS})",
                    c.after_hours
                ),
            );
        }
        if c.note.trim().is_empty() {
            self.error(
                &format!("{at}.note"),
                "say where the march time comes from (every number needs a source or a reason)",
            );
        }
    }
}
