//! Diagnostics: one problem found in an input file, with where it is.

use serde::Serialize;
use std::path::PathBuf;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The scenario cannot be played.
    Error,
    /// Playable, but probably not what the designer meant.
    Warning,
}

/// One problem in one file, 1-based line and column (0 when unknown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The file, as the user named it (or as resolved from an include).
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub col: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in words a designer understands.
    pub message: String,
}

impl Diagnostic {
    /// An error at `file:line:col`.
    #[must_use]
    pub fn error(
        file: impl Into<PathBuf>,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        Self::at(Severity::Error, file.into(), (line, col), message.into())
    }
    /// A warning at `file:line:col`.
    #[must_use]
    pub fn warning(
        file: impl Into<PathBuf>,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        Self::at(Severity::Warning, file.into(), (line, col), message.into())
    }
    fn at(severity: Severity, file: PathBuf, (line, col): (usize, usize), message: String) -> Self {
        Self {
            file,
            line,
            col,
            severity,
            message,
        }
    }
    /// Is this an error?
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file.display(),
            self.line,
            self.col,
            sev,
            self.message
        )
    }
}
