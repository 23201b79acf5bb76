//! Article → sentences, tokens, mentions and values, all as byte spans into
//! the article's body. No terminal, no printing, no global state.

pub mod ner;
pub mod segment;
pub mod values;

use serde::{Deserialize, Serialize};

/// The kinds of mention dateline recognises (CONTRACT.md, `entities`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Org,
    Place,
    /// Nationalities, religious and political groups: "Iranian", "Shiite".
    Group,
    Date,
    /// Counts, amounts, quantities, vague ones such as "several" included.
    Number,
}

impl Kind {
    pub const ALL: [Kind; 6] =
        [Kind::Person, Kind::Org, Kind::Place, Kind::Group, Kind::Date, Kind::Number];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Org => "org",
            Kind::Place => "place",
            Kind::Group => "group",
            Kind::Date => "date",
            Kind::Number => "number",
        }
    }
}

/// One mention: `text[start..end]` of an article's body (byte offsets on
/// char boundaries) and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// Everything the analysis knows about one article body.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub segmentation: segment::Segmentation,
    /// Names, dates and numbers in text order, never overlapping.
    pub mentions: Vec<Mention>,
    /// Dates and numbers with their bounds and resolved dates, in text order.
    pub values: Vec<values::Value>,
}

/// Analyse one body: sentences and tokens, names by the trained tagger,
/// dates and numbers by rule (resolved against `date`, the article's date).
pub fn analyze(body: &str, date: Option<chrono::NaiveDate>) -> Analysis {
    let segmentation = segment::segment(body);
    let names = ner::Recognizer::shared().recognize(body, &segmentation);
    let values = values::find_values(body, date);
    let names = names.into_iter().map(|m| without_possessive(body, m)).collect();
    let mentions = merge(names, &values, body);
    Analysis { segmentation, mentions, values }
}

/// A name's span without a possessive: "Haniyeh’s" names Haniyeh, and the
/// "’s" of "Lebanon’s Hezbollah" is no part of Hezbollah.
fn without_possessive(body: &str, mut m: Mention) -> Mention {
    if let Some(text) = body.get(m.start..m.end) {
        for prefix in ["'s ", "’s "] {
            if let Some(rest) = text.strip_prefix(prefix)
                && !rest.trim().is_empty()
            {
                m.start += text.len() - rest.trim_start().len();
                break;
            }
        }
    }
    if let Some(text) = body.get(m.start..m.end) {
        for suffix in ["'s", "’s", "'", "’"] {
            if text.len() > suffix.len() + 1 && text.ends_with(suffix) {
                m.end -= suffix.len();
                break;
            }
        }
    }
    m
}

/// Names and values as one list. Where they overlap, a date wins (weekdays
/// and months are never names) and a name wins over a number inside it.
fn merge(mut names: Vec<Mention>, values: &[values::Value], body: &str) -> Vec<Mention> {
    names.sort();
    let dates = Spans::new(
        values.iter().filter(|v| v.mention_kind(body) == Kind::Date).map(|v| (v.start, v.end)),
    );
    names.retain(|n| !dates.overlaps(n.start, n.end));
    let kept = Spans::new(names.iter().map(|n| (n.start, n.end)));
    let mut out = names;
    for v in values {
        if !kept.overlaps(v.start, v.end) {
            out.push(Mention { start: v.start, end: v.end, kind: v.mention_kind(body) });
        }
    }
    out.sort();
    out
}

/// Spans sorted by start, for overlap queries in logarithmic time: a
/// pairwise check made long articles quadratic (names × values).
struct Spans {
    spans: Vec<(usize, usize)>,
    /// `max_end[i]`: the largest end among `spans[..=i]`.
    max_end: Vec<usize>,
}

impl Spans {
    fn new(spans: impl Iterator<Item = (usize, usize)>) -> Self {
        let mut spans: Vec<(usize, usize)> = spans.collect();
        spans.sort_unstable();
        let mut max_end = Vec::with_capacity(spans.len());
        let mut m = 0;
        for &(_, e) in &spans {
            m = m.max(e);
            max_end.push(m);
        }
        Spans { spans, max_end }
    }

    /// Does any span overlap `[s, e)`?
    fn overlaps(&self, s: usize, e: usize) -> bool {
        // Spans starting before `e`, latest first, while one of them could
        // still reach past `s`.
        let mut k = self.spans.partition_point(|&(start, _)| start < e);
        while k > 0 && self.max_end[k - 1] > s {
            k -= 1;
            if self.spans[k].1 > s {
                return true;
            }
        }
        false
    }
}

/// Analyse every article, on all cores; results in the articles' order.
pub fn analyze_all(articles: &[crate::corpus::Article]) -> Vec<Analysis> {
    use rayon::prelude::*;
    articles.par_iter().map(|a| analyze(&a.body, a.date)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_overlaps_match_a_pairwise_check() {
        let spans = [(0, 5), (3, 4), (10, 30), (12, 14), (40, 41)];
        let ix = Spans::new(spans.iter().copied());
        for s in 0..45 {
            for e in s + 1..46 {
                let want = spans.iter().any(|&(a, b)| a < e && s < b);
                assert_eq!(ix.overlaps(s, e), want, "[{s}, {e})");
            }
        }
    }

    #[test]
    fn possessives_are_trimmed_from_names() {
        let body = "Lebanon’s Hezbollah met Haniyeh’s aides.";
        let at = |s: &str| body.find(s).unwrap();
        let m = |start: usize, end: usize| Mention { start, end, kind: Kind::Org };
        let lead = without_possessive(body, m(at("’s Hezbollah"), at(" met")));
        assert_eq!(&body[lead.start..lead.end], "Hezbollah");
        let tail = without_possessive(body, m(at("Haniyeh"), at(" aides")));
        assert_eq!(&body[tail.start..tail.end], "Haniyeh");
    }
}
