//! `.html` article pages: the main text found by readability-style
//! extraction (dom_smoothie: navigation, comments, related links, cookie
//! banners and scripts dropped), turned into paragraphs; metadata from the
//! page's JSON-LD and meta tags, else its `<title>` and byline.

use dom_query::Document;
use dom_smoothie::{Config, Readability, ReadabilityError};

use super::html_text::document_text;
use super::meta::{Meta, one_line};
use super::page_meta;

mod furniture;
mod lead;
mod recover;

/// A page reduced to what the loader needs.
#[derive(Debug)]
pub struct Page {
    pub meta: Meta,
    /// The article's text, paragraphs separated by blank lines.
    pub text: String,
    /// Fields present but unreadable (the page is still read).
    pub problems: Vec<String>,
}

/// Why no article could be read from a page. HTML itself never fails to
/// parse: like a browser, the parser repairs what is malformed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HtmlError {
    #[error("no article text found in the page")]
    NoArticle,
    #[error("the page has {0} elements, more than the {1} read")]
    TooLarge(usize, usize),
    #[error("the page nests elements {0} deep, more than the {1} read")]
    TooDeep(usize, usize),
}

/// A text shorter than this is no article (a label, a notice): a page's
/// densest prose more than twice as long replaces it.
const NEARLY_EMPTY: usize = 25;

/// Pages with more elements than this are refused rather than scored: no
/// article needs them, and scoring time grows with the count.
const MAX_ELEMENTS: usize = 200_000;

/// Real pages nest a few dozen elements deep. The extractor's time grows
/// with the square of the depth, and it recurses, so a page nested
/// thousands deep is refused rather than allowed to stall or overflow.
const MAX_DEPTH: usize = 512;

/// Read a page.
pub fn read(html: &str) -> Result<Page, HtmlError> {
    // The parser's own time grows with the square of the depth too, so a
    // page far too deep is refused before it is parsed (at four times the
    // limit: the count below is rough, and the exact check follows).
    let rough = rough_depth(html);
    if rough > 4 * MAX_DEPTH {
        return Err(HtmlError::TooDeep(rough, MAX_DEPTH));
    }
    let doc = Document::from(html);
    let deepest = depth(&doc);
    if deepest > MAX_DEPTH {
        return Err(HtmlError::TooDeep(deepest, MAX_DEPTH));
    }
    let (given, problems) = page_meta::read(&doc);
    drop_contact_and_link_lists(&doc);
    drop_ruby_readings(&doc);
    furniture::mark(&doc);
    let marked = recover::mark(&doc);
    let leads = lead::mark(&doc);
    let config = Config { max_elements_to_parse: MAX_ELEMENTS, ..Config::default() };
    let mut readability =
        Readability::with_document(doc, None, Some(config)).map_err(|_| HtmlError::NoArticle)?;
    // The `<title>` with the site's name cut off, or the page's `<h1>`.
    let title = Some(one_line(&readability.get_article_title())).filter(|t| !t.is_empty());
    let article = match readability.parse() {
        Ok(article) => Some(article),
        Err(ReadabilityError::TooManyElements(found, max)) => {
            return Err(HtmlError::TooLarge(found, max));
        }
        // No page address is given, so a bad one cannot be the reason.
        Err(ReadabilityError::GrabFailed | ReadabilityError::BadDocumentURL) => None,
    };
    let byline = article
        .as_ref()
        .and_then(|a| a.byline.as_deref())
        .map(without_by)
        .filter(|b| !b.is_empty());
    let found = Meta { title: title.clone(), author: byline, ..Meta::default() };
    // Paragraphs the extractor left out of the article come back; when it
    // found none, the page's densest prose is the article.
    let text = match article {
        Some(article) => {
            let content = Document::fragment(article.content.to_string());
            furniture::drop_marked(&content);
            match recover::restore(&content, &marked) {
                Some(instead) => Document::fragment(instead),
                None => content,
            }
        }
        None => Document::fragment(recover::fallback(&marked).ok_or(HtmlError::NoArticle)?),
    };
    // The lead under the headline, which the extractor leaves out.
    let titles = [given.title.as_deref(), title.as_deref()];
    lead::restore(&text, &leads, &titles.into_iter().flatten().collect::<Vec<_>>());
    let mut text = document_text(&text);
    let words = text.split_whitespace().count();
    if words < NEARLY_EMPTY
        && let Some(short) = recover::last_resort(&marked, words)
    {
        text = document_text(&Document::fragment(short));
    }
    let text = without_trailing_labels(text);
    Ok(Page { meta: given.or(found), text, problems })
}

