//! A small fuzzing engine that runs on stable Rust (cargo-fuzz needs
//! nightly): a seeded xorshift generator, a corpus of seed inputs, mutators
//! (see `mutate.rs`), and a loop that runs a target on mutated inputs until a
//! time or execution budget is spent, catching every panic.
//!
//! There is no coverage feedback: inputs are chosen from the corpus and
//! mutated blindly, but the mutators know the RON structure (numbers, lines,
//! brackets, identifiers), which is where the bugs of a text loader live.
//! A panicking input is written to `target/fuzz-crashes/<target>/` and the run
//! fails listing the files; copy one to `tests/fixtures/regressions/` with a
//! test once it is fixed.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};

/// xorshift64*: small, fast, and reproducible from its seed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced: xorshift needs a non-zero state).
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self(seed ^ 0x9E37_79B9_7F4A_7C15 | 1)
    }
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number below `n` (0 if `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    /// True with probability 1/`n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }
    /// A random element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// The fuzzing budget: `LANDFALL_FUZZ_SECS` seconds (default `default_secs`),
/// or at most `LANDFALL_FUZZ_EXECS` executions if set.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// Wall-clock limit.
    pub time: Duration,
    /// Execution limit.
    pub execs: u64,
}

impl Budget {
    /// Read the budget from the environment.
    #[must_use]
    pub fn from_env(default_secs: u64) -> Self {
        let var = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
        Self {
            time: Duration::from_secs(var("LANDFALL_FUZZ_SECS").unwrap_or(default_secs)),
            execs: var("LANDFALL_FUZZ_EXECS").unwrap_or(u64::MAX),
        }
    }
    /// A fixed number of executions (for the quick, always-on tests).
    #[must_use]
    pub fn execs(n: u64) -> Self {
        Self {
            time: Duration::from_secs(3600),
            execs: n,
        }
    }
}

/// What one fuzzing run did.
#[derive(Debug, Default)]
pub struct Report {
    /// Target name.
    pub target: String,
    /// Inputs executed (corpus + mutated).
    pub execs: u64,
    /// Seed inputs the target was given.
    pub seeds: usize,
    /// Seed inputs executed as they are (the corpus replayed).
    pub corpus_execs: usize,
    /// Mutated inputs that got past the parser into the code behind it (a
    /// scenario that loaded, a replay that was verified, a command accepted).
    pub deep_mutations: u64,
    /// Wall-clock seconds.
    pub secs: f64,
    /// Slowest single execution, in milliseconds.
    pub slowest_ms: u128,
    /// Files written for panicking inputs.
    pub crashes: Vec<(PathBuf, String)>,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "fuzz {}: {} execs ({} of {} seeds, {} deep mutations) in {:.1} s ({:.0}/s), \
             slowest {} ms, {} crashes",
            self.target,
            self.execs,
            self.corpus_execs,
            self.seeds,
            self.deep_mutations,
            self.secs,
            self.execs as f64 / self.secs.max(1e-9),
            self.slowest_ms,
            self.crashes.len()
        )
    }
}

static HOOK: Once = Once::new();
static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

/// Replace the panic hook by one that records the message quietly (thousands
/// of expected-to-be-caught panics would otherwise flood the output).
fn quiet_panics() {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let msg = format!("{info}");
            if let Ok(mut m) = LAST_PANIC.lock() {
                *m = msg;
            }
        }));
    });
}

/// Run `exec` on one input; `Err(message)` if it panicked, else whether the
/// input got past the parser.
pub fn run_one(exec: &mut dyn FnMut(&[u8]) -> bool, input: &[u8]) -> Result<bool, String> {
    quiet_panics();
    catch_unwind(AssertUnwindSafe(|| exec(input)))
        .map_err(|_| LAST_PANIC.lock().map(|m| m.clone()).unwrap_or_default())
}

