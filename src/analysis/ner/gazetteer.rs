//! Gazetteer membership as tagger features, matched over token sequences
//! by hash lookups of token spans.
//!
//! Entries are tokenised like the text and joined by single spaces; the text
//! of a sentence is joined the same way, so a match that starts and ends on
//! token boundaries covers whole tokens ("New York" never matches inside
//! "New Yorker").

use super::NerError;
use crate::analysis::segment;

/// Lists, by bit. Order is part of the model: features name the bit.
pub const LISTS: [(&str, &str); 11] = [
    ("country", include_str!("../../../data/gazetteers/countries.txt")),
    ("place", include_str!("../../../data/gazetteers/places.txt")),
    ("language", include_str!("../../../data/gazetteers/languages.txt")),
    ("given", include_str!("../../../data/gazetteers/given_names.txt")),
    ("surname", include_str!("../../../data/gazetteers/surnames.txt")),
    ("title", super::word_lists::TITLES_TEXT),
    ("orgword", super::word_lists::ORG_WORDS_TEXT),
    // Words usually written in lower case (tools/build_common_lower.py).
    ("common", include_str!("../../../data/gazetteers/common_lower.txt")),
    ("placeword", super::word_lists::PLACE_WORDS_TEXT),
    ("eventword", super::word_lists::EVENT_WORDS_TEXT),
    ("groupword", super::word_lists::GROUP_WORDS_TEXT),
];

/// The bit of the "common" list (words usually written in lower case).
pub const COMMON: u16 = 1 << 7;
/// Name lists: country, place, given name, surname.
pub const NAMES: u16 = 1 | 1 << 1 | 1 << 3 | 1 << 4;
const DESIGNATORS: u16 = 1 << 6 | 1 << 8; // orgword, placeword

/// Is a span made only of words usually written in lower case, capitalised
/// as in a title or heading ("Actor", "Beautiful Lie")? Words in a name
/// list keep it ("Hope"), and so does a designator at the end of a longer
/// span ("Tower Records"). `gaz` are the span's tokens' bits.
pub fn only_common_words(words: &[&str], gaz: &[GazBits]) -> bool {
    let mut any = false;
    for (w, g) in words.iter().zip(gaz) {
        if !w.starts_with(char::is_uppercase) {
            continue;
        }
        let bits = g.begin | g.inside;
        if bits & COMMON == 0 || bits & NAMES != 0 {
            return false;
        }
        any = true;
    }
    let designated = words.len() > 1 && gaz.last().is_some_and(|g| g.begin & DESIGNATORS != 0);
    any && !designated
}

/// Does a 2-3 word span read as a person's name: a listed given name that
/// is neither a common word nor the start of a listed place, then
/// capitalised words, the last no common word and no title, org, place or
/// event designator ("Ada Varga", not "Victoria Falls")? In GMB 91 % of
/// spans like this are people, and many of the rest are its noise.
pub fn looks_like_person(words: &[&str], gaz: &[GazBits]) -> bool {
    const GIVEN: u16 = 1 << 3;
    const PLACES: u16 = 1 | 1 << 1;
    const NOT_LAST: u16 = COMMON | 1 << 5 | 1 << 6 | 1 << 8 | 1 << 9;
    let (Some(first), Some(last)) = (gaz.first(), gaz.last()) else { return false };
    // "Al"/"El" is more often the Arabic article ("Al Asad", "Al Jazeera").
    let article = matches!(words.first(), Some(&("Al" | "El" | "AL" | "EL")));
    (2..=3).contains(&words.len())
        && !article
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && first.begin & GIVEN != 0
        && first.begin & (COMMON | PLACES | 1 << 5) == 0
        && last.begin & NOT_LAST == 0
}

