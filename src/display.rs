//! Text on a screen: display widths by grapheme, cutting with `…`, padding,
//! and making untrusted text safe to draw. Shared by the reader and the
//! command-line tables; no terminal here.
//!
//! Article text, titles, outlets, file names and warnings are shown, never
//! executed: [`clean`] neutralises every character that could drive a
//! terminal or disguise what is shown, and the widths here are those of the
//! cleaned text, so columns stay aligned whatever the input holds.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// What drawing does with one character of untrusted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Treat {
    /// Shown as it is.
    Keep,
    /// Shown as one space: control characters (C0, DEL, C1 — ESC starts
    /// every CSI and OSC sequence, OSC 52 clipboard writes and OSC 8 links
    /// included, and U+009B is a CSI by itself) and the Unicode line and
    /// paragraph separators.
    Space,
    /// Not shown: bidirectional overrides, embeddings, isolates and marks,
    /// which reorder what follows them, and invisible characters
    /// (zero-width spaces and joiners, the byte-order mark, soft hyphens,
    /// tags), which hide text or make terminals disagree on widths.
    Drop,
}

/// How [`clean`] treats `c`.
pub fn treat(c: char) -> Treat {
    match c {
        c if c.is_control() => Treat::Space,
        '\u{2028}' | '\u{2029}' => Treat::Space,
        // Bidi: ALM, LRM, RLM, LRE…RLO, LRI…PDI.
        '\u{061C}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => Treat::Drop,
        // Invisible: soft hyphen, Mongolian vowel separator, zero-width
        // space, non-joiner and joiner, word joiner and invisible operators,
        // deprecated format controls, BOM / zero-width no-break space,
        // interlinear annotation, musical formatting, tags.
        '\u{00AD}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200D}'
        | '\u{2060}'..='\u{2064}'
        | '\u{206A}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E007F}' => Treat::Drop,
        _ => Treat::Keep,
    }
}

/// `s` holds nothing [`clean`] would change.
pub fn is_safe(s: &str) -> bool {
    s.chars().all(|c| treat(c) == Treat::Keep)
}

/// Untrusted text made safe to draw (see [`Treat`]): control characters
/// become spaces, bidi controls and invisible characters are removed, so
/// nothing in an article can drive the terminal or reorder what it shows.
/// Byte offsets are not kept: the reader cleans each piece it draws after
/// cutting the body by its spans, never before.
pub fn clean(s: &str) -> String {
    if is_safe(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match treat(c) {
            Treat::Keep => out.push(c),
            Treat::Space => out.push(' '),
            Treat::Drop => {}
        }
    }
    out
}

/// Columns a grapheme takes once [`clean`]ed: a control character one (it
/// is drawn as a space), a bidi control or invisible character none.
pub fn grapheme_width(g: &str) -> usize {
    if is_safe(g) { safe_width(g) } else { clean(g).graphemes(true).map(safe_width).sum() }
}

/// Columns a string takes, consistent with [`grapheme_width`].
pub fn width(s: &str) -> usize {
    // ASCII is a column a byte (control characters too), except that CR LF
    // is one grapheme; checking is much cheaper than segmenting.
    if s.is_ascii() && !s.contains("\r\n") {
        return s.len();
    }
    s.graphemes(true).map(grapheme_width).sum()
}

/// The width of a grapheme free of anything [`clean`] changes.
fn safe_width(g: &str) -> usize {
    g.width()
}

