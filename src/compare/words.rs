//! The words facts are matched by: a sentence's content terms less those
//! that say who reports rather than what happened ("said", "told"), and
//! those of datelines and bylines ("Updated Monday 22 July 2013 11:11 GMT"),
//! each under its lemma and with its senses.

use super::facts::Word;
use super::senses;
use super::terms::{Term, Vocab, stem};

/// Reporting words and the words of datelines: sorted for binary search.
const NOT_FACTS: &[&str] = &[
    "am",
    "apr",
    "april",
    "aug",
    "august",
    "bst",
    "cet",
    "claim",
    "confirm",
    "confirmed",
    "confirms",
    "dec",
    "december",
    "edt",
    "est",
    "feb",
    "february",
    "fri",
    "friday",
    "gmt",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "last",
    "mar",
    "march",
    "mon",
    "monday",
    "news",
    "nov",
    "november",
    "oct",
    "october",
    "official",
    "officials",
    "pdt",
    "pm",
    "posted",
    "pst",
    "published",
    "report",
    "reported",
    "reportedly",
    "reports",
    "said",
    "sat",
    "saturday",
    "say",
    "says",
    "sep",
    "sept",
    "september",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "statement",
    "sun",
    "sunday",
    "tell",
    "thu",
    "thursday",
    "told",
    "tue",
    "tuesday",
    "updated",
    "utc",
    "wed",
    "wednesday",
];

/// A sentence with fewer content words than this (numbers aside) states
/// no fact: a dateline, a byline, a credit.
const MIN_WORDS: usize = 2;

/// The fact words of a sentence whose content terms are `terms`.
/// A word as facts match it: its key, senses, and whether it names a
/// happening.
pub type Looked = (u32, &'static [u32], bool);

fn look_up(raw: &str, lower: &str, numeric: bool, vocab: &mut Vocab) -> Option<Looked> {
    if NOT_FACTS.binary_search(&lower).is_ok() {
        return None;
    }
    Some(match senses::lemma(lower) {
        Some((lemma, senses)) if !numeric => (vocab.id(lemma), senses, senses::happening(lower)),
        _ => (vocab.id(&stem(raw)), &[][..], false),
    })
}

pub fn fact_words(body: &str, terms: &[Term], vocab: &mut Vocab) -> Vec<Word> {
    let mut out = Vec::with_capacity(terms.len());
    // One buffer for every word's lower case: a word is allocated only the
    // first time the corpus meets it.
    let mut lower = String::new();
    for t in terms {
        let raw = &body[t.start..t.end];
        lower.clear();
        for c in raw.chars() {
            if c == '\'' || c == '’' {
                break;
            }
            lower.extend(c.to_lowercase());
        }
        let looked = match vocab.fact_words.get(lower.as_str()) {
            Some(l) => *l,
            None => {
                let l = look_up(raw, &lower, t.numeric, vocab);
                vocab.fact_words.insert(lower.clone(), l);
                l
            }
        };
        let Some((key, senses, happening)) = looked else { continue };
        let happening = happening && !t.capital;
        out.push(Word {
            key,
            senses,
            start: t.start,
            end: t.end,
            capital: t.capital,
            happening,
            numeric: t.numeric,
            dated: false,
        });
    }
    let content = out
        .iter()
        .filter(|w| !body[w.start..w.end].starts_with(|c: char| c.is_ascii_digit()))
        .count();
    if content < MIN_WORDS {
        out.clear();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::terms::terms;
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut v = Vocab::default();
        let mut ts = Vec::new();
        terms(text, 0..text.len(), &[0], &mut v, &mut ts);
        fact_words(text, &ts, &mut v).iter().map(|w| v.word(w.key).to_string()).collect()
    }

    #[test]
    fn not_facts_is_sorted_for_binary_search() {
        assert!(NOT_FACTS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn words_are_lemmas_without_reporting_verbs() {
        assert_eq!(
            words("Five people were injured, officials said."),
            ["five", "people", "injure"]
        );
    }

    #[test]
    fn datelines_state_no_fact() {
        assert!(words("Updated Monday, July 22, 2013 11:11 GMT").is_empty());
        assert!(words("By Staff Reporter").len() < 3);
    }
}
