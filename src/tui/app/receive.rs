//! [`App::receive`]: the one place the background loader's results enter
//! the reader's state, as [`App::update`] is for the user's actions. The
//! list grows and re-sorts as articles arrive while the selection stays on
//! the article it was on, at the same height on screen.

use std::cmp::Ordering;
use std::sync::Arc;

use super::{App, SEARCH_SLICE};
use crate::corpus::{Article, Corpus};
use crate::tui::action::Action;
use crate::tui::entities::Entities;
use crate::tui::grams::Grams;
use crate::tui::labels::short_outlet;
use crate::tui::loader::{Progress, Update};

impl App {
    /// Apply one result of the background loader.
    pub fn receive(&mut self, update: Update) {
        let progress = self.loading.get_or_insert_with(Progress::default);
        match update {
            Update::Listed { sources } => progress.sources = Some(sources),
            Update::Read { articles, sources_done } => {
                progress.sources_done = sources_done;
                self.append(articles);
            }
            Update::Loaded(corpus) => {
                progress.articles = Some(corpus.articles.len());
                self.adopt(corpus);
            }
            Update::Searchable(grams) => {
                if grams.len() == self.corpus.articles.len() {
                    self.grams = grams;
                }
            }
            Update::Analysed { start, mentions, done } => {
                progress.analysed = done;
                for (k, m) in mentions.into_iter().enumerate() {
                    if let Some(an) = self.entities.analyses.get_mut(start + k) {
                        an.mentions = m;
                    }
                }
            }
            Update::Entities { index, order } => {
                progress.entities = true;
                self.entities.index = index;
                self.entities.order = order;
                self.panel_list = self.panel_entries(self.doc.article);
                self.panel_selected = 0;
            }
            Update::Comparison(c) => {
                progress.comparison = true;
                self.entities.comparison = c;
            }
            Update::Done { cache_problems } => {
                self.cache_problems = cache_problems;
                self.loading = None;
                // Nothing to read: the run ends with an error, as it would
                // have had the reader waited for loading.
                if self.corpus.articles.is_empty() {
                    self.quit = true;
                }
            }
        }
        self.relayout();
    }

    /// Why `action` cannot be done yet, when it needs what the loader has
    /// not delivered.
    pub(super) fn not_known_yet(&self, action: Action) -> Option<String> {
        let p = self.loading.as_ref()?;
        let what = match action {
            Action::FinderOpen if !p.entities => "Entities",
            Action::EntityPanel if !p.entities && !self.panel => "Entities",
            Action::CompareOpen if !p.comparison => "Stories",
            _ => return None,
        };
        // How far loading is shows on the right of the status line.
        Some(format!("{what} are not known yet (still loading)"))
    }

    /// Articles just read: into the list in order, the selection kept.
    pub(super) fn append(&mut self, batch: Vec<Article>) {
        if batch.is_empty() {
            return;
        }
        let anchor = self.anchor();
        let first = self.corpus.articles.len();
        self.widest_outlet = self.widest_outlet.max(widest_outlet(&batch));
        // While loading, the app alone holds the corpus: no copy is made.
        Arc::make_mut(&mut self.corpus).articles.extend(batch);
        self.fit_keys();
        let arts = &self.corpus.articles;
        let before = |a: usize, b: usize| arriving_order(&arts[a], &arts[b]).then(a.cmp(&b));
        let mut new: Vec<usize> = (first..arts.len()).collect();
        new.sort_by(|&a, &b| before(a, b));
        self.order = merge(&self.order, &new, before);
        if self.filter.is_empty() && !self.only_unread && !self.only_starred {
            self.visible = merge(&self.visible, &new, before);
        } else {
            // A search over the grown list (it goes on between frames).
            self.narrowing.clear();
            let arts = &self.corpus.articles;
            let found = self.narrowing.start(
                &self.filter,
                &self.order,
                arts,
                &self.grams,
                Some(SEARCH_SLICE),
            );
            self.visible = self.keep_marked(found.matches);
        }
        self.rebuild_rows();
        self.restore(anchor, |_, a| Some(a));
    }

