//! The entity finder's state and ranking: a query typed against every
//! entity's name and aliases, best first.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::index::Entity;

/// One entity the query matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into the corpus' entities.
    pub entity: usize,
    pub score: i64,
    /// The alias (index into `Entity::aliases`) that matched best, when it
    /// beat the canonical name; `None` is the name.
    pub alias: Option<usize>,
    /// Char indices into the matched text (name or alias), ascending.
    pub indices: Vec<usize>,
}

/// The open finder popup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Finder {
    pub query: String,
    pub hits: Vec<Hit>,
    /// Index into `hits`.
    pub selected: usize,
    /// First hit on screen.
    pub offset: usize,
}

impl Finder {
    pub fn new(entities: &[Entity]) -> Finder {
        Finder { hits: rank(entities, ""), ..Finder::default() }
    }

    /// Re-rank after the query changed; the best hit is selected.
    pub fn set_query(&mut self, entities: &[Entity], query: String) {
        self.hits = rank(entities, &query);
        self.query = query;
        self.selected = 0;
        self.offset = 0;
    }

    pub fn selected_hit(&self) -> Option<&Hit> {
        self.hits.get(self.selected)
    }

    /// Move the selection by `n`, within the hits, keeping it among the
    /// `rows` hits on screen.
    pub fn select_by(&mut self, n: i32, rows: usize) {
        let last = self.hits.len().saturating_sub(1);
        let step = usize::try_from(n.unsigned_abs()).unwrap_or(usize::MAX);
        self.selected = if n < 0 {
            self.selected.saturating_sub(step)
        } else {
            self.selected.saturating_add(step)
        }
        .min(last);
        self.keep_visible(rows);
    }

    /// Scroll so the selection is among the `rows` hits shown.
    pub fn keep_visible(&mut self, rows: usize) {
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        }
        if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        self.offset = self.offset.min(self.hits.len().saturating_sub(rows));
    }
}

/// Rank `entities` against `query`: each entity scores its best match over
/// the name and every alias, ties going to the more mentioned. An empty
/// query lists every entity by mention count.
pub fn rank(entities: &[Entity], query: &str) -> Vec<Hit> {
    let query = query.trim();
    let mut hits: Vec<Hit> = if query.is_empty() {
        (0..entities.len())
            .map(|entity| Hit { entity, score: 0, alias: None, indices: Vec::new() })
            .collect()
    } else {
        let matcher = SkimMatcherV2::default();
        entities
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let name = matcher.fuzzy_indices(&e.name, query).map(|(s, ix)| (s, None, ix));
                let aliases = e.aliases.iter().enumerate().filter_map(|(a, text)| {
                    matcher.fuzzy_indices(text, query).map(|(s, ix)| (s, Some(a), ix))
                });
                // The name wins ties: it is what the row shows first.
                name.into_iter()
                    .chain(aliases)
                    .fold(None, |best: Option<(i64, Option<usize>, Vec<usize>)>, m| match best {
                        Some(b) if b.0 >= m.0 => Some(b),
                        _ => Some(m),
                    })
                    .map(|(score, alias, indices)| Hit { entity: i, score, alias, indices })
            })
            .collect()
    };
    hits.sort_by(|a, b| {
        let (ea, eb) = (&entities[a.entity], &entities[b.entity]);
        b.score
            .cmp(&a.score)
            .then(eb.mentions.len().cmp(&ea.mentions.len()))
            .then(ea.name.cmp(&eb.name))
    });
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Kind;

    fn entity(name: &str, aliases: &[&str], mentions: usize) -> Entity {
        Entity {
            id: String::new(),
            name: name.into(),
            kind: Kind::Place,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            mentions: (0..mentions)
                .map(|m| crate::index::MentionRef { article: 0, mention: m })
                .collect(),
            articles: vec![0],
        }
    }

    #[test]
    fn empty_query_lists_by_mentions() {
        let es = [entity("Iraq", &[], 3), entity("Iran", &[], 9), entity("Gaza", &[], 3)];
        let order: Vec<usize> = rank(&es, "").iter().map(|h| h.entity).collect();
        assert_eq!(order, [1, 2, 0]);
    }

    #[test]
    fn best_of_name_and_aliases_wins() {
        let es = [entity("United States", &["U.S.", "US"], 50), entity("Iraq", &[], 3)];
        let hits = rank(&es, "us");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].alias, Some(1), "\"US\" matches better than the name");
        assert_eq!(hits[0].indices, [0, 1]);
        let hits = rank(&es, "united");
        assert_eq!(hits[0].alias, None);
        assert_eq!(hits[0].indices, [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn selection_stays_in_view() {
        let es: Vec<Entity> = (0..10).map(|i| entity(&format!("E{i}"), &[], 1)).collect();
        let mut f = Finder::new(&es);
        f.select_by(7, 3);
        assert_eq!((f.selected, f.offset), (7, 5));
        f.select_by(-6, 3);
        assert_eq!((f.selected, f.offset), (1, 1));
        f.select_by(99, 3);
        assert_eq!((f.selected, f.offset), (9, 7));
    }
}
