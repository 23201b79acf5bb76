//! What the reader knows about the corpus beyond its text: every article's
//! mentions, the entities they name, and the stories and facts the
//! comparison finds, computed once.
//!
//! [`Entities::of`] computes it all at once (for tests and small corpora);
//! the reader's background loader ([`super::loader`]) fills the same
//! fields in as each result arrives.

use crate::analysis::{self, Analysis, Mention};
use crate::compare::{self, Comparison, Story};
use crate::corpus::Article;
use crate::index::{self, Entity, Index, MentionRef};

#[derive(Debug, Clone, Default)]
pub struct Entities {
    /// One per article, in the corpus' order.
    pub analyses: Vec<Analysis>,
    pub index: Index,
    /// Per entity, its mentions in reading order across the corpus: oldest
    /// article first, undated last, then text order. `n`/`N` walk this.
    pub order: Vec<Vec<MentionRef>>,
    /// Stories and their facts, from the same analyses.
    pub comparison: Comparison,
}

impl Entities {
    /// Analyse `articles` and resolve their entities.
    pub fn of(articles: &[Article]) -> Entities {
        let analyses = analysis::analyze_all(articles);
        let index = index::of_corpus(articles, &analyses);
        let order = order_of(articles, &index);
        let comparison = compare::compare(articles, &analyses);
        Entities { analyses, index, order, comparison }
    }

    /// Nothing known yet about `n` articles: no mentions, no entities, no
    /// stories.
    pub fn pending(n: usize) -> Entities {
        Entities { analyses: vec![Analysis::default(); n], ..Entities::default() }
    }

    /// The story (index into the comparison's stories) article `a` is in.
    pub fn story_of(&self, a: usize) -> Option<usize> {
        self.comparison.story_of.get(a).copied().filter(|&s| s < self.comparison.stories.len())
    }

    pub fn story(&self, s: usize) -> Option<&Story> {
        self.comparison.stories.get(s)
    }

    /// The mentions of article `a`, in text order (empty if unknown).
    pub fn mentions(&self, a: usize) -> &[Mention] {
        self.analyses.get(a).map_or(&[], |an| an.mentions.as_slice())
    }

    pub fn mention(&self, at: MentionRef) -> Option<Mention> {
        self.mentions(at.article).get(at.mention).copied()
    }

    pub fn entity(&self, e: usize) -> Option<&Entity> {
        self.index.entities.get(e)
    }

    /// The entity a mention names (dates and numbers name none).
    pub fn entity_of(&self, at: MentionRef) -> Option<usize> {
        *self.index.entity_of.get(at.article)?.get(at.mention)?
    }

    /// The entities named in article `a` with how often each is mentioned
    /// there, in order of first mention.
    pub fn in_article(&self, a: usize) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for e in self.index.entity_of.get(a).into_iter().flatten().flatten() {
            match out.iter_mut().find(|(x, _)| x == e) {
                Some((_, n)) => *n += 1,
                None => out.push((*e, 1)),
            }
        }
        out
    }
}

/// Per entity, its mentions in reading order across the corpus: oldest
/// article first, undated last, then text order.
pub fn order_of(articles: &[Article], index: &Index) -> Vec<Vec<MentionRef>> {
    index
        .entities
        .iter()
        .map(|e| {
            let mut refs = e.mentions.clone();
            // Stable: articles of one day keep the list's order, and
            // mentions within an article keep text order.
            refs.sort_by_key(|r| {
                let date = articles.get(r.article).and_then(|a| a.date);
                (date.is_none(), date)
            });
            refs
        })
        .collect()
}
