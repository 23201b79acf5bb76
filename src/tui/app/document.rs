//! The open article laid out for the reader: which line shows what.

use std::ops::Range;

use crate::tui::wrap::WrapLine;

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
