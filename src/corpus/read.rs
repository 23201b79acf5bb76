//! One file → its articles and the problems met reading it.

use std::path::Path;

use super::decode::decode;
use super::feed;
use super::fetch::{self, FetchLimits};
use super::frontmatter;
use super::html;
use super::item::Item;
use super::json;
use super::limit;
use super::meta::Meta;
use super::text::{Infer, clean};
use super::{Article, Problem};

/// An article before ids are assigned: `index` is its position in a file
/// that holds several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub article: Article,
    pub index: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text { markdown: bool },
    Json { lines: bool },
    Html,
    Feed,
}

/// The format a file's name gives it.
fn format_of(path: &Path) -> Result<Format, Problem> {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    Ok(match ext.as_deref() {
        Some("txt" | "text") => Format::Text { markdown: false },
        Some("md" | "markdown") => Format::Text { markdown: true },
        Some("json") => Format::Json { lines: false },
        Some("jsonl" | "ndjson") => Format::Json { lines: true },
        Some("html" | "htm" | "xhtml") => Format::Html,
        Some("xml" | "rss" | "rdf" | "atom") => Format::Feed,
        _ => return Err(Problem::Unsupported(ext)),
    })
}

/// `bytes` read as the contents of a file named `path`, without the disk.
pub fn read_named(path: &Path, bytes: &[u8]) -> (Vec<Loaded>, Vec<Problem>) {
    match format_of(path) {
        Ok(format) => read_bytes(path, format, bytes),
        Err(p) => (vec![], vec![p]),
    }
}

pub fn read_file(path: &Path) -> (Vec<Loaded>, Vec<Problem>) {
    let format = match format_of(path) {
        Ok(f) => f,
        Err(p) => return (vec![], vec![p]),
    };
    match read_whole(path, |p| std::fs::read(p)) {
        Ok((bytes, changed)) => {
            let (found, mut problems) = read_bytes(path, format, &bytes);
            if changed {
                problems.insert(0, Problem::Changed);
            }
            (found, problems)
        }
        Err(p) => (vec![], vec![p]),
    }
}

/// A file's bytes, read by `read`, and whether it changed meanwhile (its
/// size or time differ before and after). A file gone since the folder was
/// walked is [`Problem::Vanished`], not an unreadable one.
fn read_whole(
    path: &Path,
    read: impl FnOnce(&Path) -> std::io::Result<Vec<u8>>,
) -> Result<(Vec<u8>, bool), Problem> {
    let gone = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => Problem::Vanished,
        _ => Problem::Unreadable(e.to_string()),
    };
    let stamp = |m: std::fs::Metadata| (m.len(), m.modified().ok());
    let before = std::fs::metadata(path).map(stamp).map_err(gone)?;
    let bytes = read(path).map_err(gone)?;
    let after = std::fs::metadata(path).map(stamp).ok();
    Ok((bytes, after != Some(before)))
}

/// A URL given as a PATH: fetched, then read as what the body shows or the
/// server says it is. A page that names no address of its own gets the URL.
pub fn read_url(url: &Path, limits: FetchLimits) -> (Vec<Loaded>, Vec<Problem>) {
    let address = url.to_string_lossy();
    let fetched = match fetch::fetch(&address, limits) {
        Ok(f) => f,
        Err(e) => return (vec![], vec![Problem::Fetch(e)]),
    };
    let format = format_of_answer(fetched.content_type.as_deref(), &fetched.bytes);
    let (mut found, problems) = read_bytes(url, format, &fetched.bytes);
    if let [one] = found.as_mut_slice()
        && one.index.is_none()
    {
        one.article.url.get_or_insert_with(|| address.into_owned());
    }
    (found, problems)
}

/// A feed's root element decides first (servers send feeds as text/html or
/// text/plain often enough); then the content type; then the body's look.
fn format_of_answer(content_type: Option<&str>, bytes: &[u8]) -> Format {
    const HEAD: usize = 1024;
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(HEAD)]).to_ascii_lowercase();
    let head = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let is_html = head.starts_with("<!doctype html") || head.contains("<html");
    if !is_html && ["<rss", "<feed", "<rdf:rdf"].iter().any(|root| head.contains(root)) {
        return Format::Feed;
    }
    let ct = content_type.unwrap_or_default();
    if ct.contains("html") || is_html {
        Format::Html
    } else if ct.contains("json") || head.starts_with(['{', '[']) {
        Format::Json { lines: false }
    } else if ct.contains("xml") || head.starts_with('<') {
        Format::Feed
    } else {
        Format::Text { markdown: ct.contains("markdown") }
    }
}

