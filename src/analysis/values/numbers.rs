//! Number rules: digit groups, number words, vague quantities, hedges,
//! ranges, and the contexts where digits are not a quantity (codes, times,
//! identifiers).

use super::Hedge;
use super::scan::{Scan, TokKind};

pub(crate) struct NumMatch {
    pub first: usize,
    pub end: usize,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub hedge: Hedge,
    pub noun: Option<(usize, usize)>,
}

/// One quantity without its hedge: "2,500", "1.5 million", "$2 billion",
/// "40%", "twenty-five", "a dozen", "several hundred".
#[derive(Debug, Clone, Copy)]
struct Q {
    first: usize,
    next: usize,
    value: f64,
    /// A lower bound only ("several", "dozens").
    vague: bool,
    /// "a couple": about two.
    approx: bool,
    /// A whole count of things (not money, not a percentage, not a
    /// decimal), so "more than n" means at least n + 1.
    count: bool,
    /// The scale word's factor ("million" → 1e6), for "2 to 3 million".
    scale: f64,
    /// "%", "percent", "km": the unit's span.
    unit: Option<(usize, usize)>,
    /// A bare four-digit number that reads as a year.
    year_like: bool,
    /// Written with digits.
    digits: bool,
    /// Digits before the decimal point (0 for words).
    int_digits: u8,
}

/// A number mention starting at token `i`, if any.
pub(crate) fn number_at(sc: &Scan, i: usize) -> Option<NumMatch> {
    // "minus 20": a negative reading.
    if sc.is(i, "minus") {
        let mut m = number_at(sc, i + 1).filter(|m| m.hedge == Hedge::Exact && sc.joined(i + 1))?;
        m.low = m.low.map(|v| -v);
        m.high = m.high.map(|v| -v);
        m.first = i;
        return Some(m);
    }
    let (pre, j) = match hedge_prefix(sc, i) {
        Some((h, j)) if sc.joined(j) => (Some(h), j),
        Some(_) => return None,
        None => (None, i),
    };
    let q = quantity_at(sc, j, false)?;
    // "around 2010" and "between 2010 and 2015" are dates; only a
    // comparison turns a year-like number into a count ("more than 2000").
    if q.year_like
        && !matches!(pre, Some(Hedge::MoreThan | Hedge::AtLeast | Hedge::AtMost | Hedge::FewerThan))
    {
        return None;
    }
    if pre.is_some() && sc.is(i, "some") && (q.vague || q.value == 1.0) {
        return None;
    }
    if pre == Some(Hedge::Range) {
        // "between 10 and 20"
        if !sc.is(q.next, "and") || !sc.joined(q.next) {
            return None;
        }
        let q2 = quantity_at(sc, q.next + 1, true)?;
        let (a, b) = range_values(&q, &q2)?;
        return Some(finish(sc, i, q2.next, Some(a), Some(b), Hedge::Range, &q2));
    }

    match range_after(sc, &q) {
        RangeAfter::Range(q2, a, b) => {
            // A hedge before a range bounds one side: "as many as 30 to 40"
            // → at most 40; "more than 10 to 20" reads as the range.
            let (first, low, high, hedge) = match pre {
                None => (q.first, Some(a), Some(b), Hedge::Range),
                Some(Hedge::AtMost | Hedge::FewerThan) => (i, None, Some(b), Hedge::AtMost),
                Some(Hedge::AtLeast | Hedge::MoreThan) => (i, Some(a), None, Hedge::AtLeast),
                Some(_) => (i, Some(a), Some(b), Hedge::Range),
            };
            return Some(finish(sc, first, q2.next, low, high, hedge, &q2));
        }
        RangeAfter::Reject => return None,
        RangeAfter::None => {}
    }

    let mut end = q.next;
    let mut hedge = match pre {
        Some(h) => h,
        None if q.vague => Hedge::Vague,
        None if q.approx => Hedge::About,
        None => {
            let (h, e) = hedge_suffix(sc, q.next);
            end = e;
            h
        }
    };
    let mut first = i;
    // "over two days" is a duration ("during"), not "more than two days".
    if matches!(sc.lw(i), "over" | "under" | "above" | "below") && time_noun_after(sc, q.next) {
        first = q.first;
        hedge = Hedge::Exact;
    }
    if q.vague {
        hedge = Hedge::Vague;
    } else if q.approx && hedge == Hedge::Exact {
        hedge = Hedge::About;
    }
    let v = q.value;
    let (low, high) = match hedge {
        Hedge::Exact | Hedge::About | Hedge::Range => (Some(v), Some(v)),
        Hedge::AtLeast | Hedge::Vague => (Some(v), None),
        Hedge::MoreThan => (Some(if q.count { v + 1.0 } else { v }), None),
        Hedge::AtMost => (None, Some(v)),
        Hedge::FewerThan => (None, Some(if q.count { v - 1.0 } else { v })),
    };
    Some(finish(sc, first, end, low, high, hedge, &q))
}

