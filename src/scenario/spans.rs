//! Value positions in RON text, so semantic errors can point at the value that
//! is wrong.
//!
//! `ron` reports positions only for syntax errors; once a file is deserialized
//! every position is gone. This small scanner walks the same text and records
//! where each value starts under a path such as `units[3].type`, `rows[7]`,
//! `legend.c` or `terrain.clear.move_cost.Foot` (struct fields and map keys are
//! joined with `.`, list and tuple items with `[i]`; `Some(x)` is transparent).
//!
//! It runs *before* `ron` and also enforces the structural limits (nesting
//! depth, list length) so that hostile input never reaches a recursive parser.
//! On malformed text it stops quietly and keeps what it found: `ron` reports
//! the syntax error itself, with a better message.

use std::collections::BTreeMap;

/// A 1-based line and column (column counted in characters, like `ron`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub col: usize,
}

impl Pos {
    /// The start of a file.
    pub const START: Pos = Pos { line: 1, col: 1 };
}

/// Where every value of one file starts, by path.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    spans: BTreeMap<String, Pos>,
    strings: BTreeMap<String, String>,
}

impl SpanIndex {
    /// The position of the value at `path`, if the scanner saw it.
    #[must_use]
    pub fn get(&self, path: &str) -> Option<Pos> {
        self.spans.get(path).copied()
    }

    /// The position of the value at `path`, or of its nearest recorded
    /// ancestor (`units[3].setup[0]` → `units[3].setup` → `units[3]` → ...),
    /// or the start of the file. Never fails, so a diagnostic always has a place.
    #[must_use]
    pub fn find(&self, path: &str) -> Pos {
        let mut p = path;
        loop {
            if let Some(pos) = self.get(p) {
                return pos;
            }
            match p.rfind(['.', '[']) {
                Some(cut) if cut > 0 => p = &p[..cut],
                _ => return Pos::START,
            }
        }
    }

    /// The text of the string literal at `path` (escapes resolved), if any.
    /// Lets the loader find include paths even when the main file fails to
    /// deserialize.
    #[must_use]
    pub fn string(&self, path: &str) -> Option<&str> {
        self.strings.get(path).map(String::as_str)
    }

    /// Number of recorded values (for tests).
    #[must_use]
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// True if nothing was recorded.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

/// A structural limit broken by the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitError {
    /// Where the offending value starts.
    pub pos: Pos,
    /// What is wrong, naming the limit.
    pub message: String,
}

/// Structural limits the scanner enforces.
#[derive(Debug, Clone, Copy)]
pub struct ScanLimits {
    /// Deepest nesting of `(`, `[`, `{`.
    pub max_depth: usize,
    /// Most items in one list, tuple, map or struct.
    pub max_items: usize,
}

/// Scan `src`, recording value positions; fails only when a limit is broken.
pub fn scan(src: &str, limits: ScanLimits) -> Result<SpanIndex, LimitError> {
    let mut s = Scanner {
        b: src.as_bytes(),
        i: 0,
        line: 1,
        col: 1,
        depth: 0,
        limits,
        out: SpanIndex::default(),
    };
    s.skip_ws();
    s.skip_attributes();
    match s.value(String::new()) {
        Ok(()) | Err(Stop::Malformed) => Ok(s.out),
        Err(Stop::Limit(e)) => Err(e),
    }
}

enum Stop {
    /// Not valid RON here; leave the message to `ron`.
    Malformed,
    /// A limit was broken.
    Limit(LimitError),
}

