//! Paragraphs of the article that the extractor left out. Readability keeps
//! the best-scoring block and its close siblings, so prose standing apart
//! from it is lost: a lead set above a figure or an aside, paragraphs in a
//! block the cleaner judged too short. Every `<p>` is marked before the
//! extractor runs; afterwards, the prose paragraphs in the same article
//! element as the extracted ones, from the article's start to the last
//! extracted paragraph, are put back in their place (on a page with no
//! article element, the prose outside any, up to that paragraph).

use dom_query::{Document, NodeId, NodeRef};

/// The attribute that numbers the paragraphs (the extractor keeps it).
pub(super) const MARK: &str = "data-dateline-p";

/// A paragraph of a page, as it stood before extraction.
struct Para {
    html: String,
    /// Its words, single-spaced.
    text: String,
    /// The article element it belongs to, if any.
    container: Option<NodeId>,
    /// Whether it reads as the article's prose (see `is_prose`).
    prose: bool,
    /// The element holding it, and the one above that: the blocks whose
    /// prose it adds to (see `densest`).
    blocks: [Option<NodeId>; 2],
}

/// The page's paragraphs, in document order.
pub struct Marked {
    paras: Vec<Para>,
}

/// Number the page's paragraphs and note what each one is.
pub fn mark(doc: &Document) -> Marked {
    let mut paras = Vec::new();
    for (i, node) in doc.select("p").nodes().iter().enumerate() {
        // Numbered first, so that a paragraph put back carries its number.
        node.set_attr(MARK, &i.to_string());
        let (container, clean) = placement(node);
        let prose = clean && is_prose(node);
        let (html, text) =
            if prose { (node.html().to_string(), words(&node.text())) } else { Default::default() };
        let parent = node.parent().filter(|p| p.is_element());
        let blocks = [parent.map(|p| p.id), parent.and_then(|p| p.parent()).map(|g| g.id)];
        paras.push(Para { html, text, container, prose, blocks });
    }
    Marked { paras }
}

/// Put the paragraphs the extractor missed back into `content` (a document
/// holding the extracted article). Only paragraphs of the article element
/// holding the first extracted one come back, so neighbouring teasers and
/// footers, outside it, stay out. When the extracted text lies in no
/// article element and the page has one holding far more prose, that
/// article's paragraphs are returned instead: the extractor chose a block
/// beside the story.
pub fn restore(content: &Document, marked: &Marked) -> Option<String> {
    let found = put_back(content, marked);
    let extracted = match &found {
        Some(html) => count_words(html),
        None => content.root().text().split_whitespace().count(),
    };
    densest(marked, extracted, MIN_PARAS).or(found)
}

/// The page's densest prose, for when the extractor found no article at
/// all.
pub fn fallback(marked: &Marked) -> Option<String> {
    densest(marked, 0, MIN_PARAS)
}

/// The page's densest prose, however short, when it holds more than twice
/// the `extracted` words: for when all else came out empty or nearly so
/// (the extractor chose a cookie notice or a "for subscribers" label, then
/// dropped as furniture, beside a story of one or two paragraphs).
pub fn last_resort(marked: &Marked, extracted: usize) -> Option<String> {
    densest(marked, extracted, 1)
}

/// Fewer paragraphs than this are not taken over the extractor's choice.
const MIN_PARAS: usize = 3;

/// The prose paragraphs of the block densest in prose, when it holds at
/// least three of them and more than twice the `extracted` words: the
/// extractor's choice (a cookie notice, a form, a teaser) is then a block
/// beside the story, or only a piece of it. As in Readability, a
/// paragraph's words count fully for the element holding it and half for
/// the one above, so a story split into one wrapper per paragraph (as
/// page builders write it) still adds up in the wrapper of the wrappers.
fn densest(marked: &Marked, extracted: usize, min_paras: usize) -> Option<String> {
    // A map, not a list searched: a page may hold thousands of blocks.
    // Each block's score, and the paragraph that first counted for it:
    // ties go to the block met first, whatever the map's order.
    let mut scores: std::collections::HashMap<NodeId, (usize, std::cmp::Reverse<usize>)> =
        Default::default();
    for (i, p) in marked.paras.iter().enumerate().filter(|(_, p)| p.prose) {
        let w = p.text.split_whitespace().count();
        for (block, share) in p.blocks.iter().zip([2, 1]) {
            if let Some(b) = block {
                scores.entry(*b).or_insert((0, std::cmp::Reverse(i))).0 += w * share;
            }
        }
    }
    let (&best, _) = scores.iter().max_by_key(|(_, s)| **s)?;
    let paras: Vec<&Para> =
        marked.paras.iter().filter(|p| p.prose && p.blocks.contains(&Some(best))).collect();
    let words: usize = paras.iter().map(|p| p.text.split_whitespace().count()).sum();
    if paras.len() < min_paras || words <= 2 * extracted {
        return None;
    }
    Some(paras.iter().map(|p| p.html.as_str()).collect())
}

