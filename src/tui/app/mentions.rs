//! The entity walk (`n`/`N`, a click on a mention): which mention is
//! current, and the reader brought to it.

use std::ops::Range;

use super::{App, Current, DocLine, Focus};
use crate::index::MentionRef;
use crate::tui::wrap::line_of;

impl App {
    /// A click on the reader's text: focus the reader, and when the click
    /// is on a mention of an entity, make it current and show it as a
    /// finder jump does (so `n`/`N` walk on from there).
    pub(super) fn click_reader(&mut self, x: u16, y: u16) {
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

    /// The entity `n`/`N` walk and its mention at the current position.
    pub fn current_mention(&self) -> Option<(usize, MentionRef)> {
        let c = self.current?;
        let at = *self.entities.order.get(c.entity)?.get(c.pos)?;
        Some((c.entity, at))
    }

    /// Step to the next (or previous) mention of the current entity in
    /// date order, coming round at the ends.
    pub(super) fn step_mention(&mut self, forward: bool) {
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
    pub(super) fn show_current(&mut self) {
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
    pub(super) fn scroll_to_mention(&mut self, offset: usize) {
        const CONTEXT: usize = 2;
        if let Some(i) = line_of(&self.doc.body, offset) {
            let line = self.doc.header_len() + i;
            self.scroll = line.saturating_sub(CONTEXT).min(self.max_scroll());
        }
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
