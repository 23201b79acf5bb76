//! `analysis::values` on sentences written for these tests (not taken from
//! the seed articles).

use chrono::NaiveDate;
use dateline::analysis::Kind;
use dateline::analysis::values::{DateRange, Hedge, Value, ValueDetail, find_values, values_agree};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

/// (text, kind) of every value.
fn found(text: &str) -> Vec<(String, Kind)> {
    find_values(text, None).iter().map(|v| (v.text(text).to_string(), v.kind)).collect()
}

/// The only number value in `text`.
fn number(text: &str) -> Value {
    let nums: Vec<Value> =
        find_values(text, None).into_iter().filter(|v| v.kind == Kind::Number).collect();
    assert_eq!(nums.len(), 1, "expected one number in {text:?}, got {:?}", found(text));
    nums.into_iter().next().expect("one number")
}

/// Text, low, high and hedge of the only number in `text`.
fn num(text: &str) -> (String, Option<f64>, Option<f64>, Hedge) {
    let v = number(text);
    (v.text(text).to_string(), v.low(), v.high(), v.hedge().expect("a number has a hedge"))
}

fn dates(text: &str, article: Option<NaiveDate>) -> Vec<(String, Option<DateRange>)> {
    find_values(text, article)
        .iter()
        .filter(|v| v.kind == Kind::Date)
        .map(|v| (v.text(text).to_string(), v.resolved()))
        .collect()
}

fn numbers_in(text: &str) -> Vec<String> {
    found(text).into_iter().filter(|(_, k)| *k == Kind::Number).map(|(t, _)| t).collect()
}

// ---------------------------------------------------------------- numbers

#[test]
fn digit_groups_and_words() {
    assert_eq!(
        num("The fund paid 2,500 workers."),
        ("2,500".into(), Some(2500.0), Some(2500.0), Hedge::Exact)
    );
    assert_eq!(num("She has seven cats."), ("seven".into(), Some(7.0), Some(7.0), Hedge::Exact));
    assert_eq!(
        num("Twenty-five boats sank."),
        ("Twenty-five".into(), Some(25.0), Some(25.0), Hedge::Exact)
    );
    assert_eq!(
        num("They bought a dozen eggs."),
        ("a dozen".into(), Some(12.0), Some(12.0), Hedge::Exact)
    );
    assert_eq!(num("The city has 1.5 million residents.").1, Some(1_500_000.0));
    assert_eq!(num("Officials pledged $2 billion in aid.").0, "$2 billion");
    assert_eq!(num("Officials pledged $2 billion in aid.").1, Some(2e9));
    assert_eq!(num("Turnout was 40% this time.").0, "40%");
    assert_eq!(num("Turnout was 40 percent this time.").1, Some(40.0));
    assert_eq!(num("It took two hundred and ten volunteers.").1, Some(210.0));
    assert_eq!(num("Half a dozen horses escaped.").1, Some(6.0));
    assert_eq!(num("A hundred protesters gathered.").1, Some(100.0));
}

#[test]
fn three_and_3_are_equal() {
    let a = number("Three ferries were cancelled.");
    let b = number("Officials cancelled 3 ferries.");
    assert_eq!((a.low(), a.high()), (b.low(), b.high()));
    assert!(a.same_quantity(&b));
}

#[test]
fn vague_quantities_have_a_lower_bound_only() {
    assert_eq!(
        num("Several shops were looted."),
        ("Several".into(), Some(3.0), None, Hedge::Vague)
    );
    assert_eq!(num("A few shops were looted.").1, Some(2.0));
    assert_eq!(num("A few shops were looted.").3, Hedge::Vague);
    assert_eq!(num("Dozens of shops were looted.").1, Some(24.0));
    assert_eq!(num("Hundreds of shops were looted.").1, Some(200.0));
    assert_eq!(num("Tens of thousands marched.").1, Some(20_000.0));
    assert_eq!(num("Several hundred people marched.").1, Some(300.0));
}

