//! Which numbers in a sentence are counts that reports can disagree on.
//!
//! A report's count is compared with the others' only when both count the
//! same kind of thing: "5.6 magnitude" and "ten people", or "40 percent"
//! and "three weeks", are not two versions of one value. And a number that
//! is part of a name ("Internet Explorer 8", "Flight 370") is no count at
//! all.

use crate::analysis::values::{Value, ValueDetail};

/// Units of measure, by stem: a count with one of these is only compared
/// with counts of the same unit. Counts of people and things (no unit, or
/// a counted noun) compare with each other, since outlets name the same
/// people differently ("personnel", "troops").
const MEASURES: &[&str] = &[
    "acre",
    "barrel",
    "billion",
    "bit",
    "cent",
    "cm",
    "day",
    "decade",
    "degree",
    "dollar",
    "euro",
    "feet",
    "foot",
    "ft",
    "gallon",
    "hour",
    "inch",
    "kg",
    "kilogram",
    "kilometer",
    "kilometre",
    "km",
    "lb",
    "magnitude",
    "meter",
    "metre",
    "mile",
    "million",
    "minute",
    "mm",
    "month",
    "mph",
    "nautical",
    "percent",
    "point",
    "pound",
    "rupee",
    "second",
    "ton",
    "tonne",
    "week",
    "year",
    "yen",
    "yuan",
];

/// Words that start a phrase of their own: a count on the far side of one
/// from the key word is about something else ("shot three people at a
/// firm": three does not count firms). "of" and "to" are left out, as they
/// join counts to what they count ("a toll of 90", "rose to 90").
const PREPOSITIONS: &[&str] = &[
    "after", "against", "at", "before", "by", "during", "for", "from", "in", "inside", "into",
    "near", "on", "since", "than", "through", "under", "with", "within", "without",
];

/// Where `body[range]` breaks into clauses or phrases: punctuation that
/// separates clauses, and the prepositions above. One pass over the
/// characters, as it runs on every sentence compared.
pub fn breaks(body: &str, range: std::ops::Range<usize>) -> Vec<usize> {
    let text = &body[range.clone()];
    let mut out: Vec<usize> = Vec::new();
    // Runs of letters are what a preposition is; runs of letters and
    // digits are the words "and" / "or" are judged by.
    let (mut letters, mut word): (Option<usize>, Option<usize>) = (None, None);
    // The last word seen, if it was "and" or "or": where it starts.
    let mut joiner: Option<usize> = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')') {
            out.push(range.start + i);
        }
        let (alpha, alnum) = if c.is_ascii() {
            (c.is_ascii_alphabetic(), c.is_ascii_alphanumeric())
        } else {
            (c.is_alphabetic(), c.is_alphanumeric())
        };
        match (alpha, letters) {
            (true, None) => letters = Some(i),
            (false, Some(w)) => {
                if is_preposition(&text[w..i]) {
                    out.push(range.start + w);
                }
                letters = None;
            }
            _ => {}
        }
        match (alnum, word) {
            (true, None) => word = Some(i),
            (false, Some(w)) => {
                let this = &text[w..i];
                if let Some(at) = joiner.take()
                    && starts_clause(this)
                {
                    out.push(range.start + at);
                }
                if this.eq_ignore_ascii_case("and") || this.eq_ignore_ascii_case("or") {
                    joiner = Some(w);
                }
                word = None;
            }
            _ => {}
        }
    }
    out.sort_unstable();
    out
}

/// Whether `word` is one of [`PREPOSITIONS`], in any case, without
/// allocating: this runs on every word of every sentence compared.
fn is_preposition(word: &str) -> bool {
    let mut buf = [0u8; 8];
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() {
        return false;
    }
    for (b, c) in buf.iter_mut().zip(bytes) {
        *b = c.to_ascii_lowercase();
    }
    let lower = &buf[..bytes.len()];
    PREPOSITIONS.binary_search_by(|p| p.as_bytes().cmp(lower)).is_ok()
}

/// Words that begin a count.
const COUNT_WORDS: &[&str] = &[
    "dozens",
    "eight",
    "eleven",
    "five",
    "four",
    "hundreds",
    "nine",
    "one",
    "seven",
    "several",
    "six",
    "ten",
    "thousands",
    "three",
    "twelve",
    "two",
];

