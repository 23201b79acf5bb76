//! Facts: inside one story, the sentences of different articles that state
//! the same thing, one report per article.
//!
//! A fact is anchored on a key term that several articles of the story use
//! near the top, where news states what happened: "injured", "killed",
//! "rehab". Each article's report is its first lead sentence with that
//! term, or, when one of them gives a count next to the term, that one, so
//! counts line up. A sentence may state several facts ("X checked into
//! rehab, his publicist said"), so facts may share sentences; facts whose
//! reports are exactly those of a bigger fact add nothing and are dropped.
//! What no other article states is kept as single facts, per article.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::terms::Term;

/// Tuning, measured on the ECB+ dev set (see `tools/quality-compare.sh`).
pub struct Params {
    /// Sentences per article that facts are looked for in.
    pub lead: usize,
    /// Key terms per story.
    pub keys: usize,
    /// A key term must appear in at least this share of the story's
    /// articles (and in two at least).
    pub min_share: f32,
    /// Single facts kept per article.
    pub singles: usize,
    /// Shared facts whose reports have less than this mean similarity
    /// (IDF-weighted word overlap) share a word, not a statement.
    pub coherence: f32,
}

impl Default for Params {
    fn default() -> Self {
        Params { lead: 20, keys: 40, min_share: 0.2, singles: 6, coherence: 0.1 }
    }
}

/// One sentence of an article, as facts see it.
#[derive(Debug, Clone)]
pub struct SentenceTerms {
    pub start: usize,
    pub end: usize,
    pub terms: Vec<Term>,
    /// The number values in the sentence.
    pub numbers: Vec<Count>,
    /// Where the sentence breaks into clauses (commas, semicolons, dashes,
    /// brackets): a count across one is about something else.
    pub breaks: Vec<usize>,
    /// Names (person, org, place, group) in the sentence.
    pub names: usize,
}

/// A number in a sentence and how precisely it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub start: usize,
    pub end: usize,
    /// 3 exact ("seven"), 2 bounded or approximate ("as many as seven",
    /// "about 300"), 1 vague ("several").
    pub precision: u8,
    /// What it counts ([`super::counts::what`]) as a vocabulary id:
    /// counts compare only with counts of the same thing.
    pub what: Option<u32>,
    /// `what` is a unit of measure, which never compares with a count that
    /// does not say what it counts.
    pub measure: bool,
}

/// Per article, the sentences with a key term: (sentence index, the term's span).
type Pool = Vec<(usize, (usize, usize))>;

/// A fact before values and status: which sentence each article reports
/// it in, and the term occurrence it was found by.
#[derive(Debug, Clone, PartialEq)]
pub struct RawFact {
    /// Key term ids, most shared first (empty for a single).
    pub keys: Vec<u32>,
    /// (article position in the story, sentence index, key term span).
    pub reports: Vec<RawReport>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawReport {
    pub article: usize,
    pub sentence: usize,
    /// The key term's span in the body, or the sentence's own span for a
    /// single.
    pub anchor: (usize, usize),
}

/// The facts of one story whose articles' sentences are `docs` (in story
/// order). `df` is each term's article count in the whole corpus, used to
/// prefer specific terms.
pub fn facts(docs: &[&[SentenceTerms]], stats: &Stats<'_>, p: &Params) -> Vec<RawFact> {
    let mut out = Vec::new();
    if docs.len() >= 2 {
        out = shared(docs, stats, p);
    }
    let used: HashSet<(usize, usize)> =
        out.iter().flat_map(|f| f.reports.iter().map(|r| (r.article, r.sentence))).collect();
    out.extend(singles(docs, &used, stats.df, p));
    out
}

/// Corpus-wide term counts: how many articles use each term, of how many.
pub struct Stats<'a> {
    pub df: &'a HashMap<u32, u32>,
    pub articles: usize,
}

