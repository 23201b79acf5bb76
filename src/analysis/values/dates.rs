//! Date rules: month and weekday names, numeric dates, years, relative day
//! phrases, and their resolution against an article's date.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::DateRange;
use super::numbers::{cardinal_at, is_id_word, plural_noun_at};
use super::scan::{Scan, TokKind};

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
    /// "Monday", "Monday evening", "last Tuesday".
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

/// "Nov. 22", "November 22nd, 2023", "January 2024", "January".
fn month_first_at(sc: &Scan, i: usize) -> Option<Found> {
    let mt = month_tok(sc, i)?;
    let (month, j) = (mt.month, mt.next);
    if let Some((day, to_day, mut j)) = day_at(sc, j) {
        let mut year = None;
        let k = if sc.punct(j) == Some(',') && sc.joined(j) { j + 1 } else { j };
        if sc.joined(k)
            && let Some(y) = year4(sc, k)
        {
            year = Some(y);
            j = k + 1;
        }
        if !valid_day(year, month, day) || to_day.is_some_and(|d| !valid_day(year, month, d)) {
            return None;
        }
        return Some((i, j, DateExpr::Day { year, month, day, to_day }));
    }
    if sc.joined(j)
        && let Some(y) = year4(sc, j)
    {
        return Some((i, j + 1, DateExpr::Month { year: Some(y), month, part: Part::Whole }));
    }
    if mt.strong || month_cue_before(sc, i) {
        return Some((i, j, DateExpr::Month { year: None, month, part: Part::Whole }));
    }
    None
}

/// "22 November 2023", "the 22nd of November".
fn day_first_at(sc: &Scan, i: usize) -> Option<Found> {
    let day = day_number(sc, i)?;
    let mut j = i + 1;
    if sc.is(j, "of") && sc.joined(j) {
        j += 1;
    }
    if !sc.joined(j) {
        return None;
    }
    let (mt, year, end) = month_and_year(sc, j)?;
    if !valid_day(year, mt.month, day) {
        return None;
    }
    Some((i, end, DateExpr::Day { year, month: mt.month, day, to_day: None }))
}

/// "2024-08-05", "8/5/2024" (month first unless the first number cannot
/// be a month).
fn numeric_at(sc: &Scan, i: usize) -> Option<Found> {
    let tight_seq = |sep: char| {
        sc.tight(i + 1)
            && sc.punct(i + 1) == Some(sep)
            && sc.tight(i + 2)
            && sc.tight(i + 3)
            && sc.punct(i + 3) == Some(sep)
            && sc.tight(i + 4)
    };
    let int = |j: usize, digits: std::ops::RangeInclusive<u8>| {
        sc.num(j)
            .filter(|n| n.is_plain_int() && digits.contains(&n.int_digits))
            .map(|n| n.value as u32)
    };
    for sep in ['-', '/'] {
        if !tight_seq(sep) {
            continue;
        }
        let (a, b, c) = (i, i + 2, i + 4);
        let date = if let (Some(y), Some(m), Some(d)) =
            (int(a, 4..=4), int(b, 1..=2), int(c, 1..=2))
        {
            NaiveDate::from_ymd_opt(y as i32, m, d)
        } else if let (Some(x), Some(y2), Some(z)) = (int(a, 1..=2), int(b, 1..=2), int(c, 2..=4)) {
            if sep != '/' {
                return None;
            }
            let year = match sc.num(c)?.int_digits {
                4 => z as i32,
                2 if z < 70 => 2000 + z as i32,
                2 => 1900 + z as i32,
                _ => return None,
            };
            let (m, d) = if x > 12 { (y2, x) } else { (x, y2) };
            NaiveDate::from_ymd_opt(year, m, d)
        } else {
            None
        };
        let date = date?;
        // Not part of a longer code such as "2024-08-05-17".
        if sc.tight(i + 5) && matches!(sc.punct(i + 5), Some('-' | '/')) {
            return None;
        }
        return Some((
            i,
            i + 5,
            DateExpr::Day {
                year: Some(date.year()),
                month: date.month(),
                day: date.day(),
                to_day: None,
            },
        ));
    }
    None
}

