//! Loading a scenario: find the main file, read it and the files it includes
//! under the input limits, parse each with `ron`, then hand everything to
//! [`super::compile`] for the semantic checks and the runtime model.
//!
//! Every problem becomes a [`Diagnostic`] with file:line:col; nothing here
//! panics on bad input. A broken file does not stop the others from being
//! read and checked, so a designer sees all problems at once.

use super::compile::compile;
use super::diagnostic::Diagnostic;
use super::model::Scenario;
use super::read::{parse, read_text};
use super::schema::*;
use super::spans::{Pos, SpanIndex};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// The text of every file read, by the path diagnostics use, so that a
/// renderer can show the offending line under each message.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: BTreeMap<PathBuf, String>,
}

impl Sources {
    /// The text of a file, if it was read.
    #[must_use]
    pub fn get(&self, path: &Path) -> Option<&str> {
        self.files.get(path).map(String::as_str)
    }
    /// The paths of every file read, sorted.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.files.keys().map(PathBuf::as_path)
    }
    /// Remember the text of a file.
    pub fn insert(&mut self, path: PathBuf, text: String) {
        self.files.insert(path, text);
    }
    /// Line `line` (1-based) of a file, without its line break.
    #[must_use]
    pub fn line(&self, path: &Path, line: usize) -> Option<&str> {
        let text = self.get(path)?;
        text.split('\n')
            .nth(line.checked_sub(1)?)
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
    }
}

/// The result of loading a scenario: the model if there were no errors, and
/// every diagnostic (errors and warnings) in any case.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The checked scenario; `Some` iff `diagnostics` holds no error.
    pub scenario: Option<Arc<Scenario>>,
    /// Errors and warnings, in include order, then by position.
    pub diagnostics: Vec<Diagnostic>,
    /// The files read, for caret rendering.
    pub sources: Sources,
    /// Wall time of the load, in milliseconds.
    pub load_ms: f64,
}