fn count_words(html: &str) -> usize {
    Document::fragment(html).root().text().split_whitespace().count()
}

/// The paragraphs of the extracted article's own article element put back
/// in `content`; or another article element's, returned, if the extracted
/// text lies in none (see `restore`).
fn put_back(content: &Document, marked: &Marked) -> Option<String> {
    let mut present: Vec<(usize, NodeRef)> = content
        .select(&format!("p[{MARK}]"))
        .nodes()
        .iter()
        .filter_map(|n| Some((n.attr(MARK)?.parse::<usize>().ok()?, *n)))
        .filter(|(i, _)| *i < marked.paras.len())
        .collect();
    let Some(first) = present.iter().map(|(i, _)| *i).min() else {
        return instead(content, marked);
    };
    // Without an article element, another article's prose may be the
    // story; failing that, the page's other prose outside any article
    // element, up to the last paragraph extracted, comes back: the
    // extractor skipped blocks it judged short (on trafilatura's set: two
    // wanted snippets more, no unwanted one).
    let container = marked.paras[first].container;
    if container.is_none()
        && let Some(other) = instead(content, marked)
    {
        return Some(other);
    }
    let last = present.iter().map(|(i, _)| *i).max().unwrap_or(0);
    present.sort_by_key(|(i, _)| *i);
    // Pages often print a paragraph twice (for small and large screens):
    // text already there does not come back.
    let mut there = words(&content.root().text());
    for i in 0..last {
        let p = &marked.paras[i];
        if !p.prose
            || p.container != container
            || present.binary_search_by_key(&i, |(j, _)| *j).is_ok()
            || there.contains(&p.text)
        {
            continue;
        }
        there.push(' ');
        there.push_str(&p.text);
        // Before the next paragraph that was kept, so the order stays.
        let next = present.partition_point(|(j, _)| *j < i);
        if let Some((_, node)) = present.get(next) {
            node.before_html(p.html.as_str());
        }
    }
    None
}

/// The prose paragraphs of the article element richest in prose, when it
/// holds at least three of them and more than twice the words extracted.
fn instead(content: &Document, marked: &Marked) -> Option<String> {
    const MIN_PARAS: usize = 3;
    let words = |html: &str| Document::fragment(html).root().text().split_whitespace().count();
    let mut totals: Vec<(NodeId, usize, usize)> = Vec::new();
    for p in marked.paras.iter().filter(|p| p.prose) {
        let Some(c) = p.container else { continue };
        let w = words(&p.html);
        match totals.iter_mut().find(|(id, ..)| *id == c) {
            Some(t) => {
                t.1 += w;
                t.2 += 1;
            }
            None => totals.push((c, w, 1)),
        }
    }
    let &(best, most, count) = totals.iter().max_by_key(|(_, w, _)| *w)?;
    let extracted = content.root().text().split_whitespace().count();
    if count < MIN_PARAS || most <= 2 * extracted {
        return None;
    }
    let paras = marked.paras.iter().filter(|p| p.prose && p.container == Some(best));
    Some(paras.map(|p| p.html.as_str()).collect())
}

/// The nearest article element above `node` (`<article>`, or an element
/// marked as the article's body; else the page's `<main>`), and whether the way up to it is free of
/// page furniture: figures, asides, navigation, forms, footers, hidden
/// blocks, and blocks named for comments, sharing, promotions and the like.
fn placement(node: &NodeRef) -> (Option<NodeId>, bool) {
    let mut clean = true;
    let mut main = None;
    let mut at = Some(*node);
    while let Some(n) = at {
        let name = n.node_name().map(|s| s.to_ascii_lowercase()).unwrap_or_default();
        let body =
            n.attr("itemprop").is_some_and(|v| v.split_whitespace().any(|t| t == "articleBody"));
        if name == "article" || body {
            return (Some(n.id), clean);
        }
        if main.is_none() && (name == "main" || n.attr("role").is_some_and(|r| &*r == "main")) {
            main = Some((Some(n.id), clean));
        }
        if super::furniture::aside_element(&n, &name) || super::furniture::names(&n, NOT_THE_STORY)
        {
            clean = false;
        }
        at = n.parent();
    }
    main.unwrap_or((None, clean))
}

