//! The entity panel: the open article's entities, grouped by kind.

use super::{App, Current, PanelRow};
use crate::analysis::Kind;

impl App {
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

    pub(super) fn panel_kind(&self, i: usize) -> Kind {
        let e = self.panel_list.get(i).map_or(usize::MAX, |p| p.0);
        self.entities.entity(e).map_or(Kind::Org, |e| e.kind)
    }

    /// The open article's entities grouped by kind; within a kind, the
    /// most mentioned here first, then across the corpus, then by name.
    pub(super) fn panel_entries(&self, article: Option<usize>) -> Vec<(usize, usize)> {
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

    pub(super) fn panel_select(&mut self, i: usize) {
        self.panel_selected = i.min(self.panel_list.len().saturating_sub(1));
    }

    /// Make the panel's selected entity current, at its first mention in
    /// the open article.
    pub(super) fn open_panel_entity(&mut self) {
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

    pub(super) fn keep_panel_selection_visible(&mut self) {
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
}