fn finish(
    sc: &Scan,
    first: usize,
    end: usize,
    low: Option<f64>,
    high: Option<f64>,
    hedge: Hedge,
    q: &Q,
) -> NumMatch {
    let noun = q.unit.or_else(|| noun_after(sc, q.next, q.value == 1.0 && !q.vague));
    NumMatch { first, end, low, high, hedge, noun }
}

/// Words before a number that bound it. Longest phrases first where one
/// is a prefix of another.
const HEDGES: &[(&[&str], Hedge)] = &[
    (&["more", "than"], Hedge::MoreThan),
    (&["greater", "than"], Hedge::MoreThan),
    (&["in", "excess", "of"], Hedge::MoreThan),
    (&["upwards", "of"], Hedge::MoreThan),
    (&["upward", "of"], Hedge::MoreThan),
    (&["just", "over"], Hedge::MoreThan),
    (&["well", "over"], Hedge::MoreThan),
    (&["just", "above"], Hedge::MoreThan),
    (&["over"], Hedge::MoreThan),
    (&["above"], Hedge::MoreThan),
    (&["at", "least"], Hedge::AtLeast),
    (&["no", "fewer", "than"], Hedge::AtLeast),
    (&["no", "less", "than"], Hedge::AtLeast),
    (&["not", "less", "than"], Hedge::AtLeast),
    (&["a", "minimum", "of"], Hedge::AtLeast),
    (&["as", "few", "as"], Hedge::AtLeast),
    (&["as", "many", "as"], Hedge::AtMost),
    (&["as", "much", "as"], Hedge::AtMost),
    (&["up", "to"], Hedge::AtMost),
    (&["at", "most"], Hedge::AtMost),
    (&["no", "more", "than"], Hedge::AtMost),
    (&["not", "more", "than"], Hedge::AtMost),
    (&["a", "maximum", "of"], Hedge::AtMost),
    (&["fewer", "than"], Hedge::FewerThan),
    (&["less", "than"], Hedge::FewerThan),
    (&["just", "under"], Hedge::FewerThan),
    (&["just", "below"], Hedge::FewerThan),
    (&["well", "under"], Hedge::FewerThan),
    (&["under"], Hedge::FewerThan),
    (&["below"], Hedge::FewerThan),
    (&["about"], Hedge::About),
    (&["around"], Hedge::About),
    (&["approximately"], Hedge::About),
    (&["approx"], Hedge::About),
    (&["roughly"], Hedge::About),
    (&["nearly"], Hedge::About),
    (&["almost"], Hedge::About),
    (&["some"], Hedge::About),
    (&["close", "to"], Hedge::About),
    (&["an", "estimated"], Hedge::About),
    (&["estimated"], Hedge::About),
    (&["circa"], Hedge::About),
    (&["exactly"], Hedge::Exact),
    (&["precisely"], Hedge::Exact),
    (&["between"], Hedge::Range),
];