impl Stats<'_> {
    fn idf(&self, t: u32) -> f32 {
        let df = self.df.get(&t).copied().unwrap_or(1).max(1) as f32;
        ((self.articles as f32 + 1.0) / df).ln()
    }

    /// A sentence's terms as an IDF-weighted unit vector, sorted by id.
    fn vector(&self, s: &SentenceTerms) -> Vec<(u32, f32)> {
        let mut v: Vec<(u32, f32)> = Vec::with_capacity(s.terms.len());
        for t in &s.terms {
            match v.iter_mut().find(|(id, _)| *id == t.id) {
                Some(e) => e.1 += 1.0,
                None => v.push((t.id, 1.0)),
            }
        }
        for e in &mut v {
            e.1 = (1.0 + e.1.ln()) * self.idf(e.0);
        }
        let norm = v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|e| e.1 /= norm);
        }
        v.sort_unstable_by_key(|e| e.0);
        v
    }
}

fn shared(docs: &[&[SentenceTerms]], stats: &Stats<'_>, p: &Params) -> Vec<RawFact> {
    let n = docs.len();
    // In how many articles each term appears in the lead.
    let mut count: HashMap<u32, usize> = HashMap::new();
    for d in docs {
        let seen: HashSet<u32> = d
            .iter()
            .take(p.lead)
            .flat_map(|s| s.terms.iter().filter(|t| !t.numeric))
            .map(|t| t.id)
            .collect();
        for t in seen {
            *count.entry(t).or_default() += 1;
        }
    }
    let need = 2.max((p.min_share * n as f32).ceil() as usize);
    let mut keys: Vec<(u32, usize)> = count.into_iter().filter(|&(_, c)| c >= need).collect();
    // Most shared first; among equals the rarer in the corpus, then by id
    // so that runs agree.
    keys.sort_by_key(|&(t, c)| (std::cmp::Reverse(c), stats.df.get(&t).copied().unwrap_or(0), t));
    keys.truncate(p.keys);

    let vectors: Vec<Vec<Vec<(u32, f32)>>> =
        docs.iter().map(|d| d.iter().map(|s| stats.vector(s)).collect()).collect();
    let sim = |a: (usize, usize), b: (usize, usize)| {
        super::stories::cosine(&vectors[a.0][a.1], &vectors[b.0][b.1])
    };

    // Facts by their report set: the same sentences found by several key
    // terms are one fact with several keys.
    let mut by_reports: BTreeMap<Vec<(usize, usize)>, RawFact> = BTreeMap::new();
    let mut order: Vec<Vec<(usize, usize)>> = Vec::new();
    for &(key, _) in &keys {
        // Per article, the sentences with the key: the lead's, or later
        // ones where the lead has none.
        let mut pools: Vec<(usize, Pool)> = Vec::new();
        for (a, d) in docs.iter().enumerate() {
            let found: Vec<(usize, (usize, usize))> = d
                .iter()
                .enumerate()
                .filter_map(|(i, s)| {
                    s.terms.iter().find(|t| t.id == key).map(|t| (i, (t.start, t.end)))
                })
                .collect();
            let lead: Vec<_> = found.iter().copied().filter(|(i, _)| *i < p.lead).collect();
            let pool = if lead.is_empty() { found } else { lead };
            if !pool.is_empty() {
                pools.push((a, pool));
            }
        }
        if pools.len() < 2 {
            continue;
        }
        // Start from each article's first mention; then let each article
        // with a choice take the sentence closest to the others' (the one
        // that states the same thing), or one giving a count by the key,
        // the more precise the better, so that counts line up: "as many as
        // seven injured" says more than a headline's "injured".
        let mut pick: Vec<usize> = vec![0; pools.len()];
        for _ in 0..2 {
            for x in 0..pools.len() {
                let (a, pool) = &pools[x];
                if pool.len() < 2 {
                    continue;
                }
                let others: Vec<usize> = sample(pools.len(), x);
                let close: Vec<f32> = pool
                    .iter()
                    .map(|&(i, _)| {
                        others
                            .iter()
                            .map(|&y| sim((*a, i), (pools[y].0, pools[y].1[pick[y]].0)))
                            .sum::<f32>()
                            / others.len().max(1) as f32
                    })
                    .collect();
                let best = close.iter().copied().fold(0.0, f32::max);
                // A count earns its bonus only in a sentence about as close
                // to the others as the closest: a count in a sentence about
                // something else ("killed three" for "injured") must not win.
                let score = |c: usize| {
                    let (i, anchor) = pool[c];
                    let mut s = close[c];
                    if s >= CLOSE_ENOUGH * best
                        && let Some(c) = count_for(&docs[*a][i], anchor)
                    {
                        s += COUNT_BONUS * f32::from(c.precision);
                    }
                    s
                };
                pick[x] = (0..pool.len())
                    .max_by(|&u, &v| score(u).total_cmp(&score(v)).then(v.cmp(&u)))
                    .unwrap_or(0);
            }
        }
        let reports: Vec<RawReport> = pools
            .iter()
            .zip(&pick)
            .map(|((a, pool), &c)| RawReport {
                article: *a,
                sentence: pool[c].0,
                anchor: pool[c].1,
            })
            .collect();
        // Reports that share the word but little else state different things.
        let mut total = 0.0;
        let mut pairs = 0;
        for x in 0..reports.len() {
            for y in sample(reports.len(), x).into_iter().filter(|&y| y > x) {
                total += sim(
                    (reports[x].article, reports[x].sentence),
                    (reports[y].article, reports[y].sentence),
                );
                pairs += 1;
            }
        }
        if pairs > 0 && total / (pairs as f32) < p.coherence {
            continue;
        }
        let set: Vec<(usize, usize)> = reports.iter().map(|r| (r.article, r.sentence)).collect();
        match by_reports.get_mut(&set) {
            Some(f) => f.keys.push(key),
            None => {
                order.push(set.clone());
                by_reports.insert(set, RawFact { keys: vec![key], reports });
            }
        }
    }
    // Drop facts whose reports all belong to a bigger fact.
    let sets: Vec<HashSet<(usize, usize)>> =
        order.iter().map(|s| s.iter().copied().collect()).collect();
    let mut out = Vec::new();
    for (i, set) in order.iter().enumerate() {
        let inside = sets
            .iter()
            .enumerate()
            .any(|(j, other)| j != i && other.len() > sets[i].len() && sets[i].is_subset(other));
        if !inside && let Some(f) = by_reports.remove(set) {
            out.push(f);
        }
    }
    out
}

