//! Attribution: who a report says did it or is blamed ("the Pentagon
//! blamed Iran-aligned militias"), or that it is not known ("it wasn't
//! immediately clear who was responsible"). Reports of one story that
//! speak of responsibility line up as one fact, since outlets that name
//! someone and outlets that say no one knows disagree on exactly that,
//! though they share few words.

use std::sync::OnceLock;

use regex::Regex;

fn blame_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(concat!(
            r"\b(?:blam(?:e|ed|es|ing)|claim(?:ed|s)? responsibility|claim(?:ed|s)? credit",
            r"|responsib(?:le|ility) for|carried out by|accused (?:\w+ ){0,3}of",
            r"|behind the (?:attacks?|strikes?|bombings?|blasts?|assaults?|shootings?|killings?))\b"
        ))
        .expect("blame pattern")
    })
}

fn unknown_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(concat!(
            r"\b(?:(?:(?:was|is|it['’]s|were|wasn['’]t|isn['’]t|are|remains?|remained)\s+(?:not\s+)?",
            r"(?:immediately\s+|yet\s+)?(?:clear|known)|unclear|unknown)\s+(?:who|which group|what group)",
            r"|no (?:group|one) (?:has |had )?(?:immediately |yet )?claimed)\b"
        ))
        .expect("unknown pattern")
    })
}

/// The lower-case form the patterns read, when it keeps byte lengths (so
/// that spans in it are spans in the original).
fn lower(sentence: &str) -> Option<String> {
    let l = sentence.to_lowercase();
    (l.len() == sentence.len()).then_some(l)
}

/// The span (in `lower_sentence`) of a phrase that blames someone.
pub fn blamed(lower_sentence: &str) -> Option<(usize, usize)> {
    blame_re().find(lower_sentence).map(|m| (m.start(), m.end()))
}

/// The span (in `lower_sentence`) of a phrase saying it is not known who.
pub fn unknown(lower_sentence: &str) -> Option<(usize, usize)> {
    unknown_re().find(lower_sentence).map(|m| (m.start(), m.end()))
}

/// What a sentence says of responsibility.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attribution {
    /// Someone is named or blamed: the phrase that says it.
    Blamed(String),
    /// It is not known who: the phrase that says it.
    Unknown(String),
}

/// What `sentence` says of who is responsible, if anything, as a phrase of
/// its own words: the cue and the few words after it, to the clause's end.
pub fn attribution(sentence: &str) -> Option<Attribution> {
    let l = lower(sentence).unwrap_or_else(|| sentence.to_lowercase());
    let text = if l.len() == sentence.len() { sentence } else { l.as_str() };
    if let Some((s, e)) = unknown(&l) {
        return Some(Attribution::Unknown(phrase(text, s, e, 3)));
    }
    let (s, e) = blamed(&l)?;
    Some(Attribution::Blamed(phrase(text, s, e, 4)))
}

/// Small words a phrase does not end on.
const TRAILING: &[&str] = &["a", "an", "and", "by", "for", "in", "of", "on", "the", "to", "with"];

/// `text[s..e]` and up to `more` words after it, stopping at the end of its
/// clause.
fn phrase(text: &str, s: usize, e: usize, more: usize) -> String {
    let rest = &text[e..];
    let stop = rest.find([',', ';', '.', ':', '(', ')', '"', '“', '”']).unwrap_or(rest.len());
    let mut words: Vec<&str> = text[s..e].split_whitespace().collect();
    words.extend(rest[..stop].split_whitespace().take(more));
    while words.len() > 1
        && words.last().is_some_and(|w| TRAILING.contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    words.join(" ")
}

/// Whether two reports' attributions disagree: one names someone and the
/// other says no one knows, or they blame different parties (no word of
/// the blamed party in common).
pub fn disagree(a: &Attribution, b: &Attribution) -> bool {
    match (a, b) {
        (Attribution::Blamed(_), Attribution::Unknown(_))
        | (Attribution::Unknown(_), Attribution::Blamed(_)) => true,
        (Attribution::Blamed(x), Attribution::Blamed(y)) => {
            let words = |p: &str| -> Vec<String> {
                p.split_whitespace()
                    .skip(1)
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
                    .filter(|w| w.len() > 3)
                    .collect()
            };
            let (wx, wy) = (words(x), words(y));
            !wx.is_empty() && !wy.is_empty() && !wx.iter().any(|w| wy.contains(w))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blame_and_the_unknown_are_read_from_the_words() {
        assert_eq!(
            attribution("The Pentagon blamed Iran-aligned militias for the attack."),
            Some(Attribution::Blamed("blamed Iran-aligned militias".into()))
        );
        assert_eq!(
            attribution("It also wasn’t immediately clear who was responsible."),
            Some(Attribution::Unknown("wasn’t immediately clear who was responsible".into()))
        );
        assert_eq!(attribution("Several U.S. personnel were injured Monday."), None);
        // Not knowing how many is not not knowing who.
        assert_eq!(attribution("It wasn't immediately clear how many were injured."), None);
    }

    #[test]
    fn naming_someone_and_not_knowing_disagree() {
        let named = Attribution::Blamed("blamed Iran-aligned militias".into());
        let unknown = Attribution::Unknown("not clear who was responsible".into());
        let same = Attribution::Blamed("blamed militias aligned with Iran".into());
        let other = Attribution::Blamed("blamed Islamic State".into());
        assert!(disagree(&named, &unknown));
        assert!(!disagree(&named, &same));
        assert!(disagree(&named, &other));
    }
}