/// Blocks that are lists of addresses or links, not prose, go before the
/// extractor scores the page: a table of e-mail addresses (a contact list
/// beside a story about the people in it) can outscore the article's own
/// paragraphs, and a list whose every item is a link ("more stories"
/// bullets) is navigation wherever it stands.
fn drop_contact_and_link_lists(doc: &Document) {
    static EMAIL: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let email = EMAIL.get_or_init(|| {
        regex::Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").expect("e-mail pattern is valid")
    });
    const MIN_ADDRESSES: usize = 5;
    const MIN_LINKS: usize = 3;
    for node in doc.select("table, ul, ol").nodes() {
        let text = node.text();
        let words = text.split_whitespace().count().max(1);
        let addresses = email.find_iter(&text).count();
        // Mostly addresses: one for every five words or fewer.
        let contacts = addresses >= MIN_ADDRESSES && addresses * 5 >= words;
        let items: Vec<_> =
            node.element_children().into_iter().filter(|c| c.has_name("li")).collect();
        let all_links = items.len() >= MIN_LINKS
            && items.iter().all(|li| {
                let own = li.text();
                let linked: usize = li.find(&["a"]).iter().map(|a| a.text().trim().len()).sum();
                let len = own.trim().len();
                len > 0 && linked * 10 >= len * 9
            });
        if contacts || all_links {
            node.remove_from_parent();
        }
    }
}

/// Ruby annotations (`<rt>`, and the `<rp>` brackets around them) spell
/// out how the base text is read, as furigana do over Japanese kanji: an
/// aid to the reader, not words of the text. Left in, each annotated word
/// is printed twice, as the character and its reading run together.
fn drop_ruby_readings(doc: &Document) {
    doc.select("ruby rt, ruby rp").remove();
}

/// Short lines after the story's last sentence are the page's, whatever
/// its language: tags, the author's name, "write a comment", share
/// labels. They go, back to the last paragraph that is prose (ten words or
/// more), ends as a sentence does, or is a list item.
fn without_trailing_labels(text: String) -> String {
    const LABEL_WORDS: usize = 6;
    const PROSE_WORDS: usize = 10;
    let keeps = |p: &str| {
        p.split_whitespace().count() >= PROSE_WORDS
            || p.starts_with("• ")
            || p.trim_end_matches(['"', '”', '’', '»', ')']).ends_with(['.', '!', '?'])
    };
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let mut end = paragraphs.len();
    while end > 1
        && !keeps(paragraphs[end - 1])
        && paragraphs[end - 1].split_whitespace().count() <= LABEL_WORDS
        && paragraphs[..end - 1].iter().any(|p| keeps(p))
    {
        end -= 1;
    }
    if end == paragraphs.len() { text } else { paragraphs[..end].join("\n\n") }
}

/// How deep the document's elements nest, found without recursion.
fn depth(doc: &Document) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(doc.root(), 0)];
    while let Some((node, d)) = stack.pop() {
        deepest = deepest.max(d);
        stack.extend(node.children_it(false).filter(|c| c.is_element()).map(|c| (c, d + 1)));
    }
    deepest
}

/// How deep the markup nests, counted in one pass over the text without
/// parsing: start tags open, end tags close, and elements that need no end
/// tag (void ones, and those a browser closes by itself, such as `p` and
/// `li`) are not counted; comments and the insides of scripts and styles
/// are skipped. Malformed pages make it over-count, never loop.
fn rough_depth(html: &str) -> usize {
    const UNCOUNTED: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot",
        "option", "optgroup", "rt", "rp", "colgroup", "caption", "html", "head", "body",
    ];
    const RAW: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript", "template"];
    let b = html.as_bytes();
    let find = |from: usize, needle: &[u8]| {
        b.get(from..)
            .and_then(|rest| {
                rest.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
            })
            .map_or(b.len(), |i| from + i)
    };
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if b[i..].starts_with(b"<!--") {
            i = find(i + 4, b"-->") + 3;
            continue;
        }
        let closing = b.get(i + 1) == Some(&b'/');
        let name_at = i + 1 + usize::from(closing);
        let name_len = b[name_at.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
            .count();
        let end = find(name_at, b">");
        if end >= b.len() {
            break; // a tag cut off by the end of the text
        }
        if name_len == 0 || !b[name_at].is_ascii_alphabetic() {
            i = end + 1;
            continue;
        }
        let name = html[name_at..name_at + name_len].to_ascii_lowercase();
        let counted = !UNCOUNTED.contains(&name.as_str()) && !RAW.contains(&name.as_str());
        if closing {
            depth = depth.saturating_sub(usize::from(counted));
        } else if RAW.contains(&name.as_str()) {
            i = find(end, format!("</{name}").as_bytes());
            continue;
        } else if counted && !b[..end].ends_with(b"/") {
            depth += 1;
            deepest = deepest.max(depth);
        }
        i = end + 1;
    }
    deepest
}

