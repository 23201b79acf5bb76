//! Rules around the tagger: words that are never names, titles that are
//! never part of a person's span, and span edge clean-up.

use std::collections::HashSet;
use std::sync::OnceLock;

pub use super::word_lists::{
    EVENT_WORDS_TEXT, GROUP_WORDS_TEXT, ORG_WORDS_TEXT, PLACE_WORDS_TEXT, TITLES_TEXT,
};

/// Is this word a religious or ethnic group word?
pub fn is_group_word(word: &str) -> bool {
    GROUP_WORDS.contains(word)
}

const TITLES_EXTRA: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "sgt",
    "lt",
    "col",
    "capt",
    "gov",
    "sen",
    "rep",
    "prof",
    "brigadier",
    "marshal",
    "field",
    "rear",
    "staff",
    "first",
    "second",
];

/// Titles that stand only before a person's name (a subset of
/// [`TITLES_TEXT`]: "Defense", "State" or "Deputy" also begin org names).
const PERSON_TITLES: &str = "President\nCommander\nGeneral\nGen.\nGovernor\nGov.\nSenator\nSen.\nRep.\n\
Representative\nCongressman\nCongresswoman\nMayor\nJudge\nLt.\nLieutenant\nCol.\n\
Colonel\nMaj.\nMajor\nCapt.\nCaptain\nSgt.\nSergeant\nAdm.\nAdmiral\nCmdr.\nKing\n\
Queen\nPrince\nPrincess\nPope\nBishop\nArchbishop\nCardinal\nRev.\nReverend\nSheikh\n\
Ayatollah\nAmbassador\nEnvoy\nSpokesman\nSpokeswoman\nCEO\nChairman\nChairwoman\n\
Director\nCoach\nMr.\nMrs.\nMs.\nDr.\nProf.\nProfessor\nSir\nDame\nLord\nLady\n\
Emperor\nSultan\nEmir\nMinister\nSecretary\nChancellor\nDetective\nInspector\n\
Superintendent\nCommissioner\nSheriff";

/// Does `[s, e)` hold a title followed by a person's name ("General Manuel
/// Belgrano", "Hezbollah Commander Fouad Shukr")? Returns the title words
/// `(first, past_last)`; the name runs from `past_last` to `e`. The name is
/// 1-4 capitalised words (or name particles), the first not a word usually
/// written in lower case ("General Electric") and none a designator of
/// orgs, places or events ("General Assembly", "Prince Sultan Air Base").
/// GMB tags many such spans org; they are a title and a person.
pub fn title_before_name(
    words: &[&str],
    gaz: &[super::gazetteer::GazBits],
    s: usize,
    e: usize,
) -> Option<(usize, usize)> {
    let j = (s..e.saturating_sub(1)).find(|&j| PERSON_TITLE_WORDS.contains(words[j]))?;
    let mut t0 = j;
    while t0 > s && is_title(words[t0 - 1]) {
        t0 -= 1;
    }
    let mut t1 = j + 1;
    while t1 < e && is_title(words[t1]) {
        t1 += 1;
    }
    let name = &words[t1..e];
    let designator = |w: &str| is_org_word(w) || PLACE_WORDS.contains(w) || EVENT_WORDS.contains(w);
    let ok = !name.is_empty()
        && name.len() <= 4
        && name[0].starts_with(char::is_uppercase)
        && gaz[t1].begin & super::gazetteer::COMMON == 0
        && name
            .iter()
            .all(|w| (w.starts_with(char::is_uppercase) || is_name_particle(w)) && !designator(w));
    ok.then_some((t0, t1))
}

/// Is the part of a span before a title a name of its own ("CIA" in "CIA
/// Director Porter Goss", "DRC Army", "Nepal") rather than more of the
/// title ("Grand", "Royal Highness", "Supreme Leader")? An acronym, a
/// listed country or place at its start, or an org or place designator at
/// its end says so.
pub fn is_name_before_title(words: &[&str], gaz: &[super::gazetteer::GazBits]) -> bool {
    const PLACES: u16 = 1 | 1 << 1;
    let acronym = |w: &&str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    words.iter().any(acronym)
        || gaz.first().is_some_and(|g| g.begin & PLACES != 0)
        || words.last().is_some_and(|w| is_org_word(w) || PLACE_WORDS.contains(w))
}

