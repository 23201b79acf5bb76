//! Raw article text → the body the reader shows, plus the metadata the text
//! itself gives: a header block (`date 2024-08-06`, `Title: …`), a dateline,
//! an attribution, a headline on the first line.

use std::sync::OnceLock;

use regex::Regex;

use super::boilerplate::{is_boilerplate_line, is_timestamp_line, strip_markers};
use super::date::{date_in_line, parse_date};
use super::meta::{Meta, one_line};
use super::outlets;

/// What the text says about itself, and its cleaned body.
#[derive(Debug, Default)]
pub struct Cleaned {
    pub meta: Meta,
    pub body: String,
}

/// Options for how much to infer.
#[derive(Debug, Clone, Copy)]
pub struct Infer<'a> {
    /// A title already known (front matter): no headline is taken from the
    /// text.
    pub known_title: Option<&'a str>,
    /// Read Markdown syntax (headings, links, emphasis) as plain text.
    pub markdown: bool,
}

pub fn clean(raw: &str, opts: Infer<'_>) -> Cleaned {
    let raw = raw.replace("\r\n", "\n").replace('\r', "\n");
    let mut meta = Meta::default();
    let mut lines: Vec<String> = Vec::new();
    let mut in_header = true;
    for (n, line) in raw.split('\n').enumerate() {
        let line = line.trim_end();
        // A dateline-like stamp near the top ("Published: July 28, 2004 at
        // 1:24 PM") dates an article that has no date otherwise; the line
        // itself is dropped as boilerplate below.
        if n < DATE_LINES && meta.date.is_none() && is_timestamp_line(line.trim()) {
            meta.date = date_in_line(line);
        }
        if in_header {
            if line.trim().is_empty() {
                continue;
            }
            match header_field(line, &mut meta) {
                Header::Consumed => continue,
                Header::Rest(rest) => {
                    in_header = false;
                    push_line(&mut lines, &rest, opts.markdown);
                    continue;
                }
                Header::Body => in_header = false,
            }
        }
        push_line(&mut lines, line, opts.markdown);
    }

    // A first line repeating the known title stays (the comparison lines up
    // headlines, which state an event most briefly), but a dateline may
    // follow it: web pages print the headline above the story.
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let after_title = match (opts.known_title, first) {
        (Some(known), Some(f)) if normalise(known) == normalise(&lines[f]) => {
            // The headline is a paragraph of its own, never run into the text.
            if lines.get(f + 1).is_some_and(|l| !l.trim().is_empty()) {
                lines.insert(f + 1, String::new());
            }
            lines.iter().skip(f + 1).position(|l| !l.trim().is_empty()).map(|i| f + 1 + i)
        }
        _ => first,
    };

    // A dateline on that line names the outlet; alone on its line it is
    // dropped, since the outlet is shown in the header anyway.
    if let Some(at) = after_title
        && let Some((outlet, len)) = outlets::dateline(&lines[at])
    {
        meta.outlet = Some(outlet.to_string());
        if lines[at][len..].trim().is_empty() {
            lines.remove(at);
        }
    }

    // Without a known title, a headline on the first line is the title. It
    // stays in the body too: it is the text as written.
    if opts.known_title.is_none()
        && let Some(first) = lines.iter().position(|l| !l.trim().is_empty())
    {
        let line = lines[first].trim().to_string();
        let alone = lines.get(first + 1).is_none_or(|next| next.trim().is_empty());
        if alone && reads_as_headline(&line) && has_more_text(&lines, first) {
            meta.title = Some(one_line(&line));
        }
    }

    let body = paragraphs(&lines);
    if meta.outlet.is_none() {
        meta.outlet = outlets::attributed(&body).map(str::to_string);
    }
    if meta.title.is_none() && opts.known_title.is_none() {
        meta.title = first_sentence(&body).map(|s| shorten(s, TITLE_CHARS));
    }
    Cleaned { meta, body }
}

const TITLE_CHARS: usize = 110;

/// How far down a date stamp is taken as the article's date.
const DATE_LINES: usize = 6;

fn push_line(lines: &mut Vec<String>, line: &str, markdown: bool) {
    let line = if markdown { markdown_plain(line) } else { line.to_string() };
    if is_boilerplate_line(&line) {
        // A dropped line still separates paragraphs.
        lines.push(String::new());
        return;
    }
    let stripped = strip_markers(&line);
    if stripped.trim().is_empty() && !line.trim().is_empty() {
        lines.push(String::new());
    } else {
        lines.push(stripped.trim_end().to_string());
    }
}

