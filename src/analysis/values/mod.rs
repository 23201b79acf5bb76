//! Dates and numbers in raw text, as byte spans with comparable values.
//!
//! [`find_values`] scans one text (a sentence or a whole body) and returns
//! every date and number mention it recognises, in text order, with spans on
//! char boundaries that never overlap. Numbers carry bounds (`low`/`high`)
//! and a [`Hedge`] ("at least 90" → low 90; "as many as seven" → high 7);
//! dates carry what was said ([`DateExpr`]) and, when an article date is
//! known, the calendar days it names ([`DateRange`]).
//!
//! The rules are hand-written over a small word scanner (see `scan.rs`):
//! number words to the billions, digit groups, hedge phrases, month and
//! weekday names, relative day phrases. They deliberately prefer missing a
//! value to inventing one: a number that might be an identifier ("F-16",
//! "Flight 370"), a time ("10:30") or part of a date is not reported.
//!
//! Decisions worth knowing:
//! - "Between October 17 and January 29" gives **two** date values; the
//!   first is resolved so that it falls on or before the second.
//! - Spans include the hedge ("more than 150") but not a leading
//!   preposition ("on Tuesday" → "Tuesday"; "in January" → "January").
//! - Durations ("eight years", "the next seven years", "less than a
//!   month"; `durations.rs`) are numbers of time units whose span takes
//!   the unit; as mentions they are dates, as OntoNotes has them. Hours
//!   and minutes stay plain numbers. Date spans take OntoNotes' edges ("late last
//!   week", "the 1990s", "the 2008 season", "last week's"; `edges.rs`).
//! - Bounds: "more than n" → low n+1 and "fewer than n" → high n−1 for counts
//!   (whole numbers that are not money or percentages), otherwise n itself;
//!   "about n" → low = high = n with [`Hedge::About`].
//! - Agreement ([`Value::same_quantity`]) is "says the same thing", not "is
//!   compatible": exact 7 and "as many as seven" (high 7, no low) **differ**,
//!   because one outlet commits to a count and the other only to a ceiling;
//!   that is exactly the kind of difference dateline exists to show.

mod dates;
mod durations;
mod edges;
mod numbers;
mod scan;
mod units;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize, Serializer};

pub use dates::{DateExpr, Part, Period, Rel, TimeUnit};

use super::Kind;
use scan::Scan;

/// One date or number mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// Byte offset of the first byte of the mention in the scanned text.
    pub start: usize,
    /// Byte offset one past the mention; both offsets lie on char
    /// boundaries.
    pub end: usize,
    /// [`Kind::Date`] or [`Kind::Number`]. A duration or an age ("eight
    /// years", "a 28-year-old") is a number of time units (its unit inside
    /// its span); its mention is a date ([`Value::mention_kind`]).
    pub kind: Kind,
    pub detail: ValueDetail,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ValueDetail {
    Number {
        /// Smallest count the text allows, when it sets one.
        low: Option<f64>,
        /// Largest count the text allows, when it sets one.
        high: Option<f64>,
        hedge: Hedge,
        /// Byte span of the counted noun or unit right after the number
        /// ("targets" in "85 targets", "percent" in "40 percent").
        unit_or_noun: Option<(usize, usize)>,
    },
    Date {
        /// What the text says, independent of any article date.
        expr: DateExpr,
        /// The calendar days meant, when computable.
        resolved: Option<DateRange>,
    },
}

/// How a number is qualified in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    /// "seven", "2,500", "exactly 12".
    Exact,
    /// "at least 90", "no fewer than 5", "90 or more".
    AtLeast,
    /// "more than 150", "over 100".
    MoreThan,
    /// "as many as seven", "up to 7", "at most 3".
    AtMost,
    /// "fewer than 10", "under 5".
    FewerThan,
    /// "about 300", "nearly 300", "some 300", "300 or so".
    About,
    /// "several", "a few", "dozens", "hundreds": a lower bound only.
    Vague,
    /// "between 10 and 20", "10-20", "two or three".
    Range,
}

/// An inclusive span of calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl DateRange {
    pub fn day(d: NaiveDate) -> DateRange {
        DateRange { start: d, end: d }
    }
}

