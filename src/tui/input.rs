//! Terminal events → [`Action`]s: keys through the keymap (top layer
//! first), the mouse by where it points, resizes as they come.

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::app::App;
use super::layout;

pub fn action(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let bound = app.keymap.action(&app.contexts(), key);
            let picking = app.compare.as_ref().is_some_and(|c| c.picker.is_some());
            let typing =
                app.help.is_none() && (app.finder.is_some() || app.filter_editing || picking);
            if bound.is_some() || !typing {
                return bound;
            }
            // Typing a query or the filter: unbound printable characters are text.
            match key.code {
                KeyCode::Char(c)
                    if !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    Some(if picking {
                        Action::StoriesInsert(c)
                    } else if app.finder.is_some() {
                        Action::FinderInsert(c)
                    } else {
                        Action::FilterInsert(c)
                    })
                }
                _ => None,
            }
        }
        Event::Mouse(m) => {
            if app.help.is_some() {
                return match m.kind {
                    MouseEventKind::ScrollDown => Some(Action::ScrollDown),
                    MouseEventKind::ScrollUp => Some(Action::ScrollUp),
                    _ => None,
                };
            }
            if app.finder.is_some() {
                return match m.kind {
                    MouseEventKind::ScrollDown => Some(Action::FinderNext),
                    MouseEventKind::ScrollUp => Some(Action::FinderPrev),
                    _ => None,
                };
            }
            if let Some(c) = &app.compare {
                // The panes are hidden under the comparison: the wheel
                // moves through its facts, or the picker's stories.
                let picker = c.picker.is_some();
                return match m.kind {
                    MouseEventKind::ScrollDown if picker => Some(Action::StoriesNext),
                    MouseEventKind::ScrollUp if picker => Some(Action::StoriesPrev),
                    MouseEventKind::ScrollDown => Some(Action::FactNext),
                    MouseEventKind::ScrollUp => Some(Action::FactPrev),
                    _ => None,
                };
            }
            let at = Position::new(m.column, m.row);
            let areas = app.areas();
            let inside = |r: Option<Rect>| r.is_some_and(|r| r.contains(at));
            let over_list = inside(areas.list);
            let over_reader = inside(areas.reader);
            let over_entities = inside(areas.entities);
            let wheel = i32::from(app.wheel_lines);
            match m.kind {
                MouseEventKind::ScrollDown if over_entities => Some(Action::EntityNext),
                MouseEventKind::ScrollUp if over_entities => Some(Action::EntityPrev),
                MouseEventKind::Down(_) if over_entities => Some(Action::FocusEntities),
                MouseEventKind::ScrollDown if over_reader => Some(Action::ScrollBy(wheel)),
                MouseEventKind::ScrollUp if over_reader => Some(Action::ScrollBy(-wheel)),
                MouseEventKind::ScrollDown if over_list => Some(Action::SelectBy(1)),
                MouseEventKind::ScrollUp if over_list => Some(Action::SelectBy(-1)),
                MouseEventKind::Down(_) if over_reader => {
                    // On the text, the click may land on a mention.
                    let inner = areas.reader.map(layout::reader_inner).filter(|r| r.contains(at));
                    Some(match inner {
                        Some(r) => Action::ClickReader(m.column - r.x, m.row - r.y),
                        None => Action::FocusReader,
                    })
                }
                MouseEventKind::Down(_) if over_list => {
                    let inner = areas.list.map(layout::list_inner).filter(|r| r.contains(at));
                    Some(match inner {
                        Some(r) => Action::ClickList(m.row - r.y),
                        None => Action::FocusList,
                    })
                }
                _ => None,
            }
        }
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}
