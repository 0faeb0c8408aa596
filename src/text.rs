//! Words for the player: event-log lines, the turn header with its calendar
//! date, unit labels. Pure functions of the scenario and state, so the log
//! reads the same in the window, in screenshots and in tests.

use crate::command::{phase_name, Event};
use crate::hex::OffsetCoord;
use crate::rules::GameView;
use crate::scenario::schema::UnitSize;
use crate::scenario::{PhaseSpec, Scenario};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTH_DAYS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/// Calendar date and hour at the start of `turn` ("13 July 1943, 06:00").
#[must_use]
pub fn turn_date(s: &Scenario, turn: u32) -> String {
    let hours = s.start.hour + turn.saturating_sub(1) * s.turn_hours;
    let (mut day, mut month, mut year) = (
        s.start.day + hours / 24,
        s.start.month.clamp(1, 12),
        s.start.year,
    );
    loop {
        let len = MONTH_DAYS[(month - 1) as usize] + u32::from(month == 2 && year % 4 == 0);
        if day <= len {
            break;
        }
        day -= len;
        month += 1;
        if month > 12 {
            month = 1;
            year += 1;
        }
    }
    let name = MONTHS[(month - 1) as usize];
    if s.turn_hours.is_multiple_of(24) {
        format!("{day} {name} {year}")
    } else {
        format!("{day} {name} {year}, {:02}:00", hours % 24)
    }
}

/// The header line: "Turn 4 of 12 — 13 July 1943, Allied movement".
#[must_use]
pub fn turn_header(s: &Scenario, turn: u32, phase: PhaseSpec) -> String {
    format!(
        "Turn {turn} of {} — {}, {}",
        s.turns,
        turn_date(s, turn),
        phase_name(phase)
    )
}

/// NATO size marker drawn above the unit symbol.
#[must_use]
pub fn size_marker(size: UnitSize) -> &'static str {
    match size {
        UnitSize::Company => "I",
        UnitSize::Battalion => "II",
        UnitSize::Regiment => "III",
        UnitSize::Brigade => "X",
        UnitSize::Division => "XX",
        UnitSize::Corps => "XXX",
        UnitSize::Army => "XXXX",
    }
}

fn place_or_hex(view: &GameView, at: OffsetCoord) -> String {
    let hex = at.to_hex();
    match view.scenario.map.place(hex) {
        Some(p) => format!("{} {at}", p.name),
        None => at.to_string(),
    }
}

