//! Feeds (RSS 0.9x, 1.0 and 2.0, Atom, JSON Feed) read with feed-rs: one
//! article per entry, its content or else its summary as the body (HTML in
//! it turned into text), the feed's title as the outlet.

use std::borrow::Cow;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::{DateTime, NaiveDate, Utc};
use feed_rs::model::{Entry, Text};
use regex::Regex;

use super::date::parse_date;
use super::html_text::{fragment_text, unescape};
use super::item::Item;
use super::meta::{Meta, one_line};

/// A feed's entries as articles, and one message per entry skipped or
/// field unreadable.
#[derive(Debug, Default)]
pub struct Parsed {
    pub items: Vec<Item>,
    pub problems: Vec<String>,
}

/// Why a whole feed could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    #[error("not a readable feed ({0})")]
    Malformed(String),
    #[error("the feed has no entries")]
    NoEntries,
}

/// Whether a `.json` file's text is a JSON Feed (its top-level object names
/// a jsonfeed.org version) rather than article objects.
pub fn is_json_feed(text: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Head {
        version: Option<serde_json::Value>,
    }
    serde_json::from_str::<Head>(text).is_ok_and(|h| {
        h.version
            .as_ref()
            .and_then(serde_json::Value::as_str)
            .is_some_and(|v| v.starts_with("https://jsonfeed.org/version/"))
    })
}

/// A feed as the library reads it: its title and every entry, with or
/// without text, and whether the text is the entry's content or only its
/// summary.
#[derive(Debug, Default)]
pub struct Feed {
    pub title: Option<String>,
    pub entries: Vec<FeedEntry>,
    /// Fields present but unreadable (dates).
    pub problems: Vec<String>,
}

/// One entry of a [`Feed`].
#[derive(Debug, Clone)]
pub struct FeedEntry {
    /// 1-based position in the feed.
    pub index: usize,
    /// The entry's id (`guid`, Atom `id`) as the feed gives it.
    pub id: Option<String>,
    pub meta: Meta,
    /// Its content, else its summary, as text; empty when it has neither.
    pub body: String,
    /// Whether `body` is the entry's content rather than only a summary.
    pub full: bool,
}

/// Parse a feed already decoded to UTF-8 text.
pub fn parse(text: &str) -> Result<Parsed, FeedError> {
    let feed = read(text)?;
    let mut parsed = Parsed::default();
    for e in feed.entries {
        if e.body.trim().is_empty() {
            parsed.problems.push(format!("entry {}: no text; skipped", e.index));
        } else {
            parsed.items.push(Item { index: e.index, meta: e.meta, body: e.body });
        }
    }
    parsed.problems.extend(feed.problems);
    Ok(parsed)
}

/// Read a feed's title and entries.
pub fn read(text: &str) -> Result<Feed, FeedError> {
    // Dates go through the loader's own reader, so an entry keeps the date
    // it was written with rather than its UTC date; unreadable ones are
    // collected to be reported.
    let unreadable = Arc::new(Mutex::new(Vec::<String>::new()));
    let seen = Arc::clone(&unreadable);
    let parser = feed_rs::parser::Builder::new()
        .timestamp_parser(move |s| {
            let date = written_date(s);
            if date.is_none()
                && let Ok(mut seen) = seen.lock()
            {
                seen.push(s.trim().to_string());
            }
            date.and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| t.and_utc())
        })
        .build();
    let feed = parser
        .parse(declared_utf8(text).as_bytes())
        .map_err(|e| FeedError::Malformed(e.to_string()))?;
    if feed.entries.is_empty() {
        return Err(FeedError::NoEntries);
    }
    let title = feed.title.as_ref().map(text_of).filter(|t| !t.is_empty());
    let entries = feed
        .entries
        .iter()
        .enumerate()
        .map(|(i, entry)| entry_of(entry, i + 1, title.as_deref()))
        .collect();
    let mut bad = unreadable.lock().map(|v| v.clone()).unwrap_or_default();
    bad.dedup();
    let problems = bad.iter().map(|d| format!("date {d:?} is not a date")).collect();
    Ok(Feed { title, entries, problems })
}

/// Read a feed from the bytes a server sent (decoded as the loader decodes
/// files).
pub fn read_bytes(bytes: &[u8]) -> Result<Feed, super::Problem> {
    let decoded = super::decode::decode(bytes)?;
    read(&decoded.text).map_err(super::Problem::Feed)
}

