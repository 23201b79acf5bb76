//! Comparison: stories (articles about one event) and, inside each, facts
//! lined up per article with their values, and whether the articles agree.
//!
//! Plain data in (articles and their analyses), plain data out; the reader
//! and the `compare` command both show a [`Comparison`].

pub mod align;
pub mod alike;
pub mod blame;
mod counts;
pub mod differ;
pub mod facts;
pub mod label;
mod links;
mod main_event;
mod packed;
mod prepare;
pub mod quantity;
pub mod senses;
pub mod stories;
pub mod terms;
#[cfg(test)]
mod test_docs;
mod weekdays;
pub mod words;

use std::collections::HashMap;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::analysis::{Analysis, Kind};
use crate::corpus::Article;
use facts::{RawFact, SentenceTerms};
use packed::{Packed, Senses};
use prepare::{is_name, prepare_all};
pub use quantity::Quantity;
use terms::Vocab;

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
    /// A short phrase of a report's own words that names it: "personnel
    /// injured by rocket attack".
    pub label: String,
    pub status: Status,
    /// What the reports disagree on, when they do: "several vs as many as
    /// seven", "blamed militias vs not clear who was responsible".
    pub differs: Option<String>,
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
    /// Numbers, dates and names in the sentence, in text order. (A boxed
    /// slice and a `u32` index below: reports are held for the whole
    /// corpus, and these take 64 bytes a report instead of 80.)
    pub values: Box<[ReportValue]>,
    /// The value (index into `values`) compared across reports: the count
    /// nearest the key word.
    pub compared: Option<u32>,
}

impl Report {
    /// What a view of the report must keep in sight: the compared value
    /// where the fact's reports differ on it, else the key word.
    pub fn focus(&self, status: Status) -> usize {
        let value = self.compared_value().filter(|_| status == Status::Differ);
        value.map_or(self.anchor.0, |v| v.span().0).clamp(self.start, self.end.max(self.start))
    }

    /// The value compared across reports, if any.
    pub fn compared_value(&self) -> Option<&ReportValue> {
        self.compared.and_then(|i| self.values.get(i as usize))
    }
}

/// A value or name a report gives, as a byte span into the body. (`u32`
/// offsets: reports are held for the whole corpus, a value for each
/// number, date and name of each report's sentence, and bodies are far
/// below 4 GiB, see [`crate::corpus::MAX_ARTICLE_BYTES`]: 32 bytes a value
/// instead of 40.)
#[derive(Debug, Clone)]
pub struct ReportValue {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    /// Bounds and resolved dates, for numbers and dates (what the reports
    /// keep of the analysis' value: see [`quantity`]).
    pub value: Option<Quantity>,
}

impl ReportValue {
    /// Spans past 4 GiB, which no body reaches, are clipped.
    pub fn new(start: usize, end: usize, kind: Kind, value: Option<Quantity>) -> ReportValue {
        let at = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        ReportValue { start: at(start), end: at(end), kind, value }
    }

