//! Drawing: one file per screen part or popup, each a pure function of the
//! [`App`] state. Nothing here changes state.

pub mod compare;
pub mod entities;
pub mod finder;
pub mod help;
pub mod list;
pub mod reader;
pub mod status;
pub mod stories;
pub mod warnings;

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Alignment;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Scrollbar, ScrollbarOrientation, ScrollbarState};
use ratatui::{Frame, Terminal};

use super::action::Context;
use super::app::App;
use super::layout;
use super::theme::Theme;

/// Draw the whole screen: panes, status line, then popups on top.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    draw_layers(frame, app, theme);
    neutralise(frame.buffer_mut());
}

/// The last guard of the terminal: whatever a view drew, no cell leaves
/// holding a character that could drive the terminal or reorder the screen
/// (see [`crate::display::Treat`]). Views clean text already; this catches
/// what they miss, such as a zero-width character ratatui appends to the
/// cell before it.
pub fn neutralise(buf: &mut Buffer) {
    for cell in &mut buf.content {
        if !crate::display::is_safe(cell.symbol()) {
            let clean = crate::display::clean(cell.symbol());
            cell.set_symbol(if clean.is_empty() { " " } else { &clean });
        }
    }
}

fn draw_layers(frame: &mut Frame, app: &App, theme: &Theme) {
    let areas = layout::areas(frame.area(), app.focus, app.panel);
    if app.compare.is_some() {
        // The comparison takes the panes' place; they keep their state.
        compare::draw(frame, app, theme);
        if let Some(r) = areas.status {
            status::draw(frame, r, app, theme);
        }
        stories::draw(frame, frame.area(), app, theme);
        if app.warnings.is_some() {
            warnings::draw(frame, frame.area(), app, theme);
        }
        if app.help.is_some() {
            help::draw(frame, frame.area(), app, theme);
        }
        return;
    }
    if let Some(r) = areas.list {
        list::draw(frame, r, app, theme);
    }
    if let Some(r) = areas.reader {
        reader::draw(frame, r, app, theme);
    }
    if let Some(r) = areas.entities {
        entities::draw(frame, r, app, theme);
    }
    if let Some(r) = areas.status {
        status::draw(frame, r, app, theme);
    }
    if app.finder.is_some() {
        finder::draw(frame, frame.area(), app, theme);
    }
    if app.warnings.is_some() {
        warnings::draw(frame, frame.area(), app, theme);
    }
    if app.help.is_some() {
        help::draw(frame, frame.area(), app, theme);
    }
}

/// A vertical scrollbar on the right border of `pane`, when the content
/// (`len` lines, `view` visible from `pos`) does not fit.
/// Draw a popup's frame over `area` and return the inside: a rounded border
/// with `title` on the left, `count` on the right when both fit, and the
/// keymap's hints for `context` along the bottom.
pub fn popup_frame(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    context: Context,
    title: &str,
    count: &str,
) -> Rect {
    use crate::display::{fit, width};
    let inner_w = usize::from(area.width.saturating_sub(2));
    let hints: Vec<String> =
        app.keymap.hints(&[context]).into_iter().map(|(k, l)| format!("{k} {l}")).collect();
    let bottom = format!(" {} ", hints.join(" · "));
    let mut block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.popup_border)
        .style(theme.popup)
        .title(Span::styled(fit(title, inner_w), theme.popup_heading))
        .title_bottom(Line::styled(fit(&bottom, inner_w), theme.popup_border));
    if inner_w >= width(title) + width(count) + 2 {
        block =
            block.title(Line::styled(count.to_string(), theme.count).alignment(Alignment::Right));
    }
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    inner
}

fn scrollbar(frame: &mut Frame, pane: Rect, len: usize, view: usize, pos: usize, theme: &Theme) {
    if len <= view || pane.height < 3 || pane.width < 2 {
        return;
    }
    // The bar spans the border between the corners.
    let area = Rect { y: pane.y + 1, height: pane.height - 2, ..pane };
    let mut state = ScrollbarState::new(len.saturating_sub(view) + 1)
        .position(pos)
        .viewport_content_length(view);
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(None)
        .thumb_style(theme.scrollbar);
    frame.render_stateful_widget(bar, area, &mut state);
}

/// Draw `app` on an off-screen `width`×`height` terminal and return the
/// screen as text: what a user would see, minus colours. For tests, and for
/// anyone checking a layout without a terminal.
pub fn render_text(app: &App, theme: &Theme, width: u16, height: u16) -> String {
    // The in-memory backend's error type is uninhabited: these cannot fail.
    let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height));
    let Ok(_) = terminal.draw(|f| draw(f, app, theme));
    buffer_text(terminal.backend().buffer())
}

/// A buffer as plain text, one line per row, trailing spaces trimmed; the
/// cells hidden behind wide characters are skipped. For snapshots and tests.
pub fn buffer_text(buf: &Buffer) -> String {
    let mut out = String::new();
    let width = usize::from(buf.area.width);
    if width == 0 {
        return out;
    }
    for row in buf.content.chunks(width) {
        let mut line = String::new();
        let mut skip = 0usize;
        for cell in row {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = cell.symbol();
            line.push_str(sym);
            skip = crate::display::width(sym).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
