//! The counted noun after a number: stop words, plurals, time nouns.

use crate::analysis::values::scan::{Scan, TokKind};

/// Function words: never the counted noun.
pub(super) fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "with"
            | "by"
            | "as"
            | "than"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "do"
            | "does"
            | "did"
            | "not"
            | "no"
            | "this"
            | "these"
            | "those"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "your"
            | "my"
            | "per"
            | "more"
            | "less"
            | "said"
            | "says"
            | "say"
            | "told"
            | "while"
            | "when"
            | "after"
            | "before"
            | "since"
            | "until"
            | "if"
            | "because"
            | "so"
            | "then"
            | "there"
            | "here"
            | "also"
            | "still"
            | "only"
            | "just"
            | "about"
            | "over"
            | "under"
            | "into"
            | "out"
            | "up"
            | "down"
            | "off"
            | "against"
            | "between"
            | "during"
            | "among"
            | "across"
            | "through"
            | "within"
            | "without"
            | "via"
            | "each"
            | "all"
            | "both"
            | "either"
            | "neither"
            | "such"
            | "what"
            | "how"
            | "why"
            | "where"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "you"
            | "i"
            | "us"
            | "them"
            | "him"
            | "ago"
            | "yet"
            | "even"
            | "ever"
            | "again"
            | "too"
            | "very"
            | "thus"
            | "plus"
            | "minus"
            | "times"
            | "percent"
            | "whereas"
            | "whether"
            | "though"
            | "although"
            | "unless"
    )
}

pub(super) fn plural_like(w: &str) -> bool {
    w.len() >= 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
        && !w.ends_with("’s")
        && !is_stop(w)
}

pub(super) fn invariant_plural(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "personnel"
            | "police"
            | "children"
            | "men"
            | "women"
            | "staff"
            | "crew"
            | "aircraft"
            | "cattle"
            | "sheep"
            | "fish"
            | "deer"
            | "livestock"
            | "infantry"
            | "clergy"
            | "youth"
            | "spacecraft"
            | "watercraft"
            | "offspring"
    )
}

/// Token `k` is a lower-case plural noun right after a number ("2000
/// troops"), which makes a year-like number a count.
pub(crate) fn plural_noun_at(sc: &Scan, k: usize) -> bool {
    if !sc.joined(k) || !sc.is_word(k) || sc.capitalized(k) {
        return false;
    }
    let w = sc.lw(k);
    plural_like(w) || invariant_plural(w)
}

/// "days", "years", … right after a number: then "over" means "during".
pub(super) fn time_noun_after(sc: &Scan, k: usize) -> bool {
    let w = sc.lw(k);
    sc.joined(k)
        && (super::super::units::time_unit(w)
            || matches!(
                w,
                "second"
                    | "seconds"
                    | "minute"
                    | "minutes"
                    | "hour"
                    | "hours"
                    | "weekend"
                    | "weekends"
                    | "night"
                    | "nights"
            ))
}

/// The counted noun after a number: the first lower-case plural within a
/// few words ("85 targets", "three U.S. soldiers", "several non-serious
/// injuries"), or for "one" the first lower-case word ("one soldier").
pub(super) fn noun_after(sc: &Scan, k: usize, singular: bool) -> Option<(usize, usize)> {
    let mut j = k;
    // “several” U.S. personnel
    while sc.tight(j) && matches!(sc.punct(j), Some('”' | '"' | '’')) {
        j += 1;
    }
    if sc.is(j, "of") && sc.joined(j) {
        j += 1;
    }
    let span = |j: usize| Some((sc.toks[j].start, sc.toks[j].end));
    let mut words = 0;
    while words < 4 && sc.joined(j) {
        match sc.kind(j) {
            Some(TokKind::Abbrev) => {}
            Some(TokKind::Word) => {
                let w = sc.lw(j);
                // Capitalised words are modifiers here ("US", "Iraqi").
                if !sc.capitalized(j) {
                    if is_stop(w) {
                        return None;
                    }
                    if singular {
                        return span(j);
                    }
                    if plural_like(w) || invariant_plural(w) {
                        return span(j);
                    }
                }
            }
            _ => return None,
        }
        words += 1;
        j += 1;
        // Hyphenated modifiers: "non-serious", "Iranian-backed".
        while sc.tight(j) && sc.punct(j) == Some('-') && sc.tight(j + 1) && sc.is_word(j + 1) {
            j += 2;
        }
    }
    None
}
