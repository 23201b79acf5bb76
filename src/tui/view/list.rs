//! The article list: day headings, then outlet and title per article.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use crate::display::{clean, fit, pad, width};
use crate::tui::app::{App, Focus, ListRow};
use crate::tui::labels::{UNKNOWN_OUTLET, day_label, short_outlet};
use crate::tui::layout;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::List;
    let total = app.corpus.articles.len();
    let only: Vec<&str> = [(app.only_unread, "unread"), (app.only_starred, "starred")]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect();
    let title = if app.filter.is_empty() && only.is_empty() {
        format!(" Articles ({total}) ")
    } else if only.is_empty() {
        format!(" Articles ({} of {total}) ", app.visible.len())
    } else {
        format!(" Articles ({} of {total} · {}) ", app.visible.len(), only.join(", "))
    };
    let (border, title_style) = if focused {
        (theme.border_focused, theme.pane_title_focused)
    } else {
        (theme.border, theme.pane_title)
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(border)
        .title(Span::styled(fit(&title, usize::from(area.width.saturating_sub(2))), title_style));
    frame.render_widget(block, area);

    let inner = layout::list_inner(area);
    if inner.width == 0 {
        return;
    }
    if app.rows.is_empty() {
        let msg = match (total, app.loading.is_some()) {
            (0, true) => "Loading…",
            (0, false) => "No articles",
            _ => "No article matches",
        };
        let line = Line::styled(fit(&format!(" {msg}"), usize::from(inner.width)), theme.empty);
        frame.render_widget(Paragraph::new(line), inner);
        return;
    }

    let w = usize::from(inner.width);
    let outlet_w = outlet_width(app, w);
    let selected = app.selected_row();
    let lines: Vec<Line> = app
        .rows
        .iter()
        .enumerate()
        .skip(app.list_offset)
        .take(usize::from(inner.height))
        .map(|(i, row)| match row {
            ListRow::Day(d) => Line::styled(fit(&format!(" {}", day_label(*d)), w), theme.heading),
            ListRow::Article(a) => {
                let art = &app.corpus.articles[*a];
                let marks = Marks {
                    selected: selected == Some(i),
                    focused,
                    read: app.is_read(*a),
                    starred: app.is_starred(*a),
                };
                article_line(art, marks, w, outlet_w, theme)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    super::scrollbar(
        frame,
        area,
        app.rows.len(),
        usize::from(inner.height),
        app.list_offset,
        theme,
    );
}

/// One fixed-width outlet column for the whole corpus (so it does not jump
/// while filtering), at most a third of the row.
fn outlet_width(app: &App, row_w: usize) -> usize {
    app.widest_outlet().clamp(width(UNKNOWN_OUTLET), 14).min(row_w / 3)
}

/// How one article's row is drawn.
struct Marks {
    selected: bool,
    /// The list has focus.
    focused: bool,
    read: bool,
    starred: bool,
}

fn article_line<'a>(
    art: &crate::corpus::Article,
    m: Marks,
    w: usize,
    outlet_w: usize,
    theme: &Theme,
) -> Line<'a> {
    let outlet = short_outlet(art);
    // Mark (1), unread dot (1), star (1), gap (1), outlet, gap (1) and the
    // title fill the row exactly, so the selection highlight spans it. The
    // dot and the star are signs, not styles, so the selected row shows
    // them too; the title never loses a column to them.
    let title_w = w.saturating_sub(outlet_w + 5);
    let row_style = match (m.selected, m.focused) {
        (true, true) => theme.selection,
        (true, false) => theme.selection_unfocused,
        _ => Style::new(),
    };
    let mark = if m.selected { Span::styled("▌", theme.selection_mark) } else { Span::raw(" ") };
    let dot = if m.read { " " } else { "•" };
    let star = if m.starred { "★" } else { " " };
    let mut spans = vec![
        mark,
        Span::styled(dot, row_style.patch(theme.star)),
        Span::styled(star, row_style.patch(theme.star)),
        Span::styled(" ", row_style),
    ];
    if outlet_w > 0 {
        spans.push(Span::styled(pad(&outlet, outlet_w), theme.outlet.patch(row_style)));
        spans.push(Span::styled(" ", row_style));
    }
    let title_style =
        if m.read { theme.list_title.patch(theme.list_read) } else { theme.list_title };
    spans.push(Span::styled(pad(&clean(&art.title), title_w), title_style.patch(row_style)));
    Line::from(spans)
}
