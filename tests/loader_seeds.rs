//! What the loader infers from the raw seed articles (no front matter), and
//! that sample-data's front matter is read over the same text.

use std::path::PathBuf;

use chrono::NaiveDate;
use dateline::{Article, Corpus, corpus};

fn load(dir: &str) -> Corpus {
    let c = corpus::load(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir)]);
    assert!(c.warnings.is_empty(), "unexpected warnings: {:?}", c.warnings);
    c
}

fn by_id<'a>(c: &'a Corpus, prefix: &str) -> &'a Article {
    c.articles.iter().find(|a| a.id.starts_with(prefix)).expect("article loaded")
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn dates_from_header_lines() {
    let c = load("tests/fixtures/seeds");
    assert_eq!(by_id(&c, "000").date, date(2024, 8, 6));
    assert_eq!(by_id(&c, "001").date, date(2024, 8, 5));
    for undated in ["002", "003", "004"] {
        assert_eq!(by_id(&c, undated).date, None, "{undated} states no date");
    }
}

#[test]
fn outlets_from_datelines_and_attributions() {
    let c = load("tests/fixtures/seeds");
    assert_eq!(by_id(&c, "000").outlet.as_deref(), Some("CNN"));
    assert_eq!(by_id(&c, "001").outlet.as_deref(), Some("Daily Caller News Foundation"));
    assert_eq!(by_id(&c, "003").outlet.as_deref(), Some("Fox News"));
    // A photo credit ("HENNA / AFP") and a cited agency are not the publisher.
    assert_eq!(by_id(&c, "002").outlet, None);
    assert_eq!(by_id(&c, "004").outlet, None);
}

#[test]
fn titles_are_headlines_never_boilerplate() {
    let c = load("tests/fixtures/seeds");
    assert_eq!(by_id(&c, "004").title, "U.S. Airstrikes in Iraq Aimed at ‘Iranian-Backed Militia’");
    assert_eq!(by_id(&c, "002").title, "US personnel injured by rocket attack in Iraq");
    // Without a headline, the title is the lead sentence, shortened.
    let t = &by_id(&c, "003").title;
    assert!(t.starts_with("The U.S. has carried out"), "{t}");
    for a in &c.articles {
        assert!(!a.title.is_empty() && !a.title.contains("Skip to content"), "{}", a.title);
        assert!(!a.title.contains(" date "), "header in title: {}", a.title);
    }
}

#[test]
fn boilerplate_is_gone_from_bodies() {
    let c = load("tests/fixtures/seeds");
    for a in &c.articles {
        for junk in [
            "Skip to content",
            "More from International",
            "This story has been updated",
            "(RELATED:",
            "HENNA / AFP",
            "date 2024",
            "CNN —",
        ] {
            assert!(!a.body.contains(junk), "{} still has {junk:?}", a.id);
        }
        assert!(!a.body.starts_with(char::is_whitespace), "{} body starts with space", a.id);
    }
    // The headline is the title and stays the first paragraph (the
    // comparison lines headlines up too); the boilerplate before it goes.
    assert!(by_id(&c, "004").body.starts_with("U.S. Airstrikes in Iraq Aimed at"));
    assert!(by_id(&c, "004").body.contains("\n\nPentagon Deputy Press Secretary"));
    assert!(by_id(&c, "001").body.starts_with("A suspected rocket attack"));
    // The text around a removed marker is kept whole.
    assert!(
        by_id(&c, "001").body.contains("throughout the region.\n\nIt wasn’t immediately clear")
    );
}

#[test]
fn paragraphs_are_kept() {
    let c = load("tests/fixtures/seeds");
    assert_eq!(by_id(&c, "000").body.split("\n\n").count(), 12);
    assert_eq!(by_id(&c, "003").body.split("\n\n").count(), 11, "one paragraph per line");
}

#[test]
fn sample_data_front_matter_wins_over_inference() {
    let c = load("sample-data");
    assert_eq!(c.articles.len(), 5);
    let ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    // Newest first.
    assert_eq!(
        ids,
        [
            "000_f32e5020c4b6cb4e",
            "001_1d91cbe48bf1aeb7",
            "002_e3f8d9dc1a457137",
            "003_7eff1965c7fce1ff",
            "004_7524427e9e6a80b8"
        ]
    );
    assert_eq!(by_id(&c, "003").date, date(2024, 1, 23));
    assert_eq!(by_id(&c, "004").date, date(2023, 11, 22));
    assert_eq!(by_id(&c, "002").outlet, None);
    let raw = load("tests/fixtures/seeds");
    for a in &c.articles {
        assert_eq!(a.body, by_id(&raw, &a.id).body, "{}: same text, same body", a.id);
    }
}
