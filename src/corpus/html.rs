//! `.html` article pages: the main text found by readability-style
//! extraction (dom_smoothie: navigation, comments, related links, cookie
//! banners and scripts dropped), turned into paragraphs; metadata from the
//! page's JSON-LD and meta tags, else its `<title>` and byline.

use dom_query::Document;
use dom_smoothie::{Config, Readability, ReadabilityError};

use super::html_text::fragment_text;
use super::meta::{Meta, one_line};
use super::page_meta;

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

/// Pages with more elements than this are refused rather than scored: no
/// article needs them, and scoring time grows with the count.
const MAX_ELEMENTS: usize = 200_000;

/// Real pages nest a few dozen elements deep. The extractor's time grows
/// with the square of the depth, and it recurses, so a page nested
/// thousands deep is refused rather than allowed to stall or overflow.
const MAX_DEPTH: usize = 512;

/// Read a page.
pub fn read(html: &str) -> Result<Page, HtmlError> {
    let doc = Document::from(html);
    let deepest = depth(&doc);
    if deepest > MAX_DEPTH {
        return Err(HtmlError::TooDeep(deepest, MAX_DEPTH));
    }
    let (given, problems) = page_meta::read(&doc);
    let config = Config { max_elements_to_parse: MAX_ELEMENTS, ..Config::default() };
    let mut readability =
        Readability::with_document(doc, None, Some(config)).map_err(|_| HtmlError::NoArticle)?;
    // The `<title>` with the site's name cut off, or the page's `<h1>`.
    let title = Some(one_line(&readability.get_article_title())).filter(|t| !t.is_empty());
    let article = readability.parse().map_err(|e| match e {
        ReadabilityError::TooManyElements(found, max) => HtmlError::TooLarge(found, max),
        // No page address is given, so a bad one cannot be the reason.
        ReadabilityError::GrabFailed | ReadabilityError::BadDocumentURL => HtmlError::NoArticle,
    })?;
    let byline = article.byline.as_deref().map(without_by).filter(|b| !b.is_empty());
    let found = Meta { title, author: byline, ..Meta::default() };
    Ok(Page { meta: given.or(found), text: fragment_text(&article.content), problems })
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
    fn nesting_up_to_the_limit_is_read_and_deeper_is_refused() {
        let text = "Deep text goes on here and on, sentence after sentence. ".repeat(20);
        let nested = |n: usize| "<div>".repeat(n) + "<p>" + &text + "</p>" + &"</div>".repeat(n);
        // html, body, the divs and the paragraph.
        let page = read(&nested(MAX_DEPTH - 3)).unwrap();
        assert!(page.text.starts_with("Deep text"));
        assert_eq!(read(&nested(10_000)).unwrap_err(), HtmlError::TooDeep(10_003, MAX_DEPTH));
    }

    #[test]
    fn bylines_lose_their_by() {
        assert_eq!(without_by("By  Ann Lee"), "Ann Lee");
        assert_eq!(without_by("Bystander"), "Bystander");
    }
}
