//! The entity panel: the open article's entities grouped by kind, each with
//! its mentions here and across the corpus.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use crate::display::{clean, fit, width};
use crate::tui::app::{App, Focus, PanelRow};
use crate::tui::labels::kind_heading;
use crate::tui::layout;
use crate::tui::theme::Theme;

/// Width of each count column.
const COUNT_W: usize = 4;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::Entities;
    let (border, title_style) = if focused {
        (theme.border_focused, theme.pane_title_focused)
    } else {
        (theme.border, theme.pane_title)
    };
    let inner = layout::entities_inner(area);
    let w = usize::from(inner.width);
    let cols = count_columns(w);
    let title = format!(" Entities ({}) ", app.panel_list.len());
    let mut block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(border)
        .title(Span::styled(fit(&title, usize::from(area.width.saturating_sub(2))), title_style));
    // Column heads in the border, over the counts, when there is room for
    // both them and the title.
    let heads = ["here", " all"][..cols].join(" ");
    if cols > 0 && w >= title.chars().count() + heads.len() + 2 {
        block = block.title(Line::styled(heads, theme.count).alignment(Alignment::Right));
    }
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    if app.panel_list.is_empty() {
        let msg = if app.doc.article.is_some() {
            "No names in this article"
        } else {
            "No article selected"
        };
        frame.render_widget(Paragraph::new(Line::styled(fit(msg, w), theme.empty)), inner);
        return;
    }

    let rows = app.panel_rows();
    let current = app.current.map(|c| c.entity);
    let lines: Vec<Line> = rows
        .iter()
        .skip(app.panel_offset)
        .take(usize::from(inner.height))
        .map(|row| match *row {
            PanelRow::Kind(kind, n) => {
                Line::styled(fit(&format!(" {} ({n})", kind_heading(kind)), w), theme.heading)
            }
            PanelRow::Entity(i) => {
                let (e, here) = app.panel_list[i];
                let Some(ent) = app.entities.entity(e) else { return Line::default() };
                let selected = i == app.panel_selected;
                let row_style = match (selected, focused) {
                    (true, true) => theme.selection,
                    (true, false) => theme.selection_unfocused,
                    _ => Style::new(),
                };
                let mark = if selected {
                    Span::styled("▌", theme.selection_mark)
                } else if current == Some(e) {
                    Span::styled("›", theme.selection_mark)
                } else {
                    Span::raw(" ")
                };
                let name_w = w.saturating_sub(1 + cols * (COUNT_W + 1));
                let name = fit(&clean(&ent.name), name_w);
                // The fill apart from the name, so an underlined kind does
                // not underline the gap.
                let fill = name_w.saturating_sub(width(&name));
                let mut spans = vec![
                    mark,
                    Span::styled(name, theme.kind(ent.kind).patch(row_style)),
                    Span::styled(" ".repeat(fill), row_style),
                ];
                let counts = [here, ent.mentions.len()];
                for n in &counts[..cols] {
                    spans.push(Span::styled(
                        format!(" {n:>COUNT_W$}"),
                        theme.count.patch(row_style),
                    ));
                }
                Line::from(spans)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    super::scrollbar(frame, area, rows.len(), usize::from(inner.height), app.panel_offset, theme);
}

/// How many count columns (here, all) fit beside a readable name.
fn count_columns(w: usize) -> usize {
    match w {
        _ if w >= 12 + 2 * (COUNT_W + 1) => 2,
        _ if w > 12 + COUNT_W => 1,
        _ => 0,
    }
}
