//! The article list: selection, the filters and the rows they leave.

use std::sync::OnceLock;

use super::{App, Focus, ListRow, SEARCH_SLICE, offset};
use crate::tui::filter::Found;

impl App {
    /// Show every article again: a jump to one the list hides needs it.
    pub(super) fn clear_filters(&mut self) {
        self.filter.clear();
        self.filter_editing = false;
        self.only_unread = false;
        self.only_starred = false;
        self.apply_filter();
    }

    pub(super) fn list_page(&self) -> i32 {
        self.list_area().map_or(1, |r| i32::from(r.height.saturating_sub(1).max(1)))
    }

    pub(super) fn select_by(&mut self, n: i32) {
        if let Some(cur) = self.selected {
            self.select(offset(cur, n));
        }
    }

    pub(super) fn select(&mut self, i: usize) {
        if self.visible.is_empty() {
            return;
        }
        // The user's choice now, not the one the filter started from.
        self.filter_keep = None;
        self.selected = Some(i.min(self.visible.len() - 1));
        self.relayout();
    }

    pub(super) fn click_list(&mut self, row: u16) {
        if let Some(ListRow::Article(a)) = self.rows.get(self.list_offset + usize::from(row))
            && let Some(i) = self.visible.iter().position(|v| v == a)
        {
            self.focus = Focus::List;
            self.select(i);
        }
    }

    /// Recompute the visible articles and rows after the filter changed,
    /// keeping the selection when it still matches.
    pub(super) fn apply_filter(&mut self) {
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
    pub(super) fn show_found(&mut self, found: Found) {
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
    pub(super) fn fit_keys(&mut self) {
        self.keys.resize_with(self.corpus.articles.len(), OnceLock::new);
    }

    /// `found` without the articles the unread or starred filter hides.
    pub(super) fn keep_marked(&mut self, found: Vec<usize>) -> Vec<usize> {
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
    pub(super) fn rebuild_rows(&mut self) {
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

    pub(super) fn keep_selection_visible(&mut self) {
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
