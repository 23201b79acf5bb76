//! The comparison view's state, and its geometry: where the fact table,
//! the column of each article and the detail pane go, and how many lines
//! each fact takes. Shared by the app (to keep the selection on screen) and
//! the view (to draw), so both always agree.

use std::ops::Range;

use ratatui::layout::Rect;

use crate::compare::{Fact, Report, Status, Story};
use crate::corpus::Article;
use crate::display;
use crate::tui::wrap::{WrapLine, wrap};

mod picker;

pub use picker::{Picker, dates_label, order as story_order};

/// The comparison view of one story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareView {
    /// Index into the comparison's stories.
    pub story: usize,
    /// Index into the story's facts.
    pub fact: usize,
    /// The article (corpus index) whose report is selected. Kept as an
    /// article rather than a report index so moving between facts stays in
    /// the same outlet's column where that outlet reports the fact.
    pub article: Option<usize>,
    /// First fact on screen.
    pub offset: usize,
    /// `Some` while the story picker is open.
    pub picker: Option<Picker>,
}

impl CompareView {
    pub fn new(story: usize, article: Option<usize>) -> CompareView {
        CompareView { story, fact: 0, article, offset: 0, picker: None }
    }

    /// The selected report's index in `fact.reports`: the selected
    /// article's, else the first.
    pub fn report_in(&self, fact: &Fact) -> usize {
        fact.reports.iter().position(|r| Some(r.article) == self.article).unwrap_or(0)
    }
}

/// Narrower cells than this make a sentence unreadable: below it the view
/// shows one block per fact instead of a column per article.
pub const MIN_CELL: u16 = 20;

/// Columns between two article columns.
pub const GAP: u16 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A row per fact, a column per article.
    Columns,
    /// A block per fact, a line per reporting article.
    Blocks,
}

/// Where everything goes, for one story on one screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Geometry {
    pub mode: Mode,
    /// The whole view, border included.
    pub frame: Rect,
    /// Inside the border, with a column of air each side.
    pub inner: Rect,
    /// The row of column names (in [`Mode::Columns`]).
    pub heads: Option<Rect>,
    /// The facts.
    pub table: Rect,
    /// The rule naming the selected fact, above the detail pane.
    pub rule: Option<Rect>,
    /// The selected fact's reports in full.
    pub detail: Option<Rect>,
    /// Width of the first column: mark, status marker, label, a space.
    pub label_w: u16,
    /// Per article of the story: its column's x (from `inner.x`) and width.
    pub cells: Vec<(u16, u16)>,
    /// Lines a table cell may take before it shows a window of its sentence.
    pub cap: usize,
    /// Width of the outlet names in blocks and in the detail pane.
    pub outlet_w: u16,
}

impl Geometry {
    /// Width of a sentence in the detail pane (after mark, outlet, gap).
    pub fn detail_text_w(&self) -> u16 {
        self.inner.width.saturating_sub(self.outlet_w + 3)
    }

    /// Width of a sentence line in a block (indent, outlet, gap).
    pub fn block_text_w(&self) -> u16 {
        self.inner.width.saturating_sub(self.outlet_w + 5)
    }

    /// Width of the label text in the first column.
    pub fn label_text_w(&self) -> u16 {
        self.label_w.saturating_sub(4)
    }
}