/// Finds every date and number mention in `text`, in order.
///
/// `article_date` is the publication date used to resolve relative dates
/// ("Monday", "last week", "Nov. 22"); without it those get
/// `resolved: None` while absolute ones ("Nov. 21, 2023", "2025") still
/// resolve.
pub fn find_values(text: &str, article_date: Option<NaiveDate>) -> Vec<Value> {
    let sc = Scan::new(text);
    let mut out = Vec::new();
    // Token ranges of the date matches, for linking ranges afterwards.
    let mut date_toks: Vec<(usize, usize, usize)> = Vec::new(); // (value index, first, end)
    let mut i = 0;
    while i < sc.len() {
        if let Some(m) = hedged_date_at(&sc, i) {
            let (first, end) = edges::widen(&sc, m.first, m.end, &m.expr, prev_end(&out));
            date_toks.push((out.len(), m.first, m.end));
            let resolved = dates::resolve_opt(&m.expr, article_date, m.lean);
            out.push(Value {
                start: sc.toks[first].start,
                end: sc.toks[end - 1].end,
                kind: Kind::Date,
                detail: ValueDetail::Date { expr: m.expr, resolved },
            });
            i = end;
            continue;
        }
        let number = numbers::number_at(&sc, i).map(|m| {
            let duration = durations::widen(&sc, &m);
            (m, duration)
        });
        let number = number.or_else(|| {
            durations::hedged_one_at(&sc, i)
                .or_else(|| durations::the_unit_at(&sc, i))
                .or_else(|| durations::hyphen_unit_at(&sc, i))
                .map(|(m, unit)| {
                    let (first, end) = (m.first, m.end);
                    (m, Some((first, end, unit)))
                })
        });
        if let Some((m, duration)) = number {
            let detail = ValueDetail::Number {
                low: m.low,
                high: m.high,
                hedge: m.hedge,
                unit_or_noun: m.noun,
            };
            // A duration is a quantity of time: a number whose unit is the
            // time unit inside its span ([`Value::mention_kind`]).
            let (first, end, detail) = match duration {
                Some((first, end, unit)) => (
                    first,
                    end,
                    match detail {
                        ValueDetail::Number { low, high, hedge, .. } => {
                            ValueDetail::Number { low, high, hedge, unit_or_noun: Some(unit) }
                        }
                        d => d,
                    },
                ),
                None => (m.first, m.end, detail),
            };
            // "the next seven years" may reach back over a word already
            // passed, never over a value.
            let first = first.max(first_free(&sc, &out, first));
            out.push(Value {
                start: sc.toks[first].start,
                end: sc.toks[end - 1].end,
                kind: Kind::Number,
                detail,
            });
            i = end;
            continue;
        }
        i += 1;
    }
    link_date_ranges(&sc, &mut out, &date_toks);
    out
}

/// A date at `i`, or right after a hedge that belongs to it ("nearly a
/// year ago", "more than two years ago"): a duration before "ago" is a
/// point in time, not a count.
fn hedged_date_at(sc: &Scan, i: usize) -> Option<dates::DateMatch> {
    if let Some(m) = dates::date_at(sc, i) {
        return Some(m);
    }
    let (_, j) = numbers::hedge_prefix(sc, i)?;
    if j == i || !sc.joined(j) {
        return None;
    }
    let mut m = dates::date_at(sc, j)?;
    if !matches!(m.expr, DateExpr::Ago { .. }) {
        return None;
    }
    m.first = i;
    Some(m)
}

/// The end of the last value found, as a token bound for widening.
fn prev_end(out: &[Value]) -> usize {
    out.last().map_or(0, |v| v.end)
}

/// The first token at or after `first` that starts after the last value.
fn first_free(sc: &Scan, out: &[Value], first: usize) -> usize {
    let bound = prev_end(out);
    let mut k = first;
    while k < sc.len() && sc.toks[k].start < bound {
        k += 1;
    }
    k
}

/// "Between October 17 and January 29", "Oct. 17 to Jan. 29, 2024": a
/// first date without a year is placed on or before the second one, so the
/// pair reads as a span forwards in time.
fn link_date_ranges(sc: &Scan, out: &mut [Value], date_toks: &[(usize, usize, usize)]) {
    for w in date_toks.windows(2) {
        let (a, _, a_end) = w[0];
        let (b, b_first, _) = w[1];
        if b_first != a_end + 1 || !dates::is_range_link(sc, a_end) {
            continue;
        }
        let anchor = match &out[b].detail {
            ValueDetail::Date { resolved: Some(r), .. } => r.end,
            _ => continue,
        };
        if let ValueDetail::Date { expr, resolved } = &mut out[a].detail
            && !expr.has_year()
        {
            *resolved = dates::resolve_before(expr, anchor);
        }
    }
}

impl Value {
    /// The kind of the value's mention: a date for a duration (a number
    /// whose time unit lies inside its span: "eight years", "a 28-year-old",
    /// OntoNotes' DATE), else the value's kind.
    pub fn mention_kind(&self, text: &str) -> Kind {
        match self.detail {
            ValueDetail::Number { unit_or_noun: Some((s, e)), .. }
                if s >= self.start
                    && e <= self.end
                    && text.get(s..e).is_some_and(durations::is_time_unit) =>
            {
                Kind::Date
            }
            _ => self.kind,
        }
    }

