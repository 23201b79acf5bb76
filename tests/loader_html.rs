//! HTML article pages: the main text without the page around it, and the
//! page's metadata. The fixtures are pages written for these tests in the
//! shapes real news sites use (see tests/fixtures/README.md).

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dateline::corpus::{self, Article, Corpus, HtmlError, Problem};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html").join(name)
}

/// The one article in a fixture page, which must load without warnings.
fn page(name: &str) -> Article {
    let c = corpus::load(&[fixture(name)]);
    assert!(c.warnings.is_empty(), "{name}: {:?}", c.warnings);
    assert_eq!(c.articles.len(), 1, "{name}");
    c.articles.into_iter().next().expect("one article")
}

/// What a page must give, and the page furniture that must not reach the body.
struct Expect<'a> {
    title: &'a str,
    outlet: Option<&'a str>,
    date: Option<(i32, u32, u32)>,
    url: Option<&'a str>,
    opening: &'a str,
    closing: &'a str,
    paragraphs: usize,
    absent: &'a [&'a str],
}

fn check(name: &str, e: &Expect) {
    let a = page(name);
    assert_eq!(a.title, e.title, "{name}: title");
    assert_eq!(a.outlet.as_deref(), e.outlet, "{name}: outlet");
    assert_eq!(a.date, e.date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)), "{name}");
    assert_eq!(a.url.as_deref(), e.url, "{name}: url");
    let mut paras: Vec<&str> = a.body.split("\n\n").collect();
    // A headline the page repeats above the story stays as the first
    // paragraph (as for text files); the story proper follows it.
    if paras.len() > 1 && paras[0] == a.title {
        paras.remove(0);
    }
    assert!(paras[0].starts_with(e.opening), "{name}: opens with {:?}\n{}", e.opening, a.body);
    assert!(a.body.ends_with(e.closing), "{name}: closes with {:?}\n{}", e.closing, a.body);
    assert_eq!(paras.len(), e.paragraphs, "{name}: paragraphs\n{}", a.body);
    for junk in e.absent {
        assert!(!a.body.contains(junk), "{name}: {junk:?} is page furniture\n{}", a.body);
    }
}

#[test]
fn wordpress_page_with_a_json_ld_graph() {
    check(
        "harbour-post-jsonld.html",
        &Expect {
            title: "Ferry service to Kellan Island suspended after hull crack found",
            outlet: Some("The Harbour Post"),
            date: Some((2024, 3, 11)),
            url: Some("https://harbourpost.example/news/2024/03/ferry-kellan-island-suspended/"),
            opening: "The only passenger ferry between Portlow and Kellan Island has been taken out of service",
            closing: "The Kellan Spirit entered service in 1991 and was last refitted in 2017.",
            paragraphs: 7,
            absent: &[
                "cookies",
                "Skip to content",
                "Subscribe",
                "Advertisement",
                "Read more",
                "Kellan ferry fares to rise",
                "Photo: Jon Pell",
                "Share this article",
                "Related stories",
                "islandgran",
                "anxious spaniel",
                "Leave a Reply",
                "morning briefing",
                "Most read",
                "All rights reserved",
                "dataLayer",
                "By Mara Okafor",
            ],
        },
    );
}

#[test]
fn open_graph_page_with_promos_sidebar_and_consent_overlay() {
    check(
        "river-weekly-og.html",
        &Expect {
            title: "Drought forces first hosepipe ban in a decade",
            outlet: Some("River Weekly"),
            // 23:40 on the 18th in New York is the 19th in UTC: the date
            // the outlet printed is kept.
            date: Some((2023, 7, 18)),
            url: Some("https://riverweekly.example/environment/hosepipe-ban-2023"),
            opening: "Water company says reservoirs are at their lowest since 2013.",
            closing: "lift them once reservoir levels had recovered.",
            paragraphs: 8,
            absent: &[
                "Log in",
                "Subscribe",
                "Environment ·",
                "Photo by Sam Ortiz",
                "Sign up for The Riverbank",
                "every Thursday",
                "free articles",
                "Topics:",
                "Share on Facebook",
                "Comments (2)",
                "fountain running",
                "Sponsored",
                "solar panels",
                "Most popular",
                "Otters return",
                "personalised ads",
                "I accept",
                "Valley Media Co.",
                "Words by",
            ],
        },
    );
}

