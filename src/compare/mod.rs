//! Comparison: stories (articles about one event) and, inside each, facts
//! lined up per article with their values, and whether the articles agree.
//!
//! Plain data in (articles and their analyses), plain data out; the reader
//! and the `compare` command both show a [`Comparison`].

mod counts;
pub mod facts;
pub mod stories;
pub mod terms;

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::analysis::values::Value;
use crate::analysis::{Analysis, Kind};
use crate::corpus::Article;
use facts::{RawFact, SentenceTerms};
use terms::{Term, Vocab};

/// Every story of a corpus.
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    /// Most articles first, then newest.
    pub stories: Vec<Story>,
    /// The story (index into `stories`) of each article of the corpus.
    pub story_of: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct Story {
    /// "s1", "s2", … in `stories` order.
    pub id: String,
    /// The headline of the article closest to the story's centre.
    pub title: String,
    /// Corpus indices, oldest first, undated last.
    pub articles: Vec<usize>,
    pub facts: Vec<Fact>,
    /// First and last publication dates, when any article has one.
    pub dates: Option<(NaiveDate, NaiveDate)>,
}

#[derive(Debug, Clone)]
pub struct Fact {
    /// "f1", "f2", … unique in the corpus.
    pub id: String,
    /// A few words that name it: "injured", "killed Jordan".
    pub label: String,
    pub status: Status,
    /// One per article that states it, in the story's article order.
    pub reports: Vec<Report>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Every report that gives a value gives the same one.
    Agree,
    /// The reports give different values for the same thing.
    Differ,
    /// Only one article states it.
    Single,
}

impl Status {
    /// The marker the reader and the tables show.
    pub fn marker(self) -> &'static str {
        match self {
            Status::Agree => "=",
            Status::Differ => "≠",
            Status::Single => "·",
        }
    }
}

/// One article's statement of a fact.
#[derive(Debug, Clone)]
pub struct Report {
    /// Corpus index of the article.
    pub article: usize,
    /// The sentence, as a byte span into the article's body.
    pub start: usize,
    pub end: usize,
    /// Where in the sentence the fact's key word is.
    pub anchor: (usize, usize),
    /// Numbers, dates and names in the sentence, in text order.
    pub values: Vec<ReportValue>,
    /// The value (index into `values`) compared across reports: the count
    /// nearest the key word.
    pub compared: Option<usize>,
}

impl Report {
    /// What a view of the report must keep in sight: the compared value
    /// where the fact's reports differ on it, else the key word.
    pub fn focus(&self, status: Status) -> usize {
        let value =
            self.compared.and_then(|i| self.values.get(i)).filter(|_| status == Status::Differ);
        value.map_or(self.anchor.0, |v| v.start).clamp(self.start, self.end.max(self.start))
    }
}

/// A value or name a report gives, as a byte span into the body.
#[derive(Debug, Clone)]
pub struct ReportValue {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Bounds and resolved dates, for numbers and dates.
    pub value: Option<Value>,
}

/// Tuning of both stages.
#[derive(Default)]
pub struct Params {
    pub stories: stories::Params,
    pub facts: facts::Params,
    /// Stories given from outside (article indices, each article in exactly
    /// one), in place of clustering: to measure facts apart from stories on
    /// a gold set.
    pub given: Option<Vec<Vec<usize>>>,
}

/// Stories and facts of a whole analysed corpus (`analyses[i]` belongs to
/// `articles[i]`).
pub fn compare(articles: &[Article], analyses: &[Analysis]) -> Comparison {
    compare_with(articles, analyses, &Params::default())
}

/// Per article: its sentences' terms, and its weighted term counts.
struct Prepared {
    sentences: Vec<SentenceTerms>,
    counts: HashMap<u32, f32>,
}

/// Sentences this far into an article still count fully for its story;
/// later ones count half (background, quotes, earlier events).
const LEAD_SENTENCES: usize = 4;
const NAME_WEIGHT: f32 = 5.0;
const NUMBER_WEIGHT: f32 = 2.0;

