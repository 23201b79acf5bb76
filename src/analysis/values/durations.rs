//! Durations and ages: "eight years", "an 11-year veteran", "a 28-year-old",
//! "more than two decades", "several days", "the next seven years", "less
//! than a month". A duration is a count of time units (its hedge, and the
//! unit's span inside its own), since what matters about it is how long it
//! is; OntoNotes calls it DATE, so its mention is a date
//! (`Value::mention_kind`).

use super::Hedge;
use super::numbers::{NumMatch, hedge_prefix};
use super::scan::Scan;
use super::units;

/// A unit of calendar time, singular or plural, in any case.
pub(crate) fn is_time_unit(w: &str) -> bool {
    units::time_unit(&w.to_ascii_lowercase())
}

/// Words that may stand between a count and its unit: "six full seasons".
fn unit_modifier(w: &str) -> bool {
    matches!(w, "full" | "straight" | "consecutive" | "successive" | "more" | "long")
}

/// The duration's span when the number `m` counts units of time, with the
/// unit's span.
pub(crate) fn widen(sc: &Scan, m: &NumMatch) -> Option<(usize, usize, (usize, usize))> {
    let k = m.end;
    let (unit, mut end) = if hyphen_word(sc, k) && units::time_unit(sc.lw(k + 1)) {
        // "eight-year", "11-year-old"
        (k + 1, k + 2)
    } else {
        let mut u = k;
        if sc.joined(u) && sc.is_word(u) && unit_modifier(sc.lw(u)) {
            u += 1;
        }
        if !(sc.joined(u) && sc.is_word(u) && units::time_unit(sc.lw(u))) {
            return None;
        }
        (u, u + 1)
    };
    // "a 28-year-old", "28 years old", "a two-week-long"
    if hyphen_word(sc, end) && matches!(sc.lw(end + 1), "old" | "long") {
        end += 2;
    } else if sc.joined(end) && sc.is(end, "old") {
        end += 1;
    }
    let first = with_article_before(sc, m.first);
    let t = sc.toks[unit];
    Some((first, end, (t.start, t.end)))
}

/// "next", "past", … after "the": with a count of units, one date.
fn span_word(w: &str) -> bool {
    matches!(w, "next" | "past" | "last" | "previous" | "first" | "final" | "coming" | "following")
}

/// "the next seven years", "the past two decades", "his first three
/// seasons": the phrase is one date.
fn with_article_before(sc: &Scan, first: usize) -> usize {
    if first >= 2
        && sc.joined(first)
        && sc.joined(first - 1)
        && matches!(sc.lw(first - 2), "the" | "his" | "her" | "their" | "its" | "our")
        && span_word(sc.lw(first - 1))
    {
        first - 2
    } else {
        first
    }
}

/// Token `k` is a hyphen written tight between two words.
fn hyphen_word(sc: &Scan, k: usize) -> bool {
    sc.tight(k) && sc.punct(k) == Some('-') && sc.tight(k + 1) && sc.is_word(k + 1)
}

/// A hedged single unit: "less than a month", "nearly a year", "more than
/// a decade". (A bare "a year" is left alone: it is as often "per year".)
pub(crate) fn hedged_one_at(sc: &Scan, i: usize) -> Option<(NumMatch, (usize, usize))> {
    let (hedge, j) = hedge_prefix(sc, i)?;
    if matches!(hedge, Hedge::Range | Hedge::Exact) || !sc.joined(j) {
        return None;
    }
    if !(sc.is(j, "a") || sc.is(j, "an")) || !sc.joined(j + 1) {
        return None;
    }
    let u = j + 1;
    if !matches!(sc.lw(u), "day" | "week" | "month" | "year" | "decade" | "century" | "season") {
        return None;
    }
    let (low, high) = match hedge {
        Hedge::MoreThan | Hedge::AtLeast => (Some(1.0), None),
        Hedge::FewerThan | Hedge::AtMost => (None, Some(1.0)),
        _ => (Some(1.0), Some(1.0)),
    };
    let t = sc.toks[u];
    let m = NumMatch { first: i, end: u + 1, low, high, hedge, noun: Some((t.start, t.end)) };
    Some((m, (t.start, t.end)))
}

/// The singular unit at `u`, if it is one.
fn unit_one(sc: &Scan, u: usize) -> Option<(usize, usize)> {
    (sc.joined(u)
        && sc.is_word(u)
        && matches!(sc.lw(u), "day" | "week" | "month" | "year" | "decade" | "century" | "season"))
    .then(|| (sc.toks[u].start, sc.toks[u].end))
}

fn one(first: usize, end: usize, unit: (usize, usize), n: f64) -> (NumMatch, (usize, usize)) {
    let m =
        NumMatch { first, end, low: Some(n), high: Some(n), hedge: Hedge::Exact, noun: Some(unit) };
    (m, unit)
}

/// "the past year", "the next day", "the last season": one unit counted
/// back or forward, a span rather than a calendar period.
pub(crate) fn the_unit_at(sc: &Scan, i: usize) -> Option<(NumMatch, (usize, usize))> {
    if !sc.is(i, "the") || !sc.joined(i + 1) || !span_word(sc.lw(i + 1)) {
        return None;
    }
    let unit = unit_one(sc, i + 2)?;
    // "the last week of June" names part of a month, not a span.
    if sc.is(i + 3, "of") || sc.is(i + 3, "ago") {
        return None;
    }
    Some(one(i, i + 3, unit, 1.0))
}

/// "a one-year deal", "a fourth-year pro", "a 3rd-year student": a count or
/// an ordinal joined to a unit by a hyphen.
pub(crate) fn hyphen_unit_at(sc: &Scan, i: usize) -> Option<(NumMatch, (usize, usize))> {
    if !hyphen_word(sc, i + 1) {
        return None;
    }
    let n = match sc.lw(i) {
        "one" | "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        w => {
            let d = w.strip_suffix("st").or(w.strip_suffix("nd")).or(w.strip_suffix("rd"));
            let d = d.or(w.strip_suffix("th"))?;
            if d.is_empty() || d.len() > 3 || !d.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            d.parse().ok()?
        }
    };
    let unit = unit_one(sc, i + 2)?;
    let mut end = i + 3;
    if hyphen_word(sc, end) && matches!(sc.lw(end + 1), "old" | "long") {
        end += 2;
    }
    Some(one(i, end, unit, f64::from(n)))
}
