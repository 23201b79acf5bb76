//! The list filter's search: the query anywhere in an article's title,
//! outlet or body, ignoring case, without keeping a lower-cased copy of
//! every body. Typing a character searches only what the query matched so
//! far, and Backspace returns to an earlier result without searching, so a
//! keystroke stays cheap on a large corpus.

use aho_corasick::AhoCorasick;
use regex::{Regex, RegexBuilder};

use crate::corpus::Article;

/// One query, ready to test articles with.
#[derive(Debug)]
pub enum Matcher {
    /// An empty query matches everything.
    All,
    /// An ASCII query: the fast case-insensitive substring search.
    Ascii(AhoCorasick),
    /// Anything else: Unicode case folding.
    Unicode(Regex),
    /// A query that cannot be searched for (it cannot happen with an
    /// escaped literal; kept so nothing panics).
    Nothing,
}

impl Matcher {
    pub fn new(query: &str) -> Matcher {
        if query.is_empty() {
            return Matcher::All;
        }
        if query.is_ascii() {
            let built = AhoCorasick::builder().ascii_case_insensitive(true).build([query]);
            return built.map_or(Matcher::Nothing, Matcher::Ascii);
        }
        RegexBuilder::new(&regex::escape(query))
            .case_insensitive(true)
            .build()
            .map_or(Matcher::Nothing, Matcher::Unicode)
    }

    pub fn is_match(&self, text: &str) -> bool {
        match self {
            Matcher::All => true,
            Matcher::Ascii(ac) => ac.is_match(text),
            Matcher::Unicode(re) => re.is_match(text),
            Matcher::Nothing => false,
        }
    }

    pub fn matches(&self, a: &Article) -> bool {
        self.is_match(&a.title)
            || a.outlet.as_deref().is_some_and(|o| self.is_match(o))
            || self.is_match(&a.body)
    }
}

/// Most queries remembered: one per character typed, up to this many.
const STEPS: usize = 64;

/// The results of the queries typed so far, each narrowing the last.
#[derive(Debug, Default, Clone)]
pub struct Narrowing {
    steps: Vec<(String, Vec<usize>)>,
}

impl Narrowing {
    /// Forget every result (the articles changed).
    pub fn clear(&mut self) {
        self.steps.clear();
    }

    /// The articles among `order` (indices into `articles`, in list order)
    /// that `query` matches, in the same order.
    pub fn matches(&mut self, query: &str, order: &[usize], articles: &[Article]) -> Vec<usize> {
        if query.is_empty() {
            self.steps.clear();
            return order.to_vec();
        }
        while self.steps.last().is_some_and(|(q, _)| !query.starts_with(q.as_str())) {
            self.steps.pop();
        }
        if let Some((q, found)) = self.steps.last()
            && q == query
        {
            return found.clone();
        }
        // What a shorter query matched holds everything this one can.
        let base = self.steps.last().map_or(order, |(_, found)| found.as_slice());
        let m = Matcher::new(query);
        let found: Vec<usize> = base
            .iter()
            .copied()
            .filter(|&i| articles.get(i).is_some_and(|a| m.matches(a)))
            .collect();
        if self.steps.len() >= STEPS {
            self.steps.remove(0);
        }
        self.steps.push((query.to_string(), found.clone()));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(title: &str, outlet: Option<&str>, body: &str) -> Article {
        Article {
            id: String::new(),
            path: "a.txt".into(),
            title: title.into(),
            outlet: outlet.map(Into::into),
            date: None,
            url: None,
            author: None,
            body: body.into(),
        }
    }

    #[test]
    fn case_is_ignored_in_title_outlet_and_body() {
        let a = art("Rocket Attack", Some("CNN"), "Several were ÉVACUÉS from the base.");
        for q in ["rocket", "ATTACK", "cnn", "évacués", "Évacués", "the base"] {
            assert!(Matcher::new(q).matches(&a), "{q}");
        }
        for q in ["rockets", "fox", "évacuées"] {
            assert!(!Matcher::new(q).matches(&a), "{q}");
        }
        assert!(Matcher::new("").matches(&a));
    }

    #[test]
    fn typing_narrows_and_backspace_returns() {
        let arts = vec![art("Iraq", None, "x"), art("Iran", None, "x"), art("Israel", None, "x")];
        let order = [2, 0, 1];
        let mut n = Narrowing::default();
        assert_eq!(n.matches("i", &order, &arts), [2, 0, 1]);
        assert_eq!(n.matches("ir", &order, &arts), [0, 1]);
        assert_eq!(n.matches("ira", &order, &arts), [0, 1]);
        assert_eq!(n.matches("iraq", &order, &arts), [0]);
        assert_eq!(n.matches("ira", &order, &arts), [0, 1], "back a step");
        assert_eq!(n.matches("is", &order, &arts), [2], "a different branch");
        assert_eq!(n.matches("", &order, &arts), [2, 0, 1]);
    }
}
