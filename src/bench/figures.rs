//! The figures of `landfall bench` on the shipped scenarios: whole campaigns
//! AI against AI, replay verification, loading, the rule queries the AI
//! calls most (reachable set, supply trace, combat odds), peak memory and
//! the balance sweep.

use super::{median, median_per_call, scaling, scenario_dir, Figure, Unit};
use crate::ai::selfplay;
use crate::ai::{AiLevels, AiParams};
use crate::cli::balance::{self, BalanceArgs};
use crate::cli::sweep_flags::SweepFlags;
use crate::rules::combat::{self, Support};
use crate::rules::{movement, supply, GameView};
use crate::scenario::{MoveClass, Scenario, Side, UnitId};
use crate::sim::Game;
use std::sync::Arc;

/// How many runs each kind of figure takes.
#[derive(Debug, Clone, Copy)]
pub struct Runs {
    /// Whole campaigns, replays, loads.
    pub slow: usize,
    /// Samples of a fast query...
    pub fast: usize,
    /// ...each of this many calls.
    pub batch: usize,
    /// AI turns on the large map.
    pub large: usize,
    /// Games in the balance sweep actually played (1,000 = the full figure).
    pub sweep: u32,
}

impl Runs {
    /// Full or quick settings.
    #[must_use]
    pub fn new(quick: bool) -> Self {
        if quick {
            Self {
                slow: 3,
                fast: 5,
                batch: 200,
                large: 1,
                sweep: 100,
            }
        } else {
            Self {
                slow: 7,
                fast: 11,
                batch: 2000,
                large: 3,
                sweep: 1000,
            }
        }
    }
}

fn figure(key: &str, name: &str, unit: Unit, measured: f64, target: f64, runs: usize) -> Figure {
    Figure {
        key: key.into(),
        name: name.into(),
        unit,
        measured,
        target,
        runs,
        note: String::new(),
    }
}

fn load(name: &str) -> Result<Arc<Scenario>, String> {
    let dir = scenario_dir(name);
    crate::scenario::load_scenario(&dir).map_err(|d| {
        format!(
            "{} does not load: {}",
            dir.display(),
            d.first().map_or(String::new(), ToString::to_string)
        )
    })
}

fn params() -> Result<AiParams, String> {
    AiLevels::builtin().get(None).cloned()
}

/// Whole campaigns and the replay of one.
pub fn campaigns(r: Runs) -> Result<Vec<Figure>, String> {
    let p = params()?;
    let sicily = load("sicily")?;
    let salerno = load("salerno")?;
    let t_sicily = median(r.slow, || selfplay::simulate(&sicily, 1, None, &p, &p));
    let t_salerno = median(r.slow, || selfplay::simulate(&salerno, 1, None, &p, &p));
    let game = selfplay::simulate(&sicily, 1, None, &p, &p).game;
    let replay = crate::replay::record(&game);
    crate::replay::verify(&sicily, &replay)
        .map_err(|e| format!("Sicily replay does not verify: {e}"))?;
    let t_replay = median(r.slow, || crate::replay::verify(&sicily, &replay));
    let dir = scenario_dir("sicily");
    let t_load = median(r.slow * 2 + 1, || crate::scenario::load(&dir));
    Ok(vec![
        figure(
            "sicily_campaign",
            "full Sicily campaign, AI vs AI",
            Unit::Seconds,
            t_sicily,
            0.25,
            r.slow,
        ),
        figure(
            "salerno_campaign",
            "full Salerno campaign, AI vs AI",
            Unit::Seconds,
            t_salerno,
            0.1,
            r.slow,
        ),
        figure(
            "sicily_replay",
            "replay verification, full Sicily game",
            Unit::Seconds,
            t_replay,
            0.1,
            r.slow,
        ),
        figure(
            "sicily_load",
            "Sicily load + validate",
            Unit::Seconds,
            t_load,
            0.020,
            r.slow * 2 + 1,
        ),
    ])
}

/// A Sicily game three turns in: units of both sides on the map, in contact.
fn midgame(s: &Arc<Scenario>) -> Result<Game, String> {
    Ok(selfplay::simulate(s, 1, Some(3), &params()?, &params()?).game)
}

/// The motorised (wheeled) unit on the map that reaches the most hexes now:
/// the expensive case of the query.
fn motorised(view: &GameView) -> Option<(UnitId, usize)> {
    Side::BOTH
        .iter()
        .flat_map(|&side| view.side_units(side))
        .filter(|u| view.def(u.id).class == MoveClass::Motorised)
        .map(|u| (u.id, movement::reachable(view, u.id).destinations().len()))
        .max_by_key(|&(id, n)| (n, std::cmp::Reverse(id)))
}

/// An Allied unit next to an Axis-held hex, and that hex.
fn contact(view: &GameView) -> Option<(UnitId, crate::hex::Hex)> {
    view.side_units(Side::Allied).find_map(|u| {
        let h = u.hex()?;
        h.all_neighbors()
            .into_iter()
            .find(|&n| view.enemy_occupied(n, Side::Allied))
            .filter(|&n| combat::odds(view, &[u.id], n, &Support::default(), false).is_ok())
            .map(|n| (u.id, n))
    })
}

