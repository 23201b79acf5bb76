//! The reader pane: its document laid out for the width, scrolling, and
//! [`App::relayout`], which brings everything derived in line.

use super::{App, Document, offset};
use crate::tui::wrap::{line_of, wrap};
use crate::tui::{labels, layout};

impl App {
    /// Scroll the reader so the line showing byte `offset` of the body is
    /// at the top (as far as the end of the document allows).
    pub fn scroll_to_byte(&mut self, offset: usize) {
        if let Some(i) = line_of(&self.doc.body, offset) {
            self.scroll = (self.doc.header_len() + i).min(self.max_scroll());
        }
    }

    pub fn max_scroll(&self) -> usize {
        let h = self.reader_area().map_or(0, |r| usize::from(r.height));
        self.doc.len().saturating_sub(h)
    }

    /// The help popup's scroll limit.
    pub fn help_max_scroll(&self) -> usize {
        let lines = crate::tui::help_text::line_count(&self.keymap);
        let inner = layout::help_popup(self.size, lines).height.saturating_sub(2);
        lines.saturating_sub(usize::from(inner))
    }

    /// The warnings popup's scroll limit.
    pub fn warnings_max_scroll(&self) -> usize {
        let lines = self.corpus.warnings.len();
        let inner = layout::warnings_popup(self.size, lines.max(1)).height.saturating_sub(2);
        lines.saturating_sub(usize::from(inner))
    }

    pub(super) fn page(&self) -> i32 {
        if self.warnings.is_some() && self.help.is_none() {
            let lines = self.corpus.warnings.len().max(1);
            let h = layout::warnings_popup(self.size, lines).height.saturating_sub(3);
            return i32::from(h.max(1));
        }
        if self.help.is_some() {
            let lines = crate::tui::help_text::line_count(&self.keymap);
            let h = layout::help_popup(self.size, lines).height.saturating_sub(3);
            return i32::from(h.max(1));
        }
        // Keep one line of context across a page turn.
        self.reader_area().map_or(1, |r| i32::from(r.height.saturating_sub(1).max(1)))
    }

    pub(super) fn scroll_by(&mut self, n: i32) {
        // The top layer scrolls: the help popup when it is open, else
        // the warnings popup, else the reader.
        let (pos, max) = match (self.help, self.warnings) {
            (Some(s), _) => (s, self.help_max_scroll()),
            (None, Some(s)) => (s, self.warnings_max_scroll()),
            (None, None) => (self.scroll, self.max_scroll()),
        };
        let new = offset(pos, n).min(max);
        match (self.help.as_mut(), self.warnings.as_mut()) {
            (Some(s), _) | (None, Some(s)) => *s = new,
            (None, None) => self.scroll = new,
        }
    }

    /// Bring derived state in line with the selection and the screen size:
    /// the reader's document (re-wrapped when the article or width changed,
    /// keeping the reading position on resize) and both scroll offsets.
    pub(super) fn relayout(&mut self) {
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
        if let Some(w) = self.warnings {
            self.warnings = Some(w.min(self.warnings_max_scroll()));
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
}
