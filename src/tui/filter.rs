//! The list filter's search: the query anywhere in an article's title,
//! outlet or body, ignoring case, without keeping a lower-cased copy of
//! every body. Typing a character searches only what the query matched so
//! far, and Backspace returns to an earlier result without searching, so a
//! keystroke stays cheap on a large corpus.

use std::time::{Duration, Instant};

use aho_corasick::AhoCorasick;
use regex::{Regex, RegexBuilder};

use super::grams::{Grams, Needed};
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
/// Articles looked at between two looks at the clock.
const SLICE: usize = 64;

/// A search under way: the candidates in list order, how far it has
/// looked, and what it found so far (in list order too).
#[derive(Debug)]
struct Search {
    query: String,
    matcher: Matcher,
    needed: Option<Needed>,
    base: Vec<usize>,
    next: usize,
    found: Vec<usize>,
}

/// The results of the queries typed so far, each narrowing the last, and
/// the search under way, which goes on a slice of time at a time so that
/// a keystroke never waits for a whole corpus to be read.
#[derive(Debug, Default)]
pub struct Narrowing {
    steps: Vec<(String, Vec<usize>)>,
    running: Option<Search>,
}

/// What a search found so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Matches, in list order.
    pub matches: Vec<usize>,
    /// Every candidate was looked at.
    pub complete: bool,
}

impl Narrowing {
    /// Forget every result and stop searching (the articles changed).
    pub fn clear(&mut self) {
        self.steps.clear();
        self.running = None;
    }

    pub fn searching(&self) -> bool {
        self.running.is_some()
    }

    /// Search for `query` among `order` (indices into `articles`, in list
    /// order) for at most `budget` (`None`: to the end); `grams` rules
    /// articles out without reading them. Continue with [`Narrowing::resume`].
    pub fn start(
        &mut self,
        query: &str,
        order: &[usize],
        articles: &[Article],
        grams: &Grams,
        budget: Option<Duration>,
    ) -> Found {
        // What the search under way has not ruled out yet, when this query
        // extends its own.
        let unfinished =
            self.running.take().filter(|s| query.starts_with(s.query.as_str())).map(|s| {
                let mut left = s.found;
                left.extend_from_slice(&s.base[s.next..]);
                (s.query, left)
            });
        if query.is_empty() {
            self.steps.clear();
            return Found { matches: order.to_vec(), complete: true };
        }
        while self.steps.last().is_some_and(|(q, _)| !query.starts_with(q.as_str())) {
            self.steps.pop();
        }
        if let Some((q, found)) = self.steps.last()
            && q == query
        {
            return Found { matches: found.clone(), complete: true };
        }
        // What a shorter query matched holds everything this one can: the
        // tightest such list is the base.
        let done = self.steps.last().map(|(q, f)| (q.len(), f.as_slice()));
        let base = match (&unfinished, done) {
            (Some((q, left)), Some((n, _))) if q.len() > n => left.clone(),
            (Some((_, left)), None) => left.clone(),
            (_, Some((_, found))) => found.to_vec(),
            (None, None) => order.to_vec(),
        };
        self.running = Some(Search {
            query: query.to_string(),
            matcher: Matcher::new(query),
            needed: Grams::needed(query),
            base,
            next: 0,
            found: Vec::new(),
        });
        self.resume(articles, grams, budget)
            .unwrap_or(Found { matches: Vec::new(), complete: true })
    }

    /// Go on with the search under way for at most `budget`; `None` when
    /// there is none.
    pub fn resume(
        &mut self,
        articles: &[Article],
        grams: &Grams,
        budget: Option<Duration>,
    ) -> Option<Found> {
        let s = self.running.as_mut()?;
        let until = budget.map(|b| Instant::now() + b);
        while s.next < s.base.len() {
            let end = (s.next + SLICE).min(s.base.len());
            for &i in &s.base[s.next..end] {
                let maybe = s.needed.as_ref().is_none_or(|n| grams.may_contain(i, n));
                if maybe && articles.get(i).is_some_and(|a| s.matcher.matches(a)) {
                    s.found.push(i);
                }
            }
            s.next = end;
            if until.is_some_and(|u| Instant::now() >= u) {
                break;
            }
        }
        if s.next < s.base.len() {
            return Some(Found { matches: s.found.clone(), complete: false });
        }
        let s = self.running.take()?;
        if self.steps.len() >= STEPS {
            self.steps.remove(0);
        }
        self.steps.push((s.query, s.found.clone()));
        Some(Found { matches: s.found, complete: true })
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
        let g = Grams::build(&arts);
        let matches = |n: &mut Narrowing, q: &str| n.start(q, &order, &arts, &g, None).matches;
        assert_eq!(matches(&mut n, "i"), [2, 0, 1]);
        assert_eq!(matches(&mut n, "ir"), [0, 1]);
        assert_eq!(matches(&mut n, "ira"), [0, 1]);
        assert_eq!(matches(&mut n, "iraq"), [0]);
        assert_eq!(matches(&mut n, "ira"), [0, 1], "back a step");
        assert_eq!(matches(&mut n, "is"), [2], "a different branch");
        assert_eq!(matches(&mut n, ""), [2, 0, 1]);
    }

    #[test]
    fn a_search_goes_on_where_it_stopped_and_typing_builds_on_it() {
        let arts: Vec<Article> = (0..500)
            .map(|i| art(&format!("t{i}"), None, if i % 2 == 0 { "rain" } else { "sun" }))
            .collect();
        let order: Vec<usize> = (0..arts.len()).collect();
        let g = Grams::build(&arts);
        let mut n = Narrowing::default();
        // No time at all: one slice, then the rest a slice at a time.
        let first = n.start("r", &order, &arts, &g, Some(Duration::ZERO));
        assert!(!first.complete && n.searching());
        assert_eq!(first.matches, (0..64).filter(|i| i % 2 == 0).collect::<Vec<_>>());
        // Typing on builds on what is left, and ends with the full answer.
        let more = n.start("ra", &order, &arts, &g, Some(Duration::ZERO));
        assert!(!more.complete);
        let mut last = more;
        while let Some(f) = n.resume(&arts, &g, Some(Duration::ZERO)) {
            last = f;
            if last.complete {
                break;
            }
        }
        assert!(last.complete && !n.searching());
        assert_eq!(last.matches, (0..500).filter(|i| i % 2 == 0).collect::<Vec<_>>());
        assert_eq!(n.start("ra", &order, &arts, &g, Some(Duration::ZERO)).matches.len(), 250);
    }
}
