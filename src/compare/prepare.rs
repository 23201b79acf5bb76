//! Each article as comparison sees it: its lead sentences' fact words,
//! counts and clause breaks, packed until its story is lined up, and its
//! weighted term counts for clustering stories. Prepared on all cores.

use std::collections::HashMap;

use rayon::prelude::*;

use super::facts::{self, SentenceTerms};
use super::packed::{Packed, Senses, Staged};
use super::terms::{self, Term, Vocab};
use super::{counts, words};
use crate::analysis::values::Value;
use crate::analysis::{Analysis, Kind};
use crate::corpus::Article;

/// Per article: its lead sentences' terms (packed: all articles' are held
/// until the stories are lined up), and its weighted term counts (each id
/// once, sorted by id; a list, not a map, since all articles' are held at
/// once: half the size; made into the stories' vectors in place).
pub(super) struct Prepared {
    pub(super) sentences: Packed,
    pub(super) counts: Vec<(u32, f32)>,
}

/// An article as prepared with its chunk's own ids, before they are the
/// corpus' ([`renumber`]).
struct Draft {
    sentences: Staged,
    counts: Vec<(u32, f32)>,
}

/// Sentences this far into an article still count fully for its story;
/// later ones count half (background, quotes, earlier events).
pub(super) const LEAD_SENTENCES: usize = 4;
const NAME_WEIGHT: f32 = 5.0;
const NUMBER_WEIGHT: f32 = 2.0;

fn prepare(
    article: &Article,
    analysis: &Analysis,
    lead: usize,
    vocab: &mut Vocab,
    senses: &mut Senses,
) -> Draft {
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
    // Only the lead's sentences are lined up (`align::Params::lead`); the
    // rest count for the story alone, so only their terms are kept.
    let mut sentences = Staged::default();
    // Values and mentions are in text order: each sentence takes its own
    // from a moving start, so a long article costs linear time.
    let (mut next_value, mut next_mention) = (0, 0);
    let mut ts = Vec::new();
    for (i, s) in analysis.segmentation.sentences.iter().enumerate() {
        ts.clear();
        terms::terms(body, s.start..s.end, &starts, vocab, &mut ts);
        let w = if i < LEAD_SENTENCES { 1.0 } else { 0.5 };
        for t in &ts {
            add(t, w);
        }
        if i >= lead {
            continue;
        }
        let inside = |a: usize, b: usize| a >= s.start && b <= s.end;
        while next_value < analysis.values.len() && analysis.values[next_value].start < s.start {
            next_value += 1;
        }
        let here = analysis.values[next_value..].iter().take_while(|v| v.start < s.end);
        let numbers = here
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
                    people: what.as_deref() == Some("people"),
                    what: what.map(|w| vocab.id(&w)),
                }
            })
            .collect();
        let breaks = counts::breaks(body, s.start..s.end);
        let mut words = words::fact_words(body, &ts, vocab);
        // A figure of a date ("Nov. 30") is told from one of a count or
        // amount ("$30,000"), and a year is none: the reports of one
        // story share it whatever they state.
        for w in words.iter_mut().filter(|w| w.numeric) {
            let mut here = analysis.values[next_value..].iter().take_while(|v| v.start < s.end);
            w.dated = here.any(|v| v.kind == Kind::Date && v.start <= w.start && w.end <= v.end);
            w.numeric = !is_year(&body[w.start..w.end]);
        }
        while next_mention < analysis.mentions.len()
            && analysis.mentions[next_mention].start < s.start
        {
            next_mention += 1;
        }
        let names = analysis.mentions[next_mention..]
            .iter()
            .take_while(|m| m.start < s.end)
            .filter(|m| is_name(m.kind) && inside(m.start, m.end))
            .count();
        let terms = SentenceTerms { start: s.start, end: s.end, words, numbers, breaks, names };
        sentences.push(&terms, senses);
    }
    // Sorted once renumbered (`renumber`).
    let counts = counts.into_iter().collect();
    Draft { sentences, counts }
}

/// "1998", "2013".
fn is_year(raw: &str) -> bool {
    raw.len() == 4
        && (raw.starts_with("19") || raw.starts_with("20"))
        && raw.bytes().all(|b| b.is_ascii_digit())
}

/// Articles are prepared in chunks of this many, one chunk per task, each
/// with a vocabulary of its own; a fixed size keeps the ids the same
/// whatever the number of cores.
const PREPARE_CHUNK: usize = 256;

/// Every article prepared, in parallel, with one vocabulary for the corpus:
/// each chunk's ids are renumbered into it, chunk by chunk in order. (The
/// chunks' word lookups, which hold their own ids, are not kept: nothing
/// looks words up after preparing.)
pub(super) fn prepare_all(
    articles: &[Article],
    analyses: &[Analysis],
    lead: usize,
) -> (Vec<Prepared>, Vocab, Senses) {
    let pairs: Vec<(&Article, &Analysis)> = articles.iter().zip(analyses).collect();
    let (mut vocab, mut senses) = (Vocab::default(), Senses::default());
    let mut out = Vec::with_capacity(articles.len());
    // A few chunks per core at a time, merged and let go before the next:
    // each chunk's vocabulary (every word it met, twice, and what facts
    // match it by) is about as large as its articles' prepared data, so
    // the corpus' chunks are not all held at once.
    let group = PREPARE_CHUNK * 2 * rayon::current_num_threads().max(1);
    for pairs in pairs.chunks(group) {
        let chunks: Vec<(Vec<Draft>, Vocab, Senses)> = pairs
            .par_chunks(PREPARE_CHUNK)
            .map(|chunk| {
                let (mut local, mut senses) = (Vocab::default(), Senses::default());
                let done = chunk
                    .iter()
                    .map(|(a, an)| prepare(a, an, lead, &mut local, &mut senses))
                    .collect();
                (done, local, senses)
            })
            .collect();
        for (done, local, local_senses) in chunks {
            let map: Vec<u32> = (0..local.len() as u32).map(|i| vocab.id(local.word(i))).collect();
            let sense_map = senses.merge(&local_senses);
            out.extend(done.into_iter().map(|p| renumber(p, &map, &sense_map)));
        }
    }
    (out, vocab, senses)
}

/// A prepared article with its vocabulary ids mapped through `map`, its
/// sense ids through `senses`, its sentences packed.
fn renumber(mut p: Draft, map: &[u32], senses: &[u32]) -> Prepared {
    for (k, _) in &mut p.counts {
        *k = map[*k as usize];
    }
    p.counts.sort_unstable_by_key(|&(k, _)| k);
    Prepared { sentences: p.sentences.pack(map, senses), counts: p.counts }
}

fn precision(v: &Value) -> u8 {
    use crate::analysis::values::Hedge;
    match v.hedge() {
        Some(Hedge::Exact) => 3,
        Some(Hedge::Vague) | None => 1,
        Some(_) => 2,
    }
}

pub(super) fn is_name(k: Kind) -> bool {
    matches!(k, Kind::Person | Kind::Org | Kind::Place | Kind::Group)
}
