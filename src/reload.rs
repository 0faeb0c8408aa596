//! Hot reload for designers (F5 in the window, `docs/gui.md`): read the
//! scenario's files from disk again. A scenario that validates replaces the
//! one in play (the window restarts the match on it); one that does not
//! leaves the old one in play and keeps every diagnostic, errors and
//! warnings, each as `file:line:col: severity: message`, for the window to
//! list. No window is needed to use or test it.

use crate::scenario::{load_scenario, Scenario};
use std::path::PathBuf;
use std::sync::Arc;

/// The scenario in play, where it was read from, and what the last reload
/// found wrong.
#[derive(Debug, Clone)]
pub struct Reloader {
    /// The scenario directory or main file.
    pub path: PathBuf,
    /// The scenario in play.
    pub current: Arc<Scenario>,
    /// Every diagnostic of the last reload that failed (empty after a
    /// reload that succeeded).
    pub diagnostics: Vec<String>,
}

impl Reloader {
    /// Start from the scenario in play, read from `path`.
    #[must_use]
    pub fn new(path: PathBuf, current: Arc<Scenario>) -> Self {
        Self {
            path,
            current,
            diagnostics: Vec::new(),
        }
    }

    /// Read the files again. `Some(scenario)`: it validates and is now the
    /// current one; `None`: it does not, the current one is kept and
    /// [`Self::diagnostics`] lists every problem.
    pub fn reload(&mut self) -> Option<Arc<Scenario>> {
        match load_scenario(&self.path) {
            Ok(s) => {
                self.current = Arc::clone(&s);
                self.diagnostics.clear();
                Some(s)
            }
            Err(diags) => {
                self.diagnostics = diags.iter().map(ToString::to_string).collect();
                if self.diagnostics.is_empty() {
                    self.diagnostics
                        .push(format!("{}: cannot be loaded", self.path.display()));
                }
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A copy of the Gela scenario and the common tables it includes
    /// (`../common/…`) in a fresh directory; returns the scenario's.
    fn gela_copy(name: &str) -> PathBuf {
        let root =
            std::env::temp_dir().join(format!("landfall-reload-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for sub in ["gela", "common"] {
            let dir = root.join(sub);
            std::fs::create_dir_all(&dir).unwrap();
            for f in std::fs::read_dir(format!("scenarios/{sub}")).unwrap() {
                let f = f.unwrap().path();
                std::fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
            }
        }
        root.join("gela")
    }

    #[test]
    fn a_broken_reload_keeps_the_old_scenario_and_lists_every_diagnostic() {
        let dir = gela_copy("broken");
        let Ok(first) = load_scenario(&dir) else {
            panic!("the copy of Gela loads");
        };
        let mut r = Reloader::new(dir.clone(), Arc::clone(&first));
        // Two mistakes in two files: both are reported, with positions.
        let oob = dir.join("oob_allied.ron");
        let text = std::fs::read_to_string(&oob).unwrap();
        let bad = text.replacen("type: \"infantry\"", "type: \"infantery\"", 1);
        assert_ne!(bad, text, "the OOB names an infantry unit");
        std::fs::write(&oob, bad).unwrap();
        let axis = dir.join("oob_axis.ron");
        let text = std::fs::read_to_string(&axis).unwrap();
        let bad = text.replacen("type: \"artillery\"", "type: \"artilery\"", 1);
        assert_ne!(bad, text, "the Axis OOB names an artillery unit");
        std::fs::write(&axis, bad).unwrap();
        assert!(r.reload().is_none());
        assert!(Arc::ptr_eq(&r.current, &first), "the old scenario stays");
        let errors: Vec<&String> = r
            .diagnostics
            .iter()
            .filter(|d| d.contains(": error: "))
            .collect();
        assert!(errors.len() >= 2, "{:#?}", r.diagnostics);
        for (file, word) in [
            ("oob_allied.ron", "infantery"),
            ("oob_axis.ron", "artilery"),
        ] {
            let d = errors
                .iter()
                .find(|d| d.contains(file) && d.contains(word))
                .unwrap_or_else(|| panic!("no error for {word} in {file}: {:#?}", r.diagnostics));
            // file:line:col
            let after = &d[d.find(file).unwrap() + file.len()..];
            let mut parts = after.split(':');
            assert_eq!(parts.next(), Some(""));
            assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{d}");
            assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{d}");
        }
        // Mended: the reload succeeds, replaces the scenario, clears the list.
        for f in ["oob_allied.ron", "oob_axis.ron"] {
            std::fs::copy(format!("scenarios/gela/{f}"), dir.join(f)).unwrap();
        }
        let fresh = r.reload().expect("the mended copy loads");
        assert!(Arc::ptr_eq(&r.current, &fresh));
        assert!(!Arc::ptr_eq(&fresh, &first));
        assert!(r.diagnostics.is_empty());
        let _ = std::fs::remove_dir_all(dir.parent().unwrap());
    }
}