/// The geometry of `story` in `frame` (the screen above the status line);
/// `names` are the articles' column names.
pub fn geometry(frame: Rect, story: &Story, arts: &[Article], names: &[String]) -> Geometry {
    let inner = shrink(frame);
    let n = u16::try_from(story.articles.len().max(1)).unwrap_or(u16::MAX);
    let widest_label = story.facts.iter().map(|f| display::width(&f.label)).max().unwrap_or(0);
    let want = u16::try_from(widest_label + 4).unwrap_or(u16::MAX);
    // The label column gets at most a fifth of the width: the reports matter more.
    let label_w = want.min(26).min(inner.width / 5).max(12).min(inner.width);
    let avail = inner.width.saturating_sub(label_w);
    let cell_w = avail.saturating_sub((n - 1).saturating_mul(GAP)) / n;
    let mode = if cell_w >= MIN_CELL { Mode::Columns } else { Mode::Blocks };
    let mut cells = Vec::with_capacity(usize::from(n));
    if mode == Mode::Columns {
        // The remainder goes to the first columns, a column each.
        let extra = avail - (n - 1) * GAP - cell_w * n;
        let mut x = label_w;
        for i in 0..n {
            let w = cell_w + u16::from(i < extra);
            cells.push((x, w));
            x += w + GAP;
        }
    }
    let widest_name = names.iter().map(|s| display::width(s)).max().unwrap_or(0);
    let outlet_w =
        u16::try_from(widest_name).unwrap_or(u16::MAX).min(14).min(inner.width / 4).max(1);

    let heads_h = u16::from(mode == Mode::Columns && inner.height >= 4);
    let mut g = Geometry {
        mode,
        frame,
        inner,
        heads: None,
        table: inner,
        rule: None,
        detail: None,
        label_w,
        cells,
        cap: 1,
        outlet_w,
    };
    if inner.height == 0 || inner.width == 0 {
        return g;
    }
    if heads_h > 0 {
        g.heads = Some(Rect { height: 1, ..inner });
    }
    let below_heads = inner.height - heads_h;
    // The detail pane only where it leaves the table a few rows.
    let detail_h = if below_heads >= 10 {
        let need = story.facts.iter().map(|f| detail_len(f, arts, g.detail_text_w())).max();
        let most = (below_heads * 2 / 5).max(3);
        u16::try_from(need.unwrap_or(1)).unwrap_or(u16::MAX).clamp(3, most)
    } else {
        0
    };
    let table_h = below_heads - if detail_h > 0 { detail_h + 1 } else { 0 };
    g.table = Rect { y: inner.y + heads_h, height: table_h, ..inner };
    if detail_h > 0 {
        let rule_y = g.table.bottom();
        g.rule = Some(Rect { y: rule_y, height: 1, ..frame });
        g.detail = Some(Rect { y: rule_y + 1, height: detail_h, ..inner });
    }
    g.cap = match table_h {
        0..=7 => 1,
        8..=17 => 2,
        18..=27 => 3,
        _ => 4,
    };
    g
}

/// Inside the border, with a column of air each side (as the reader).
fn shrink(r: Rect) -> Rect {
    let width = r.width.saturating_sub(4);
    let height = r.height.saturating_sub(2);
    if width == 0 || height == 0 {
        return Rect { x: r.x, y: r.y, width: 0, height: 0 };
    }
    Rect { x: r.x + 2, y: r.y + 1, width, height }
}

/// Lines the detail pane needs for `fact`: every report's sentence wrapped
/// to `w`.
pub fn detail_len(fact: &Fact, arts: &[Article], w: u16) -> usize {
    fact.reports.iter().map(|r| sentence_lines(r, arts, w).len().max(1)).sum()
}

/// A report's whole sentence wrapped to `w`, as byte ranges into the body.
pub fn sentence_lines(r: &Report, arts: &[Article], w: u16) -> Vec<WrapLine> {
    let Some(body) = arts.get(r.article).map(|a| a.body.as_str()) else { return Vec::new() };
    wrapped(body, r.start..r.end, w)
}

/// `body[range]` wrapped to `w`, ranges into `body`; nothing when the range
/// is not on char boundaries.
fn wrapped(body: &str, range: Range<usize>, w: u16) -> Vec<WrapLine> {
    let Some(text) = body.get(range.clone()) else { return Vec::new() };
    wrap(text, w)
        .into_iter()
        .filter(|l| !l.is_blank())
        .map(|l| WrapLine { range: l.range.start + range.start..l.range.end + range.start })
        .collect()
}

/// Lines of one fact in the table.
pub fn fact_height(g: &Geometry, fact: &Fact, story: &Story, arts: &[Article]) -> usize {
    match g.mode {
        Mode::Columns => {
            let label = wrap(&fact.label, g.label_text_w().max(1)).len();
            let cells = fact
                .reports
                .iter()
                .filter_map(|r| {
                    let col = story.articles.iter().position(|&a| a == r.article)?;
                    let w = g.cells.get(col)?.1;
                    Some(window(r, fact.status, arts, w, g.cap).len())
                })
                .max()
                .unwrap_or(1);
            label.max(cells).clamp(1, g.cap)
        }
        Mode::Blocks => 1 + fact.reports.len() + usize::from(has_gaps(fact, story)),
    }
}

/// A fact more than one article reports, that others of the story do not:
/// the block layout names the others on a line of its own.
pub fn has_gaps(fact: &Fact, story: &Story) -> bool {
    fact.reports.len() > 1 && fact.reports.len() < story.articles.len()
}

/// Every fact's height, in story order.
pub fn fact_heights(g: &Geometry, story: &Story, arts: &[Article]) -> Vec<usize> {
    story.facts.iter().map(|f| fact_height(g, f, story, arts)).collect()
}

/// One line of a report in a cell: a byte range of the body, and whether
/// text was left out before or after it (drawn as `…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellLine {
    pub range: Range<usize>,
    pub cut_before: bool,
    pub cut_after: bool,
}