/// A bare year: "2025", "in 1991", "2024-25". Four digits from 1900 to
/// 2099 read as a year unless they count something ("2000 troops"); older
/// years need a cue word ("in 1066").
fn year_at(sc: &Scan, i: usize) -> Option<Found> {
    let y = year4(sc, i)?;
    if sc.tight(i) && i > 0 {
        // "AC-2024", "#2024", "$2024", "v.2024".
        return None;
    }
    let prev = sc.lw_before(i, 1);
    let cue = matches!(
        prev,
        "in" | "since"
            | "of"
            | "by"
            | "until"
            | "till"
            | "from"
            | "during"
            | "before"
            | "after"
            | "year"
            | "circa"
            | "early"
            | "late"
            | "mid"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "through"
            | "between"
            | "and"
            | "the"
            | "its"
            | "s"
    ) || (i > 0 && month_tok(sc, i - 1).is_some());
    if !(1900..=2099).contains(&y) && !cue {
        return None;
    }
    if i > 0 && is_id_word(sc, i - 1) {
        return None;
    }
    // Seasons and fiscal years: "2024-25", "2023/24", "2024–2025".
    let mut end = i + 1;
    let mut to_year = None;
    if sc.tight(end) && matches!(sc.punct(end), Some('-' | '–' | '/')) && sc.tight(end + 1) {
        let n = sc.num(end + 1)?;
        let next = y + 1;
        if n.is_plain_int()
            && ((n.int_digits == 2 && n.value as i32 == next % 100)
                || (n.int_digits == 4 && n.value as i32 == next))
        {
            to_year = Some(next);
            end += 2;
        } else {
            return None;
        }
    }
    if !cue && to_year.is_none() && plural_noun_at(sc, end) {
        return None;
    }
    Some((i, end, DateExpr::Year { year: y, to_year, part: Part::Whole }))
}

/// "the 1990s".
fn decade_at(sc: &Scan, i: usize) -> Option<Found> {
    let Some(TokKind::NumSuffix { num, split }) = sc.kind(i) else { return None };
    let suffix = sc.lower.get(split..sc.toks[i].end)?;
    let y = num.value;
    if suffix != "s" || !num.is_plain_int() || num.int_digits != 4 || y % 10.0 != 0.0 {
        return None;
    }
    if !(1000.0..=2990.0).contains(&y) {
        return None;
    }
    Some((i, i + 1, DateExpr::Decade(y as i32)))
}

/// "early January", "mid-2024", "late 2023", "the end of January",
/// "the beginning of 2025".
fn part_of_at(sc: &Scan, i: usize) -> Option<Found> {
    let (part, mut j) = match sc.lw(i) {
        "early" => (Part::Early, i + 1),
        "mid" => (Part::Mid, i + 1),
        "late" => (Part::Late, i + 1),
        "the" | "end" | "beginning" | "start" | "middle" => {
            let k = if sc.lw(i) == "the" { i + 1 } else { i };
            let part = match sc.lw(k) {
                "end" => Part::Late,
                "beginning" | "start" => Part::Early,
                "middle" => Part::Mid,
                _ => return None,
            };
            if !sc.is(k + 1, "of") || !sc.joined(k + 1) {
                return None;
            }
            (part, k + 2)
        }
        _ => return None,
    };
    if sc.punct(j) == Some('-') && sc.tight(j) {
        j += 1;
    }
    if !sc.joined(j) {
        return None;
    }
    if let Some((mt, year, end)) = month_and_year(sc, j) {
        return Some((i, end, DateExpr::Month { year, month: mt.month, part }));
    }
    let y = year4(sc, j)?;
    Some((i, j + 1, DateExpr::Year { year: y, to_year: None, part }))
}

/// "Monday", "Monday evening", "late Monday", "last Tuesday",
/// "Monday, Aug. 5".
fn weekday_at(sc: &Scan, i: usize) -> Option<Found> {
    let (rel, at) = match sc.lw(i) {
        "last" => (Rel::Last, i + 1),
        "next" => (Rel::Next, i + 1),
        "this" => (Rel::This, i + 1),
        "early" | "late" => (Rel::Plain, i + 1),
        _ => (Rel::Plain, i),
    };
    if at != i && !sc.joined(at) {
        return None;
    }
    if !sc.is_word(at) || !sc.capitalized(at) {
        return None;
    }
    let weekday = weekday_word(sc.lw(at))?;
    // Holidays named after a weekday are not that week's day.
    if at == i
        && i > 0
        && sc.capitalized(i - 1)
        && sc.joined(i)
        && matches!(
            sc.lw(i - 1),
            "good"
                | "black"
                | "cyber"
                | "ash"
                | "holy"
                | "super"
                | "maundy"
                | "easter"
                | "bloody"
                | "palm"
                | "shrove"
                | "giving"
                | "small"
        )
    {
        return None;
    }
    let mut end = at + 1;
    // "Monday, Aug. 5": the explicit date decides.
    let k = if sc.punct(end) == Some(',') { end + 1 } else { end };
    if sc.joined(k)
        && let Some((_, e, expr)) = month_first_at(sc, k).or_else(|| day_first_at(sc, k))
        && matches!(expr, DateExpr::Day { .. })
    {
        return Some((i, e, expr));
    }
    if sc.joined(end)
        && matches!(sc.lw(end), "morning" | "afternoon" | "evening" | "night" | "overnight")
        && sc.is_word(end)
    {
        end += 1;
    }
    Some((i, end, DateExpr::Weekday { weekday, rel }))
}

