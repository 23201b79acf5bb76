//! The standfirst: the sentence or two set between a story's headline and
//! its first paragraph, often in the article's header, a deck (`<h2>`
//! under the `<h1>`) or a block named `lead` or `intro`. Readability
//! scores the body's paragraphs and leaves the header out, so the lead is
//! lost. Whatever stands between the headline and the first extracted
//! paragraph, in document order, lies inside the element holding both;
//! a block there that reads as a sentence or two, and is not page
//! furniture, is put back at the top.

use dom_query::{Document, NodeRef};

use super::furniture;

/// The attribute that numbers the paragraphs ([`super::recover`] sets it).
const PARA: &str = super::recover::MARK;

/// A block that could be a lead, as it stood before extraction.
struct Block {
    html: String,
    /// Its words, single-spaced.
    text: String,
    /// Its place among the page's elements, in document order.
    order: usize,
    /// The place of the innermost block holding it (or itself) that is
    /// never the lead (a figure, an aside, furniture), or 0.
    out: usize,
}

/// What the page holds around its headline: headlines, paragraphs and
/// candidate leads, each with its place in document order.
pub struct Leads {
    /// `<h1>`s, and `<h2>`s and `<h3>`s, with their places and words.
    headlines: Vec<(usize, bool, String)>,
    /// Each numbered paragraph's place, by its number.
    paras: Vec<usize>,
    blocks: Vec<Block>,
}

/// Fewest words a lead has: fewer is a label, a date or a byline.
const MIN_WORDS: usize = 8;
/// Most words one lead block has: more is the story itself, or a teaser.
const MAX_WORDS: usize = 120;
/// Most blocks between headline and story: more means the headline is the
/// site's, far above the story, with the page's furniture in between.
const MAX_BLOCKS: usize = 3;

/// Note the page's headlines and the blocks that could be its lead. Runs
/// after paragraphs are numbered and furniture is marked.
pub fn mark(doc: &Document) -> Leads {
    let mut leads = Leads { headlines: Vec::new(), paras: Vec::new(), blocks: Vec::new() };
    let mut order = 0;
    // (node, the place of the innermost block above it that is never the
    // lead, or 0)
    let mut stack = vec![(doc.root(), 0)];
    while let Some((node, out)) = stack.pop() {
        order += 1;
        let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        if matches!(name.as_str(), "script" | "style" | "noscript" | "template") {
            continue;
        }
        let never = furniture::aside_element(&node, &name) || furniture::names_furniture(&node);
        let out = if never { order } else { out };
        if matches!(name.as_str(), "h1" | "h2" | "h3") {
            leads.headlines.push((order, name == "h1", single_spaced(&node.text())));
        }
        if let Some(i) = node.attr(PARA).and_then(|v| v.parse::<usize>().ok()) {
            if leads.paras.len() <= i {
                leads.paras.resize(i + 1, usize::MAX);
            }
            leads.paras[i] = order;
        }
        if is_block(&name) && !has_block_inside(&node) {
            let text = node.text();
            let t = single_spaced(&text);
            let n = t.split_whitespace().count();
            let linked: usize = node.find(&["a"]).iter().map(|a| a.text().trim().len()).sum();
            if (MIN_WORDS..=MAX_WORDS).contains(&n) && linked * 4 < t.len() && !is_dateline(&node) {
                leads.blocks.push(Block { html: node.html().to_string(), text: t, order, out });
                // Its inline parts are not leads of their own.
                continue;
            }
        }
        let kids: Vec<NodeRef> = node.children_it(true).filter(|c| c.is_element()).collect();
        stack.extend(kids.into_iter().map(|k| (k, out)));
    }
    leads
}

/// Put the lead back in `content` (the extracted article), before its first
/// paragraph, when the page's last headline above that paragraph is
/// followed by at most a few candidate blocks before it. A block that is
/// one of the page's `titles` (a second headline) is not the lead.
pub fn restore(content: &Document, leads: &Leads, titles: &[&str]) {
    let first = content
        .select(&format!("p[{PARA}]"))
        .nodes()
        .iter()
        .filter_map(|n| Some((n.attr(PARA)?.parse::<usize>().ok()?, *n)))
        .min_by_key(|(i, _)| *i);
    let Some((i, node)) = first else { return };
    let Some(&at) = leads.paras.get(i) else { return };
    let titles: Vec<String> = titles.iter().map(|t| single_spaced(t)).collect();
    // The heading that is the page's title, else the last `<h1>`: a page
    // may set its site's name in the `<h1>` and the story's in an `<h2>`.
    let above = || leads.headlines.iter().rev().filter(|(o, ..)| *o < at);
    let titled =
        above().find(|(_, _, text)| !text.is_empty() && titles.iter().any(|t| is_title(t, text)));
    let Some(&(headline, ..)) = titled.or_else(|| above().find(|(_, h1, _)| *h1)) else {
        return;
    };
    let between: Vec<&Block> =
        leads.blocks.iter().filter(|b| b.order > headline && b.order < at).collect();
    // A block never the lead that starts before the headline holds it too:
    // a wrapper named for what stands beside the story (`has-sidebar`).
    let between: Vec<&Block> = between.into_iter().filter(|b| b.out < headline).collect();
    if between.is_empty() || between.len() > MAX_BLOCKS {
        return;
    }
    let there = single_spaced(&content.root().text());
    for b in between {
        if !there.contains(&b.text) && !titles.iter().any(|t| is_title(t, &b.text)) {
            node.before_html(b.html.as_str());
        }
    }
}