fn normalise(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn has_more_text(lines: &[String], first: usize) -> bool {
    lines[first + 1..].iter().any(|l| !l.trim().is_empty())
}

enum Header {
    /// The line was a header field; read on.
    Consumed,
    /// The line began with a header field; the rest is body text.
    Rest(String),
    /// Not a header line: the body starts here.
    Body,
}

fn header_field(line: &str, meta: &mut Meta) -> Header {
    static DATE: OnceLock<Regex> = OnceLock::new();
    static FIELD: OnceLock<Regex> = OnceLock::new();
    // `date 2024-08-06`, possibly followed on the same line by the text.
    let date = DATE.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:date|published|dated)\s*:?\s+(\d{4}-\d{2}-\d{2})\b\s*(.*)$")
            .expect("date header pattern is valid")
    });
    if let Some(c) = date.captures(line)
        && let Some(d) = parse_date(&c[1])
    {
        meta.date.get_or_insert(d);
        let rest = c[2].trim();
        return if rest.is_empty() { Header::Consumed } else { Header::Rest(rest.to_string()) };
    }
    let field = FIELD.get_or_init(|| {
        Regex::new(
            r"(?i)^\s*(title|headline|source|outlet|publisher|site|date|published|url|link|author|byline|by)\s*:\s*(\S.*)$",
        )
        .expect("header pattern is valid")
    });
    let Some(c) = field.captures(line) else {
        return Header::Body;
    };
    let value = c[2].trim();
    match c[1].to_lowercase().as_str() {
        "title" | "headline" => meta.title = Some(one_line(value)),
        "source" | "outlet" | "publisher" | "site" => meta.outlet = Some(one_line(value)),
        "date" | "published" => match parse_date(value) {
            Some(d) => meta.date = Some(d),
            None => return Header::Body,
        },
        "url" | "link" => meta.url = Some(value.to_string()),
        _ => meta.author = Some(one_line(value)),
    }
    Header::Consumed
}

/// Short, capitalised, without a final full stop or comma: a headline, not
/// a sentence of the article.
fn reads_as_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let first = line.chars().next().unwrap_or(' ');
    (2..=25).contains(&words)
        && line.len() <= 200
        && !first.is_lowercase()
        && !line.ends_with(['.', ',', ';', ':'])
        && outlets::dateline(line).is_none()
}

/// Blocks separated by blank lines become paragraphs. A block whose lines
/// were hard-wrapped (short lines, most ending mid-sentence) is joined into
/// one paragraph; otherwise each line is its own paragraph, as in exports
/// with one paragraph or one sentence per line.
fn paragraphs(lines: &[String]) -> String {
    let mut out: Vec<String> = Vec::new();
    for block in lines.split(|l| l.trim().is_empty()) {
        if block.is_empty() {
            continue;
        }
        if is_hard_wrapped(block) {
            let mut para = String::new();
            for line in block {
                if is_list_item(line.trim()) && !para.is_empty() {
                    out.push(std::mem::take(&mut para));
                }
                if !para.is_empty() {
                    para.push(' ');
                }
                para.push_str(line.trim());
            }
            out.push(para);
        } else {
            out.extend(block.iter().map(|l| l.trim().to_string()));
        }
    }
    out.retain(|p| !p.is_empty());
    out.join("\n\n")
}

/// Lines that break mid-sentence at a similar, modest width.
fn is_hard_wrapped(block: &[String]) -> bool {
    const WRAP_WIDTH: usize = 100;
    let Some((_, body)) = block.split_last() else { return false };
    if body.is_empty() {
        return false;
    }
    let short = body.iter().all(|l| l.trim().chars().count() <= WRAP_WIDTH);
    let open = body.iter().filter(|l| !ends_sentence(l.trim_end())).count();
    short && open * 3 >= body.len() * 2
}

fn ends_sentence(line: &str) -> bool {
    line.ends_with(['.', '!', '?', ':', '"', '”', '’', '\'', ')'])
}

fn is_list_item(line: &str) -> bool {
    line.starts_with("- ") || line.starts_with("* ") || line.starts_with("• ")
}

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "sgt", "lt", "col", "capt", "maj", "cpl", "pvt", "adm", "sen",
    "rep", "gov", "pres", "st", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept",
    "univ", "mt", "ft", "fig",
];

