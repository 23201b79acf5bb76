//! From what a date says to the calendar days it names, given the article date.

use super::*;

pub(super) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

pub(super) fn month_range(year: i32, month: u32, part: Part) -> Option<DateRange> {
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

pub(super) fn year_range(year: i32, part: Part) -> Option<DateRange> {
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

pub(super) fn day_range(year: i32, month: u32, day: u32, to_day: Option<u32>) -> Option<DateRange> {
    let start = NaiveDate::from_ymd_opt(year, month, day)?;
    let end = match to_day {
        Some(d) => NaiveDate::from_ymd_opt(year, month, d)?,
        None => start,
    };
    Some(DateRange { start, end })
}

/// Picks, among the same day or month in the years around `d`, the one the
/// lean asks for.
pub(super) fn pick_year(
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

pub(super) fn resolve_period(d: NaiveDate, period: Period, rel: Rel) -> Option<DateRange> {
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
        Period::Season => None,
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