#[test]
fn old_table_layout_with_only_a_title_and_a_date_tag() {
    check(
        "wire-archive-table.html",
        &Expect {
            title: "Central bank holds rates as inflation cools",
            // No outlet in the page's metadata: the dateline names it.
            outlet: Some("Reuters"),
            date: Some((2019, 3, 14)),
            url: None,
            opening: "LONDON, March 14 (Reuters) - The central bank kept its main interest rate unchanged",
            closing: "(Reporting by Dana Whitlow; Editing by Ken Ruiz)",
            paragraphs: 6,
            absent: &[
                "World",
                "Archive search",
                "Top stories",
                "Oil steadies",
                "10:12am GMT",
                "Email this article",
                "Reprints",
                "All rights reserved",
                "popUp",
            ],
        },
    );
}

#[test]
fn broadcaster_page_with_json_ld_subheadings_and_lists() {
    check(
        "northgate-explainer.html",
        &Expect {
            // JSON-LD wins over the shorter og:title and twitter:title.
            title: "River treaty: What the deal means for farmers on both banks",
            outlet: Some("Northgate News"),
            date: Some((2025, 1, 20)),
            url: Some("https://news.northgate.example/world/river-treaty-explained"),
            opening: "After eleven years of talks, the two countries that share the Serane river signed a treaty",
            closing: "a number to argue about instead of a principle.",
            paragraphs: 13,
            absent: &[
                "Skip to main content",
                "Watch Live",
                "Africa",
                "By Idris Vale",
                "Follow the latest",
                "More on this story",
                "a short history",
                "Irrigation channels near the delta",
                "Related Topics",
                "Climate change",
                "Top Stories",
                "Storm warning",
                "Terms of Use",
                "agree to cookies",
                "__INITIAL_DATA__",
            ],
        },
    );
    let a = page("northgate-explainer.html");
    assert_eq!(a.author.as_deref(), Some("Idris Vale, Hanne Sorensen"));
    assert!(a.body.contains("\n\nWhat does the treaty say?\n\n"), "subheadings are paragraphs");
    assert!(
        a.body
            .contains("• a shared monitoring body with staff from both countries;\n\n• flow data"),
        "list items are bulleted paragraphs:\n{}",
        a.body
    );
}

#[test]
fn page_without_metadata_falls_back_to_what_the_text_says() {
    check(
        "bare-no-metadata.html",
        &Expect {
            title: "Library reopens after flood repairs",
            // "told the Associated Press", as the text loader reads it.
            outlet: Some("AP"),
            date: None,
            url: None,
            opening: "The central library in Marton reopened on Saturday",
            closing: "to make up for lost time.",
            paragraphs: 4,
            absent: &["Front page", "Contact us", "Tip us off", "Copyright 2022"],
        },
    );
}

fn load_one(name: &str, bytes: &[u8]) -> (tempfile::TempDir, Corpus) {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join(name), bytes).expect("write");
    let c = corpus::load(&[dir.path().to_path_buf()]);
    (dir, c)
}

#[test]
fn a_page_in_a_declared_legacy_encoding_is_read_without_a_warning() {
    let mut html = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\
        <title>Caf\xE9 owners fight rent rise</title></head><body><p>"
        .to_vec();
    html.extend_from_slice(
        &b"Owners of the caf\xE9 said the \x93new rent\x94 would close them. ".repeat(8),
    );
    html.extend_from_slice(b"</p></body></html>");
    let (_d, c) = load_one("cafe.htm", &html);
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    assert_eq!(c.articles[0].title, "Café owners fight rent rise");
    assert!(c.articles[0].body.starts_with("Owners of the café said the “new rent”"));
}

#[test]
fn an_unreadable_date_is_a_warning_and_the_page_still_loads() {
    let body = "<p>The harbour wall was repaired over the winter at a cost of two million.</p>";
    let html = format!(
        "<head><title>Harbour wall repaired</title>\
         <meta property=\"article:published_time\" content=\"the day before yesterday\"></head>\
         <body>{}</body>",
        body.repeat(4)
    );
    let (_d, c) = load_one("wall.html", html.as_bytes());
    assert_eq!(c.articles.len(), 1);
    assert_eq!(c.articles[0].date, None);
    let w = c.warnings.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
    assert!(
        w.contains(
            "wall.html: `article:published_time` \"the day before yesterday\" is not a date"
        ),
        "{w}"
    );
}

