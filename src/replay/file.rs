//! Reading and writing replay files: RON text, size-limited on read, written
//! atomically (a crash or full disk never leaves a half-written save behind).

use super::{Replay, ReplayError, FORMAT};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Largest replay file accepted (a full Sicily game is a few MB; anything far
/// beyond is not a replay and would only exhaust memory).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Write `bytes` to `path` atomically: write a temporary file in the same
/// directory (same file system, so the rename is atomic), fsync it, rename it
/// over `path`, then fsync the directory so the rename itself is durable.
/// Readers see either the old file or the complete new one, never a mix.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the path has no file name",
        )
    })?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)?;
        // Durability of the rename; not every platform can open a directory.
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Read at most `limit + 1` bytes of `path` (one more than allowed, so the
/// caller can tell "too large"): a file that grows while it is read, or a
/// device, cannot exhaust memory.
pub fn read_bounded(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The RON text of a replay: one command and one hash per line, so golden
/// replays diff readably.
#[must_use]
pub fn to_ron(replay: &Replay) -> String {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(2)
        .indentor("  ".to_string());
    // Serializing these plain types cannot fail; fall back to compact RON.
    ron::ser::to_string_pretty(replay, config)
        .or_else(|_| ron::to_string(replay))
        .unwrap_or_default()
        + "\n"
}

/// Save a replay (or a game) to `path` atomically.
pub fn save(path: &Path, replay: &Replay) -> Result<(), ReplayError> {
    write_atomic(path, to_ron(replay).as_bytes()).map_err(|source| ReplayError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Read a replay file. Damaged or truncated files give [`ReplayError::Parse`]
/// with line and column; nothing here panics on bad input.
pub fn load(path: &Path) -> Result<Replay, ReplayError> {
    let io = |source| ReplayError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        // A directory, a FIFO (would block forever) or a device (endless).
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        )));
    }
    let too_large = |size| ReplayError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: MAX_FILE_BYTES,
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let bytes = read_bounded(path, MAX_FILE_BYTES).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col(e.as_bytes(), e.utf8_error().valid_up_to());
        ReplayError::Parse {
            path: path.to_path_buf(),
            line,
            col,
            message: "the file is not UTF-8 text".into(),
        }
    })?;
    parse(path, &text)
}

/// Parse replay text (`path` only names it in errors) and check that it is
/// internally consistent.
pub fn parse(path: &Path, text: &str) -> Result<Replay, ReplayError> {
    let replay: Replay = ron::from_str(text).map_err(|e| ReplayError::Parse {
        path: path.to_path_buf(),
        line: e.span.start.line,
        col: e.span.start.col,
        message: e.code.to_string(),
    })?;
    if !super::READS.contains(&replay.format) {
        return Err(ReplayError::Format {
            found: replay.format,
            supported: FORMAT,
        });
    }
    if replay.hashes.len() != replay.commands.len() {
        return Err(ReplayError::Malformed(format!(
            "{} commands but {} hashes",
            replay.commands.len(),
            replay.hashes.len()
        )));
    }
    for c in &replay.checkpoints {
        if replay.hashes.get(c.command_index) != Some(&c.hash) {
            return Err(ReplayError::Malformed(format!(
                "checkpoint of turn {} (command #{}) does not match the hash recorded after that command",
                c.turn, c.command_index
            )));
        }
    }
    Ok(replay)
}

fn line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = offset
        - before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1)
        + 1;
    (line, col)
}