/// A hedge phrase at `i`: its meaning and the token after it.
fn hedge_prefix(sc: &Scan, i: usize) -> Option<(Hedge, usize)> {
    if sc.punct(i) == Some('~') && sc.tight(i + 1) {
        return Some((Hedge::About, i + 1));
    }
    if !sc.is_word(i) {
        return None;
    }
    for (words, hedge) in HEDGES {
        let matched =
            words.iter().enumerate().all(|(k, w)| sc.is(i + k, w) && (k == 0 || sc.joined(i + k)));
        if matched {
            let mut next = i + words.len();
            // "approx. 30"
            if words == &["approx"] && sc.punct(next) == Some('.') && sc.tight(next) {
                next += 1;
            }
            return Some((*hedge, next));
        }
    }
    None
}

/// Hedges written after the number: "90 or more", "300 or so", "90-plus",
/// "90+", "20-odd".
fn hedge_suffix(sc: &Scan, k: usize) -> (Hedge, usize) {
    if sc.joined(k) && sc.is(k, "or") && sc.joined(k + 1) {
        match sc.lw(k + 1) {
            "more" => return (Hedge::AtLeast, k + 2),
            "so" => return (Hedge::About, k + 2),
            "fewer" | "less" => return (Hedge::AtMost, k + 2),
            _ => {}
        }
    }
    if sc.tight(k) && sc.punct(k) == Some('+') {
        return (Hedge::AtLeast, k + 1);
    }
    if sc.tight(k) && sc.punct(k) == Some('-') && sc.tight(k + 1) {
        match sc.lw(k + 1) {
            "plus" => return (Hedge::AtLeast, k + 2),
            "odd" => return (Hedge::About, k + 2),
            _ => {}
        }
    }
    (Hedge::Exact, k)
}

enum RangeAfter {
    None,
    Range(Q, f64, f64),
    /// The number is half of something that is no range ("3-2", "555-1234").
    Reject,
}

/// "10 to 20", "10-20", "two or three" after the quantity `q`.
fn range_after(sc: &Scan, q: &Q) -> RangeAfter {
    let c = q.next;
    if !sc.joined(c) || q.vague {
        return RangeAfter::None;
    }
    let tight_dash = sc.tight(c) && sc.punct(c) == Some('-') && sc.tight(c + 1);
    let link = match sc.lw(c) {
        "to" | "–" | "—" => true,
        "-" => tight_dash,
        "or" => true,
        _ => false,
    };
    if !link {
        return RangeAfter::None;
    }
    // "from 10 to 20" is usually a change ("rose from 10 to 20"): two values.
    if sc.lw(c) == "to" && q.first > 0 && sc.is(q.first - 1, "from") {
        return RangeAfter::None;
    }
    let Some(q2) = quantity_at(sc, c + 1, true) else {
        return if tight_dash && matches!(sc.kind(c + 1), Some(TokKind::Num(_))) {
            RangeAfter::Reject
        } else {
            RangeAfter::None
        };
    };
    if q2.vague {
        return RangeAfter::None;
    }
    let Some((a, b)) = range_values(q, &q2) else {
        return if tight_dash { RangeAfter::Reject } else { RangeAfter::None };
    };
    // "one or two", "10 or 12": only close neighbours read as a range; "1
    // or 100" is a choice between two values.
    if sc.lw(c) == "or" && (q.digits != q2.digits || b - a > (a * 0.5).max(2.0)) {
        return RangeAfter::None;
    }
    // A dash between digits is a range only when nothing more is chained
    // ("1-800-555") and it does not read as a phone number ("555-1234").
    if tight_dash
        && ((sc.tight(q2.next) && matches!(sc.punct(q2.next), Some('-' | '/')))
            || (q.int_digits == 3 && q2.int_digits == 4))
    {
        return RangeAfter::Reject;
    }
    RangeAfter::Range(q2, a, b)
}

