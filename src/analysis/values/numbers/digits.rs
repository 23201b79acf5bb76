//! Digit groups and the contexts where digits are no quantity (codes, times, addresses, identifiers), and unit words.

use super::*;
use crate::analysis::values::scan::{Scan, TokKind};

/// Digits at `k` (the quantity's span starts at `first`, before any
/// currency sign).
pub(super) fn digits_at(
    sc: &Scan,
    k: usize,
    first: usize,
    money: bool,
    skip_left: bool,
) -> Option<Q> {
    if !skip_left && !left_context_ok(sc, k) {
        return None;
    }
    if !right_context_ok(sc, k) {
        return None;
    }
    let t = sc.toks[k];
    let (num, mut scale, mut unit) = match t.kind {
        TokKind::Num(n) => (n, 1.0, None),
        TokKind::NumSuffix { num, split } => {
            let suffix = sc.lower.get(split..t.end)?;
            match suffix {
                "bn" | "bln" => (num, 1e9, None),
                "b" if money => (num, 1e9, None),
                "mn" | "mln" => (num, 1e6, None),
                "m" | "mm" if money => (num, 1e6, None),
                "k" => (num, 1e3, None),
                "tn" | "trn" => (num, 1e12, None),
                _ if is_unit(suffix) => (num, 1.0, Some((split, t.end))),
                // Ordinals ("22nd"), decades ("1990s"), times ("10am"),
                // codes ("5G", "3D").
                _ => return None,
            }
        }
        _ => return None,
    };
    if !num.value.is_finite() {
        return None;
    }
    let mut next = k + 1;
    let mut percent = false;
    if unit.is_none() && scale == 1.0 && sc.joined(next) && sc.is_word(next) {
        let s = match sc.lw(next) {
            "hundred" => 1e2,
            "thousand" => 1e3,
            "million" | "mn" | "mln" => 1e6,
            "billion" | "bn" => 1e9,
            "trillion" => 1e12,
            "m" if money => 1e6,
            "dozen" => 12.0,
            _ => 1.0,
        };
        if s != 1.0 {
            scale = s;
            next += 1;
        }
    }
    // "$161-million", "a $31.5-billion deal"
    if unit.is_none()
        && scale == 1.0
        && sc.tight(next)
        && sc.punct(next) == Some('-')
        && sc.tight(next + 1)
        && sc.is_word(next + 1)
    {
        let s = match sc.lw(next + 1) {
            "million" => 1e6,
            "billion" => 1e9,
            "trillion" => 1e12,
            _ => 1.0,
        };
        if s != 1.0 {
            scale = s;
            next += 2;
        }
    }
    if unit.is_none() {
        let percent_sign = sc.tight(next) && sc.punct(next) == Some('%');
        let percent_word =
            sc.joined(next) && matches!(sc.lw(next), "percent" | "pct") && sc.is_word(next);
        if percent_sign || percent_word {
            unit = Some((sc.toks[next].start, sc.toks[next].end));
            percent = true;
            next += 1;
        } else if sc.joined(next)
            && sc.is(next, "per")
            && sc.joined(next + 1)
            && sc.is(next + 1, "cent")
        {
            unit = Some((sc.toks[next].start, sc.toks[next + 1].end));
            percent = true;
            next += 2;
        }
    }
    let value = num.value * scale;
    let year_like = !money
        && scale == 1.0
        && unit.is_none()
        && num.is_plain_int()
        && num.int_digits == 4
        && (1900.0..=2099.0).contains(&num.value)
        && !plural_noun_at(sc, next);
    Some(Q {
        first,
        next,
        value,
        vague: false,
        approx: false,
        count: !money && !percent && value.fract() == 0.0,
        scale,
        unit,
        year_like,
        digits: true,
        int_digits: num.int_digits,
    })
}

