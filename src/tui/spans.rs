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
    let text = clean(text);
    let cut = crate::display::width(&text) > max;
    let room = if cut { max.saturating_sub(1) } else { max };
    let mut out: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_on = false;
    let mut used = 0;
    let mut chars_seen = 0;
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
        run.push_str(g);
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
    fn emphasis_follows_char_indices_and_cuts() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let spans = emphasised("Al-Asad", &[3, 4, 5, 6], 20, Style::new(), bold);
        assert_eq!(show(&spans), [("Al-".into(), false), ("Asad".into(), true)]);
        let spans = emphasised("Zürich Airport", &[1, 2], 5, Style::new(), bold);
        assert_eq!(
            show(&spans),
            [("Z".into(), false), ("ür".into(), true), ("i".into(), false), ("…".into(), false)]
        );
    }
}
