//! Reading and parsing one scenario file: the input limits (size, UTF-8,
//! not empty, not binary, nesting depth), `ron` parsing, and diagnostics
//! worded for a designer (file:line:col, a hint when a struct is written as
//! a tuple). Used by `loader.rs` for every file it reads.

use super::diagnostic::Diagnostic;
use super::limits;
use super::loader::{Doc, Loaded};
use super::spans::{self, Pos, SpanIndex};
use serde::de::DeserializeOwned;
use std::path::Path;

/// Read one file under the limits: size, UTF-8, not empty, not binary, and
/// nesting depth. Records its text in `loaded.sources`.
pub(super) fn read_text(path: &Path, loaded: &mut Loaded) -> Option<(String, SpanIndex)> {
    let mut err = |line, col, msg: String| {
        loaded
            .diagnostics
            .push(Diagnostic::error(path, line, col, msg));
        None
    };
    let size = match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => return err(0, 0, "is a directory, expected a .ron file".into()),
        // A FIFO would block forever and a device (`/dev/zero`) never ends.
        Ok(m) if !m.is_file() => return err(0, 0, "is not a regular file".into()),
        Ok(m) => m.len(),
        Err(e) => return err(0, 0, format!("cannot read: {e}")),
    };
    if size > limits::MAX_FILE_BYTES {
        return err(
            0,
            0,
            format!(
                "file is {size} bytes, more than the limit of {} bytes (16 MiB, `MAX_FILE_BYTES`)",
                limits::MAX_FILE_BYTES
            ),
        );
    }
    // At most one byte past the limit: a file growing while it is read
    // cannot exhaust memory.
    let bytes = match crate::replay::read_bounded(path, limits::MAX_FILE_BYTES) {
        Ok(b) => b,
        Err(e) => return err(0, 0, format!("cannot read: {e}")),
    };
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return err(
            0,
            0,
            "file grew beyond the 16 MiB limit while being read".into(),
        );
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let p = end_pos(std::str::from_utf8(good).unwrap_or_default());
            let byte = e.as_bytes()[good.len()];
            return err(
                p.line,
                p.col,
                format!("not UTF-8 text: invalid byte 0x{byte:02x}; save the file as UTF-8"),
            );
        }
    };
    loaded.sources.insert(path.to_path_buf(), text.clone());
    if text.trim().is_empty() {
        return err(1, 1, "file is empty".into());
    }
    if let Some(i) = text.find('\0') {
        let p = end_pos(&text[..i]);
        return err(
            p.line,
            p.col,
            "binary data (NUL byte) in a text file".into(),
        );
    }
    match spans::scan(&text, limits::SCAN) {
        Ok(s) => Some((text, s)),
        Err(e) => err(e.pos.line, e.pos.col, e.message),
    }
}

/// The position just after `s`.
pub(super) fn end_pos(s: &str) -> Pos {
    let line = 1 + s.matches('\n').count();
    let col = 1 + s.rsplit('\n').next().unwrap_or("").chars().count();
    Pos { line, col }
}

/// Deserialize one file; a syntax or type error becomes a diagnostic at the
/// position `ron` reports. On failure the span index is handed back.
pub(super) fn parse<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    spans: SpanIndex,
    loaded: &mut Loaded,
) -> Result<Doc<T>, SpanIndex> {
    let opts = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(limits::MAX_DEPTH * 2);
    match opts.from_str::<T>(text) {
        Ok(value) => Ok(Doc {
            value,
            file: path.to_path_buf(),
            spans,
        }),
        Err(e) => {
            loaded.diagnostics.push(Diagnostic::error(
                path,
                e.span.start.line,
                e.span.start.col,
                describe(&e.code, text, e.span.start.line, e.span.start.col),
            ));
            Err(spans)
        }
    }
}

/// `ron`'s message, with a hint where it helps designers. `text`, `line`
/// and `col` locate the error, to name the field a tuple was given for.
fn describe(code: &ron::Error, text: &str, line: usize, col: usize) -> String {
    use ron::Error as E;
    match code {
        // A struct written positionally, `(1943, 7, 10)`: RON reads `1943`
        // where it wants a field name and suggests a raw identifier.
        E::SuggestRawIdentifier(found) | E::InvalidIdentifier(found)
            if found.starts_with(|c: char| c.is_ascii_digit() || c == '-') =>
        {
            let field = field_before(text, line, col)
                .map_or("this value".to_string(), |f| format!("`{f}`"));
            format!(
                "expected a field name, found `{found}`: {field} is a struct, written with \
                 named fields such as `(year: 1943, month: 7)`, not as a tuple \
                 (see docs/scenario-format.md)"
            )
        }
        E::Eof => {
            "unexpected end of file: the file is truncated or a bracket is not closed".to_string()
        }
        E::IntegerOutOfBounds => "number too large for this field".to_string(),
        other => other.to_string(),
    }
}

/// The name of the field whose `( ... )` value encloses `line`:`col`
/// (1-based): `start` in `start: (1943, 7, 10)`.
pub(super) fn field_before(text: &str, line: usize, col: usize) -> Option<String> {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let here = text[start..]
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(text.len(), |(i, _)| start + i);
    let before = text.get(..here)?;
    let open = before.rfind('(')?;
    let head = before[..open].trim_end().strip_suffix(':')?.trim_end();
    let name: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (!name.is_empty()).then_some(name)
}
