//! What the reports of one fact disagree on, named in a short phrase of
//! their own words ("several vs as many as seven"): counts of the same
//! thing, the day it happened, who is blamed for it, and how certain it is.

use crate::analysis::Kind;
use crate::analysis::values::{DateRange, Value};
use chrono::NaiveDate;

use super::Report;

/// A report's count, as the fact compares it.
pub struct Counted<'a> {
    /// Index of the report in the fact.
    pub report: usize,
    pub value: &'a Value,
    /// What it counts (a vocabulary id), when the text says.
    pub what: Option<u32>,
    /// The body the value's span points into.
    pub body: &'a str,
}

/// How sure a report is that the happening took place as stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Certainty {
    Stated,
    Suspected,
    Denied,
    Unknown,
}

impl Certainty {
    fn word(self) -> &'static str {
        match self {
            Certainty::Stated => "stated",
            Certainty::Suspected => "suspected",
            Certainty::Denied => "denied",
            Certainty::Unknown => "unknown",
        }
    }
}

/// Words that make the happening they stand before a suspicion: "a
/// suspected rocket attack", "an alleged plot". Adverbs ("allegedly",
/// "reportedly") hedge the telling more than the happening, and are left
/// out.
const SUSPECTED: &[&str] = &["alleged", "possible", "suspected", "unconfirmed"];
const DENIED: &[&str] = &["denied", "denies", "deny", "denying"];

/// How certain a sentence is of its happening, the word at byte `anchor`
/// of it: a suspicion where a hedge stands just before that word, denied
/// where a denial does, unknown where it says no one knows who did it.
pub fn certainty(sentence: &str, anchor: usize) -> Certainty {
    let lower = sentence.to_lowercase();
    if super::blame::unknown(&lower).is_some() {
        return Certainty::Unknown;
    }
    let before = lower.get(..anchor.min(lower.len())).unwrap_or("");
    let near: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .collect();
    if near.iter().any(|w| DENIED.contains(w)) {
        Certainty::Denied
    } else if near.iter().any(|w| SUSPECTED.contains(w)) {
        Certainty::Suspected
    } else {
        Certainty::Stated
    }
}

/// A difference: the phrase that names it, and per report the span of the
/// value in dispute, if it gives one.
pub type Found = (String, Vec<(usize, (usize, usize))>);