impl Loaded {
    /// Number of errors.
    #[must_use]
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
    /// Number of warnings.
    #[must_use]
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// One parsed file: its value, where it came from and its value positions.
#[derive(Debug, Clone)]
pub struct Doc<T> {
    /// The deserialized content.
    pub value: T,
    /// Path used in diagnostics.
    pub file: PathBuf,
    /// Value positions by path.
    pub spans: SpanIndex,
}

/// Every file of a scenario that parsed; `None` for those that did not.
#[derive(Debug, Default)]
pub struct Parsed {
    /// `scenario.ron`.
    pub main: Option<Doc<ScenarioFile>>,
    /// The map.
    pub map: Option<Doc<MapFile>>,
    /// The terrain table.
    pub terrain: Option<Doc<TerrainFile>>,
    /// The unit-type library.
    pub unit_types: Option<Doc<UnitTypesFile>>,
    /// The CRT.
    pub crt: Option<Doc<CrtFile>>,
    /// Allied order of battle.
    pub oob_allied: Option<Doc<OobFile>>,
    /// Axis order of battle.
    pub oob_axis: Option<Doc<OobFile>>,
    /// The map overlay (`overlay.ron` beside the map file), if there is one.
    pub overlay: Option<Doc<OverlayFile>>,
    /// blake3 over every file's bytes in include order, if all were read.
    pub content_hash: Option<String>,
    /// The main file's path.
    pub source: PathBuf,
}

/// The scenario's main file for `path`: `<dir>/scenario.ron` for a directory,
/// the file itself otherwise.
#[must_use]
pub fn main_file(path: &Path) -> PathBuf {
    if path.is_dir() {
        path.join("scenario.ron")
    } else {
        path.to_path_buf()
    }
}

/// Load and check a scenario directory or main `.ron` file.
#[must_use]
pub fn load(path: &Path) -> Loaded {
    let t0 = Instant::now();
    let mut loaded = Loaded::default();
    let parsed = read_all(path, &mut loaded);
    let order: Vec<PathBuf> = include_order(&parsed);
    let (scenario, diags) = compile(&parsed);
    loaded.diagnostics.extend(diags);
    // Include order first, then position: stable, so ties keep check order.
    loaded.diagnostics.sort_by_key(|d| {
        let f = order
            .iter()
            .position(|p| *p == d.file)
            .unwrap_or(usize::MAX);
        (f, d.line, d.col)
    });
    if loaded.errors() == 0 {
        loaded.scenario = scenario.map(Arc::new);
        if loaded.scenario.is_none() {
            // Never silent: a file that could not be placed must still be named.
            loaded.diagnostics.push(Diagnostic::error(
                main_file(path),
                1,
                1,
                "the scenario could not be assembled from its files (a bug: please report it with the files)",
            ));
        }
    }
    loaded.load_ms = t0.elapsed().as_secs_f64() * 1000.0;
    loaded
}

/// Load a scenario, returning it or every diagnostic (errors and warnings).
pub fn load_scenario(path: &Path) -> Result<Arc<Scenario>, Vec<Diagnostic>> {
    let loaded = load(path);
    loaded.scenario.ok_or(loaded.diagnostics)
}

fn include_order(p: &Parsed) -> Vec<PathBuf> {
    let mut v = vec![p.source.clone()];
    let files = [
        p.map.as_ref().map(|d| &d.file),
        p.overlay.as_ref().map(|d| &d.file),
        p.terrain.as_ref().map(|d| &d.file),
        p.unit_types.as_ref().map(|d| &d.file),
        p.crt.as_ref().map(|d| &d.file),
        p.oob_allied.as_ref().map(|d| &d.file),
        p.oob_axis.as_ref().map(|d| &d.file),
    ];
    v.extend(files.into_iter().flatten().cloned());
    v
}

/// The include fields of the main file, in include order.
const INCLUDES: [&str; 6] = [
    "map",
    "terrain",
    "unit_types",
    "crt",
    "oob_allied",
    "oob_axis",
];

fn read_all(path: &Path, loaded: &mut Loaded) -> Parsed {
    let main = main_file(path);
    let mut parsed = Parsed {
        source: main.clone(),
        ..Parsed::default()
    };
    if path.is_dir() && !main.exists() {
        loaded.diagnostics.push(Diagnostic::error(
            path,
            0,
            0,
            "not a scenario: the directory has no scenario.ron",
        ));
        return parsed;
    }
    let mut hasher = blake3::Hasher::new();
    let mut complete = true;
    let Some((text, spans)) = read_text(&main, loaded) else {
        return parsed;
    };
    hasher.update(text.as_bytes());
    let main_doc = parse::<ScenarioFile>(&main, &text, spans, loaded);
    // Include names come from the parsed file, or, if it did not parse, from
    // the scanner, so the other files are still checked.
    let names: Vec<Option<(String, Pos)>> = INCLUDES
        .iter()
        .map(|field| {
            let spans = match &main_doc {
                Ok(d) => &d.spans,
                Err(s) => s,
            };
            spans
                .string(field)
                .map(|s| (s.to_string(), spans.find(field)))
        })
        .collect();
    let main_dir = main.parent().unwrap_or(Path::new("")).to_path_buf();
    let ctx = IncludeCtx::new(&main);
    let mut texts: Vec<Option<(PathBuf, String, SpanIndex)>> = Vec::new();
    for name in &names {
        let got = name.as_ref().and_then(|(rel, pos)| {
            let file = ctx.resolve(&main, &main_dir, rel, *pos, loaded)?;
            let (text, spans) = read_text(&file, loaded)?;
            Some((file, text, spans))
        });
        match &got {
            Some((_, text, _)) => {
                hasher.update(text.as_bytes());
            }
            None => complete = false,
        }
        texts.push(got);
    }
    parsed.main = main_doc.ok();
    let mut it = texts.into_iter();
    let mut next = || it.next().flatten();
    parsed.map = next().and_then(|(f, t, s)| parse(&f, &t, s, loaded).ok());
    parsed.terrain = next().and_then(|(f, t, s)| parse(&f, &t, s, loaded).ok());
    parsed.unit_types = next().and_then(|(f, t, s)| parse(&f, &t, s, loaded).ok());
    parsed.crt = next().and_then(|(f, t, s)| parse(&f, &t, s, loaded).ok());
    parsed.oob_allied = next().and_then(|(f, t, s)| parse(&f, &t, s, loaded).ok());
    parsed.oob_axis = next().and_then(|(f, t, s)| parse(&f, &t, s, loaded).ok());
    // The overlay beside the map: optional, part of the content hash.
    let overlay = parsed
        .map
        .as_ref()
        .map(|m| m.file.with_file_name(OVERLAY_FILE))
        .filter(|f| f.is_file());
    if let Some(file) = overlay {
        match read_text(&file, loaded) {
            Some((text, spans)) => {
                hasher.update(b"overlay");
                hasher.update(text.as_bytes());
                parsed.overlay = parse(&file, &text, spans, loaded).ok();
                complete &= parsed.overlay.is_some();
            }
            None => complete = false,
        }
    }
    if complete && parsed.main.is_some() {
        parsed.content_hash = Some(hasher.finalize().to_hex().to_string());
    }
    parsed
}

/// The map overlay's file name, looked for beside the map file.
pub const OVERLAY_FILE: &str = "overlay.ron";

/// The prefix of an include resolved against the game's shared tables.
pub const COMMON_PREFIX: &str = "common:";

/// The directories a `common:` include is looked up in, in order: each
/// directory of the `LANDFALL_PATH` environment variable (separated like
/// `PATH`), then `scenarios/common` under the current directory.
#[must_use]
pub fn common_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("LANDFALL_PATH")
        .map(|v| std::env::split_paths(&v).collect())
        .unwrap_or_default();
    dirs.push(PathBuf::from("scenarios/common"));
    dirs
}

