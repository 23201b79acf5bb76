//! A tiny HTTP server on 127.0.0.1 for the library's tests: routes the test
//! sets (and may change between fetches), every request recorded. Nothing
//! here reaches another address.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// What the server answers on one path.
#[derive(Debug, Clone)]
pub enum Reply {
    /// 200 with a type and body; an ETag when given, which a matching
    /// `If-None-Match` turns into 304.
    Ok {
        kind: &'static str,
        body: Vec<u8>,
        etag: Option<String>,
        gzip: bool,
    },
    Redirect(String),
    Status(u16),
    /// Never answers (until the client gives up).
    Hang,
    /// Waits this long, then answers.
    Slow(Duration, Vec<u8>),
}

impl Reply {
    pub fn feed(body: impl Into<String>) -> Reply {
        Reply::Ok {
            kind: "application/rss+xml",
            body: body.into().into_bytes(),
            etag: None,
            gzip: false,
        }
    }
    pub fn page(body: impl Into<String>) -> Reply {
        Reply::Ok {
            kind: "text/html; charset=utf-8",
            body: body.into().into_bytes(),
            etag: None,
            gzip: false,
        }
    }
}

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub path: String,
    /// Header names lower-cased.
    pub headers: HashMap<String, String>,
}

#[derive(Clone)]
pub struct Server {
    pub base: String,
    routes: Arc<Mutex<HashMap<String, Reply>>>,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let server = Server { base, routes: Arc::default(), seen: Arc::default() };
        let s = server.clone();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let s = s.clone();
                thread::spawn(move || s.answer(stream));
            }
        });
        server
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn route(&self, path: &str, reply: Reply) {
        self.routes.lock().expect("routes").insert(path.to_string(), reply);
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().expect("seen").clone()
    }

    pub fn requests_to(&self, path: &str) -> Vec<Seen> {
        self.seen().into_iter().filter(|s| s.path == path).collect()
    }

    fn answer(&self, mut stream: TcpStream) {
        let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
        let mut request = String::new();
        if reader.read_line(&mut request).is_err() {
            return;
        }
        let mut headers = HashMap::new();
        let mut line = String::new();
        while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
            if let Some((k, v)) = line.split_once(':') {
                headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
            }
            line.clear();
        }
        let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
        self.seen.lock().expect("seen").push(Seen { path: path.clone(), headers: headers.clone() });
        let reply = self.routes.lock().expect("routes").get(&path).cloned();
        let (status, extra, kind, body): (String, String, &str, Vec<u8>) = match reply {
            None => ("404 Not Found".into(), String::new(), "text/plain", b"not here".to_vec()),
            Some(Reply::Status(code)) => {
                (format!("{code} Oops"), String::new(), "text/plain", b"no".to_vec())
            }
            Some(Reply::Redirect(to)) => (
                "301 Moved Permanently".into(),
                format!("Location: {to}\r\n"),
                "text/plain",
                vec![],
            ),
            Some(Reply::Hang) => {
                thread::sleep(Duration::from_secs(30));
                return;
            }
            Some(Reply::Slow(wait, body)) => {
                thread::sleep(wait);
                ("200 OK".into(), String::new(), "text/html", body)
            }
            Some(Reply::Ok { kind, body, etag, gzip }) => {
                let mut extra = String::new();
                if let Some(tag) = &etag {
                    if headers.get("if-none-match") == Some(tag) {
                        let head = format!(
                            "HTTP/1.1 304 Not Modified\r\nETag: {tag}\r\nConnection: close\r\n\r\n"
                        );
                        let _ = stream.write_all(head.as_bytes());
                        return;
                    }
                    extra.push_str(&format!("ETag: {tag}\r\n"));
                }
                let body = if gzip {
                    extra.push_str("Content-Encoding: gzip\r\n");
                    let mut enc =
                        flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
                    enc.write_all(&body).expect("gzip");
                    enc.finish().expect("gzip")
                } else {
                    body
                };
                ("200 OK".into(), extra, kind, body)
            }
        };
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n",
            body.len()
        );
        // The client may hang up early (too large, timed out): not an error here.
        let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(&body));
    }
}

/// An RSS 2.0 feed of `(title, link, description)` items.
pub fn rss(title: &str, items: &[(&str, &str, &str)]) -> String {
    let mut s = format!(
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>{title}</title><link>http://127.0.0.1/</link><description>d</description>\n"
    );
    for (t, link, text) in items {
        s.push_str(&format!(
            "<item><title>{t}</title><link>{link}</link><guid>{link}</guid><pubDate>Tue, 06 Aug 2024 10:00:00 GMT</pubDate><description>{text}</description></item>\n"
        ));
    }
    s.push_str("</channel></rss>\n");
    s
}

/// An article page: a headline, a publisher when given, paragraphs.
pub fn page(headline: &str, publisher: Option<&str>, paragraphs: &[&str]) -> String {
    let site = publisher
        .map(|p| format!("<meta property=\"og:site_name\" content=\"{p}\">"))
        .unwrap_or_default();
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!doctype html><html><head><title>{headline}</title>{site}</head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
         <article><h1>{headline}</h1>{body}</article><footer>Copyright</footer></body></html>"
    )
}

/// A paragraph of plain news prose, different for each `n`, long enough for
/// the extractor to take it for the article.
pub fn prose(n: usize) -> String {
    format!(
        "The council of district number {n} met on Tuesday evening and voted to repair the \
         old footbridge over the river, which has been closed since the spring floods \
         damaged its supports. Residents said the detour added twenty minutes to the walk \
         to school, and the engineers expect the work to take about {n} weeks in all."
    )
}
