//! The comparison view: a story's facts, a row per fact and a column per
//! article (or a block per fact where the columns do not fit), and the
//! selected fact's reports in full below.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use crate::cli::compare::{column_names, story_heading};
use crate::compare::{Fact, Report, Status, Story};
use crate::display::{fit, pad, width};
use crate::tui::action::{Action, Context};
use crate::tui::app::App;
use crate::tui::compare::{
    CellLine, CompareView, Geometry, Mode, detail_plan, fact_heights, has_gaps, story_order, window,
};
use crate::tui::spans::{marked, overlay};
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let (Some(c), Some(story), Some(g)) =
        (app.compare.as_ref(), app.compare_story(), app.compare_geometry())
    else {
        return;
    };
    let names = column_names(story, &app.corpus.articles);
    let area = g.frame;
    let inner_w = usize::from(area.width.saturating_sub(2));
    let title = format!(" Story: {} ", story_heading(story));
    // Counted in the picker's order, so the two agree.
    let stories = &app.entities.comparison.stories;
    let at = story_order(stories).iter().position(|&s| s == c.story).unwrap_or(c.story);
    let count = format!(" story {} of {} ", at + 1, stories.len());
    let mut block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Span::styled(fit(&title, inner_w), theme.pane_title_focused));
    if inner_w >= width(&title) + width(&count) + 2 {
        block = block.title(Line::styled(count, theme.count).alignment(Alignment::Right));
    }
    frame.render_widget(block, area);
    if g.inner.width == 0 || g.inner.height == 0 {
        return;
    }
    if story.articles.len() < 2 {
        nothing_to_compare(frame, app, story, &g, theme);
        return;
    }
    if story.facts.is_empty() {
        let msg = fit("No facts found in this story", usize::from(g.inner.width));
        frame.render_widget(Paragraph::new(Line::styled(msg, theme.empty)), g.inner);
        return;
    }
    let view = View { app, theme, story, c, g: &g, names: &names };
    view.heads(frame);
    view.table(frame);
    view.detail(frame);
}

/// A story of one article: what it is, that nothing is compared, and the
/// key that opens the picker of the other stories.
fn nothing_to_compare(frame: &mut Frame, app: &App, story: &Story, g: &Geometry, theme: &Theme) {
    let w = usize::from(g.inner.width);
    let names = column_names(story, &app.corpus.articles);
    let who = names.first().map_or("One article", String::as_str);
    let mut lines = vec![
        Line::styled(
            fit(&format!("Only {who} tells this story: nothing to compare."), w),
            theme.empty,
        ),
        Line::default(),
    ];
    let others = app.stories_compared();
    let what = match others {
        0 => "no story here has more than one article".to_string(),
        1 => "1 story has more than one article".to_string(),
        n => format!("{n} stories have more than one article"),
    };
    let keys = app.keymap.hints_where(&[Context::Compare], |a| a == Action::StoriesOpen);
    if let Some((key, _)) = keys.into_iter().next() {
        let rest = fit(&format!("  pick another story ({what})"), w.saturating_sub(width(&key)));
        lines.push(Line::from(vec![
            Span::styled(key, theme.status_key),
            Span::styled(rest, theme.count),
        ]));
    } else {
        lines.push(Line::styled(fit(&what, w), theme.count));
    }
    frame.render_widget(Paragraph::new(lines), g.inner);
}

/// What every part of the view draws from.
struct View<'a> {
    app: &'a App,
    theme: &'a Theme,
    story: &'a Story,
    c: &'a CompareView,
    g: &'a Geometry,
    names: &'a [String],
}

