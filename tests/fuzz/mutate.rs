//! Mutators for RON text and raw bytes. Byte-level ones (flip, insert,
//! delete, truncate, splice) find encoding and framing bugs; structure-aware
//! ones (replace a number by a huge, negative or string value, delete,
//! duplicate or swap lines, deepen nesting, swap identifiers) keep most of a
//! file valid so the input reaches the semantic checks and the engine.

use super::harness::Rng;

/// Values a number is replaced by.
const NUMBERS: &[&str] = &[
    "0",
    "-1",
    "1",
    "-2147483649",
    "2147483647",
    "2147483648",
    "4294967295",
    "4294967296",
    "65535",
    "65536",
    "255",
    "256",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "99999999999999999999999999",
    "1e308",
    "-0",
    "0x7fffffff",
    "\"12\"",
    "\"\"",
    "1.5",
    "NaN",
    "inf",
    "()",
    "[]",
    "None",
    "Some(1)",
];

/// Tokens inserted at random places.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "//",
    "/*",
    "*/",
    "\n",
    "r#\"",
    "\\",
    "Some(",
    "None",
    "true",
    "false",
    "#![enable(implicit_some)]",
    "\u{feff}",
    "\u{0}",
    "é",
    "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
];

/// One random mutation of `input` (sometimes several stacked). `others` are
/// the other seeds, for splicing.
#[must_use]
pub fn mutate(rng: &mut Rng, input: &[u8], others: &[Vec<u8>]) -> Vec<u8> {
    let mut v = input.to_vec();
    let rounds = 1 + rng.below(3);
    for _ in 0..rounds {
        v = match rng.below(14) {
            0 => flip_bit(rng, v),
            1 => set_byte(rng, v),
            2 => truncate(rng, v),
            3 => delete_range(rng, v),
            4 => duplicate_range(rng, v),
            5 => insert_token(rng, v),
            6 => splice(rng, v, others),
            7 | 8 => replace_number(rng, v),
            9 => line_op(rng, v, LineOp::Delete),
            10 => line_op(rng, v, LineOp::Duplicate),
            11 => line_op(rng, v, LineOp::Swap),
            12 => swap_identifier(rng, v),
            _ => replace_string(rng, v),
        };
    }
    v
}

fn flip_bit(rng: &mut Rng, mut v: Vec<u8>) -> Vec<u8> {
    if !v.is_empty() {
        let i = rng.below(v.len());
        v[i] ^= 1 << rng.below(8);
    }
    v
}

fn set_byte(rng: &mut Rng, mut v: Vec<u8>) -> Vec<u8> {
    if !v.is_empty() {
        let i = rng.below(v.len());
        v[i] = *rng.pick(&[0u8, 0xff, 0x80, 0xc3, b'"', b'(', b')', b'\n', b'-', b'9']);
    }
    v
}

fn truncate(rng: &mut Rng, mut v: Vec<u8>) -> Vec<u8> {
    let n = rng.below(v.len() + 1);
    v.truncate(n);
    v
}

fn delete_range(rng: &mut Rng, mut v: Vec<u8>) -> Vec<u8> {
    if !v.is_empty() {
        let a = rng.below(v.len());
        let b = (a + 1 + rng.below(64)).min(v.len());
        v.drain(a..b);
    }
    v
}

fn duplicate_range(rng: &mut Rng, mut v: Vec<u8>) -> Vec<u8> {
    if !v.is_empty() {
        let a = rng.below(v.len());
        let b = (a + 1 + rng.below(256)).min(v.len());
        let chunk = v[a..b].to_vec();
        let at = rng.below(v.len() + 1);
        v.splice(at..at, chunk);
    }
    v
}

fn insert_token(rng: &mut Rng, mut v: Vec<u8>) -> Vec<u8> {
    let at = rng.below(v.len() + 1);
    let t = rng.pick(TOKENS).as_bytes().to_vec();
    v.splice(at..at, t);
    v
}

/// The head of this input followed by the tail of another seed.
fn splice(rng: &mut Rng, v: Vec<u8>, others: &[Vec<u8>]) -> Vec<u8> {
    if others.is_empty() {
        return v;
    }
    let o = rng.pick(others);
    let a = rng.below(v.len() + 1);
    let b = rng.below(o.len() + 1);
    let mut out = v[..a].to_vec();
    out.extend_from_slice(&o[b..]);
    out
}