/// The bytes of one source, in a known format.
fn read_bytes(path: &Path, format: Format, bytes: &[u8]) -> (Vec<Loaded>, Vec<Problem>) {
    let mut problems = Vec::new();
    let decoded = match decode(bytes) {
        Ok(d) => d,
        Err(p) => return (vec![], vec![p]),
    };
    if decoded.fallback {
        problems.push(Problem::NotUtf8);
    }
    let mut text = decoded.text;
    if matches!(format, Format::Text { .. } | Format::Html)
        && let Some(head) = limit::cut(&text, limit::MAX_ARTICLE_BYTES)
    {
        problems.push(Problem::TooLong(text.len()));
        text.truncate(head.len());
    }
    let articles = match format {
        Format::Text { markdown } => {
            let split = frontmatter::split(&text);
            problems.extend(split.problems.into_iter().map(Problem::Metadata));
            let found: Vec<Loaded> =
                article(path, split.meta, split.body, markdown, None).into_iter().collect();
            if found.is_empty() {
                problems.push(Problem::NoText);
            }
            found
        }
        Format::Json { lines: false } if feed::is_json_feed(&text) => {
            read_feed(path, &text, &mut problems)
        }
        Format::Json { lines } => match json::parse(&text, lines) {
            Err(e) => {
                problems.push(Problem::Json(e));
                vec![]
            }
            Ok(parsed) => {
                if parsed.items.is_empty() && parsed.problems.is_empty() {
                    problems.push(Problem::NoText);
                }
                problems.extend(parsed.problems.into_iter().map(Problem::Metadata));
                let many = parsed.many;
                let place = if parsed.lines { "line" } else { "item" };
                let mut items = parsed.items;
                limit_items(&mut items, place, &mut problems);
                let mut found = Vec::new();
                for item in items {
                    let index = item.index;
                    match article(path, item.meta, &item.body, false, many.then_some(index)) {
                        Some(a) => found.push(a),
                        // Text that was all boilerplate.
                        None if many => problems.push(Problem::Metadata(format!(
                            "{place} {index}: no text once boilerplate is removed; skipped"
                        ))),
                        None => problems.push(Problem::NoText),
                    }
                }
                found
            }
        },
        Format::Html => match html::read(&text) {
            Err(e) => {
                problems.push(Problem::Html(e));
                vec![]
            }
            Ok(page) => {
                problems.extend(page.problems.into_iter().map(Problem::Metadata));
                let found: Vec<Loaded> =
                    article(path, page.meta, &page.text, false, None).into_iter().collect();
                if found.is_empty() {
                    problems.push(Problem::NoText);
                }
                found
            }
        },
        Format::Feed => read_feed(path, &text, &mut problems),
    };
    (articles, problems)
}

/// A feed's entries, each its own article; an entry left without text once
/// cleaned is reported and skipped.
fn read_feed(path: &Path, text: &str, problems: &mut Vec<Problem>) -> Vec<Loaded> {
    let parsed = match feed::parse(text) {
        Ok(p) => p,
        Err(e) => {
            problems.push(Problem::Feed(e));
            return vec![];
        }
    };
    let mut notes = parsed.problems;
    let mut found = Vec::new();
    let mut items = parsed.items;
    limit_items(&mut items, "entry", problems);
    for item in items {
        match article(path, item.meta, &item.body, false, Some(item.index)) {
            Some(a) => found.push(a),
            None => notes.push(format!("entry {}: no text; skipped", item.index)),
        }
    }
    if found.is_empty() {
        problems.push(Problem::NoText);
    }
    problems.extend(notes.into_iter().map(Problem::Metadata));
    found
}

/// Bodies over [`limit::MAX_ARTICLE_BYTES`] cut, each with a note.
fn limit_items(items: &mut [Item], what: &str, problems: &mut Vec<Problem>) {
    for item in items {
        if let Some(head) = limit::cut(&item.body, limit::MAX_ARTICLE_BYTES) {
            let (len, keep) = (item.body.len(), head.len());
            item.body.truncate(keep);
            problems.push(Problem::Metadata(format!(
                "{what} {}: {}",
                item.index,
                Problem::TooLong(len)
            )));
        }
    }
}

fn article(
    path: &Path,
    given: Meta,
    raw: &str,
    markdown: bool,
    index: Option<usize>,
) -> Option<Loaded> {
    let cleaned = clean(raw, Infer { known_title: given.title.as_deref(), markdown });
    if cleaned.body.trim().is_empty() {
        return None;
    }
    let meta = given.or(cleaned.meta);
    let title = meta.title.unwrap_or_else(|| {
        path.file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned())
    });
    let article = Article {
        id: String::new(),
        path: path.to_path_buf(),
        title,
        outlet: meta.outlet,
        date: meta.date,
        url: meta.url,
        author: meta.author,
        body: cleaned.body,
    };
    Some(Loaded { article, index })
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    #[test]
    fn a_file_gone_before_it_is_read_has_vanished() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("gone.txt");
        assert!(matches!(read_whole(&path, |p| fs::read(p)), Err(Problem::Vanished)));
        // Gone between the look and the read.
        fs::write(&path, "Text.").expect("write");
        let read = |p: &Path| {
            fs::remove_file(p)?;
            fs::read(p)
        };
        assert!(matches!(read_whole(&path, read), Err(Problem::Vanished)));
        let (found, problems) = read_file(&path);
        assert!(found.is_empty() && problems == [Problem::Vanished]);
    }

    #[test]
    fn a_file_that_changes_while_read_is_noted() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("growing.txt");
        fs::write(&path, "The first paragraph.").expect("write");
        let (bytes, changed) = read_whole(&path, |p| fs::read(p)).expect("read");
        assert!(!changed && bytes == b"The first paragraph.");
        // A writer appends while the file is being read.
        let read = |p: &Path| {
            let bytes = fs::read(p);
            let mut f = fs::OpenOptions::new().append(true).open(p)?;
            std::io::Write::write_all(&mut f, b"\n\nMore.")?;
            bytes
        };
        let (bytes, changed) = read_whole(&path, read).expect("read");
        assert!(changed && bytes == b"The first paragraph.");
        // Replaced by another file: gone after the read, still what was read.
        let read = |p: &Path| {
            let bytes = fs::read(p);
            fs::remove_file(p)?;
            bytes
        };
        let (_, changed) = read_whole(&path, read).expect("read");
        assert!(changed);
    }
}