/// Where a name starting at `s` really starts: a capitalised "The" in the
/// middle of a sentence belongs to the name after it ("members of The
/// Hockey News", "the band The Triffids"), as the capital shows. At the
/// start of a sentence or a quotation the capital says nothing.
pub fn name_with_article(words: &[&str], s: usize) -> usize {
    let opens = |w: &str| {
        matches!(w, "\"" | "“" | "‘" | "'" | ":" | "(" | "[" | "-" | "--" | "—" | "–" | "." | "|")
    };
    if s >= 2 && words[s - 1] == "The" && !opens(words[s - 2]) { s - 1 } else { s }
}

/// An org or place span ending in a person's title ("Hezbollah Commander"
/// before "Fouad Shukr") ends before it: titles name no org. Returns the
/// new end (`s` if nothing is left).
pub fn cut_trailing_title(words: &[&str], s: usize, mut e: usize) -> usize {
    if e > s + 1 && PERSON_TITLE_WORDS.contains(words[e - 1]) {
        e -= 1;
        while e > s && is_title(words[e - 1]) {
            e -= 1;
        }
    }
    e
}

/// Where a person's name ending at `e` really ends: a generational suffix
/// after it is part of it ("Martin Luther King Jr.", "John Smith III").
pub fn with_name_suffix(words: &[&str], e: usize) -> usize {
    match words.get(e) {
        Some(&("Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV")) => e + 1,
        _ => e,
    }
}

/// A word list written one word per line, looked up through a set built
/// on first use: the rules check lists for every span and its edges.
struct WordList {
    text: &'static str,
    /// ASCII-lower-cased and without a final period: matched loosely.
    loose: bool,
    set: OnceLock<HashSet<String, foldhash::fast::RandomState>>,
}

impl WordList {
    const fn new(text: &'static str, loose: bool) -> Self {
        WordList { text, loose, set: OnceLock::new() }
    }

    fn contains(&self, word: &str) -> bool {
        let set = self.set.get_or_init(|| {
            self.text
                .lines()
                .map(|l| if self.loose { loose_key(l) } else { l.to_string() })
                .collect()
        });
        if self.loose { set.contains(&loose_key(word)) } else { set.contains(word) }
    }
}

/// "Gen." and "GEN" alike: ASCII lower case, no final periods.
fn loose_key(word: &str) -> String {
    word.trim_end_matches('.').to_ascii_lowercase()
}

static ORG_WORDS: WordList = WordList::new(ORG_WORDS_TEXT, false);
static PLACE_WORDS: WordList = WordList::new(PLACE_WORDS_TEXT, false);
static EVENT_WORDS: WordList = WordList::new(EVENT_WORDS_TEXT, false);
static GROUP_WORDS: WordList = WordList::new(GROUP_WORDS_TEXT, false);
static PERSON_TITLE_WORDS: WordList = WordList::new(PERSON_TITLES, false);
static TITLES: WordList = WordList::new(TITLES_TEXT, true);

/// Does this word mark organisation names ("Party", "Ministry", "Inc.")?
pub fn is_org_word(word: &str) -> bool {
    ORG_WORDS.contains(word)
}

/// Does a name of two words or more end in a word that marks organisations
/// ("Atlantic City Hospital", "Salt Publishing")? The tagger reads a place
/// name at its start as the whole. Designators that also end buildings and
/// lines ("Center", "Railroad", "Union") say too little.
pub fn ends_in_org_word(words: &[&str]) -> bool {
    let ambiguous = |w: &str| {
        matches!(w, "Center" | "Centre" | "Railroad" | "Railway" | "Railways" | "Lines" | "Union")
    };
    words.len() >= 2 && words.last().is_some_and(|w| is_org_word(w) && !ambiguous(w))
}

/// An acronym in the plural ("RBIs", "NGOs", "MPs"): counted things or
/// organisations, never a people or a faith, whatever the tagger's group
/// tag says.
pub fn is_plural_acronym(words: &[&str]) -> bool {
    let [w] = words else { return false };
    w.strip_suffix('s')
        .is_some_and(|stem| stem.len() >= 2 && stem.bytes().all(|b| b.is_ascii_uppercase()))
}

