//! Number rules: digit groups, number words, vague quantities, hedges,
//! ranges, and the contexts where digits are not a quantity (codes, times,
//! identifiers).

use super::Hedge;
use super::scan::{Scan, TokKind};

mod digits;
mod nouns;
mod words;
use digits::*;
use nouns::*;
use words::*;

pub(crate) use digits::is_id_word;
pub(crate) use nouns::plural_noun_at;
pub(crate) use words::cardinal_at;

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
    // A unit of measure belongs to the quantity ("35 miles", "440 yards",
    // OntoNotes' QUANTITY), as "percent" does; a counted noun does not.
    // "seven km", "6.7 degree": a unit of measure even where it is no
    // plural noun.
    let noun = match noun {
        None if q.unit.is_none()
            && end == q.next
            && sc.joined(end)
            && sc.is_word(end)
            && is_measure(sc.lw(end)) =>
        {
            Some((sc.toks[end].start, sc.toks[end].end))
        }
        n => n,
    };
    let end = match noun {
        Some((s, _))
            if q.unit.is_none()
                && end == q.next
                && sc.toks.get(end).is_some_and(|t| t.start == s)
                && is_measure(sc.lw(end)) =>
        {
            // "28 degrees Celsius"
            if matches!(sc.lw(end), "degree" | "degrees")
                && sc.joined(end + 1)
                && matches!(sc.lw(end + 1), "celsius" | "fahrenheit" | "centigrade")
            {
                end + 2
            } else {
                end + 1
            }
        }
        _ => end,
    };
    NumMatch { first, end, low, high, hedge, noun }
}

/// Units of length, area, weight, volume and temperature, written out.
fn is_measure(w: &str) -> bool {
    matches!(
        w,
        "mile"
            | "miles"
            | "yard"
            | "yards"
            | "foot"
            | "feet"
            | "inch"
            | "inches"
            | "kilometer"
            | "kilometers"
            | "kilometre"
            | "kilometres"
            | "km"
            | "meter"
            | "meters"
            | "metre"
            | "metres"
            | "centimeters"
            | "centimetres"
            | "acre"
            | "acres"
            | "hectare"
            | "hectares"
            | "kilogram"
            | "kilograms"
            | "kg"
            | "ton"
            | "tons"
            | "tonne"
            | "tonnes"
            | "gallon"
            | "gallons"
            | "liter"
            | "liters"
            | "litre"
            | "litres"
            | "barrel"
            | "barrels"
            | "degree"
            | "degrees"
            | "mph"
    )
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
    (&["higher", "than"], Hedge::MoreThan),
    (&["longer", "than"], Hedge::MoreThan),
    (&["above"], Hedge::MoreThan),
    (&["at", "least"], Hedge::AtLeast),
    (&["no", "fewer", "than"], Hedge::AtLeast),
    (&["no", "less", "than"], Hedge::AtLeast),
    (&["not", "less", "than"], Hedge::AtLeast),
    (&["a", "minimum", "of"], Hedge::AtLeast),
    (&["as", "few", "as"], Hedge::AtLeast),
    (&["as", "many", "as"], Hedge::AtMost),
    (&["as", "high", "as"], Hedge::AtMost),
    (&["as", "long", "as"], Hedge::AtMost),
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
    (&["lower", "than"], Hedge::FewerThan),
    (&["shorter", "than"], Hedge::FewerThan),
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
    // "only two", "just 404 yards": OntoNotes keeps the word in the span.
    (&["only"], Hedge::Exact),
    (&["just"], Hedge::Exact),
    (&["between"], Hedge::Range),
];

/// Each first word of a hedge, with the hedges that begin with it in
/// `HEDGES` order (which is the order of preference).
#[derive(Default)]
struct Starts {
    words: std::collections::HashMap<&'static str, Vec<usize>, foldhash::fast::RandomState>,
    /// Bit `n` of `lens[b]`: some first word has `n` bytes (`n` < 64) and
    /// begins with byte `b`. Most words are ruled out by this alone,
    /// without hashing them (the lookups were 3 % of the instructions of
    /// `dateline entities` on the ECB+ dev articles).
    lens: Vec<u64>,
}

impl Starts {
    fn get(&self, w: &str) -> Option<&Vec<usize>> {
        let n = w.len();
        if let Some(&b) = w.as_bytes().first()
            && n < 64
            && self.lens[b as usize] & (1 << n) == 0
        {
            return None;
        }
        self.words.get(w)
    }
}

/// The words a hedge begins with: most words begin none, and are ruled
/// out with one lookup; a word that begins some ("as", "no", "at") is
/// tried against those alone, not against every hedge.
fn hedge_starts() -> &'static Starts {
    static STARTS: std::sync::OnceLock<Starts> = std::sync::OnceLock::new();
    STARTS.get_or_init(|| {
        let mut m = Starts { lens: vec![0; 256], ..Starts::default() };
        for (k, (words, _)) in HEDGES.iter().enumerate() {
            m.words.entry(words[0]).or_default().push(k);
            let w = words[0].as_bytes();
            if let Some(&b) = w.first()
                && w.len() < 64
            {
                m.lens[b as usize] |= 1 << w.len();
            }
        }
        m
    })
}

/// A hedge phrase at `i`: its meaning and the token after it.
pub(crate) fn hedge_prefix(sc: &Scan, i: usize) -> Option<(Hedge, usize)> {
    if sc.punct(i) == Some('~') && sc.tight(i + 1) {
        return Some((Hedge::About, i + 1));
    }
    if !sc.is_word(i) {
        return None;
    }
    for &h in hedge_starts().get(sc.lw(i))? {
        let (words, hedge) = &HEDGES[h];
        // The first word is the one looked up.
        let matched =
            words.iter().enumerate().skip(1).all(|(k, w)| sc.is(i + k, w) && sc.joined(i + k));
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