/// The committed seed inputs of a target: every file in
/// `tests/fuzz_corpus/<target>/`, sorted by name.
#[must_use]
pub fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_corpus")
        .join(target);
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .filter(|e| e.path().is_file())
                .filter_map(|e| {
                    let bytes = std::fs::read(e.path()).ok()?;
                    Some((e.file_name().to_string_lossy().into_owned(), bytes))
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// A mutator: (generator, input, all seeds) → new input.
pub type Mutator = dyn Fn(&mut Rng, &[u8], &[Vec<u8>]) -> Vec<u8>;

/// Fuzz `exec`: first every seed as is, then mutations of random seeds
/// (`mutate(rng, seed, all_seeds)`) until the budget is spent. Panics with
/// the list of crash files if any input panicked. `exec` returns whether the
/// input got past the parser (counted for mutated inputs in the report).
pub fn fuzz(
    target: &str,
    seeds: &[Vec<u8>],
    budget: Budget,
    rng_seed: u64,
    mutate: &Mutator,
    exec: &mut dyn FnMut(&[u8]) -> bool,
) -> Report {
    assert!(!seeds.is_empty(), "fuzz target {target} has no seeds");
    let start = Instant::now();
    let mut rng = Rng::new(rng_seed);
    let mut report = Report {
        target: target.to_string(),
        seeds: seeds.len(),
        ..Report::default()
    };
    let crash_dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/fuzz-crashes")
        .join(target);
    let mut i = 0usize;
    while report.execs < budget.execs && (i < seeds.len() || start.elapsed() < budget.time) {
        let from_corpus = i < seeds.len();
        let input = if from_corpus {
            report.corpus_execs += 1;
            seeds[i].clone()
        } else {
            let seed = rng.pick(seeds).clone();
            mutate(&mut rng, &seed, seeds)
        };
        i += 1;
        let t = Instant::now();
        let result = run_one(exec, &input);
        report.slowest_ms = report.slowest_ms.max(t.elapsed().as_millis());
        report.execs += 1;
        if result == Ok(true) && !from_corpus {
            report.deep_mutations += 1;
        }
        if let Err(msg) = result {
            let name = format!("crash-{}", &blake3::hash(&input).to_hex()[..16]);
            let path = crash_dir.join(name);
            let _ = std::fs::create_dir_all(&crash_dir);
            let _ = std::fs::write(&path, &input);
            report.crashes.push((path, msg));
            if report.crashes.len() >= 20 {
                break;
            }
        }
    }
    report.secs = start.elapsed().as_secs_f64();
    eprintln!("{report}");
    if !report.crashes.is_empty() {
        let list: Vec<String> = report
            .crashes
            .iter()
            .map(|(p, m)| format!("  {}\n    {m}", p.display()))
            .collect();
        // The quiet hook swallows panic messages: print the list first.
        eprintln!("{report}:\n{}", list.join("\n"));
        panic!("{report}: see the list above");
    }
    report
}

impl Report {
    /// Check that a run did its work: every seed was replayed as it is, the
    /// execution count reached `min_execs`, and mutations reached the code
    /// behind the parser at least once. (The failure is printed before the
    /// panic: the quiet panic hook would swallow its message.)
    pub fn assert_did_work(&self, min_execs: u64) {
        let mut failed = Vec::new();
        if self.seeds == 0 {
            failed.push("no seeds".to_string());
        }
        if self.corpus_execs != self.seeds {
            failed.push(format!(
                "corpus not replayed: {} of {} seeds",
                self.corpus_execs, self.seeds
            ));
        }
        if self.execs < min_execs {
            failed.push(format!("fewer than {min_execs} executions"));
        }
        if self.deep_mutations == 0 {
            failed.push("no mutated input got past the parser".to_string());
        }
        if !failed.is_empty() {
            eprintln!("{self}: {}", failed.join("; "));
            panic!("{self}: {}", failed.join("; "));
        }
    }
}
