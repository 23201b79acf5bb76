//! The story picker over the comparison view: every story with its dates,
//! how many articles and which outlets.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

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
    let inner_w = usize::from(area.width - 2);
    let hints: Vec<String> = app
        .keymap
        .hints(&[Context::Stories])
        .into_iter()
        .map(|(k, l)| format!("{k} {l}"))
        .collect();
    let bottom = format!(" {} ", hints.join(" · "));
    let title = " Stories ";
    let count = format!(" {} ", stories.len());
    let mut block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.popup_border)
        .style(theme.popup)
        .title(Span::styled(fit(title, inner_w), theme.popup_heading))
        .title_bottom(Line::styled(fit(&bottom, inner_w), theme.popup_border));
    if inner_w >= width(title) + width(&count) + 2 {
        block = block.title(Line::styled(count, theme.count).alignment(Alignment::Right));
    }
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
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
