//! Number words ("twenty-five", "a dozen", "several hundred") and when a number word is a count.

use super::*;
use crate::analysis::values::scan::Scan;

pub(super) fn small_word(w: &str) -> Option<u32> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

pub(super) fn tens_word(w: &str) -> Option<u32> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

pub(super) fn big_scale(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// A units word (1–9) at `k`, for "twenty five" and "twenty-five".
pub(super) fn unit_word_at(sc: &Scan, k: usize) -> Option<u32> {
    if !sc.is_word(k) {
        return None;
    }
    small_word(sc.lw(k)).filter(|v| (1..=9).contains(v))
}

/// A number written in words at `j`: "seven", "twenty-five", "two
/// hundred and ten", "1.5"-free "three million". Returns the value and the
/// token after it.
pub(crate) fn cardinal_at(sc: &Scan, j: usize) -> Option<(f64, usize)> {
    cardinal_from(sc, j, false)
}

/// `implicit_one`: the phrase began with "a"/"an" ("a hundred", "a
/// million"), so a scale word may come first.
pub(super) fn cardinal_from(sc: &Scan, j: usize, implicit_one: bool) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut cur: f64 = if implicit_one { 1.0 } else { 0.0 };
    let mut any = implicit_one;
    // `cur` already holds a part below one hundred.
    let mut has_units = implicit_one;
    let mut k = j;
    loop {
        if (k != j && !sc.joined(k)) || !sc.is_word(k) {
            break;
        }
        let w = sc.lw(k);
        if let Some(v) = small_word(w).or_else(|| tens_word(w)) {
            if has_units {
                break; // "one two three" is a list, not one number
            }
            let mut v = v as f64;
            let mut nk = k + 1;
            if tens_word(w).is_some() {
                if sc.punct(nk) == Some('-') && sc.tight(nk) && sc.tight(nk + 1) {
                    if let Some(u) = unit_word_at(sc, nk + 1) {
                        v += u as f64;
                        nk += 2;
                    }
                } else if sc.joined(nk)
                    && let Some(u) = unit_word_at(sc, nk)
                {
                    v += u as f64;
                    nk += 1;
                }
            }
            cur += v;
            has_units = true;
            any = true;
            k = nk;
            continue;
        }
        if w == "hundred" && any && cur < 100.0 {
            cur = cur.max(1.0) * 100.0;
            has_units = false;
            k += 1;
            k = skip_and(sc, k);
            continue;
        }
        if let Some(s) = big_scale(w)
            && any
        {
            total += cur.max(1.0) * s;
            cur = 0.0;
            has_units = false;
            k += 1;
            k = skip_and(sc, k);
            continue;
        }
        if w == "dozen" && any && has_units && cur < 100.0 {
            cur *= 12.0;
            k += 1;
            break;
        }
        break;
    }
    if !any || k == j {
        return None;
    }
    Some((total + cur, k))
}

/// Steps over "and" in "two hundred and ten" when a number word follows.
pub(super) fn skip_and(sc: &Scan, k: usize) -> usize {
    if sc.is(k, "and") && sc.joined(k + 1) && sc.is_word(k + 1) {
        let w = sc.lw(k + 1);
        if small_word(w).is_some() || tens_word(w).is_some() {
            return k + 1;
        }
    }
    k
}

/// A scale word after a vague quantity: "several hundred", "a few
/// thousand", "several dozen".
pub(super) fn scale_after(sc: &Scan, k: usize) -> (f64, usize) {
    if sc.joined(k) && sc.is_word(k) {
        let s = match sc.lw(k) {
            "hundred" => 100.0,
            "thousand" => 1e3,
            "million" => 1e6,
            "billion" => 1e9,
            "dozen" => 12.0,
            _ => return (1.0, k),
        };
        return (s, k + 1);
    }
    (1.0, k)
}

/// "of thousands", "of millions" after a plural scale word ("hundreds of
/// thousands").
pub(super) fn of_scale(sc: &Scan, k: usize) -> (f64, usize) {
    if sc.is(k, "of") && sc.joined(k) && sc.joined(k + 1) {
        let s = match sc.lw(k + 1) {
            "thousands" => 1e3,
            "millions" => 1e6,
            "billions" => 1e9,
            _ => return (1.0, k),
        };
        return (s, k + 2);
    }
    (1.0, k)
}

pub(super) fn q_words(first: usize, next: usize, value: f64, vague: bool) -> Q {
    Q {
        first,
        next,
        value,
        vague,
        approx: false,
        count: value.fract() == 0.0,
        scale: 1.0,
        unit: None,
        year_like: false,
        digits: false,
        int_digits: 0,
    }
}