impl View<'_> {
    /// The column names over the articles' columns.
    fn heads(&self, frame: &mut Frame) {
        let Some(r) = self.g.heads else { return };
        let label = pad(" fact", usize::from(self.g.label_w));
        frame.render_widget(Paragraph::new(Line::styled(label, self.theme.count)), r);
        for (name, &(x, w)) in self.names.iter().zip(&self.g.cells) {
            let cell = Rect { x: r.x + x, width: w, ..r };
            let line = Line::styled(fit(name, usize::from(w)), self.theme.column_head);
            frame.render_widget(Paragraph::new(line), cell);
        }
    }

    /// The facts from the scroll offset down, as rows or blocks.
    fn table(&self, frame: &mut Frame) {
        let t = self.g.table;
        let arts = &self.app.corpus.articles;
        let heights = fact_heights(self.g, self.story, arts);
        let mut y = t.y;
        let mut shown = 0;
        for (i, fact) in self.story.facts.iter().enumerate().skip(self.c.offset) {
            if y >= t.bottom() {
                break;
            }
            let h = heights[i].min(usize::from(t.bottom() - y));
            let rect = Rect { y, height: u16::try_from(h).unwrap_or(0), ..t };
            match self.g.mode {
                Mode::Columns => self.row(frame, rect, i, fact),
                Mode::Blocks => self.block(frame, rect, i, fact),
            }
            y = rect.bottom();
            shown += 1;
        }
        // The bar on the right border, beside the table's rows only.
        let pane = Rect { y: t.y.saturating_sub(1), height: t.height + 2, ..self.g.frame };
        super::scrollbar(frame, pane, self.story.facts.len(), shown, self.c.offset, self.theme);
    }

    /// The styles of a fact's row: the row itself, and the selected
    /// report's cell in it.
    fn row_styles(&self, i: usize) -> (Style, Style) {
        if i == self.c.fact {
            (self.theme.selection_unfocused, self.theme.selection)
        } else {
            (Style::new(), Style::new())
        }
    }

    /// One fact as a table row: marker and label, then a cell per article.
    fn row(&self, frame: &mut Frame, rect: Rect, i: usize, fact: &Fact) {
        let (row, cell_sel) = self.row_styles(i);
        let h = usize::from(rect.height);
        frame.render_widget(Block::new().style(row), rect);
        let label = Rect { width: self.g.label_w.min(rect.width), ..rect };
        let label_style = if i == self.c.fact { cell_sel } else { row };
        let lines = self.label_lines(fact, i, h);
        frame.render_widget(Paragraph::new(lines).style(label_style), label);
        let selected = self.c.report_in(fact);
        let arts = &self.app.corpus.articles;
        for (col, &a) in self.story.articles.iter().enumerate() {
            let Some(&(x, w)) = self.g.cells.get(col) else { continue };
            let cell = Rect { x: rect.x + x, width: w, ..rect };
            match fact.reports.iter().position(|r| r.article == a) {
                Some(ri) => {
                    let r = &fact.reports[ri];
                    let style = if ri == selected { cell_sel } else { row };
                    let marks = against(style, report_marks(self.app, fact, r, self.theme));
                    let body = &arts[r.article].body;
                    let lines: Vec<Line> = window(r, fact.status, arts, w, self.g.cap)
                        .iter()
                        .take(h)
                        .map(|l| cell_line(body, l, &marks, style))
                        .collect();
                    frame.render_widget(Paragraph::new(lines).style(style), cell);
                }
                None => {
                    let gap = Line::styled("—", self.theme.gap).alignment(Alignment::Center);
                    frame.render_widget(Paragraph::new(gap), cell);
                }
            }
        }
    }

    /// "▌≠ injured", the label wrapped under itself over `h` lines at most,
    /// and on the last of two lines or more what the reports differ on.
    fn label_lines(&self, fact: &Fact, i: usize, h: usize) -> Vec<Line<'static>> {
        let w = usize::from(self.g.label_text_w());
        let wrapped = wrap(&fact.label, u16::try_from(w.max(1)).unwrap_or(1));
        let differs = fact.differs.as_deref().filter(|_| h >= 2);
        let h_label = if differs.is_some() { h - 1 } else { h };
        let mut lines: Vec<Line> = Vec::new();
        for (k, l) in wrapped.iter().enumerate().take(h_label.max(1)) {
            // The last line that fits carries the rest of the label, cut.
            let end = if k + 1 == h_label { fact.label.len() } else { l.range.end };
            let text = fact.label.get(l.range.start..end).unwrap_or("");
            let mut spans = if k == 0 {
                vec![self.mark(i == self.c.fact), self.marker(fact.status), Span::raw(" ")]
            } else {
                vec![Span::raw("   ")]
            };
            spans.push(Span::raw(fit(&crate::display::clean(text), w)));
            lines.push(Line::from(spans));
        }
        if let Some(d) = differs {
            let text = fit(&crate::display::clean(d), w);
            lines.push(Line::from(vec![Span::raw("   "), Span::styled(text, self.theme.differ)]));
        }
        lines
    }

    fn mark(&self, selected: bool) -> Span<'static> {
        if selected { Span::styled("▌", self.theme.selection_mark) } else { Span::raw(" ") }
    }

    fn marker(&self, status: Status) -> Span<'static> {
        let style = match status {
            Status::Differ => self.theme.differ,
            Status::Agree => self.theme.agree,
            Status::Single => self.theme.single,
        };
        Span::styled(status.marker(), style)
    }

    /// One fact as a block: marker and label, a line per reporting
    /// article, then the articles that do not report it.
    fn block(&self, frame: &mut Frame, rect: Rect, i: usize, fact: &Fact) {
        let (row, cell_sel) = self.row_styles(i);
        let arts = &self.app.corpus.articles;
        let w = usize::from(rect.width);
        let text_w = self.g.block_text_w();
        let outlet_w = usize::from(self.g.outlet_w);
        let selected = self.c.report_in(fact);
        frame.render_widget(Block::new().style(row), rect);
        let head_style = if i == self.c.fact { cell_sel } else { row };
        let label = fit(&crate::display::clean(&fact.label), w.saturating_sub(3));
        let mut head = vec![
            self.mark(i == self.c.fact),
            self.marker(fact.status),
            Span::raw(" "),
            Span::raw(label),
        ];
        if let Some(d) = &fact.differs {
            let room = w.saturating_sub(3 + width(&head[3].content) + 3);
            if room >= 8 {
                head.push(Span::raw(" · "));
                head.push(Span::styled(fit(&crate::display::clean(d), room), self.theme.differ));
            }
        }
        let mut lines = vec![Line::from(head).style(head_style)];
        for (ri, r) in fact.reports.iter().enumerate() {
            let style = if ri == selected { cell_sel } else { row };
            let mut spans = vec![
                Span::raw("   "),
                Span::styled(pad(self.name_of(r.article), outlet_w), self.theme.outlet),
                Span::raw("  "),
            ];
            let marks = against(style, report_marks(self.app, fact, r, self.theme));
            if let Some(l) = window(r, fact.status, arts, text_w, 1).first() {
                spans.extend(cell_line(&arts[r.article].body, l, &marks, style).spans);
            }
            lines.push(Line::from(spans).style(style));
        }
        if has_gaps(fact, self.story) {
            let missing: Vec<&str> = self
                .story
                .articles
                .iter()
                .filter(|&&a| !fact.reports.iter().any(|r| r.article == a))
                .map(|&a| self.name_of(a))
                .collect();
            let text = format!("   — not in {}", missing.join(", "));
            lines.push(Line::styled(fit(&text, w), self.theme.gap));
        }
        frame.render_widget(Paragraph::new(lines).style(row), rect);
    }

    /// The column name of article `a` of the story.
    fn name_of(&self, a: usize) -> &str {
        let col = self.story.articles.iter().position(|&x| x == a);
        col.and_then(|c| self.names.get(c)).map_or("", String::as_str)
    }

    /// The rule naming the selected fact, then its reports: the selected
    /// one whole, the others whole where they fit, else cut to a window;
    /// a bar on the border when there are more reports than lines.
    fn detail(&self, frame: &mut Frame) {
        let (Some(rule), Some(pane)) = (self.g.rule, self.g.detail) else { return };
        let Some(fact) = self.story.facts.get(self.c.fact) else { return };
        let selected = self.c.report_in(fact);
        frame.render_widget(Paragraph::new(self.rule_line(fact, selected, rule.width)), rule);

        let arts = &self.app.corpus.articles;
        let text_w = self.g.detail_text_w();
        let outlet_w = usize::from(self.g.outlet_w);
        let h = usize::from(pane.height);
        let plan = detail_plan(fact, arts, text_w, h, selected);
        let mut lines: Vec<Line> = Vec::new();
        for (ri, cut) in &plan.reports {
            let r = &fact.reports[*ri];
            let is_sel = *ri == selected;
            let marks = report_marks(self.app, fact, r, self.theme);
            let body = &arts[r.article].body;
            let name_style = if is_sel { self.theme.selection } else { self.theme.outlet };
            for (k, l) in cut.iter().enumerate() {
                let mut spans = if k == 0 {
                    vec![
                        self.mark(is_sel),
                        Span::styled(pad(self.name_of(r.article), outlet_w), name_style),
                    ]
                } else {
                    vec![Span::raw(" ".repeat(outlet_w + 1))]
                };
                spans.push(Span::raw("  "));
                spans.extend(cell_line(body, l, &marks, self.theme.body).spans);
                lines.push(Line::from(spans));
            }
        }
        let shown = plan.reports.len();
        frame.render_widget(Paragraph::new(lines.into_iter().take(h).collect::<Vec<_>>()), pane);
        // The bar on the right border, beside the detail pane's rows.
        let beside = Rect { y: pane.y.saturating_sub(1), height: pane.height + 2, ..self.g.frame };
        super::scrollbar(frame, beside, fact.reports.len(), shown, plan.first, self.theme);
    }

    /// "├─ ≠ injured ───────── report 2 of 3 ─┤" across the frame.
    fn rule_line(&self, fact: &Fact, selected: usize, w: u16) -> Line<'static> {
        let w = usize::from(w);
        let border = self.theme.border_focused;
        let label = match &fact.differs {
            Some(d) => crate::display::clean(&format!("{} · {d}", fact.label)),
            None => crate::display::clean(&fact.label),
        };
        let which = format!(" report {} of {} ", selected + 1, fact.reports.len());
        let room = w.saturating_sub(2);
        let mut spans = vec![Span::styled("├─ ", border)];
        let mut used = 3;
        if room >= 8 {
            let label = fit(&label, room.saturating_sub(used + 3));
            used += 2 + width(&label) + 1;
            spans.push(self.marker(fact.status));
            spans.push(Span::styled(format!(" {label} "), self.theme.pane_title_focused));
        }
        let tail = if room >= used + width(&which) + 2 { which } else { String::new() };
        // The corner, and the tail with its dash when there is one.
        let tail_w = if tail.is_empty() { 0 } else { width(&tail) + 1 };
        let fill = w.saturating_sub(used + tail_w + 1);
        spans.push(Span::styled("─".repeat(fill), border));
        if !tail.is_empty() {
            spans.push(Span::styled(tail, self.theme.count));
            spans.push(Span::styled("─", border));
        }
        spans.push(Span::styled("┤", border));
        // Whatever the width, never more than the frame.
        let mut out = Vec::new();
        let mut left = w;
        for s in spans {
            let sw = width(&s.content);
            if sw > left {
                break;
            }
            left -= sw;
            out.push(s);
        }
        Line::from(out)
    }
}

