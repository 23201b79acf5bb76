//! The reader: title, meta line, then the body as wrapped byte ranges.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use crate::display::{clean, fit};
use crate::index::MentionRef;
use crate::tui::app::{App, DocLine, Focus};
use crate::tui::layout;
use crate::tui::spans::banded;
use crate::tui::theme::Theme;

/// How far through the article the bottom of the reader is, like `less`.
pub fn percent(app: &App, view: usize) -> usize {
    let len = app.doc.len();
    if len == 0 {
        return 100;
    }
    ((app.scroll + view).min(len) * 100) / len
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::Reader;
    let (border, title_style) = if focused {
        (theme.border_focused, theme.pane_title_focused)
    } else {
        (theme.border, theme.pane_title)
    };
    let inner = layout::reader_inner(area);
    let view = usize::from(inner.height);
    let mut block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(border)
        .title(Span::styled(" Reader ", title_style));
    if app.doc.article.is_some() && area.width > 12 {
        let pos = format!(" {}% ", percent(app, view));
        block = block
            .title_bottom(Line::styled(pos, theme.scroll_position).alignment(Alignment::Right));
    }
    frame.render_widget(block, area);
    if inner.width == 0 {
        return;
    }

    let Some(article) = app.selected_article() else {
        let line = Line::styled(fit("No article selected", usize::from(inner.width)), theme.empty);
        frame.render_widget(Paragraph::new(line), inner);
        return;
    };
    let w = usize::from(inner.width);
    let sentence = app
        .sentence
        .as_ref()
        .filter(|(a, _)| app.doc.article == Some(*a))
        .map(|(_, r)| (r.clone(), theme.sentence));
    let marks = match &sentence {
        Some((band, style)) => through_band(&marks(app, theme), band, *style),
        None => marks(app, theme),
    };
    let lines: Vec<Line> = (app.scroll..app.scroll + view)
        .map_while(|i| app.doc.line(i))
        .map(|l| match l {
            DocLine::Title(r) => Line::styled(clean(slice(&article.title, r)), theme.title),
            DocLine::Meta(n) => {
                let meta = app.doc.meta.get(n).map_or("", String::as_str);
                Line::styled(fit(meta, w), theme.meta)
            }
            DocLine::Blank => Line::default(),
            DocLine::Body(r) => {
                Line::from(banded(&article.body, r, &marks, theme.body, sentence.as_ref()))
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    super::scrollbar(frame, area, app.doc.len(), view, app.scroll, theme);
}

/// The open article's mentions as styled byte ranges: by kind while
/// highlighting is on, and the current mention marked either way.
pub fn marks(app: &App, theme: &Theme) -> Marks {
    let Some(a) = app.doc.article else { return Vec::new() };
    let current = app.current_mention().map(|(_, at)| at);
    app.entities
        .mentions(a)
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let is_current = current == Some(MentionRef { article: a, mention: i });
            let kind = if app.highlight { theme.kind(m.kind) } else { Style::new() };
            let style = if is_current { kind.patch(theme.mention_current) } else { kind };
            (app.highlight || is_current).then_some((m.start..m.end, style))
        })
        .collect()
}

/// `marks` with the parts inside `band` drawn on the band's background, so
/// a highlighted sentence runs on unbroken through its mentions. Reverse
/// video would turn a mention's colour into the background there, so the
/// current mention is marked by weight and underline instead.
pub fn through_band(marks: &[(Range<usize>, Style)], band: &Range<usize>, style: Style) -> Marks {
    let Some(bg) = style.bg else { return marks.to_vec() };
    let inside = |mut s: Style| {
        if s.add_modifier.contains(Modifier::REVERSED) {
            s.add_modifier.remove(Modifier::REVERSED);
            s.add_modifier.insert(Modifier::BOLD | Modifier::UNDERLINED);
        }
        s.bg = Some(bg);
        s
    };
    let mut out = Vec::with_capacity(marks.len() + 2);
    for (r, s) in marks {
        let (from, to) = (r.start.max(band.start), r.end.min(band.end));
        if from >= to {
            out.push((r.clone(), *s));
            continue;
        }
        if r.start < from {
            out.push((r.start..from, *s));
        }
        out.push((from..to, inside(*s)));
        if to < r.end {
            out.push((to..r.end, *s));
        }
    }
    out
}

type Marks = Vec<(Range<usize>, Style)>;

/// `text[r]`, or "" if the range does not fit (never panics on stale ranges).
fn slice(text: &str, r: Range<usize>) -> &str {
    text.get(r).unwrap_or("")
}
