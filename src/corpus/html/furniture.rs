//! Blocks named as page furniture by their class or id: captions, author
//! boxes, footers, related-story and newsletter boxes, tag lists, meta and
//! date lines. The names are the page's markup, written in English whatever
//! the language of the text, so the rule holds for pages in any language.
//!
//! They are marked before the extractor runs (it drops classes) and taken
//! out of its result afterwards. A marked block holding half the extracted
//! text or more stays: that is a wrapper whose name says what the page
//! carries beside the story (`has-sidebar`, a post tagged `tag-politics`),
//! not the furniture itself.

use dom_query::{Document, NodeRef};

/// The attribute that marks a block as furniture (the extractor keeps it).
pub const MARK: &str = "data-dateline-f";

/// Parts of class or id names (split at `-` and `_`) that name furniture,
/// matched at the start of a part: `caption` matches `wp-caption-text`.
const STEMS: &[&str] = &[
    "share",
    "social",
    "related",
    "newsletter",
    "promo",
    "subscri",
    "signup",
    "author",
    "byline",
    "caption",
    "credit",
    "breadcrumb",
    "footer",
    "sidebar",
    "advert",
    "banner",
    "popup",
    "modal",
    "cookie",
    "consent",
    "utility",
    "toolbar",
    "menu",
    "pagination",
    "pager",
    "rating",
    "recommend",
    "trending",
    "popular",
    "citation",
    "alert",
    "keyword",
    "noprint",
    // Legal and cookie notices, photo legends (French `légende`), embedded
    // posts and players.
    "notice",
    "privacy",
    "disclaimer",
    "legend",
    "embed",
];

/// Parts that name furniture only as a whole part: `meta` but not
/// `metabolism`, `tag` but not `tagline`, `date` but not `update`.
const WORDS: &[&str] = &[
    "meta",
    "date",
    "dateline",
    "published",
    "posted",
    "time",
    "cta",
    "tag",
    "tags",
    "nav",
    "terms",
];

/// Mark the page's furniture blocks. The extractor rebuilds some blocks
/// (a `<div>` holding one paragraph becomes that paragraph, and loses its
/// class and this mark with it), so every element inside a block carries
/// its number too, and so does the block's own loose text, wrapped for
/// the purpose. A block inside another is its own: it is marked after it.
pub fn mark(doc: &Document) {
    let mut n = 0usize;
    for node in doc.select("[class], [id]").nodes() {
        if in_running_text(node) || !names_furniture(node) {
            continue;
        }
        n += 1;
        let id = n.to_string();
        let loose: Vec<NodeRef> = node
            .children_it(false)
            .filter(|c| c.is_text() && !c.text().trim().is_empty())
            .collect();
        for text in loose {
            let span = doc.tree.new_element("span");
            text.insert_before(&span);
            span.append_child(&text);
        }
        node.set_attr(MARK, &id);
        for inner in node.descendants().iter().filter(|d| d.is_element()) {
            inner.set_attr(MARK, &id);
        }
    }
}

/// Take the marked blocks out of the extracted article in `content`, each
/// unless it holds half its words or more, and never more than half the
/// words in all: blocks each short of half could otherwise add up to the
/// whole article.
pub fn drop_marked(content: &Document) {
    let total = words(&content.root());
    // Each block's outermost elements left in the article, and their words.
    let mut blocks: Vec<(String, Vec<NodeRef>, usize)> = Vec::new();
    for node in content.select(&format!("[{MARK}]")).nodes() {
        let Some(id) = node.attr(MARK) else { continue };
        if node.parent().is_some_and(|p| p.attr(MARK).is_some_and(|v| v == id)) {
            continue;
        }
        let w = words(node);
        match blocks.iter_mut().find(|(b, ..)| *b == *id) {
            Some(b) => {
                b.1.push(*node);
                b.2 += w;
            }
            None => blocks.push((id.to_string(), vec![*node], w)),
        }
    }
    let mut dropped = 0;
    for (_, nodes, w) in blocks {
        if 2 * (dropped + w) < total {
            dropped += w;
            nodes.iter().for_each(NodeRef::remove_from_parent);
        }
    }
}

/// An inline element among words of its parent's own: a link to a place
/// page named `meta-loc` is a word of its sentence, not furniture. Alone
/// in its block (a `<span class="date">` line), it may be.
fn in_running_text(node: &NodeRef) -> bool {
    const INLINE: &[&str] = &[
        "a", "abbr", "b", "bdi", "cite", "code", "em", "font", "i", "kbd", "mark", "q", "s",
        "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    ];
    let inline =
        node.node_name().is_some_and(|n| INLINE.contains(&n.to_ascii_lowercase().as_str()));
    inline
        && node.parent().is_some_and(|p| {
            p.children_it(false).any(|c| c.is_text() && !c.text().trim().is_empty())
        })
}

/// Whether an element (`name` lower-cased) is by its tag never the story
/// (navigation, asides, figures, forms, footers, quotes) or is hidden.
pub fn aside_element(node: &NodeRef, name: &str) -> bool {
    matches!(name, "nav" | "aside" | "figure" | "figcaption" | "form" | "footer" | "blockquote")
        || node.has_attr("hidden")
}

/// Whether an element's class or id names furniture.
pub fn names_furniture(node: &NodeRef) -> bool {
    names(node, &[])
}

/// Whether an element's class or id names furniture, or starts a part
/// with one of `more`: what a caller counts as not the story besides.
pub fn names(node: &NodeRef, more: &[&str]) -> bool {
    ["class", "id"].iter().any(|a| {
        node.attr(a).is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.split_whitespace().flat_map(|c| c.split(['-', '_'])).any(|part| {
                !part.is_empty()
                    && (STEMS.iter().chain(more).any(|s| part.starts_with(s))
                        || WORDS.contains(&part))
            })
        })
    })
}

fn words(node: &NodeRef) -> usize {
    node.text().split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(class: &str) -> bool {
        let doc = Document::from(format!("<div class='{class}'>x</div>"));
        let node = doc.select("div").nodes()[0];
        names_furniture(&node)
    }

    #[test]
    fn names_are_matched_by_their_parts() {
        for class in [
            "wp-caption-text",
            "c-sheet__tags",
            "vce-related-box",
            "entry-meta",
            "post date",
            "cookie-notice",
            "photo-legende",
            "twitter-embed",
            "privacy-policy",
            "terms",
        ] {
            assert!(names(class), "{class}");
        }
        for class in
            ["metabolism", "tagline", "last-update", "entry-content", "article-body", "termsheet"]
        {
            assert!(!names(class), "{class}");
        }
    }

    #[test]
    fn marked_blocks_go_unless_they_hold_half_the_text() {
        let story = "The council voted on Tuesday to close the old bridge. ".repeat(5);
        let page = format!(
            "<div class='has-sidebar'><p>{story}</p>\
             <div class='author-box'><p>Ann Lee writes about towns.</p></div>\
             <p class='wp-caption-text'>The bridge <span class='credit'>Photo: Bo</span></p></div>"
        );
        let doc = Document::from(page.as_str());
        mark(&doc);
        let content = Document::fragment(doc.select("body").html().to_string());
        drop_marked(&content);
        let text = content.root().text();
        assert!(text.contains("The council voted"), "{text}");
        assert!(!text.contains("Ann Lee") && !text.contains("The bridge"), "{text}");
    }
}
