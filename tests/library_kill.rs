//! kill -9 during `dateline fetch`, again and again: after each kill the
//! library reads with no warning, and a last fetch completes it.

mod library_support;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, SystemTime};

use library_support::{Reply, Server, page, prose, rss};
use serde_json::Value;

const FEEDS: usize = 4;
const ENTRIES: usize = 6;

fn dateline(data: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dateline"));
    c.args(args).arg("--no-cache").env("DATELINE_DATA_DIR", data).current_dir(data);
    c
}

fn list(data: &Path) -> Output {
    dateline(data, &["list", "--format", "json"]).output().expect("run dateline list")
}

#[test]
fn a_fetch_killed_at_any_moment_leaves_a_library_that_reads() {
    let server = Server::start();
    for f in 0..FEEDS {
        let items: Vec<(String, String, String)> = (0..ENTRIES)
            .map(|e| {
                (
                    format!("Story {f}-{e}"),
                    server.url(&format!("/p/{f}/{e}")),
                    "Summary.".to_string(),
                )
            })
            .collect();
        let items: Vec<(&str, &str, &str)> =
            items.iter().map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str())).collect();
        server.route(&format!("/feed/{f}"), Reply::feed(rss(&format!("Outlet {f}"), &items)));
        for e in 0..ENTRIES {
            let n = f * ENTRIES + e;
            let html = page(&format!("Story {f}-{e}"), None, &[&prose(n), &prose(n + 100)]);
            // Slow enough that kills land in the middle of the fetch.
            server.route(
                &format!("/p/{f}/{e}"),
                Reply::Slow(Duration::from_millis(15), html.into_bytes()),
            );
        }
    }
    let data = tempfile::tempdir().expect("temp dir");
    for f in 0..FEEDS {
        let url = server.url(&format!("/feed/{f}"));
        let out = dateline(data.path(), &["feeds", "add", &url]).output().expect("add");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let mut seed =
        SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64)
            | 1;
    let first = seed;
    let mut kills = 0;
    for _ in 0..8 {
        // xorshift: a kill at a random moment, the seed printed on failure.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let wait = Duration::from_millis(5 + seed % 150);
        let mut child = dateline(data.path(), &["fetch"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn fetch");
        std::thread::sleep(wait);
        // SIGKILL on Unix: no chance to clean up.
        if child.kill().is_ok() {
            kills += 1;
        }
        let _ = child.wait();
        let out = list(data.path());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("warning"), "seed {first}, killed after {wait:?}: {stderr}");
        if !out.status.success() {
            assert!(stderr.contains("no articles could be loaded"), "seed {first}: {stderr}");
        }
    }
    assert!(kills > 0, "at least one fetch was killed mid-way");
    let out = dateline(data.path(), &["fetch"]).output().expect("fetch");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = list(data.path());
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(rows.as_array().map(Vec::len), Some(FEEDS * ENTRIES), "seed {first}");
    for row in rows.as_array().expect("rows") {
        assert!(row["words"].as_u64().is_some_and(|w| w > 80), "whole pages: {row}");
    }
}