#[test]
fn bounds_per_hedge() {
    type Case = (&'static str, &'static str, Option<f64>, Option<f64>, Hedge);
    let cases: &[Case] = &[
        (
            "There were more than 150 complaints.",
            "more than 150",
            Some(151.0),
            None,
            Hedge::MoreThan,
        ),
        ("At least 90 flights were delayed.", "At least 90", Some(90.0), None, Hedge::AtLeast),
        (
            "As many as seven climbers are missing.",
            "As many as seven",
            None,
            Some(7.0),
            Hedge::AtMost,
        ),
        (
            "The hall seats up to seven hundred guests.",
            "up to seven hundred",
            None,
            Some(700.0),
            Hedge::AtMost,
        ),
        ("Fewer than 10 buses ran.", "Fewer than 10", None, Some(9.0), Hedge::FewerThan),
        ("About 300 fans waited.", "About 300", Some(300.0), Some(300.0), Hedge::About),
        ("Nearly 300 fans waited.", "Nearly 300", Some(300.0), Some(300.0), Hedge::About),
        ("Some 300 fans waited.", "Some 300", Some(300.0), Some(300.0), Hedge::About),
        (
            "Between 10 and 20 cars burned.",
            "Between 10 and 20",
            Some(10.0),
            Some(20.0),
            Hedge::Range,
        ),
        ("It costs 10 to 20 dollars.", "10 to 20", Some(10.0), Some(20.0), Hedge::Range),
        ("Two or three boats capsized.", "Two or three", Some(2.0), Some(3.0), Hedge::Range),
        ("We expect 90 or more entries.", "90 or more", Some(90.0), None, Hedge::AtLeast),
        ("Over 100 homes flooded.", "Over 100", Some(101.0), None, Hedge::MoreThan),
        ("Unemployment rose by more than 4%.", "more than 4%", Some(4.0), None, Hedge::MoreThan),
        (
            "The plan costs less than $5 million.",
            "less than $5 million",
            None,
            Some(5e6),
            Hedge::FewerThan,
        ),
    ];
    for (text, span, low, high, hedge) in cases {
        let got = num(text);
        assert_eq!(got, (span.to_string(), *low, *high, *hedge), "in {text:?}");
    }
}

#[test]
fn counted_noun_follows_the_number() {
    let text = "The navy hit 85 targets overnight.";
    let v = number(text);
    let ValueDetail::Number { unit_or_noun: Some((a, b)), .. } = v.detail else {
        panic!("no noun in {v:?}")
    };
    assert_eq!(&text[a..b], "targets");
    let text = "Three British soldiers were hurt.";
    let ValueDetail::Number { unit_or_noun: Some((a, b)), .. } = number(text).detail else {
        panic!("no noun")
    };
    assert_eq!(&text[a..b], "soldiers");
    let text = "Only one soldier was hurt.";
    let v = number(text);
    assert_eq!(v.low(), Some(1.0));
    let ValueDetail::Number { unit_or_noun: Some((a, b)), .. } = v.detail else {
        panic!("no noun")
    };
    assert_eq!(&text[a..b], "soldier");
}

#[test]
fn what_is_not_a_number() {
    // Codes and models.
    assert!(numbers_in("An AC-130 gunship and two F-16 jets flew over.") == vec!["two"]);
    assert!(numbers_in("The H5N1 strain and COVID-19 spread.").is_empty());
    // Years, dates and times.
    assert!(numbers_in("The law passed in 2024.").is_empty());
    assert!(numbers_in("It happened on Nov. 22 and again on July 18.").is_empty());
    assert!(numbers_in("The meeting starts at 10:30 on Friday.").is_empty());
    assert!(numbers_in("Doors open at 9 a.m. sharp.").is_empty());
    assert!(numbers_in("She finished 3rd in the race.").is_empty());
    // Pronoun "one" and fixed phrases.
    assert!(numbers_in("No one was hurt.").is_empty());
    assert!(numbers_in("It was a one-way ticket.").is_empty());
    assert!(numbers_in("Someone called the police.").is_empty());
    assert!(numbers_in("He took the one on the left.").is_empty());
    assert!(numbers_in("Paris is one of the largest cities.").is_empty());
    // Identifiers.
    assert!(numbers_in("Flight 370 vanished; Resolution 2334 passed.").is_empty());
    assert!(numbers_in("Call 555-1234 now.").is_empty());
    assert!(numbers_in("The score was 3-2 at half time.").is_empty());
}

#[test]
fn one_that_counts() {
    assert_eq!(num("One soldier died.").1, Some(1.0));
    assert_eq!(num("Police arrested one suspect.").1, Some(1.0));
    assert_eq!(num("At least one person died.").0, "At least one");
}

#[test]
fn hedge_is_inside_the_span() {
    assert_eq!(num("Officials said as many as seven people were hurt.").0, "as many as seven");
    assert_eq!(num("There were more than 150 incidents.").0, "more than 150");
}

// ------------------------------------------------------------- agreement

