//! One file → its articles and the problems met reading it.

use std::path::Path;

use super::decode::decode;
use super::feed;
use super::frontmatter;
use super::html;
use super::json;
use super::meta::Meta;
use super::text::{Infer, clean};
use super::{Article, Problem};

/// An article before ids are assigned: `index` is its position in a file
/// that holds several.
#[derive(Debug)]
pub struct Loaded {
    pub article: Article,
    pub index: Option<usize>,
}

/// One article found in a file that can hold several, before its body is
/// cleaned.
#[derive(Debug)]
pub struct Item {
    /// 1-based position in the file (array index, line or feed entry), for
    /// ids and messages.
    pub index: usize,
    pub meta: Meta,
    pub body: String,
}

enum Format {
    Text { markdown: bool },
    Json { lines: bool },
    Html,
    Feed,
}

pub fn read_file(path: &Path) -> (Vec<Loaded>, Vec<Problem>) {
    let mut problems = Vec::new();
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    let format = match ext.as_deref() {
        Some("txt" | "text") => Format::Text { markdown: false },
        Some("md" | "markdown") => Format::Text { markdown: true },
        Some("json") => Format::Json { lines: false },
        Some("jsonl" | "ndjson") => Format::Json { lines: true },
        Some("html" | "htm" | "xhtml") => Format::Html,
        Some("xml" | "rss" | "rdf" | "atom") => Format::Feed,
        _ => return (vec![], vec![Problem::Unsupported(ext)]),
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return (vec![], vec![Problem::Unreadable(e.to_string())]),
    };
    let decoded = match decode(&bytes) {
        Ok(d) => d,
        Err(p) => return (vec![], vec![p]),
    };
    if decoded.fallback {
        problems.push(Problem::NotUtf8);
    }
    let text = decoded.text;
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
                parsed
                    .items
                    .into_iter()
                    .filter_map(|item| {
                        article(path, item.meta, &item.body, false, many.then_some(item.index))
                    })
                    .collect()
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
    for item in parsed.items {
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
