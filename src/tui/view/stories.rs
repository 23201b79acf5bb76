//! The story picker over the comparison view: what is typed, then the
//! stories it matches with their dates, how many articles and which outlets.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::cli::compare::column_names;
use crate::compare::Story;
use crate::display::{clean, fit, tail, width};
use crate::tui::action::Context;
use crate::tui::app::App;
use crate::tui::compare::{PICKER_ROWS_PER_STORY, dates_label, picker_visible};
use crate::tui::layout;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, screen: Rect, app: &App, theme: &Theme) {
    let Some(c) = app.compare.as_ref() else { return };
    let Some(p) = c.picker.as_ref() else { return };
    let stories = &app.entities.comparison.stories;
    let area = layout::stories_popup(screen, stories.len());
    if area.width < 3 || area.height < 3 {
        return;
    }
    let count = if p.query.is_empty() {
        format!(" {} ", stories.len())
    } else {
        format!(" {} of {} ", p.shown.len(), stories.len())
    };
    let inner = super::popup_frame(frame, area, app, theme, Context::Stories, " Stories ", &count);
    let w = usize::from(inner.width);

    // What is typed, with the cursor after it.
    let query = clean(&p.query);
    let typed = tail(&query, w.saturating_sub(3));
    let mut prompt = Line::from(vec![
        Span::styled("> ", theme.filter_prompt),
        Span::styled(typed.clone(), theme.filter_text),
    ]);
    if typed.is_empty() {
        // What the line is for, until something is typed.
        prompt.push_span(Span::styled(fit("type to narrow", w.saturating_sub(3)), theme.empty));
    }
    frame.render_widget(Paragraph::new(prompt), Rect { height: 1, ..inner });
    let cursor_x = inner.x + u16::try_from(2 + width(&typed)).unwrap_or(u16::MAX);
    if cursor_x < inner.right() {
        frame.set_cursor_position(Position::new(cursor_x, inner.y));
    }

    let rows = picker_visible(area);
    let list_h = u16::try_from(rows * PICKER_ROWS_PER_STORY).unwrap_or(0);
    let list = Rect { y: inner.y + 1, height: list_h.min(inner.height.saturating_sub(1)), ..inner };
    let lines: Vec<Line> = if p.shown.is_empty() {
        vec![Line::styled(fit("  No story matches", w), theme.empty)]
    } else {
        p.shown
            .iter()
            .enumerate()
            .skip(p.offset)
            .take(rows)
            .filter_map(|(i, &si)| {
                let s = stories.get(si)?;
                Some(story_lines(
                    app,
                    s,
                    i == p.selected,
                    si == c.story,
                    w.saturating_sub(1),
                    theme,
                ))
            })
            .flatten()
            .collect()
    };
    frame.render_widget(Paragraph::new(lines), list);
    let beside = Rect { y: list.y.saturating_sub(1), height: list.height + 2, ..area };
    super::scrollbar(
        frame,
        beside,
        p.shown.len() * PICKER_ROWS_PER_STORY,
        rows * PICKER_ROWS_PER_STORY,
        p.offset * PICKER_ROWS_PER_STORY,
        theme,
    );
}

/// "▌US personnel injured by rocket attack in Iraq        5–6 Aug 2024"
/// "  3 articles · DCNF · (unknown) · CNN"
fn story_lines<'a>(
    app: &App,
    s: &Story,
    selected: bool,
    current: bool,
    w: usize,
    theme: &Theme,
) -> [Line<'a>; 2] {
    let row = if selected { theme.selection } else { Style::new() };
    let mark = match (selected, current) {
        (true, _) => Span::styled("▌", theme.selection_mark),
        (false, true) => Span::styled("›", theme.selection_mark),
        _ => Span::raw(" "),
    };
    let dates = dates_label(s);
    // The dates only where they leave the title some room.
    let dates_w = if w >= width(&dates) + 20 { width(&dates) + 2 } else { 0 };
    let title = fit(&clean(&s.title), w.saturating_sub(1 + dates_w));
    let fill = w.saturating_sub(1 + width(&title) + dates_w) + dates_w.min(2);
    let mut first = vec![
        mark,
        Span::styled(title, theme.title.patch(row)),
        Span::styled(" ".repeat(fill), row),
    ];
    if dates_w > 0 {
        first.push(Span::styled(dates, theme.count.patch(row)));
    }
    let n = s.articles.len();
    let outlets = column_names(s, &app.corpus.articles).join(" · ");
    let second = format!("  {n} article{} · {outlets}", if n == 1 { "" } else { "s" });
    let second = fit(&second, w);
    let pad = w.saturating_sub(width(&second));
    [
        Line::from(first),
        Line::from(vec![
            Span::styled(second, theme.count.patch(row)),
            Span::styled(" ".repeat(pad), row),
        ]),
    ]
}