/// Whether the word after "and" or "or" starts a clause of its own: a
/// count or a verb form ("were damaged and two villagers injured",
/// "killing seven and injuring 40"), not a noun ("troops and civilians
/// were injured").
fn starts_clause(next: &str) -> bool {
    let mut buf = [0u8; 12];
    let bytes = next.as_bytes();
    let lower_short = (bytes.len() <= buf.len()).then(|| {
        for (b, c) in buf.iter_mut().zip(bytes) {
            *b = c.to_ascii_lowercase();
        }
        &buf[..bytes.len()]
    });
    let ends = |suffix: &str| {
        bytes.len() >= suffix.len()
            && bytes[bytes.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    next.starts_with(|c: char| c.is_ascii_digit())
        || lower_short
            .is_some_and(|l| COUNT_WORDS.binary_search_by(|w| w.as_bytes().cmp(l)).is_ok())
        || ends("ing")
        || ends("ed")
}

/// Nouns that count people: outlets count the same people under different
/// names ("personnel", "troops", "civilians"), so these all count "people".
const PEOPLE: &[&str] = &[
    "adult",
    "american",
    "boy",
    "bystander",
    "casualty",
    "child",
    "children",
    "citizen",
    "civilian",
    "customer",
    "demonstrator",
    "doctor",
    "employee",
    "firefighter",
    "girl",
    "guard",
    "hostage",
    "individual",
    "inmate",
    "journalist",
    "man",
    "marine",
    "member",
    "men",
    "migrant",
    "miner",
    "nurse",
    "officer",
    "other",
    "passenger",
    "patient",
    "pedestrian",
    "people",
    "person",
    "personnel",
    "pilgrim",
    "police",
    "policemen",
    "prisoner",
    "protester",
    "refugee",
    "resident",
    "sailor",
    "servicemen",
    "soldier",
    "staff",
    "student",
    "survivor",
    "teenager",
    "tourist",
    "troop",
    "victim",
    "villager",
    "woman",
    "women",
    "worker",
    "worshipper",
    "youth",
];

/// What a number counts or measures, as a word two counts must share to be
/// compared: a unit of [`MEASURES`], "percent", "money", "age", "people"
/// for any of [`PEOPLE`], or the counted noun itself. `None` when the text
/// does not say; such a count is compared with none.
pub fn what(value: &Value, body: &str) -> Option<String> {
    if let Some(m) = measure(value, body) {
        return Some(m.to_string());
    }
    let ValueDetail::Number { unit_or_noun: Some((a, b)), .. } = value.detail else {
        return None;
    };
    let noun = super::terms::stem(body.get(a..b)?);
    let word =
        if PEOPLE.binary_search(&noun.as_str()).is_ok() { "people".to_string() } else { noun };
    Some(word)
}

/// The unit a number measures in, if it is one of [`MEASURES`] (or a
/// percent sign in the value itself).
fn measure(value: &Value, body: &str) -> Option<&'static str> {
    let text = body.get(value.start..value.end).unwrap_or("");
    let lower = text.to_lowercase();
    if text.contains('%') || lower.contains("percent") {
        return Some("percent");
    }
    if text.contains(['$', '£', '€', '¥']) {
        return Some("money");
    }
    // "a 36-year-old", "36 years old": an age.
    let tail: String =
        body.get(value.start..).unwrap_or("").chars().take(text.chars().count() + 12).collect();
    let tail = tail.to_lowercase();
    if tail.contains("-year-old") || tail.contains("years old") || tail.contains("year-old") {
        return Some("age");
    }
    let ValueDetail::Number { unit_or_noun, .. } = value.detail else {
        return None;
    };
    // The analysis names the counted noun when it sees one; otherwise the
    // word right after the number ("5.6 magnitude", "5.6-magnitude").
    let word = match unit_or_noun {
        Some((a, b)) => body.get(a..b)?,
        None => {
            let after = body.get(value.end..)?.trim_start_matches([' ', '-']);
            &after[..after.find(|c: char| !c.is_alphabetic()).unwrap_or(after.len())]
        }
    };
    let unit = super::terms::stem(word);
    MEASURES.binary_search(&unit.as_str()).ok().map(|i| MEASURES[i])
}

/// Words that deny what follows them in their sentence.
const NEGATIONS: &[&str] = &["neither", "never", "no", "nobody", "none", "nor", "not"];

/// Whether a negation stands before the number at `start` in its sentence
/// ("None of the teams has offered more than eight years", "no other offer
/// was thought to be more than seven years"): the sentence then states no
/// count that another can contradict.
pub fn negated(body: &str, sentence_start: usize, start: usize) -> bool {
    let before = body.get(sentence_start..start).unwrap_or("");
    before.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').any(|w| {
        let lower = w.to_lowercase();
        NEGATIONS.binary_search(&lower.as_str()).is_ok()
            || lower.ends_with("n't")
            || lower.ends_with("n’t")
    })
}