    /// The mention's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Lower bound of a number (None for dates and for open bounds).
    pub fn low(&self) -> Option<f64> {
        match self.detail {
            ValueDetail::Number { low, .. } => low,
            ValueDetail::Date { .. } => None,
        }
    }

    /// Upper bound of a number (None for dates and for open bounds).
    pub fn high(&self) -> Option<f64> {
        match self.detail {
            ValueDetail::Number { high, .. } => high,
            ValueDetail::Date { .. } => None,
        }
    }

    pub fn hedge(&self) -> Option<Hedge> {
        match self.detail {
            ValueDetail::Number { hedge, .. } => Some(hedge),
            ValueDetail::Date { .. } => None,
        }
    }

    /// The calendar days of a resolved date.
    pub fn resolved(&self) -> Option<DateRange> {
        match self.detail {
            ValueDetail::Date { resolved, .. } => resolved,
            ValueDetail::Number { .. } => None,
        }
    }

    /// Do the two mentions state the same quantity or date?
    ///
    /// Numbers: the same bounds ("three" = "3"; "more than 150" = "at least
    /// 151"), so "several" vs "seven", "at least 90" vs "more than 150" and
    /// exact 7 vs "as many as seven" all differ. An "about" value agrees
    /// with a value within 10% of it ("about 300" = "310"; "nearly 300" =
    /// "300"). Dates: the same calendar days when both are resolved,
    /// otherwise the same expression ("Monday" = "on Monday"). A date never
    /// agrees with a number.
    pub fn same_quantity(&self, other: &Value) -> bool {
        match (&self.detail, &other.detail) {
            (
                ValueDetail::Number { low: l1, high: h1, hedge: g1, .. },
                ValueDetail::Number { low: l2, high: h2, hedge: g2, .. },
            ) => {
                if (*g1 == Hedge::About || *g2 == Hedge::About)
                    && let (Some(a), Some(b)) = (point(*l1, *h1, *g1), point(*l2, *h2, *g2))
                {
                    return close(a, b, 0.10);
                }
                same_bound(*l1, *l2) && same_bound(*h1, *h2)
            }
            (
                ValueDetail::Date { expr: e1, resolved: r1 },
                ValueDetail::Date { expr: e2, resolved: r2 },
            ) => match (r1, r2) {
                (Some(a), Some(b)) => a == b,
                _ => e1 == e2,
            },
            _ => false,
        }
    }

    /// The contract's JSON shape (`{"text","kind","low","high"}`), plus
    /// `hedge` for numbers and `from`/`to` for resolved dates.
    pub fn to_json(&self, text: &str) -> ValueJson {
        let r = self.resolved();
        ValueJson {
            text: self.text(text).to_string(),
            kind: self.kind,
            low: self.low(),
            high: self.high(),
            hedge: self.hedge(),
            from: r.map(|r| r.start),
            to: r.map(|r| r.end),
        }
    }
}

/// A single representative number for "about"-style comparison: an exact
/// or approximate value (low = high); None for bounds and ranges.
fn point(low: Option<f64>, high: Option<f64>, hedge: Hedge) -> Option<f64> {
    match (hedge, low, high) {
        (Hedge::Exact | Hedge::About, Some(l), Some(h)) if l == h => Some(l),
        _ => None,
    }
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()) + 1e-9
}

fn same_bound(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => close(x, y, 1e-9),
        _ => false,
    }
}

/// Whether two reports' values for one fact agree. A missing value on
/// either side is not a difference (one outlet simply did not say).
pub fn values_agree(a: Option<&Value>, b: Option<&Value>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x.same_quantity(y),
        _ => true,
    }
}

/// A value in the contract's `compare` JSON shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValueJson {
    pub text: String,
    pub kind: Kind,
    /// Numbers or null; whole numbers are written without a fraction
    /// ("low": 3, not 3.0) as the contract shows them.
    #[serde(serialize_with = "ser_num")]
    pub low: Option<f64>,
    #[serde(serialize_with = "ser_num")]
    pub high: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hedge: Option<Hedge>,
    /// First day of a resolved date (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// Last day of a resolved date (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
}

fn ser_num<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match *v {
        Some(x) if x.is_finite() && x.fract() == 0.0 && x.abs() < 9.0e15 => {
            s.serialize_i64(x as i64)
        }
        Some(x) if x.is_finite() => s.serialize_f64(x),
        _ => s.serialize_none(),
    }
}