#[test]
fn agreement_decisions() {
    let several = number("Several guards were hurt.");
    let seven = number("Seven guards were hurt.");
    let seven_digits = number("7 guards were hurt.");
    let as_many_as_seven = number("As many as seven guards were hurt.");
    let at_least_90 = number("At least 90 shops closed.");
    let more_than_150 = number("More than 150 shops closed.");
    let at_least_151 = number("At least 151 shops closed.");
    let about_300 = number("About 300 fans came.");
    let exactly_310 = number("Exactly 310 fans came.");

    assert!(seven.same_quantity(&seven_digits), "seven = 7");
    assert!(!several.same_quantity(&seven), "several vs seven differ");
    assert!(!at_least_90.same_quantity(&more_than_150), "at least 90 vs more than 150 differ");
    assert!(more_than_150.same_quantity(&at_least_151), "same bound, same statement");
    // Documented decision: a ceiling is not a count.
    assert!(!seven.same_quantity(&as_many_as_seven), "exact 7 vs as many as seven differ");
    assert!(about_300.same_quantity(&exactly_310), "about n agrees within 10%");
    // A missing value is not a difference.
    assert!(values_agree(None, Some(&seven)));
    assert!(values_agree(Some(&several), None));
    assert!(values_agree(None, None));
    assert!(!values_agree(Some(&several), Some(&seven)));
}

#[test]
fn dates_agree_on_the_same_day() {
    let d = Some(ymd(2024, 8, 6));
    let a = find_values("The fire started Monday.", d);
    let b = find_values("The fire started on Aug. 5.", d);
    assert!(a[0].same_quantity(&b[0]));
    let c = find_values("The fire started Sunday.", d);
    assert!(!a[0].same_quantity(&c[0]));
    // A date never equals a number.
    let n = number("Seven guards were hurt.");
    assert!(!a[0].same_quantity(&n));
}

// ------------------------------------------------------------------ dates

#[test]
fn date_spans() {
    let t = "The vote was on Tuesday and the count on Monday evening.";
    assert_eq!(
        dates(t, None).iter().map(|d| d.0.as_str()).collect::<Vec<_>>(),
        ["Tuesday", "Monday"]
    );
    let t = "Talks began Nov. 21, 2023, ended July 18 and resume in January.";
    assert_eq!(
        dates(t, None).iter().map(|d| d.0.as_str()).collect::<Vec<_>>(),
        ["Nov. 21, 2023", "July 18", "January"]
    );
    let t = "Sales fell in January 2024, last week, last month, yesterday and today.";
    assert_eq!(
        dates(t, None).iter().map(|d| d.0.as_str()).collect::<Vec<_>>(),
        ["January 2024", "last week", "last month", "yesterday", "today"]
    );
    let t = "This morning the mayor said earlier this year that 2025 and September 2025 matter.";
    assert_eq!(
        dates(t, None).iter().map(|d| d.0.as_str()).collect::<Vec<_>>(),
        ["This morning", "earlier this year", "2025", "September 2025"]
    );
    let t = "The file is dated 2024-08-05 and the lease ends at the end of January.";
    assert_eq!(
        dates(t, None).iter().map(|d| d.0.as_str()).collect::<Vec<_>>(),
        ["2024-08-05", "the end of January"]
    );
    let t = "MARKETS FELL SINCE OCT. 7 AND Oct. 17.";
    assert_eq!(dates(t, None).len(), 2);
}

#[test]
fn ambiguous_month_names_need_support() {
    assert!(dates("Theresa May said she may march.", None).is_empty());
    assert_eq!(dates("It opened in May.", None)[0].0, "May");
    assert_eq!(dates("It opened on March 3.", None)[0].0, "March 3");
    assert!(dates("Shoppers flocked to Black Friday sales.", None).is_empty());
}

