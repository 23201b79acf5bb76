//! Text with styled stretches → ratatui spans. Styles come from byte or
//! char positions computed elsewhere (mentions, matcher indices); nothing
//! here searches the text.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::Span;

use crate::display::{clean, grapheme_width};
use unicode_segmentation::UnicodeSegmentation;

/// `text[line]` as spans: where a mark's byte range overlaps the line, that
/// stretch takes the mark's style patched over `base`; elsewhere `base`.
/// `marks` ascend and do not overlap (as mentions do). Each piece is
/// [`clean`]ed; a range off char boundaries draws nothing rather than panic.
pub fn marked(
    text: &str,
    line: Range<usize>,
    marks: &[(Range<usize>, Style)],
    base: Style,
) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut push = |r: Range<usize>, style: Style| {
        if let Some(s) = text.get(r).filter(|s| !s.is_empty()) {
            out.push(Span::styled(clean(s), style));
        }
    };
    let mut pos = line.start;
    // The first mark that ends inside or after this line.
    let first = marks.partition_point(|(r, _)| r.end <= line.start);
    for (r, style) in &marks[first..] {
        if r.start >= line.end {
            break;
        }
        let (s, e) = (r.start.max(line.start), r.end.min(line.end));
        if s > pos {
            push(pos..s, base);
        }
        push(s.max(pos)..e, base.patch(*style));
        pos = pos.max(e);
    }
    if pos < line.end {
        push(pos..line.end, base);
    }
    out
}

/// [`marked`], with the part of the line inside `band` (a stretch such as
/// a highlighted sentence) drawn on `band`'s style patched over `base`, the
/// marks inside it patched over that.
pub fn banded(
    text: &str,
    line: Range<usize>,
    marks: &[(Range<usize>, Style)],
    base: Style,
    band: Option<&(Range<usize>, Style)>,
) -> Vec<Span<'static>> {
    let Some((b, style)) = band.filter(|(b, _)| b.start < line.end && b.end > line.start) else {
        return marked(text, line, marks, base);
    };
    let (s, e) = (b.start.max(line.start), b.end.min(line.end));
    let mut out = marked(text, line.start..s, marks, base);
    out.extend(marked(text, s..e, marks, base.patch(*style)));
    out.extend(marked(text, e..line.end, marks, base));
    out
}

/// `marks` with `range` laid over them in `style`: what lies outside it
/// keeps its mark, the inside takes `style` patched over the mark it falls
/// in (a number's kind under the emphasis of a differing value). Stays
/// ascending and free of overlaps, as [`marked`] wants.
pub fn overlay(
    marks: &[(Range<usize>, Style)],
    range: Range<usize>,
    style: Style,
) -> Vec<(Range<usize>, Style)> {
    if range.is_empty() {
        return marks.to_vec();
    }
    let mut under = Style::new();
    let mut out = Vec::with_capacity(marks.len() + 2);
    for (r, st) in marks {
        if r.end <= range.start || r.start >= range.end {
            out.push((r.clone(), *st));
            continue;
        }
        if under == Style::new() {
            under = *st;
        }
        if r.start < range.start {
            out.push((r.start..range.start, *st));
        }
        if r.end > range.end {
            out.push((range.end..r.end, *st));
        }
    }
    out.push((range, under.patch(style)));
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// `text` cut to `max` columns (ending in `…` when cut) as spans, the chars
/// at `indices` (char positions, as the fuzzy matcher gives them) in
/// `emph` patched over `base`.
pub fn emphasised(
    text: &str,
    indices: &[usize],
    max: usize,
    base: Style,
    emph: Style,
) -> Vec<Span<'static>> {
    let cut = crate::display::width(text) > max;
    let room = if cut { max.saturating_sub(1) } else { max };
    let mut out: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_on = false;
    let mut used = 0;
    let mut chars_seen = 0;
    // Graphemes of the text as given, each cleaned as it is drawn, so the
    // matcher's char positions still point at the chars they matched.
    for g in text.graphemes(true) {
        let w = grapheme_width(g);
        if used + w > room {
            break;
        }
        used += w;
        let n = g.chars().count();
        let on = (chars_seen..chars_seen + n).any(|c| indices.binary_search(&c).is_ok());
        chars_seen += n;
        if on != run_on && !run.is_empty() {
            let style = if run_on { base.patch(emph) } else { base };
            out.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_on = on;
        run.push_str(&clean(g));
    }
    if !run.is_empty() {
        out.push(Span::styled(run, if run_on { base.patch(emph) } else { base }));
    }
    if cut && max > 0 {
        out.push(Span::styled("…", base));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn show(spans: &[Span]) -> Vec<(String, bool)> {
        spans
            .iter()
            .map(|s| (s.content.to_string(), s.style.add_modifier.contains(Modifier::BOLD)))
            .collect()
    }

    #[test]
    fn marks_split_lines_at_their_bytes() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let text = "Al-Asad air base in Iraq";
        let marks = [(0..16, bold), (20..24, bold)];
        // A line that starts inside the first mark.
        let spans = marked(text, 8..24, &marks, Style::new());
        assert_eq!(
            show(&spans),
            [("air base".into(), true), (" in ".into(), false), ("Iraq".into(), true)]
        );
        assert_eq!(show(&marked(text, 17..19, &marks, Style::new())), [("in".into(), false)]);
        // A mark off char boundaries draws nothing, never panics.
        let odd = [(1..2, bold)];
        assert_eq!(show(&marked("é!", 0..3, &odd, Style::new())), [("!".into(), false)]);
    }

    #[test]
    fn overlays_split_the_marks_they_cross() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let rev = Style::new().add_modifier(Modifier::REVERSED);
        let marks = [(0..5, bold), (10..20, bold), (30..35, bold)];
        let out = overlay(&marks, 12..15, rev);
        let ranges: Vec<_> = out.iter().map(|(r, _)| r.clone()).collect();
        assert_eq!(ranges, [0..5, 10..12, 12..15, 15..20, 30..35]);
        assert_eq!(out[2].1, bold.patch(rev));
        // Over no mark, the emphasis alone.
        assert_eq!(overlay(&marks, 22..25, rev)[2], (22..25, rev));
        assert_eq!(overlay(&marks, 3..3, rev).len(), 3);
    }

    #[test]
    fn bands_style_the_part_of_the_line_inside_them() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let text = "aaa bbb ccc";
        let band = (4..7, bold);
        assert_eq!(
            show(&banded(text, 0..11, &[], Style::new(), Some(&band))),
            [("aaa ".into(), false), ("bbb".into(), true), (" ccc".into(), false)]
        );
        assert_eq!(show(&banded(text, 8..11, &[], Style::new(), Some(&band))).len(), 1);
    }

    #[test]
    fn emphasis_follows_char_indices_and_cuts() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let spans = emphasised("Al-Asad", &[3, 4, 5, 6], 20, Style::new(), bold);
        assert_eq!(show(&spans), [("Al-".into(), false), ("Asad".into(), true)]);
        // Invisible characters are not drawn but still count as chars.
        let spans = emphasised("\u{200B}Al-Asad", &[4, 5, 6, 7], 20, Style::new(), bold);
        assert_eq!(show(&spans), [("Al-".into(), false), ("Asad".into(), true)]);
        let spans = emphasised("Zürich Airport", &[1, 2], 5, Style::new(), bold);
        assert_eq!(
            show(&spans),
            [("Z".into(), false), ("ür".into(), true), ("i".into(), false), ("…".into(), false)]
        );
    }
}