fn entry_of(entry: &Entry, index: usize, outlet: Option<&str>) -> FeedEntry {
    let as_text =
        |(b, html): (&str, bool)| if html { fragment_text(b) } else { b.trim().to_string() };
    let content = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref().map(|b| (b, is_html(c.content_type.as_ref(), b))))
        .map(as_text)
        .filter(|b| !b.trim().is_empty());
    let summary = entry.summary.as_ref().map(|s| (s.content.as_str(), is_text_html(s)));
    // Media RSS puts the text in `media:description` in some feeds (video
    // and podcast feeds above all), with no description of the entry's own.
    let media = entry
        .media
        .iter()
        .filter_map(|m| m.description.as_ref())
        .map(|d| (d.content.as_str(), is_text_html(d)));
    let full = content.is_some();
    let body = content
        .or_else(|| summary.into_iter().chain(media).map(as_text).find(|b| !b.trim().is_empty()))
        .unwrap_or_default();
    let when = entry.published.or(entry.updated);
    let authors: Vec<String> =
        entry.authors.iter().filter_map(|p| p.name.as_deref()).map(one_line).collect();
    let meta = Meta {
        title: entry.title.as_ref().map(text_of).filter(|t| !t.is_empty()),
        outlet: outlet.map(str::to_string),
        date: when.map(|t: DateTime<Utc>| t.date_naive()),
        url: link(entry),
        author: Some(authors.join(", ")).filter(|a| !a.is_empty()),
    };
    // feed-rs makes up an id (a hash) for entries without one.
    let id = Some(entry.id.trim().to_string()).filter(|i| !i.is_empty());
    FeedEntry { index, id, meta, body, full }
}

/// The entry's own page: its alternate link, else its first.
fn link(entry: &Entry) -> Option<String> {
    let alternate = entry.links.iter().find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"));
    alternate.or(entry.links.first()).map(|l| l.href.trim().to_string())
}

fn text_of(t: &Text) -> String {
    if is_text_html(t) { unescape(&t.content) } else { one_line(&t.content) }
}

fn is_text_html(t: &Text) -> bool {
    is_html(t.content_type.as_ref(), &t.content)
}

/// Declared HTML, or text that carries tags anyway: RSS descriptions are
/// HTML in practice whatever the feed says.
fn is_html(content_type: &str, body: &str) -> bool {
    static TAG: OnceLock<Regex> = OnceLock::new();
    let tag = TAG.get_or_init(|| {
        Regex::new(r"(?i)</?(?:p|br|div|a|b|i|em|strong|span|ul|ol|li|h[1-6]|blockquote|img|figure|table)\b")
            .expect("tag pattern is valid")
    });
    content_type.contains("html") || tag.is_match(body)
}

/// A feed date as written: the loader's date reader, and again without a
/// leading day name, which feeds often misspell or spell out ("Tuesday,").
fn written_date(s: &str) -> Option<NaiveDate> {
    parse_date(s).or_else(|| s.split_once(", ").and_then(|(_, rest)| parse_date(rest)))
}