/// Left of digits: a hyphen or slash joined to a word or number ("AC-130",
/// "F-16", "24/7", "3-2"), a colon ("10:30"), a version dot, "#", or an
/// identifier word ("Flight 370", "No. 10").
pub(super) fn left_context_ok(sc: &Scan, k: usize) -> bool {
    if k == 0 {
        return true;
    }
    if sc.tight(k) {
        match sc.punct(k - 1) {
            Some('-' | '–') => return !sc.tight(k - 1),
            Some('/' | ':' | '#' | '.' | '_' | '@' | '=' | '\'' | '’') => return false,
            Some(_) => {}
            None => return false,
        }
    }
    if is_id_word(sc, k - 1) {
        return false;
    }
    // "0845 125 2222": digit groups side by side are a phone number or a
    // code, and so is a group with a leading zero.
    if sc.joined(k) && matches!(sc.kind(k - 1), Some(TokKind::Num(_))) {
        return false;
    }
    // "No. 10", "Ch. 4", "Vol. 3": a short capitalised abbreviation.
    if sc.punct(k - 1) == Some('.')
        && k >= 2
        && sc.tight(k - 1)
        && sc.is_word(k - 2)
        && sc.capitalized(k - 2)
        && sc.raw(k - 2).len() <= 3
        && month_abbrev_free(sc.lw(k - 2))
    {
        return false;
    }
    true
}

/// Right of digits: a time ("10:30", "10 a.m.", "1400 GMT"), a fraction or
/// date ("3/4"), a version ("2.0.1"), or a code joined by a hyphen
/// ("130-J").
pub(super) fn right_context_ok(sc: &Scan, k: usize) -> bool {
    let n = k + 1;
    let raw = sc.raw(k);
    if raw.len() > 1 && raw.starts_with('0') && !raw.starts_with("0.") {
        return false;
    }
    if sc.joined(n) && matches!(sc.kind(n), Some(TokKind::Num(_))) {
        return false;
    }
    if is_address(sc, n) {
        return false;
    }
    if sc.tight(n) {
        match sc.punct(n) {
            Some(':' | '/' | '.' | '_' | '@') if sc.tight(n + 1) && !sc.is_word(n + 1) => {
                return false;
            }
            Some(':' | '/' | '_' | '@') if sc.tight(n + 1) => return false,
            Some('-') if sc.tight(n + 1) && matches!(sc.kind(n + 1), Some(TokKind::Code)) => {
                return false;
            }
            Some('-') if sc.tight(n + 1) && sc.raw(n + 1).chars().all(|c| c.is_uppercase()) => {
                return false;
            }
            _ => {}
        }
    }
    if sc.joined(n) {
        let w = sc.lw(n);
        if matches!(
            w,
            "a.m."
                | "p.m."
                | "am"
                | "pm"
                | "gmt"
                | "utc"
                | "et"
                | "edt"
                | "est"
                | "bst"
                | "cet"
                | "hrs"
                | "hours"
        ) && (matches!(sc.kind(n), Some(TokKind::Abbrev))
            || sc.raw(n) != w
            || matches!(w, "am" | "pm"))
        {
            // "hours" is a unit ("24 hours") unless written as "1400 hours".
            if w == "hours" {
                return !sc.num(k).is_some_and(|x| x.int_digits == 4 && !x.has_comma);
            }
            return false;
        }
        // "a.m." that the scanner split as "a" "." "m" "." after a space.
        if (w == "a" || w == "p") && sc.punct(n + 1) == Some('.') && sc.lw(n + 2) == "m" {
            return false;
        }
        if w == "o" && matches!(sc.punct(n + 1), Some('\'' | '’')) && sc.lw(n + 2) == "clock" {
            return false;
        }
    }
    true
}

