//! The reader's word wrap: display lines are byte ranges into the text.

use dateline::display::width;
use dateline::tui::wrap::{WrapLine, line_of, wrap};
use unicode_segmentation::UnicodeSegmentation;

/// Check every property a caller relies on, for one text at one width.
fn check(text: &str, w: u16) -> Vec<WrapLine> {
    let lines = wrap(text, w);
    let mut prev_end = 0;
    for l in &lines {
        let r = &l.range;
        assert!(r.start <= r.end && r.end <= text.len(), "{r:?} inside the text");
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{r:?} on char boundaries"
        );
        assert!(r.start >= prev_end, "ranges ascend without overlap");
        let shown = &text[r.clone()];
        assert!(!shown.contains('\n'), "no line break inside a line");
        assert_eq!(shown, shown.trim(), "no leading or trailing whitespace");
        let cols = width(shown);
        // A single grapheme wider than the line is the one allowed overflow.
        assert!(
            cols <= usize::from(w.max(1)) || shown.graphemes(true).count() == 1,
            "{shown:?} is {cols} > {w}"
        );
        prev_end = r.end;
    }
    // Every non-whitespace byte is shown by exactly one line.
    let mut covered = vec![false; text.len()];
    for l in &lines {
        covered[l.range.clone()].iter_mut().for_each(|c| *c = true);
    }
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() {
            assert!(covered[i], "byte {i} ({c:?}) shown at width {w}");
        }
    }
    lines
}

fn shown<'a>(text: &'a str, lines: &[WrapLine]) -> Vec<&'a str> {
    lines.iter().map(|l| &text[l.range.clone()]).collect()
}

#[test]
fn paragraphs_are_kept_with_one_blank_line_between() {
    let text = "\n\nFirst paragraph here.\n\n\n\nSecond one.\r\n\r\nThird\nwith a line break.\n\n";
    let lines = check(text, 40);
    assert_eq!(
        shown(text, &lines),
        ["First paragraph here.", "", "Second one.", "", "Third", "with a line break."]
    );
    assert!(lines[1].is_blank());
}

#[test]
fn words_wrap_greedily_and_long_words_break() {
    let text = "a bb ccc dddd supercalifragilistic e";
    let lines = check(text, 6);
    assert_eq!(shown(text, &lines), ["a bb", "ccc", "dddd", "superc", "alifra", "gilist", "ic e"]);
}

#[test]
fn multi_byte_text_wraps_by_display_width() {
    let text = "東京で地震がありました。被害は調査中です。 Ça a été très grave — 🚀🚀🚀 fin.";
    for w in 1..=30 {
        check(text, w);
    }
    let lines = check(text, 10);
    assert_eq!(shown(text, &lines)[0], "東京で地震");
    // Combining marks and emoji sequences stay whole.
    let text = "e\u{301}e\u{301}e\u{301} 👨‍👩‍👧‍👦👨‍👩‍👧‍👦 ok";
    for w in 1..=12 {
        let lines = check(text, w);
        for l in &lines {
            assert!(!text[l.range.clone()].starts_with('\u{301}'), "accent kept with its letter");
        }
    }
}

#[test]
fn odd_inputs_do_not_panic() {
    for text in ["", " ", "\n", "\n\n\n", "\t\tx\t", "a\u{0}b\x1b[31mc", "x", "  lead", "trail  "] {
        for w in 0..=5 {
            check(text, w);
        }
    }
    assert!(wrap("", 10).is_empty());
    assert!(wrap("\n \n", 10).is_empty());
}

#[test]
fn generated_texts_keep_every_property() {
    // A small deterministic generator: words of mixed scripts and widths,
    // spaces, line breaks and blank lines.
    let pieces = [
        "the",
        "Al-Asad",
        "air",
        "base",
        "東京",
        "😀",
        "naïve",
        "x",
        "supercalifragilisticexpialidocious",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\t",
        "—",
        "e\u{301}",
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..200 {
        let mut text = String::new();
        for _ in 0..60 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let p = pieces[(seed % pieces.len() as u64) as usize];
            text.push_str(p);
            if seed.is_multiple_of(3) {
                text.push(' ');
            }
        }
        for w in [1, 2, 3, 7, 20, 80] {
            check(&text, w);
        }
    }
}

#[test]
fn line_of_maps_byte_offsets_to_lines() {
    let text = "one two three\n\nfour five six";
    let lines = check(text, 8);
    assert_eq!(shown(text, &lines), ["one two", "three", "", "four", "five six"]);
    let at = |needle: &str| line_of(&lines, text.find(needle).unwrap_or(usize::MAX));
    assert_eq!(at("one"), Some(0));
    assert_eq!(at("two"), Some(0));
    assert_eq!(at("three"), Some(1));
    assert_eq!(at("four"), Some(3));
    assert_eq!(at("six"), Some(4));
    // Past the end: the last line.
    assert_eq!(line_of(&lines, text.len()), Some(4));
}
