//! Facts: inside one story, the sentences of different articles that state
//! the same thing, one report per article ([`super::align`] lines them
//! up), and the counts a report gives.

/// One sentence of an article, as facts see it.
#[derive(Debug, Clone)]
pub struct SentenceTerms {
    pub start: usize,
    pub end: usize,
    /// The words facts are matched by: content words less reporting verbs
    /// and the words of datelines, by lemma.
    pub words: Vec<Word>,
    /// The number values in the sentence.
    pub numbers: Vec<Count>,
    /// Where the sentence breaks into clauses (commas, semicolons, dashes,
    /// brackets): a count across one is about something else.
    pub breaks: Vec<usize>,
    /// Names (person, org, place, group) in the sentence.
    pub names: usize,
}

/// A word facts are matched by.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// Vocabulary id of its lemma (WordNet's, else the term's stem).
    pub key: u32,
    /// Its WordNet senses ([`super::senses`]).
    pub senses: &'static [u32],
    pub start: usize,
    pub end: usize,
    /// Written with a capital other than at the start of its sentence.
    pub capital: bool,
    /// Names a happening ([`super::senses::happening`]).
    pub happening: bool,
    /// Written with digits ("160", "6.1"), and not a year.
    pub numeric: bool,
    /// Inside a date ("Nov. 30").
    pub dated: bool,
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
    /// It counts people (of any name: "people", "troops", "villagers").
    pub people: bool,
}

/// A fact before values and status: which sentence each article reports
/// it in, and the word it is anchored on.
#[derive(Debug, Clone, PartialEq)]
pub struct RawFact {
    /// The words most of its reports share, heaviest first.
    pub keys: Vec<u32>,
    /// Those of `keys` that are names in the story.
    pub names: Vec<u32>,
    /// (article position in the story, sentence index, anchor span).
    pub reports: Vec<RawReport>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawReport {
    pub article: usize,
    pub sentence: usize,
    /// The anchor word's span in the body, or the sentence's own span.
    pub anchor: (usize, usize),
}

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
    s.words
        .iter()
        .filter(|w| keys.contains(&w.key))
        .filter_map(|w| {
            let c = count_for(s, (w.start, w.end))?;
            Some((distance((c.start, c.end), (w.start, w.end)), c))
        })
        .min_by_key(|&(d, c)| (d, c.start))
        .map(|(_, c)| c)
}

pub fn distance(a: (usize, usize), b: (usize, usize)) -> usize {
    if a.1 <= b.0 { b.0 - a.1 } else { a.0.saturating_sub(b.1) }
}
