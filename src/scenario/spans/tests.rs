use super::*;

const LIMITS: ScanLimits = ScanLimits {
    max_depth: 8,
    max_items: 5,
};

#[test]
fn records_struct_list_map_and_tuple_paths() {
    let src = "(\n  units: [\n    (id: \"a\", type: \"inf\", setup: Some((3, 4))),\n  ],\n  legend: {'c': \"clear\"},\n)";
    let ix = scan(src, LIMITS).unwrap();
    assert_eq!(ix.get("units[0].type"), Some(Pos { line: 3, col: 21 }));
    assert_eq!(ix.get("units[0].setup"), Some(Pos { line: 3, col: 40 }));
    assert_eq!(ix.get("units[0].setup[1]"), Some(Pos { line: 3, col: 44 }));
    assert_eq!(ix.get("legend.c"), Some(Pos { line: 5, col: 17 }));
    assert_eq!(ix.string("units[0].id"), Some("a"));
}

#[test]
fn find_falls_back_to_ancestor() {
    let ix = scan("(a: [1, 2])", LIMITS).unwrap();
    assert_eq!(ix.find("a[1]"), Pos { line: 1, col: 9 });
    assert_eq!(ix.find("a[7].x"), Pos { line: 1, col: 5 });
    assert_eq!(ix.find("zzz"), Pos::START);
}

#[test]
fn comments_and_enum_variants() {
    let src = "// c\n(/* x /* y */ */ at: Beach(\"b\"), r: r#\"q\"#)";
    let ix = scan(src, LIMITS).unwrap();
    assert_eq!(ix.get("at"), Some(Pos { line: 2, col: 22 }));
    assert_eq!(ix.string("at[0]"), Some("b"));
    assert_eq!(ix.string("r"), Some("q"));
}

#[test]
fn deep_nesting_is_a_limit_error() {
    let src = "[".repeat(100_000);
    let e = scan(&src, LIMITS).unwrap_err();
    assert_eq!(e.pos, Pos { line: 1, col: 9 });
    assert!(e.message.contains("max_depth"));
}

#[test]
fn long_list_is_a_limit_error() {
    let e = scan("[1,2,3,4,5,6]", LIMITS).unwrap_err();
    assert!(e.message.contains("more than 5 items"));
}

#[test]
fn malformed_text_stops_quietly() {
    let ix = scan("(a: 1, b: [2, ", LIMITS).unwrap();
    assert_eq!(ix.get("b[0]"), Some(Pos { line: 1, col: 12 }));
    assert!(scan("\u{0}\u{1}garbage", LIMITS).is_ok());
}

#[test]
fn rons_vertical_tab_and_unicode_spaces_are_whitespace() {
    // `ron` skips these (`ron::parse::is_whitespace_char`); the scanner must
    // too, or every value after them loses its position.
    let src = "(a: 1,\u{0B}b: 2,\u{2028}c: 3)";
    let ix = scan(src, LIMITS).unwrap();
    assert_eq!(ix.get("b"), Some(Pos { line: 1, col: 11 }));
    assert!(ix.get("c").is_some());
}
