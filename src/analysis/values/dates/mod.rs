//! Date rules: month and weekday names, numeric dates, years, relative day
//! phrases, and their resolution against an article's date.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::DateRange;
use super::numbers::{cardinal_at, is_id_word, plural_noun_at};
use super::scan::{Scan, TokKind};

mod find;
mod resolve;
use find::*;

pub(crate) use find::is_range_link;
pub(crate) use resolve::{resolve_before, resolve_opt};

/// What a date mention says, before any article date is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateExpr {
    /// "Nov. 22", "Nov. 21, 2023", "2024-08-05", "Nov. 21-22".
    Day { year: Option<i32>, month: u32, day: u32, to_day: Option<u32> },
    /// "January", "January 2024", "the end of January", "mid-March".
    Month { year: Option<i32>, month: u32, part: Part },
    /// "2025", "early 2024", "2024-25".
    Year { year: i32, to_year: Option<i32>, part: Part },
    /// "the 1990s".
    Decade(i32),
    /// "Monday" (the span leaves out "evening"), "last Tuesday".
    Weekday { weekday: Weekday, rel: Rel },
    /// Days from the article date: "today" 0, "yesterday" −1, "last
    /// night" −1, "tomorrow" +1.
    DayOffset(i32),
    /// "last week", "this month", "earlier this year", "the weekend".
    Period { period: Period, rel: Rel },
    /// "two days ago"; `n` is None for "a few days ago".
    Ago { n: Option<u32>, unit: TimeUnit },
}

impl DateExpr {
    /// Names the same days whatever the article's date ("Nov. 21, 2023",
    /// "2025"), as opposed to "Monday" or "last week".
    pub fn is_absolute(&self) -> bool {
        match self {
            DateExpr::Day { year, .. } | DateExpr::Month { year, .. } => year.is_some(),
            DateExpr::Year { .. } | DateExpr::Decade(_) => true,
            _ => false,
        }
    }

    /// False only for a day or month stated without its year.
    pub fn has_year(&self) -> bool {
        match self {
            DateExpr::Day { year, .. } | DateExpr::Month { year, .. } => year.is_some(),
            _ => true,
        }
    }
}

/// Which part of a month or year: "early", "mid-", "late" / "the end of".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Whole,
    Early,
    Mid,
    Late,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rel {
    /// No qualifier: "Monday", "the weekend".
    Plain,
    This,
    Last,
    Next,
    EarlierThis,
    LaterThis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Week,
    Weekend,
    Month,
    Year,
    /// A sports season or a season of the year ("this season", "last
    /// winter"): no fixed calendar days, so never resolved.
    Season,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeUnit {
    Day,
    Week,
    Month,
    Year,
}

/// Which way a date without a year leans, from the word before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lean {
    /// "since Oct. 7", "last January": on or before the article date.
    Past,
    /// No cue: on or before the article date, or up to a month after it.
    Near,
    /// "until Sept. 30", "next March", "by January": on or after it.
    Future,
}

/// How far past the article date an unqualified "Nov. 22" may fall: news
/// reports the past, but announces events a few weeks ahead.
const NEAR_FUTURE_DAYS: u64 = 30;

pub(crate) struct DateMatch {
    /// First token of the span.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    pub expr: DateExpr,
    pub lean: Lean,
}

/// A date mention starting at token `i`, if any.
pub(crate) fn date_at(sc: &Scan, i: usize) -> Option<DateMatch> {
    let found = match sc.kind(i)? {
        TokKind::Word => relative_at(sc, i)
            .or_else(|| part_of_at(sc, i))
            .or_else(|| weekday_at(sc, i))
            .or_else(|| month_first_at(sc, i))
            .or_else(|| ago_at(sc, i)),
        TokKind::Num(_) => numeric_at(sc, i)
            .or_else(|| day_first_at(sc, i))
            .or_else(|| ago_at(sc, i))
            .or_else(|| year_at(sc, i)),
        TokKind::NumSuffix { .. } => day_first_at(sc, i).or_else(|| decade_at(sc, i)),
        _ => None,
    }?;
    let (first, end, expr) = found;
    let lean = match expr {
        DateExpr::Day { year: None, .. } | DateExpr::Month { year: None, .. } => {
            match sc.lw(first) {
                "last" => Lean::Past,
                "next" => Lean::Future,
                _ => lean_before(sc, first),
            }
        }
        _ => Lean::Near,
    };
    Some(DateMatch { first, end, expr, lean })
}

type Found = (usize, usize, DateExpr);

fn lean_before(sc: &Scan, first: usize) -> Lean {
    match sc.lw_before(first, 1) {
        "since" | "last" | "past" | "previous" => Lean::Past,
        "next" | "until" | "till" | "by" | "coming" | "upcoming" => Lean::Future,
        _ => Lean::Near,
    }
}