#[test]
fn resolution_against_the_article_date() {
    let tue = Some(ymd(2024, 8, 6)); // a Tuesday
    let one = |t: &str| dates(t, tue).into_iter().next().and_then(|d| d.1);
    let day = |y, m, d| Some(DateRange::day(ymd(y, m, d)));
    let span = |a: NaiveDate, b: NaiveDate| Some(DateRange { start: a, end: b });

    assert_eq!(one("It rained Monday."), day(2024, 8, 5));
    assert_eq!(one("It rained Tuesday."), day(2024, 8, 6));
    assert_eq!(one("It rained Wednesday."), day(2024, 7, 31));
    assert_eq!(one("It rained last Tuesday."), day(2024, 7, 30));
    assert_eq!(one("It rains next Monday."), day(2024, 8, 12));
    assert_eq!(one("It rained yesterday."), day(2024, 8, 5));
    assert_eq!(one("It rains today."), day(2024, 8, 6));
    assert_eq!(one("It rained last week."), span(ymd(2024, 7, 29), ymd(2024, 8, 4)));
    assert_eq!(one("It rained last month."), span(ymd(2024, 7, 1), ymd(2024, 7, 31)));
    assert_eq!(one("It rained earlier this year."), span(ymd(2024, 1, 1), ymd(2024, 8, 6)));
    assert_eq!(one("It rained two days ago."), day(2024, 8, 4));
    // No year: the most recent one, or one up to a month ahead.
    assert_eq!(one("It rained Nov. 22."), day(2023, 11, 22));
    assert_eq!(one("It rained on July 18."), day(2024, 7, 18));
    assert_eq!(one("The vote is on Aug. 20."), day(2024, 8, 20));
    assert_eq!(one("Prices rose in April."), span(ymd(2024, 4, 1), ymd(2024, 4, 30)));
    assert_eq!(one("It has rained since Oct. 7."), day(2023, 10, 7));
    assert_eq!(one("The plan runs until Oct. 7."), day(2024, 10, 7));
    // Absolute dates ignore the article date.
    assert_eq!(one("It rained on Nov. 21, 2023."), day(2023, 11, 21));
    assert_eq!(
        one("The lease ends at the end of January."),
        span(ymd(2024, 1, 21), ymd(2024, 1, 31))
    );
    assert_eq!(one("Elections are due in 2025."), span(ymd(2025, 1, 1), ymd(2025, 12, 31)));
}

#[test]
fn between_two_dates_gives_two_ordered_dates() {
    let d = Some(ymd(2024, 8, 6));
    let got = dates("Between October 17 and January 29, prices doubled.", d);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].0, "October 17");
    assert_eq!(got[0].1, Some(DateRange::day(ymd(2023, 10, 17))));
    assert_eq!(got[1].1, Some(DateRange::day(ymd(2024, 1, 29))));
}

#[test]
fn relative_dates_without_article_date_are_unresolved() {
    let got = dates("It rained Monday and on Nov. 22, but not on Nov. 21, 2023.", None);
    assert_eq!(got[0].1, None);
    assert_eq!(got[1].1, None);
    assert!(got[2].1.is_some());
}

// ------------------------------------------------------------------- json

#[test]
fn json_shape() {
    let text = "Several guards and 3 dogs were hurt Monday.";
    let vals = find_values(text, Some(ymd(2024, 8, 6)));
    let json = serde_json::to_value(vals.iter().map(|v| v.to_json(text)).collect::<Vec<_>>())
        .expect("serialise");
    assert_eq!(json[0]["text"], "Several");
    assert_eq!(json[0]["kind"], "number");
    assert_eq!(json[0]["low"], 3);
    assert!(json[0]["high"].is_null());
    assert_eq!(json[1]["low"], 3);
    assert_eq!(json[1]["high"], 3);
    assert_eq!(json[2]["kind"], "date");
    assert!(json[2]["low"].is_null());
    assert_eq!(json[2]["from"], "2024-08-05");
    // Whole numbers are written without ".0".
    assert!(serde_json::to_string(&vals[1].to_json(text)).expect("json").contains("\"low\":3,"));
}

// --------------------------------------------------------------- property

/// A small deterministic generator (xorshift), so the test needs no crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

