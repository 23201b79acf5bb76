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
    let mentions = merge(names, &values);
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
fn merge(names: Vec<Mention>, values: &[values::Value]) -> Vec<Mention> {
    let overlaps = |a: &Mention, s: usize, e: usize| a.start < e && s < a.end;
    let dates: Vec<&values::Value> = values.iter().filter(|v| v.kind == Kind::Date).collect();
    let mut out: Vec<Mention> =
        names.into_iter().filter(|n| !dates.iter().any(|d| overlaps(n, d.start, d.end))).collect();
    let names_end = out.len();
    for v in values {
        let m = Mention { start: v.start, end: v.end, kind: v.kind };
        if !out[..names_end].iter().any(|n| overlaps(n, m.start, m.end)) {
            out.push(m);
        }
    }
    out.sort();
    out
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