/// "today", "yesterday", "this morning", "last week", "earlier this year",
/// "the weekend", "last night".
fn relative_at(sc: &Scan, i: usize) -> Option<Found> {
    let w = sc.lw(i);
    let single = match w {
        "today" => Some(0),
        "tonight" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        _ => None,
    };
    if let Some(off) = single {
        return Some((i, i + 1, DateExpr::DayOffset(off)));
    }
    let period_word = |j: usize| -> Option<Period> {
        if !sc.joined(j) || !sc.is_word(j) {
            return None;
        }
        match sc.lw(j) {
            "week" => Some(Period::Week),
            "weekend" => Some(Period::Weekend),
            "month" => Some(Period::Month),
            "year" => Some(Period::Year),
            _ => None,
        }
    };
    let time_of_day =
        |j: usize| sc.joined(j) && matches!(sc.lw(j), "morning" | "afternoon" | "evening");
    match w {
        "this" | "last" | "next" | "past" => {
            let rel = match w {
                "this" => Rel::This,
                "next" => Rel::Next,
                // "this past weekend" reads as the last one.
                _ => Rel::Last,
            };
            // "last July", "next March"
            if w != "past"
                && sc.joined(i + 1)
                && let Some(mt) = month_tok(sc, i + 1)
            {
                return Some((
                    i,
                    mt.next,
                    DateExpr::Month { year: None, month: mt.month, part: Part::Whole },
                ));
            }
            if w == "this" && time_of_day(i + 1) {
                return Some((i, i + 2, DateExpr::DayOffset(0)));
            }
            if w == "last" && sc.joined(i + 1) && sc.lw(i + 1) == "night" {
                return Some((i, i + 2, DateExpr::DayOffset(-1)));
            }
            if w == "this" && sc.is(i + 1, "past") && period_word(i + 2) == Some(Period::Weekend) {
                return Some((
                    i,
                    i + 3,
                    DateExpr::Period { period: Period::Weekend, rel: Rel::Last },
                ));
            }
            // "the past year" is a span back from now, not a calendar year.
            if w == "past" {
                if period_word(i + 1) == Some(Period::Weekend) && sc.lw_before(i, 1) != "the" {
                    return Some((i, i + 2, DateExpr::Period { period: Period::Weekend, rel }));
                }
                return None;
            }
            // "the last week of" is no calendar reference either.
            if sc.lw_before(i, 1) == "the" {
                return None;
            }
            let period = period_word(i + 1)?;
            Some((i, i + 2, DateExpr::Period { period, rel }))
        }
        "earlier" | "later" => {
            if !sc.is(i + 1, "this") || !sc.joined(i + 1) {
                if sc.joined(i + 1) && sc.is(i + 1, "today") {
                    return Some((i, i + 2, DateExpr::DayOffset(0)));
                }
                return None;
            }
            if time_of_day(i + 2) {
                return Some((i, i + 3, DateExpr::DayOffset(0)));
            }
            let period = period_word(i + 2)?;
            let rel = if w == "earlier" { Rel::EarlierThis } else { Rel::LaterThis };
            Some((i, i + 3, DateExpr::Period { period, rel }))
        }
        "the" if period_word(i + 1) == Some(Period::Weekend) => {
            Some((i, i + 2, DateExpr::Period { period: Period::Weekend, rel: Rel::Plain }))
        }
        _ => None,
    }
}