/// Bounds of "a to b", carrying a trailing scale back ("2 to 3 million").
fn range_values(q: &Q, q2: &Q) -> Option<(f64, f64)> {
    let a = if q.scale == 1.0 && q2.scale > 1.0 { q.value * q2.scale } else { q.value };
    (q2.value > a && !q.vague && !q2.vague).then_some((a, q2.value))
}

/// The quantity starting at `j`. `in_range` skips the left-context check
/// for the second half of "10-20".
fn quantity_at(sc: &Scan, j: usize, in_range: bool) -> Option<Q> {
    if in_range && !sc.joined(j) {
        return None;
    }
    match sc.kind(j)? {
        TokKind::Punct('$' | '£' | '€' | '¥') if sc.tight(j + 1) => {
            digits_at(sc, j + 1, j, true, true)
        }
        TokKind::Word
            if matches!(sc.raw(j), "US" | "A" | "C" | "HK" | "NZ" | "AU" | "S")
                && sc.punct(j + 1) == Some('$')
                && sc.tight(j + 1)
                && sc.tight(j + 2) =>
        {
            digits_at(sc, j + 2, j, true, true)
        }
        TokKind::Num(_) | TokKind::NumSuffix { .. } => digits_at(sc, j, j, false, in_range),
        TokKind::Word => words_at(sc, j),
        _ => None,
    }
}

/// Digits at `k` (the quantity's span starts at `first`, before any
/// currency sign).
fn digits_at(sc: &Scan, k: usize, first: usize, money: bool, skip_left: bool) -> Option<Q> {
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
fn left_context_ok(sc: &Scan, k: usize) -> bool {
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
fn right_context_ok(sc: &Scan, k: usize) -> bool {
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
fn month_abbrev_free(w: &str) -> bool {
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
fn is_address(sc: &Scan, n: usize) -> bool {
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

fn is_unit(s: &str) -> bool {
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

fn small_word(w: &str) -> Option<u32> {
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

fn tens_word(w: &str) -> Option<u32> {
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

fn big_scale(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// A units word (1–9) at `k`, for "twenty five" and "twenty-five".
fn unit_word_at(sc: &Scan, k: usize) -> Option<u32> {
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
fn cardinal_from(sc: &Scan, j: usize, implicit_one: bool) -> Option<(f64, usize)> {
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
fn skip_and(sc: &Scan, k: usize) -> usize {
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
fn scale_after(sc: &Scan, k: usize) -> (f64, usize) {
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
fn of_scale(sc: &Scan, k: usize) -> (f64, usize) {
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

fn q_words(first: usize, next: usize, value: f64, vague: bool) -> Q {
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
fn words_at(sc: &Scan, j: usize) -> Option<Q> {
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
fn number_word_counts(sc: &Scan, j: usize, e: usize, v: f64) -> bool {
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

fn one_is_count(sc: &Scan, j: usize) -> bool {
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

/// Function words: never the counted noun.
fn is_stop(w: &str) -> bool {
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

fn plural_like(w: &str) -> bool {
    w.len() >= 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
        && !w.ends_with("’s")
        && !is_stop(w)
}

fn invariant_plural(w: &str) -> bool {
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
fn time_noun_after(sc: &Scan, k: usize) -> bool {
    sc.joined(k)
        && matches!(
            sc.lw(k),
            "second"
                | "seconds"
                | "minute"
                | "minutes"
                | "hour"
                | "hours"
                | "day"
                | "days"
                | "week"
                | "weeks"
                | "month"
                | "months"
                | "year"
                | "years"
                | "decade"
                | "decades"
                | "century"
                | "centuries"
                | "weekend"
                | "weekends"
                | "night"
                | "nights"
        )
}

/// The counted noun after a number: the first lower-case plural within a
/// few words ("85 targets", "three U.S. soldiers", "several non-serious
/// injuries"), or for "one" the first lower-case word ("one soldier").
fn noun_after(sc: &Scan, k: usize, singular: bool) -> Option<(usize, usize)> {
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