/// The word before `i` invites a bare month name: "in May", "since March".
fn month_cue_before(sc: &Scan, i: usize) -> bool {
    matches!(
        sc.lw_before(i, 1),
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "during"
            | "from"
            | "through"
            | "last"
            | "next"
            | "this"
            | "early"
            | "late"
            | "mid"
            | "before"
            | "after"
            | "between"
            | "of"
    ) && sc.joined(i)
}

fn month_word(w: &str) -> Option<(u32, bool)> {
    // (month, written in full)
    Some(match w {
        "january" => (1, true),
        "february" => (2, true),
        "march" => (3, true),
        "april" => (4, true),
        "may" => (5, true),
        "june" => (6, true),
        "july" => (7, true),
        "august" => (8, true),
        "september" => (9, true),
        "october" => (10, true),
        "november" => (11, true),
        "december" => (12, true),
        "jan" => (1, false),
        "feb" => (2, false),
        "mar" => (3, false),
        "apr" => (4, false),
        "jun" => (6, false),
        "jul" => (7, false),
        "aug" => (8, false),
        "sep" | "sept" => (9, false),
        "oct" => (10, false),
        "nov" => (11, false),
        "dec" => (12, false),
        _ => return None,
    })
}

fn weekday_word(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

struct MonthTok {
    month: u32,
    /// Token after the name (and after its abbreviation dot).
    next: usize,
    /// The name is a date on its own: written in full and not "May" or
    /// "March", which are also a verb, a name and a noun.
    strong: bool,
}

/// A month name at `i` and the year right after it if one follows
/// ("November 2023"), with the token after both.
fn month_and_year(sc: &Scan, i: usize) -> Option<(MonthTok, Option<i32>, usize)> {
    let mt = month_tok(sc, i)?;
    match year4(sc, mt.next) {
        Some(y) if sc.joined(mt.next) => {
            let end = mt.next + 1;
            Some((mt, Some(y), end))
        }
        _ => {
            let end = mt.next;
            Some((mt, None, end))
        }
    }
}

fn month_tok(sc: &Scan, i: usize) -> Option<MonthTok> {
    if !sc.is_word(i) || !sc.capitalized(i) {
        return None;
    }
    let (month, full) = month_word(sc.lw(i))?;
    let mut next = i + 1;
    // "Nov." and, written loosely, "May. 3".
    if sc.punct(next) == Some('.')
        && sc.tight(next)
        && (!full || (sc.joined(next + 1) && day_number(sc, next + 1).is_some()))
    {
        next += 1;
    }
    Some(MonthTok { month, next, strong: full && month != 3 && month != 5 })
}

/// A day of the month at `j`: "22", "22nd", "21-22" (with the end day).
fn day_at(sc: &Scan, j: usize) -> Option<(u32, Option<u32>, usize)> {
    if !sc.joined(j) {
        return None;
    }
    let day = day_number(sc, j)?;
    let mut next = j + 1;
    // A time ("July 18 10:30" is fine, "18:30" is not a day) or a percentage.
    if sc.tight(next) && matches!(sc.punct(next), Some(':' | '%' | '/')) {
        return None;
    }
    let mut to_day = None;
    if matches!(sc.punct(next), Some('-' | '–'))
        && sc.joined(next + 1)
        && let Some(d2) = day_number(sc, next + 1).filter(|&d2| d2 > day)
    {
        to_day = Some(d2);
        next += 2;
    }
    Some((day, to_day, next))
}

fn day_number(sc: &Scan, j: usize) -> Option<u32> {
    let (num, ok) = match sc.kind(j)? {
        TokKind::Num(n) => (n, true),
        TokKind::NumSuffix { num, split } => {
            let t = sc.toks[j];
            let suffix = sc.lower.get(split..t.end)?;
            (num, matches!(suffix, "st" | "nd" | "rd" | "th"))
        }
        _ => return None,
    };
    let v = num.value;
    (ok && num.is_plain_int() && num.int_digits <= 2 && (1.0..=31.0).contains(&v))
        .then_some(v as u32)
}

/// A four-digit year at `j` (1000–2999), written plainly.
fn year4(sc: &Scan, j: usize) -> Option<i32> {
    let n = sc.num(j)?;
    if !n.is_plain_int() || n.int_digits != 4 || !(1000.0..=2999.0).contains(&n.value) {
        return None;
    }
    // "2024-25" is handled by `year_at`; "1500:00" is no year.
    if sc.tight(j + 1) && matches!(sc.punct(j + 1), Some(':' | '%')) {
        return None;
    }
    Some(n.value as i32)
}

fn valid_day(year: Option<i32>, month: u32, day: u32) -> bool {
    // 2000 is a leap year, so Feb. 29 without a year is accepted.
    NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day).is_some()
}
