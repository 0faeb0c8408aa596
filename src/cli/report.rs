//! Rendering diagnostics for people and for machines.
//!
//! The human form is the one compilers use, so editors and CI logs link it:
//!
//! ```text
//! scenarios/gela/oob_axis.ron:14:15: error: unknown unit type `panzr`; ...
//!    14 |       type: "panzr",
//!       |             ^
//! ```
//!
//! followed by one summary line, `2 errors, 1 warning`. The JSON form is a
//! flat list of `{"file","line","col","severity","message"}` objects.

use crate::scenario::{Diagnostic, Severity, Sources};
use std::fmt::Write as _;

/// Render diagnostics with source lines and carets (no summary line).
#[must_use]
pub fn render(diags: &[Diagnostic], sources: &Sources) -> String {
    let mut out = String::new();
    for d in diags {
        render_one(&mut out, d, sources);
    }
    out
}

fn render_one(out: &mut String, d: &Diagnostic, sources: &Sources) {
    let sev = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    if d.line == 0 {
        let _ = writeln!(out, "{}: {sev}: {}", d.file.display(), d.message);
        return;
    }
    let _ = writeln!(out, "{d}");
    let Some(text) = sources.line(&d.file, d.line) else {
        return;
    };
    let num = d.line.to_string();
    let gutter = " ".repeat(num.len());
    // Keep tabs so the caret lines up under the same column in a terminal.
    let pad: String = text
        .chars()
        .take(d.col.saturating_sub(1))
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let _ = writeln!(out, " {num} | {text}");
    let _ = writeln!(out, " {gutter} | {pad}^");
}

/// `3 errors, 1 warning`.
#[must_use]
pub fn summary(errors: usize, warnings: usize) -> String {
    let s = |n: usize| if n == 1 { "" } else { "s" };
    format!(
        "{errors} error{}, {warnings} warning{}",
        s(errors),
        s(warnings)
    )
}

/// The machine-readable form: a JSON array of diagnostics.
#[must_use]
pub fn json(diags: &[Diagnostic]) -> String {
    // Serializing plain structs of strings and integers cannot fail.
    serde_json::to_string_pretty(diags).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn renders_caret_under_column() {
        let mut src = Sources::default();
        src.insert(PathBuf::from("s/oob.ron"), "(\n\tunits: [x],\n)\n".into());
        let d = vec![
            Diagnostic::error("s/oob.ron", 2, 10, "unknown unit"),
            Diagnostic::warning("s/oob.ron", 0, 0, "no position"),
        ];
        assert_eq!(
            render(&d, &src),
            "s/oob.ron:2:10: error: unknown unit\n 2 | \tunits: [x],\n   | \t        ^\ns/oob.ron: warning: no position\n"
        );
        assert_eq!(summary(1, 2), "1 error, 2 warnings");
        assert_eq!(summary(0, 1), "0 errors, 1 warning");
    }

    #[test]
    fn json_lists_fields() {
        let d = vec![Diagnostic::error("a.ron", 3, 4, "bad")];
        let v: serde_json::Value = serde_json::from_str(&json(&d)).unwrap();
        assert_eq!(
            v,
            serde_json::json!([{"file": "a.ron", "line": 3, "col": 4, "severity": "error", "message": "bad"}])
        );
    }
}
