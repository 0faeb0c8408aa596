//! `landfall bench`: the speed and memory figures of the headless engine,
//! each the median of several runs, next to its target.
//!
//! A benchmark, not a test: it reports, it never fails on timing (CI runs it
//! for the record). Measure a release build. `figures.rs` holds the
//! measurements on the shipped scenarios, `ai_turns.rs` the computer's
//! turn per difficulty level on Sicily, `scaling.rs` the AI turn on
//! generated maps of growing size; this file the timing helper, the figure
//! type and the table. Results and the machine: `docs/performance.md`.

pub mod ai_turns;
pub mod figures;
pub mod scaling;

use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// How a figure is measured and compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Unit {
    /// Seconds of wall time (shown in s, ms or µs).
    Seconds,
    /// Bytes (shown in MB).
    Bytes,
}

/// One measured figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Stable key for JSON consumers, e.g. `sicily_campaign`.
    pub key: String,
    /// What was measured.
    pub name: String,
    /// Seconds or bytes.
    pub unit: Unit,
    /// The median (or the extrapolated value, see `note`).
    pub measured: f64,
    /// The target: `measured <= target` is ok.
    pub target: f64,
    /// Runs the median was taken over.
    pub runs: usize,
    /// How it was obtained, when not a plain median (e.g. extrapolated).
    pub note: String,
}

impl Figure {
    /// Does it meet its target?
    #[must_use]
    pub fn ok(&self) -> bool {
        self.measured <= self.target
    }
}

/// AI turn time at one map size.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScalePoint {
    /// Hexes on the generated map.
    pub hexes: usize,
    /// Units in the scenario.
    pub units: usize,
    /// Median seconds for one AI turn (both sides).
    pub seconds: f64,
}

/// Everything `landfall bench` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// `nproc` and the CPU model.
    pub machine: String,
    /// Quick mode (fewer runs, scaled-down sweep).
    pub quick: bool,
    /// The figures, in table order.
    pub figures: Vec<Figure>,
    /// AI turn time by map size.
    pub scaling: Vec<ScalePoint>,
    /// Mean time ratio per doubling of the map (linear ≈ 2.0).
    pub ratio_per_doubling: Option<f64>,
}

/// Time `f` `runs` times; the median in seconds. The first result is kept
/// alive until the end so that dropping it is not timed.
pub fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let t0 = Instant::now();
            let out = f();
            let dt = t0.elapsed().as_secs_f64();
            drop(out);
            dt
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Median time per call of a fast operation: `batch` calls per sample.
pub fn median_per_call<T>(runs: usize, batch: usize, mut f: impl FnMut() -> T) -> f64 {
    median(runs, || {
        for _ in 0..batch {
            std::hint::black_box(f());
        }
    }) / batch.max(1) as f64
}

/// A shipped scenario's directory: `scenarios/NAME` under the working
/// directory, else under the source tree.
#[must_use]
pub fn scenario_dir(name: &str) -> PathBuf {
    let local = Path::new("scenarios").join(name);
    if local.exists() {
        return local;
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name)
}

/// `2 × AMD EPYC` from `nproc` and /proc/cpuinfo.
#[must_use]
pub fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(1, usize::from);
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, m)| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    format!("{cpus} × {model}")
}

/// A value in seconds as `0.213 s`, `12.4 ms` or `38.1 µs`.
#[must_use]
pub fn show_seconds(s: f64) -> String {
    if s >= 1.0 {
        format!("{s:.2} s")
    } else if s >= 1e-3 {
        format!("{:.1} ms", s * 1e3)
    } else {
        format!("{:.1} µs", s * 1e6)
    }
}

fn show(unit: Unit, v: f64) -> String {
    match unit {
        Unit::Seconds => show_seconds(v),
        Unit::Bytes => format!("{:.1} MB", v / 1_048_576.0),
    }
}

/// Geometric mean ratio of time per doubling of hexes between the smallest
/// and the largest map.
#[must_use]
pub fn ratio_per_doubling(points: &[ScalePoint]) -> Option<f64> {
    let (a, b) = (points.first()?, points.last()?);
    if b.hexes <= a.hexes || a.seconds <= 0.0 {
        return None;
    }
    let doublings = (b.hexes as f64 / a.hexes as f64).log2();
    Some((b.seconds / a.seconds).powf(1.0 / doublings))
}

/// The human table.
#[must_use]
pub fn table(r: &Report) -> String {
    let mut out = format!(
        "machine: {}{}\n\n",
        r.machine,
        if r.quick { "  (quick mode)" } else { "" }
    );
    let w = r
        .figures
        .iter()
        .map(|f| f.name.chars().count())
        .max()
        .unwrap_or(6)
        .max(6);
    out += &format!(
        "{:<w$}  {:>10}  {:>10}  {:>3}  {:>4}\n",
        "figure", "measured", "target", "ok", "runs"
    );
    for f in &r.figures {
        out += &format!(
            "{:<w$}  {:>10}  {:>10}  {:>3}  {:>4}{}\n",
            f.name,
            show(f.unit, f.measured),
            show(f.unit, f.target),
            if f.ok() { "yes" } else { "NO" },
            f.runs,
            if f.note.is_empty() {
                String::new()
            } else {
                format!("  ({})", f.note)
            }
        );
    }
    if !r.scaling.is_empty() {
        out += "\nAI turn (both sides) on generated maps:\n";
        out += &format!(
            "{:>8}  {:>6}  {:>10}  {:>8}\n",
            "hexes", "units", "time", "ratio"
        );
        let mut prev: Option<&ScalePoint> = None;
        for p in &r.scaling {
            let ratio = prev.map_or(String::new(), |q| {
                let d = (p.hexes as f64 / q.hexes as f64).log2();
                format!("{:.2}/dbl", (p.seconds / q.seconds).powf(1.0 / d))
            });
            out += &format!(
                "{:>8}  {:>6}  {:>10}  {:>8}\n",
                p.hexes,
                p.units,
                show_seconds(p.seconds),
                ratio
            );
            prev = Some(p);
        }
        if let Some(x) = r.ratio_per_doubling {
            out += &format!("time ratio per doubling of map and units: {x:.2} (linear = 2.00)\n");
        }
    }
    out
}

#[cfg(test)]
mod tests;