/// "two days ago", "a week ago", "a few years ago".
fn ago_at(sc: &Scan, i: usize) -> Option<Found> {
    let (n, j): (Option<u32>, usize) = match sc.lw(i) {
        "a" | "an" if sc.is(i + 1, "few") || sc.is(i + 1, "couple") => {
            let j = if sc.is(i + 2, "of") { i + 3 } else { i + 2 };
            (None, j)
        }
        "a" | "an" => (Some(1), i + 1),
        "several" | "few" | "many" => (None, i + 1),
        _ => {
            if let Some(n) = sc.num(i) {
                if !n.is_plain_int() || n.value > 10000.0 {
                    return None;
                }
                (Some(n.value as u32), i + 1)
            } else {
                let (v, j) = cardinal_at(sc, i)?;
                if v.fract() != 0.0 || v > 10000.0 {
                    return None;
                }
                (Some(v as u32), j)
            }
        }
    };
    if !sc.joined(j) || !sc.joined(j + 1) || !sc.is(j + 1, "ago") {
        return None;
    }
    let unit = match sc.lw(j) {
        "day" | "days" => TimeUnit::Day,
        "week" | "weeks" => TimeUnit::Week,
        "month" | "months" => TimeUnit::Month,
        "year" | "years" => TimeUnit::Year,
        _ => return None,
    };
    Some((i, j + 2, DateExpr::Ago { n, unit }))
}

/// Token `k` links two dates into a span: "and" (after "between"), "to",
/// "through", "until", a dash.
pub(crate) fn is_range_link(sc: &Scan, k: usize) -> bool {
    matches!(sc.lw(k), "and" | "to" | "through" | "until" | "till" | "-" | "–" | "—")
}

// ---------------------------------------------------------------------------
// Resolution

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn month_range(year: i32, month: u32, part: Part) -> Option<DateRange> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
    let day = |d: u32| NaiveDate::from_ymd_opt(year, month, d);
    Some(match part {
        Part::Whole => DateRange { start: first, end: last },
        Part::Early => DateRange { start: first, end: day(10)? },
        Part::Mid => DateRange { start: day(11)?, end: day(20)? },
        Part::Late => DateRange { start: day(21)?, end: last },
    })
}

fn year_range(year: i32, part: Part) -> Option<DateRange> {
    let (m1, m2) = match part {
        Part::Whole => (1, 12),
        Part::Early => (1, 4),
        Part::Mid => (5, 8),
        Part::Late => (9, 12),
    };
    Some(DateRange {
        start: NaiveDate::from_ymd_opt(year, m1, 1)?,
        end: month_range(year, m2, Part::Whole)?.end,
    })
}

fn day_range(year: i32, month: u32, day: u32, to_day: Option<u32>) -> Option<DateRange> {
    let start = NaiveDate::from_ymd_opt(year, month, day)?;
    let end = match to_day {
        Some(d) => NaiveDate::from_ymd_opt(year, month, d)?,
        None => start,
    };
    Some(DateRange { start, end })
}

/// Picks, among the same day or month in the years around `d`, the one the
/// lean asks for.
fn pick_year(
    d: NaiveDate,
    lean: Lean,
    make: impl Fn(i32) -> Option<DateRange>,
) -> Option<DateRange> {
    let cands: Vec<DateRange> = (d.year() - 1..=d.year() + 1).filter_map(&make).collect();
    match lean {
        Lean::Past => cands.into_iter().rev().find(|r| r.start <= d),
        Lean::Future => cands.into_iter().find(|r| r.end >= d),
        Lean::Near => {
            let limit = d.checked_add_days(Days::new(NEAR_FUTURE_DAYS))?;
            cands.into_iter().rev().find(|r| r.start <= limit)
        }
    }
}

/// The calendar days `expr` names, read in an article dated `d`.
pub(crate) fn resolve(expr: &DateExpr, d: NaiveDate, lean: Lean) -> Option<DateRange> {
    match *expr {
        DateExpr::Day { year: Some(y), month, day, to_day } => day_range(y, month, day, to_day),
        DateExpr::Day { year: None, month, day, to_day } => {
            pick_year(d, lean, |y| day_range(y, month, day, to_day))
        }
        DateExpr::Month { year: Some(y), month, part } => month_range(y, month, part),
        DateExpr::Month { year: None, month, part } => {
            pick_year(d, lean, |y| month_range(y, month, part))
        }
        DateExpr::Year { year, to_year, part } => {
            let r = year_range(year, part)?;
            match to_year {
                Some(y2) => {
                    Some(DateRange { start: r.start, end: year_range(y2, Part::Whole)?.end })
                }
                None => Some(r),
            }
        }
        DateExpr::Decade(y) => Some(DateRange {
            start: NaiveDate::from_ymd_opt(y, 1, 1)?,
            end: NaiveDate::from_ymd_opt(y + 9, 12, 31)?,
        }),
        DateExpr::Weekday { weekday, rel } => {
            let today = d.weekday().num_days_from_monday() as i64;
            let target = weekday.num_days_from_monday() as i64;
            let back = (today - target).rem_euclid(7);
            let offset = match rel {
                Rel::Plain | Rel::EarlierThis => -back,
                Rel::Last => {
                    if back == 0 {
                        -7
                    } else {
                        -back
                    }
                }
                Rel::Next | Rel::LaterThis => {
                    let fwd = (target - today).rem_euclid(7);
                    if fwd == 0 { 7 } else { fwd }
                }
                Rel::This => target - today,
            };
            add_days(d, offset).map(DateRange::day)
        }
        DateExpr::DayOffset(n) => add_days(d, n as i64).map(DateRange::day),
        DateExpr::Period { period, rel } => resolve_period(d, period, rel),
        DateExpr::Ago { n: Some(n), unit } => {
            let day = match unit {
                TimeUnit::Day => add_days(d, -(n as i64)),
                TimeUnit::Week => add_days(d, -7 * n as i64),
                TimeUnit::Month => d.checked_sub_months(Months::new(n)),
                TimeUnit::Year => d.checked_sub_months(Months::new(n.checked_mul(12)?)),
            };
            day.map(DateRange::day)
        }
        DateExpr::Ago { n: None, .. } => None,
    }
}