#[test]
fn a_page_with_no_article_is_skipped_with_a_reason() {
    let (_d, c) = load_one("menu.html", b"<html><body><nav><a href=/>Home</a></nav></body></html>");
    assert!(c.articles.is_empty());
    assert_eq!(c.warnings.len(), 1, "{:?}", c.warnings);
    let w = &c.warnings[0];
    assert!(w.path.ends_with("menu.html"));
    // The extractor finds the menu; once links are dropped nothing is left.
    assert_eq!(w.problem, Problem::NoText, "{w}");
    let (_d, c) = load_one("blank.html", b"<html><head><title>T</title></head></html>");
    assert_eq!(c.warnings[0].problem, Problem::Html(HtmlError::NoArticle));
    assert_eq!(
        c.warnings[0].to_string().rsplit(": ").next(),
        Some("no article text found in the page; skipped")
    );
}

#[test]
fn malformed_markup_is_repaired_not_fatal() {
    let html = "<html><body><div><p>Unclosed paragraphs keep coming in this report, one after another.\
                <p>Tags <b>overlap <i>badly</b> here</i> and the text still reads in order.\
                <table><tr><td>stray cell</div></body>";
    let (_d, c) = load_one("messy.html", html.as_bytes());
    assert_eq!(c.articles.len(), 1, "{:?}", c.warnings);
    assert!(c.articles[0].body.contains("Tags overlap badly here and the text still reads"));
}

#[test]
fn page_furniture_of_the_kinds_real_pages_leave_is_dropped() {
    let p = |t: &str| format!("<p>{t}</p>");
    let prose = [
        "urkey, Poland and Hungary signed the border pact in Warsaw on Tuesday after two years of talks, officials from all three countries said.",
        "The agreement sets out how the three governments will share the cost of new crossing points and how long lorries may be held at each of them.",
        "Opposition parties in all three parliaments said they would try to block ratification, arguing that the deal had been negotiated in secret.",
        "A vote in the Polish parliament is expected next month, and the Hungarian government has said it will put the treaty to its assembly soon after.",
    ];
    let html = format!(
        r#"<!doctype html><html><head>
        <meta property="og:title" content="Three countries sign border pact">
        <meta property="og:site_name" content="Metro Seven | Local News, Weather, Sports | Riverside">
        <script type="application/ld+json">{{"@type":"NewsArticle","headline":"escenic","datePublished":"2025-03-04"}}</script>
        </head><body><article><h1>Three countries sign border pact</h1>
        <p>4 Min Read</p>
        <p>text__text__1FZLe text__dark-grey__3Ml43 text__medium__1kbOh</p>
        <p><span class="dropcap">T</span></p>{}{}
        <p>Sign up to our daily newsletter</p>
        {}{}
        <p>Tell us what you think in the comments below</p>
        </article></body></html>"#,
        p(prose[0]),
        p(prose[1]),
        p(prose[2]),
        p(prose[3])
    );
    let c = corpus::load_bytes(std::path::Path::new("pact.html"), html.as_bytes());
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    let a = &c.articles[0];
    assert_eq!(a.title, "Three countries sign border pact");
    assert_eq!(a.outlet.as_deref(), Some("Metro Seven"));
    let mut want = vec![format!("T{}", prose[0])];
    want.extend(prose[1..].iter().map(|s| s.to_string()));
    assert_eq!(a.body, want.join("\n\n"));
}

#[test]
fn contact_tables_and_link_lists_are_not_the_article() {
    let para = |n: usize| {
        format!(
            "<p>Members of parliament from {n} constituencies were asked on Monday to explain \
             how they had voted on the bill, after campaigners said the result had been kept \
             from their constituents for weeks, and several said they would answer in writing.</p>"
        )
    };
    let rows: String = (0..30)
        .map(|i| format!("<tr><td>Member {i}</td><td>member{i}.mp@parliament.example</td></tr>"))
        .collect();
    let related: String = (0..5)
        .map(|i| {
            format!("<li><a href=\"/story/{i}\">Another story about the vote number {i}</a></li>")
        })
        .collect();
    let html = format!(
        "<!doctype html><html><head><title>How your MP voted</title></head><body><article>\
         <h1>How your MP voted</h1>{}{}{}<table>{rows}</table><h3>More stories</h3><ul>{related}</ul>\
         <p>Sources listed: <ul><li>The <a href=\"/r\">register</a> of members' votes, published each week</li>\
         <li>Interviews</li><li>Letters</li></ul></p></article></body></html>",
        para(1),
        para(2),
        para(3)
    );
    let c = corpus::load_bytes(Path::new("votes.html"), html.as_bytes());
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    let body = &c.articles[0].body;
    assert!(body.contains("Members of parliament from 1 constituencies"), "{body}");
    assert!(body.contains("Members of parliament from 3 constituencies"), "{body}");
    assert!(!body.contains("@parliament.example"), "{body}");
    assert!(!body.contains("Another story about the vote"), "{body}");
    assert!(body.contains("register of members' votes"), "a list of prose stays: {body}");
}