/// A report's sentence in at most `cap` lines of `w` columns: all of it
/// when it fits, else a window around the fact's key word, or around the
/// value compared across reports where they differ on it, with `…` where
/// text is left out.
pub fn window(r: &Report, status: Status, arts: &[Article], w: u16, cap: usize) -> Vec<CellLine> {
    let Some(body) = arts.get(r.article).map(|a| a.body.as_str()) else { return Vec::new() };
    let all = wrapped(body, r.start..r.end, w);
    let plain =
        |l: &WrapLine| CellLine { range: l.range.clone(), cut_before: false, cut_after: false };
    if all.len() <= cap.max(1) {
        return all.iter().map(plain).collect();
    }
    let cap = cap.max(1);
    let focus = r.focus(status);
    // Up to a third of the window leads up to the focus.
    let lead = usize::from(w) * cap / 3;
    let start = display::word_start_before(body, r.start, focus, lead);
    // Room for the `…` marks on either side.
    let lines = wrapped(body, start..r.end, w.saturating_sub(2).max(1));
    let n = lines.len().min(cap);
    lines
        .iter()
        .take(n)
        .enumerate()
        .map(|(i, l)| CellLine {
            range: l.range.clone(),
            cut_before: i == 0 && start > r.start,
            cut_after: i + 1 == n && lines.len() > n,
        })
        .collect()
}

/// How the detail pane shows a fact's reports: which, from where, and
/// each in how many lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailPlan {
    /// The first report shown. Past 0 only when there are more reports than
    /// lines: then the pane scrolls by whole reports, a line each.
    pub first: usize,
    /// From `first` on, each report shown (its index in `fact.reports`) and
    /// its lines: the selected one whole where it fits, the others cut to
    /// a window around what they are compared on.
    pub reports: Vec<(usize, Vec<CellLine>)>,
}

impl DetailPlan {
    /// Lines the plan takes.
    pub fn len(&self) -> usize {
        self.reports.iter().map(|(_, l)| l.len().max(1)).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.reports.is_empty()
    }
}

/// The detail pane of `fact` in `h` lines of `w` columns, `selected` the
/// selected report. Every report whole when they fit; else every report
/// keeps a line at least, so none is hidden above the selected one, and
/// the lines left go to the selected report first, then in turn to the
/// others.
pub fn detail_plan(fact: &Fact, arts: &[Article], w: u16, h: usize, selected: usize) -> DetailPlan {
    let n = fact.reports.len();
    if n == 0 || h == 0 {
        return DetailPlan { first: 0, reports: Vec::new() };
    }
    let selected = selected.min(n - 1);
    let full: Vec<usize> =
        fact.reports.iter().map(|r| sentence_lines(r, arts, w).len().max(1)).collect();
    let (first, lines) = if full.iter().sum::<usize>() <= h {
        (0, full.clone())
    } else if n <= h {
        let mut lines = vec![1; n];
        lines[selected] = full[selected].min(h - (n - 1));
        let mut left = h - lines.iter().sum::<usize>();
        while left > 0 {
            let before = left;
            for i in (0..n).filter(|&i| i != selected) {
                if left > 0 && lines[i] < full[i] {
                    lines[i] += 1;
                    left -= 1;
                }
            }
            if left == before {
                break;
            }
        }
        (0, lines)
    } else {
        (selected.saturating_sub(h - 1), vec![1; n])
    };
    let reports = (first..n)
        .take(if n > h { h } else { n })
        .map(|i| (i, window(&fact.reports[i], fact.status, arts, w, lines[i])))
        .collect();
    DetailPlan { first, reports }
}

/// The rows the story picker shows per story.
pub const PICKER_ROWS_PER_STORY: usize = 2;

/// Stories the picker popup has room for: inside the border, under the
/// line of what is typed.
pub fn picker_visible(popup: Rect) -> usize {
    usize::from(popup.height.saturating_sub(3)) / PICKER_ROWS_PER_STORY
}

/// The first fact to draw so that `selected` is wholly on screen, moving
/// `offset` as little as possible.
pub fn keep_visible(offset: usize, selected: usize, heights: &[usize], rows: usize) -> usize {
    if heights.is_empty() || rows == 0 {
        return 0;
    }
    let selected = selected.min(heights.len() - 1);
    let mut top = offset.min(selected);
    while top < selected && heights[top..=selected].iter().sum::<usize>() > rows {
        top += 1;
    }
    top
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_visible_scrolls_by_whole_facts() {
        let h = [2, 2, 1, 3, 2];
        assert_eq!(keep_visible(0, 0, &h, 4), 0);
        assert_eq!(keep_visible(0, 2, &h, 4), 1);
        assert_eq!(keep_visible(0, 3, &h, 4), 2);
        assert_eq!(keep_visible(3, 1, &h, 4), 1);
        // A fact taller than the table shows from its top.
        assert_eq!(keep_visible(0, 3, &h, 2), 3);
        assert_eq!(keep_visible(5, 9, &[], 4), 0);
    }
}