fn resolve_period(d: NaiveDate, period: Period, rel: Rel) -> Option<DateRange> {
    // The current period, then shifted for last/next.
    let span = |start: NaiveDate, end: NaiveDate| Some(DateRange { start, end });
    match period {
        Period::Week => {
            let mon = add_days(d, -(d.weekday().num_days_from_monday() as i64))?;
            let sun = add_days(mon, 6)?;
            match rel {
                Rel::Plain | Rel::This => span(mon, sun),
                Rel::Last => span(add_days(mon, -7)?, add_days(mon, -1)?),
                Rel::Next => span(add_days(mon, 7)?, add_days(mon, 13)?),
                Rel::EarlierThis => span(mon, d),
                Rel::LaterThis => span(d, sun),
            }
        }
        Period::Weekend => {
            // Days back to the most recent Saturday (today if Saturday).
            let back = (d.weekday().num_days_from_monday() as i64 - 5).rem_euclid(7);
            let sat = add_days(d, -back)?;
            let in_weekend = back <= 1;
            let sat = match rel {
                Rel::Last if in_weekend => add_days(sat, -7)?,
                Rel::Next => add_days(sat, 7)?,
                Rel::This | Rel::LaterThis if !in_weekend => add_days(sat, 7)?,
                _ => sat,
            };
            span(sat, add_days(sat, 1)?)
        }
        Period::Month => {
            let first = NaiveDate::from_ymd_opt(d.year(), d.month(), 1)?;
            let cur = month_range(d.year(), d.month(), Part::Whole)?;
            let shifted = |r: i32| {
                let f = if r < 0 {
                    first.checked_sub_months(Months::new(1))?
                } else {
                    first.checked_add_months(Months::new(1))?
                };
                month_range(f.year(), f.month(), Part::Whole)
            };
            match rel {
                Rel::Plain | Rel::This => Some(cur),
                Rel::Last => shifted(-1),
                Rel::Next => shifted(1),
                Rel::EarlierThis => span(cur.start, d),
                Rel::LaterThis => span(d, cur.end),
            }
        }
        Period::Year => {
            let cur = year_range(d.year(), Part::Whole)?;
            match rel {
                Rel::Plain | Rel::This => Some(cur),
                Rel::Last => year_range(d.year() - 1, Part::Whole),
                Rel::Next => year_range(d.year() + 1, Part::Whole),
                Rel::EarlierThis => span(cur.start, d),
                Rel::LaterThis => span(d, cur.end),
            }
        }
    }
}

/// Resolves `expr` against the article date when there is one; absolute
/// dates resolve without it.
pub(crate) fn resolve_opt(expr: &DateExpr, d: Option<NaiveDate>, lean: Lean) -> Option<DateRange> {
    match d {
        Some(d) => resolve(expr, d, lean),
        // Any reference day will do: an absolute date ignores it.
        None if expr.is_absolute() => resolve(expr, NaiveDate::MIN, lean),
        None => None,
    }
}

/// Resolves a day or month without a year to its latest occurrence on or
/// before `anchor` (the first half of "between Oct. 17 and Jan. 29").
pub(crate) fn resolve_before(expr: &DateExpr, anchor: NaiveDate) -> Option<DateRange> {
    resolve(expr, anchor, Lean::Past)
}