type Step = Result<(), Stop>;

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
    line: usize,
    col: usize,
    depth: usize,
    limits: ScanLimits,
    out: SpanIndex,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<u8> {
        self.b.get(self.i + k).copied()
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.col,
        }
    }

    fn bump(&mut self) {
        if let Some(c) = self.peek() {
            self.i += 1;
            if c == b'\n' {
                self.line += 1;
                self.col = 1;
            } else if c & 0xC0 != 0x80 {
                // Count characters, not bytes: skip UTF-8 continuation bytes.
                self.col += 1;
            }
        }
    }

    fn save(&self) -> (usize, usize, usize) {
        (self.i, self.line, self.col)
    }

    fn restore(&mut self, (i, line, col): (usize, usize, usize)) {
        self.i = i;
        self.line = line;
        self.col = col;
    }

    /// Whitespace, `// line` and nested `/* block */` comments.
    fn skip_ws(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                // RON's whitespace (`ron::parse::is_whitespace_char`): ASCII
                // plus vertical tab, and a few Unicode spaces (below).
                (Some(c), _) if c.is_ascii_whitespace() || c == 0x0B => self.bump(),
                (Some(0xC2), Some(0x85)) => {
                    self.bump();
                    self.bump();
                }
                (Some(0xE2), Some(0x80))
                    if matches!(self.peek_at(2), Some(0x8E | 0x8F | 0xA8 | 0xA9)) =>
                {
                    self.bump();
                    self.bump();
                    self.bump();
                }
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.bump();
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    let mut level = 0usize;
                    while let Some(c) = self.peek() {
                        if c == b'/' && self.peek_at(1) == Some(b'*') {
                            level += 1;
                            self.bump();
                        } else if c == b'*' && self.peek_at(1) == Some(b'/') {
                            level -= 1;
                            self.bump();
                            if level == 0 {
                                self.bump();
                                break;
                            }
                        }
                        self.bump();
                    }
                }
                _ => return,
            }
        }
    }

    /// `#![enable(...)]` lines at the top of a file.
    fn skip_attributes(&mut self) {
        while self.peek() == Some(b'#') {
            while self.peek().is_some_and(|c| c != b']') {
                self.bump();
            }
            self.bump();
            self.skip_ws();
        }
    }

    fn record(&mut self, path: &str, pos: Pos) {
        self.out.spans.insert(path.to_string(), pos);
    }

    fn value(&mut self, path: String) -> Step {
        self.skip_ws();
        let pos = self.pos();
        self.record(&path, pos);
        match self.peek().ok_or(Stop::Malformed)? {
            b'(' => self.parens(&path, pos),
            b'[' => self.list(&path, pos),
            b'{' => self.map(&path, pos),
            b'"' => {
                let s = self.string()?;
                self.out.strings.insert(path, s);
                Ok(())
            }
            b'\'' => self.char_lit().map(|_| ()),
            b'r' if matches!(self.peek_at(1), Some(b'"' | b'#')) => {
                let s = self.raw_string()?;
                self.out.strings.insert(path, s);
                Ok(())
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let ident = self.ident();
                self.skip_ws();
                if self.peek() == Some(b'(') {
                    if ident == "Some" {
                        // Transparent: the inner value takes the same path.
                        self.bump();
                        self.enter(pos)?;
                        self.value(path)?;
                        self.skip_ws();
                        self.expect(b')')?;
                        self.depth -= 1;
                        Ok(())
                    } else {
                        let p = self.pos();
                        self.parens(&path, p)
                    }
                } else {
                    Ok(())
                }
            }
            c if c.is_ascii_digit() || matches!(c, b'-' | b'+' | b'.') => {
                self.bump();
                while self
                    .peek()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.')
                {
                    self.bump();
                }
                Ok(())
            }
            _ => Err(Stop::Malformed),
        }
    }

    fn enter(&mut self, pos: Pos) -> Step {
        self.depth += 1;
        if self.depth > self.limits.max_depth {
            return Err(Stop::Limit(LimitError {
                pos,
                message: format!(
                    "nesting deeper than {} levels (limit `max_depth`)",
                    self.limits.max_depth
                ),
            }));
        }
        Ok(())
    }

    fn count(&self, n: usize, pos: Pos) -> Step {
        if n > self.limits.max_items {
            return Err(Stop::Limit(LimitError {
                pos,
                message: format!(
                    "more than {} items in one list (limit `max_items`)",
                    self.limits.max_items
                ),
            }));
        }
        Ok(())
    }

    fn expect(&mut self, c: u8) -> Step {
        if self.peek() == Some(c) {
            self.bump();
            Ok(())
        } else {
            Err(Stop::Malformed)
        }
    }

    /// After an item: `,` and more, or the closing bracket. Returns true when
    /// the sequence is closed.
    fn separator(&mut self, close: u8) -> Result<bool, Stop> {
        self.skip_ws();
        match self.peek() {
            Some(b',') => {
                self.bump();
                self.skip_ws();
                if self.peek() == Some(close) {
                    self.bump();
                    return Ok(true);
                }
                Ok(false)
            }
            Some(c) if c == close => {
                self.bump();
                Ok(true)
            }
            _ => Err(Stop::Malformed),
        }
    }

    /// `( field: value, ... )` or `( value, ... )`.
    fn parens(&mut self, path: &str, pos: Pos) -> Step {
        self.bump();
        self.enter(pos)?;
        self.skip_ws();
        if self.peek() == Some(b')') {
            self.bump();
            self.depth -= 1;
            return Ok(());
        }
        let is_struct = {
            let mark = self.save();
            let named = if self
                .peek()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
            {
                self.ident();
                self.skip_ws();
                self.peek() == Some(b':') && self.peek_at(1) != Some(b':')
            } else {
                false
            };
            self.restore(mark);
            named
        };
        let mut n = 0;
        loop {
            n += 1;
            self.count(n, pos)?;
            if is_struct {
                let field = self.ident();
                self.skip_ws();
                self.expect(b':')?;
                self.value(join(path, &field))?;
            } else {
                self.value(format!("{path}[{}]", n - 1))?;
            }
            if self.separator(b')')? {
                break;
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn list(&mut self, path: &str, pos: Pos) -> Step {
        self.bump();
        self.enter(pos)?;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.bump();
            self.depth -= 1;
            return Ok(());
        }
        let mut n = 0;
        loop {
            self.count(n + 1, pos)?;
            self.value(format!("{path}[{n}]"))?;
            n += 1;
            if self.separator(b']')? {
                break;
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn map(&mut self, path: &str, pos: Pos) -> Step {
        self.bump();
        self.enter(pos)?;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.bump();
            self.depth -= 1;
            return Ok(());
        }
        let mut n = 0;
        loop {
            n += 1;
            self.count(n, pos)?;
            let key = match self.peek().ok_or(Stop::Malformed)? {
                b'"' => self.string()?,
                b'\'' => self.char_lit()?,
                c if c.is_ascii_alphanumeric() || c == b'_' || c == b'-' => {
                    let start = self.i;
                    self.bump();
                    while self
                        .peek()
                        .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.')
                    {
                        self.bump();
                    }
                    String::from_utf8_lossy(&self.b[start..self.i]).into_owned()
                }
                _ => return Err(Stop::Malformed),
            };
            self.skip_ws();
            self.expect(b':')?;
            self.value(join(path, &key))?;
            if self.separator(b'}')? {
                break;
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn ident(&mut self) -> String {
        let start = self.i;
        if self.peek() == Some(b'r') && self.peek_at(1) == Some(b'#') {
            self.bump();
            self.bump();
        }
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
        {
            self.bump();
        }
        let s = String::from_utf8_lossy(&self.b[start..self.i]);
        s.strip_prefix("r#").unwrap_or(&s).to_string()
    }

    /// A `"..."` literal with the common escapes resolved.
    fn string(&mut self) -> Result<String, Stop> {
        self.bump();
        let mut bytes = Vec::new();
        loop {
            let c = self.peek().ok_or(Stop::Malformed)?;
            self.bump();
            match c {
                b'"' => break,
                b'\\' => {
                    let e = self.peek().ok_or(Stop::Malformed)?;
                    self.bump();
                    bytes.push(match e {
                        b'n' => b'\n',
                        b't' => b'\t',
                        b'r' => b'\r',
                        b'0' => 0,
                        other => other,
                    });
                }
                _ => bytes.push(c),
            }
        }
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// `r"..."` or `r#"..."#`.
    fn raw_string(&mut self) -> Result<String, Stop> {
        self.bump();
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.bump();
        }
        self.expect(b'"')?;
        let start = self.i;
        loop {
            let c = self.peek().ok_or(Stop::Malformed)?;
            if c == b'"' && (1..=hashes).all(|k| self.peek_at(k) == Some(b'#')) {
                let s = String::from_utf8_lossy(&self.b[start..self.i]).into_owned();
                for _ in 0..=hashes {
                    self.bump();
                }
                return Ok(s);
            }
            self.bump();
        }
    }

    /// `'c'` or `'\n'`.
    fn char_lit(&mut self) -> Result<String, Stop> {
        self.bump();
        let start = self.i;
        if self.peek() == Some(b'\\') {
            self.bump();
        }
        self.bump();
        while self.peek().is_some_and(|c| c & 0xC0 == 0x80) {
            self.bump();
        }
        let s = String::from_utf8_lossy(&self.b[start..self.i]).into_owned();
        self.expect(b'\'')?;
        Ok(s)
    }
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

#[cfg(test)]
mod tests;
