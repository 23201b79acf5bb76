//! The reader's state, and [`App::update`]: the one place it changes.
//!
//! Views only read an `App`; keys and mouse events reach it as
//! [`Action`]s, so tests drive it exactly as a user does.

use std::ops::Range;

use chrono::NaiveDate;
use ratatui::layout::Rect;

use super::action::{Action, Context};
use super::keymap::Keymap;
use super::labels;
use super::layout;
use super::wrap::{WrapLine, line_of, wrap};
use crate::corpus::{Article, Corpus};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
}

/// One row of the article list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListRow {
    /// A day heading; `None` is "Undated". Not selectable.
    Day(Option<NaiveDate>),
    /// An article, by index into `corpus.articles`.
    Article(usize),
}

/// The open article laid out for the reader's current width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Index into `corpus.articles`; `None` when nothing is selected.
    pub article: Option<usize>,
    /// The text width these lines were wrapped to.
    pub width: u16,
    /// The title, wrapped: byte ranges into the article's title.
    pub title: Vec<WrapLine>,
    /// "CNN · Tue 6 Aug 2024 · 451 words", over as many lines as it takes.
    pub meta: Vec<String>,
    /// The body, wrapped: byte ranges into the article's body.
    pub body: Vec<WrapLine>,
}

/// Which line of the document a display row shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocLine {
    Title(Range<usize>),
    /// Line `n` of [`Document::meta`].
    Meta(usize),
    Blank,
    Body(Range<usize>),
}

impl Document {
    /// Lines before the body: the title, the meta line(s), a blank.
    pub fn header_len(&self) -> usize {
        self.title.len() + self.meta.len() + 1
    }

    pub fn len(&self) -> usize {
        if self.article.is_none() { 0 } else { self.header_len() + self.body.len() }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Display line `i` of the document.
    pub fn line(&self, i: usize) -> Option<DocLine> {
        let t = self.title.len();
        let m = t + self.meta.len();
        match i {
            _ if i >= self.len() => None,
            _ if i < t => Some(DocLine::Title(self.title[i].range.clone())),
            _ if i < m => Some(DocLine::Meta(i - t)),
            _ if i == m => Some(DocLine::Blank),
            _ => {
                let l = &self.body[i - m - 1];
                Some(if l.is_blank() { DocLine::Blank } else { DocLine::Body(l.range.clone()) })
            }
        }
    }
}

pub struct App {
    pub corpus: Corpus,
    pub keymap: Keymap,
    /// Lower-cased title, outlet and body per article, for the filter.
    haystacks: Vec<String>,
    /// The filter text; empty is no filter.
    pub filter: String,
    /// The user is typing the filter.
    pub filter_editing: bool,
    /// Articles the list shows (indices into `corpus.articles`), in order.
    pub visible: Vec<usize>,
    /// The list as drawn: day headings and articles.
    pub rows: Vec<ListRow>,
    /// Index into `visible`.
    pub selected: Option<usize>,
    /// First list row on screen.
    pub list_offset: usize,
    pub focus: Focus,
    /// `Some(scroll)` while the help popup is open.
    pub help: Option<usize>,
    pub doc: Document,
    /// First document line on screen.
    pub scroll: usize,
    /// The whole terminal.
    pub size: Rect,
    pub quit: bool,
}

impl App {
    pub fn new(corpus: Corpus, keymap: Keymap) -> App {
        let haystacks = corpus
            .articles
            .iter()
            .map(|a| {
                let outlet = a.outlet.as_deref().unwrap_or("");
                format!("{}\n{}\n{}", a.title, outlet, a.body).to_lowercase()
            })
            .collect();
        let mut app = App {
            corpus,
            keymap,
            haystacks,
            filter: String::new(),
            filter_editing: false,
            visible: Vec::new(),
            rows: Vec::new(),
            selected: None,
            list_offset: 0,
            focus: Focus::List,
            help: None,
            doc: Document::default(),
            scroll: 0,
            size: Rect::new(0, 0, 80, 24),
            quit: false,
        };
        app.apply_filter();
        app
    }