    /// Its byte span into the body.
    pub fn span(&self) -> (usize, usize) {
        (self.start as usize, self.end as usize)
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Tuning of both stages.
#[derive(Default)]
pub struct Params {
    pub stories: stories::Params,
    pub facts: align::Params,
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

pub fn compare_with(articles: &[Article], analyses: &[Analysis], p: &Params) -> Comparison {
    let (mut prepared, mut vocab, senses) = prepare_all(articles, analyses, p.facts.lead);

    // The counts become the vectors: nothing reads them after.
    let mut counts: Vec<stories::Vector> =
        prepared.iter_mut().map(|p| std::mem::take(&mut p.counts)).collect();
    weekdays::add(&mut counts, articles, analyses, &mut vocab);
    let vecs = stories::vectors(counts, p.stories.idf_power);
    let dates: Vec<Option<NaiveDate>> = articles.iter().map(|a| a.date).collect();
    let clusters = match &p.given {
        Some(given) => given.clone(),
        None => {
            let edges = stories::neighbours(&vecs, &dates, &p.stories);
            let clusters = stories::average_link(articles.len(), &edges, p.stories.cut);
            stories::attach_fragments(clusters, &edges, p.stories.fragment, p.stories.attach)
        }
    };

    // Each story takes its members' sentences and vectors along, so what
    // the stories built so far needed is let go while the others are
    // built: the working data and the results are not all held at once.
    // (An article in two stories, which clustering never gives, would be
    // copied.)
    let mut uses = vec![0usize; articles.len()];
    for &a in clusters.iter().flatten() {
        uses[a] += 1;
    }
    let mut packed: Vec<Packed> = prepared.into_iter().map(|p| p.sentences).collect();
    let mut vecs = vecs;
    let work: Vec<(Vec<usize>, Vec<Packed>, Vec<stories::Vector>)> = clusters
        .into_iter()
        .map(|mut members| {
            members.sort_by(|&a, &b| {
                let (x, y) = (&articles[a], &articles[b]);
                (x.date.is_none(), x.date, &x.id).cmp(&(y.date.is_none(), y.date, &y.id))
            });
            let mut own = |a: usize| {
                uses[a] -= 1;
                if uses[a] == 0 {
                    (std::mem::take(&mut packed[a]), std::mem::take(&mut vecs[a]))
                } else {
                    (packed[a].clone(), vecs[a].clone())
                }
            };
            let (sentences, vectors) = members.iter().map(|&a| own(a)).unzip();
            (members, sentences, vectors)
        })
        .collect();
    drop((packed, vecs));

    // Stories are independent of each other: each is lined up on its own
    // core.
    let mut built: Vec<Story> = work
        .into_par_iter()
        .map(|(members, packed, vecs)| {
            build_story(&members, articles, analyses, packed, &senses, &vecs, &vocab, p)
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

/// Whether a sentence is the title again: the same letters and digits,
/// whatever the case and punctuation.
fn repeats(title: &str, sentence: &str) -> bool {
    // Compared as they are read, without a copy of either.
    letters_lower(title).next().is_some() && letters_lower(title).eq(letters_lower(sentence))
}

fn letters_lower(t: &str) -> impl Iterator<Item = char> + '_ {
    t.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase)
}

#[allow(clippy::too_many_arguments)]
fn build_story(
    members: &[usize],
    articles: &[Article],
    analyses: &[Analysis],
    packed: Vec<Packed>,
    senses: &Senses,
    vecs: &[stories::Vector],
    vocab: &Vocab,
    p: &Params,
) -> Story {
    // The article most like the others gives the story its title. Its
    // summed cosine to them all is its dot product with their sum, so a
    // story of hundreds costs one pass, not one per pair.
    // (`packed[k]` and `vecs[k]` are those of `members[k]`.)
    let mut sum: HashMap<u32, f32> = HashMap::new();
    for v in vecs {
        for &(t, w) in v {
            *sum.entry(t).or_default() += w;
        }
    }
    let score = |k: usize| -> f32 {
        vecs[k].iter().map(|(t, w)| w * sum.get(t).copied().unwrap_or(0.0)).sum()
    };
    let centre = members
        .iter()
        .copied()
        .enumerate()
        .max_by(|&(i, a), &(j, b)| score(i).total_cmp(&score(j)).then(b.cmp(&a)))
        .map_or(members[0], |(_, a)| a);
    let dated: Vec<NaiveDate> = members.iter().filter_map(|&a| articles[a].date).collect();
    let dates = dated.iter().min().zip(dated.iter().max()).map(|(a, b)| (*a, *b));

    // The members' sentences, unpacked for this story alone.
    let sentences: Vec<Vec<SentenceTerms>> = packed.iter().map(|s| s.unpack(senses)).collect();
    drop(packed);
    let docs: Vec<&[SentenceTerms]> = sentences.iter().map(Vec::as_slice).collect();
    let headline: Vec<bool> = members
        .iter()
        .zip(&sentences)
        .map(|(&a, s)| {
            s.first()
                .is_some_and(|s| repeats(&articles[a].title, &articles[a].body[s.start..s.end]))
        })
        .collect();
    let raw = align::align(&docs, &headline, &p.facts);
    let mut facts: Vec<Fact> =
        raw.iter().map(|f| fact(f, members, articles, analyses, &sentences, vocab)).collect();
    if let Some(f) = responsibility(members, articles, analyses, &sentences, p.facts.lead) {
        // A single that this fact reports is not what one outlet alone says.
        facts.retain(|g| {
            g.status != Status::Single
                || !f
                    .reports
                    .iter()
                    .any(|r| r.article == g.reports[0].article && r.start == g.reports[0].start)
        });
        facts.push(f);
    }
    // Disputes first, then the most widely reported; singles last, grouped
    // by article.
    facts.sort_by_key(|f| {
        let first = &f.reports[0];
        let single = f.status == Status::Single;
        let pos = members.iter().position(|&m| m == first.article).unwrap_or(0);
        (
            single,
            f.status != Status::Differ,
            std::cmp::Reverse(f.reports.len()),
            if single { pos } else { 0 },
            first.start,
        )
    });
    Story {
        id: String::new(),
        title: articles[centre].title.clone(),
        articles: members.to_vec(),
        facts,
        dates,
    }
}

/// `sentences[k]`: the sentences of the story's `k`th article,
/// `members[k]`.
fn fact(
    raw: &RawFact,
    members: &[usize],
    articles: &[Article],
    analyses: &[Analysis],
    sentences: &[Vec<SentenceTerms>],
    vocab: &Vocab,
) -> Fact {
    // Counts are read by the fact's key words, except names: numbers near
    // "Microsoft" count unrelated things.
    let counting: Vec<u32> = raw.keys.iter().copied().filter(|k| !raw.names.contains(k)).collect();
    let sentence = |r: &facts::RawReport| &sentences[r.article][r.sentence];
    let reports: Vec<Report> = raw
        .reports
        .iter()
        .map(|r| {
            let article = members[r.article];
            let s = sentence(r);
            let count = facts::count_for_keys(s, &counting);
            report(article, s, r.anchor, &analyses[article], count)
        })
        .collect();
    let mut reports = reports;
    let (status, differs) = if reports.len() < 2 {
        (Status::Single, None)
    } else {
        let found = disagreement(raw, &reports, articles, analyses, sentences);
        // The value a view marks is the one in dispute, else none.
        if let Some((_, spans)) = &found {
            for (k, r) in reports.iter_mut().enumerate() {
                r.compared = spans
                    .iter()
                    .find(|(i, _)| *i == k)
                    .and_then(|(_, sp)| r.values.iter().position(|v| v.span() == *sp))
                    .map(|i| i as u32);
            }
        }
        match found {
            Some((d, _)) => (Status::Differ, Some(d)),
            None => (Status::Agree, None),
        }
    };
    let texts: Vec<(&SentenceTerms, &str)> = raw
        .reports
        .iter()
        .map(|r| (sentence(r), articles[members[r.article]].body.as_str()))
        .collect();
    let mut label = label::label(&raw.keys, &texts, &|k| raw.names.contains(&k));
    if label.is_empty() {
        label = raw.keys.iter().take(2).map(|&k| vocab.word(k)).collect::<Vec<_>>().join(" ");
    }
    Fact { id: String::new(), label, status, differs, reports }
}

/// Whether a row's reports disagree and on what: counts of the same thing
/// first, then days, then how certain they are.
fn disagreement(
    raw: &RawFact,
    reports: &[Report],
    articles: &[Article],
    analyses: &[Analysis],
    sentences: &[Vec<SentenceTerms>],
) -> Option<differ::Found> {
    let body = |r: &Report| articles[r.article].body.as_str();
    // Counts are compared word by word: each report's count of the fact's
    // word ("killed three", "several injured") against the others' count
    // of the same word, so "killed three" never meets "wounded dozens".
    let mut counted: Vec<differ::Counted<'_>> = Vec::new();
    for &key in raw.keys.iter().filter(|k| !raw.names.contains(k)) {
        counted.clear();
        for (k, (rr, r)) in raw.reports.iter().zip(reports).enumerate() {
            let s = &sentences[rr.article][rr.sentence];
            let count = s
                .words
                .iter()
                .filter(|w| w.key == key)
                .filter_map(|w| facts::count_for(s, (w.start, w.end)))
                .find(|c| c.what.is_some());
            let Some(c) = count else { continue };
            // "None has offered more than eight years" states no count of
            // eight: a count under a negation is not compared.
            if counts::negated(body(r), s.start, c.start) {
                continue;
            }
            // The analysis' own value: a report keeps only part of it.
            // (Values are in text order and never overlap.)
            let values = &analyses[r.article].values;
            let at = values.partition_point(|v| v.start < c.start);
            let found = values.get(at).filter(|v| {
                (v.start, v.end) == (c.start, c.end) && v.start >= r.start && v.end <= r.end
            });
            if let Some(v) = found {
                counted.push(differ::Counted { report: k, value: v, what: c.what, body: body(r) });
            }
        }
        if let Some(found) = differ::counts(&counted) {
            return Some(found);
        }
    }
    // A date dates the fact where it stands near any of the fact's words
    // ("returned in June 1999 to serve a life sentence").
    let with_body: Vec<differ::Dated<'_>> = raw
        .reports
        .iter()
        .zip(reports)
        .map(|(rr, r)| {
            let s = &sentences[rr.article][rr.sentence];
            let words = s
                .words
                .iter()
                .filter(|w| raw.keys.contains(&w.key) && !raw.names.contains(&w.key))
                .map(|w| (w.start, w.end))
                .collect();
            (r, body(r), words, articles[r.article].date)
        })
        .collect();
    let sentences: Vec<(&str, usize)> = reports
        .iter()
        .map(|r| (&body(r)[r.start..r.end], r.anchor.0.saturating_sub(r.start)))
        .collect();
    differ::dates(&with_body).or_else(|| differ::certainties(&sentences).map(|d| (d, Vec::new())))
}

/// The story's fact of who did it or is blamed, where two articles or more
/// speak of it: per article, the first sentence that names or blames
/// someone, or says it is not known who.
fn responsibility(
    members: &[usize],
    articles: &[Article],
    analyses: &[Analysis],
    sentences: &[Vec<SentenceTerms>],
    lead: usize,
) -> Option<Fact> {
    let mut found: Vec<(Report, blame::Attribution)> = Vec::new();
    for (&a, own) in members.iter().zip(sentences) {
        let body = &articles[a].body;
        let hit = own
            .iter()
            .take(lead)
            .find_map(|s| blame::attribution(&body[s.start..s.end]).map(|at| (s, at)));
        if let Some((s, at)) = hit {
            found.push((report(a, s, (s.start, s.end), &analyses[a], None), at));
        }
    }
    if found.len() < 2 {
        return None;
    }
    let pair = (0..found.len()).find_map(|i| {
        (i + 1..found.len()).find(|&j| blame::disagree(&found[i].1, &found[j].1)).map(|j| (i, j))
    });
    let phrase = |at: &blame::Attribution| match at {
        blame::Attribution::Blamed(p) | blame::Attribution::Unknown(p) => p.clone(),
    };
    let differs = pair.map(|(i, j)| format!("{} vs {}", phrase(&found[i].1), phrase(&found[j].1)));
    Some(Fact {
        id: String::new(),
        label: "who is responsible".to_string(),
        status: if differs.is_some() { Status::Differ } else { Status::Agree },
        differs,
        reports: found.into_iter().map(|(r, _)| r).collect(),
    })
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
        .map(|v| ReportValue::new(v.start, v.end, v.kind, Some(Quantity::of(v))))
        .collect();
    values.extend(
        analysis
            .mentions
            .iter()
            .filter(|m| is_name(m.kind) && inside(m.start, m.end))
            .map(|m| ReportValue::new(m.start, m.end, m.kind, None)),
    );
    values.sort_by_key(|v| (v.start, v.end));
    let compared = count
        .and_then(|c| values.iter().position(|v| v.span() == (c.start, c.end)))
        .map(|i| i as u32);
    // Reports are kept for the whole corpus: no spare room (the names
    // appended after the numbers and dates left up to half of it).
    Report { article, start, end, anchor, values: values.into_boxed_slice(), compared }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_first_sentence_that_is_the_title_again_repeats_it() {
        assert!(super::repeats(
            "Fire at Waitrose: man denies arson",
            "FIRE AT WAITROSE - Man denies arson"
        ));
        assert!(!super::repeats("Fire at Waitrose", "Fire at Waitrose in Wellington"));
        assert!(!super::repeats("", ""));
        assert!(!super::repeats("Fire", "Fire at Waitrose"));
    }
}
