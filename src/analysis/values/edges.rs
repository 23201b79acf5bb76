//! Where a date's span begins and ends, OntoNotes' way: "late last week",
//! "later Tuesday", "the 1990s", "the 2008 season", "last week's". The
//! words around the date change its span, not what it says. "Monday
//! evening" stays "Monday": the part of the day is a time.

use super::dates::DateExpr;
use super::scan::Scan;

/// The widened token span `[first, end)` of the date `expr` found at
/// `[first, end)`; `bound` is the byte offset where the previous value ends,
/// which the span never reaches back over.
pub(crate) fn widen(
    sc: &Scan,
    mut first: usize,
    mut end: usize,
    expr: &DateExpr,
    bound: usize,
) -> (usize, usize) {
    let free_before = |first: usize| {
        first > 0 && sc.joined(first) && sc.toks[first - 1].start >= bound && sc.is_word(first - 1)
    };
    let relative =
        matches!(expr, DateExpr::Weekday { .. } | DateExpr::DayOffset(_) | DateExpr::Period { .. });
    // "early yesterday", "late last week", "later Tuesday", "just last month"
    if relative
        && free_before(first)
        && matches!(sc.lw(first - 1), "early" | "late" | "later" | "earlier" | "just")
        && !matches!(sc.lw(first), "early" | "late" | "later" | "earlier")
    {
        first -= 1;
    }
    match expr {
        // "the 1990s"
        DateExpr::Decade(_) if free_before(first) && sc.is(first - 1, "the") => first -= 1,
        // "the 2008 season", "the 2008-09 season"
        DateExpr::Year { to_year, .. }
            if sc.joined(end) && matches!(sc.lw(end), "season" | "seasons") =>
        {
            end += 1;
            if to_year.is_none() && free_before(first) && sc.is(first - 1, "the") {
                first -= 1;
            }
        }
        _ => {}
    }
    // "last week's", "next month’s"; a one-word date is written without
    // it ("Sunday's quake"), the way OntoNotes splits its tokens.
    if end > first + 1
        && sc.tight(end)
        && matches!(sc.punct(end), Some('\'' | '’'))
        && sc.tight(end + 1)
        && sc.is(end + 1, "s")
    {
        end += 2;
    }
    (first, end)
}