/// Where includes may live: the scenario's directory or its parent (the
/// scenario collection, so `../common/terrain.ron` works), or, with the
/// `common:` prefix, one of the shared-table directories; nothing outside.
struct IncludeCtx {
    main: Option<PathBuf>,
    root: Option<PathBuf>,
    common: Vec<PathBuf>,
}

impl IncludeCtx {
    fn new(main: &Path) -> Self {
        let main_canon = main.canonicalize().ok();
        let root = main_canon
            .as_ref()
            .and_then(|m| m.parent())
            .map(|dir| dir.parent().unwrap_or(dir).to_path_buf());
        Self {
            main: main_canon,
            root,
            common: common_dirs(),
        }
    }

    /// `common:NAME`: the first shared-table directory holding `NAME`; the
    /// file must stay inside that directory.
    fn resolve_common(&self, name: &str) -> Result<PathBuf, String> {
        let whole = format!("{COMMON_PREFIX}{name}");
        if name.is_empty() || Path::new(name).is_absolute() || name.starts_with(['/', '\\']) {
            return Err(format!(
                "include `{whole}` must name a file of the shared tables, such as `common:terrain.ron`"
            ));
        }
        for dir in &self.common {
            let Ok(root) = dir.canonicalize() else {
                continue;
            };
            let Ok(canon) = dir.join(name).canonicalize() else {
                continue;
            };
            if !canon.starts_with(&root) {
                return Err(format!(
                    "include `{whole}` escapes the shared tables' directory ({})",
                    root.display()
                ));
            }
            return Ok(normalize(&dir.join(name)));
        }
        let looked: Vec<String> = self
            .common
            .iter()
            .map(|d| d.join(name).display().to_string())
            .collect();
        Err(format!(
            "include `{whole}` not found (looked for {}; set LANDFALL_PATH to the directory of the shared tables)",
            looked.join(", ")
        ))
    }

