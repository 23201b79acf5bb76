//! [`App::update`]: the user's actions, each applied to the state.

use ratatui::layout::Rect;

use super::{App, Current, Focus, offset};
use crate::tui::action::{Action, Context};
use crate::tui::compare::{CompareView, Picker};
use crate::tui::finder::Finder;

impl App {
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
            self.notice = None;
        }
        // Anything but a look at a popup is the user choosing where to be.
        let looking = self.help.is_some()
            || self.warnings.is_some()
            || matches!(
                action,
                Action::Resize(..)
                    | Action::HelpOpen
                    | Action::WarningsOpen
                    | Action::HighlightToggle
            );
        if !looking {
            self.follow_newest = false;
        }
        if let Some(why) = self.not_known_yet(action) {
            self.notice = Some(why);
            self.relayout();
            return;
        }
        if (action.walks_facts() || action == Action::Copy)
            && self.compare_is_single()
            && self.compare.as_ref().is_some_and(|c| c.picker.is_none())
        {
            // The view says why; the status line says it again.
            self.message = Some("one article: nothing to compare".into());
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::SelectNext => self.select_by(1),
            Action::SelectPrev => self.select_by(-1),
            Action::SelectBy(n) => self.select_by(n),
            Action::SelectPageDown => self.select_by(self.list_page()),
            Action::SelectPageUp => self.select_by(-self.list_page()),
            Action::SelectFirst => self.select(0),
            Action::SelectLast => self.select(self.visible.len().saturating_sub(1)),
            Action::ClickList(row) => self.click_list(row),
            Action::Open => {
                if self.doc.article.is_some() {
                    self.focus = Focus::Reader;
                }
            }
            Action::ScrollDown => self.scroll_by(1),
            Action::ScrollUp => self.scroll_by(-1),
            Action::ScrollBy(n) => self.scroll_by(n),
            Action::ScrollPageDown => self.scroll_by(self.page()),
            Action::ScrollPageUp => self.scroll_by(-self.page()),
            Action::ScrollTop => self.scroll_by(i32::MIN),
            Action::ScrollBottom => self.scroll_by(i32::MAX),
            Action::ToggleFocus => {
                self.focus = match self.focus {
                    Focus::List => Focus::Reader,
                    Focus::Reader if self.panel => Focus::Entities,
                    Focus::Reader | Focus::Entities => Focus::List,
                }
            }
            Action::FocusList => self.focus = Focus::List,
            Action::FocusReader => self.focus = Focus::Reader,
            Action::FocusEntities => {
                if self.panel {
                    self.focus = Focus::Entities;
                }
            }
            Action::FilterStart => {
                self.filter_editing = true;
                self.focus = Focus::List;
            }
            Action::FilterInsert(c) => {
                if !c.is_control() {
                    self.filter.push(c);
                    self.apply_filter();
                }
            }
            Action::FilterBackspace => {
                self.filter.pop();
                self.apply_filter();
            }
            Action::FilterAccept => {
                self.filter_editing = false;
                self.focus = Focus::List;
            }
            Action::FilterClear => {
                self.filter_editing = false;
                if !self.filter.is_empty() {
                    self.filter.clear();
                    self.apply_filter();
                }
            }
            Action::HelpOpen => {
                // From the comparison view or the entity panel, at their own
                // keys; from the list and reader, at the top with the legend.
                let top = self.contexts().first().copied();
                let at = top
                    .filter(|c| matches!(c, Context::Compare | Context::Entities))
                    .and_then(|c| crate::tui::help_text::section_start(&self.keymap, c));
                self.help = Some(at.unwrap_or(0));
            }
            Action::HelpClose => self.help = None,
            Action::WarningsOpen => self.warnings = Some(0),
            Action::WarningsClose => self.warnings = None,
            Action::Resize(w, h) => self.size = Rect::new(0, 0, w, h),
            Action::ToggleRead => {
                // Said on the status line: the list's dot is easy to miss.
                self.message = Some(match self.doc.article {
                    Some(a) => {
                        let read = !self.is_read(a);
                        self.set_read(a, read);
                        if read { "marked read" } else { "marked unread" }.into()
                    }
                    None => "no article to mark".into(),
                });
            }
            Action::ToggleStar => {
                self.message = Some(match self.doc.article {
                    Some(a) => {
                        let star = !self.is_starred(a);
                        self.set_starred(a, star);
                        if star { "starred" } else { "star removed" }.into()
                    }
                    None => "no article to star".into(),
                });
            }
            Action::OnlyUnread => {
                self.only_unread = !self.only_unread;
                self.apply_filter();
            }
            Action::OnlyStarred => {
                self.only_starred = !self.only_starred;
                self.apply_filter();
            }
            Action::HighlightToggle => self.highlight = !self.highlight,
            Action::ReaderBack => {
                // The entity and a report's sentence go first, together.
                let had_sentence = self.sentence.take().is_some();
                if self.current.take().is_none() && !had_sentence {
                    self.focus = Focus::List;
                }
            }
            Action::MentionNext => self.step_mention(true),
            Action::MentionPrev => self.step_mention(false),
            Action::EntityPanel => {
                if self.panel && self.focus == Focus::Entities {
                    self.panel = false;
                    self.focus = Focus::List;
                } else {
                    self.panel = true;
                    self.focus = Focus::Entities;
                }
            }
            Action::EntityPanelClose => {
                self.panel = false;
                if self.focus == Focus::Entities {
                    self.focus = Focus::List;
                }
            }
            Action::EntityNext => self.panel_select(offset(self.panel_selected, 1)),
            Action::EntityPrev => self.panel_select(offset(self.panel_selected, -1)),
            Action::EntityFirst => self.panel_select(0),
            Action::EntityLast => self.panel_select(usize::MAX),
            Action::EntityOpen => self.open_panel_entity(),
            Action::FinderOpen => self.finder = Some(Finder::new(&self.entities.index.entities)),
            Action::FinderInsert(c) => {
                if let Some(f) = self.finder.as_mut()
                    && !c.is_control()
                {
                    let q = format!("{}{c}", f.query);
                    f.set_query(&self.entities.index.entities, q);
                }
            }
            Action::FinderBackspace => {
                if let Some(f) = self.finder.as_mut() {
                    let mut q = f.query.clone();
                    q.pop();
                    f.set_query(&self.entities.index.entities, q);
                }
            }
            Action::FinderNext | Action::FinderPrev => {
                let rows = self.finder_rows();
                if let Some(f) = self.finder.as_mut() {
                    f.select_by(if action == Action::FinderNext { 1 } else { -1 }, rows);
                }
            }
            Action::FinderAccept => {
                let hit = self.finder.as_ref().and_then(|f| f.selected_hit());
                if let Some(entity) = hit.map(|h| h.entity) {
                    self.finder = None;
                    self.current = Some(Current { entity, pos: 0, wrapped: false });
                    self.show_current();
                }
            }
            Action::FinderClose => self.finder = None,
            Action::CompareOpen => self.open_compare(),
            Action::CompareClose => self.compare_left = self.compare.take(),
            Action::FactNext => self.select_fact(|f, _| offset(f, 1)),
            Action::FactPrev => self.select_fact(|f, _| offset(f, -1)),
            Action::FactFirst => self.select_fact(|_, _| 0),
            Action::FactLast => self.select_fact(|_, n| n.saturating_sub(1)),
            Action::ReportNext => self.select_report(1),
            Action::ReportPrev => self.select_report(-1),
            Action::ReportOpen => self.open_report(),
            Action::StoriesOpen => {
                let stories = &self.entities.comparison.stories;
                if let Some(c) = self.compare.as_mut() {
                    c.picker = Some(Picker::new(stories, c.story));
                }
            }
            Action::StoriesInsert(_) | Action::StoriesBackspace => {
                let (stories, arts) = (&self.entities.comparison.stories, &self.corpus.articles);
                if let Some(p) = self.compare.as_mut().and_then(|c| c.picker.as_mut()) {
                    let mut q = p.query.clone();
                    match action {
                        Action::StoriesInsert(ch) if !ch.is_control() => q.push(ch),
                        Action::StoriesBackspace => {
                            q.pop();
                        }
                        _ => {}
                    }
                    if q != p.query {
                        p.set_query(stories, arts, q);
                    }
                }
            }
            Action::StoriesNext | Action::StoriesPrev => {
                let step = if action == Action::StoriesNext { 1 } else { -1 };
                if let Some(p) = self.compare.as_mut().and_then(|c| c.picker.as_mut()) {
                    p.select_by(step);
                }
            }
            Action::StoriesAccept => {
                let n = self.entities.comparison.stories.len();
                if let Some(c) = self.compare.as_mut()
                    && let Some(story) = c.picker.as_ref().and_then(Picker::selected_story)
                    && story < n
                {
                    *c = CompareView::new(story, None);
                }
            }
            Action::StoriesClose => {
                if let Some(c) = self.compare.as_mut() {
                    c.picker = None;
                }
            }
            Action::OpenUrl => self.open_url(),
            Action::Copy => self.copy(),
            Action::Fetch => self.request_fetch(),
            Action::ClickReader(x, y) => self.click_reader(x, y),
        }
        // Focus, the panel and the size decide the panes' sizes, and the
        // selection decides the document: bring everything derived in line.
        self.relayout();
        self.mark_opened_read();
    }
}
