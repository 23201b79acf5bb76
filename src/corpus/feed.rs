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

/// Parse a feed already decoded to UTF-8 text. Every entry with a title, a
/// link or text is an article, as feed readers keep them: one without text
/// reads its title (else its link) as its body. An entry with the id and
/// the link of an earlier one is the same entry, kept once; one that
/// differs in either is another entry (feeds reuse links for updates and
/// ids by mistake), and equal text alone never makes a repeat (feeds repeat
/// boilerplate across distinct entries).
pub fn parse(text: &str) -> Result<Parsed, FeedError> {
    let feed = read(text)?;
    let mut parsed = Parsed::default();
    type Identity = (Option<String>, Option<String>);
    let mut seen: std::collections::HashMap<Identity, usize> = std::collections::HashMap::new();
    for e in feed.entries {
        let identity = (e.id.clone(), e.meta.url.clone().filter(|u| !u.is_empty()));
        let known = identity != (None, None);
        if let Some(&first) = seen.get(&identity).filter(|_| known) {
            parsed.problems.push(format!(
                "entry {}: the same id and link as entry {first}; kept once",
                e.index
            ));
            continue;
        }
        seen.insert(identity, e.index);
        let body = [Some(e.body.trim()), e.meta.title.as_deref(), e.meta.url.as_deref()]
            .into_iter()
            .flatten()
            .find(|b| !b.trim().is_empty())
            .map(str::to_string);
        match body {
            Some(body) => parsed.items.push(Item { index: e.index, meta: e.meta, body }),
            None => {
                parsed.problems.push(format!("entry {}: no title, link or text; skipped", e.index))
            }
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
        // No made-up ids: an entry without one is told apart by its link.
        .id_generator(|_, _, _| String::new())
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
        .parse(rss_version_known(&declared_utf8(text)).as_bytes())
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

/// feed-rs reads `<rss>` only with version 2.0, 0.91 or 0.92 (or an empty
/// one); other versions exist in the wild (0.90, 0.93, 0.94, 2.01, none at
/// all) and read the same. The root's version is rewritten to the nearest
/// one it reads: 0.9x to 0.92, anything else to 2.0.
fn rss_version_known(text: &str) -> Cow<'_, str> {
    static ROOT: OnceLock<Regex> = OnceLock::new();
    static VERSION: OnceLock<Regex> = OnceLock::new();
    let root =
        ROOT.get_or_init(|| Regex::new(r"<rss(?:\s[^>]*)?>").expect("root pattern is valid"));
    let version = VERSION.get_or_init(|| {
        Regex::new(r#"\sversion\s*=\s*(?:"([^"]*)"|'([^']*)')"#).expect("version pattern is valid")
    });
    let Some(tag) = root.find(text) else { return Cow::Borrowed(text) };
    // Only the document's root: an `<rss` further in is text or a later feed.
    if text[..tag.start()].contains(['<']) && !only_prolog(&text[..tag.start()]) {
        return Cow::Borrowed(text);
    }
    let found = version.captures(tag.as_str());
    let given = found.as_ref().and_then(|c| c.get(1).or(c.get(2))).map(|m| m.as_str().trim());
    let wanted = match given {
        Some("2.0" | "0.91" | "0.92" | "") => return Cow::Borrowed(text),
        Some(v) if v.starts_with("0.9") => "0.92",
        _ => "2.0",
    };
    let new_tag = match &found {
        Some(c) => {
            let all = c.get(0).expect("whole match");
            format!(
                "{} version=\"{wanted}\"{}",
                &tag.as_str()[..all.start()],
                &tag.as_str()[all.end()..]
            )
        }
        None => format!("<rss version=\"{wanted}\"{}", &tag.as_str()[4..]),
    };
    Cow::Owned(format!("{}{new_tag}{}", &text[..tag.start()], &text[tag.end()..]))
}

/// Whether `head` holds only what may come before a root element:
/// declarations, processing instructions, comments, a doctype, spaces.
fn only_prolog(head: &str) -> bool {
    let mut rest = head.trim_start_matches('\u{feff}').trim_start();
    while !rest.is_empty() {
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map(|i| i + 3)
        } else if rest.starts_with("<?") || rest.starts_with("<!") {
            rest.find('>').map(|i| i + 1)
        } else {
            None
        };
        match end {
            Some(e) => rest = rest[e..].trim_start(),
            None => return false,
        }
    }
    true
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
    fn rss_versions_the_parser_does_not_know_are_read() {
        let item = "<item><title>A</title><description>Text.</description></item>";
        for root in [
            "<rss version=\"0.94\">",
            "<rss version='0.93' xml:base=\"http://a.example/\">",
            "<rss>",
            "<rss version=\"2.01\" xmlns:media=\"http://search.yahoo.com/mrss/\">",
        ] {
            let text = format!("{root}<channel><title>T</title>{item}</channel></rss>");
            let parsed = parse(&text).unwrap_or_else(|e| panic!("{root}: {e}"));
            assert_eq!(parsed.items.len(), 1, "{root}");
            let declared = format!("<?xml version=\"1.0\"?>\n<!-- c -->\n{text}");
            assert!(parse(&declared).is_ok(), "{root} after a prolog");
        }
        // Known versions, and an `<rss` that is not the root, stay as written.
        assert!(matches!(
            rss_version_known("<rss version=\"2.0\"><channel/></rss>"),
            Cow::Borrowed(_)
        ));
        let inner = "<feed><title>&lt;rss&gt;</title><x><rss version=\"9\"/></x></feed>";
        assert!(matches!(rss_version_known(inner), Cow::Borrowed(_)));
    }

    #[test]
    fn entries_are_kept_as_feed_readers_keep_them() {
        let text = r#"<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
            <item><title>Only a title</title><link>http://a.example/1</link></item>
            <item><title>Same words</title><link>http://a.example/2</link><description>Boilerplate.</description></item>
            <item><title>Same words again</title><link>http://a.example/3</link><description>Boilerplate.</description></item>
            <item><title>Repeat</title><link>http://a.example/2</link><description>Other.</description></item>
            <item><title>Same link, other id</title><link>http://a.example/2</link><guid>g7</guid><description>Seventh.</description></item>
            <item><description></description></item>
            <item><title>Video</title><link>http://a.example/4</link>
              <media:content url="http://a.example/4.mp4"/><media:description>Text only here.</media:description></item>
            </channel></rss>"#;
        let p = parse(text).expect("feed");
        let bodies: Vec<(usize, &str)> =
            p.items.iter().map(|i| (i.index, i.body.as_str())).collect();
        assert_eq!(
            bodies,
            [
                (1, "Only a title"),
                (2, "Boilerplate."),
                (3, "Boilerplate."),
                (5, "Seventh."),
                (7, "Text only here.")
            ]
        );
        assert!(
            p.problems.iter().any(|m| m == "entry 4: the same id and link as entry 2; kept once"),
            "{:?}",
            p.problems
        );
        assert!(
            p.problems.iter().any(|m| m.starts_with("entry 6: no title, link or text")),
            "{:?}",
            p.problems
        );
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