/// Is `[s, e)` the name of an event, award, law or work ("World Cup",
/// "Battle of Hastings", "Nobel Prize")? Those are none of the kinds this
/// recogniser emits, whatever the tagger guessed.
pub fn is_event_name(words: &[&str]) -> bool {
    let Some(last) = words.last() else { return false };
    EVENT_WORDS.contains(last)
        || words.len() >= 3 && words[1] == "of" && EVENT_WORDS.contains(words[0])
}

/// Is this token a title or honorific?
pub fn is_title(word: &str) -> bool {
    TITLES.contains(word) || {
        let bare = word.trim_end_matches('.');
        TITLES_EXTRA.iter().any(|t| t.eq_ignore_ascii_case(bare))
    }
}

const WEEKDAYS_MONTHS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thurs",
    "fri",
    "sat",
    "sun",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
];

/// Function words, pronouns and boilerplate that are never a name alone,
/// even capitalised at the start of a sentence or in a headline.
const NEVER_NAMES: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "nor",
    "if",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "as",
    "into",
    "about",
    "after",
    "before",
    "over",
    "under",
    "between",
    "during",
    "without",
    "against",
    "he",
    "she",
    "it",
    "they",
    "we",
    "you",
    "i",
    "his",
    "her",
    "its",
    "their",
    "our",
    "your",
    "my",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "who",
    "what",
    "when",
    "where",
    "why",
    "how",
    "which",
    "while",
    "although",
    "though",
    "because",
    "so",
    "yet",
    "also",
    "not",
    "no",
    "yes",
    "all",
    "some",
    "many",
    "most",
    "more",
    "other",
    "such",
    "one",
    "ever",
    "however",
    "meanwhile",
    "still",
    "then",
    "now",
    "just",
    "only",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "said",
    "says",
    "say",
    "according",
    "advertisement",
    "share",
    "click",
    "read",
    "more",
    "watch",
    "video",
    "photo",
    "related",
    "updated",
    "subscribe",
    "comments",
    "copyright",
    "reporting",
    "editing",
    "image",
    "caption",
    "story",
    "breaking",
    "live",
    "exclusive",
    "opinion",
    "analysis",
];

/// Is this token never (part of the edge of) a name?
pub fn never_name(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    if bare.is_empty() || !bare.chars().any(char::is_alphanumeric) {
        return true;
    }
    // One set lookup of the ASCII-lower-cased word instead of a pass over
    // both lists: the same answer, as `eq_ignore_ascii_case` folds ASCII
    // letters alone on both sides, and so does the set's key.
    let mut buf = [0u8; 32];
    match buf.get_mut(..bare.len()) {
        Some(low) => {
            low.copy_from_slice(bare.as_bytes());
            low.make_ascii_lowercase();
            std::str::from_utf8(low).is_ok_and(|low| never_name_set().contains(low))
        }
        None => {
            WEEKDAYS_MONTHS.iter().any(|w| w.eq_ignore_ascii_case(bare))
                || NEVER_NAMES.iter().any(|w| w.eq_ignore_ascii_case(bare))
        }
    }
}

type WordSet = std::collections::HashSet<String, foldhash::fast::RandomState>;

/// `WEEKDAYS_MONTHS` and `NEVER_NAMES`, ASCII-lower-cased.
fn never_name_set() -> &'static WordSet {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        WEEKDAYS_MONTHS.iter().chain(NEVER_NAMES).map(|w| w.to_ascii_lowercase()).collect()
    })
}

/// Tighten a span `[s, e)` over `words` for `label` (tags::LABELS order);
/// `None` drops it. Edges lose function words, punctuation and (for people)
/// titles; what is left must hold a capitalised or non-letter word.
pub fn clean_span(
    words: &[&str],
    mut s: usize,
    mut e: usize,
    label: usize,
) -> Option<(usize, usize)> {
    let person = label == 0;
    while s < e {
        let w = words[s];
        let edge_junk = never_name(w) && !is_dotted_acronym(w);
        let lower_start = w.starts_with(char::is_lowercase) && !is_name_particle(w) && e - s > 1;
        if edge_junk || (person && is_title(w) && e - s > 1) || lower_start {
            s += 1;
        } else {
            break;
        }
    }
    while e > s {
        let w = words[e - 1];
        if (never_name(w) && !is_dotted_acronym(w))
            || w.starts_with(char::is_lowercase) && e - s > 1 && !has_glued_article(w)
        {
            e -= 1;
        } else {
            break;
        }
    }
    if s >= e {
        return None;
    }
    // A person made only of titles ("President") is no mention, nor is
    // anything made of two or more ("Brigadier General").
    if (person || e - s > 1) && words[s..e].iter().all(|w| is_title(w)) {
        return None;
    }
    let has_name = words[s..e]
        .iter()
        .any(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()));
    has_name.then_some((s, e))
}

