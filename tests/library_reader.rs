//! `R` in the reader: the subscriptions fetched in the background, new
//! articles joining the list as they arrive, progress and failures on the
//! status line. Against a server on 127.0.0.1 the test starts.

mod library_support;

use std::time::{Duration, Instant};

use dateline::cache::Setting;
use dateline::corpus::Corpus;
use dateline::library::{Subscription, Subscriptions};
use dateline::pipeline::Options;
use dateline::tui::action::Action;
use dateline::tui::app::App;
use dateline::tui::keymap::Keymap;
use library_support::{Reply, Server, page, prose, rss};

/// Polls the fetch until `busy` says it is over (30 s at most).
fn poll_while(app: &mut App, busy: fn(&App) -> bool) {
    let started = Instant::now();
    while busy(app) {
        assert!(started.elapsed() < Duration::from_secs(30), "the fetch ends");
        app.poll_fetch();
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Until the fetch is over.
fn until_done(app: &mut App) {
    poll_while(app, |a| a.fetch.is_running());
}

/// Until the fetch and the library's reload after it are over.
fn until_idle(app: &mut App) {
    poll_while(app, |a| a.fetch.is_busy());
}

#[test]
fn r_fetches_in_the_background_and_new_articles_join_the_list() {
    let server = Server::start();
    let (a, b) = (server.url("/a"), server.url("/b"));
    server.route(
        "/feed",
        Reply::feed(rss("Wire", &[("First", &a, "Summary."), ("Second", &b, "Summary.")])),
    );
    server.route("/a", Reply::page(page("First", None, &[&prose(1), &prose(2)])));
    server.route("/b", Reply::Status(500));
    let data = tempfile::tempdir().expect("temp dir");
    let mut subs = Subscriptions::default();
    for (url, name) in [(server.url("/feed"), "Wire"), (server.url("/gone"), "Gone")] {
        subs.add(Subscription { url, name: name.into(), ..Subscription::default() });
    }
    subs.save(data.path()).expect("save");

    let mut app = App::new(Corpus::default(), Keymap::default());
    app.fetch.library = Some(data.path().to_path_buf());
    // The reload after the fetch leaves the user's cache alone.
    app.fetch.options = Options { cache: Setting::Off, ..Options::default() };
    app.update(Action::Fetch);
    assert_eq!(app.message.as_deref(), Some("fetching…"));
    app.start_fetch();
    assert!(app.fetch.is_running());
    // A second `R` while it runs starts nothing.
    app.update(Action::Fetch);
    assert_eq!(app.message.as_deref(), Some("already fetching"));
    until_done(&mut app);

    assert_eq!(app.corpus.articles.len(), 1, "the stored article joined the list");
    let art = &app.corpus.articles[0];
    assert_eq!(art.title, "First");
    assert!(art.body.contains("footbridge"), "{}", art.body);
    assert_eq!(app.visible.len(), 1);
    assert_eq!(app.message.as_deref(), Some("fetched: 1 new · 1 feed failed (warnings on exit)"));
    let warnings: Vec<String> = app.corpus.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings.iter().any(|w| w.starts_with(&b) && w.contains("HTTP 500")), "{warnings:?}");
    assert!(warnings.iter().any(|w| w.contains("/gone") && w.contains("HTTP 404")), "{warnings:?}");
}

#[test]
fn r_without_subscriptions_says_how_to_add_one() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut app = App::new(Corpus::default(), Keymap::default());
    app.fetch.library = Some(data.path().to_path_buf());
    app.update(Action::Fetch);
    app.start_fetch();
    assert!(!app.fetch.is_running());
    assert!(app.message.as_deref().is_some_and(|m| m.contains("dateline feeds add")));
}

#[test]
fn after_r_the_new_articles_are_analysed_and_compared_like_the_rest() {
    let server = Server::start();
    let a = server.url("/a");
    server.route("/feed", Reply::feed(rss("Wire", &[("First", &a, "Summary.")])));
    server.route("/a", Reply::page(page("First", None, &[&prose(1), &prose(2)])));
    let data = tempfile::tempdir().expect("temp dir");
    let mut subs = Subscriptions::default();
    subs.add(Subscription { url: server.url("/feed"), name: "Wire".into(), ..Default::default() });
    subs.save(data.path()).expect("save");

    let mut app = App::new(Corpus::default(), Keymap::default());
    app.fetch.library = Some(data.path().to_path_buf());
    app.fetch.options = Options { cache: Setting::Off, ..Options::default() };
    app.update(Action::Fetch);
    app.start_fetch();
    until_done(&mut app);
    assert_eq!(app.corpus.articles.len(), 1);
    // Joined the list as it arrived, not yet analysed.
    assert!(app.entities.analyses.iter().all(|an| an.mentions.is_empty()));
    until_idle(&mut app);

    assert!(app.loading.is_none(), "the reload finished");
    assert_eq!(app.corpus.articles.len(), 1, "the reload adds no copy");
    assert_eq!(app.visible.len(), 1);
    let mentions = &app.entities.analyses[0].mentions;
    let body = &app.corpus.articles[0].body;
    assert!(
        mentions.iter().any(|m| &body[m.start..m.end] == "Tuesday"),
        "the new article is highlighted: {mentions:?}"
    );
    assert_eq!(app.entities.story_of(0), Some(0), "and in a story");
    // R works again once all is done.
    app.update(Action::Fetch);
    assert_eq!(app.message.as_deref(), Some("fetching…"));
}
