//! Date patterns at a token: month first or day first, numeric, years, decades, parts of a period, weekdays, relative days, "ago".

use super::*;

/// "Nov. 22", "November 22nd, 2023", "January 2024", "January".
pub(super) fn month_first_at(sc: &Scan, i: usize) -> Option<Found> {
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
pub(super) fn day_first_at(sc: &Scan, i: usize) -> Option<Found> {
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
pub(super) fn numeric_at(sc: &Scan, i: usize) -> Option<Found> {
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
pub(super) fn year_at(sc: &Scan, i: usize) -> Option<Found> {
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
pub(super) fn decade_at(sc: &Scan, i: usize) -> Option<Found> {
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
pub(super) fn part_of_at(sc: &Scan, i: usize) -> Option<Found> {
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

/// "Monday" (also in "Monday evening"), "late Monday", "last Tuesday",
/// "Monday, Aug. 5".
pub(super) fn weekday_at(sc: &Scan, i: usize) -> Option<Found> {
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
    let end = at + 1;
    // "Monday, Aug. 5": the explicit date decides.
    let k = if sc.punct(end) == Some(',') { end + 1 } else { end };
    if sc.joined(k)
        && let Some((_, e, expr)) = month_first_at(sc, k).or_else(|| day_first_at(sc, k))
        && matches!(expr, DateExpr::Day { .. })
    {
        return Some((i, e, expr));
    }
    // "Monday evening": the day is the date, the part of it a time
    // (OntoNotes' DATE and TIME), so the span stops at the weekday.
    Some((i, end, DateExpr::Weekday { weekday, rel }))
}

/// "today", "yesterday", "this morning", "last week", "earlier this year",
/// "the weekend", "last night".
pub(super) fn relative_at(sc: &Scan, i: usize) -> Option<Found> {
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
            "season" | "winter" | "summer" | "spring" | "fall" | "autumn" => Some(Period::Season),
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
pub(super) fn ago_at(sc: &Scan, i: usize) -> Option<Found> {
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