    /// The finished corpus replaces the articles read so far.
    fn adopt(&mut self, corpus: Arc<Corpus>) {
        let anchor = self.anchor();
        let old = std::mem::replace(&mut self.corpus, corpus);
        // Indices into the old articles mean nothing now.
        self.keys.clear();
        self.fit_keys();
        self.opened = None;
        let arts = &self.corpus.articles;
        self.order = (0..arts.len()).collect();
        self.widest_outlet = widest_outlet(arts);
        self.narrowing.clear();
        self.grams = Grams::default();
        let found =
            self.narrowing.start(&self.filter, &self.order, arts, &self.grams, Some(SEARCH_SLICE));
        let n = arts.len();
        self.visible = self.keep_marked(found.matches);
        self.rebuild_rows();
        self.entities = Entities::pending(n);
        // The same article: same file, same text.
        let find = |app: &App, was: usize| {
            let a = old.articles.get(was)?;
            let path = a.path.as_os_str();
            app.corpus.articles.iter().position(|b| b.path.as_os_str() == path && b.body == a.body)
        };
        let open = self.doc.article.and_then(|was| find(self, was));
        // Indices into the old list mean nothing now.
        self.filter_keep = None;
        self.restore(anchor, find);
        // The reader keeps its place: the text is the same.
        if open.is_some() && open == self.visible.get(self.selected.unwrap_or(usize::MAX)).copied()
        {
            self.doc.article = open;
        }
        // Freeing a hundred thousand articles takes a while: not here.
        std::thread::spawn(move || drop(old));
    }

    /// The selected article and its row's height on screen.
    fn anchor(&self) -> Option<(usize, usize)> {
        let article = self.visible.get(self.selected?).copied()?;
        let row = self.selected_row()?.saturating_sub(self.list_offset);
        Some((article, row))
    }

    /// Select the anchor's article again (`find` maps it to its new index)
    /// at the same height on screen; the first article when there was none,
    /// it is gone, or the user has not moved yet.
    fn restore(
        &mut self,
        anchor: Option<(usize, usize)>,
        find: impl Fn(&App, usize) -> Option<usize>,
    ) {
        let anchor = anchor.filter(|_| !self.follow_newest);
        let at = anchor.and_then(|(a, row)| {
            let now = find(self, a)?;
            Some((self.visible.iter().position(|&v| v == now)?, row))
        });
        match at {
            Some((i, row)) => {
                self.selected = Some(i);
                self.list_offset = self.selected_row().map_or(0, |r| r.saturating_sub(row));
            }
            None => {
                self.selected = (!self.visible.is_empty()).then_some(0);
                self.list_offset = 0;
            }
        }
    }
}

/// The list's order for articles not yet finished (no ids): newest first,
/// undated last, then by path and position in the file.
fn arriving_order(a: &Article, b: &Article) -> Ordering {
    match (a.date, b.date) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    // Bytes, not path components: cheaper, and any fixed order will do.
    .then_with(|| a.path.as_os_str().cmp(b.path.as_os_str()))
}

/// Two lists each in `before` order, as one.
fn merge(a: &[usize], b: &[usize], before: impl Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if before(b[j], a[i]) == Ordering::Less {
            out.push(b[j]);
            j += 1;
        } else {
            out.push(a[i]);
            i += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// The widest short outlet name among `articles`: each distinct outlet
/// measured once (a corpus has few, and finding a short name takes a look
/// through the outlet table).
pub(super) fn widest_outlet(articles: &[Article]) -> usize {
    let mut seen: std::collections::HashSet<Option<&str>> = std::collections::HashSet::new();
    let mut widest = 0;
    for a in articles {
        if seen.insert(a.outlet.as_deref()) {
            widest = widest.max(crate::display::width(&short_outlet(a)));
        }
    }
    widest
}
