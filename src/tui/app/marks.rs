//! What the user has read and starred: each article's key into the
//! [`ReadingState`], made when first needed.

use super::{App, Focus};
use crate::state::{Key, ReadingState};

impl App {
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
    pub(super) fn key(&self, a: usize) -> Option<&Key> {
        let article = self.corpus.articles.get(a)?;
        Some(self.keys.get(a)?.get_or_init(|| Key::of(article)))
    }

    pub(super) fn set_read(&mut self, a: usize, read: bool) {
        if let Some(k) = self.key(a).cloned() {
            self.reading_changed |= self.reading.set_read(&k, read);
        }
    }

    pub(super) fn set_starred(&mut self, a: usize, starred: bool) {
        if let Some(k) = self.key(a).cloned() {
            self.reading_changed |= self.reading.set_starred(&k, starred);
        }
    }

    /// An article shown in the focused reader is read: mark it, once per
    /// opening, so `m` can make the open article unread again.
    pub(super) fn mark_opened_read(&mut self) {
        if self.focus == Focus::Reader
            && self.compare.is_none()
            && let Some(a) = self.doc.article
            && self.opened != Some(a)
        {
            self.opened = Some(a);
            self.set_read(a, true);
        }
    }
}
