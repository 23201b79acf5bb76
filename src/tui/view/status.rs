//! The status line: keys that matter where focus is (from the keymap), and
//! on the right where you are, or how many articles match the filter.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::{clean, tail, width};
use crate::tui::action::{Action, Context};
use crate::tui::app::App;
use crate::tui::loader::thousands;
use crate::tui::theme::Theme;

/// The right-hand side: "3/5", "2 matches · 1/2", "0 matches"; in the
/// comparison view "fact 3/41", or "story 1/3" in its picker.
pub fn info(app: &App) -> String {
    if let Some(c) = &app.compare {
        if let Some(p) = &c.picker {
            return match p.shown.len() {
                0 => "no story matches".into(),
                n => format!("story {}/{n}", p.selected + 1),
            };
        }
        let n = app.compare_story().map_or(0, |s| s.facts.len());
        let none = n == 0 || app.compare_is_single();
        return if none { String::new() } else { format!("fact {}/{n}", c.fact + 1) };
    }
    let pos = app.selected.map(|i| format!("{}/{}", i + 1, app.visible.len()));
    if app.filter.is_empty() && !app.filter_editing {
        return pos.unwrap_or_default();
    }
    let n = app.visible.len();
    // Still searching: the count so far.
    let more = if app.searching() { "…" } else { "" };
    let count = format!("{n}{more} {}", if n == 1 { "match" } else { "matches" });
    match pos {
        Some(p) if !app.filter_editing => format!("{count} · {p}"),
        _ => count,
    }
}

/// While the loader works: what it is doing and how far, with a bar when
/// it is counted: "analysed 1,200 of 98,512 articles ▕██░░░░░░░░▏".
pub fn progress(app: &App) -> Option<String> {
    let (text, counted) = app.loading.as_ref()?.stage();
    Some(match counted {
        Some((done, of)) => format!("{text} {}", bar(done, of, 10)),
        None => format!("{text}…"),
    })
}

/// A bar of `cells` cells, filled in proportion to `done` of `of`.
pub fn bar(done: usize, of: usize, cells: usize) -> String {
    let filled = (done.min(of) * cells).checked_div(of).unwrap_or(cells);
    format!("▕{}{}▏", "█".repeat(filled), "░".repeat(cells - filled))
}

/// "Al Asad Air Base · mention 3 of 8" while an entity is current and no
/// popup or filter has the keys.
pub fn entity(app: &App) -> Option<String> {
    if app.help.is_some() || app.finder.is_some() || app.filter_editing || app.compare.is_some() {
        return None;
    }
    let c = app.current?;
    let name = &app.entities.entity(c.entity)?.name;
    let n = app.entities.order.get(c.entity).map_or(0, Vec::len);
    let wrapped = if c.wrapped { " (wrapped)" } else { "" };
    Some(format!("{} · mention {} of {n}{wrapped}", clean(name), c.pos + 1))
}

/// "CNN's report: injured ≠ several vs as many as seven" while the
/// reader highlights a report's sentence and no entity is current.
pub fn report(app: &App) -> Option<String> {
    if app.help.is_some() || app.finder.is_some() || app.filter_editing || app.compare.is_some() {
        return None;
    }
    if app.current.is_some() {
        return None;
    }
    let (fact, r) = app.opened_report()?;
    let outlet = app.corpus.articles.get(r.article).and_then(|a| a.outlet.as_deref());
    let whose = outlet.map_or_else(|| "report".to_string(), |o| format!("{o}'s report"));
    let what = match &fact.differs {
        Some(d) => format!("{} {} {d}", fact.label, fact.status.marker()),
        None => fact.label.clone(),
    };
    Some(clean(&format!("{whose}: {what}")))
}

fn is_mention_step(a: Action) -> bool {
    matches!(a, Action::MentionNext | Action::MentionPrev)
}

/// Hints the status line keeps at every width: help, and the way out
/// (quit, or back out of the comparison view, where `q` means back).
fn is_kept(a: Action) -> bool {
    matches!(a, Action::HelpOpen | Action::Quit | Action::CompareClose)
}

