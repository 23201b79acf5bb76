//! Text on a screen: display widths by grapheme, cutting with `…`, padding,
//! and making untrusted text safe to draw. Shared by the reader and the
//! command-line tables; no terminal here.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Columns a grapheme takes. Control characters count as one column because
/// [`clean`] shows each as a space.
pub fn grapheme_width(g: &str) -> usize {
    if g.chars().any(char::is_control) { 1 } else { g.width() }
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

/// Untrusted text made safe to draw: control characters (escape sequences,
/// tabs, stray line breaks) become spaces, byte for byte where the control
/// character is one byte, so nothing in an article can drive the terminal.
pub fn clean(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// `s` cut to at most `max` columns, ending in `…` when cut.
pub fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
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

/// `s` fitted to `cols` columns and padded with spaces to exactly that width.
pub fn pad(s: &str, cols: usize) -> String {
    let s = fit(s, cols);
    let fill = cols.saturating_sub(width(&s));
    format!("{s}{}", " ".repeat(fill))
}

/// `s` fitted to `cols` columns and right-aligned in exactly that width.
pub fn pad_left(s: &str, cols: usize) -> String {
    let s = fit(s, cols);
    let fill = cols.saturating_sub(width(&s));
    format!("{}{s}", " ".repeat(fill))
}

/// The last `max` columns of `s`, so the end of a long query or input stays
/// in view.
pub fn tail(s: &str, max: usize) -> String {
    let mut out: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w > max {
            break;
        }
        used += w;
        out.push(c);
    }
    out.into_iter().rev().collect()
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
    fn clean_keeps_length() {
        let s = "a\tb\x1b[31mc";
        assert_eq!(clean(s).len(), s.len());
        assert!(!clean(s).chars().any(char::is_control));
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
