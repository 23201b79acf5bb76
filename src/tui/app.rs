//! The reader's state, and [`App::update`]: the one place it changes for
//! the user's actions. The background loader's results enter only through
//! [`App::receive`], and a filter search under way goes on only through
//! [`App::search_more`], both called by the loop.
//!
//! Views only read an `App`; keys and mouse events reach it as
//! [`Action`]s, so tests drive it exactly as a user does.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use ratatui::layout::Rect;

use super::action::{Action, Context};
use super::compare::{self as cmp, CompareView, Geometry, Picker};
use super::entities::Entities;
use super::filter::{Found, Narrowing};
use super::finder::Finder;
use super::grams::Grams;
use super::keymap::Keymap;
use super::labels;
use super::layout;
use super::loader::Progress;
use super::outside::Effect;
use super::wrap::{WrapLine, line_of, wrap};
use crate::analysis::Kind;
use crate::corpus::{Article, Corpus};
use crate::index::MentionRef;
use crate::state::{Key, ReadingState};

mod receive;

/// Time a keystroke may spend on the filter's search before its frame is
/// drawn; the search goes on between frames ([`App::search_more`]).
pub const SEARCH_SLICE: std::time::Duration = std::time::Duration::from_millis(6);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
    /// The entity panel (open only while `App::panel` is).
    Entities,
}

/// The entity `n`/`N` walk, and where in its mentions the reader is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Current {
    /// Index into the corpus' entities.
    pub entity: usize,
    /// Index into that entity's mentions in date order ([`Entities::order`]).
    pub pos: usize,
    /// The last step went past an end and came round to the other.
    pub wrapped: bool,
}

/// One row of the entity panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelRow {
    /// A kind heading with how many entities of that kind follow.
    Kind(Kind, usize),
    /// Entry `n` of [`App::panel_list`].
    Entity(usize),
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
    /// Shared with the background loader, which hands it over finished.
    pub corpus: Arc<Corpus>,
    pub entities: Entities,
    pub keymap: Keymap,
    /// Every article (indices into `corpus.articles`) in list order.
    order: Vec<usize>,
    /// The filter's results so far, for typing and Backspace.
    narrowing: Narrowing,
    /// The article selected when the filter's search began, to select
    /// again once the search finds it.
    filter_keep: Option<usize>,
    /// What each article contains, to rule it out of a search unread.
    grams: Grams,
    /// The widest short outlet name, for the list's outlet column.
    widest_outlet: usize,
    /// `Some` while the background loader works: how far it is.
    pub loading: Option<Progress>,
    /// A message for the status line until the next key (a key whose data
    /// is not known yet, say).
    pub notice: Option<String>,
    /// Problems with the cache the loader reported, for the end of the run.
    pub cache_problems: Vec<String>,
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
    /// Mentions are styled by kind.
    pub highlight: bool,
    pub current: Option<Current>,
    /// `Some` while the entity finder is open.
    pub finder: Option<Finder>,
    /// The entity panel is open.
    pub panel: bool,
    /// The open article's entities as the panel lists them: (entity,
    /// mentions in this article), grouped by kind.
    pub panel_list: Vec<(usize, usize)>,
    /// Index into `panel_list`.
    pub panel_selected: usize,
    /// First panel row on screen (see [`App::panel_rows`]).
    pub panel_offset: usize,
    /// `Some` while the comparison view is open (over the panes, which keep
    /// their state for when it closes).
    pub compare: Option<CompareView>,
    /// The comparison view as it was left, to come back to the same fact.
    compare_left: Option<CompareView>,
    /// A sentence a report opened, highlighted in the reader: (article,
    /// byte range of its body).
    pub sentence: Option<(usize, Range<usize>)>,
    /// The whole terminal.
    pub size: Rect,
    pub quit: bool,
    /// A note on the status line (what `o` or `y` did, or why not), until
    /// the next action.
    pub message: Option<String>,
    /// Requests to the world outside (browser, clipboard) that the run
    /// loop carries out: see [`super::outside::perform`].
    pub effects: Vec<Effect>,
    /// Lines one notch of the mouse wheel scrolls the reader.
    pub wheel_lines: u16,
    /// What the user has read and starred (see [`crate::state`]).
    pub reading: ReadingState,
    /// `reading` changed since the reader last saved it.
    pub reading_changed: bool,
    /// The list shows only unread articles.
    pub only_unread: bool,
    /// The list shows only starred articles.
    pub only_starred: bool,
    /// Each article's key into `reading`, by index into `corpus.articles`,
    /// made when first asked for ([`App::key`]): a key hashes the whole
    /// text, so only the articles drawn or marked are hashed, never the
    /// whole corpus at once on this thread. Code that swaps the corpus
    /// empties it ([`App::fit_keys`]).
    keys: Vec<OnceLock<Key>>,
    /// The article last marked read by being opened, so that `m` on the
    /// open article is not undone at once.
    opened: Option<usize>,
}