/// Not a month abbreviation ("Nov. 22" is a date, handled before this).
pub(super) fn month_abbrev_free(w: &str) -> bool {
    !matches!(
        w,
        "jan"
            | "feb"
            | "mar"
            | "apr"
            | "may"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// "200 W. American Blvd.", "40 East 5th Avenue": a house number is
/// followed, within a few capitalised words, by a street word.
pub(super) fn is_address(sc: &Scan, n: usize) -> bool {
    for j in n..n + 4 {
        if !sc.joined(j) {
            return false;
        }
        match sc.kind(j) {
            Some(TokKind::NumSuffix { .. }) => {}
            Some(TokKind::Punct('.')) if sc.tight(j) => {}
            Some(TokKind::Word) if sc.capitalized(j) => {
                if j > n
                    && matches!(
                        sc.lw(j),
                        "street"
                            | "st"
                            | "avenue"
                            | "ave"
                            | "road"
                            | "rd"
                            | "boulevard"
                            | "blvd"
                            | "lane"
                            | "ln"
                            | "drive"
                            | "dr"
                            | "place"
                            | "pl"
                            | "court"
                            | "ct"
                            | "terrace"
                            | "parkway"
                            | "pkwy"
                            | "highway"
                            | "hwy"
                            | "square"
                            | "sq"
                            | "way"
                    )
                {
                    return true;
                }
            }
            _ => return false,
        }
    }
    false
}

/// Words after which a number names something instead of counting it:
/// "Flight 370", "Resolution 2334", "Article 5". The second list only
/// counts when capitalised ("Game 7" but "game 7 times" is odd anyway).
pub(crate) fn is_id_word(sc: &Scan, k: usize) -> bool {
    if !sc.is_word(k) || !sc.joined(k + 1) {
        return false;
    }
    let w = sc.lw(k);
    let always = matches!(
        w,
        "flight"
            | "route"
            | "highway"
            | "interstate"
            | "resolution"
            | "article"
            | "chapter"
            | "section"
            | "room"
            | "apollo"
            | "boeing"
            | "airbus"
            | "terminal"
            | "gate"
            | "platform"
            | "model"
            | "version"
            | "season"
            | "episode"
            | "vol"
            | "volume"
            | "page"
            | "pages"
            | "category"
            | "amendment"
            | "proposition"
            | "prop"
            | "precinct"
            | "exit"
            | "runway"
            | "channel"
            | "pier"
            | "suite"
            | "apartment"
            | "apt"
            | "psalm"
            | "psalms"
            | "paragraph"
            | "clause"
            | "no"
            | "nos"
            | "number"
            | "rule"
            | "code"
            | "windows"
            | "iphone"
            | "galaxy"
            | "ps"
            | "xbox"
            | "flights"
    );
    let capitalized_only = matches!(
        w,
        "game"
            | "week"
            | "day"
            | "year"
            | "level"
            | "phase"
            | "stage"
            | "unit"
            | "block"
            | "lot"
            | "bay"
            | "hall"
            | "act"
            | "camp"
            | "tower"
            | "zone"
            | "sector"
            | "bill"
            | "grade"
            | "class"
            | "ward"
            | "division"
            | "district"
            | "street"
            | "road"
            | "avenue"
            | "mission"
            | "fort"
            | "base"
            | "line"
            | "bus"
            | "track"
            | "group"
            | "squad"
            | "team"
            | "battalion"
            | "brigade"
            | "regiment"
            | "corps"
            | "fleet"
            | "army"
            | "operation"
            | "cell"
            | "wing"
            | "title"
            | "part"
            | "book"
            | "psalm"
            | "gen"
            | "lane"
    ) && sc.capitalized(k);
    always || capitalized_only
}

pub(super) fn is_unit(s: &str) -> bool {
    matches!(
        s,
        "km" | "kg"
            | "mm"
            | "cm"
            | "m"
            | "mi"
            | "ft"
            | "lb"
            | "lbs"
            | "mph"
            | "kph"
            | "kmh"
            | "mg"
            | "ml"
            | "g"
            | "gb"
            | "mb"
            | "tb"
            | "kb"
            | "mw"
            | "gw"
            | "kw"
            | "kwh"
            | "hz"
            | "ghz"
            | "mhz"
            | "sqm"
            | "sqft"
            | "ha"
            | "kt"
            | "nm"
            | "x"
    )
}
