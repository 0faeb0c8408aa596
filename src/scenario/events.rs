//! Checks of the scenario's `events` and their resolution to ids: unique
//! event ids, a trigger naming a known place or unit and a turn within the
//! scenario, effects naming known units and nations, a unit released by at
//! most one `Arrive` and only if it has an `arrival`. Errors at the value.

use super::compile::Report;
use super::loader::Doc;
use super::model::{EventEffect, EventTrigger, Map, ScenarioEvent, Terrain, UnitDef};
use super::schema::{Effect, ScenarioFile, Trigger};
use std::collections::{BTreeMap, BTreeSet};

/// Resolve the events of `main` against the map and the units (sorted by
/// id); errors go to `r` and leave the event out.
pub fn resolve(
    main: &Doc<ScenarioFile>,
    map: &Map,
    terrain: &[Terrain],
    units: &[UnitDef],
    r: &mut Report,
) -> Vec<ScenarioEvent> {
    let m = &main.value;
    let unit = |id: &str| units.binary_search_by(|u| u.id.as_str().cmp(id)).ok();
    let nations: BTreeSet<&str> = units.iter().map(|u| u.nation.as_str()).collect();
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    let mut released: BTreeMap<usize, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for (i, e) in m.events.iter().enumerate() {
        let at = |field: &str| format!("events[{i}].{field}");
        let before = r.errors();
        if let Some(first) = ids.insert(&e.id, i) {
            r.error(
                main,
                &at("id"),
                format!("duplicate event id `{}` (first at events[{first}])", e.id),
            );
        }
        if e.then.is_empty() {
            r.error(
                main,
                &at("then"),
                format!("event `{}` does nothing: `then` is empty", e.id),
            );
        }
        let when = match &e.when {
            Trigger::Turn(t) => {
                if *t < 1 || *t > m.turns {
                    r.error(
                        main,
                        &at("when[0]"),
                        format!(
                            "event `{}` fires on turn {t}, outside turns 1..{}",
                            e.id, m.turns
                        ),
                    );
                }
                EventTrigger::Turn(*t)
            }
            Trigger::Taken { place, by } => match map.place_id(place) {
                Some(p) => EventTrigger::Taken { place: p, by: *by },
                None => {
                    r.error(main, &at("when.place"), format!("unknown place `{place}`"));
                    EventTrigger::Turn(0)
                }
            },
            Trigger::Eliminated(id) => match unit(id) {
                Some(u) => EventTrigger::Eliminated(u as u16),
                None => {
                    r.error(main, &at("when[0]"), format!("unknown unit `{id}`"));
                    EventTrigger::Turn(0)
                }
            },
            Trigger::StepsLost {
                side,
                nation,
                at_least,
            } => {
                if let Some(n) = nation.as_deref().filter(|n| !nations.contains(n)) {
                    r.error(
                        main,
                        &at("when.nation"),
                        format!("no unit has nation `{n}`"),
                    );
                }
                if *at_least == 0 {
                    r.error(
                        main,
                        &at("when.at_least"),
                        "`at_least` must be 1 or more (0 would fire at once)",
                    );
                }
                EventTrigger::StepsLost {
                    side: *side,
                    nation: nation.clone(),
                    at_least: *at_least,
                }
            }
        };
        let mut then = Vec::new();
        for (k, x) in e.then.iter().enumerate() {
            let here = at(&format!("then[{k}]"));
            let ids_of = |list: &[String], r: &mut Report| -> Vec<u16> {
                let mut v = Vec::new();
                for (j, id) in list.iter().enumerate() {
                    match unit(id) {
                        Some(u) => v.push(u as u16),
                        None => r.error(
                            main,
                            &format!("{here}[0][{j}]"),
                            format!("unknown unit `{id}`"),
                        ),
                    }
                }
                v
            };
            then.push(match x {
                Effect::Message(s) => EventEffect::Message(s.clone()),
                Effect::Vp { side, vp } => EventEffect::Vp {
                    side: *side,
                    vp: *vp,
                },
                Effect::Ratings {
                    nation,
                    attack_percent,
                    defence_percent,
                } => {
                    if !nations.contains(nation.as_str()) {
                        r.error(
                            main,
                            &format!("{here}.nation"),
                            format!("no unit has nation `{nation}`"),
                        );
                    }
                    if *defence_percent == 0 {
                        r.error(
                            main,
                            &format!("{here}.defence_percent"),
                            "`defence_percent` must be 1 or more",
                        );
                    }
                    EventEffect::Ratings {
                        nation: nation.clone(),
                        attack_percent: *attack_percent,
                        defence_percent: (*defence_percent).max(1),
                    }
                }
                Effect::Arrive(list) => {
                    let v = ids_of(list, r);
                    for (j, &u) in v.iter().enumerate() {
                        let path = format!("{here}[0][{j}]");
                        if units[u as usize].arrival.is_none() {
                            r.error(
                                main,
                                &path,
                                format!(
                                    "unit `{}` has no `arrival`, so an event cannot bring it on",
                                    units[u as usize].id
                                ),
                            );
                        } else if let Some(first) = released.insert(u as usize, i) {
                            r.error(
                                main,
                                &path,
                                format!(
                                    "unit `{}` is already brought on by event `{}`",
                                    units[u as usize].id, m.events[first].id
                                ),
                            );
                        }
                    }
                    EventEffect::Arrive(v)
                }
                Effect::Withdraw {
                    units: list,
                    nation,
                } => {
                    let mut v = ids_of(list, r);
                    if let Some(n) = nation {
                        if !nations.contains(n.as_str()) {
                            r.error(
                                main,
                                &format!("{here}.nation"),
                                format!("no unit has nation `{n}`"),
                            );
                        }
                        v.extend(
                            units
                                .iter()
                                .enumerate()
                                .filter(|(_, u)| u.nation == *n)
                                .map(|(k, _)| k as u16),
                        );
                    }
                    v.sort_unstable();
                    v.dedup();
                    EventEffect::Withdraw(v)
                }
                Effect::Demolish(sides) => {
                    let mut v = Vec::new();
                    for (j, (a, b)) in sides.iter().enumerate() {
                        match crate::rules::demolition::site_on(
                            map,
                            terrain,
                            a.to_hex(),
                            b.to_hex(),
                        ) {
                            Ok(()) => v.push(crate::rules::demolition::key(a.to_hex(), b.to_hex())),
                            Err(why) => r.error(main, &format!("{here}[0][{j}]"), why),
                        }
                    }
                    EventEffect::Demolish(v)
                }
                Effect::Window { rule, open } => EventEffect::Window {
                    rule: *rule,
                    open: *open,
                },
            });
        }
        if r.errors() == before {
            out.push(ScenarioEvent {
                id: e.id.clone(),
                when,
                then,
                note: e.note.clone(),
            });
        }
    }
    out
}