/// `s` [`clean`]ed and cut to at most `max` columns, ending in `…` when cut.
pub fn fit(s: &str, max: usize) -> String {
    let s = clean(s);
    if width(&s) <= max {
        return s;
    }
    if max == 0 {
        return String::new();
    }
    // ASCII (as in `width`): a column a byte, so cut by bytes.
    if s.is_ascii() && !s.contains("\r\n") {
        let mut out = s[..max - 1].trim_end().to_string();
        out.push('…');
        return out;
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = grapheme_width(g);
        if used + w + 1 > max {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// `s` [`fit`] to `cols` columns and padded with spaces to exactly that width.
pub fn pad(s: &str, cols: usize) -> String {
    let s = fit(s, cols);
    let fill = cols.saturating_sub(width(&s));
    format!("{s}{}", " ".repeat(fill))
}

/// `s` [`fit`] to `cols` columns and right-aligned in exactly that width.
pub fn pad_left(s: &str, cols: usize) -> String {
    let s = fit(s, cols);
    let fill = cols.saturating_sub(width(&s));
    format!("{}{s}", " ".repeat(fill))
}

/// The last `max` columns of `s`, [`clean`]ed, so the end of a long query
/// or input stays in view.
pub fn tail(s: &str, max: usize) -> String {
    let s = clean(s);
    let mut start = s.len();
    let mut used = 0;
    for (i, g) in s.grapheme_indices(true).rev() {
        let w = grapheme_width(g);
        if used + w > max {
            break;
        }
        used += w;
        start = i;
    }
    s[start..].to_string()
}

/// Where a window that must show `text[focus..]` starts so that at most
/// `lead` columns of `text[from..focus]` lead up to it: at the first word
/// that fits, or at `from` when all of it does. Both the reader's
/// comparison cells and `compare --format table` cut sentences with it.
pub fn word_start_before(text: &str, from: usize, focus: usize, lead: usize) -> usize {
    let Some(before) = text.get(from..focus) else { return from };
    let mut used = 0;
    let mut start = focus;
    for (i, g) in before.grapheme_indices(true).rev() {
        used += grapheme_width(g);
        if used > lead {
            break;
        }
        // A word begins here when what precedes it is a space.
        if !g.chars().all(char::is_whitespace)
            && (i == 0 || before[..i].chars().next_back().is_some_and(char::is_whitespace))
        {
            start = from + i;
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_by_width() {
        assert_eq!(fit("hello world", 20), "hello world");
        assert_eq!(fit("hello world", 7), "hello…");
        assert_eq!(fit("日本語のニュース", 7), "日本語…");
        assert_eq!(fit("ab👍🏽cd", 4), "ab…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("abc", 1), "…");
        assert_eq!(fit("two words", 5), "two…", "spaces before the cut go");
        assert_eq!(fit("a\r\nb\r\nc", 3), "a…", "CR LF is one grapheme, then trimmed");
    }

    #[test]
    fn ascii_width_agrees_with_graphemes() {
        for s in ["", "plain", "tab\there", "cr\r\nlf", "\r\n\r\n", "a\x1bb", "end\r"] {
            let slow: usize = s.graphemes(true).map(grapheme_width).sum();
            assert_eq!(width(s), slow, "{s:?}");
        }
    }

    #[test]
    fn pad_is_exact() {
        assert_eq!(pad("CNN", 6), "CNN   ");
        assert_eq!(width(&pad("日本語のニュース", 7)), 7);
        assert_eq!(width(&pad("日本語のニュース", 6)), 6);
    }

    #[test]
    fn escape_sequences_and_controls_become_spaces() {
        // SGR, OSC 52 (clipboard), OSC 8 (hyperlink), a C1 CSI, BEL, DEL.
        let s = "a\tb\x1b[31mc\x1b]52;c;aGk=\x07d\x1b]8;;http://x\x1b\\e\u{9b}2Jf\x7f\u{2028}";
        let c = clean(s);
        assert!(!c.chars().any(|ch| ch.is_control() || ch == '\u{2028}'), "{c:?}");
        assert_eq!(c, "a b [31mc ]52;c;aGk= d ]8;;http://x \\e 2Jf  ");
        assert_eq!(width(s), width(&c));
    }

    #[test]
    fn bidi_and_invisible_characters_are_dropped() {
        let s = "\u{202E}evil\u{202C} \u{2066}x\u{2069}\u{200F}\u{061C}\u{200B}y\u{FEFF}\u{00AD}z\u{E0041}";
        assert_eq!(clean(s), "evil xyz");
        assert_eq!(width(s), 8);
        assert!(is_safe("plain, “quoted” Zürich 東京 👍🏽 e\u{301}"));
        // A family emoji loses its joiners: three emoji, as counted.
        assert_eq!(clean("👨\u{200D}👩\u{200D}👧"), "👨👩👧");
        assert_eq!(width("👨\u{200D}👩\u{200D}👧"), 6);
    }

    #[test]
    fn widths_agree_with_what_is_drawn() {
        for s in ["東京", "e\u{301}", "👍🏽", "\r\n", "a\u{202E}b", "\u{200B}", "\x1b[0m"] {
            assert_eq!(width(s), width(&clean(s)), "{s:?}");
        }
        assert_eq!(width("e\u{301}e\u{301}"), 2, "combining marks take no column");
        assert_eq!(width("東京👍🏽"), 6, "wide characters take two");
        assert_eq!(width("\r\n"), 2, "each control character is drawn as a space");
    }

    #[test]
    fn fit_pad_and_tail_clean_what_they_cut() {
        assert_eq!(fit("a\x1b[2Jb", 20), "a [2Jb");
        assert_eq!(pad("\u{202E}CNN", 5), "CNN  ");
        assert_eq!(pad_left("x\u{200B}", 3), "  x");
        assert_eq!(tail("ab\x1bc\u{202E}d", 3), " cd");
        assert_eq!(tail("日本語", 4), "本語");
        assert!(is_safe(&fit("\x1b]52;c;aGk=\x07 long text to cut", 8)));
    }

    #[test]
    fn windows_start_at_a_word_before_the_focus() {
        let body = "one two three four five six seven";
        // "five" is at 19; eight columns lead up to it at most.
        assert_eq!(word_start_before(body, 0, 19, 8), 14);
        assert_eq!(word_start_before(body, 0, 19, 100), 0);
        assert_eq!(word_start_before(body, 0, 19, 0), 19);
        assert_eq!(word_start_before(body, 0, 0, 5), 0);
    }
}