fn is_warnings(a: Action) -> bool {
    a == Action::WarningsOpen
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let total = usize::from(area.width);
    let right = match (progress(app), info(app)) {
        (Some(p), i) if i.is_empty() => p,
        (Some(p), i) => format!("{p} · {i}"),
        (None, i) => i,
    };
    // The info, a gap of two before it and one after.
    let right_w = width(&right) + 3;
    let mut spans: Vec<Span> = vec![Span::raw(" ")];
    let mut used = 1;

    if app.filter_editing {
        // The filter being typed; its tail when it is longer than the room.
        let room = total.saturating_sub(right_w + used + 3);
        let text = clean(&app.filter);
        let shown: String = tail(&text, room);
        spans.push(Span::styled("/", theme.filter_prompt));
        spans.push(Span::styled(shown.clone(), theme.filter_text));
        used += 1 + width(&shown);
        let cursor_x = area.x.saturating_add(u16::try_from(used).unwrap_or(u16::MAX));
        if cursor_x < area.right() {
            frame.set_cursor_position(Position::new(cursor_x, area.y));
        }
        spans.push(Span::raw("  "));
        used += 2;
    }

    let sep = " · ";
    let contexts = app.contexts();
    let keymap = &app.keymap;
    // `? help` and `q quit` stay at every width: the others go first.
    let kept = keymap.hints_where(&contexts, is_kept);
    let kept_w: usize = kept.iter().map(|(k, l)| width(sep) + width(k) + 1 + width(l)).sum();
    // A story of one article has no facts or reports to walk.
    let single = app.compare_is_single() && contexts.first() == Some(&Context::Compare);
    let mut hints = keymap.hints_where(&contexts, |a| {
        !is_mention_step(a) && !is_kept(a) && !is_warnings(a) && (!single || !a.walks_facts())
    });
    let n = app.corpus.warnings.len();
    if n > 0
        && let Some((keys, _)) = keymap.hints_where(&contexts, is_warnings).into_iter().next()
    {
        let label = format!("{} {}", thousands(n), if n == 1 { "warning" } else { "warnings" });
        hints.insert(0, (keys, label));
    }
    let mut first = true;
    let room = |used: usize| total.saturating_sub(used + right_w + kept_w);
    let message = app.message.as_deref().filter(|_| !app.filter_editing);
    if let Some(msg) = message {
        // What `o`, `y`, `m` or `s` just did, in place of the other hints
        // until the next key.
        let text = crate::display::fit(&clean(msg), room(used));
        used += width(&text);
        spans.push(Span::styled(text, theme.status_info));
        first = false;
        hints.clear();
    } else if let Some(text) = app.notice.as_deref() {
        // A notice (a key whose data is not known yet) comes before all else.
        let text = crate::display::fit(&clean(text), room(used));
        used += width(&text);
        spans.push(Span::styled(text, theme.status_entity));
        first = false;
    } else if let Some(text) = entity(app) {
        // The current entity and the keys that walk it come first; n/N
        // mean nothing without one.
        let text = crate::display::fit(&text, room(used));
        used += width(&text);
        spans.push(Span::styled(text, theme.status_entity));
        first = false;
        let mut steps = keymap.hints_where(&contexts, is_mention_step);
        steps.append(&mut hints);
        hints = steps;
    } else if let Some(text) = report(app) {
        // The report the comparison opened, in place of an entity, and the
        // key back to the comparison, which keeps its room.
        let mut back = keymap.hints_where(&contexts, |a| a == Action::CompareOpen);
        let back_w: usize = back.iter().map(|(k, l)| width(sep) + width(k) + 1 + width(l)).sum();
        let room = room(used);
        let room = if room >= back_w + 16 { room - back_w } else { room };
        // At most half the line, so the reader's own keys keep some room.
        let room = room.min((total / 2).max(24));
        let text = crate::display::fit(&text, room);
        used += width(&text);
        spans.push(Span::styled(text, theme.status_entity));
        first = false;
        hints.retain(|h| !back.contains(h));
        back.append(&mut hints);
        hints = back;
    }
    // As many hints as fit, whole ones only, leaving room for the kept
    // ones and the right-hand info.
    let push = |spans: &mut Vec<Span<'static>>, keys: String, label: String, first: bool| {
        if !first {
            spans.push(Span::styled(sep, theme.status));
        }
        spans.push(Span::styled(keys, theme.status_key));
        spans.push(Span::styled(format!(" {label}"), theme.status));
    };
    for (keys, label) in hints {
        let w = width(&keys) + 1 + width(&label) + if first { 0 } else { width(sep) };
        if used + w + kept_w + right_w > total {
            break;
        }
        push(&mut spans, keys, label, first);
        used += w;
        first = false;
    }
    for (keys, label) in kept {
        used += width(&keys) + 1 + width(&label) + if first { 0 } else { width(sep) };
        push(&mut spans, keys, label, first);
        first = false;
    }
    let right_style = if app.filter.is_empty() { theme.status_info } else { theme.filter_count };
    // The right-hand info goes first when the kept hints need its room.
    if used + right_w <= total {
        let gap = total - used - right_w + 2;
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(right, right_style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), area);
}