    fn resolve(
        &self,
        main: &Path,
        main_dir: &Path,
        rel: &str,
        pos: Pos,
        loaded: &mut Loaded,
    ) -> Option<PathBuf> {
        let mut err = |msg: String| {
            loaded
                .diagnostics
                .push(Diagnostic::error(main, pos.line, pos.col, msg));
            None
        };
        if rel.is_empty() {
            return err("empty include path".into());
        }
        if let Some(name) = rel.strip_prefix(COMMON_PREFIX) {
            return match self.resolve_common(name) {
                Ok(path) if path.is_dir() => err(format!(
                    "include `{rel}` is a directory, expected a .ron file"
                )),
                Ok(path) => Some(path),
                Err(msg) => err(msg),
            };
        }
        if Path::new(rel).is_absolute() || rel.starts_with('/') || rel.starts_with('\\') {
            return err(format!(
                "include `{rel}` is an absolute path; includes are relative to the main file"
            ));
        }
        let display = normalize(&main_dir.join(rel));
        let Ok(canon) = main_dir.join(rel).canonicalize() else {
            return err(format!(
                "include `{rel}` not found (looked for {})",
                display.display()
            ));
        };
        if let Some(root) = &self.root {
            if !canon.starts_with(root) {
                return err(format!(
                    "include `{rel}` escapes the scenario collection: includes must stay \
                     inside the scenario directory or its parent ({})",
                    root.display()
                ));
            }
        }
        if self.main.as_ref() == Some(&canon) {
            return err(format!(
                "include cycle: `{rel}` is the main scenario file itself"
            ));
        }
        if canon.is_dir() {
            // Found by the scenario-loader fuzzer (`map: "../common"`): the
            // error belongs on the include, not on the directory.
            return err(format!(
                "include `{rel}` is a directory, expected a .ron file"
            ));
        }
        Some(display)
    }
}

/// `a/b/../c` → `a/c`, lexically, so messages show the path a designer knows.
fn normalize(p: &Path) -> PathBuf {
    let mut out: Vec<Component> = Vec::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                _ => out.push(c),
            },
            _ => out.push(c),
        }
    }
    if out.is_empty() {
        PathBuf::from(".")
    } else {
        out.iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::read::{end_pos, field_before};

    fn shared(dirs: &[&str]) -> IncludeCtx {
        IncludeCtx {
            main: None,
            root: None,
            common: dirs.iter().map(PathBuf::from).collect(),
        }
    }

    #[test]
    fn a_common_include_is_found_in_the_first_shared_directory_holding_it() {
        let ctx = shared(&["tests/fixtures/valid/mini", "scenarios/common"]);
        assert_eq!(
            ctx.resolve_common("crt.ron"),
            Ok(PathBuf::from("tests/fixtures/valid/mini/crt.ron"))
        );
        assert_eq!(
            ctx.resolve_common("ai.ron"),
            Ok(PathBuf::from("scenarios/common/ai.ron"))
        );
    }

    #[test]
    fn a_common_include_may_not_escape_the_shared_directory() {
        let ctx = shared(&["scenarios/common"]);
        let err = ctx.resolve_common("../gela/map.ron").unwrap_err();
        assert!(
            err.contains("escapes the shared tables' directory"),
            "{err}"
        );
        assert!(ctx.resolve_common("/etc/passwd").is_err());
        let err = ctx.resolve_common("nope.ron").unwrap_err();
        assert!(
            err.contains("not found (looked for scenarios/common/nope.ron"),
            "{err}"
        );
    }

    #[test]
    fn the_field_a_tuple_was_given_for_is_named() {
        let text = "(\n    id: \"x\",\n    start: (1943, 7, 10, 0),\n)";
        assert_eq!(field_before(text, 3, 13), Some("start".into()));
        assert_eq!(field_before("(1943)", 1, 2), None);
    }

    #[test]
    fn normalize_folds_parent_dirs() {
        assert_eq!(
            normalize(Path::new("scenarios/gela/../common/terrain.ron")),
            PathBuf::from("scenarios/common/terrain.ron")
        );
        assert_eq!(normalize(Path::new("../x.ron")), PathBuf::from("../x.ron"));
    }

    #[test]
    fn end_pos_counts_characters() {
        assert_eq!(end_pos("ab\ncé"), Pos { line: 2, col: 3 });
    }
}