/// Is the span exactly one country or place list entry ("Turkey", "New
/// Delhi"), not ending in an org word, not a grouping ("European Union")
/// and not a bare acronym ("UN")? GMB often tags such names org where they stand for a
/// government; the news scheme keeps them places.
pub fn is_listed_place(words: &[&str], gaz: &[GazBits]) -> bool {
    const PLACES: u16 = 1 | 1 << 1;
    let (Some(first), Some(last), Some(w)) = (gaz.first(), gaz.last(), words.last()) else {
        return false;
    };
    let acronym = words.len() == 1 && !w.contains('.') && !w.chars().any(char::is_lowercase);
    // CLDR's country names include three groupings that are no places.
    let grouping = words.len() == 2
        && matches!(
            (words[0].to_ascii_lowercase().as_str(), words[1].to_ascii_lowercase().as_str()),
            ("united", "nations") | ("european", "union")
        )
        || w.eq_ignore_ascii_case("eurozone");
    !grouping
        && first.begin & PLACES != 0
        && gaz[1..].iter().all(|g| g.inside & PLACES != 0)
        && (words.len() == 1 || last.begin & (1 << 6) == 0)
        && !acronym
}

/// Split `[s, e)` at "and"/"&" where two listed places meet ("Scotland and
/// Wales", "Iran and Syria"): the words on both sides begin a country or
/// place entry and no entry runs across the "and" (as one does in "Bosnia
/// and Herzegovina").
pub fn split_listed_places(
    words: &[&str],
    gaz: &[GazBits],
    s: usize,
    e: usize,
) -> Vec<(usize, usize)> {
    const PLACES: u16 = 1 | 1 << 1;
    let mut out = Vec::new();
    let mut start = s;
    for k in s + 1..e.saturating_sub(1) {
        if matches!(words[k], "and" | "&")
            && gaz[start].begin & PLACES != 0
            && gaz[k + 1].begin & PLACES != 0
            && gaz[k].inside & PLACES == 0
            && (start + 1..k).all(|j| gaz[j].inside & PLACES != 0)
        {
            out.push((start, k));
            start = k + 1;
        }
    }
    out.push((start, e));
    out
}

/// A lower-cased word with Latin accents folded ("josé" -> "jose",
/// "Ødegård" -> "odegard"; upper-case accented letters come out lower
/// case), or `None` when there is nothing to fold. Single words are
/// listed and looked up folded, so "José" finds the listed "Jose" and
/// lists written with accents match text written without.
pub fn fold_accents(word: &str) -> Option<String> {
    if word.is_ascii() {
        return None;
    }
    let mut out = String::with_capacity(word.len());
    let mut changed = false;
    for c in word.chars() {
        let f = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä'
            | 'Å' | 'Ā' | 'Ă' | 'Ą' => 'a',
            'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė'
            | 'Ę' | 'Ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => {
                'i'
            }
            'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø'
            | 'Ō' | 'Ő' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů'
            | 'Ű' | 'Ų' => 'u',
            'ý' | 'ÿ' | 'Ý' | 'Ÿ' => 'y',
            'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => 's',
            'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => 'z',
            'ł' | 'Ł' => 'l',
            'ř' | 'Ř' => 'r',
            'ğ' | 'Ğ' => 'g',
            'ť' | 'Ť' => 't',
            'ď' | 'Ď' => 'd',
            _ => c,
        };
        changed |= f != c;
        out.push(f);
    }
    changed.then_some(out)
}

/// Per-token gazetteer bits: `begin` where a match starts at the token,
/// `inside` where a longer match continues over it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GazBits {
    pub begin: u16,
    pub inside: u16,
}

type Map<V> = std::collections::HashMap<String, V, foldhash::fast::RandomState>;

/// Entries, ASCII-lowercased and keyed by their tokens joined with single
/// spaces, so a sentence joined the same way is matched by looking up its
/// token spans: single words (most entries) directly, longer entries only
/// from a token that begins one and up to the longest such entry. (An
/// Aho-Corasick automaton over the joined sentence was a tenth of the
/// analysis time.)
pub struct Gazetteer {
    /// Single words → list bitmask.
    words: Map<u16>,
    /// Multi-word entries → list bitmask.
    multi: Map<u16>,
    /// First word of a multi-word entry → most tokens of such an entry.
    first: Map<usize>,
}