/// A report's sentence as styled stretches: mentions by kind while
/// highlighting is on, and the value compared across reports, emphasised
/// where the reports differ on it and marked where they agree.
pub fn report_marks(
    app: &App,
    fact: &Fact,
    r: &Report,
    theme: &Theme,
) -> Vec<(Range<usize>, Style)> {
    let mut marks: Vec<(Range<usize>, Style)> = if app.highlight {
        app.entities
            .mentions(r.article)
            .iter()
            .filter(|m| m.start >= r.start && m.end <= r.end)
            .map(|m| (m.start..m.end, theme.kind(m.kind)))
            .collect()
    } else {
        Vec::new()
    };
    let emphasis = match fact.status {
        Status::Differ => Some(theme.value_differs),
        Status::Agree => Some(theme.value_agrees),
        Status::Single => None,
    };
    if let (Some(style), Some(v)) = (emphasis, r.compared_value()) {
        marks = overlay(&marks, v.range(), style);
    }
    marks
}

/// `marks` as drawn on a cell of style `base`: on a cell already in
/// reverse video (the selected cell without colours), a mark in reverse
/// video is drawn the other way round, so the value that differs still
/// stands out there.
fn against(base: Style, marks: Vec<(Range<usize>, Style)>) -> Vec<(Range<usize>, Style)> {
    if !base.add_modifier.contains(Modifier::REVERSED) {
        return marks;
    }
    let flip = |s: Style| {
        if s.add_modifier.contains(Modifier::REVERSED) {
            s.remove_modifier(Modifier::REVERSED)
        } else {
            s
        }
    };
    marks.into_iter().map(|(r, s)| (r, flip(s))).collect()
}

/// One line of a cell, with `…` where the window cut the sentence.
fn cell_line(
    body: &str,
    l: &CellLine,
    marks: &[(Range<usize>, Style)],
    base: Style,
) -> Line<'static> {
    let mut spans = Vec::new();
    if l.cut_before {
        spans.push(Span::styled("…", base));
    }
    spans.extend(marked(body, l.range.clone(), marks, base));
    if l.cut_after {
        spans.push(Span::styled("…", base));
    }
    Line::from(spans)
}