/// Byte ranges of the runs of ASCII digits (with a leading `-`).
fn numbers(v: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < v.len() {
        if v[i].is_ascii_digit() {
            let start = if i > 0 && v[i - 1] == b'-' { i - 1 } else { i };
            let mut j = i;
            while j < v.len() && v[j].is_ascii_digit() {
                j += 1;
            }
            out.push((start, j));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

fn replace_number(rng: &mut Rng, mut v: Vec<u8>) -> Vec<u8> {
    let ns = numbers(&v);
    if ns.is_empty() {
        return insert_token(rng, v);
    }
    let (a, b) = *rng.pick(&ns);
    let with: Vec<u8> = match rng.below(4) {
        // Off by a little: often still valid, exercising the engine.
        0 => {
            let n: i64 = std::str::from_utf8(&v[a..b])
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            let d = [-1i64, 1, 2, -2, 10][rng.below(5)];
            n.saturating_add(d).to_string().into_bytes()
        }
        _ => rng.pick(NUMBERS).as_bytes().to_vec(),
    };
    v.splice(a..b, with);
    v
}

/// Line-level mutations.
#[derive(Clone, Copy)]
pub enum LineOp {
    /// Remove a line.
    Delete,
    /// Repeat a line.
    Duplicate,
    /// Exchange two lines.
    Swap,
}

/// Apply a line operation to line `i` (and `j` for a swap).
#[must_use]
pub fn line_op_at(v: &[u8], op: LineOp, i: usize, j: usize) -> Vec<u8> {
    let mut lines: Vec<&[u8]> = v.split(|&b| b == b'\n').collect();
    if lines.is_empty() {
        return v.to_vec();
    }
    let (i, j) = (i % lines.len(), j % lines.len());
    match op {
        LineOp::Delete => {
            lines.remove(i);
        }
        LineOp::Duplicate => {
            let l = lines[i];
            lines.insert(i, l);
        }
        LineOp::Swap => lines.swap(i, j),
    }
    lines.join(&b'\n')
}

fn line_op(rng: &mut Rng, v: Vec<u8>, op: LineOp) -> Vec<u8> {
    let (i, j) = (rng.next() as usize, rng.next() as usize);
    line_op_at(&v, op, i, j)
}

/// Byte ranges of quoted strings' contents (no escapes handled: good enough).
fn strings(v: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &b) in v.iter().enumerate() {
        if b == b'"' {
            match start.take() {
                Some(s) => out.push((s, i)),
                None => start = Some(i + 1),
            }
        } else if b == b'\n' {
            start = None;
        }
    }
    out
}

/// Replace one quoted string by another from the same file (a unit id by
/// another, a place by a terrain name), or by an empty or long string.
fn replace_string(rng: &mut Rng, mut v: Vec<u8>) -> Vec<u8> {
    let ss = strings(&v);
    if ss.is_empty() {
        return replace_number(rng, v);
    }
    let (a, b) = *rng.pick(&ss);
    let with: Vec<u8> = match rng.below(6) {
        0 => Vec::new(),
        1 => b"x".repeat(1 + rng.below(5000)),
        2 => b"../../../../etc/passwd".to_vec(),
        _ => {
            let (c, d) = *rng.pick(&ss);
            v[c..d].to_vec()
        }
    };
    v.splice(a..b, with);
    v
}

/// Swap two bare identifiers of the file (`Allied` for `Axis`, a field name
/// for another, an enum variant for another).
fn swap_identifier(rng: &mut Rng, mut v: Vec<u8>) -> Vec<u8> {
    let mut ids = Vec::new();
    let mut i = 0;
    while i < v.len() {
        if v[i].is_ascii_alphabetic()
            && (i == 0 || !v[i - 1].is_ascii_alphanumeric() && v[i - 1] != b'"')
        {
            let mut j = i;
            while j < v.len() && (v[j].is_ascii_alphanumeric() || v[j] == b'_') {
                j += 1;
            }
            ids.push((i, j));
            i = j;
        } else {
            i += 1;
        }
    }
    if ids.len() < 2 {
        return flip_bit(rng, v);
    }
    let (a, b) = *rng.pick(&ids);
    let (c, d) = *rng.pick(&ids);
    let with = v[c..d].to_vec();
    v.splice(a..b, with);
    v
}
