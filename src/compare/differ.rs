//! What the reports of one fact disagree on, named in a short phrase of
//! their own words ("several vs as many as seven"): counts of the same
//! thing, the day it happened, who is blamed for it, and how certain it is.

use crate::analysis::Kind;
use crate::analysis::values::Value;

use super::Report;

/// A report's count, as the fact compares it.
pub struct Counted<'a> {
    /// Index of the report in the fact.
    pub report: usize,
    pub value: &'a Value,
    /// What it counts (a vocabulary id), when the text says.
    pub what: Option<u32>,
    /// The body the value's span points into.
    pub body: &'a str,
}

/// How sure a report is that the happening took place as stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Certainty {
    Stated,
    Suspected,
    Denied,
    Unknown,
}

impl Certainty {
    fn word(self) -> &'static str {
        match self {
            Certainty::Stated => "stated",
            Certainty::Suspected => "suspected",
            Certainty::Denied => "denied",
            Certainty::Unknown => "unknown",
        }
    }
}

/// Words that make the happening they stand before a suspicion: "a
/// suspected rocket attack", "an alleged plot". Adverbs ("allegedly",
/// "reportedly") hedge the telling more than the happening, and are left
/// out.
const SUSPECTED: &[&str] = &["alleged", "possible", "suspected", "unconfirmed"];
const DENIED: &[&str] = &["denied", "denies", "deny", "denying"];

/// How certain a sentence is of its happening, the word at byte `anchor`
/// of it: a suspicion where a hedge stands just before that word, denied
/// where a denial does, unknown where it says no one knows who did it.
pub fn certainty(sentence: &str, anchor: usize) -> Certainty {
    let lower = sentence.to_lowercase();
    if super::blame::unknown(&lower).is_some() {
        return Certainty::Unknown;
    }
    let before = lower.get(..anchor.min(lower.len())).unwrap_or("");
    let near: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .collect();
    if near.iter().any(|w| DENIED.contains(w)) {
        Certainty::Denied
    } else if near.iter().any(|w| SUSPECTED.contains(w)) {
        Certainty::Suspected
    } else {
        Certainty::Stated
    }
}

/// A difference: the phrase that names it, and per report the span of the
/// value in dispute, if it gives one.
pub type Found = (String, Vec<(usize, (usize, usize))>);

/// What the counts disagree on: each distinct count, in report order,
/// for counts of one thing that do not state the same quantity.
pub fn counts(counted: &[Counted<'_>]) -> Option<Found> {
    // Only counts of the same thing can disagree, and only where both say
    // what they count: "five" alone may count anything.
    let same_thing = |x: &Counted<'_>, y: &Counted<'_>| x.what.is_some() && x.what == y.what;
    let (i, _) = (0..counted.len()).find_map(|i| {
        (i + 1..counted.len())
            .find(|&j| {
                same_thing(&counted[i], &counted[j])
                    && !counted[i].value.same_quantity(counted[j].value)
            })
            .map(|j| (i, j))
    })?;
    let mut texts: Vec<String> = Vec::new();
    let mut spans = Vec::new();
    for c in counted {
        if !same_thing(c, &counted[i]) {
            continue;
        }
        spans.push((c.report, (c.value.start, c.value.end)));
        let t = c.value.text(c.body).trim().to_string();
        if !texts.iter().any(|x| x.eq_ignore_ascii_case(&t)) {
            texts.push(t);
        }
    }
    Some((texts.join(" vs "), spans))
}

/// A date further than this (in bytes) from the fact's word dates
/// something else.
const DATE_WITHIN: usize = 40;

/// What the dates disagree on: the date nearest the fact's word in each
/// report, where two of them name times that do not overlap.
pub fn dates(reports: &[(&Report, &str)]) -> Option<Found> {
    let mut found: Vec<(crate::analysis::values::DateRange, String)> = Vec::new();
    let mut spans = Vec::new();
    for (k, (r, body)) in reports.iter().enumerate() {
        let nearest = r
            .values
            .iter()
            .filter(|v| v.kind == Kind::Date)
            .map(|v| (super::facts::distance((v.start, v.end), r.anchor), v))
            .filter(|(d, _)| *d <= DATE_WITHIN)
            .min_by_key(|(d, v)| (*d, v.start));
        if let Some((_, v)) = nearest
            && let Some(d) = v.value.as_ref().and_then(|x| x.resolved())
        {
            found.push((d, body[v.start..v.end].to_string()));
            spans.push((k, (v.start, v.end)));
        }
    }
    // A day and a year date different things ("died Thursday", "a star of
    // the 1940s"): only dates of one grain are compared.
    let day = |d: &crate::analysis::values::DateRange| d.start == d.end;
    let apart = found.iter().enumerate().any(|(i, (a, _))| {
        found[i + 1..].iter().any(|(b, _)| day(a) == day(b) && (a.end < b.start || b.end < a.start))
    });
    if !apart {
        return None;
    }
    let mut texts: Vec<String> = Vec::new();
    for (_, t) in found {
        if !texts.iter().any(|x| x.eq_ignore_ascii_case(&t)) {
            texts.push(t);
        }
    }
    Some((texts.join(" vs "), spans))
}

/// What the reports disagree on about certainty: one states what another
/// only suspects, denies or does not know. Each sentence comes with the
/// byte offset in it of the fact's word.
pub fn certainties(sentences: &[(&str, usize)]) -> Option<String> {
    let mut seen: Vec<Certainty> = Vec::new();
    for &(s, anchor) in sentences {
        let c = certainty(s, anchor);
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    (seen.len() >= 2).then(|| seen.iter().map(|c| c.word()).collect::<Vec<_>>().join(" vs "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certainty_reads_hedges_denials_and_the_unknown() {
        let at = |s: &str, w: &str| s.find(w).unwrap();
        let s = "A suspected rocket attack hit the base.";
        assert_eq!(certainty(s, at(s, "attack")), Certainty::Suspected);
        // A hedge elsewhere in the sentence is about something else.
        let s = "Rockets hit the base, the suspected target of earlier raids.";
        assert_eq!(certainty(s, at(s, "hit")), Certainty::Stated);
        let s = "The group denied carrying out the attack.";
        assert_eq!(certainty(s, at(s, "carrying")), Certainty::Denied);
        let s = "It wasn't immediately clear who was responsible for the attack.";
        assert_eq!(certainty(s, at(s, "attack")), Certainty::Unknown);
    }

    #[test]
    fn certainties_name_both_sides() {
        assert_eq!(
            certainties(&[
                ("A suspected rocket attack hit the base.", 20),
                ("A rocket attack hit the base.", 9)
            ]),
            Some("suspected vs stated".to_string())
        );
        assert_eq!(
            certainties(&[("Rockets hit the base.", 8), ("Two rockets hit the base.", 12)]),
            None
        );
    }
}