/// Reachable set, supply trace and combat odds on Sicily.
pub fn queries(r: Runs) -> Result<Vec<Figure>, String> {
    let s = load("sicily")?;
    let game = midgame(&s)?;
    let view = game.view();
    let (unit, hexes) = motorised(&view).ok_or("no motorised unit on the Sicily map")?;
    let t_reach = median_per_call(r.fast, r.batch, || movement::reachable(&view, unit));
    let t_supply = median_per_call(r.fast, r.batch / 10 + 1, || {
        // A fresh view each time: the supply phase builds one too.
        let v = game.view();
        (
            supply::trace(&v, Side::Allied),
            supply::trace(&v, Side::Axis),
        )
    });
    let (attacker, target) =
        contact(&view).ok_or("no Allied unit in contact three turns into Sicily")?;
    let support = Support::default();
    let t_odds = median_per_call(r.fast, r.batch * 10, || {
        combat::odds(&view, &[attacker], target, &support, false)
    });
    Ok(vec![
        Figure {
            note: format!("{} reaches {hexes} hexes", view.def(unit).id),
            ..figure(
                "sicily_reachable",
                "reachable set, one motorised unit, Sicily",
                Unit::Seconds,
                t_reach,
                50e-6,
                r.fast,
            )
        },
        figure(
            "sicily_supply",
            "supply trace, both sides, one turn, Sicily",
            Unit::Seconds,
            t_supply,
            1e-3,
            r.fast,
        ),
        figure(
            "combat_odds",
            "combat outcome distribution (preview)",
            Unit::Seconds,
            t_odds,
            5e-6,
            r.fast,
        ),
    ])
}

/// One AI turn on the large generated map, from a scaling table that ends
/// with it.
#[must_use]
pub fn large_turn(points: &[super::ScalePoint], runs: usize) -> Option<Figure> {
    let p = points.iter().find(|p| p.hexes >= 100_000 - 1_000)?;
    Some(figure(
        "large_ai_turn",
        &format!(
            "one AI turn, generated map ({} hexes, {} units)",
            p.hexes, p.units
        ),
        Unit::Seconds,
        p.seconds,
        1.0,
        runs,
    ))
}

/// Peak resident memory of a headless Sicily simulation, in a child process
/// (`landfall bench --rss-child`) so the bench's own allocations don't count.
pub fn peak_rss() -> Result<Figure, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = std::process::Command::new(exe)
        .args(["bench", "--rss-child"])
        .arg(scenario_dir("sicily"))
        .output()
        .map_err(|e| format!("cannot run the child: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let kb: f64 = text.trim().parse().map_err(|_| {
        format!(
            "child printed `{}` (stderr: {})",
            text.trim(),
            String::from_utf8_lossy(&out.stderr).trim()
        )
    })?;
    let mut f = figure(
        "sicily_peak_rss",
        "peak RSS, headless Sicily simulation",
        Unit::Bytes,
        kb * 1024.0,
        64.0 * 1_048_576.0,
        1,
    );
    f.note = "VmHWM of a child process".into();
    Ok(f)
}

/// What the child of [`peak_rss`] does: simulate the scenario in `dir` as
/// `landfall simulate` does, then print VmHWM (kB) from /proc/self/status.
pub fn rss_child(dir: &std::path::Path) -> Result<u64, String> {
    let s = crate::scenario::load_scenario(dir)
        .map_err(|_| format!("{} does not load", dir.display()))?;
    let p = params()?;
    let sim = selfplay::simulate(&s, 1, None, &p, &p);
    std::hint::black_box(&sim.summary);
    let status = std::fs::read_to_string("/proc/self/status")
        .map_err(|e| format!("/proc/self/status: {e}"))?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .ok_or_else(|| "no VmHWM in /proc/self/status".into())
}

/// The balance sweep of 1,000 Sicily runs on 2 worker threads; with fewer
/// runs (quick mode) the time is scaled up to 1,000 and labelled so.
pub fn sweep(r: Runs) -> Result<Figure, String> {
    let s = load("sicily")?;
    let args = BalanceArgs {
        inputs: vec![scenario_dir("sicily")],
        runs: r.sweep,
        turns: None,
        difficulty: None,
        sweep: SweepFlags {
            jobs: Some(2),
            json: true,
            ..SweepFlags::default()
        },
    };
    let t0 = std::time::Instant::now();
    let w = balance::sweep(&s, &args)?;
    let t = t0.elapsed().as_secs_f64();
    std::hint::black_box(&w);
    let mut f = figure(
        "sicily_sweep",
        "balance sweep, 1,000 Sicily runs, 2 jobs",
        Unit::Seconds,
        t * 1000.0 / f64::from(r.sweep),
        120.0,
        1,
    );
    if r.sweep != 1000 {
        f.note = format!(
            "extrapolated from {} runs × {}",
            r.sweep,
            1000 / r.sweep.max(1)
        );
    }
    Ok(f)
}

/// Groups of figures `--only` can pick.
pub const GROUPS: [&str; 6] = ["campaigns", "queries", "ai", "scaling", "rss", "sweep"];

/// Every figure and the scaling table, or only the groups named in `only`.
pub fn all(quick: bool, only: &[String], sizes: &[u32]) -> Result<super::Report, String> {
    let r = Runs::new(quick);
    let want = |g: &str| only.is_empty() || only.iter().any(|o| o == g);
    let mut figures = Vec::new();
    if want("campaigns") {
        figures.extend(campaigns(r)?);
    }
    if want("queries") {
        figures.extend(queries(r)?);
    }
    if want("ai") {
        figures.extend(super::ai_turns::figures(&load("sicily")?, r.slow)?);
    }
    let scaling = if want("scaling") {
        scaling::table(r.large, sizes)?
    } else {
        Vec::new()
    };
    figures.extend(large_turn(&scaling, r.large));
    if want("rss") {
        figures.push(peak_rss()?);
    }
    if want("sweep") {
        figures.push(sweep(r)?);
    }
    Ok(super::Report {
        machine: super::machine(),
        quick,
        figures,
        ratio_per_doubling: super::ratio_per_doubling(&scaling),
        scaling,
    })
}