/// The body's first sentence: up to the first `.`, `!` or `?` followed by a
/// space and a capital, not after an abbreviation, an initial or "U.S.".
pub fn first_sentence(body: &str) -> Option<&str> {
    let para = body.split("\n\n").next()?.trim();
    if para.is_empty() {
        return None;
    }
    for (i, c) in para.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let after = &para[i + 1..];
        let after = after.trim_start_matches(['"', '”', '’', '\'', ')']);
        let next = after.strip_prefix(' ').and_then(|a| a.chars().next());
        if !next.is_some_and(|n| n.is_uppercase() || n == '"' || n == '“') {
            continue;
        }
        if c == '.' {
            // After the opening mark, whatever its length in bytes.
            let word_start = para[..i]
                .char_indices()
                .rev()
                .find(|(_, c)| matches!(c, ' ' | '(' | '"' | '“'))
                .map_or(0, |(p, c)| p + c.len_utf8());
            let word = &para[word_start..i];
            let lower = word.to_lowercase();
            let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            if initial || word.contains('.') || ABBREVIATIONS.contains(&lower.as_str()) {
                continue;
            }
        }
        let end = i + 1 + (para.len() - i - 1 - after.len());
        return Some(&para[..end]);
    }
    Some(para)
}

/// `s` on one line, without a final full stop, cut at a word boundary to at
/// most `max` characters with an ellipsis.
pub fn shorten(s: &str, max: usize) -> String {
    let s = one_line(s);
    let s = s.strip_suffix('.').unwrap_or(&s);
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(p) if p > max / 2 => &cut[..p],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// One Markdown line as plain text: heading marks, emphasis, links and images.
fn markdown_plain(line: &str) -> String {
    static LINK: OnceLock<Regex> = OnceLock::new();
    static IMAGE: OnceLock<Regex> = OnceLock::new();
    let image = IMAGE.get_or_init(|| Regex::new(r"!\[[^\]]*\]\([^)]*\)").expect("valid"));
    let link = LINK.get_or_init(|| Regex::new(r"\[([^\]]+)\]\([^)]*\)").expect("valid"));
    let t = line.trim_start();
    let t = if t.starts_with('#') { t.trim_start_matches('#').trim_start() } else { line };
    let t = t.strip_prefix("> ").unwrap_or(t);
    let t = image.replace_all(t, "");
    let t = link.replace_all(&t, "$1");
    t.replace("**", "").replace("__", "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn plain(raw: &str) -> Cleaned {
        clean(raw, Infer { known_title: None, markdown: false })
    }

    #[test]
    fn date_header_alone_and_inline() {
        let c = plain(" date 2024-08-06 \n\n\nBody text here.");
        assert_eq!(c.meta.date, NaiveDate::from_ymd_opt(2024, 8, 6));
        assert_eq!(c.body, "Body text here.");
        let c = plain(" date 2024-08-05 A suspected attack hit a base. More text.");
        assert_eq!(c.meta.date, NaiveDate::from_ymd_opt(2024, 8, 5));
        assert!(c.body.starts_with("A suspected attack"));
    }

    #[test]
    fn header_block_fields() {
        let c = plain("Title: Storm hits coast\nSource: Reuters\nDate: 2023-01-02\n\nWinds rose.");
        assert_eq!(c.meta.title.as_deref(), Some("Storm hits coast"));
        assert_eq!(c.meta.outlet.as_deref(), Some("Reuters"));
        assert_eq!(c.body, "Winds rose.");
    }

    #[test]
    fn dateline_line_names_outlet_and_goes() {
        let c = plain("CNN —\n\nSeveral people were hurt on Monday, officials said.");
        assert_eq!(c.meta.outlet.as_deref(), Some("CNN"));
        assert_eq!(c.body, "Several people were hurt on Monday, officials said.");
        let c = plain("BEIRUT (AP) — A blast shook the port.");
        assert_eq!(c.meta.outlet.as_deref(), Some("AP"));
        assert_eq!(c.body, "BEIRUT (AP) — A blast shook the port.");
    }

    #[test]
    fn headline_then_boilerplate_then_body() {
        let c = plain(
            "Skip to content\n\nFloods Close Schools in the North\n\nRain fell for days. Rivers rose.\n\nMore from Weather",
        );
        assert_eq!(c.meta.title.as_deref(), Some("Floods Close Schools in the North"));
        assert_eq!(c.body, "Floods Close Schools in the North\n\nRain fell for days. Rivers rose.");
    }

    #[test]
    fn a_sentence_ending_on_a_quoted_word_is_cut_after_the_quote_mark() {
        // Found by the stable fuzzer: the opening mark is three bytes long.
        assert_eq!(
            first_sentence("He called it “unacceptable. Then left."),
            Some("He called it “unacceptable.")
        );
        assert_eq!(first_sentence("“Gen. Smith went. He said."), Some("“Gen. Smith went."));
    }

    #[test]
    fn title_falls_back_to_first_sentence() {
        let c = plain("The U.S. said on Tuesday that Gen. Smith would go. Then more.");
        assert_eq!(
            c.meta.title.as_deref(),
            Some("The U.S. said on Tuesday that Gen. Smith would go")
        );
    }

    #[test]
    fn line_per_paragraph_and_hard_wrapped_text() {
        let c = plain("First paragraph is one line.\nSecond paragraph is one line.");
        assert_eq!(c.body, "First paragraph is one line.\n\nSecond paragraph is one line.");
        let c = plain(
            "Officials said the storm, which formed over the weekend\nand strengthened quickly, reached the coast.",
        );
        assert_eq!(
            c.body,
            "Officials said the storm, which formed over the weekend and strengthened quickly, reached the coast."
        );
    }

    #[test]
    fn an_unpunctuated_line_among_long_lines_stays_apart() {
        let c = plain(
            "The first paragraph is a long line of text that goes on past the width of any wrapped file.\nA RELATED HEADLINE IN CAPITALS WITH NO STOP\nThe third paragraph is another long line that goes on and on past the width of wrapping.",
        );
        assert_eq!(c.body.split("\n\n").count(), 3, "{}", c.body);
    }

    #[test]
    fn known_title_repeated_on_first_line_stays_in_the_body() {
        let c = clean(
            "US troops hurt in attack\n\nSeveral were hurt.",
            Infer { known_title: Some("US Troops Hurt in Attack"), markdown: false },
        );
        assert_eq!(c.body, "US troops hurt in attack\n\nSeveral were hurt.");
        assert_eq!(c.meta.title, None);
    }

    #[test]
    fn a_dateline_below_the_known_title_still_names_the_outlet() {
        let c = clean(
            "Rates held\nLONDON (Reuters) - The bank held rates.",
            Infer { known_title: Some("Rates held"), markdown: false },
        );
        assert_eq!(c.meta.outlet.as_deref(), Some("Reuters"));
        assert_eq!(c.body, "Rates held\n\nLONDON (Reuters) - The bank held rates.");
    }

    #[test]
    fn an_article_that_is_only_its_headline_keeps_it_as_body() {
        let c = clean(
            "Storm closes port\n",
            Infer { known_title: Some("Storm closes port"), markdown: false },
        );
        assert_eq!(c.body, "Storm closes port");
    }

    #[test]
    fn markdown_is_read_as_text() {
        let c = clean(
            "# Big **news** today\n\nSee [the report](http://x) ![img](a.png) now.",
            Infer { known_title: None, markdown: true },
        );
        assert_eq!(c.meta.title.as_deref(), Some("Big news today"));
        assert_eq!(c.body, "Big news today\n\nSee the report  now.");
    }

    #[test]
    fn shorten_cuts_at_words() {
        assert_eq!(shorten("one two three four", 9), "one two…");
        assert_eq!(shorten("short.", 20), "short");
    }

    #[test]
    fn a_date_stamp_near_the_top_dates_the_article() {
        let c = plain(
            "Lohan leaves rehab\nFirst Published: June 13, 2013 4:59 PM EDT\nLindsay Lohan has left the clinic.",
        );
        assert_eq!(c.meta.date, NaiveDate::from_ymd_opt(2013, 6, 13));
        assert!(!c.body.contains("First Published"));
        // Deep in the text, a stamp is no publication date.
        let c = plain(
            "A\n\nB\n\nC\n\nD\n\nE is here.\n\nPublished: July 28, 2004 at 1:24 PM\n\nMore text follows.",
        );
        assert_eq!(c.meta.date, None);
    }
}