/// The words of a text, single-spaced.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Blocks that are not the story, besides the page's furniture
/// ([`super::furniture`]): a paragraph in one is not put back, though the
/// extractor is not asked to drop them (comments and teasers can hold
/// what the story quotes).
const NOT_THE_STORY: &[&str] =
    &["comment", "copyright", "disclaimer", "sharing", "sponsor", "teaser"];

/// What may close a sentence after its stop: quotation marks as English,
/// German („…“), French and Swiss («…», ‹…›) and Japanese (「…」) print
/// them, and brackets.
const CLOSERS: &[char] = &['"', '\'', '”', '’', '“', '‘', '»', '«', '›', '‹', '」', '』', ')'];

/// A paragraph of prose: some words, ending as a sentence does, and not
/// mostly links.
fn is_prose(node: &NodeRef) -> bool {
    const MIN_WORDS: usize = 10;
    let text = node.text();
    let t = text.trim();
    if t.split_whitespace().count() < MIN_WORDS {
        return false;
    }
    // French sets a space before its closing guillemet.
    let closed = t.trim_end_matches(|c: char| CLOSERS.contains(&c) || c.is_whitespace());
    let ends = closed.ends_with(['.', '!', '?', '…', ':', '。', '！', '？']);
    let linked: usize = node.find(&["a"]).iter().map(|a| a.text().trim().len()).sum();
    ends && linked * 4 < t.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::html_text::node_text;

    fn run(page: &str, kept: &str) -> String {
        let doc = Document::from(page);
        let marked = mark(&doc);
        // Stand in for the extractor: keep the block with id "kept".
        let html = doc.select(kept).html().to_string();
        let content = Document::fragment(html);
        match restore(&content, &marked) {
            Some(instead) => node_text(&Document::fragment(instead).root()),
            None => node_text(&content.root()),
        }
    }

    #[test]
    fn a_story_of_one_paragraph_is_found_only_as_a_last_resort() {
        let page = "<div id=post><h2>A short post</h2>\
            <p>The whole story is this one paragraph, which says all there is to say.</p></div>\
            <div id=side><p>Archive</p><p>Tags</p></div>";
        let marked = mark(&Document::from(page));
        // Too short to be taken over what the extractor found.
        assert_eq!(fallback(&marked), None);
        let text = node_text(&Document::fragment(last_resort(&marked, 0).unwrap()).root());
        assert_eq!(text, "The whole story is this one paragraph, which says all there is to say.");
        // Over a label of two words too, but not over half its own length.
        assert!(last_resort(&marked, 2).is_some());
        assert_eq!(last_resort(&marked, 7), None);
        assert_eq!(last_resort(&mark(&Document::from("<p>Archive</p>")), 0), None);
    }

    #[test]
    fn a_sentence_closed_by_any_quotation_mark_is_prose() {
        let prose = |p: &str| is_prose(&Document::from(p).select("p").nodes()[0]);
        assert!(prose(
            "<p>„Ich weiß, ich bin müde und sollte das nicht sagen.“ – „Dann sag es nicht.“</p>"
        ));
        assert!(prose(
            "<p>Il a dit : « Nous reviendrons demain matin, avec les autres, sans faute. »</p>"
        ));
        assert!(prose(
            "<p>彼は言った。「明日の朝 また 来ます と 皆に 伝えて ください ね 本当に よろしく。」</p>"
        ));
        // Without a stop inside the quotes, it is no sentence.
        assert!(!prose("<p>„Ich weiß, ich bin müde und sollte das nicht sagen, sagte er“</p>"));
    }

    #[test]
    fn a_lead_above_a_figure_comes_back_in_place() {
        let page = "<article><p>The lead paragraph says what happened, to whom, and where it was.</p>\
            <figure><p>A caption that runs on for many words about a photograph here.</p></figure>\
            <div id=kept><p>The second paragraph goes on with the story in some detail here.</p>\
            <p>The third paragraph closes the story with a quote from a witness.</p></div></article>\
            <p>Another article entirely, in a teaser below, with many words of its own.</p>";
        assert_eq!(
            run(page, "#kept"),
            "The lead paragraph says what happened, to whom, and where it was.\n\n\
             The second paragraph goes on with the story in some detail here.\n\n\
             The third paragraph closes the story with a quote from a witness."
        );
    }

    #[test]
    fn a_paragraph_printed_twice_comes_back_once() {
        let lead = "<p>The lead paragraph says what happened, to whom, and where it was.</p>";
        let page = format!(
            "<article>{lead}<figure>x</figure>{lead}<div id=kept><p>The second paragraph goes on with the story in some detail here.</p>\
             <p>The third paragraph goes on with the story in more detail here.</p></div></article>"
        );
        let text = run(&page, "#kept");
        assert_eq!(text.matches("The lead paragraph").count(), 1, "{text}");
        assert!(text.starts_with("The lead paragraph"), "{text}");
    }

    #[test]
    fn furniture_links_and_other_articles_stay_out() {
        let page = "<article><div class=share-bar><p>Share this story with your friends and family on every network today.</p></div>\
            <p><a href=a>A headline linking to a different story with many words in it.</a></p>\
            <p>Short line</p>\
            <article><p>A related story card inside the article with words enough to count.</p></article>\
            <div id=kept><p>The story itself starts here and goes on for a good while longer.</p></div></article>";
        assert_eq!(
            run(page, "#kept"),
            "The story itself starts here and goes on for a good while longer."
        );
    }

    #[test]
    fn a_block_beside_the_article_gives_way_to_the_articles_prose() {
        let para = |n: usize| {
            format!("<p>Paragraph {n} of the story, which goes on with its account of events.</p>")
        };
        let page = format!(
            "<div id=kept><table><tr><td>Name one, some address</td></tr></table></div>\
             <article>{}{}<aside><p>An aside that runs for some words about other things.</p></aside>{}</article>",
            para(1),
            para(2),
            para(3)
        );
        let text = run(&page, "#kept");
        assert!(text.starts_with("Paragraph 1 of the story"), "{text}");
        assert!(
            text.ends_with("Paragraph 3 of the story, which goes on with its account of events."),
            "{text}"
        );
        assert!(!text.contains("aside") && !text.contains("Name one"), "{text}");
        // With only two paragraphs, the extractor's choice stands.
        let page = format!(
            "<div id=kept><p>One line kept.</p></div><article>{}{}</article>",
            para(1),
            para(2)
        );
        assert_eq!(run(&page, "#kept"), "One line kept.");
    }

    #[test]
    fn the_densest_prose_wins_over_a_small_block_beside_it() {
        // Page builders set each paragraph in a wrapper of its own: the
        // words add up in the wrapper of the wrappers.
        let para = |n: usize| {
            format!(
                "<div class=w><p>Paragraph {n} of the story, which goes on with its account of events.</p></div>"
            )
        };
        let page = format!(
            "<div id=kept><p>We use cookies on this site.</p></div><div>{}{}{}</div>",
            para(1),
            para(2),
            para(3)
        );
        let text = run(&page, "#kept");
        assert!(text.starts_with("Paragraph 1 of the story"), "{text}");
        assert!(
            text.ends_with("Paragraph 3 of the story, which goes on with its account of events.")
        );
        assert!(!text.contains("cookies"), "{text}");
        // When the extractor found nothing, the densest prose is the article.
        let doc = Document::from(page.as_str());
        let found = fallback(&mark(&doc)).unwrap();
        assert!(node_text(&Document::fragment(found).root()).starts_with("Paragraph 1"));
        // A story already extracted stands, though it is not the longest.
        let page = format!(
            "<div id=kept><p>{}</p><p>The story itself, told in a paragraph long enough to count.</p></div><div>{}{}{}</div>",
            "A long first paragraph of the chosen story, with many words. ".repeat(5),
            para(1),
            para(2),
            para(3)
        );
        assert!(run(&page, "#kept").starts_with("A long first paragraph"));
    }

    #[test]
    fn without_an_article_element_the_main_element_bounds_the_story() {
        let page = "<main><p>A lead paragraph above the chosen block, with enough words to be prose.</p>\
            <div id=kept><p>The chosen block of the page, with enough words to be prose too.</p></div></main>\
            <div><p>A footer paragraph outside the main element, with words enough to count.</p></div>";
        assert_eq!(
            run(page, "#kept"),
            "A lead paragraph above the chosen block, with enough words to be prose.\n\n\
             The chosen block of the page, with enough words to be prose too."
        );
    }

    #[test]
    fn without_an_article_element_prose_before_the_extracted_comes_back() {
        let page = "<div><p>A paragraph above the chosen block, with enough words to be prose.</p>\
            <div id=kept><p>The chosen block of the page, with enough words to be prose too.</p></div>\
            <p>A paragraph below the chosen block, with enough words to be prose too.</p></div>";
        // Below the last paragraph extracted, page furniture is likelier.
        assert_eq!(
            run(page, "#kept"),
            "A paragraph above the chosen block, with enough words to be prose.\n\n\
             The chosen block of the page, with enough words to be prose too."
        );
    }
}