/// The text handed to the parser is UTF-8 already, so XML declarations go,
/// all of them: one naming an encoding would make the parser decode the
/// text a second time, and one that is not at the very top (a second
/// declaration, or the first after leading text) makes the XML reader
/// panic when it names another encoding than the one in use. A
/// declaration is what the XML reader takes for one: `<?xml` followed by
/// a space or `?>`, up to the first `?>`. Each becomes an empty comment,
/// not nothing: the text on its two sides could join into a new one
/// (`<?xml` + `<?xml v?>` + ` …`).
fn declared_utf8(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = declaration_at(rest) {
        let Some(len) = rest[at..].find("?>") else { break };
        out.push_str(&rest[..at]);
        out.push_str("<!---->");
        rest = &rest[at + len + 2..];
    }
    if rest.len() == text.len() {
        return Cow::Borrowed(text);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Where the first XML declaration in `text` starts.
fn declaration_at(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find("<?xml").map(|i| from + i) {
        let next = text.as_bytes().get(i + 5).copied();
        if matches!(next, Some(b' ' | b'\t' | b'\r' | b'\n')) || text[i + 5..].starts_with("?>") {
            return Some(i);
        }
        from = i + 5;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_feeds_are_told_apart_from_articles() {
        assert!(is_json_feed(r#"{"version":"https://jsonfeed.org/version/1.1","items":[]}"#));
        assert!(!is_json_feed(r#"{"version":2,"body":"text"}"#));
        assert!(!is_json_feed(r#"[{"body":"text"}]"#));
        assert!(!is_json_feed("{oops"));
    }

    #[test]
    fn declarations_are_dropped_everywhere() {
        let t = "<?xml version=\"1.0\" encoding='ISO-8859-1'?><rss/>";
        assert_eq!(declared_utf8(t), "<!----><rss/>");
        assert!(matches!(declared_utf8("<rss/>"), Cow::Borrowed(_)));
        // Processing instructions that are not declarations stay.
        let pi = "<?xml-stylesheet href=\"a.xsl\"?><rss/>";
        assert!(matches!(declared_utf8(pi), Cow::Borrowed(_)));
        // A second declaration, as a file of two feeds pasted together has,
        // and one the reader would end at its first `?>`, whatever quotes.
        let two = "<?xml version=\"1.0\"?><rss>x<?xml v=\"<a>\" encoding=\"ISO-8859-1\"?>y</rss>";
        assert_eq!(declared_utf8(two), "<!----><rss>x<!---->y</rss>");
        let late =
            format!("{}<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>", " ".repeat(100));
        assert_eq!(declared_utf8(&late).trim(), "<!----><rss/>");
        // What is left on either side does not join into a new one (found
        // by libFuzzer).
        let joined = "story<?xml<?xml v=\"1\" encoding=\"ISO-8859-1\"?>\n<rdf x=\"1\"?>";
        assert_eq!(declaration_at(&declared_utf8(joined)), None);
        // Cut off: left for the parser to refuse.
        assert_eq!(declared_utf8("<rss/><?xml version"), "<rss/><?xml version");
    }

    #[test]
    fn libfuzzer_find_declarations_joined_after_removal() {
        // What the text and the declarations on its two sides became once a
        // declaration between them was removed: a new one, past the XML
        // reader's first 64 bytes.
        let found: &[u8] =
            b"this is a developing story<?xml<?xml ve<?xml version=\x221.0\x22 encodin\
              g=\x22ISO-\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\
              \xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\
              \xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb9\xb988~9-1\x22?>\n<rdf\
              \xff\xff\xff\xff\xff\xff\xff\xffrrsion=\x221.0\x22 encoding=\x22ISO-8859\
              -1\x22?>\n<rdf\xff\xff\xff\xff\xff\xff\xff\xffrsion=\x221.0\x22 encrsion\
              =\x22 encoding=\x22ISO-8859-1\x22?>\n<2df:RDF xm\xa4rsion=\x221.0\x22 en\
              cog=\x22ISO-88~9-1\x22?>\n<rdf\xff\xff\xff\xff\xff\xff\xff\xffrr98/02/22\
              -rdf-s-nc";
        let text = super::super::decode::decode(found).expect("text").text;
        assert!(parse(&text).is_err());
    }

    #[test]
    fn feeds_with_declarations_out_of_place_are_errors_not_panics() {
        let item = "<item><title>A</title><description>Text.</description></item>";
        for text in [
            format!(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>{item}<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>{item}</channel></rss>"
            ),
            format!(
                "{}<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel>{item}</channel></rss>",
                "\n".repeat(80)
            ),
            format!(
                "<?xml v?><rss version=\"2.0\"><channel>{item}<?xml version&lt;p&gt;=\"<entry>1.0\" encoding=\"ISO-8859-1\"?>{item}</channel></rss>"
            ),
            format!(
                "{}<?xml<?xml v=\"1\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\" encoding=\"ISO-8859-1\"?><channel>{item}</channel></rss>",
                "a developing story ".repeat(5)
            ),
        ] {
            // Read or refused; either way, no panic.
            let _ = parse(&text);
        }
    }

    #[test]
    fn dates_keep_their_written_day() {
        assert_eq!(
            written_date("Tue, 06 Aug 2024 23:30:00 -0400"),
            NaiveDate::from_ymd_opt(2024, 8, 6)
        );
        assert_eq!(
            written_date("Tuesday, 06 Aug 2024 10:00:00 GMT"),
            NaiveDate::from_ymd_opt(2024, 8, 6)
        );
        assert_eq!(written_date("soon"), None);
    }
}
