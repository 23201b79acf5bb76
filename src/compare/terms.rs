//! Content terms: the words that say what a text is about, as byte spans,
//! lower-cased and lightly stemmed so "injuries"/"injury" and
//! "Troops"/"troop" meet. Stories and facts are both built from them.

use std::collections::HashMap;

/// One content word of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// Interned id in the [`Vocab`].
    pub id: u32,
    pub start: usize,
    pub end: usize,
    /// Written with a capital letter other than at the start of its
    /// sentence: a name, or part of one.
    pub capital: bool,
    /// Written with digits.
    pub numeric: bool,
}

/// Term strings ↔ ids, shared by every text of a corpus.
#[derive(Debug, Default, Clone)]
pub struct Vocab {
    // foldhash: every term of every article is looked up here, and std's
    // SipHash made it a tenth of comparing.
    ids: HashMap<String, u32, foldhash::fast::RandomState>,
    words: Vec<String>,
    /// Per lower-case word, what facts match it by
    /// ([`super::words::fact_words`]): looked up once per corpus.
    pub(super) fact_words:
        HashMap<String, Option<super::words::Looked>, foldhash::fast::RandomState>,
}

impl Vocab {
    pub fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(word.to_string());
        self.ids.insert(word.to_string(), id);
        id
    }

    pub fn get(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    pub fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Function words, reporting verbs and other words that say nothing about
/// which event a text reports.
const STOP: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "became",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "came",
    "can",
    "could",
    "d",
    "day",
    "days",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "dr",
    "during",
    "each",
    "either",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "friday",
    "from",
    "further",
    "get",
    "gets",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "later",
    "least",
    "less",
    "like",
    "ll",
    "m",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "monday",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "near",
    "neither",
    "never",
    "new",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "out",
    "over",
    "own",
    "per",
    "rather",
    "re",
    "really",
    "s",
    "said",
    "same",
    "saturday",
    "say",
    "saying",
    "says",
    "see",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "sunday",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thursday",
    "time",
    "times",
    "to",
    "today",
    "told",
    "too",
    "toward",
    "towards",
    "tuesday",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "ve",
    "very",
    "via",
    "was",
    "we",
    "wednesday",
    "week",
    "weeks",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "year",
    "years",
    "yesterday",
    "yet",
    "you",
    "your",
    "yours",
];

fn is_stop(word: &str) -> bool {
    STOP.binary_search(&word).is_ok()
}

/// The stem a word is counted under: lower-case, no possessive, and a
/// plural "s" dropped from longer words ("troops" → "troop", but "has",
/// "bus", "grass" stay).
pub fn stem(word: &str) -> String {
    let mut w = String::new();
    stem_into(word, &mut w);
    w
}

/// [`stem`] into a buffer the caller keeps, as it runs on every word.
pub fn stem_into(word: &str, w: &mut String) {
    w.clear();
    // Lower case up to an apostrophe: "Iran's" is "iran".
    for c in word.chars() {
        if c == '\'' || c == '’' {
            break;
        }
        w.extend(c.to_lowercase());
    }
    if w.len() > 4 && w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w.pop();
    }
}

/// The content terms of `text[range]` in order. `sentence_starts` are the
/// byte offsets where sentences begin, so a capital there does not count
/// as a name.
pub fn terms(
    text: &str,
    range: std::ops::Range<usize>,
    sentence_starts: &[usize],
    vocab: &mut Vocab,
    out: &mut Vec<Term>,
) {
    let Some(slice) = text.get(range.clone()) else { return };
    let mut word_start: Option<usize> = None;
    let mut w = String::new();
    let mut flush = |s: usize, e: usize, out: &mut Vec<Term>| {
        let raw = &text[s..e];
        stem_into(raw, &mut w);
        if w.chars().count() < 2 || is_stop(&w) {
            return;
        }
        let first = raw.chars().next().unwrap_or(' ');
        let numeric = first.is_ascii_digit();
        let capital = first.is_uppercase() && sentence_starts.binary_search(&s).is_err();
        out.push(Term { id: vocab.id(&w), start: s, end: e, capital, numeric });
    };
    for (i, c) in slice.char_indices() {
        let at = range.start + i;
        let inside = c.is_alphanumeric()
            || ((c == '\'' || c == '’' || c == '.' || c == ',')
                && word_start.is_some()
                && slice[i + c.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric)
                && (c != '.' && c != ',' || slice[..i].ends_with(|p: char| p.is_ascii_digit())));
        match (inside, word_start) {
            (true, None) => word_start = Some(at),
            (false, Some(s)) => {
                flush(s, at, out);
                word_start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = word_start {
        flush(s, range.end, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut v = Vocab::default();
        let mut out = Vec::new();
        terms(text, 0..text.len(), &[0], &mut v, &mut out);
        out.iter().map(|t| v.word(t.id).to_string()).collect()
    }

    #[test]
    fn stop_list_is_sorted_for_binary_search() {
        assert!(STOP.windows(2).all(|w| w[0] < w[1]), "STOP must be sorted and unique");
    }

    #[test]
    fn content_words_are_stemmed_and_function_words_dropped() {
        assert_eq!(
            words("Three U.S. troops were injured in the attacks on Monday."),
            ["three", "troop", "injured", "attack"]
        );
        assert_eq!(
            words("Haniyeh’s killing, 2,500 people"),
            ["haniyeh", "killing", "2,500", "people"]
        );
        assert_eq!(words("the casualties"), ["casualty"]);
    }

    #[test]
    fn capitals_count_as_names_except_at_a_sentence_start() {
        let text = "Rockets hit Al Asad.";
        let mut v = Vocab::default();
        let mut out = Vec::new();
        terms(text, 0..text.len(), &[0], &mut v, &mut out);
        let caps: Vec<bool> = out.iter().map(|t| t.capital).collect();
        assert_eq!(caps, [false, false, true, true]);
    }

    #[test]
    fn spans_are_on_char_boundaries() {
        let text = "Ünïcode café — naïve 東京 résumé";
        let mut v = Vocab::default();
        let mut out = Vec::new();
        terms(text, 0..text.len(), &[0], &mut v, &mut out);
        for t in &out {
            assert!(text.get(t.start..t.end).is_some());
        }
        assert_eq!(out.len(), 5);
    }
}