/// Quantities written in words.
pub(super) fn words_at(sc: &Scan, j: usize) -> Option<Q> {
    let w = sc.lw(j);
    let next_is = |k: usize, s: &str| sc.joined(k) && sc.is(k, s);
    match w {
        "a" | "an" => {
            let k = j + 1;
            if !sc.joined(k) || !sc.is_word(k) {
                return None;
            }
            match sc.lw(k) {
                "dozen" => Some(q_words(j, k + 1, 12.0, false)),
                "hundred" | "thousand" | "million" | "billion" | "trillion" => {
                    let (v, e) = cardinal_from(sc, k, true)?;
                    Some(q_words(j, e, v, false))
                }
                "few" => {
                    let (s, e) = scale_after(sc, k + 1);
                    Some(q_words(j, e, 2.0 * s, true))
                }
                "couple" => {
                    let mut q = q_words(j, k + 1, 2.0, false);
                    q.approx = true;
                    Some(q)
                }
                "handful" => Some(q_words(j, k + 1, 2.0, true)),
                "number" if next_is(k + 1, "of") => Some(q_words(j, k + 2, 2.0, true)),
                _ => None,
            }
        }
        "half" => {
            // "half a dozen", "half a million"
            if !next_is(j + 1, "a") || !sc.joined(j + 2) {
                return None;
            }
            let s = match sc.lw(j + 2) {
                "dozen" => 12.0,
                "hundred" => 100.0,
                "thousand" => 1e3,
                "million" => 1e6,
                "billion" => 1e9,
                _ => return None,
            };
            Some(q_words(j, j + 3, 0.5 * s, false))
        }
        "several" => {
            let (s, e) = scale_after(sc, j + 1);
            Some(q_words(j, e, 3.0 * s, true))
        }
        "numerous" => Some(q_words(j, j + 1, 3.0, true)),
        "multiple" => Some(q_words(j, j + 1, 2.0, true)),
        "dozens" | "hundreds" | "thousands" | "millions" | "billions" => {
            let base = match w {
                "dozens" => 24.0,
                "hundreds" => 200.0,
                "thousands" => 2e3,
                "millions" => 2e6,
                _ => 2e9,
            };
            let (s, e) = of_scale(sc, j + 1);
            Some(q_words(j, e, base * s, true))
        }
        "tens" | "scores" => {
            // "tens of thousands"; "scores of people"
            let (s, e) = of_scale(sc, j + 1);
            if w == "tens" {
                (s > 1.0).then(|| q_words(j, e, 20.0 * s, true))
            } else if next_is(j + 1, "of") {
                Some(q_words(j, j + 1, 40.0, true))
            } else {
                None
            }
        }
        _ => {
            let (v, e) = cardinal_at(sc, j)?;
            if !number_word_counts(sc, j, e, v) {
                return None;
            }
            Some(q_words(j, e, v, false))
        }
    }
}

/// Whether a number written in words counts something here. "one" is
/// mostly a pronoun ("no one", "the one in Iraq", "one of the largest");
/// any number word is part of a name when capitalised mid-sentence ("Air
/// Force One", "the Three Gorges"); "one-way" and "two-thirds" are words of
/// their own.
pub(super) fn number_word_counts(sc: &Scan, j: usize, e: usize, v: f64) -> bool {
    let raw = sc.raw(j);
    let title_case = raw.chars().next().is_some_and(char::is_uppercase)
        && raw.chars().skip(1).any(char::is_lowercase);
    if title_case && !sc.sentence_start(j) {
        return false;
    }
    // "No-one", "some-one"
    if v == 1.0 && sc.tight(j) && matches!(sc.punct(j.wrapping_sub(1)), Some('-' | '–')) {
        return false;
    }
    // "one-way", "zero-day", "two-thirds", "three-quarters"
    if sc.tight(e) && matches!(sc.punct(e), Some('-' | '–')) && sc.tight(e + 1) {
        let next = sc.lw(e + 1);
        if v <= 1.0
            || matches!(
                next,
                "way"
                    | "sided"
                    | "fold"
                    | "third"
                    | "thirds"
                    | "quarter"
                    | "quarters"
                    | "fifth"
                    | "fifths"
                    | "half"
                    | "halves"
                    | "tenth"
                    | "tenths"
            )
        {
            return false;
        }
    }
    if !(v == 1.0 && e == j + 1) {
        return true;
    }
    one_is_count(sc, j)
}

pub(super) fn one_is_count(sc: &Scan, j: usize) -> bool {
    let prev = if sc.joined(j) { sc.lw_before(j, 1) } else { "" };
    if matches!(
        prev,
        "no" | "any"
            | "every"
            | "each"
            | "the"
            | "this"
            | "that"
            | "which"
            | "whichever"
            | "another"
            | "a"
            | "such"
            | "some"
            | "last"
            | "next"
            | "little"
            | "new"
            | "old"
            | "right"
            | "wrong"
            | "loved"
            | "special"
            | "lucky"
            | "big"
            | "'"
            | "’"
    ) {
        return false;
    }
    if prev == "only" && sc.lw_before(j, 2) == "the" {
        return false;
    }
    let n = j + 1;
    if sc.tight(n) && matches!(sc.punct(n), Some('-' | '–' | '\'' | '’')) {
        return false;
    }
    if !sc.joined(n) {
        return true;
    }
    match sc.lw(n) {
        "another" | "day" | "time" | "way" | "thing" | "who" | "whom" | "which" | "that"
        | "does" | "can" | "could" | "would" | "should" | "must" | "might" | "will" | "may"
        | "another's" | "hand" | "point" | "side" => false,
        // "one of the largest", "X, one of the factions", "is one of these
        // groups": membership, not a count.
        "of" => {
            let appositive =
                matches!(
                    prev,
                    "," | "is"
                        | "was"
                        | "are"
                        | "were"
                        | "be"
                        | "been"
                        | "being"
                        | "as"
                        | "remains"
                        | "became"
                        | "becomes"
                ) || matches!(sc.punct(j.wrapping_sub(1)), Some(',' | '—' | '–' | '('));
            let superlative = (n + 1..n + 4).any(|k| {
                let w = sc.lw(k);
                matches!(w, "most" | "least" | "best" | "worst" | "few")
                    || (w.len() > 5
                        && w.ends_with("est")
                        && !matches!(
                            w,
                            "interest"
                                | "protest"
                                | "request"
                                | "contest"
                                | "conquest"
                                | "harvest"
                                | "forest"
                                | "arrest"
                                | "suggest"
                                | "biggest"
                        ))
                    || w == "biggest"
            });
            !(appositive || superlative)
        }
        _ => true,
    }
}