impl App {
    /// The reader on `corpus`, analysing it first (see [`Entities::of`]).
    pub fn new(corpus: Corpus, keymap: Keymap) -> App {
        let entities = Entities::of(&corpus.articles);
        App::with_entities(corpus, entities, keymap)
    }

    /// The reader on `corpus` with its analysis already done.
    pub fn with_entities(corpus: Corpus, entities: Entities, keymap: Keymap) -> App {
        let mut app = App::empty(keymap);
        app.order = (0..corpus.articles.len()).collect();
        app.widest_outlet = receive::widest_outlet(&corpus.articles);
        app.grams = Grams::build(&corpus.articles);
        app.corpus = Arc::new(corpus);
        app.entities = entities;
        app.apply_filter();
        app
    }

    /// The reader before anything is loaded: the background loader's
    /// [`Update`](super::loader::Update)s fill it in through
    /// [`App::receive`].
    pub fn loading(keymap: Keymap) -> App {
        let mut app = App::empty(keymap);
        app.loading = Some(Progress::default());
        app
    }

    fn empty(keymap: Keymap) -> App {
        App {
            corpus: Arc::new(Corpus::default()),
            entities: Entities::default(),
            keymap,
            order: Vec::new(),
            narrowing: Narrowing::default(),
            filter_keep: None,
            grams: Grams::default(),
            widest_outlet: 0,
            loading: None,
            notice: None,
            cache_problems: Vec::new(),
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
            highlight: true,
            current: None,
            finder: None,
            panel: false,
            panel_list: Vec::new(),
            panel_selected: 0,
            panel_offset: 0,
            compare: None,
            compare_left: None,
            sentence: None,
            size: Rect::new(0, 0, 80, 24),
            quit: false,
            message: None,
            effects: Vec::new(),
            wheel_lines: 3,
            reading: ReadingState::default(),
            reading_changed: false,
            only_unread: false,
            only_starred: false,
            keys: Vec::new(),
            opened: None,
        }
    }

    /// The widest short outlet name in the corpus.
    pub fn widest_outlet(&self) -> usize {
        self.widest_outlet
    }

