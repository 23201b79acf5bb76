//! The warnings popup (`W`): each file skipped or read in part, and why,
//! so a reader that shows fewer articles than expected says why here and
//! not only on stderr after it closes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::display::{clean, fit};
use crate::tui::action::Context;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::theme::Theme;

/// One line per warning: "path: problem", cleaned for the terminal.
pub fn lines(app: &App) -> Vec<String> {
    app.corpus.warnings.iter().map(|w| clean(&w.to_string())).collect()
}

pub fn draw(frame: &mut Frame, screen: Rect, app: &App, theme: &Theme) {
    let lines = lines(app);
    let area = layout::warnings_popup(screen, lines.len().max(1));
    if area.width < 2 || area.height < 2 {
        return;
    }
    let count = crate::tui::loader::thousands(lines.len());
    let inner =
        super::popup_frame(frame, area, app, theme, Context::Warnings, " Warnings ", &count);
    let w = usize::from(inner.width);
    let scroll = app.warnings.unwrap_or(0);
    let shown: Vec<Line> = if lines.is_empty() {
        let msg = if app.loading.is_some() {
            " Still loading: the warnings come when it is done."
        } else {
            " No warnings: every file was read."
        };
        vec![Line::styled(fit(msg, w), theme.empty)]
    } else {
        lines
            .iter()
            .skip(scroll)
            .take(usize::from(inner.height))
            .map(|l| Line::raw(fit(&format!(" {l}"), w)))
            .collect()
    };
    frame.render_widget(Paragraph::new(shown), inner);
    super::scrollbar(frame, area, lines.len(), usize::from(inner.height), scroll, theme);
}