/// Whether the number at `start` continues a name: the word right before it
/// is capitalised and is not the sentence's first ("IE 7", "Windows 2000",
/// but not "Some 300 people", nor an amount of money: "US $160 million").
pub fn in_name(body: &str, sentence_start: usize, start: usize) -> bool {
    if body.get(start..).is_some_and(|t| t.starts_with(['$', '£', '€', '¥'])) {
        return false;
    }
    let before = body.get(sentence_start..start).unwrap_or("");
    let Some(gap) = before.strip_suffix(' ') else {
        return false;
    };
    let word = gap.rsplit(' ').next().unwrap_or("");
    let first = word.len() == gap.len();
    // "On Friday, 36 …": punctuation ends the name.
    !first
        && word.chars().next().is_some_and(|c| c.is_uppercase())
        && word.chars().last().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::values;

    fn number(text: &str) -> Value {
        values::find_values(text, None)
            .into_iter()
            .find(|v| matches!(v.detail, ValueDetail::Number { .. }))
            .expect("a number")
    }

    #[test]
    fn word_lists_are_sorted_for_search() {
        for list in [MEASURES, PREPOSITIONS, PEOPLE, COUNT_WORDS, NEGATIONS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn counts_of_people_share_a_word_whatever_the_noun() {
        let what_of = |t: &str| what(&number(t), t);
        assert_eq!(what_of("several U.S. personnel were injured"), Some("people".into()));
        assert_eq!(what_of("seven military troops were injured"), Some("people".into()));
        assert_eq!(what_of("Hansbrough scored 20 points"), Some("point".into()));
        assert_eq!(what_of("Several other players had big nights"), Some("player".into()));
    }

    #[test]
    fn units_of_measure_are_told_apart_from_counted_things() {
        let t = "A 5.6 magnitude quake hit.";
        assert_eq!(measure(&number(t), t), Some("magnitude"));
        let t = "It rose 40 percent.";
        assert_eq!(measure(&number(t), t), Some("percent"));
        let t = "It lasted three weeks.";
        assert_eq!(measure(&number(t), t), Some("week"));
        let t = "Ten people were hurt.";
        assert_eq!(measure(&number(t), t), None);
    }

    #[test]
    fn ages_and_money_are_measures() {
        let t = "A 36-year-old man died.";
        assert_eq!(measure(&number(t), t), Some("age"));
        let t = "It was worth $160 million.";
        assert_eq!(measure(&number(t), t), Some("money"));
    }

    #[test]
    fn prepositions_and_clause_punctuation_break_a_sentence() {
        let t = "He shot three people at a firm, police said.";
        let b = breaks(t, 0..t.len());
        assert_eq!(b, vec![t.find(" at").unwrap() + 1, t.find(',').unwrap()]);
        let t = "The toll rose to 90 of them.";
        assert!(breaks(t, 0..t.len()).is_empty());
    }

    #[test]
    fn breaks_read_words_beyond_ascii_and_a_last_and_breaks_nothing() {
        let t = "Troops in Zürich — AND FLED, or";
        let b = breaks(t, 0..t.len());
        let at = |p: &str| t.find(p).unwrap();
        assert_eq!(b, vec![at("in"), at("—"), at("AND"), at(",")]);
        // A range inside the body gives body offsets.
        let body = format!("xx {t}");
        assert_eq!(breaks(&body, 3..body.len()), b.iter().map(|i| i + 3).collect::<Vec<_>>());
    }

    #[test]
    fn and_breaks_before_a_count_or_a_verb_not_between_nouns() {
        let t = "Homes were damaged and two villagers slightly injured.";
        assert_eq!(breaks(t, 0..t.len()), vec![t.find("and").unwrap()]);
        let t = "The blast killed seven and injuring 40 more.";
        assert_eq!(breaks(t, 0..t.len()), vec![t.find("and").unwrap()]);
        let t = "As many as seven troops and civilians were injured.";
        assert!(breaks(t, 0..t.len()).is_empty());
    }

    #[test]
    fn a_count_under_a_negation_is_no_count() {
        let t = "None of the other teams has offered more than eight years.";
        assert!(negated(t, 0, t.find("more").unwrap()));
        let t = "It wasn't thought to be more than seven years.";
        assert!(negated(t, 0, t.find("more").unwrap()));
        let t = "Several U.S. personnel were injured, and no one was killed.";
        assert!(!negated(t, 0, t.find("Several").unwrap()));
        let t = "Notably, eight crews fought the blaze.";
        assert!(!negated(t, 0, t.find("eight").unwrap()));
    }

    #[test]
    fn a_number_after_a_capitalised_word_is_part_of_a_name() {
        let t = "Attacks hit Internet Explorer 8 users.";
        assert!(in_name(t, 0, t.find('8').unwrap()));
        let t = "Some 300 people fled.";
        assert!(!in_name(t, 0, t.find("300").unwrap()));
        let t = "On Friday, 36 died.";
        assert!(!in_name(t, 0, t.find("36").unwrap()));
        let t = "Police said 12 were hurt.";
        assert!(!in_name(t, 0, t.find("12").unwrap()));
    }
}
