//! Seed sweeps, shared by `landfall balance` and `landfall arena`: which
//! seeds a shard plays, playing them in parallel (each seed owns its game and
//! RNG, so the order of the workers never shows) with a progress bar on a
//! terminal, and joining shards back into the one list a whole sweep gives.
//!
//! A shard `K/M` plays the seeds whose index is K-1 modulo M. Every result
//! carries its seed; a merge sorts by seed and refuses duplicates, so the
//! report computed from a merge is byte-identical to one run's.

/// Parse `K/M` (1-based, `1 <= K <= M`).
pub fn parse_shard(s: &str) -> Result<(u32, u32), String> {
    let bad = || format!("--shard {s}: expected K/M with 1 <= K <= M, e.g. 1/4");
    let (k, m) = s.split_once('/').ok_or_else(bad)?;
    let (k, m): (u32, u32) = (
        k.trim().parse().map_err(|_| bad())?,
        m.trim().parse().map_err(|_| bad())?,
    );
    if k == 0 || m == 0 || k > m {
        return Err(bad());
    }
    Ok((k, m))
}

/// The seeds of a sweep of `runs` seeds from `first`, or of one shard of it.
#[must_use]
pub fn seeds(first: u64, runs: u32, shard: Option<(u32, u32)>) -> Vec<u64> {
    (0..runs)
        .filter(|i| shard.is_none_or(|(k, m)| i % m == k - 1))
        .map(|i| first + u64::from(i))
        .collect()
}

/// Play `f` on every seed on `jobs` worker threads (default: all cores),
/// with a progress bar counting `unit` on a terminal. Results in seed order.
pub fn play<T: Send>(
    seeds: &[u64],
    jobs: Option<usize>,
    unit: &str,
    f: impl Fn(u64) -> T + Sync,
) -> Result<Vec<T>, String> {
    use rayon::prelude::*;
    let bar = progress(seeds.len() as u64, unit);
    let run = || {
        seeds
            .par_iter()
            .map(|&seed| {
                let r = f(seed);
                if let Some(b) = &bar {
                    b.inc(1);
                }
                r
            })
            .collect::<Vec<_>>()
    };
    let out = match jobs {
        Some(j) => rayon::ThreadPoolBuilder::new()
            .num_threads(j.max(1))
            .build()
            .map_err(|e| format!("cannot start {j} worker threads: {e}"))?
            .install(run),
        None => run(),
    };
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    Ok(out)
}

/// A progress bar on stderr, only when stderr is a terminal (CI logs stay clean).
#[must_use]
pub fn progress(len: u64, unit: &str) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal().then(|| {
        let b = indicatif::ProgressBar::new(len);
        if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
            "{{bar:40}} {{pos}}/{{len}} {unit}, {{elapsed}} (eta {{eta}})"
        )) {
            b.set_style(style);
        }
        b
    })
}

/// Join the per-seed results of several shards: sorted by seed, each seed
/// once (a seed in two shards is an error).
pub fn merge_by_seed<T>(parts: Vec<Vec<T>>, seed: impl Fn(&T) -> u64) -> Result<Vec<T>, String> {
    let mut all: Vec<T> = parts.into_iter().flatten().collect();
    all.sort_by_key(&seed);
    if all.windows(2).any(|w| seed(&w[0]) == seed(&w[1])) {
        return Err("the same seed appears in more than one shard".into());
    }
    Ok(all)
}

/// Check that every shard was played with the same settings as the first:
/// `settings` gives what must agree, `name` the shard's label for the error.
pub fn same_settings<T, S: PartialEq>(
    parts: &[T],
    settings: impl Fn(&T) -> S,
    name: impl Fn(&T) -> Option<String>,
) -> Result<(), String> {
    let Some(first) = parts.first() else {
        return Err("no files to merge".into());
    };
    match parts.iter().find(|p| settings(p) != settings(first)) {
        None => Ok(()),
        Some(p) => Err(format!(
            "shard {} was played with other settings or scenario data than shard {}",
            name(p).unwrap_or_else(|| "?".into()),
            name(first).unwrap_or_else(|| "?".into())
        )),
    }
}

/// Read shard files written with `--json`: each parsed as `T`, errors with
/// file:line:col. `what` names the kind of file for the message.
pub fn read_parts<T: serde::de::DeserializeOwned>(
    files: &[std::path::PathBuf],
    what: &str,
) -> Result<Vec<T>, String> {
    files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
            serde_json::from_str(&text).map_err(|e| {
                format!(
                    "{}:{}:{}: not a {what} file: {e}",
                    f.display(),
                    e.line(),
                    e.column()
                )
            })
        })
        .collect()
}

/// A shipped scenario's directory from its id, for merging shards:
/// `scenarios/ID` under the working directory, else under the source tree.
#[must_use]
pub fn scenario_dir(id: &str) -> std::path::PathBuf {
    use std::path::PathBuf;
    [
        "scenarios",
        concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios"),
    ]
    .iter()
    .map(|r| PathBuf::from(r).join(id))
    .find(|p| p.exists())
    .unwrap_or_else(|| PathBuf::from("scenarios").join(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_split_the_seeds_and_parse() {
        assert_eq!(parse_shard("2/4"), Ok((2, 4)));
        assert!(parse_shard("5/4").is_err() && parse_shard("0/4").is_err());
        assert!(parse_shard("x").is_err() && parse_shard("1/x").is_err());
        assert_eq!(seeds(10, 5, None), [10, 11, 12, 13, 14]);
        assert_eq!(seeds(10, 5, Some((1, 2))), [10, 12, 14]);
        assert_eq!(seeds(10, 5, Some((2, 2))), [11, 13]);
    }

    #[test]
    fn merging_shards_gives_the_whole_sweep_in_seed_order() {
        let whole: Vec<u64> = seeds(1, 7, None);
        let parts: Vec<Vec<u64>> = (1..=3).rev().map(|k| seeds(1, 7, Some((k, 3)))).collect();
        assert_eq!(merge_by_seed(parts, |&s| s), Ok(whole));
        assert!(merge_by_seed(vec![vec![1u64, 2], vec![2]], |&s| s).is_err());
    }

    #[test]
    fn played_results_keep_seed_order() {
        let out = play(&[5, 3, 9], Some(2), "runs", |s| s * 2).unwrap();
        assert_eq!(out, [10, 6, 18]);
    }

    #[test]
    fn shards_with_other_settings_do_not_merge() {
        let parts = [(1, "a"), (1, "b"), (2, "c")];
        assert!(same_settings(&parts[..2], |p| p.0, |p| Some(p.1.into())).is_ok());
        assert_eq!(
            same_settings(&parts, |p| p.0, |p| Some(p.1.into())),
            Err("shard c was played with other settings or scenario data than shard a".into())
        );
    }
}
