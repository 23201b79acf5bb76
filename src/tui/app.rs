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

use super::action::Context;
use super::compare::CompareView;
use super::entities::Entities;
use super::filter::Narrowing;
use super::finder::Finder;
use super::grams::Grams;
use super::keymap::Keymap;
use super::layout;
use super::loader::Progress;
use super::outside::Effect;
use crate::analysis::Kind;
use crate::corpus::{Article, Corpus};
use crate::state::{Key, ReadingState};

mod comparison;
mod document;
mod effects;
mod fetching;
mod list;
mod marks;
mod mentions;
mod panel;
mod reader;
mod receive;
mod update;

pub use super::focus::Focus;
pub use document::{DocLine, Document};
pub use fetching::FetchState;

/// Time a keystroke may spend on the filter's search before its frame is
/// drawn; the search goes on between frames ([`App::search_more`]).
pub const SEARCH_SLICE: std::time::Duration = std::time::Duration::from_millis(6);

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
    /// `Some(scroll)` while the warnings popup is open.
    pub warnings: Option<usize>,
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
    /// `R`: the background fetch of the subscriptions.
    pub fetch: FetchState,
    /// Each article's key into `reading`, by index into `corpus.articles`,
    /// made when first asked for ([`App::key`]): a key hashes the whole
    /// text, so only the articles drawn or marked are hashed, never the
    /// whole corpus at once on this thread. Code that swaps the corpus
    /// empties it ([`App::fit_keys`]).
    keys: Vec<OnceLock<Key>>,
    /// The article last marked read by being opened, so that `m` on the
    /// open article is not undone at once.
    opened: Option<usize>,
    /// Until the user moves, the selection stays on the newest article at
    /// the top while articles arrive, whatever order they are read in, so
    /// every start looks the same.
    follow_newest: bool,
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
            warnings: None,
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
            fetch: FetchState::default(),
            keys: Vec::new(),
            opened: None,
            follow_newest: true,
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
        } else if self.warnings.is_some() {
            vec![Context::Warnings, Context::Any]
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

    /// The panes on screen now.
    pub fn areas(&self) -> layout::Areas {
        layout::areas(self.size, self.focus, self.panel)
    }

    /// Hits the finder has room for at the current size.
    fn finder_rows(&self) -> usize {
        layout::finder_hit_rows(layout::finder_popup(self.size))
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
}

/// `pos + n`, saturating at 0 and usize::MAX.
fn offset(pos: usize, n: i32) -> usize {
    let step = usize::try_from(n.unsigned_abs()).unwrap_or(usize::MAX);
    if n < 0 { pos.saturating_sub(step) } else { pos.saturating_add(step) }
}
