//! `dateline list` over a folder mixing text, HTML pages and feeds.

use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

#[test]
fn list_reads_text_html_and_feeds_together() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = |from: &str, to: &str| {
        fs::copy(root.join(from), dir.path().join(to)).expect("copy fixture");
    };
    fs::write(
        dir.path().join("note.txt"),
        "---\ntitle: A plain note\ndate: 2024-02-01\n---\nThe note has one sentence.\n",
    )
    .expect("write");
    copy("tests/fixtures/html/harbour-post-jsonld.html", "ferry.html");
    copy("tests/fixtures/feeds/northgate-atom.atom", "world.atom");
    copy("tests/fixtures/feeds/broken.rss", "broken.rss");

    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["list", "--no-cache", "--format", "json"])
        .arg(dir.path())
        .output()
        .expect("run dateline");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one warning, for the broken feed: {stderr}");
    assert!(stderr.contains("broken.rss: not a readable feed"), "{stderr}");

    let rows: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let ids: Vec<&str> =
        rows.as_array().expect("array").iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, ["world-2", "world-3", "world-1", "ferry", "note"], "newest first");
    let ferry = &rows[3];
    assert_eq!(ferry["title"], "Ferry service to Kellan Island suspended after hull crack found");
    assert_eq!(ferry["outlet"], "The Harbour Post");
    assert_eq!(ferry["date"], "2024-03-11");

    // The table lists them too.
    let table = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["list", "--no-cache"])
        .arg(dir.path())
        .output()
        .expect("run dateline");
    assert!(table.status.success());
    let text = String::from_utf8_lossy(&table.stdout);
    for title in ["Storm warning issued", "Ferry service to Kellan", "A plain note"] {
        assert!(text.contains(title), "{title} listed:\n{text}");
    }
}