/// A byline without its leading "By".
fn without_by(byline: &str) -> String {
    let b = one_line(byline);
    match b.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => b[3..].trim_start().to_string(),
        _ => b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_falls_back_to_the_title_element_without_the_site() {
        let para = "The council voted on Tuesday to close the old bridge for repairs. ".repeat(12);
        let page = read(&format!(
            "<html><head><title>Bridge to close for a year - Valley Gazette</title></head>\
             <body><nav><a href=/>Home</a> <a href=/news>News</a></nav>\
             <article><p>{para}</p><p>Work starts in May.</p></article></body></html>"
        ))
        .unwrap();
        assert_eq!(page.meta.title.as_deref(), Some("Bridge to close for a year"));
        assert!(page.text.starts_with("The council voted"), "{}", page.text);
        assert!(page.text.ends_with("Work starts in May."), "{}", page.text);
        assert!(!page.text.contains("Home"));
    }

    #[test]
    fn rough_depth_counts_only_what_must_be_closed() {
        assert_eq!(rough_depth("<div><div><span>x</span></div></div>"), 3);
        // Void elements, self-closing tags and optional end tags do not nest.
        assert_eq!(rough_depth(&"<p>a<br><img src=x><li>b<hr/>".repeat(1000)), 0);
        // Comments and scripts hide what looks like tags.
        assert_eq!(rough_depth("<!-- <div><div> --><script>'<div><div>'</script><b>x</b>"), 1);
        assert_eq!(rough_depth("<div"), 0);
        assert_eq!(rough_depth(&"<a<a".repeat(100)), 0);
        assert_eq!(rough_depth(&"<i>".repeat(5000)), 5000);
    }

    #[test]
    fn nesting_up_to_the_limit_is_read_and_deeper_is_refused() {
        let text = "Deep text goes on here and on, sentence after sentence. ".repeat(20);
        let nested = |n: usize| "<div>".repeat(n) + "<p>" + &text + "</p>" + &"</div>".repeat(n);
        // html, body, the divs and the paragraph.
        let page = read(&nested(MAX_DEPTH - 3)).unwrap();
        assert!(page.text.starts_with("Deep text"));
        assert_eq!(read(&nested(1000)).unwrap_err(), HtmlError::TooDeep(1003, MAX_DEPTH));
        // Far too deep is refused before parsing, by the rough count.
        assert_eq!(read(&nested(10_000)).unwrap_err(), HtmlError::TooDeep(10_000, MAX_DEPTH));
    }

    #[test]
    fn short_lines_after_the_last_sentence_go() {
        let story = "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke zu sperren";
        let text = format!(
            "{story}.\n\nEr sagte nein.\n\nAnna Lehmann\n\nVerkehr · Bauen\n\nKommentare schreiben"
        );
        assert_eq!(without_trailing_labels(text), format!("{story}.\n\nEr sagte nein."));
        // A list item, or a longer line, ends the run of labels.
        let text = format!("{story}.\n\n• Erstens\n\nTags");
        assert_eq!(without_trailing_labels(text), format!("{story}.\n\n• Erstens"));
        let text =
            format!("{story}.\n\nDie Stadt plant eine neue Brücke bis zum Jahr 2030\n\nTags");
        assert!(without_trailing_labels(text).ends_with("Jahr 2030"));
        // Without any prose, short lines are all there is.
        assert_eq!(without_trailing_labels("Kurz\n\nNoch kürzer".into()), "Kurz\n\nNoch kürzer");
    }

    #[test]
    fn ruby_readings_are_not_text() {
        let para =
            "<ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>を読むのは楽しいです。".repeat(20);
        let page = read(&format!(
            "<html><body><article><p>{para}</p><p>{para}</p></article></body></html>"
        ))
        .unwrap();
        assert!(page.text.starts_with("漢字を読む"), "{}", page.text);
        assert!(!page.text.contains("かんじ") && !page.text.contains('('), "{}", page.text);
    }

    #[test]
    fn bylines_lose_their_by() {
        assert_eq!(without_by("By  Ann Lee"), "Ann Lee");
        assert_eq!(without_by("Bystander"), "Bystander");
    }
}
