//! Any text at all: the analysis never panics, and every sentence, token,
//! mention and value is a span inside the body on char boundaries.

use dateline::analysis::{Kind, analyze};
use proptest::prelude::*;

/// Text with the shapes that stress segmentation and recognition: capitals,
/// abbreviations, digits, quotes, dashes, multi-byte letters and marks.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S. ".to_string()),
        Just("Al-Asad ".to_string()),
        Just("Nov. 22 ".to_string()),
        Just("more than 150 ".to_string()),
        Just("“Quoted,” he said. ".to_string()),
        Just("ÉCOLE Zürich 東京 ".to_string()),
        Just("e\u{301}\u{200f}\u{202e} ".to_string()),
        Just("\n\n".to_string()),
        "[A-Z][a-z]{0,8} ",
        "[0-9,.]{1,6} ",
        "\\PC{0,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check(body: &str) {
    let a = analyze(body, chrono::NaiveDate::from_ymd_opt(2024, 8, 6));
    let ok = |s: usize, e: usize| {
        s <= e && e <= body.len() && body.is_char_boundary(s) && body.is_char_boundary(e)
    };
    for t in &a.segmentation.tokens {
        assert!(ok(t.start, t.end) && t.start < t.end, "token {t:?}");
    }
    for s in &a.segmentation.sentences {
        assert!(ok(s.start, s.end), "sentence {s:?}");
        assert!(s.tokens.end <= a.segmentation.tokens.len());
    }
    let mut last = 0;
    for m in &a.mentions {
        assert!(ok(m.start, m.end) && m.start < m.end, "mention {m:?}");
        assert!(m.start >= last, "mentions ordered and apart: {:?}", a.mentions);
        last = m.end;
    }
    for v in &a.values {
        assert!(ok(v.start, v.end), "value {v:?}");
        assert!(matches!(v.kind, Kind::Date | Kind::Number));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn newsy_text_spans_are_sound(body in newsy_text()) {
        check(&body);
    }

    #[test]
    fn arbitrary_unicode_spans_are_sound(body in "\\PC{0,200}") {
        check(&body);
    }
}
