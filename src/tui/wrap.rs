//! Word wrap that yields display lines as byte ranges into the text.
//!
//! Lines are ranges, not copies, so later layers (entity styling, "open at
//! this sentence") can map byte spans onto display lines without searching.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::display::grapheme_width;

/// One display line: `range` is a byte range into the wrapped text, on char
/// boundaries, without leading or trailing whitespace. An empty range is the
/// blank line kept between two paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrapLine {
    pub range: Range<usize>,
}

impl WrapLine {
    pub fn is_blank(&self) -> bool {
        self.range.is_empty()
    }
}

/// Wrap `text` to `width` columns.
///
/// A line break in the text is kept; one or more blank lines become a single
/// blank display line (paragraphs kept, runs of blank lines collapsed).
/// Words longer than `width` are broken between graphemes. A grapheme wider
/// than `width` gets a line of its own (the only case a line can be wider).
pub fn wrap(text: &str, width: u16) -> Vec<WrapLine> {
    let width = usize::from(width.max(1));
    let mut out = Vec::new();
    let mut blank_pending = false;
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let start = pos;
        pos += raw.len();
        let content = raw.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            // A blank line only separates paragraphs: none before the first.
            blank_pending = !out.is_empty();
            continue;
        }
        if blank_pending {
            out.push(WrapLine { range: start..start });
            blank_pending = false;
        }
        wrap_hard_line(content, start, width, &mut out);
    }
    out
}

/// The index of the display line that shows byte `offset` of the text: the
/// line whose range holds it, else the next line after it (an offset inside
/// skipped whitespace), else the last line. `None` when there are no lines.
pub fn line_of(lines: &[WrapLine], offset: usize) -> Option<usize> {
    if lines.is_empty() {
        return None;
    }
    // Ranges ascend, so the first line ending after `offset` shows it or
    // follows it directly.
    let i = lines.partition_point(|l| l.range.end <= offset);
    Some(i.min(lines.len() - 1))
}

/// Greedy wrap of one line without line breaks, starting at byte `base`.
fn wrap_hard_line(line: &str, base: usize, width: usize, out: &mut Vec<WrapLine>) {
    let mut cur: Option<Range<usize>> = None;
    let mut cur_w = 0;
    let mut gap_w = 0;
    for (start, end, w, is_space) in tokens(line) {
        if is_space {
            gap_w += w;
            continue;
        }
        let (start, end) = (base + start, base + end);
        match cur.as_mut() {
            Some(r) if cur_w + gap_w + w <= width => {
                r.end = end;
                cur_w += gap_w + w;
            }
            _ => {
                if let Some(r) = cur.take() {
                    out.push(WrapLine { range: r });
                }
                let word = &line[start - base..end - base];
                let (rest, rest_w) = break_word(word, start, width, out);
                cur = Some(rest);
                cur_w = rest_w;
            }
        }
        gap_w = 0;
    }
    if let Some(r) = cur {
        out.push(WrapLine { range: r });
    }
}

/// Push full-width pieces of a word too long for a line; return the last
/// piece (and its width), which stays open so following words can join it.
fn break_word(
    word: &str,
    base: usize,
    width: usize,
    out: &mut Vec<WrapLine>,
) -> (Range<usize>, usize) {
    let mut piece = base..base;
    let mut piece_w = 0;
    for (i, g) in word.grapheme_indices(true) {
        let w = grapheme_width(g);
        if piece_w + w > width && !piece.is_empty() {
            out.push(WrapLine { range: piece.clone() });
            piece = base + i..base + i;
            piece_w = 0;
        }
        piece.end = base + i + g.len();
        piece_w += w;
    }
    (piece, piece_w)
}

/// Runs of words and of whitespace: (start, end, width, is_space).
fn tokens(line: &str) -> Vec<(usize, usize, usize, bool)> {
    let mut out: Vec<(usize, usize, usize, bool)> = Vec::new();
    for (i, g) in line.grapheme_indices(true) {
        let space = g.chars().all(char::is_whitespace);
        let w = grapheme_width(g);
        match out.last_mut() {
            Some(t) if t.3 == space => {
                t.1 = i + g.len();
                t.2 += w;
            }
            _ => out.push((i, i + g.len(), w, space)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown<'a>(text: &'a str, lines: &[WrapLine]) -> Vec<&'a str> {
        lines.iter().map(|l| &text[l.range.clone()]).collect()
    }

    #[test]
    fn greedy_words() {
        let t = "the quick brown fox jumps";
        assert_eq!(shown(t, &wrap(t, 10)), ["the quick", "brown fox", "jumps"]);
    }

    #[test]
    fn line_of_finds_offsets() {
        let t = "aaa bbb\n\nccc ddd";
        let lines = wrap(t, 3);
        assert_eq!(shown(t, &lines), ["aaa", "bbb", "", "ccc", "ddd"]);
        assert_eq!(line_of(&lines, 0), Some(0));
        assert_eq!(line_of(&lines, 3), Some(1)); // the space before "bbb"
        assert_eq!(line_of(&lines, 5), Some(1));
        assert_eq!(line_of(&lines, 9), Some(3));
        assert_eq!(line_of(&lines, 15), Some(4));
        assert_eq!(line_of(&lines, 99), Some(4));
        assert_eq!(line_of(&[], 0), None);
    }
}