fn prepare(article: &Article, analysis: &Analysis, vocab: &mut Vocab) -> Prepared {
    let body = &article.body;
    let starts: Vec<usize> = analysis.segmentation.sentences.iter().map(|s| s.start).collect();
    let mut counts: HashMap<u32, f32> = HashMap::new();
    let mut add = |t: &Term, w: f32| {
        let boost = if t.capital {
            NAME_WEIGHT
        } else if t.numeric {
            NUMBER_WEIGHT
        } else {
            1.0
        };
        *counts.entry(t.id).or_default() += w * boost;
    };
    let mut title_terms = Vec::new();
    terms::terms(&article.title, 0..article.title.len(), &[0], vocab, &mut title_terms);
    for t in &title_terms {
        add(t, 1.0);
    }
    let mut sentences = Vec::with_capacity(analysis.segmentation.sentences.len());
    for (i, s) in analysis.segmentation.sentences.iter().enumerate() {
        let mut ts = Vec::new();
        terms::terms(body, s.start..s.end, &starts, vocab, &mut ts);
        let w = if i < LEAD_SENTENCES { 1.0 } else { 0.5 };
        for t in &ts {
            add(t, w);
        }
        let inside = |a: usize, b: usize| a >= s.start && b <= s.end;
        let numbers = analysis
            .values
            .iter()
            .filter(|v| {
                v.kind == Kind::Number
                    && inside(v.start, v.end)
                    && !counts::in_name(body, s.start, v.start)
            })
            .map(|v| {
                let what = counts::what(v, body);
                facts::Count {
                    start: v.start,
                    end: v.end,
                    precision: precision(v),
                    measure: what.as_ref().is_some_and(|w| w.measure),
                    what: what.map(|w| vocab.id(&w.word)),
                }
            })
            .collect();
        let breaks = counts::breaks(body, s.start..s.end);
        let names =
            analysis.mentions.iter().filter(|m| is_name(m.kind) && inside(m.start, m.end)).count();
        sentences.push(SentenceTerms {
            start: s.start,
            end: s.end,
            terms: ts,
            numbers,
            breaks,
            names,
        });
    }
    Prepared { sentences, counts }
}

fn precision(v: &Value) -> u8 {
    use crate::analysis::values::Hedge;
    match v.hedge() {
        Some(Hedge::Exact) => 3,
        Some(Hedge::Vague) | None => 1,
        Some(_) => 2,
    }
}

fn is_name(k: Kind) -> bool {
    matches!(k, Kind::Person | Kind::Org | Kind::Place | Kind::Group)
}

pub fn compare_with(articles: &[Article], analyses: &[Analysis], p: &Params) -> Comparison {
    let mut vocab = Vocab::default();
    let prepared: Vec<Prepared> =
        articles.iter().zip(analyses).map(|(a, an)| prepare(a, an, &mut vocab)).collect();
    let mut df: HashMap<u32, u32> = HashMap::new();
    for pr in &prepared {
        for &t in pr.counts.keys() {
            *df.entry(t).or_default() += 1;
        }
    }

    let docs: Vec<stories::Doc<'_>> = prepared
        .iter()
        .zip(articles)
        .map(|(pr, a)| stories::Doc { counts: &pr.counts, date: a.date })
        .collect();
    let vecs = stories::vectors(&docs);
    let dates: Vec<Option<NaiveDate>> = articles.iter().map(|a| a.date).collect();
    let clusters = match &p.given {
        Some(given) => given.clone(),
        None => {
            let edges = stories::neighbours(&vecs, &dates, &p.stories);
            let clusters = stories::average_link(articles.len(), &edges, p.stories.cut);
            stories::attach_fragments(clusters, &edges, p.stories.fragment, p.stories.attach)
        }
    };

    let mut built: Vec<Story> = clusters
        .into_iter()
        .map(|mut members| {
            members.sort_by(|&a, &b| {
                let (x, y) = (&articles[a], &articles[b]);
                (x.date.is_none(), x.date, &x.id).cmp(&(y.date.is_none(), y.date, &y.id))
            });
            build_story(&members, articles, analyses, &prepared, &vecs, &df, &vocab, p)
        })
        .collect();
    built.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then_with(|| b.dates.map(|d| d.1).cmp(&a.dates.map(|d| d.1)))
            .then_with(|| articles[a.articles[0]].id.cmp(&articles[b.articles[0]].id))
    });
    let mut story_of = vec![0; articles.len()];
    let mut next_fact = 1;
    for (i, s) in built.iter_mut().enumerate() {
        s.id = format!("s{}", i + 1);
        for &a in &s.articles {
            story_of[a] = i;
        }
        for f in &mut s.facts {
            f.id = format!("f{next_fact}");
            next_fact += 1;
        }
    }
    Comparison { stories: built, story_of }
}

#[allow(clippy::too_many_arguments)]
fn build_story(
    members: &[usize],
    articles: &[Article],
    analyses: &[Analysis],
    prepared: &[Prepared],
    vecs: &[stories::Vector],
    df: &HashMap<u32, u32>,
    vocab: &Vocab,
    p: &Params,
) -> Story {
    // The article most like the others gives the story its title.
    let centre = members
        .iter()
        .copied()
        .max_by(|&a, &b| {
            let score = |x: usize| {
                members.iter().map(|&y| stories::cosine(&vecs[x], &vecs[y])).sum::<f32>()
            };
            score(a).total_cmp(&score(b)).then(b.cmp(&a))
        })
        .unwrap_or(members[0]);
    let dated: Vec<NaiveDate> = members.iter().filter_map(|&a| articles[a].date).collect();
    let dates = dated.iter().min().zip(dated.iter().max()).map(|(a, b)| (*a, *b));

    let docs: Vec<&[SentenceTerms]> =
        members.iter().map(|&a| prepared[a].sentences.as_slice()).collect();
    let raw = facts::facts(&docs, &facts::Stats { df, articles: articles.len() }, &p.facts);
    let mut facts: Vec<Fact> =
        raw.into_iter().map(|f| fact(&f, members, articles, analyses, prepared, vocab)).collect();
    // Most widely reported first; singles last, grouped by article.
    facts.sort_by_key(|f| {
        let first = &f.reports[0];
        let single = f.status == Status::Single;
        let pos = members.iter().position(|&m| m == first.article).unwrap_or(0);
        (single, std::cmp::Reverse(f.reports.len()), if single { pos } else { 0 }, first.start)
    });
    Story {
        id: String::new(),
        title: articles[centre].title.clone(),
        articles: members.to_vec(),
        facts,
        dates,
    }
}

