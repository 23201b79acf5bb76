//! Feeds: RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed, one article per entry.
//! The fixtures are feeds written for these tests (tests/fixtures/feeds).

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dateline::corpus::{self, Article, Corpus, FeedError, Problem};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/feeds").join(name)
}

fn load(name: &str) -> Corpus {
    corpus::load(&[fixture(name)])
}

fn by_id<'a>(c: &'a Corpus, id: &str) -> &'a Article {
    c.articles.iter().find(|a| a.id == id).unwrap_or_else(|| panic!("no {id}: {:?}", c.articles))
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn warnings(c: &Corpus) -> String {
    c.warnings.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

#[test]
fn rss2_entries_with_html_content() {
    let c = load("valley-rss2.xml");
    let ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    // Newest first, undated last; entry 3 has no text but a title and a
    // link: an article, its title as its text, as feed readers keep it.
    assert_eq!(ids, ["valley-rss2-1", "valley-rss2-2", "valley-rss2-3", "valley-rss2-4"]);
    assert_eq!(by_id(&c, "valley-rss2-3").body, "Photo gallery: the summer show");

    let a = by_id(&c, "valley-rss2-1");
    assert_eq!(a.title, "Council approves new footbridge at Millbridge");
    assert_eq!(a.outlet.as_deref(), Some("Valley Gazette"), "the feed's title");
    assert_eq!(a.date, date(2024, 8, 6), "the day as written, not in UTC");
    assert_eq!(a.url.as_deref(), Some("https://valleygazette.example/news/footbridge"));
    assert_eq!(a.author.as_deref(), Some("Lena Marsh"));
    // content:encoded is preferred to the shorter description.
    assert_eq!(
        a.body,
        "Councillors voted by nine votes to two on Tuesday night to replace the footbridge at \
         Millbridge, which has been closed since it was damaged in last winter's floods.\n\n\
         The new bridge will be wider and set half a metre higher.\n\n\
         Work is due to finish by next spring."
    );

    // An escaped HTML description is read as HTML.
    let b = by_id(&c, "valley-rss2-2");
    assert_eq!(
        b.body,
        "Otters have been seen on the upper Ashby for the first time in 40 years, volunteers \
         said.\n\nCameras recorded a family of three near Carrow weir."
    );

    assert_eq!(by_id(&c, "valley-rss2-4").date, None);
    assert_eq!(c.warnings.len(), 1, "one warning for the file");
    let w = warnings(&c);
    assert!(!w.contains("entry 3"), "{w}");
    assert!(w.contains(r#"date "Someday soon" is not a date"#), "{w}");
}

#[test]
fn rss1_rdf_in_a_declared_latin1_encoding() {
    let c = load("science-desk.rdf");
    assert!(c.warnings.is_empty(), "declared encoding, no fallback: {}", warnings(&c));
    assert_eq!(c.articles.len(), 2);
    let a = by_id(&c, "science-desk-1");
    assert_eq!(a.title, "Comet visible to the naked eye this week");
    assert_eq!(a.outlet.as_deref(), Some("Science Desk"));
    assert_eq!(a.date, date(2023, 10, 11));
    assert_eq!(a.author.as_deref(), Some("Ines Ramírez"));
    assert_eq!(a.url.as_deref(), Some("https://sciencedesk.example/a/comet"));
    let b = by_id(&c, "science-desk-2");
    assert_eq!(b.date, date(2023, 10, 9));
    assert!(b.body.ends_with("researchers in Zürich reported."), "{}", b.body);
}

#[test]
fn atom_html_xhtml_and_summary_only_entries() {
    let c = load("northgate-atom.atom");
    assert!(c.warnings.is_empty(), "{}", warnings(&c));
    assert_eq!(c.articles.len(), 3);

    let a = by_id(&c, "northgate-atom-1");
    assert_eq!(a.title, "River treaty signed after eleven years", "an HTML title as text");
    assert_eq!(a.outlet.as_deref(), Some("Northgate News - World"));
    assert_eq!(a.date, date(2025, 1, 19), "published, as written; not updated");
    assert_eq!(a.author.as_deref(), Some("Idris Vale, Hanne Sorensen"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://news.northgate.example/world/river-treaty"),
        "the alternate link, not the enclosure"
    );
    assert_eq!(
        a.body,
        "The two countries that share the Serane river signed a treaty on Sunday setting out how \
         much water each may take in a dry year.\n\nWhat changes\n\n• a shared monitoring body;\n\n\
         • daily flow data.\n\nBoth parliaments must still ratify it."
    );

    let b = by_id(&c, "northgate-atom-2");
    assert_eq!(b.date, date(2025, 1, 21), "updated when nothing was published");
    assert_eq!(
        b.body,
        "Forecasters said gusts could reach 90 mph overnight.\n\nFerries have been cancelled."
    );
    assert_eq!(by_id(&c, "northgate-atom-3").body, "The announcement ends weeks of speculation.");
}

#[test]
fn json_feed_items_and_an_item_without_text() {
    let c = load("harbour-feed.json");
    let ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    // Entry 3 has a title and a link but no text: kept, its title its text.
    assert_eq!(ids, ["harbour-feed-1", "harbour-feed-2", "harbour-feed-3"]);
    assert_eq!(by_id(&c, "harbour-feed-3").body, "Placeholder with no text");
    let a = by_id(&c, "harbour-feed-1");
    assert_eq!(a.title, "Ferry service to Kellan Island suspended");
    assert_eq!(a.outlet.as_deref(), Some("The Harbour Post"));
    assert_eq!(a.date, date(2024, 3, 11));
    assert_eq!(a.author.as_deref(), Some("Mara Okafor"));
    assert!(
        a.body.ends_with(
            "hull.\n\nA chartered fishing boat will carry up to 12 passengers at a time."
        )
    );
    // content_text keeps its own paragraphs.
    assert_eq!(
        by_id(&c, "harbour-feed-2").body,
        "Two walkers were rescued from Gull Point on Saturday after being cut off by the rising \
         tide.\n\nThe lifeboat reached them within 20 minutes."
    );
    assert_eq!(warnings(&c), "");
}

#[test]
fn a_malformed_feed_is_one_warning_and_the_rest_loads() {
    let c = corpus::load(&[fixture("")]);
    let bad: Vec<_> = c.warnings.iter().filter(|w| w.path.ends_with("broken.rss")).collect();
    assert_eq!(bad.len(), 1, "{}", warnings(&c));
    assert!(matches!(bad[0].problem, Problem::Feed(FeedError::Malformed(_))));
    let text = bad[0].to_string();
    assert!(
        text.contains("broken.rss: not a readable feed (") && text.ends_with("; skipped"),
        "{text}"
    );
    assert_eq!(c.articles.len(), 4 + 2 + 3 + 3, "every other feed loads");
}

fn load_one(name: &str, text: &str) -> (tempfile::TempDir, Corpus) {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join(name), text).expect("write");
    let c = corpus::load(&[dir.path().to_path_buf()]);
    (dir, c)
}

#[test]
fn a_feed_without_entries_and_a_non_feed_json_object() {
    let (_d, c) = load_one(
        "empty.rss",
        r#"<rss version="2.0"><channel><title>Quiet</title></channel></rss>"#,
    );
    assert_eq!(c.warnings[0].problem, Problem::Feed(FeedError::NoEntries));
    assert!(c.warnings[0].to_string().ends_with("the feed has no entries; skipped"));
    // A `version` that is not jsonfeed.org's leaves a JSON article an article.
    let (_d, c) = load_one("story.json", r#"{"version": "2", "title": "T", "body": "Some text."}"#);
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    assert_eq!(c.articles[0].id, "story");
    assert_eq!(c.articles[0].body, "Some text.");
}

#[test]
fn rss_091_is_read_too() {
    let (_d, c) = load_one(
        "old.rss",
        r#"<?xml version="1.0"?><rss version="0.91"><channel><title>Old Wire</title>
           <link>https://old.example/</link><description>d</description>
           <item><title>First</title><link>https://old.example/1</link>
           <description>An item from an old feed, still read.</description></item>
           </channel></rss>"#,
    );
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    assert_eq!(c.articles[0].id, "old-1");
    assert_eq!(c.articles[0].outlet.as_deref(), Some("Old Wire"));
    assert_eq!(c.articles[0].body, "An item from an old feed, still read.");
}

#[test]
fn every_entry_is_kept_as_feed_readers_keep_it() {
    // RSS 0.94, no XML declaration; two entries with the same text but
    // their own titles and links; one with only a title and a link.
    let rss = r#"<rss version="0.94" xml:base="http://a.example/">
  <channel><title>Ninety-four</title><link>http://a.example/</link>
    <item><title>First</title><link>http://a.example/1</link><description>Feed authors should be used.</description></item>
    <item><title>Second</title><link>http://a.example/2</link><description>Feed authors should be used.</description></item>
    <item><title>Only a title</title><link>http://a.example/3</link></item>
  </channel></rss>"#;
    let (_dir, c) = load_one("ninety-four.xml", rss);
    assert_eq!(warnings(&c), "");
    let mut ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["ninety-four-1", "ninety-four-2", "ninety-four-3"]);
    assert_eq!(by_id(&c, "ninety-four-3").body, "Only a title");
}

#[test]
fn a_repeat_across_files_names_both_entries() {
    let dir = tempfile::tempdir().expect("temp dir");
    let feed = |title: &str, link: &str| {
        format!(
            "<rss version=\"2.0\"><channel><title>{title}</title>\
             <item><title>Own</title><link>{link}/own</link><description>Only in {title}.</description></item>\
             <item><title>Shared</title><link>{link}/shared</link><description>The same wire story.</description></item>\
             </channel></rss>"
        )
    };
    fs::write(dir.path().join("a.xml"), feed("A", "http://a.example")).expect("write");
    fs::write(dir.path().join("b.xml"), feed("B", "http://b.example")).expect("write");
    let c = corpus::load(&[dir.path().to_path_buf()]);
    assert_eq!(c.articles.len(), 3);
    assert_eq!(c.warnings.len(), 1, "{}", warnings(&c));
    let w = c.warnings[0].to_string();
    let a = dir.path().join("a.xml");
    assert_eq!(
        w,
        format!(
            "{}: entry 2: same text as {} (entry 2); kept once",
            dir.path().join("b.xml").display(),
            a.display()
        )
    );
}
