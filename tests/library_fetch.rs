//! `fetch` against a server on 127.0.0.1 that the tests start: summaries
//! completed from their pages, Atom with content, conditional requests,
//! updates, redirects, failures and limits.

mod library_support;

use std::path::Path;
use std::time::{Duration, Instant};

use dateline::corpus::FetchLimits;
use dateline::library::{self, FetchOptions, Outcome, Stored, Subscription, Subscriptions};
use library_support::{Reply, Server, page, prose, rss};

const OPTIONS: FetchOptions = FetchOptions {
    limits: FetchLimits { timeout: Duration::from_millis(800), max_bytes: 256 * 1024 },
    workers: 4,
    per_host: 2,
};

fn subscribe(dir: &Path, feeds: &[(&str, &str)]) {
    let mut subs = Subscriptions::default();
    for (url, name) in feeds {
        subs.add(Subscription {
            url: url.to_string(),
            name: name.to_string(),
            ..Subscription::default()
        });
    }
    subs.save(dir).expect("save subscriptions");
}

fn fetch(dir: &Path) -> Outcome {
    library::fetch_all(dir, OPTIONS, &|_| {}).expect("fetch")
}

fn stored(dir: &Path) -> Vec<Stored> {
    let mut out: Vec<Stored> = std::fs::read_dir(library::articles_dir(dir))
        .expect("library folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| serde_json::from_slice(&std::fs::read(&p).expect("read")).expect("an article"))
        .collect();
    out.sort_by(|a, b| a.url.cmp(&b.url));
    out
}

fn warnings(o: &Outcome) -> Vec<String> {
    o.warnings.iter().map(ToString::to_string).collect()
}

#[test]
fn summary_only_entries_are_completed_from_their_pages() {
    let server = Server::start();
    let (a, b) = (server.url("/a"), server.url("/b"));
    server.route(
        "/feed",
        Reply::feed(rss(
            "Valley Gazette",
            &[("Bridge vote", &a, "A short summary."), ("Floods", &b, "Another.")],
        )),
    );
    let (p1, p2) = (prose(1), prose(2));
    server.route(
        "/a",
        Reply::page(page("Bridge vote tonight", Some("The Valley Gazette Online"), &[&p1, &p2])),
    );
    server.route("/b", Reply::page(page("Floods recede", None, &[&p2, &p1])));
    let dir = tempfile::tempdir().expect("temp dir");
    subscribe(dir.path(), &[(&server.url("/feed"), "Valley")]);
    let o = fetch(dir.path());
    assert!(o.warnings.is_empty(), "{:?}", warnings(&o));
    assert_eq!((o.new, o.feeds[0].new, o.feeds[0].error.as_deref()), (2, 2, None));
    let s = stored(dir.path());
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].url.as_deref(), Some(a.as_str()));
    assert!(s[0].body.contains("voted to repair the old footbridge"), "{}", s[0].body);
    assert!(!s[0].body.contains("Home") && !s[0].body.contains("A short summary"));
    assert_eq!(s[0].title.as_deref(), Some("Bridge vote"), "the entry's title");
    // The page names its publisher; the other does not: the feed's name.
    assert_eq!(s[0].outlet.as_deref(), Some("The Valley Gazette Online"));
    assert_eq!(s[1].outlet.as_deref(), Some("Valley"));
    assert_eq!(s[0].date.as_deref(), Some("2024-08-06"));

    // The library loads as a folder, with no warning.
    let c = dateline::corpus::load(&[library::articles_dir(dir.path())]);
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    assert_eq!(c.articles.len(), 2);

    // Asked again: the entries are known, no page is fetched again.
    let before = server.requests_to("/a").len();
    let o = fetch(dir.path());
    assert_eq!(o.new, 0);
    assert_eq!(server.requests_to("/a").len(), before);
}

#[test]
fn atom_with_content_is_stored_without_fetching_pages() {
    let server = Server::start();
    let text = prose(3);
    let atom = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">\
         <title>Northgate News</title><id>urn:n</id><updated>2025-01-19T08:00:00Z</updated>\
         <entry><title>Treaty signed</title><id>urn:n:1</id><link href=\"/world/treaty\"/>\
         <updated>2025-01-19T08:00:00Z</updated><summary>Short.</summary>\
         <content type=\"html\">&lt;p&gt;{text}&lt;/p&gt;</content></entry></feed>"
    );
    server.route(
        "/atom",
        Reply::Ok {
            kind: "application/atom+xml",
            body: atom.into_bytes(),
            etag: None,
            gzip: false,
        },
    );
    let dir = tempfile::tempdir().expect("temp dir");
    subscribe(dir.path(), &[(&server.url("/atom"), "Northgate")]);
    let o = fetch(dir.path());
    assert!(o.warnings.is_empty(), "{:?}", warnings(&o));
    let s = stored(dir.path());
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].body, text);
    // A relative link is read against the feed's address.
    assert_eq!(s[0].url.as_deref(), Some(server.url("/world/treaty").as_str()));
    assert!(server.requests_to("/world/treaty").is_empty(), "no page fetched");
}