fn fact(
    raw: &RawFact,
    members: &[usize],
    articles: &[Article],
    analyses: &[Analysis],
    prepared: &[Prepared],
    vocab: &Vocab,
) -> Fact {
    // Counts are read by the fact's key words, except names: numbers near
    // "Microsoft" count unrelated things.
    let counting: Vec<u32> = match raw.reports.first() {
        Some(r) if !raw.keys.is_empty() => {
            let s = &prepared[members[r.article]].sentences[r.sentence];
            let name = |k: &u32| s.terms.iter().any(|t| t.id == *k && t.capital);
            raw.keys.iter().copied().filter(|k| !name(k)).collect()
        }
        _ => Vec::new(),
    };
    // Per compared count: its value, what it counts, whether that is a unit.
    let mut counted: Vec<(Value, Option<u32>, bool)> = Vec::new();
    let reports: Vec<Report> = raw
        .reports
        .iter()
        .map(|r| {
            let article = members[r.article];
            let s = &prepared[article].sentences[r.sentence];
            let count = if raw.keys.is_empty() {
                facts::count_for(s, r.anchor)
            } else {
                facts::count_for_keys(s, &counting)
            };
            let rep = report(article, s, r.anchor, &analyses[article], count);
            let value = rep.compared.and_then(|i| rep.values[i].value.clone());
            if let (Some(v), Some(c)) = (value, count) {
                counted.push((v, c.what, c.measure));
            }
            rep
        })
        .collect();
    let status = if reports.len() < 2 {
        Status::Single
    } else {
        // Only counts of the same thing can disagree. A count that does not
        // say what it counts may be any thing, but not a measure.
        let same_thing = |x: &(Value, Option<u32>, bool), y: &(Value, Option<u32>, bool)| {
            x.1 == y.1 || (x.1.is_none() && !y.2) || (y.1.is_none() && !x.2)
        };
        let differ = counted.iter().enumerate().any(|(i, x)| {
            counted[i + 1..].iter().any(|y| same_thing(x, y) && !x.0.same_quantity(&y.0))
        });
        if differ { Status::Differ } else { Status::Agree }
    };
    let first = &raw.reports[0];
    let label = label(
        &raw.keys,
        &prepared[members[first.article]].sentences[first.sentence],
        &articles[members[first.article]].body,
        vocab,
    );
    Fact { id: String::new(), label, status, reports }
}

fn report(
    article: usize,
    sentence: &SentenceTerms,
    anchor: (usize, usize),
    analysis: &Analysis,
    count: Option<facts::Count>,
) -> Report {
    let (start, end) = (sentence.start, sentence.end);
    let inside = |a: usize, b: usize| a >= start && b <= end;
    let mut values: Vec<ReportValue> = analysis
        .values
        .iter()
        .filter(|v| inside(v.start, v.end))
        .map(|v| ReportValue { start: v.start, end: v.end, kind: v.kind, value: Some(v.clone()) })
        .collect();
    values.extend(
        analysis
            .mentions
            .iter()
            .filter(|m| is_name(m.kind) && inside(m.start, m.end))
            .map(|m| ReportValue { start: m.start, end: m.end, kind: m.kind, value: None }),
    );
    values.sort_by_key(|v| (v.start, v.end));
    let compared =
        count.and_then(|c| values.iter().position(|v| v.start == c.start && v.end == c.end));
    Report { article, start, end, anchor, values, compared }
}

/// The fact's key words as the first report writes them, in its order.
fn label(keys: &[u32], s: &SentenceTerms, body: &str, vocab: &Vocab) -> String {
    let mut found: Vec<&Term> =
        keys.iter().filter_map(|k| s.terms.iter().find(|t| t.id == *k)).collect();
    found.truncate(3);
    found.sort_by_key(|t| t.start);
    let words: Vec<String> = found
        .iter()
        .map(|t| {
            let w = &body[t.start..t.end];
            if t.capital { w.to_string() } else { w.to_lowercase() }
        })
        .collect();
    if words.is_empty() {
        keys.first().map(|&k| vocab.word(k).to_string()).unwrap_or_default()
    } else {
        words.join(" ")
    }
}
