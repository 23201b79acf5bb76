//! The story picker over the comparison view: every story with its dates,
//! how many articles and which outlets.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::cli::compare::column_names;
use crate::compare::Story;
use crate::display::{clean, fit, width};
use crate::tui::action::Context;
use crate::tui::app::App;
use crate::tui::compare::{PICKER_ROWS_PER_STORY, picker_visible};
use crate::tui::layout;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, screen: Rect, app: &App, theme: &Theme) {
    let Some(c) = app.compare.as_ref() else { return };
    let Some(p) = c.picker else { return };
    let stories = &app.entities.comparison.stories;
    let area = layout::stories_popup(screen, stories.len());
    if area.width < 3 || area.height < 3 {
        return;
    }
    let count = format!(" {} ", stories.len());
    let inner = super::popup_frame(frame, area, app, theme, Context::Stories, " Stories ", &count);
    let w = usize::from(inner.width);
    let rows = picker_visible(area);
    let lines: Vec<Line> = stories
        .iter()
        .enumerate()
        .skip(p.offset)
        .take(rows)
        .flat_map(|(i, s)| {
            story_lines(app, s, i == p.selected, i == c.story, w.saturating_sub(1), theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    super::scrollbar(
        frame,
        area,
        stories.len() * PICKER_ROWS_PER_STORY,
        rows * 2,
        p.offset * 2,
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

/// "6 Aug 2024", "5–6 Aug 2024", "30 Jul – 6 Aug 2024", "undated".
pub fn dates_label(s: &Story) -> String {
    let Some((a, b)) = s.dates else { return "undated".into() };
    if a == b {
        a.format("%-d %b %Y").to_string()
    } else if (a.year(), a.month()) == (b.year(), b.month()) {
        format!("{}–{}", a.day(), b.format("%-d %b %Y"))
    } else if a.year() == b.year() {
        format!("{} – {}", a.format("%-d %b"), b.format("%-d %b %Y"))
    } else {
        format!("{} – {}", a.format("%-d %b %Y"), b.format("%-d %b %Y"))
    }
}