    /// Where keys are looked up, top layer first: an open popup or the
    /// filter takes every key it binds (and typing, for the filter);
    /// otherwise the focused pane, then keys common to both panes.
    pub fn contexts(&self) -> Vec<Context> {
        if self.help.is_some() {
            vec![Context::Help, Context::Any]
        } else if let Some(c) = &self.compare {
            let top = if c.picker.is_some() { Context::Stories } else { Context::Compare };
            vec![top, Context::Any]
        } else if self.finder.is_some() {
            vec![Context::Finder, Context::Any]
        } else if self.filter_editing {
            vec![Context::Filter, Context::Any]
        } else {
            let pane = match self.focus {
                Focus::List => Context::List,
                Focus::Reader => Context::Reader,
                Focus::Entities => Context::Entities,
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
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
            self.notice = None;
        }
        if let Some(why) = self.not_known_yet(action) {
            self.notice = Some(why);
            self.relayout();
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
            Action::HelpOpen => self.help = Some(0),
            Action::HelpClose => self.help = None,
            Action::Resize(w, h) => self.size = Rect::new(0, 0, w, h),
            Action::ToggleRead => {
                if let Some(a) = self.doc.article {
                    self.set_read(a, !self.is_read(a));
                }
            }
            Action::ToggleStar => {
                if let Some(a) = self.doc.article {
                    self.set_starred(a, !self.is_starred(a));
                }
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
                if let Some(c) = self.compare.as_mut() {
                    c.picker = Some(Picker { selected: c.story, offset: 0 });
                }
            }
            Action::StoriesNext | Action::StoriesPrev => {
                let n = self.entities.comparison.stories.len();
                let step = if action == Action::StoriesNext { 1 } else { -1 };
                if let Some(p) = self.compare.as_mut().and_then(|c| c.picker.as_mut()) {
                    p.selected = offset(p.selected, step).min(n.saturating_sub(1));
                }
            }
            Action::StoriesAccept => {
                if let Some(c) = self.compare.as_mut()
                    && let Some(p) = c.picker
                {
                    *c = CompareView::new(p.selected, None);
                }
            }
            Action::StoriesClose => {
                if let Some(c) = self.compare.as_mut() {
                    c.picker = None;
                }
            }
            Action::OpenUrl => self.open_url(),
            Action::Copy => self.copy(),
            Action::ClickReader(x, y) => self.click_reader(x, y),
        }
        // Focus, the panel and the size decide the panes' sizes, and the
        // selection decides the document: bring everything derived in line.
        self.relayout();
        self.mark_opened_read();
    }

    /// Replace the reading state (as loaded from disk), and the list with it.
    pub fn set_reading(&mut self, reading: ReadingState) {
        self.reading = reading;
        self.reading_changed = false;
        self.apply_filter();
    }

    /// Article `a` (index into `corpus.articles`) has been read.
    pub fn is_read(&self, a: usize) -> bool {
        self.key(a).is_some_and(|k| self.reading.is_read(k))
    }

    /// Article `a` (index into `corpus.articles`) is starred.
    pub fn is_starred(&self, a: usize) -> bool {
        self.key(a).is_some_and(|k| self.reading.is_starred(k))
    }

    /// Article `a`'s reading-state key, made the first time it is needed.
    fn key(&self, a: usize) -> Option<&Key> {
        let article = self.corpus.articles.get(a)?;
        Some(self.keys.get(a)?.get_or_init(|| Key::of(article)))
    }

    fn set_read(&mut self, a: usize, read: bool) {
        if let Some(k) = self.key(a).cloned() {
            self.reading_changed |= self.reading.set_read(&k, read);
        }
    }

    fn set_starred(&mut self, a: usize, starred: bool) {
        if let Some(k) = self.key(a).cloned() {
            self.reading_changed |= self.reading.set_starred(&k, starred);
        }
    }

    /// An article shown in the focused reader is read: mark it, once per
    /// opening, so `m` can make the open article unread again.
    fn mark_opened_read(&mut self) {
        if self.focus == Focus::Reader
            && self.compare.is_none()
            && let Some(a) = self.doc.article
            && self.opened != Some(a)
        {
            self.opened = Some(a);
            self.set_read(a, true);
        }
    }

    /// Show every article again: a jump to one the list hides needs it.
    fn clear_filters(&mut self) {
        self.filter.clear();
        self.filter_editing = false;
        self.only_unread = false;
        self.only_starred = false;
        self.apply_filter();
    }

    /// Open the comparison of the open article's story, at the fact left
    /// last time when it is the same story, with the article's column
    /// selected.
    fn open_compare(&mut self) {
        let Some(a) = self.doc.article else { return };
        let Some(story) = self.entities.story_of(a) else { return };
        self.compare = Some(match self.compare_left.take() {
            Some(left) if left.story == story => {
                CompareView { picker: None, article: Some(a), ..left }
            }
            _ => CompareView::new(story, Some(a)),
        });
    }

    /// The comparison view's story.
    pub fn compare_story(&self) -> Option<&crate::compare::Story> {
        self.entities.story(self.compare.as_ref()?.story)
    }

    /// The comparison view's geometry on the current screen.
    pub fn compare_geometry(&self) -> Option<Geometry> {
        let story = self.compare_story()?;
        let frame = layout::compare_frame(self.size)?;
        let names = crate::cli::compare::column_names(story, &self.corpus.articles);
        Some(cmp::geometry(frame, story, &self.corpus.articles, &names))
    }

    /// Select the fact `to(current, count)`, keeping the selected article.
    fn select_fact(&mut self, to: impl Fn(usize, usize) -> usize) {
        let n = self.compare_story().map_or(0, |s| s.facts.len());
        if let Some(c) = self.compare.as_mut() {
            c.fact = to(c.fact, n).min(n.saturating_sub(1));
        }
    }

    /// Step through the selected fact's reports, stopping at the ends.
    fn select_report(&mut self, step: i32) {
        let Some(c) = &self.compare else { return };
        let Some(fact) = self.compare_story().and_then(|s| s.facts.get(c.fact)) else { return };
        let i = offset(c.report_in(fact), step).min(fact.reports.len().saturating_sub(1));
        let article = fact.reports.get(i).map(|r| r.article);
        if let Some(c) = self.compare.as_mut() {
            c.article = article;
        }
    }

    /// Leave the comparison for the reader, at the selected report's
    /// sentence, highlighted. An article hidden by the filter is shown by
    /// dropping the filter, as for an entity jump.
    fn open_report(&mut self) {
        let Some(c) = &self.compare else { return };
        let Some(fact) = self.compare_story().and_then(|s| s.facts.get(c.fact)) else { return };
        let Some(r) = fact.reports.get(c.report_in(fact)) else { return };
        let (article, sentence) = (r.article, r.start..r.end);
        self.compare_left = self.compare.take();
        if !self.visible.contains(&article) {
            self.clear_filters();
        }
        if let Some(i) = self.visible.iter().position(|&v| v == article) {
            self.selected = Some(i);
        }
        self.focus = Focus::Reader;
        self.relayout();
        self.scroll_to_mention(sentence.start);
        self.sentence = Some((article, sentence));
    }

    /// The article `o` and `y` act on: the selected report's in the
    /// comparison view, else the one in the reader.
    pub fn target_article(&self) -> Option<usize> {
        if let Some(c) = &self.compare {
            let fact = self.compare_story().and_then(|s| s.facts.get(c.fact))?;
            return fact.reports.get(c.report_in(fact)).map(|r| r.article);
        }
        self.doc.article
    }

    /// Ask for the article's address to be opened, if it has one that is
    /// a web address: a file's `url` field is not trusted to be one, and
    /// anything else handed to the system's opener could run a program.
    fn open_url(&mut self) {
        let Some(a) = self.target_article().and_then(|i| self.corpus.articles.get(i)) else {
            return;
        };
        let url = a.url.as_deref().map(str::trim).unwrap_or("");
        let web = ["http://", "https://"]
            .iter()
            .any(|p| url.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)));
        if url.is_empty() {
            self.message = Some("this article has no web address".into());
        } else if !web || url.chars().any(|c| c.is_control() || c.is_whitespace()) {
            self.message = Some(format!("not a web address: {url}"));
        } else {
            self.effects.push(Effect::Open(url.to_string()));
        }
    }

    /// Ask for a copy: in the comparison view the selected fact's reports,
    /// else the article's citation.
    fn copy(&mut self) {
        let arts = &self.corpus.articles;
        let effect = if let Some(c) = &self.compare {
            let Some(story) = self.compare_story() else { return };
            let Some(fact) = story.facts.get(c.fact) else { return };
            let n = fact.reports.len();
            Effect::Copy {
                text: super::cite::fact_reports(story, fact, arts),
                what: format!(
                    "the reports of “{}” ({n} {})",
                    fact.label,
                    if n == 1 { "outlet" } else { "outlets" }
                ),
            }
        } else {
            let Some(a) = self.doc.article.and_then(|i| arts.get(i)) else { return };
            Effect::Copy { text: super::cite::citation(a), what: "the citation".into() }
        };
        self.effects.push(effect);
    }

    /// A click on the reader's text: focus the reader, and when the click
    /// is on a mention of an entity, make it current and show it as a
    /// finder jump does (so `n`/`N` walk on from there).
    fn click_reader(&mut self, x: u16, y: u16) {
        self.focus = Focus::Reader;
        let Some(a) = self.doc.article else { return };
        let Some(DocLine::Body(range)) = self.doc.line(self.scroll + usize::from(y)) else {
            return;
        };
        let Some(body) = self.corpus.articles.get(a).map(|art| art.body.as_str()) else { return };
        let Some(at) = byte_at_column(body, range, usize::from(x)) else { return };
        let mentions = self.entities.mentions(a);
        let i = mentions.partition_point(|m| m.end <= at);
        if mentions.get(i).is_none_or(|m| m.start > at) {
            return;
        }
        let clicked = MentionRef { article: a, mention: i };
        let Some(entity) = self.entities.entity_of(clicked) else { return };
        let order = self.entities.order.get(entity).map_or(&[][..], Vec::as_slice);
        if let Some(pos) = order.iter().position(|r| *r == clicked) {
            self.current = Some(Current { entity, pos, wrapped: false });
            self.show_current();
        }
    }

    /// The panes on screen now.
    pub fn areas(&self) -> layout::Areas {
        layout::areas(self.size, self.focus, self.panel)
    }

    /// The entity `n`/`N` walk and its mention at the current position.
    pub fn current_mention(&self) -> Option<(usize, MentionRef)> {
        let c = self.current?;
        let at = *self.entities.order.get(c.entity)?.get(c.pos)?;
        Some((c.entity, at))
    }

    /// Step to the next (or previous) mention of the current entity in
    /// date order, coming round at the ends.
    fn step_mention(&mut self, forward: bool) {
        let Some(c) = self.current.as_mut() else { return };
        let n = self.entities.order.get(c.entity).map_or(0, Vec::len);
        if n == 0 {
            return;
        }
        let (pos, wrapped) = match (forward, c.pos) {
            (true, p) if p + 1 >= n => (0, n > 1),
            (true, p) => (p + 1, false),
            (false, 0) => (n - 1, n > 1),
            (false, p) => (p - 1, false),
        };
        *c = Current { pos, wrapped, ..*c };
        self.show_current();
    }

    /// Open the article of the current mention in the reader, scrolled to
    /// the mention. An article hidden by the filter is shown by dropping
    /// the filter: the jump matters more than the filter.
    fn show_current(&mut self) {
        let Some((_, at)) = self.current_mention() else { return };
        if !self.visible.contains(&at.article) {
            self.clear_filters();
        }
        if let Some(i) = self.visible.iter().position(|&v| v == at.article) {
            self.selected = Some(i);
        }
        self.focus = Focus::Reader;
        self.relayout();
        if let Some(m) = self.entities.mention(at) {
            self.scroll_to_mention(m.start);
        }
    }

    /// Scroll so the line showing body byte `offset` is near the top, with
    /// a little of what leads up to it above.
    fn scroll_to_mention(&mut self, offset: usize) {
        const CONTEXT: usize = 2;
        if let Some(i) = line_of(&self.doc.body, offset) {
            let line = self.doc.header_len() + i;
            self.scroll = line.saturating_sub(CONTEXT).min(self.max_scroll());
        }
    }

    /// The entity panel as drawn: a heading per kind, then its entities.
    pub fn panel_rows(&self) -> Vec<PanelRow> {
        let mut rows = Vec::new();
        let mut i = 0;
        while i < self.panel_list.len() {
            let kind = self.panel_kind(i);
            let n = (i..self.panel_list.len()).take_while(|&k| self.panel_kind(k) == kind).count();
            rows.push(PanelRow::Kind(kind, n));
            rows.extend((i..i + n).map(PanelRow::Entity));
            i += n;
        }
        rows
    }

    fn panel_kind(&self, i: usize) -> Kind {
        let e = self.panel_list.get(i).map_or(usize::MAX, |p| p.0);
        self.entities.entity(e).map_or(Kind::Org, |e| e.kind)
    }

    /// The open article's entities grouped by kind; within a kind, the
    /// most mentioned here first, then across the corpus, then by name.
    fn panel_entries(&self, article: Option<usize>) -> Vec<(usize, usize)> {
        let Some(a) = article else { return Vec::new() };
        let mut list = self.entities.in_article(a);
        let rank = |&(e, here): &(usize, usize)| {
            let ent = self.entities.entity(e);
            let kind = ent
                .map_or(usize::MAX, |x| Kind::ALL.iter().position(|&k| k == x.kind).unwrap_or(0));
            let all = ent.map_or(0, |x| x.mentions.len());
            let name = ent.map_or(String::new(), |x| x.name.clone());
            (kind, std::cmp::Reverse(here), std::cmp::Reverse(all), name)
        };
        list.sort_by_cached_key(rank);
        list
    }

    fn panel_select(&mut self, i: usize) {
        self.panel_selected = i.min(self.panel_list.len().saturating_sub(1));
    }

    /// Make the panel's selected entity current, at its first mention in
    /// the open article.
    fn open_panel_entity(&mut self) {
        let (Some(a), Some(&(entity, _))) =
            (self.doc.article, self.panel_list.get(self.panel_selected))
        else {
            return;
        };
        let order = self.entities.order.get(entity).map_or(&[][..], Vec::as_slice);
        if let Some(pos) = order.iter().position(|r| r.article == a) {
            self.current = Some(Current { entity, pos, wrapped: false });
            self.show_current();
        }
    }

    /// Hits the finder has room for at the current size.
    fn finder_rows(&self) -> usize {
        layout::finder_hit_rows(layout::finder_popup(self.size))
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
        self.areas().reader.map(layout::reader_inner)
    }

    /// The entity panel's row area, if the panel is on screen.
    pub fn entities_area(&self) -> Option<Rect> {
        self.areas().entities.map(layout::entities_inner)
    }

    /// The list's row area, if the list is on screen.
    pub fn list_area(&self) -> Option<Rect> {
        self.areas().list.map(layout::list_inner)
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
        // The user's choice now, not the one the filter started from.
        self.filter_keep = None;
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
        self.filter_keep = self.selected.and_then(|i| self.visible.get(i).copied());
        self.fit_keys();
        let (arts, grams) = (&self.corpus.articles, &self.grams);
        let found =
            self.narrowing.start(&self.filter, &self.order, arts, grams, Some(SEARCH_SLICE));
        self.list_offset = 0;
        self.show_found(found);
    }

    /// The matches found so far as the list, the selection on the article
    /// selected when the search began once it is found, else where it is.
    fn show_found(&mut self, found: Found) {
        let current = self.selected.and_then(|i| self.visible.get(i).copied());
        self.visible = self.keep_marked(found.matches);
        self.rebuild_rows();
        let at = |a: Option<usize>| a.and_then(|a| self.visible.iter().position(|&v| v == a));
        self.selected = if self.visible.is_empty() {
            None
        } else {
            Some(at(self.filter_keep).or_else(|| at(current)).unwrap_or(0))
        };
        if found.complete {
            self.filter_keep = None;
        }
        self.relayout();
    }

    /// A place for each article's reading-state key. Articles only ever
    /// join at the end of the corpus, so the keys already made stay right;
    /// code that swaps in another corpus clears `keys` first.
    fn fit_keys(&mut self) {
        self.keys.resize_with(self.corpus.articles.len(), OnceLock::new);
    }

    /// `found` without the articles the unread or starred filter hides.
    fn keep_marked(&mut self, found: Vec<usize>) -> Vec<usize> {
        if !self.only_unread && !self.only_starred {
            return found;
        }
        self.fit_keys();
        found
            .into_iter()
            .filter(|&i| !self.only_unread || !self.is_read(i))
            .filter(|&i| !self.only_starred || self.is_starred(i))
            .collect()
    }

    /// A filter search is under way (see [`App::search_more`]).
    pub fn searching(&self) -> bool {
        self.narrowing.searching()
    }

    /// Go on with the filter's search for a slice of time. The loop calls
    /// this between frames while [`App::searching`], so typing never waits
    /// for a search through a whole corpus; the matches fill in, in order.
    pub fn search_more(&mut self) {
        let (arts, grams) = (&self.corpus.articles, &self.grams);
        if let Some(found) = self.narrowing.resume(arts, grams, Some(SEARCH_SLICE)) {
            self.show_found(found);
        }
    }

    /// The list's rows from `visible`: a heading before each day's articles.
    fn rebuild_rows(&mut self) {
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
    }

    /// Bring derived state in line with the selection and the screen size:
    /// the reader's document (re-wrapped when the article or width changed,
    /// keeping the reading position on resize) and both scroll offsets.
    fn relayout(&mut self) {
        let article = self.selected.and_then(|i| self.visible.get(i).copied());
        let width = self.reader_area().map_or(self.doc.width, |r| r.width);
        if article != self.doc.article {
            self.panel_list = self.panel_entries(article);
            self.panel_selected = 0;
            self.panel_offset = 0;
        }
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
        if self.sentence.as_ref().is_some_and(|(a, _)| Some(*a) != self.doc.article) {
            self.sentence = None;
        }
        self.keep_selection_visible();
        self.keep_panel_selection_visible();
        self.keep_fact_visible();
        let rows = self.finder_rows();
        if let Some(f) = self.finder.as_mut() {
            f.keep_visible(rows);
        }
    }

    /// The selected fact wholly in the table, and the selected story in
    /// the picker.
    fn keep_fact_visible(&mut self) {
        let (Some(g), Some(story)) = (self.compare_geometry(), self.compare_story()) else {
            return;
        };
        let heights = cmp::fact_heights(&g, story, &self.corpus.articles);
        let stories = self.entities.comparison.stories.len();
        let popup = layout::stories_popup(self.size, stories);
        let Some(c) = self.compare.as_mut() else { return };
        c.offset = cmp::keep_visible(c.offset, c.fact, &heights, usize::from(g.table.height));
        if let Some(p) = c.picker.as_mut() {
            let rows = cmp::picker_visible(popup);
            if rows > 0 {
                p.offset = p.offset.min(p.selected).max((p.selected + 1).saturating_sub(rows));
                p.offset = p.offset.min(stories.saturating_sub(rows));
            }
        }
    }

    fn keep_panel_selection_visible(&mut self) {
        let h = self.entities_area().map_or(0, |r| usize::from(r.height));
        let rows = self.panel_rows();
        let Some(sel) = rows.iter().position(|r| *r == PanelRow::Entity(self.panel_selected))
        else {
            self.panel_offset = 0;
            return;
        };
        if h == 0 {
            return;
        }
        // Show the kind heading with the first entity under it.
        let top =
            if sel > 0 && matches!(rows[sel - 1], PanelRow::Kind(..)) { sel - 1 } else { sel };
        self.panel_offset = self.panel_offset.min(top).max((sel + 1).saturating_sub(h));
        self.panel_offset = self.panel_offset.min(rows.len().saturating_sub(h));
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

/// The byte of `text` drawn at display column `x` of the line showing
/// `text[line]` (the reader draws each grapheme cleaned, at its width).
fn byte_at_column(text: &str, line: Range<usize>, x: usize) -> Option<usize> {
    use unicode_segmentation::UnicodeSegmentation;
    let slice = text.get(line.clone())?;
    let mut col = 0;
    for (off, g) in slice.grapheme_indices(true) {
        col += crate::display::width(&crate::display::clean(g));
        if x < col {
            return Some(line.start + off);
        }
    }
    None
}

/// `pos + n`, saturating at 0 and usize::MAX.
fn offset(pos: usize, n: i32) -> usize {
    let step = usize::try_from(n.unsigned_abs()).unwrap_or(usize::MAX);
    if n < 0 { pos.saturating_sub(step) } else { pos.saturating_add(step) }
}