impl Gazetteer {
    pub fn build() -> Result<Self, NerError> {
        let mut multi: Map<u16> = Map::default();
        let mut first: Map<usize> = Map::default();
        let mut toks = Vec::new();
        let mut words: Map<u16> = Map::default();
        for (bit, (_, text)) in LISTS.iter().enumerate() {
            for line in text.lines() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                toks.clear();
                segment::tokenize(line, &mut toks);
                let mut key = String::with_capacity(line.len() + 4);
                for (k, t) in toks.iter().enumerate() {
                    if k > 0 {
                        key.push(' ');
                    }
                    key.push_str(&line[t.start..t.end]);
                }
                key.make_ascii_lowercase();
                if toks.len() == 1 {
                    let key = fold_accents(&key).unwrap_or(key);
                    *words.entry(key).or_insert(0) |= 1 << bit;
                    continue;
                }
                if toks.is_empty() {
                    continue;
                }
                // Tokens hold no spaces, so the key's words are its tokens.
                let n = key.split(' ').count();
                let head = key.split(' ').next().unwrap_or("").to_string();
                let longest = first.entry(head).or_insert(0);
                *longest = (*longest).max(n);
                *multi.entry(key).or_insert(0) |= 1 << bit;
            }
        }
        if words.is_empty() {
            return Err(NerError::Gazetteer("no entries".into()));
        }
        Ok(Self { words, multi, first })
    }

    /// Is `word` (any case) usually written in lower case?
    pub fn is_common(&self, word: &str) -> bool {
        debug_assert_eq!(LISTS[7].0, "common");
        self.words.get(&word.to_ascii_lowercase()).is_some_and(|m| m & COMMON != 0)
    }

    /// The lists a single word (any case) is in, as bits.
    pub fn word_bits(&self, word: &str) -> u16 {
        let lw = word.to_ascii_lowercase();
        let key = fold_accents(&lw).unwrap_or(lw);
        self.words.get(&key).copied().unwrap_or(0)
    }

    /// Gazetteer bits for each token of one sentence. `words` are the token
    /// texts. A match counts only when its first token is capitalised, so
    /// "may" and "turkey" stay out of the lists.
    pub fn annotate(&self, words: &[&str], buf: &mut String, out: &mut Vec<GazBits>) {
        out.clear();
        out.resize(words.len(), GazBits::default());
        buf.clear();
        let mut starts = Vec::with_capacity(words.len());
        for (k, w) in words.iter().enumerate() {
            if k > 0 {
                buf.push(' ');
            }
            starts.push(buf.len());
            buf.push_str(w);
        }
        // Same byte length, so `starts` stay valid.
        buf.make_ascii_lowercase();
        for (k, w) in words.iter().enumerate() {
            if !w.starts_with(char::is_uppercase) {
                continue;
            }
            let lw = &buf[starts[k]..starts[k] + w.len()];
            let mask = match fold_accents(lw) {
                Some(folded) => self.words.get(&folded),
                None => self.words.get(lw),
            };
            if let Some(&mask) = mask {
                out[k].begin |= mask;
            }
        }
        for (first, w) in words.iter().enumerate() {
            if !w.starts_with(char::is_uppercase) {
                continue;
            }
            let head = &buf[starts[first]..starts[first] + w.len()];
            let Some(&longest) = self.first.get(head) else { continue };
            for last in first + 1..words.len().min(first + longest) {
                let key = &buf[starts[first]..starts[last] + words[last].len()];
                if let Some(&mask) = self.multi.get(key) {
                    out[first].begin |= mask;
                    for b in &mut out[first + 1..=last] {
                        b.inside |= mask;
                    }
                }
            }
        }
    }
}
