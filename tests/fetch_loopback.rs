//! A PATH that is a URL: fetched from a server on the loopback address that
//! the test starts, with success, a timeout, an answer too large and a 404.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use dateline::corpus::{self, Corpus, FetchError, FetchLimits, Problem};

const LIMITS: FetchLimits =
    FetchLimits { timeout: Duration::from_millis(500), max_bytes: 64 * 1024 };

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path))
        .expect("fixture")
}

/// Start a server on 127.0.0.1 answering each request on its own thread;
/// returns its base address. It lives as long as the test process.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            thread::spawn(move || answer(stream));
        }
    });
    base
}

fn answer(mut stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // Read the headers to the blank line.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let (status, kind, body): (&str, &str, Vec<u8>) = match path.as_str() {
        "/story" => ("200 OK", "text/html; charset=utf-8", fixture("html/bare-no-metadata.html")),
        "/feed" => ("200 OK", "application/rss+xml", fixture("feeds/valley-rss2.xml")),
        // Misconfigured servers send feeds as HTML: the body decides.
        "/feed-as-html" => ("200 OK", "text/html", fixture("feeds/northgate-atom.atom")),
        "/slow" => {
            thread::sleep(Duration::from_secs(3));
            ("200 OK", "text/html", b"<p>Too late.</p>".to_vec())
        }
        "/huge" => ("200 OK", "text/html", b"<p>Big. </p>".repeat(200_000)),
        _ => ("404 Not Found", "text/plain", b"not here".to_vec()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    // The client may hang up early (too large, timed out): not an error here.
    let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(&body));
}

fn load(url: &str) -> Corpus {
    corpus::load_with(&[PathBuf::from(url)], LIMITS)
}

fn only_problem(c: &Corpus, url: &str) -> Problem {
    assert!(c.articles.is_empty(), "{:?}", c.articles);
    assert_eq!(c.warnings.len(), 1, "{:?}", c.warnings);
    assert_eq!(c.warnings[0].path, PathBuf::from(url), "the warning names the URL");
    c.warnings[0].problem.clone()
}

#[test]
fn a_page_and_a_feed_are_fetched_and_read() {
    let base = serve();
    let page = format!("{base}/story");
    let c = load(&page);
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    let a = &c.articles[0];
    assert_eq!(a.title, "Library reopens after flood repairs");
    assert_eq!(a.url.as_deref(), Some(page.as_str()), "the page names no address: the URL is kept");
    assert!(a.body.starts_with("The central library in Marton reopened on Saturday"));
    assert_eq!(a.id, "story");

    let c = load(&format!("{base}/feed"));
    let ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    // Entry 3 has only a title and a link: an article all the same.
    assert_eq!(ids, ["feed-1", "feed-2", "feed-3", "feed-4"]);
    assert_eq!(c.articles[0].url.as_deref(), Some("https://valleygazette.example/news/footbridge"));

    let c = load(&format!("{base}/feed-as-html"));
    assert_eq!(c.articles.len(), 3, "{:?}", c.warnings);
    assert_eq!(c.articles[0].outlet.as_deref(), Some("Northgate News - World"));
}

#[test]
fn a_slow_server_times_out() {
    let base = serve();
    let url = format!("{base}/slow");
    let started = Instant::now();
    let c = load(&url);
    assert!(started.elapsed() < Duration::from_secs(2), "gave up in time: {:?}", started.elapsed());
    assert_eq!(only_problem(&c, &url), Problem::Fetch(FetchError::Timeout(LIMITS.timeout)));
    assert!(c.warnings[0].to_string().ends_with("no complete answer within 500ms; skipped"));
}

#[test]
fn an_answer_over_the_size_limit_is_refused() {
    let base = serve();
    let url = format!("{base}/huge");
    let c = load(&url);
    assert_eq!(only_problem(&c, &url), Problem::Fetch(FetchError::TooLarge(64 * 1024)));
    assert!(c.warnings[0].to_string().contains("larger than the 65536-byte limit"));
}

#[test]
fn a_404_is_a_warning_and_the_rest_loads() {
    let base = serve();
    let url = format!("{base}/nothing-here");
    let c = load(&url);
    assert_eq!(only_problem(&c, &url), Problem::Fetch(FetchError::Status(404)));

    // From the command line: one warning naming the URL, the local file still listed.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("note.txt"), "A local note about the harbour.").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["list", "--no-cache", "--format", "json", &url, &format!("{base}/feed-as-html")])
        .arg(dir.path())
        .output()
        .expect("run dateline");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim(),
        format!("warning: {url}: the server answered HTTP 404; skipped"),
        "one warning"
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(rows.as_array().map(Vec::len), Some(4), "three feed entries and the note");

    // Nothing loaded at all: exit code 1.
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["list", "--no-cache", &url])
        .output()
        .expect("run dateline");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn an_unreachable_server_is_a_network_warning() {
    // A port that was just free: nothing listens on it.
    let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("port").port();
    let url = format!("http://127.0.0.1:{port}/feed");
    let c = load(&url);
    let problem = only_problem(&c, &url);
    assert!(matches!(problem, Problem::Fetch(FetchError::Network(_))), "{problem:?}");
    assert!(c.warnings[0].to_string().contains(": cannot fetch: "), "{}", c.warnings[0]);
}
