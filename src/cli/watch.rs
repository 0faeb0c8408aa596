//! `landfall validate --watch`: validate, then validate again every time a
//! watched file changes (saved in an editor), until interrupted.
//!
//! Watched: every `.ron` file under the named paths, and every file the last
//! validation read (so an include such as `../common/terrain.ron` or a
//! `common:` table counts). A change is a different modification time or
//! size, found by polling every [`POLL_MS`] milliseconds (no platform file
//! watcher: the same code everywhere, and nothing to go wrong on network
//! drives). This is the command line's loop, not a rule: nothing in the game
//! depends on the clock.

use super::validate::{check, render, Outcome};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Polling interval.
pub const POLL_MS: u64 = 300;

/// What a file looked like: `(path, modified, size)`; a missing file has
/// neither.
pub type Stamp = (PathBuf, Option<SystemTime>, u64);

fn ron_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        let mut children: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        children.sort();
        for c in children {
            ron_files(&c, out);
        }
    } else if path.extension().is_some_and(|e| e == "ron") {
        out.push(path.to_path_buf());
    }
}

/// The stamps of the watched files: `.ron` files under `paths` and the
/// files `last` read, sorted and without duplicates.
#[must_use]
pub fn stamps(paths: &[PathBuf], last: &Outcome) -> Vec<Stamp> {
    let mut files = Vec::new();
    for p in paths {
        ron_files(p, &mut files);
    }
    for s in &last.sources {
        files.extend(s.paths().map(Path::to_path_buf));
    }
    files.sort();
    files.dedup();
    files
        .into_iter()
        .map(|f| {
            let meta = std::fs::metadata(&f).ok();
            let modified = meta.as_ref().and_then(|m| m.modified().ok());
            let size = meta.map_or(0, |m| m.len());
            (f, modified, size)
        })
        .collect()
}

/// Validate `paths`, print the result, and again after every change;
/// `rounds` stops after that many validations (tests), `None` runs until
/// interrupted.
pub fn watch(paths: &[PathBuf], rounds: Option<u32>) {
    let mut done = 0;
    loop {
        let out = check(paths);
        print!("{}", render(&out));
        println!(
            "watching {} path(s); save a file to validate again (Ctrl-C to stop)",
            paths.len()
        );
        done += 1;
        if rounds.is_some_and(|r| done >= r) {
            return;
        }
        let before = stamps(paths, &out);
        loop {
            std::thread::sleep(Duration::from_millis(POLL_MS));
            if stamps(paths, &out) != before {
                println!("\n— changed: validating again —");
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_file_changes_the_stamps() {
        let dir = std::env::temp_dir().join(format!("landfall-watch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("scenario.ron");
        std::fs::write(&file, "(id: \"x\")").unwrap();
        std::fs::write(dir.join("notes.txt"), "not watched").unwrap();
        let paths = vec![dir.clone()];
        let empty = Outcome::default();
        let a = stamps(&paths, &empty);
        assert_eq!(a.len(), 1, "only .ron files: {a:?}");
        assert_eq!(stamps(&paths, &empty), a, "nothing changed");
        std::fs::write(&file, "(id: \"xy\")").unwrap();
        assert_ne!(stamps(&paths, &empty), a, "saved with another size");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_files_a_validation_read_are_watched_too() {
        let paths = vec![PathBuf::from("tests/fixtures/valid/shared_tables")];
        let out = check(&paths);
        let watched: Vec<PathBuf> = stamps(&paths, &out).into_iter().map(|s| s.0).collect();
        assert!(
            watched.contains(&PathBuf::from("scenarios/common/crt.ron")),
            "{watched:?}"
        );
        assert!(
            watched.contains(&PathBuf::from("tests/fixtures/valid/mini/map.ron")),
            "{watched:?}"
        );
    }
}
