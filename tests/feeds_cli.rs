//! `dateline feeds …` and `dateline fetch` from the command line, against a
//! server on 127.0.0.1, each test with its own data folder.

mod library_support;

use std::path::Path;
use std::process::{Command, Output};

use library_support::{Reply, Server, page, prose, rss};
use serde_json::Value;

fn dateline(data: &Path, cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .env("DATELINE_DATA_DIR", data)
        .env("XDG_CACHE_HOME", data.join("cache"))
        .current_dir(cwd)
        .output()
        .expect("run dateline")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn add_checks_the_url_is_a_feed_and_list_shows_the_subscriptions() {
    let server = Server::start();
    server.route(
        "/feed",
        Reply::feed(rss("Valley Gazette", &[("One", "http://127.0.0.1:9/1", "Text.")])),
    );
    server.route("/page", Reply::page(page("A page", None, &[&prose(1)])));
    let data = tempfile::tempdir().expect("temp dir");
    let cwd = data.path();
    let (feed, html, gone) = (server.url("/feed"), server.url("/page"), server.url("/gone"));

    let out = dateline(data.path(), cwd, &["feeds", "add", &html]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(&format!("error: {html}: not a feed (")),
        "{}",
        text(&out.stderr)
    );
    let out = dateline(data.path(), cwd, &["feeds", "add", &gone]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("HTTP 404; not subscribed"), "{}", text(&out.stderr));
    let out = dateline(data.path(), cwd, &["feeds", "add", "file:///etc/passwd"]);
    assert_eq!(out.status.code(), Some(1));

    let out = dateline(data.path(), cwd, &["feeds", "add", &feed]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("subscribed: Valley Gazette"));
    let out = dateline(data.path(), cwd, &["feeds", "list", "--format", "json"]);
    let rows: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(rows.as_array().map(Vec::len), Some(1), "only the feed was subscribed");
    assert_eq!(rows[0]["url"], feed.as_str());
    assert_eq!(rows[0]["name"], "Valley Gazette");
    assert_eq!(rows[0]["last_fetch"], Value::Null);

    let out = dateline(data.path(), cwd, &["feeds", "remove", "valley gazette"]);
    assert!(out.status.success());
    let out = dateline(data.path(), cwd, &["feeds", "remove", "valley gazette"]);
    assert_eq!(out.status.code(), Some(1), "no such subscription any more");
}

#[test]
fn opml_export_then_import_round_trips() {
    let server = Server::start();
    server.route(
        "/a",
        Reply::feed(rss("Alpha &amp; Co", &[("One", "http://127.0.0.1:9/1", "Text.")])),
    );
    server.route("/b", Reply::feed(rss("Beta", &[("Two", "http://127.0.0.1:9/2", "Text.")])));
    let first = tempfile::tempdir().expect("temp dir");
    let cwd = first.path();
    let (a, b) = (server.url("/a"), server.url("/b"));
    assert!(dateline(first.path(), cwd, &["feeds", "add", &a]).status.success());
    assert!(
        dateline(first.path(), cwd, &["feeds", "add", &b, "--name", "Beta <Desk>"])
            .status
            .success()
    );
    let out = dateline(first.path(), cwd, &["feeds", "export"]);
    assert!(out.status.success());
    let opml = cwd.join("subs.opml");
    std::fs::write(&opml, &out.stdout).expect("write");

    let second = tempfile::tempdir().expect("temp dir");
    let out = dateline(second.path(), cwd, &["feeds", "import", opml.to_str().expect("path")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list = |d: &Path| -> Value {
        let rows: Value = serde_json::from_slice(
            &dateline(d, cwd, &["feeds", "list", "--format", "json"]).stdout,
        )
        .expect("json");
        rows.as_array()
            .expect("rows")
            .iter()
            .map(|r| Value::from(vec![r["url"].clone(), r["name"].clone()]))
            .collect()
    };
    assert_eq!(list(second.path()), list(first.path()));
    assert_eq!(list(second.path())[1][1], "Beta <Desk>");
}

#[test]
fn fetch_prints_the_contract_json_and_no_path_reads_the_library() {
    let server = Server::start();
    let story = server.url("/story");
    server.route("/feed", Reply::feed(rss("Wire", &[("Bridge", &story, "Summary.")])));
    server.route("/story", Reply::page(page("Bridge", None, &[&prose(2), &prose(3)])));
    let data = tempfile::tempdir().expect("temp dir");
    let cwd = tempfile::tempdir().expect("temp dir");
    std::fs::write(cwd.path().join("local.txt"), prose(4)).expect("write");

    // No subscriptions: the current folder.
    let out = dateline(data.path(), cwd.path(), &["list", "--format", "json"]);
    let rows: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(rows[0]["id"], "local");
    let out = dateline(data.path(), cwd.path(), &["fetch"]);
    assert_eq!(out.status.code(), Some(1), "nothing to fetch");

    let feed = server.url("/feed");
    assert!(dateline(data.path(), cwd.path(), &["feeds", "add", &feed]).status.success());
    // Subscribed, nothing fetched yet: an empty library, not a missing one.
    let out = dateline(data.path(), cwd.path(), &["list"]);
    assert!(!text(&out.stderr).contains("no such file"), "{}", text(&out.stderr));

    let out = dateline(data.path(), cwd.path(), &["fetch", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(
        v,
        serde_json::json!({"feeds": [{"url": feed, "name": "Wire", "new": 1, "unchanged": false, "error": null}], "new": 1})
    );

    let out = dateline(data.path(), cwd.path(), &["list", "--format", "json"]);
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let rows: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(rows.as_array().map(Vec::len), Some(1));
    assert_eq!(rows[0]["url"], story.as_str());
    assert_eq!(rows[0]["outlet"], "Wire");
    // `.` is the current folder, always.
    let out = dateline(data.path(), cwd.path(), &["list", ".", "--format", "json"]);
    let rows: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(rows[0]["id"], "local");

    // The feed's last fetch is recorded; a feed that fails makes exit 1 only
    // when none answered.
    let out = dateline(data.path(), cwd.path(), &["feeds", "list", "--format", "json"]);
    let rows: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(rows[0]["result"], "1 new");
    server.route("/feed", Reply::Status(500));
    let out = dateline(data.path(), cwd.path(), &["fetch"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr).trim(),
        format!("warning: {feed}: the server answered HTTP 500; skipped")
    );
}