#[test]
fn never_panics_and_spans_are_valid() {
    const PIECES: &[&str] = &[
        "one",
        "One",
        "two",
        "twenty",
        "-",
        "five",
        "hundred",
        "and",
        "a",
        "dozen",
        "several",
        "more",
        "than",
        "at",
        "least",
        "as",
        "many",
        "up",
        "to",
        "between",
        "or",
        "so",
        "$",
        "%",
        "2,500",
        "1.5",
        "1,2",
        "0",
        "31",
        "2024",
        "1999",
        "9999",
        "10:30",
        "million",
        "Nov",
        ".",
        "May",
        "March",
        "Monday",
        "last",
        "week",
        "the",
        "end",
        "of",
        "January",
        "ago",
        "days",
        ",",
        "’",
        "“",
        "é",
        "Ünïcödé",
        "日本語",
        "🙂",
        "—",
        "–",
        "\n",
        " ",
        "  ",
        "AC",
        "-130",
        "H5N1",
        "22nd",
        "1990s",
        "5km",
        "a.m.",
        "U.S.",
        "no",
        "+",
        "/",
        "~",
        "2024-08-05",
        "8/5/2024",
        "Feb",
        "29",
        "mid",
        "early",
        "today",
        "yesterday",
        "0.5bn",
        "99999999999999999999",
        "1.",
        "..",
        "'",
        "s",
        "x",
        "ﬁ",
        "\u{301}",
        "٣",
        "①",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let dates = [None, Some(ymd(2024, 2, 29)), Some(ymd(2023, 1, 1)), Some(ymd(2024, 12, 31))];
    for round in 0..4000 {
        let n = (rng.next() % 24) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(rng.pick(PIECES));
            if rng.next().is_multiple_of(3) {
                text.push(' ');
            }
        }
        let vals = find_values(&text, dates[round % dates.len()]);
        let mut last = 0;
        for v in &vals {
            assert!(v.start < v.end, "empty span in {text:?}");
            assert!(v.end <= text.len(), "span past the end in {text:?}");
            assert!(v.start >= last, "overlapping spans in {text:?}");
            assert!(text.is_char_boundary(v.start) && text.is_char_boundary(v.end), "{text:?}");
            if let ValueDetail::Number { unit_or_noun: Some((a, b)), low, high, .. } = v.detail {
                assert!(
                    a < b
                        && b <= text.len()
                        && text.is_char_boundary(a)
                        && text.is_char_boundary(b)
                );
                assert!(low.is_none_or(f64::is_finite) && high.is_none_or(f64::is_finite));
            }
            last = v.end;
            let _ = serde_json::to_string(&v.to_json(&text)).expect("serialisable");
        }
    }
}

#[test]
fn arbitrary_bytes_as_text_never_panic() {
    let mut rng = Rng(42);
    for _ in 0..3000 {
        let n = (rng.next() % 64) as usize;
        let bytes: Vec<u8> = (0..n).map(|_| (rng.next() % 256) as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        for v in find_values(&text, Some(ymd(2024, 8, 6))) {
            assert!(text.is_char_boundary(v.start) && text.is_char_boundary(v.end));
        }
    }
}

#[test]
fn more_contexts_that_are_not_quantities() {
    assert!(numbers_in("Call us on 0845 125 2222 today.").is_empty());
    assert!(numbers_in("The shop at 200 W. Main Blvd. closed.").is_empty());
    assert!(numbers_in("The class of ’66 met again.").is_empty());
    assert_eq!(num("It was minus 20 outside.").1, Some(-20.0));
    assert_eq!(num("The club offered $160MM.").1, Some(160e6));
}

#[test]
fn hedged_ranges_and_named_months() {
    assert_eq!(
        num("As many as 30 to 40 people came."),
        ("As many as 30 to 40".into(), None, Some(40.0), Hedge::AtMost)
    );
    let d = Some(ymd(2024, 8, 6));
    let got = dates("He left last July and returns next March.", d);
    assert_eq!(got[0].0, "last July");
    assert_eq!(got[0].1, Some(DateRange { start: ymd(2024, 7, 1), end: ymd(2024, 7, 31) }));
    assert_eq!(got[1].1, Some(DateRange { start: ymd(2025, 3, 1), end: ymd(2025, 3, 31) }));
}

#[test]
fn compounds_abbreviations_and_streets() {
    assert!(numbers_in("No-one was hurt in the zero-day attack.").is_empty());
    assert!(numbers_in("She works at WCCO-TV, Ch. 4, in Boston.").is_empty());
    assert!(numbers_in("The office at 4 Yawkey Way closed.").is_empty());
    assert_eq!(dates("It opened Fri., May. 3, 2013 at noon.", None)[0].0, "May. 3, 2013");
}

#[test]
fn a_unit_of_measure_is_part_of_the_quantity_a_counted_noun_is_not() {
    assert_eq!(
        numbers_in("They ran 35 miles and 440 yards with 5 kilograms, and 12 people came."),
        ["35 miles", "440 yards", "5 kilograms", "12"]
    );
    // Its value and noun are unchanged.
    let v = number("The road is 35 miles long.");
    match v.detail {
        ValueDetail::Number { low, unit_or_noun, .. } => {
            assert_eq!(low, Some(35.0));
            assert!(unit_or_noun.is_some());
        }
        _ => panic!("not a number"),
    }
}