/// Split a decoded span at separators that never sit inside one name:
/// ";", "|", a free-standing dash, for people "&" and "and" ("Ann Lee
/// and Bo Ray" is two people), and for orgs a comma (org names hold none,
/// lists of them do).
pub fn split_span(words: &[&str], s: usize, e: usize, label: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = s;
    for (k, &w) in words.iter().enumerate().take(e).skip(s) {
        let sep = matches!(w, ";" | "|" | "^" | "-" | "--" | "—" | "–" | "/" | "•" | "(" | ")")
            || (label == 0 && matches!(w, "&" | "and" | "," | "or"))
            || (label == 1 && w == ",");
        if sep {
            if start < k {
                out.push((start, k));
            }
            start = k + 1;
        }
    }
    if start < e {
        out.push((start, e));
    }
    out
}

/// Split an org span "A and B" (or "A & B") that joins two names of two or
/// more words each ("Dallas Morning News and Houston Post"). Kept whole:
/// one-word sides ("Procter & Gamble", "Food and Drug Administration"),
/// a first side with lower-case words ("Department of Health and Human
/// Services"), and a second side whose designator may cover both
/// ("National Aeronautics and Space Administration").
pub fn split_coordinated_org(words: &[&str], s: usize, e: usize) -> Vec<(usize, usize)> {
    let names = |a: usize, b: usize| words[a..b].iter().filter(|w| **w != "'s").count();
    let k = (s + 1..e.saturating_sub(1)).find(|&k| matches!(words[k], "and" | "&"));
    let Some(k) = k else { return vec![(s, e)] };
    let first_lower = words[s..k].iter().any(|w| w.starts_with(char::is_lowercase));
    let covers_both = is_org_word(words[e - 1]) && !is_org_word(words[k - 1]);
    if names(s, k) >= 2 && names(k + 1, e) >= 2 && !first_lower && !covers_both {
        vec![(s, k), (k + 1, e)]
    } else {
        vec![(s, e)]
    }
}

/// "al-Asad", "ez-Zor": an Arabic article glued to a capitalised name,
/// the end of a name as much as its start ("Ain al-Asad").
fn has_glued_article(w: &str) -> bool {
    const ARTICLES: [&str; 10] =
        ["al-", "el-", "ad-", "an-", "ar-", "as-", "ash-", "at-", "az-", "ez-"];
    ARTICLES.iter().any(|a| w.strip_prefix(a).is_some_and(|r| r.starts_with(char::is_uppercase)))
}

fn is_dotted_acronym(w: &str) -> bool {
    w.len() >= 3 && w.ends_with('.') && w.chars().filter(|&c| c == '.').count() >= 2
}

/// Lower-case words that begin names in some languages ("al-Assad", "de
/// Gaulle"): do not trim them at the front of a multi-word span.
fn is_name_particle(w: &str) -> bool {
    w.starts_with("al-")
        || w.starts_with("el-")
        || matches!(
            w,
            "de" | "van" | "von" | "da" | "di" | "bin" | "ibn" | "la" | "le" | "del" | "der" | "du"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The set lookup answers as a pass over both lists would.
    #[test]
    fn never_name_is_the_lists_in_any_ascii_case() {
        let scan = |w: &str| {
            let bare = w.trim_end_matches('.');
            bare.is_empty()
                || !bare.chars().any(char::is_alphanumeric)
                || WEEKDAYS_MONTHS.iter().chain(NEVER_NAMES).any(|l| l.eq_ignore_ascii_case(bare))
        };
        for w in WEEKDAYS_MONTHS.iter().chain(NEVER_NAMES) {
            for v in
                [w.to_string(), w.to_uppercase(), format!("{w}."), w[..1].to_uppercase() + &w[1..]]
            {
                assert!(never_name(&v), "{v:?}");
            }
        }
        for w in ["Obama", "Théâtre", "MONDAYS", "...", "", &"the".repeat(20), "Über"] {
            assert_eq!(never_name(w), scan(w), "{w:?}");
        }
    }
}
