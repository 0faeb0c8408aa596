//! A generated scenario as files: writing them to a directory, and compiling
//! them in memory through the same checks the loader runs (so the bench can
//! build a 100,000-hex scenario without touching the disk).
//!
//! The output directory is self-contained: the shared tables
//! (`terrain.ron`, `unit_types.ron`, `crt.ron`) are copied into it from the
//! copies compiled into the binary, because includes may only reach the
//! scenario's directory and its parent, and a generated scenario may be
//! written anywhere (`scenarios/generated/NAME/` is two levels below
//! `scenarios/common/`).

use crate::scenario::compile::compile;
use crate::scenario::loader::{Doc, Parsed};
use crate::scenario::{limits, spans, Diagnostic, Scenario};
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The shared terrain table, copied into every generated scenario.
pub const TERRAIN: &str = include_str!("../../scenarios/common/terrain.ron");
/// The shared unit-type library.
pub const UNIT_TYPES: &str = include_str!("../../scenarios/common/unit_types.ron");
/// The shared combat results table.
pub const CRT: &str = include_str!("../../scenarios/common/crt.ron");

/// The files of a generated scenario, by name, in include order (the main
/// file first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFiles {
    /// `(file name, text)`: scenario.ron, map.ron, terrain.ron,
    /// unit_types.ron, crt.ron, oob_allied.ron, oob_axis.ron.
    pub files: Vec<(String, String)>,
}

impl GeneratedFiles {
    /// The text of one file.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&str> {
        self.files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.as_str())
    }

    /// Write every file into `dir` (created if missing).
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        for (name, text) in &self.files {
            crate::replay::write_atomic(&dir.join(name), text.as_bytes())?;
        }
        Ok(())
    }

    /// Check and build the scenario in memory, exactly as
    /// [`crate::scenario::load`] would from the written files (diagnostics
    /// name the files as if under `generated/`).
    pub fn compile(&self) -> Result<Arc<Scenario>, Vec<Diagnostic>> {
        match self.check() {
            (Some(s), _) => Ok(s),
            (None, diags) => Err(diags),
        }
    }

    /// Like [`Self::compile`], but keep the warnings too: the scenario (if no
    /// error) and every diagnostic.
    #[must_use]
    pub fn check(&self) -> (Option<Arc<Scenario>>, Vec<Diagnostic>) {
        let path = |name: &str| PathBuf::from("generated").join(name);
        let mut diags = Vec::new();
        let mut hasher = blake3::Hasher::new();
        let mut text = |name: &str| -> &str {
            let t = self.get(name).unwrap_or("");
            hasher.update(t.as_bytes());
            t
        };
        let main = text("scenario.ron");
        let map = text("map.ron");
        let terrain = text("terrain.ron");
        let unit_types = text("unit_types.ron");
        let crt = text("crt.ron");
        let allied = text("oob_allied.ron");
        let axis = text("oob_axis.ron");
        let parsed = Parsed {
            main: doc(&path("scenario.ron"), main, &mut diags),
            map: doc(&path("map.ron"), map, &mut diags),
            terrain: doc(&path("terrain.ron"), terrain, &mut diags),
            unit_types: doc(&path("unit_types.ron"), unit_types, &mut diags),
            crt: doc(&path("crt.ron"), crt, &mut diags),
            oob_allied: doc(&path("oob_allied.ron"), allied, &mut diags),
            oob_axis: doc(&path("oob_axis.ron"), axis, &mut diags),
            overlay: None,
            content_hash: Some(hasher.finalize().to_hex().to_string()),
            source: path("scenario.ron"),
        };
        let (scenario, more) = compile(&parsed);
        diags.extend(more);
        let ok = !diags.iter().any(Diagnostic::is_error);
        (scenario.filter(|_| ok).map(Arc::new), diags)
    }
}

/// Parse one file as the loader does (same RON options and limits).
fn doc<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Doc<T>> {
    let spans = match spans::scan(text, limits::SCAN) {
        Ok(s) => s,
        Err(e) => {
            diags.push(Diagnostic::error(path, e.pos.line, e.pos.col, e.message));
            return None;
        }
    };
    let opts = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(limits::MAX_DEPTH * 2);
    match opts.from_str::<T>(text) {
        Ok(value) => Some(Doc {
            value,
            file: path.to_path_buf(),
            spans,
        }),
        Err(e) => {
            diags.push(Diagnostic::error(
                path,
                e.span.start.line,
                e.span.start.col,
                e.code.to_string(),
            ));
            None
        }
    }
}