    /// Where keys are looked up, top layer first: an open popup or the
    /// filter takes every key it binds (and typing, for the filter);
    /// otherwise the focused pane, then keys common to both panes.
    pub fn contexts(&self) -> Vec<Context> {
        if self.help.is_some() {
            vec![Context::Help, Context::Any]
        } else if self.filter_editing {
            vec![Context::Filter, Context::Any]
        } else {
            let pane = match self.focus {
                Focus::List => Context::List,
                Focus::Reader => Context::Reader,
            };
            vec![pane, Context::Main, Context::Any]
        }
    }

    /// The article selected in the list (and shown in the reader).
    pub fn selected_article(&self) -> Option<&Article> {
        self.doc.article.and_then(|i| self.corpus.articles.get(i))
    }

    /// The list row of the selection.
    pub fn selected_row(&self) -> Option<usize> {
        let art = self.visible.get(self.selected?)?;
        self.rows.iter().position(|r| *r == ListRow::Article(*art))
    }

    pub fn update(&mut self, action: Action) {
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
                    Focus::Reader => Focus::List,
                }
            }
            Action::FocusList => self.focus = Focus::List,
            Action::FocusReader => self.focus = Focus::Reader,
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
            Action::HelpOpen => self.help = Some(0),
            Action::HelpClose => self.help = None,
            Action::Resize(w, h) => {
                self.size = Rect::new(0, 0, w, h);
                self.relayout();
            }
        }
        // The panes' sizes depend on focus on narrow screens.
        if matches!(action, Action::ToggleFocus | Action::FocusList | Action::FocusReader)
            || matches!(action, Action::Open | Action::FilterStart | Action::FilterAccept)
        {
            self.relayout();
        }
    }

    /// Scroll the reader so the line showing byte `offset` of the body is
    /// at the top (as far as the end of the document allows).
    pub fn scroll_to_byte(&mut self, offset: usize) {
        if let Some(i) = line_of(&self.doc.body, offset) {
            self.scroll = (self.doc.header_len() + i).min(self.max_scroll());
        }
    }

    /// The reader's text area, if the reader is on screen.
    pub fn reader_area(&self) -> Option<Rect> {
        layout::areas(self.size, self.focus).reader.map(layout::reader_inner)
    }

    /// The list's row area, if the list is on screen.
    pub fn list_area(&self) -> Option<Rect> {
        layout::areas(self.size, self.focus).list.map(layout::list_inner)
    }

    pub fn max_scroll(&self) -> usize {
        let h = self.reader_area().map_or(0, |r| usize::from(r.height));
        self.doc.len().saturating_sub(h)
    }

    /// The help popup's scroll limit.
    pub fn help_max_scroll(&self) -> usize {
        let lines = super::view::help::line_count(&self.keymap);
        let inner = layout::help_popup(self.size, lines).height.saturating_sub(2);
        lines.saturating_sub(usize::from(inner))
    }

    fn page(&self) -> i32 {
        if self.help.is_some() {
            let lines = super::view::help::line_count(&self.keymap);
            let h = layout::help_popup(self.size, lines).height.saturating_sub(3);
            return i32::from(h.max(1));
        }
        // Keep one line of context across a page turn.
        self.reader_area().map_or(1, |r| i32::from(r.height.saturating_sub(1).max(1)))
    }

    fn list_page(&self) -> i32 {
        self.list_area().map_or(1, |r| i32::from(r.height.saturating_sub(1).max(1)))
    }

    fn scroll_by(&mut self, n: i32) {
        // The top layer scrolls: the help popup when it is open.
        let (pos, max) = match self.help {
            Some(s) => (s, self.help_max_scroll()),
            None => (self.scroll, self.max_scroll()),
        };
        let new = offset(pos, n).min(max);
        match self.help.as_mut() {
            Some(s) => *s = new,
            None => self.scroll = new,
        }
    }

    fn select_by(&mut self, n: i32) {
        if let Some(cur) = self.selected {
            self.select(offset(cur, n));
        }
    }

    fn select(&mut self, i: usize) {
        if self.visible.is_empty() {
            return;
        }
        self.selected = Some(i.min(self.visible.len() - 1));
        self.relayout();
    }

    fn click_list(&mut self, row: u16) {
        if let Some(ListRow::Article(a)) = self.rows.get(self.list_offset + usize::from(row))
            && let Some(i) = self.visible.iter().position(|v| v == a)
        {
            self.focus = Focus::List;
            self.select(i);
        }
    }

    /// Recompute the visible articles and rows after the filter changed,
    /// keeping the selection when it still matches.
    fn apply_filter(&mut self) {
        let keep = self.selected.and_then(|i| self.visible.get(i).copied());
        let query = self.filter.to_lowercase();
        self.visible = (0..self.corpus.articles.len())
            .filter(|&i| query.is_empty() || self.haystacks[i].contains(&query))
            .collect();
        self.rows.clear();
        let mut day = None;
        for &i in &self.visible {
            let d = self.corpus.articles[i].date;
            if day != Some(d) {
                self.rows.push(ListRow::Day(d));
                day = Some(d);
            }
            self.rows.push(ListRow::Article(i));
        }
        self.selected = if self.visible.is_empty() {
            None
        } else {
            Some(keep.and_then(|a| self.visible.iter().position(|&v| v == a)).unwrap_or(0))
        };
        self.list_offset = 0;
        self.relayout();
    }

    /// Bring derived state in line with the selection and the screen size:
    /// the reader's document (re-wrapped when the article or width changed,
    /// keeping the reading position on resize) and both scroll offsets.
    fn relayout(&mut self) {
        let article = self.selected.and_then(|i| self.visible.get(i).copied());
        let width = self.reader_area().map_or(self.doc.width, |r| r.width);
        if article != self.doc.article || width != self.doc.width {
            let same = article == self.doc.article;
            // The body byte at the top of the reader, to keep it there.
            let top = self
                .scroll
                .checked_sub(self.doc.header_len())
                .and_then(|i| self.doc.body.get(i))
                .map(|l| l.range.start);
            self.doc = match article.and_then(|i| self.corpus.articles.get(i).map(|a| (i, a))) {
                Some((i, a)) => Document {
                    article: Some(i),
                    width,
                    title: wrap(&a.title, width),
                    meta: labels::meta_lines(a, width),
                    body: wrap(&a.body, width),
                },
                None => Document { width, ..Document::default() },
            };
            self.scroll = 0;
            if same && let Some(top) = top {
                self.scroll_to_byte(top);
            }
        }
        self.scroll = self.scroll.min(self.max_scroll());
        if let Some(h) = self.help {
            self.help = Some(h.min(self.help_max_scroll()));
        }
        self.keep_selection_visible();
    }

    fn keep_selection_visible(&mut self) {
        let h = self.list_area().map_or(0, |r| usize::from(r.height));
        let Some(sel) = self.selected_row() else {
            self.list_offset = 0;
            return;
        };
        if h == 0 {
            return;
        }
        // Show the day heading with the first article under it.
        let top =
            if sel > 0 && matches!(self.rows[sel - 1], ListRow::Day(_)) { sel - 1 } else { sel };
        if top < self.list_offset {
            self.list_offset = top;
        }
        if sel >= self.list_offset + h {
            self.list_offset = sel + 1 - h;
        }
        self.list_offset = self.list_offset.min(self.rows.len().saturating_sub(h));
    }
}

/// `pos + n`, saturating at 0 and usize::MAX.
fn offset(pos: usize, n: i32) -> usize {
    let step = usize::try_from(n.unsigned_abs()).unwrap_or(usize::MAX);
    if n < 0 { pos.saturating_sub(step) } else { pos.saturating_add(step) }
}