/// At most this many other articles are compared with each article when
/// choosing its report, so that a story of thousands stays linear.
const SAMPLE: usize = 16;

/// Indices of up to [`SAMPLE`] of `n` items other than `x`, evenly spread.
fn sample(n: usize, x: usize) -> Vec<usize> {
    let step = (n / SAMPLE).max(1);
    (0..n).step_by(step).filter(|&y| y != x).take(SAMPLE).collect()
}

/// What a count by the key word adds to a sentence's claim to be the
/// report, per step of precision (vague 1, bounded 2, exact 3).
const COUNT_BONUS: f32 = 0.2;

/// How close to the closest sentence a sentence with a count must be for
/// its count to count.
const CLOSE_ENOUGH: f32 = 0.25;

/// Counts further than this (in bytes) from the key word are about
/// something else.
const COUNT_WITHIN: usize = 60;

/// The count a key word is about: the nearest number in the same clause,
/// within a few words.
pub fn count_for(s: &SentenceTerms, anchor: (usize, usize)) -> Option<Count> {
    s.numbers
        .iter()
        .filter(|c| {
            let (lo, hi) = if c.end <= anchor.0 { (c.end, anchor.0) } else { (anchor.1, c.start) };
            !s.breaks.iter().any(|&b| b >= lo && b < hi)
        })
        .map(|c| (distance((c.start, c.end), anchor), c))
        .filter(|&(d, _)| d <= COUNT_WITHIN)
        .min_by_key(|&(d, c)| (d, c.start))
        .map(|(_, c)| *c)
}

/// The count the fact's key words are about in `s`: over every occurrence
/// of a key in `keys`, the nearest count in the same clause.
pub fn count_for_keys(s: &SentenceTerms, keys: &[u32]) -> Option<Count> {
    s.terms
        .iter()
        .filter(|t| keys.contains(&t.id))
        .filter_map(|t| {
            let c = count_for(s, (t.start, t.end))?;
            Some((distance((c.start, c.end), (t.start, t.end)), c))
        })
        .min_by_key(|&(d, c)| (d, c.start))
        .map(|(_, c)| c)
}