#[test]
fn validators_are_sent_back_and_304_is_unchanged() {
    let server = Server::start();
    let body = rss("Wire", &[("One", "http://127.0.0.1:9/one", &prose(4).repeat(3))]).into_bytes();
    server.route(
        "/feed",
        Reply::Ok { kind: "application/rss+xml", body, etag: Some("\"v1\"".into()), gzip: false },
    );
    let dir = tempfile::tempdir().expect("temp dir");
    subscribe(dir.path(), &[(&server.url("/feed"), "Wire")]);
    assert_eq!(fetch(dir.path()).new, 1);
    let o = fetch(dir.path());
    assert!(o.feeds[0].unchanged && o.new == 0 && o.any_answered(), "{:?}", o.feeds);
    let asked = server.requests_to("/feed");
    assert_eq!(asked.len(), 2);
    assert_eq!(asked[0].headers.get("if-none-match"), None);
    assert_eq!(asked[1].headers.get("if-none-match").map(String::as_str), Some("\"v1\""));
    let subs = Subscriptions::load(dir.path()).expect("load");
    assert_eq!(subs.feeds[0].result.as_deref(), Some("unchanged"));
}

#[test]
fn an_updated_entry_replaces_its_article() {
    let server = Server::start();
    let link = "http://127.0.0.1:9/story";
    let (old, new) = (prose(5).repeat(3), prose(6).repeat(3));
    server.route("/feed", Reply::feed(rss("Wire", &[("Story", link, &old)])));
    let dir = tempfile::tempdir().expect("temp dir");
    subscribe(dir.path(), &[(&server.url("/feed"), "Wire")]);
    assert_eq!(fetch(dir.path()).new, 1);
    server.route("/feed", Reply::feed(rss("Wire", &[("Story, updated", link, &new)])));
    let o = fetch(dir.path());
    assert_eq!(o.new, 0, "replaced, not added");
    let s = stored(dir.path());
    assert_eq!(s.len(), 1);
    assert_eq!((s[0].title.as_deref(), s[0].body.as_str()), (Some("Story, updated"), new.as_str()));
}

#[test]
fn redirects_are_followed_a_few_times_and_only_to_http() {
    let server = Server::start();
    server.route(
        "/feed",
        Reply::feed(rss("Wire", &[("One", "http://127.0.0.1:9/one", &prose(7).repeat(3))])),
    );
    server.route("/old", Reply::Redirect("/feed".into()));
    server.route("/loop", Reply::Redirect("/loop".into()));
    server.route("/local", Reply::Redirect("file:///etc/passwd".into()));
    let dir = tempfile::tempdir().expect("temp dir");
    let (old, lp, local) = (server.url("/old"), server.url("/loop"), server.url("/local"));
    subscribe(dir.path(), &[(&old, "Old"), (&lp, "Loop"), (&local, "Local")]);
    let o = fetch(dir.path());
    assert_eq!(o.feeds[0].new, 1, "{:?}", o.feeds);
    assert_eq!(o.feeds[1].error.as_deref(), Some("more than 5 redirects"));
    assert_eq!(o.feeds[2].error.as_deref(), Some("refused: file: is not an http or https address"));
    let w = warnings(&o);
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(
        w.iter().any(|w| w.starts_with(&lp)) && w.iter().any(|w| w.starts_with(&local)),
        "{w:?}"
    );
    assert!(server.requests_to("/loop").len() <= 6);
}

