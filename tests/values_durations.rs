//! Durations, seasons and the edges of date spans (issue 14, second round),
//! on sentences written for these tests. OntoNotes-style spans: a duration
//! ("eight years") is a number of time units whose mention is a date.

use chrono::NaiveDate;
use dateline::analysis::Kind;
use dateline::analysis::values::{Hedge, ValueDetail, find_values};

fn found(text: &str) -> Vec<(String, Kind)> {
    find_values(text, None)
        .iter()
        .map(|v| (v.text(text).to_string(), v.mention_kind(text)))
        .collect()
}

fn dates(text: &str) -> Vec<String> {
    found(text).into_iter().filter(|(_, k)| *k == Kind::Date).map(|(t, _)| t).collect()
}

fn numbers(text: &str) -> Vec<String> {
    found(text).into_iter().filter(|(_, k)| *k == Kind::Number).map(|(t, _)| t).collect()
}

#[test]
fn counts_of_calendar_units_are_dates() {
    assert_eq!(dates("He served eight years in prison."), ["eight years"]);
    assert_eq!(dates("She signed a five-year contract."), ["five-year"]);
    assert_eq!(dates("An 11-year veteran retired."), ["11-year"]);
    assert_eq!(dates("A 28-year-old man was held."), ["28-year-old"]);
    assert_eq!(dates("He is 28 years old."), ["28 years old"]);
    assert_eq!(dates("It will take several days to fix."), ["several days"]);
    assert_eq!(dates("He played six full seasons there."), ["six full seasons"]);
    assert_eq!(dates("a fourth-year student"), ["fourth-year"]);
    assert!(numbers("He served eight years in prison.").is_empty());
}

#[test]
fn a_duration_keeps_its_count_hedge_and_unit() {
    let text = "They offered more than eight years.";
    let vs = find_values(text, None);
    assert_eq!(vs.len(), 1);
    let v = &vs[0];
    assert_eq!((v.text(text), v.kind), ("more than eight years", Kind::Number));
    assert_eq!(v.mention_kind(text), Kind::Date);
    assert_eq!((v.low(), v.high(), v.hedge()), (Some(9.0), None, Some(Hedge::MoreThan)));
    let ValueDetail::Number { unit_or_noun: Some((s, e)), .. } = v.detail else {
        panic!("a duration's detail is a quantity with its unit: {v:?}")
    };
    assert_eq!(&text[s..e], "years");
}

#[test]
fn spans_back_and_forward_are_one_date() {
    assert_eq!(dates("over the next seven years"), ["the next seven years"]);
    assert_eq!(dates("in his first three seasons"), ["his first three seasons"]);
    assert_eq!(dates("sales fell over the past year"), ["the past year"]);
    assert_eq!(dates("in less than a month"), ["less than a month"]);
    // "the last week of June" names part of a month: no duration.
    assert_eq!(dates("in the last week of June"), ["June"]);
}

#[test]
fn hours_and_minutes_stay_numbers() {
    assert_eq!(numbers("The tremor lasted 30 seconds."), ["30"]);
    assert!(dates("The tremor lasted 30 seconds.").is_empty());
    assert_eq!(numbers("It took 24 hours."), ["24"]);
    // A counted noun outside the span makes no duration.
    let text = "12 people died.";
    assert_eq!(find_values(text, None)[0].mention_kind(text), Kind::Number);
}

#[test]
fn ago_takes_its_hedge() {
    assert_eq!(dates("It happened nearly a year ago."), ["nearly a year ago"]);
    assert_eq!(dates("They met more than two years ago."), ["more than two years ago"]);
    let d = NaiveDate::from_ymd_opt(2024, 8, 6).unwrap();
    let v = &find_values("They met two years ago.", Some(d))[0];
    assert_eq!(v.resolved().map(|r| r.start), NaiveDate::from_ymd_opt(2022, 8, 6));
}

#[test]
fn seasons_and_decades() {
    assert_eq!(dates("He was injured this season."), ["this season"]);
    assert_eq!(dates("They won last season and lost last winter."), ["last season", "last winter"]);
    assert_eq!(dates("He ran the team in the 1980s."), ["the 1980s"]);
    assert_eq!(dates("He missed the 2007 season."), ["the 2007 season"]);
    assert_eq!(dates("through the 2008-09 season"), ["2008-09 season"]);
    // A season has no calendar days of its own.
    let d = NaiveDate::from_ymd_opt(2024, 8, 6);
    assert_eq!(find_values("He was injured this season.", d)[0].resolved(), None);
}

#[test]
fn edges_of_relative_dates() {
    assert_eq!(dates("He was arrested early yesterday."), ["early yesterday"]);
    assert_eq!(dates("Reports late last week said so."), ["late last week"]);
    assert_eq!(dates("The team said so later Tuesday."), ["later Tuesday"]);
    assert_eq!(dates("He hurt it in last Thursday's game."), ["last Thursday's"]);
    // One word takes no possessive, and the part of the day is a time.
    assert_eq!(dates("Sunday's quake"), ["Sunday"]);
    assert_eq!(dates("It struck on Monday evening."), ["Monday"]);
}

#[test]
fn quantities_take_their_words() {
    assert_eq!(numbers("It struck seven km east of the town."), ["seven km"]);
    assert_eq!(numbers("It was about 28 degrees Celsius."), ["about 28 degrees Celsius"]);
    assert_eq!(numbers("a $161-million deal"), ["$161-million"]);
    assert_eq!(numbers("He was limited to only two games."), ["only two"]);
    assert_eq!(numbers("offers as high as $184 million"), ["as high as $184 million"]);
    // Vague counts stay numbers (CONTRACT.md).
    assert_eq!(numbers("several villages were damaged"), ["several"]);
}