/// What the counts disagree on: each distinct count, in report order,
/// for counts of one thing that do not state the same quantity.
pub fn counts(counted: &[Counted<'_>]) -> Option<Found> {
    // Only counts of the same thing can disagree, and only where both say
    // what they count: "five" alone may count anything.
    let same_thing = |x: &Counted<'_>, y: &Counted<'_>| x.what.is_some() && x.what == y.what;
    let (i, _) = (0..counted.len()).find_map(|i| {
        (i + 1..counted.len())
            .find(|&j| {
                same_thing(&counted[i], &counted[j])
                    && !counted[i].value.same_quantity(counted[j].value)
            })
            .map(|j| (i, j))
    })?;
    let mut texts: Vec<String> = Vec::new();
    let mut spans = Vec::new();
    for c in counted {
        if !same_thing(c, &counted[i]) {
            continue;
        }
        spans.push((c.report, (c.value.start, c.value.end)));
        let t = c.value.text(c.body).trim().to_string();
        if !texts.iter().any(|x| x.eq_ignore_ascii_case(&t)) {
            texts.push(t);
        }
    }
    Some((texts.join(" vs "), spans))
}

/// A date further than this (in bytes) from the fact's words dates
/// something else.
const DATE_WITHIN: usize = 40;

/// A date range this long or longer (a decade, "the 1990s") is an era,
/// not the time of a happening.
const ERA_DAYS: i64 = 400;

/// One report as its dates are read: the report, its article's body, the
/// spans of the fact's words in its sentence, and the article's date.
/// A date read: its range, as written, and its article's date.
type Found1 = (DateRange, String, Option<NaiveDate>);

pub type Dated<'a> = (&'a Report, &'a str, Vec<(usize, usize)>, Option<NaiveDate>);

/// What the dates disagree on: the date nearest the fact's words in each
/// report, where two of them name times that do not overlap.
pub fn dates(reports: &[Dated<'_>]) -> Option<Found> {
    let mut found: Vec<(DateRange, String, Option<NaiveDate>)> = Vec::new();
    let mut spans = Vec::new();
    for (k, (r, body, words, published)) in reports.iter().enumerate() {
        let near = |v: &super::ReportValue| {
            let at = v.span();
            words.iter().chain([&r.anchor]).map(|&w| super::facts::distance(at, w)).min()
        };
        let nearest = r
            .values
            .iter()
            .filter(|v| v.kind == Kind::Date && !dates_telling(body, v.span().0))
            .filter_map(|v| near(v).map(|d| (d, v)))
            .filter(|(d, _)| *d <= DATE_WITHIN)
            .filter_map(|(d, v)| {
                let range = v.value.as_ref().and_then(|x| x.resolved())?;
                ((range.end - range.start).num_days() < ERA_DAYS).then_some((d, v, range))
            })
            .min_by_key(|(d, v, _)| (*d, v.start));
        if let Some((_, v, range)) = nearest {
            found.push((range, body[v.range()].to_string(), *published));
            spans.push((k, v.span()));
        }
    }
    // A day and a year date different things ("died Thursday", "in
    // 1998"): only dates of one grain are compared, and only they are named.
    let day = |d: &DateRange| d.start == d.end;
    let apart = |(a, x, p): &Found1, (b, y, q): &Found1| {
        day(a) == day(b) && !same_time((a, x, *p), (b, y, *q))
    };
    let (grain, _) = found
        .iter()
        .enumerate()
        .find_map(|(i, a)| found[i + 1..].iter().find(|b| apart(a, b)).map(|_| (day(&a.0), ())))?;
    let mut texts: Vec<String> = Vec::new();
    let mut named = Vec::new();
    for ((d, t, _), span) in found.into_iter().zip(spans) {
        if day(&d) != grain {
            continue;
        }
        named.push(span);
        if !texts.iter().any(|x| x.eq_ignore_ascii_case(&t)) {
            texts.push(t);
        }
    }
    Some((texts.join(" vs "), named))
}

/// Verbs of telling: a date just after one ("officials said on Monday")
/// dates the telling, not what is told.
const TELLING: &[&str] = &[
    "added",
    "announced",
    "confirmed",
    "reported",
    "said",
    "say",
    "says",
    "stated",
    "told",
    "wrote",
];

/// Whether the date at byte `start` of `body` follows a verb of telling,
/// with at most one word between ("said on Monday", "told reporters
/// Monday").
fn dates_telling(body: &str, start: usize) -> bool {
    let before = body.get(..start).unwrap_or("");
    before
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2)
        .any(|w| TELLING.contains(&w.to_lowercase().as_str()))
}

/// Whether two dates, as written `x` and `y`, may name one time: their
/// ranges overlap, one is relative ("today",
/// "Monday") and no further off than the two articles' dates, or one is
/// written without a year and they fall on the
/// same days of the year ("December 15" and "December 15, 2013": the year
/// the first was resolved to is a guess).
fn same_time(
    (a, x, p): (&DateRange, &str, Option<NaiveDate>),
    (b, y, q): (&DateRange, &str, Option<NaiveDate>),
) -> bool {
    use chrono::Datelike;
    if a.start <= b.end && b.start <= a.end {
        return true;
    }
    // "Today" and "Monday" are read from each article's own date: when
    // the articles are dated apart (a time zone, a story updated
    // overnight), days that far apart may be one day.
    let relative = |t: &str| !t.contains(|c: char| c.is_ascii_digit());
    if let (Some(p), Some(q)) = (p, q)
        && (relative(x) || relative(y))
    {
        let gap = (a.start - b.end).num_days().max((b.start - a.end).num_days());
        if gap <= (p - q).num_days().abs() {
            return true;
        }
    }
    let has_year = |t: &str| {
        t.split(|c: char| !c.is_ascii_digit()).any(|n| n.len() == 4 && n.starts_with(['1', '2']))
    };
    let md = |d: chrono::NaiveDate| (d.month(), d.day());
    (!has_year(x) || !has_year(y)) && md(a.start) == md(b.start) && md(a.end) == md(b.end)
}

/// What the reports disagree on about certainty: one states what another
/// only suspects, denies or does not know. Each sentence comes with the
/// byte offset in it of the fact's word.
pub fn certainties(sentences: &[(&str, usize)]) -> Option<String> {
    let mut seen: Vec<Certainty> = Vec::new();
    for &(s, anchor) in sentences {
        let c = certainty(s, anchor);
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    (seen.len() >= 2).then(|| seen.iter().map(|c| c.word()).collect::<Vec<_>>().join(" vs "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certainty_reads_hedges_denials_and_the_unknown() {
        let at = |s: &str, w: &str| s.find(w).unwrap();
        let s = "A suspected rocket attack hit the base.";
        assert_eq!(certainty(s, at(s, "attack")), Certainty::Suspected);
        // A hedge elsewhere in the sentence is about something else.
        let s = "Rockets hit the base, the suspected target of earlier raids.";
        assert_eq!(certainty(s, at(s, "hit")), Certainty::Stated);
        let s = "The group denied carrying out the attack.";
        assert_eq!(certainty(s, at(s, "carrying")), Certainty::Denied);
        let s = "It wasn't immediately clear who was responsible for the attack.";
        assert_eq!(certainty(s, at(s, "attack")), Certainty::Unknown);
    }

    #[test]
    fn certainties_name_both_sides() {
        assert_eq!(
            certainties(&[
                ("A suspected rocket attack hit the base.", 20),
                ("A rocket attack hit the base.", 9)
            ]),
            Some("suspected vs stated".to_string())
        );
        assert_eq!(
            certainties(&[("Rockets hit the base.", 8), ("Two rockets hit the base.", 12)]),
            None
        );
    }

    /// A one-sentence report of `body`, its fact's word being `word`, with
    /// the dates the analysis finds in an article dated `date`.
    fn dated(body: &str, word: &str, date: NaiveDate) -> Report {
        let values = crate::analysis::values::find_values(body, Some(date))
            .into_iter()
            .filter(|v| v.kind == Kind::Date)
            .map(|v| {
                let q = Some(super::super::Quantity::of(&v));
                super::super::ReportValue::new(v.start, v.end, Kind::Date, q)
            })
            .collect();
        let at = body.find(word).unwrap();
        Report {
            article: 0,
            start: 0,
            end: body.len(),
            anchor: (at, at + word.len()),
            values,
            compared: None,
        }
    }

    /// What the dates of one-sentence reports (body, fact word, other fact
    /// words, article date) disagree on.
    fn dates_on(bodies: &[(&str, &str, &[&str], &str)]) -> Option<String> {
        type Spans = Vec<(usize, usize)>;
        let reports: Vec<(Report, Spans, NaiveDate)> = bodies
            .iter()
            .map(|&(b, anchor, words, day)| {
                let spans =
                    words.iter().map(|w| (b.find(w).unwrap(), b.find(w).unwrap() + w.len()));
                let day = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
                (dated(b, anchor, day), spans.collect(), day)
            })
            .collect();
        let with: Vec<Dated<'_>> = reports
            .iter()
            .zip(bodies)
            .map(|((r, w, day), (b, _, _, _))| (r, *b, w.clone(), Some(*day)))
            .collect();
        dates(&with).map(|f| f.0)
    }

    /// The same, every article dated 2014-12-20 (so that a day written
    /// without a year falls in 2014).
    fn dates_of(bodies: &[(&str, &str, &[&str])]) -> Option<String> {
        let on: Vec<_> = bodies.iter().map(|&(b, a, w)| (b, a, w, "2014-12-20")).collect();
        dates_on(&on)
    }

    #[test]
    fn relative_days_of_articles_dated_apart_may_be_one_day() {
        // Read from articles a day apart, "today" and "Monday" may be one
        // day; read from articles of one day, they are two.
        let a = "A rocket attack hit the base today, the army confirmed.";
        let b = "A rocket attack hit the base on Friday, the army confirmed.";
        assert_eq!(
            dates_on(&[
                (a, "hit", &["attack"], "2014-12-20"),
                (b, "hit", &["attack"], "2014-12-21")
            ]),
            None
        );
        assert_eq!(
            dates_on(&[
                (a, "hit", &["attack"], "2014-12-20"),
                (b, "hit", &["attack"], "2014-12-20")
            ]),
            Some("today vs Friday".to_string())
        );
        // Days written out are read as written, whatever the articles' dates.
        let c = "A rocket attack hit the base on December 18, the army confirmed.";
        let d = "A rocket attack hit the base on December 19, the army confirmed.";
        assert_eq!(
            dates_on(&[
                (c, "hit", &["attack"], "2014-12-20"),
                (d, "hit", &["attack"], "2014-12-21")
            ]),
            Some("December 18 vs December 19".to_string())
        );
    }

    #[test]
    fn a_date_near_any_of_the_facts_words_dates_it() {
        let a = "He finally returned to prison in June 1999 to serve a life sentence for a string of sexual assaults.";
        let b =
            "He was serving a life sentence after being convicted in June 1998 of sexual assault.";
        // Far from "assault", but beside "life sentence".
        assert_eq!(
            dates_of(&[(a, "assaults", &["life", "sentence"]), (b, "assault", &["life"])]),
            Some("June 1999 vs June 1998".to_string())
        );
        assert_eq!(dates_of(&[(a, "assaults", &[]), (b, "assault", &[])]), None);
    }

    #[test]
    fn the_day_something_was_said_is_not_the_day_it_happened() {
        let a = "Rockets hit the base in western Iraq, officials said on Monday.";
        let b = "Rockets hit the base in western Iraq on Tuesday, the army said.";
        assert_eq!(dates_of(&[(a, "hit", &["base"]), (b, "hit", &["base"])]), None);
        let a = "Rockets hit the base in western Iraq on Monday, officials said.";
        assert_eq!(
            dates_of(&[(a, "hit", &["base"]), (b, "hit", &["base"])]),
            Some("Monday vs Tuesday".to_string())
        );
    }

    #[test]
    fn eras_days_without_a_year_and_other_grains_do_not_disagree() {
        let a = "Williams, a swimming star of the 1940s, has died at 91.";
        let b = "Williams, who starred in films of the 1950s, died on Thursday.";
        assert_eq!(dates_of(&[(a, "died", &[]), (b, "died", &[])]), None);
        let a = "The elections will be held on December 15.";
        let b = "The elections will be held on December 15, 2013, officials said.";
        assert_eq!(dates_of(&[(a, "held", &[]), (b, "held", &[])]), None);
        let c = "The elections will be held on December 22, officials said.";
        assert_eq!(
            dates_of(&[(a, "held", &[]), (c, "held", &[])]),
            Some("December 15 vs December 22".to_string())
        );
    }
}