/// A line naming when and by whom, in any language: it holds a `<time>`,
/// or a part marked as the author, publisher or a date.
fn is_dateline(node: &NodeRef) -> bool {
    !node.find(&["time"]).is_empty()
        || node.descendants_it().chain([*node]).any(|d| {
            d.attr("itemprop").is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                ["author", "publisher", "date", "creator"].iter().any(|k| v.contains(k))
            })
        })
}

/// Whether a block is the page's title again, perhaps with the site's name
/// cut off or a word less.
fn is_title(title: &str, block: &str) -> bool {
    title.contains(block) && block.len() * 5 >= title.len() * 4
}

fn single_spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_block(name: &str) -> bool {
    matches!(name, "p" | "h2" | "h3" | "h4" | "h5" | "h6" | "div" | "span" | "strong")
}

/// Whether a block holds another, so that only the innermost is a candidate.
fn has_block_inside(node: &NodeRef) -> bool {
    node.descendants_it().any(|d| {
        d.node_name().is_some_and(|n| {
            matches!(
                n.to_ascii_lowercase().as_str(),
                "p" | "div"
                    | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "ul"
                    | "ol"
                    | "table"
                    | "section"
                    | "article"
                    | "header"
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::html_text::node_text;

    /// The lead rule alone, with the block `kept` standing in for the
    /// extractor's choice.
    fn run(page: &str, kept: &str) -> String {
        run_titled(page, kept, &[])
    }

    fn run_titled(page: &str, kept: &str, titles: &[&str]) -> String {
        let doc = Document::from(page);
        furniture::mark(&doc);
        super::super::recover::mark(&doc);
        let leads = mark(&doc);
        let content = Document::fragment(doc.select(kept).html().to_string());
        restore(&content, &leads, titles);
        node_text(&content.root())
    }

    const BODY: &str = "<div id=kept><p>The first paragraph of the story tells what happened at the mill.</p>\
        <p>The second paragraph goes on with what the workers said about it.</p></div>";

    #[test]
    fn the_lead_under_the_headline_comes_back_first() {
        let page = format!(
            "<article><header><h1>Mill to close</h1>\
             <p class=intro>Two hundred jobs go when the old mill shuts its doors next spring.</p>\
             <p>By Ann Lee, <time>3 May 2021, 10:00</time> in the valley for the paper</p>\
             <div class=byline>Ann Lee reports on towns and their trades for us</div></header>\
             {BODY}</article>"
        );
        let text = run(&page, "#kept");
        assert!(
            text.starts_with(
                "Two hundred jobs go when the old mill shuts its doors next spring.\n\n\
                              The first paragraph"
            ),
            "{text}"
        );
        // A dated line and a byline block are not the lead.
        assert!(!text.contains("By Ann Lee") && !text.contains("reports on towns"), "{text}");
    }

    #[test]
    fn a_deck_heading_comes_back_and_labels_do_not() {
        let page = format!(
            "<main><h1>Mill to close</h1><h2>The owners blame the price of power and a lack of orders</h2>\
             <span>Share this</span>{BODY}</main>"
        );
        let text = run(&page, "#kept");
        assert!(text.starts_with("The owners blame the price"), "{text}");
        assert!(!text.contains("Share"), "{text}");
    }

    #[test]
    fn a_site_headline_far_above_the_story_brings_nothing_back() {
        let teaser = |n: usize| {
            format!(
                "<div><p>Teaser {n} for another story on the site, with a few words more.</p></div>"
            )
        };
        let page = format!(
            "<h1>The Valley Paper</h1>{}{}{}{}<article>{BODY}</article>",
            teaser(1),
            teaser(2),
            teaser(3),
            teaser(4)
        );
        let text = run(&page, "#kept");
        assert!(text.starts_with("The first paragraph"), "{text}");
        // Without a headline above the story, nothing comes back either.
        let page = format!(
            "<div><p>A line set above the story with words enough to count.</p></div>{BODY}"
        );
        assert!(run(&page, "#kept").starts_with("The first paragraph"));
    }

    #[test]
    fn a_wrapper_named_for_the_sidebar_does_not_hide_the_lead() {
        let page = format!(
            "<div class=has-sidebar><h1>Valley Paper</h1><header>\
             <h2>Mill to close after ninety years in the valley</h2>\
             <div class=lead><p>Two hundred jobs go when the old mill shuts its doors next spring.</p></div>\
             </header>{BODY}</div>"
        );
        let text = run_titled(&page, "#kept", &["Mill to close after ninety years in the valley"]);
        assert!(text.starts_with("Two hundred jobs go"), "{text}");
        // The headline itself, set again as a heading, is the title, not the lead.
        assert!(!text.contains("ninety years"), "{text}");
    }

    #[test]
    fn the_heading_that_is_the_title_is_the_headline() {
        let teaser =
            |n: usize| format!("<p>Teaser {n} for another story on the site, with words.</p>");
        let page = format!(
            "<h1>Valley Paper</h1>{}{}{}{}<h2>Mill to close after ninety years</h2>\
             <p>Two hundred jobs go when the old mill shuts its doors next spring.</p>{BODY}",
            teaser(1),
            teaser(2),
            teaser(3),
            teaser(4)
        );
        let titled = run_titled(&page, "#kept", &["Mill to close after ninety years"]);
        assert!(titled.starts_with("Two hundred jobs go"), "{titled}");
        assert!(!titled.contains("Teaser"), "{titled}");
        // Without it, the site's `<h1>` is too far above for a lead.
        assert!(run(&page, "#kept").starts_with("The first paragraph"));
    }
}
