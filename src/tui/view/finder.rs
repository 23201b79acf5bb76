//! The entity finder popup: the query, ranked entities with the matched
//! characters emphasised, and the selected entity's other names.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::{clean, fit, tail, width};
use crate::index::Entity;
use crate::tui::action::Context;
use crate::tui::app::App;
use crate::tui::finder::Hit;
use crate::tui::layout::{self, FINDER_ALIAS_ROWS};
use crate::tui::spans::emphasised;
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;

/// Columns for the kind ("person", "place", …) and the gap after it.
const KIND_W: usize = 7;

pub fn draw(frame: &mut Frame, screen: Rect, app: &App, theme: &Theme) {
    let Some(finder) = app.finder.as_ref() else { return };
    let area = layout::finder_popup(screen);
    if area.width < 3 || area.height < 3 {
        return;
    }
    let entities = &app.entities.index.entities;
    let count = format!(" {} of {} ", finder.hits.len(), entities.len());
    let inner =
        super::popup_frame(frame, area, app, theme, Context::Finder, " Jump to entity ", &count);
    let w = usize::from(inner.width);

    // The query, with the cursor after it.
    let query = clean(&finder.query);
    let shown = tail(&query, w.saturating_sub(3));
    let prompt = Line::from(vec![
        Span::styled("> ", theme.filter_prompt),
        Span::styled(shown.clone(), theme.filter_text),
    ]);
    frame.render_widget(Paragraph::new(prompt), Rect { height: 1, ..inner });
    let cursor_x = inner.x + u16::try_from(2 + width(&shown)).unwrap_or(u16::MAX);
    if cursor_x < inner.right() {
        frame.set_cursor_position(Position::new(cursor_x, inner.y));
    }

    let rows = layout::finder_hit_rows(area);
    let list = Rect { y: inner.y + 1, height: u16::try_from(rows).unwrap_or(0), ..inner };
    let lines: Vec<Line> = if finder.hits.is_empty() {
        vec![Line::styled(fit("  No entity matches", w), theme.empty)]
    } else {
        finder
            .hits
            .iter()
            .enumerate()
            .skip(finder.offset)
            .take(rows)
            .filter_map(|(i, hit)| {
                let e = entities.get(hit.entity)?;
                // A column of air before the scrollbar on the border.
                Some(hit_line(e, hit, i == finder.selected, w.saturating_sub(1), theme))
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(lines), list);
    let list_pane = Rect { y: list.y.saturating_sub(1), height: list.height + 2, ..area };
    super::scrollbar(frame, list_pane, finder.hits.len(), rows, finder.offset, theme);

    // The selected entity's other names, under a rule.
    let below = inner.bottom().saturating_sub(list.bottom());
    if below > FINDER_ALIAS_ROWS {
        let rule = Rect { y: list.bottom(), height: 1, ..inner };
        frame.render_widget(Paragraph::new(Line::styled("─".repeat(w), theme.border)), rule);
        let aliases = finder.selected_hit().and_then(|h| entities.get(h.entity));
        let text = Rect { y: rule.y + 1, height: below - 1, ..inner };
        frame.render_widget(Paragraph::new(alias_lines(aliases, w, text.height, theme)), text);
    }
}

/// "▌place   Al Asad Air Base  ≈ Al-Asad     3 articles · 8 mentions"
fn hit_line<'a>(e: &Entity, hit: &Hit, selected: bool, w: usize, theme: &Theme) -> Line<'a> {
    let row = if selected { theme.selection } else { Style::new() };
    let counts = counts(e);
    // Counts only when they leave the name some room.
    let counts_w = if w >= KIND_W + 1 + 16 + width(&counts) + 2 { width(&counts) + 2 } else { 0 };
    let mut room = w.saturating_sub(1 + KIND_W + counts_w);
    let mark = if selected { Span::styled("▌", theme.selection_mark) } else { Span::raw(" ") };
    // The kind word in its kind's style doubles as a legend; the name
    // stays plain so the matched characters stand out.
    let kind = Span::styled(e.kind.as_str(), theme.kind(e.kind).patch(row));
    let gap = Span::styled(" ".repeat(KIND_W - e.kind.as_str().len()), row);
    let mut spans = vec![mark, kind, gap];
    let name_ix: &[usize] = if hit.alias.is_none() { &hit.indices } else { &[] };
    let name = emphasised(&e.name, name_ix, room, theme.popup.patch(row), theme.finder_match);
    room = room.saturating_sub(spans_width(&name));
    spans.extend(name);
    if let Some(alias) = hit.alias.and_then(|a| e.aliases.get(a))
        && room > 4
    {
        let base = theme.finder_alias.patch(row);
        spans.push(Span::styled("  ≈ ", base));
        let alias = emphasised(alias, &hit.indices, room - 4, base, theme.finder_match);
        room = room.saturating_sub(4 + spans_width(&alias));
        spans.extend(alias);
    }
    let fill = room + counts_w.saturating_sub(width(&counts));
    spans.push(Span::styled(" ".repeat(fill), row));
    if counts_w > 0 {
        spans.push(Span::styled(counts, theme.count.patch(row)));
    }
    Line::from(spans)
}

/// "3 articles · 8 mentions"
fn counts(e: &Entity) -> String {
    let (a, m) = (e.articles.len(), e.mentions.len());
    let s = |n: usize| if n == 1 { "" } else { "s" };
    format!("{a} article{} · {m} mention{}", s(a), s(m))
}

/// "aliases: Al-Asad · Al Asad Airbase ·", wrapped under its label.
fn alias_lines<'a>(e: Option<&Entity>, w: usize, rows: u16, theme: &Theme) -> Vec<Line<'a>> {
    const LABEL: &str = " aliases: ";
    let Some(e) = e else { return Vec::new() };
    if e.aliases.is_empty() {
        return vec![Line::styled(fit(" no other names", w), theme.empty)];
    }
    let text = clean(&e.aliases.join(" · "));
    let text_w = w.saturating_sub(LABEL.len());
    if text_w < 8 {
        return vec![Line::styled(fit(&format!("{LABEL}{text}"), w), theme.finder_alias)];
    }
    let wrapped = wrap(&text, u16::try_from(text_w).unwrap_or(u16::MAX));
    let rows = usize::from(rows);
    wrapped
        .iter()
        .take(rows)
        .enumerate()
        .map(|(i, l)| {
            let mut part = text.get(l.range.clone()).unwrap_or("").to_string();
            if i + 1 == rows && wrapped.len() > rows {
                part = fit(&format!("{part} …"), text_w);
            }
            let label = if i == 0 { LABEL.to_string() } else { " ".repeat(LABEL.len()) };
            Line::from(vec![
                Span::styled(label, theme.count),
                Span::styled(part, theme.finder_alias),
            ])
        })
        .collect()
}

fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| width(&s.content)).sum()
}
