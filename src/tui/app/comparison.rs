//! The comparison view over the panes: its story, fact and report, and
//! the way from a report to its sentence in the reader.

use super::{App, Focus, offset};
use crate::tui::compare::{self as cmp, CompareView, Geometry};
use crate::tui::layout;

impl App {
    /// Open the comparison of the open article's story, at the fact left
    /// last time when it is the same story, with the article's column
    /// selected.
    pub(super) fn open_compare(&mut self) {
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

    /// The comparison view shows a story of one article: nothing is
    /// compared, and the keys that walk facts and reports have nothing to do.
    pub fn compare_is_single(&self) -> bool {
        self.compare.is_some() && self.compare_story().is_some_and(|s| s.articles.len() < 2)
    }

    /// Stories of more than one article: those the picker can offer to
    /// compare.
    pub fn stories_compared(&self) -> usize {
        self.entities.comparison.stories.iter().filter(|s| s.articles.len() > 1).count()
    }

    /// The comparison view's geometry on the current screen.
    pub fn compare_geometry(&self) -> Option<Geometry> {
        let story = self.compare_story()?;
        let frame = layout::compare_frame(self.size)?;
        let names = crate::cli::compare::column_names(story, &self.corpus.articles);
        Some(cmp::geometry(frame, story, &self.corpus.articles, &names))
    }

    /// Select the fact `to(current, count)`, keeping the selected article.
    pub(super) fn select_fact(&mut self, to: impl Fn(usize, usize) -> usize) {
        let n = self.compare_story().map_or(0, |s| s.facts.len());
        if let Some(c) = self.compare.as_mut() {
            c.fact = to(c.fact, n).min(n.saturating_sub(1));
        }
    }

    /// Step through the selected fact's reports, stopping at the ends.
    pub(super) fn select_report(&mut self, step: i32) {
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
    pub(super) fn open_report(&mut self) {
        let Some(c) = &self.compare else { return };
        let Some(fact) = self.compare_story().and_then(|s| s.facts.get(c.fact)) else { return };
        let Some(r) = fact.reports.get(c.report_in(fact)) else { return };
        let (article, sentence) = (r.article, r.start..r.end);
        self.compare_left = self.compare.take();
        // The report is what the reader shows now: an entity walked before
        // would name a mention elsewhere on the status line.
        self.current = None;
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

    /// The report whose sentence the reader highlights: its fact, and the
    /// report in it. `None` once the highlight is gone.
    pub fn opened_report(&self) -> Option<(&crate::compare::Fact, &crate::compare::Report)> {
        let (article, range) = self.sentence.as_ref()?;
        let left = self.compare_left.as_ref()?;
        let fact = self.entities.story(left.story)?.facts.get(left.fact)?;
        let r = fact.reports.iter().find(|r| r.article == *article && r.start == range.start)?;
        Some((fact, r))
    }

    /// The selected fact wholly in the table, and the selected story in
    /// the picker.
    pub(super) fn keep_fact_visible(&mut self) {
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
                p.offset = p.offset.min(p.shown.len().saturating_sub(rows));
            }
        }
    }
}