pub fn distance(a: (usize, usize), b: (usize, usize)) -> usize {
    if a.1 <= b.0 { b.0 - a.1 } else { a.0.saturating_sub(b.1) }
}

/// What only one article states: its sentences in no shared fact that
/// carry something specific (a number or a name) and enough words to read
/// as a statement, in text order.
fn singles(
    docs: &[&[SentenceTerms]],
    used: &HashSet<(usize, usize)>,
    df: &HashMap<u32, u32>,
    p: &Params,
) -> Vec<RawFact> {
    let mut out = Vec::new();
    for (a, d) in docs.iter().enumerate() {
        let mut kept = 0;
        for (i, s) in d.iter().enumerate() {
            if kept == p.singles {
                break;
            }
            if used.contains(&(a, i)) || s.terms.len() < 5 || (s.numbers.is_empty() && s.names == 0)
            {
                continue;
            }
            // The sentence's most specific words name it.
            let mut keys: Vec<&Term> = s.terms.iter().filter(|t| !t.numeric).collect();
            keys.sort_by_key(|t| (df.get(&t.id).copied().unwrap_or(0), t.start));
            keys.truncate(2);
            keys.sort_by_key(|t| t.start);
            out.push(RawFact {
                keys: keys.iter().map(|t| t.id).collect(),
                reports: vec![RawReport { article: a, sentence: i, anchor: (s.start, s.end) }],
            });
            kept += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::terms::{Vocab, terms};
    use super::*;

    fn doc(text: &'static str, vocab: &mut Vocab) -> Vec<SentenceTerms> {
        let mut out = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            let end = start + line.len();
            let mut ts = Vec::new();
            terms(text, start..end, &[start], vocab, &mut ts);
            let numbers = ts
                .iter()
                .filter(|t| t.numeric)
                .map(|t| Count {
                    start: t.start,
                    end: t.end,
                    precision: 3,
                    what: None,
                    measure: false,
                })
                .collect();
            let breaks = text[start..end].match_indices(',').map(|(i, _)| start + i).collect();
            out.push(SentenceTerms { start, end, terms: ts, numbers, breaks, names: 1 });
            start = end + 1;
        }
        out
    }

    #[test]
    fn a_term_shared_by_articles_lines_up_their_sentences() {
        let mut v = Vocab::default();
        let a = doc(
            "Rockets hit the base late on Monday night.\nFive soldiers were injured in the blast there.",
            &mut v,
        );
        let b = doc(
            "Officials described damage at the base.\nAs many as 7 soldiers were injured, officials said.",
            &mut v,
        );
        let c = doc("A storm closed the port for hours on end.", &mut v);
        let docs: Vec<&[SentenceTerms]> = vec![&a, &b, &c];
        let df = HashMap::new();
        let f = facts(&docs, &Stats { df: &df, articles: 3 }, &Params::default());
        let injured = v.get("injured").unwrap();
        let fact = f.iter().find(|f| f.keys.contains(&injured)).expect("an injured fact");
        let at: Vec<(usize, usize)> =
            fact.reports.iter().map(|r| (r.article, r.sentence)).collect();
        assert_eq!(at, [(0, 1), (1, 1)]);
        // "soldier" finds the same sentences: one fact, two keys.
        assert!(fact.keys.contains(&v.get("soldier").unwrap()));
        // The storm is only in c: a single.
        assert!(f.iter().any(|f| f.reports.len() == 1 && f.reports[0].article == 2));
    }

    #[test]
    fn one_article_gives_only_singles() {
        let mut v = Vocab::default();
        let a = doc("Rockets hit the base late on Monday night in Iraq.", &mut v);
        let docs: Vec<&[SentenceTerms]> = vec![&a];
        let df = HashMap::new();
        let f = facts(&docs, &Stats { df: &df, articles: 3 }, &Params::default());
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].reports.len(), 1);
    }
}