/// One log line for an event; `None` for events not worth a line.
#[must_use]
pub fn event_line(view: &GameView, e: &Event) -> Option<String> {
    let s = view.scenario;
    let name = |u: &u16| view.name(*u).to_string();
    Some(match e {
        Event::Moved {
            unit,
            path,
            mp_left,
        } => {
            let to = path
                .last()
                .map_or_else(String::new, |&c| place_or_hex(view, c));
            format!("{} moved to {to} ({mp_left} MP left)", name(unit))
        }
        Event::Combat {
            attackers,
            target,
            column,
            die,
            result,
        } => {
            let who: Vec<String> = attackers.iter().map(name).collect();
            format!(
                "⚔ {} attacked {} at {column}: die {die}: {result}",
                who.join(", "),
                place_or_hex(view, *target)
            )
        }
        Event::StepLost {
            unit,
            steps,
            left,
            cause,
        } => {
            format!(
                "{} lost {steps} step{} ({cause}), {left} left",
                name(unit),
                if *steps == 1 { "" } else { "s" }
            )
        }
        Event::Eliminated { unit } => format!("✝ {} eliminated", name(unit)),
        Event::Retreated { unit, path } => {
            let to = path
                .last()
                .map_or_else(String::new, |&c| place_or_hex(view, c));
            format!("{} retreated to {to}", name(unit))
        }
        Event::RetreatBlocked { unit } => format!("{} could not retreat", name(unit)),
        Event::Contact { unit, at, short_by } => format!(
            "{} ran into an enemy it had not seen and stopped at {} ({short_by} hex{} short)",
            name(unit),
            place_or_hex(view, *at),
            if *short_by == 1 { "" } else { "es" }
        ),
        Event::Advanced { unit, to } => {
            format!("{} advanced into {}", name(unit), place_or_hex(view, *to))
        }
        Event::ControlChanged { place, side } => {
            format!(
                "⚑ {} taken by the {side}",
                s.map.places[*place as usize].name
            )
        }
        Event::PhaseBegan { turn, phase } => format!("— {} —", turn_header(s, *turn, *phase)),
        Event::Landed { unit, beach, at } => {
            let b = s
                .map
                .beaches
                .get(*beach as usize)
                .map_or("a beach", |b| b.name.as_str());
            format!("⚓ {} landed on {b} at {at}", name(unit))
        }
        Event::Dropped {
            unit,
            zone,
            at,
            scatter,
        } => {
            let z = s
                .map
                .drop_zones
                .get(*zone as usize)
                .map_or("a drop zone", |z| z.name.as_str());
            let drift = match scatter {
                0 => "on target".to_string(),
                1 => "1 hex off".to_string(),
                n => format!("{n} hexes off"),
            };
            format!("☂ {} dropped at {at} ({z}, {drift})", name(unit))
        }
        Event::Arrived { unit, at } => {
            format!("{} arrived at {}", name(unit), place_or_hex(view, *at))
        }
        Event::Delayed {
            unit,
            until,
            reason,
        } => format!("{} delayed to turn {until}: {reason}", name(unit)),
        Event::SupplyChanged {
            unit,
            out_of_supply,
        } => {
            if *out_of_supply {
                format!("{} is out of supply", name(unit))
            } else {
                format!("{} is back in supply", name(unit))
            }
        }
        Event::EventFired { event, id } => {
            let note = s.events.get(*event as usize).map_or("", |e| e.note.as_str());
            if note.is_empty() {
                format!("✦ Event: {id}")
            } else {
                format!("✦ Event: {id} — {note}")
            }
        }
        Event::Message { text } => format!("✦ {text}"),
        Event::RatingsChanged {
            nation,
            attack_percent,
            defence_percent,
        } => format!(
            "{nation} units now attack at {attack_percent}% and defend at {defence_percent}% of their ratings"
        ),
        Event::Withdrawn { unit } => format!("{} withdrawn from the game", name(unit)),
        Event::WindowChanged { rule, open } => {
            format!("{rule:?} {}", if *open { "allowed from now on" } else { "no longer allowed" })
        }
        Event::Evacuated { unit, steps } => {
            format!("{} evacuated across the strait ({steps} steps)", name(unit))
        }
        Event::Scored { side, vp, reason } => format!("{side} +{vp} VP: {reason}"),
        Event::GameOver { winner, reason } => match winner {
            Some(w) => format!("★ Game over — {w} victory: {reason}"),
            None => format!("★ Game over — draw: {reason}"),
        },
        Event::Undone => "↶ last command taken back".to_string(),
        Event::Blown { from, to, unit } => match unit {
            Some(u) => format!("💥 {} blew the crossing {from}–{to}", name(u)),
            None => format!("💥 the crossing {from}–{to} is blown"),
        },
        Event::RepairWork {
            from,
            to,
            unit,
            done,
            needed,
        } => {
            if done >= needed {
                format!("{} repaired the crossing {from}–{to}", name(unit))
            } else {
                format!(
                    "{} works on the blown crossing {from}–{to} ({done} of {needed})",
                    name(unit)
                )
            }
        }
        Event::Embarked { unit, beach, lands } => format!(
            "{} embarked for {} (lands on turn {lands})",
            name(unit),
            s.map.beaches.get(*beach as usize).map_or("a beach", |b| b.name.as_str())
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::builder::TestScenario;
    use crate::scenario::schema::StartDate;

    fn scenario(day: u32, month: u32, hour: u32, turn_hours: u32) -> Scenario {
        let mut s = (*TestScenario::new(&["cc"]).build().scenario).clone();
        s.start = StartDate {
            year: 1943,
            month,
            day,
            hour,
        };
        s.turn_hours = turn_hours;
        s.turns = 12;
        s
    }

    #[test]
    fn half_day_turns_show_the_hour() {
        let s = scenario(10, 7, 3, 12);
        assert_eq!(turn_date(&s, 1), "10 July 1943, 03:00");
        assert_eq!(turn_date(&s, 2), "10 July 1943, 15:00");
        assert_eq!(turn_date(&s, 3), "11 July 1943, 03:00");
    }

    #[test]
    fn day_turns_roll_over_the_month_end() {
        let s = scenario(30, 7, 0, 24);
        assert_eq!(turn_date(&s, 3), "1 August 1943");
        assert_eq!(
            turn_header(&s, 4, PhaseSpec::Movement(crate::scenario::Side::Allied)),
            "Turn 4 of 12 — 2 August 1943, Allied movement"
        );
    }
}