#[test]
fn leading_paragraphs_set_apart_by_a_figure_are_kept() {
    let lead = [
        "The harbour board voted on Monday to close the north quay for a year, after divers found cracks along most of its length.",
        "Ferries will berth at the south quay from March, the board said, and the fish market will move to a temporary hall beside it.",
    ];
    let body: String = (1..=8)
        .map(|n| {
            format!(
                "<p>Paragraph {n} of the report goes on with what the engineers found, what the repairs will cost, and who will pay for them, according to the board's minutes.</p>"
            )
        })
        .collect();
    let html = format!(
        r#"<!doctype html><html><head><title>Quay to close</title></head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Quay to close for a year</h1>
        <div class="intro"><p>{}</p><p>{}</p></div>
        <figure><img src="q.jpg"><figcaption>The north quay at low tide.</figcaption></figure>
        <aside><ul><li><a href="/a">Ferry times change</a></li><li><a href="/b">Market hall plans</a></li><li><a href="/c">Board meeting</a></li></ul></aside>
        <div class="story-body">{body}</div>
        <footer><p>Share this story with your friends and family on every network you use today.</p></footer>
        </article>
        <article class="teaser"><p>A different story about the town's summer festival, with words enough to count as prose here.</p></article>
        </body></html>"#,
        lead[0], lead[1]
    );
    let c = corpus::load_bytes(Path::new("quay.html"), html.as_bytes());
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    let a = &c.articles[0].body;
    assert!(a.starts_with(lead[0]), "{a}");
    assert!(a.contains(&format!("{}\n\nParagraph 1 of", lead[1])), "{a}");
    assert!(a.ends_with("according to the board's minutes."), "{a}");
    assert!(!a.contains("festival") && !a.contains("Share this story"), "{a}");
}

#[test]
fn blocks_named_as_furniture_by_their_class_go_in_any_language() {
    let prose = [
        "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss für ein Jahr zu sperren.",
        "Die Arbeiten sollen im Mai beginnen und werden nach Angaben der Stadt rund vier Millionen Euro kosten.",
        "Anwohner hatten seit Jahren über Risse im Beton geklagt, die bei einer Prüfung im Winter gefunden wurden.",
        "Eine Umleitung über die Nordbrücke wird ausgeschildert, Busse fahren während der Sperrung im Takt weiter.",
    ];
    let p = |t: &str| format!("<p>{t}</p>");
    let html = format!(
        r#"<!doctype html><html><head><title>Brücke wird gesperrt</title></head><body>
        <article><h1>Brücke wird gesperrt</h1>
        <div class="entry-meta"><span class="posted-on">Veröffentlicht von Redaktion</span></div>
        {}{}
        <div class="wp-caption"><p class="wp-caption-text">Die alte Brücke im Morgenlicht, vom Nordufer aus gesehen.</p></div>
        <p>Der Bau <a class="meta-loc" href="/orte/fluss">am Fluss</a> dauert, sagte die Stadt dazu am Abend.</p>
        {}{}
        <div class="author-box"><p>Anna Lehmann schreibt seit zehn Jahren über die Stadt und ihre Brücken.</p></div>
        <div class="c-article__tags"><span>Verkehr</span> <span>Bauen</span></div>
        <section class="newsletter-signup"><p>Jetzt für unseren Newsletter anmelden und nichts verpassen!</p></section>
        </article></body></html>"#,
        p(prose[0]),
        p(prose[1]),
        p(prose[2]),
        p(prose[3])
    );
    let c = corpus::load_bytes(Path::new("bruecke.html"), html.as_bytes());
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    let body = &c.articles[0].body;
    for kept in prose.iter().chain(&["Der Bau am Fluss dauert, sagte die Stadt dazu am Abend."]) {
        assert!(body.contains(kept), "{kept:?} lost\n{body}");
    }
    for junk in ["Veröffentlicht", "Morgenlicht", "Anna Lehmann", "Verkehr", "Newsletter"] {
        assert!(!body.contains(junk), "{junk:?} is furniture\n{body}");
    }
}