#[test]
fn entry_links_to_other_schemes_are_refused() {
    let server = Server::start();
    let secret = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(secret.path(), "a local secret").expect("write");
    let link = format!("file://{}", secret.path().display());
    server.route(
        "/feed",
        Reply::feed(rss(
            "Wire",
            &[("Local", &link, "Summary."), ("Data", "data:text/html,hello", "Summary.")],
        )),
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let feed = server.url("/feed");
    subscribe(dir.path(), &[(&feed, "Wire")]);
    let o = fetch(dir.path());
    assert_eq!(o.new, 0);
    assert!(stored(dir.path()).is_empty());
    let w = warnings(&o);
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(w[0].starts_with(&format!("{feed}: entry 1: link {link}: refused: file:")), "{w:?}");
    assert!(w[1].contains("entry 2: link data:text/html,hello: refused: data:"), "{w:?}");
}

#[test]
fn failing_feeds_and_pages_are_one_warning_each_and_the_rest_goes_on() {
    let server = Server::start();
    server.route("/gone", Reply::Status(404));
    server.route("/broken", Reply::Status(500));
    server.route("/hang", Reply::Hang);
    server.route("/huge", Reply::feed(format!("<rss>{}</rss>", "x".repeat(400 * 1024))));
    server.route("/html", Reply::page(page("Not a feed", None, &[&prose(8)])));
    let missing = server.url("/missing-page");
    server.route(
        "/ok",
        Reply::feed(rss(
            "Fine",
            &[
                ("Kept", "http://127.0.0.1:9/k", &prose(9).repeat(3)),
                ("Page gone", &missing, "Summary."),
            ],
        )),
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let urls: Vec<String> = ["/gone", "/broken", "/hang", "/huge", "/html", "/ok"]
        .iter()
        .map(|p| server.url(p))
        .collect();
    let feeds: Vec<(&str, &str)> = urls.iter().map(|u| (u.as_str(), "F")).collect();
    subscribe(dir.path(), &feeds);
    let started = Instant::now();
    let o = fetch(dir.path());
    assert!(started.elapsed() < Duration::from_secs(5), "the hanging server was given up on");
    let errors: Vec<Option<&str>> = o.feeds.iter().map(|f| f.error.as_deref()).collect();
    assert_eq!(errors[0], Some("the server answered HTTP 404"));
    assert_eq!(errors[1], Some("the server answered HTTP 500"));
    assert_eq!(errors[2], Some("no complete answer within 800ms"));
    assert_eq!(errors[3], Some("the answer is larger than the 262144-byte limit"));
    assert!(errors[4].is_some_and(|e| e.starts_with("not a readable feed")), "{errors:?}");
    assert_eq!(errors[5], None);
    assert_eq!(o.feeds[5].new, 1);
    let w = warnings(&o);
    assert_eq!(w.len(), 6, "{w:?}");
    for (u, w) in urls.iter().take(5).zip(&w[..]) {
        assert!(w.starts_with(u.as_str()), "{w} names {u}");
    }
    assert!(
        w.iter().any(|w| w == &format!("{missing}: the server answered HTTP 404; skipped")),
        "{w:?}"
    );
    assert!(o.any_answered());
}

#[test]
fn a_feed_with_a_failed_page_is_asked_again_in_full() {
    let server = Server::start();
    let page_url = server.url("/later");
    let body = rss("Wire", &[("Later", &page_url, "Summary.")]).into_bytes();
    server.route(
        "/feed",
        Reply::Ok { kind: "application/rss+xml", body, etag: Some("\"e\"".into()), gzip: false },
    );
    server.route("/later", Reply::Status(503));
    let dir = tempfile::tempdir().expect("temp dir");
    subscribe(dir.path(), &[(&server.url("/feed"), "Wire")]);
    assert_eq!(fetch(dir.path()).new, 0);
    server.route("/later", Reply::page(page("Later", None, &[&prose(10), &prose(11)])));
    let o = fetch(dir.path());
    assert_eq!(o.new, 1, "{:?}", warnings(&o));
    assert_eq!(server.requests_to("/feed")[1].headers.get("if-none-match"), None);
}

#[test]
fn gzip_answers_are_unpacked() {
    let server = Server::start();
    let body =
        rss("Packed", &[("Zipped", "http://127.0.0.1:9/z", &prose(12).repeat(3))]).into_bytes();
    server.route("/feed", Reply::Ok { kind: "application/rss+xml", body, etag: None, gzip: true });
    let dir = tempfile::tempdir().expect("temp dir");
    subscribe(dir.path(), &[(&server.url("/feed"), "Packed")]);
    let o = fetch(dir.path());
    assert!(o.warnings.is_empty(), "{:?}", warnings(&o));
    assert_eq!(o.new, 1);
    let asked = &server.requests_to("/feed")[0];
    assert!(asked.headers.get("accept-encoding").is_some_and(|e| e.contains("gzip")));
}
