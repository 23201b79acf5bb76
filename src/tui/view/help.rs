//! The help popup: every key of this build, generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use crate::analysis::Kind;
use crate::display::{fit, pad, width};
use crate::tui::action::Context;
use crate::tui::app::App;
use crate::tui::help_text::{Row, rows};
use crate::tui::layout;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, screen: Rect, app: &App, theme: &Theme) {
    let rows = rows(&app.keymap);
    let area = layout::help_popup(screen, rows.len());
    if area.width < 2 || area.height < 2 {
        return;
    }
    let close: Vec<String> =
        app.keymap.hints(&[Context::Help]).into_iter().map(|(k, l)| format!("{k} {l}")).collect();
    let bottom = format!(" {} ", close.join(" · "));
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.popup_border)
        .style(theme.popup)
        .title(Span::styled(" Keys ", theme.popup_heading))
        .title_bottom(Line::styled(fit(&bottom, usize::from(area.width - 2)), theme.popup_border));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);

    let w = usize::from(inner.width);
    let key_w = rows
        .iter()
        .map(|r| if let Row::Key(k, _) = r { width(k) } else { 0 })
        .max()
        .unwrap_or(0)
        .min(w / 2);
    let scroll = app.help.unwrap_or(0);
    let lines: Vec<Line> = rows
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .map(|r| match r {
            Row::Heading(h) => Line::styled(fit(&format!(" {h}"), w), theme.popup_heading),
            Row::Key(k, d) => Line::from(vec![
                Span::raw("   "),
                Span::styled(pad(k, key_w), theme.popup_key),
                Span::raw("  "),
                Span::raw(fit(d, w.saturating_sub(key_w + 5))),
            ]),
            Row::Legend => legend(theme),
            Row::Blank => Line::default(),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    super::scrollbar(frame, area, rows.len(), usize::from(inner.height), scroll, theme);
}

/// "person org place group date number current", each in its style.
fn legend(theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::raw("   ")];
    for kind in Kind::ALL {
        spans.push(Span::styled(kind.as_str(), theme.kind(kind)));
        spans.push(Span::raw("  "));
    }
    spans.push(Span::styled("current", theme.mention_current));
    Line::from(spans)
}
