//! HTML → plain text in the shape the text loader reads: each block (a
//! paragraph, heading, quote or list item) its own paragraph, blank-line
//! separated; `<br>` a line break; whitespace inside a block collapsed.
//! Elements that never hold the article's prose (scripts, forms, media,
//! figures and their captions, asides) and hidden elements are dropped, and
//! so is a line that is only links ("Read more: <a>…</a>", a menu).

use dom_query::{Document, NodeRef};

use super::meta::one_line;

/// The text of an HTML fragment (a feed entry's content, an extracted article).
pub fn fragment_text(html: &str) -> String {
    document_text(&Document::fragment(html))
}

/// The text of a parsed document or fragment.
pub fn document_text(doc: &Document) -> String {
    join_drop_caps(node_text(&doc.root()))
}

/// A drop cap set in its own element comes out as a paragraph of one
/// letter ("T") before the rest of its word ("urkey, Poland and…"): the
/// two are one paragraph, the letter glued back on.
fn join_drop_caps(text: String) -> String {
    let is_cap = |p: &str| {
        let mut c = p.chars();
        matches!((c.next(), c.next()), (Some(l), None) if l.is_uppercase())
    };
    if !text.split("\n\n").any(is_cap) {
        return text;
    }
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let mut out: Vec<String> = Vec::with_capacity(paragraphs.len());
    let mut i = 0;
    while i < paragraphs.len() {
        let p = paragraphs[i];
        let next = paragraphs.get(i + 1);
        if is_cap(p) && next.and_then(|n| n.chars().next()).is_some_and(char::is_lowercase) {
            out.push(format!("{p}{}", next.map_or("", |n| n)));
            i += 2;
        } else {
            out.push(p.to_string());
            i += 1;
        }
    }
    out.join("\n\n")
}

/// A string that may hold character references or stray tags (JSON-LD
/// values, feed titles) as plain text on one line.
pub fn unescape(s: &str) -> String {
    if s.contains(['&', '<']) { one_line(&fragment_text(s)) } else { one_line(s) }
}

/// The text under `root`. The walk keeps its own stack, so deeply nested
/// markup cannot overflow the thread's stack.
pub fn node_text(root: &NodeRef) -> String {
    enum Step<'a> {
        Enter(NodeRef<'a>),
        Leave(Kind),
    }
    let mut out = Builder::default();
    let mut stack: Vec<Step> = root.children_it(true).map(Step::Enter).collect();
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave(kind) => {
                out.leave(kind);
                continue;
            }
            Step::Enter(node) => node,
        };
        if node.is_text() {
            out.inline(&node.text());
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        let kind = kind_of(&name);
        if kind == Kind::Skip || is_hidden(&node) {
            continue;
        }
        out.enter(kind);
        stack.push(Step::Leave(kind));
        if kind == Kind::Pre {
            out.preformatted(&node.text());
            continue;
        }
        stack.extend(node.children_it(true).map(Step::Enter));
    }
    out.finish()
}

/// How an element shapes the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Dropped with everything inside it.
    Skip,
    /// Starts and ends a paragraph.
    Block,
    /// A paragraph that heads what follows: dropped if nothing follows.
    /// Its level: 1 for `h1`.
    Heading(u8),
    /// A list item: its own paragraph, marked with a bullet.
    Item,
    /// Starts and ends a line (table rows).
    Line,
    /// A line break.
    Break,
    /// A table cell: separated from the next by a space.
    Cell,
    /// Text kept with its line breaks.
    Pre,
    /// A link: its words count against the line it is on.
    Link,
    /// Anything else: its text runs on.
    Inline,
}

fn kind_of(name: &str) -> Kind {
    match name {
        "script" | "style" | "noscript" | "template" | "head" | "title" | "meta" | "link"
        | "svg" | "math" | "canvas" | "iframe" | "object" | "embed" | "img" | "picture"
        | "video" | "audio" | "source" | "track" | "map" | "figure" | "figcaption" | "aside"
        | "nav" | "form" | "button" | "input" | "select" | "option" | "textarea" | "label"
        | "dialog" => Kind::Skip,
        "p" | "div" | "section" | "article" | "main" | "header" | "footer" | "blockquote"
        | "ul" | "ol" | "dl" | "dt" | "dd" | "table" | "address" | "details" | "summary" | "hr"
        | "center" => Kind::Block,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading(name.as_bytes()[1] - b'0'),
        "li" => Kind::Item,
        "tr" | "caption" => Kind::Line,
        "br" => Kind::Break,
        "td" | "th" => Kind::Cell,
        "pre" => Kind::Pre,
        "a" => Kind::Link,
        _ => Kind::Inline,
    }
}

/// Hidden by an attribute or an inline style: not shown to readers.
fn is_hidden(node: &NodeRef) -> bool {
    node.has_attr("hidden")
        || node.attr("aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || node.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            let s = s.to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// The text being written, whether a space or a bullet is owed before the
/// next word, and what the line being written is made of.
#[derive(Default)]
struct Builder {
    out: String,
    space: bool,
    bullet: bool,
    /// How many links the walk is inside.
    in_link: usize,
    /// How many headings the walk is inside, and where the last heading
    /// starts while no text has followed it.
    in_heading: usize,
    open_heading: Option<(usize, u8)>,
    /// Byte offset where the current line starts, and its word counts.
    line_start: usize,
    words: usize,
    link_words: usize,
}

impl Builder {
    fn enter(&mut self, kind: Kind) {
        match kind {
            Kind::Block | Kind::Pre => self.paragraph(),
            Kind::Heading(level) => {
                self.paragraph();
                // Two headings in a row: the first headed nothing, unless
                // the second is of a lower level (a section's first
                // subsection).
                if let Some((at, open)) = self.open_heading.take()
                    && level <= open
                {
                    self.out.truncate(at);
                    self.new_line();
                }
                self.open_heading = Some((self.out.len(), level));
                self.in_heading += 1;
            }
            Kind::Item => {
                self.paragraph();
                self.bullet = true;
            }
            Kind::Line | Kind::Break => self.line(),
            Kind::Link => self.in_link += 1,
            Kind::Cell | Kind::Inline | Kind::Skip => {}
        }
    }

    fn leave(&mut self, kind: Kind) {
        match kind {
            Kind::Block | Kind::Item | Kind::Pre => {
                self.paragraph();
                self.bullet = false;
            }
            Kind::Heading(_) => {
                self.paragraph();
                self.in_heading = self.in_heading.saturating_sub(1);
            }
            Kind::Line => self.line(),
            Kind::Cell => self.space = true,
            Kind::Link => self.in_link = self.in_link.saturating_sub(1),
            Kind::Break | Kind::Inline | Kind::Skip => {}
        }
    }

    /// Running text: whitespace collapsed, a space kept where the source
    /// had one between words.
    fn inline(&mut self, text: &str) {
        let mut words = text.split_whitespace().peekable();
        if words.peek().is_none() {
            self.space |= !text.is_empty();
            return;
        }
        if self.bullet {
            self.out.push_str("• ");
            self.bullet = false;
        } else if (self.space || text.starts_with(char::is_whitespace)) && !self.at_line_start() {
            self.out.push(' ');
        }
        for (i, word) in words.enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            self.out.push_str(word);
            // Separators ("|", "·") are not words of a label.
            if word.chars().any(char::is_alphanumeric) {
                self.words += 1;
                self.link_words += usize::from(self.in_link > 0);
            }
        }
        self.space = text.ends_with(char::is_whitespace);
    }

    fn preformatted(&mut self, text: &str) {
        for line in text.lines() {
            self.out.push_str(line.trim_end());
            self.out.push('\n');
        }
        self.space = false;
        self.open_heading = None;
        self.new_line();
    }

    /// Close the current line: dropped if it is links with at most a short
    /// label ("Read more:", "Top stories"). The links must
    /// outweigh the label, so "<a>Ann Lee</a> reported." stays.
    fn end_line(&mut self) {
        const LABEL_WORDS: usize = 3;
        let label = self.words - self.link_words;
        if self.link_words > 0 && label <= LABEL_WORDS && self.link_words > 2 * label {
            self.out.truncate(self.line_start);
        } else if self.words > 0 && self.in_heading == 0 {
            self.open_heading = None;
        }
        self.trim_end();
    }

    fn new_line(&mut self) {
        self.line_start = self.out.len();
        self.words = 0;
        self.link_words = 0;
    }

    fn at_line_start(&self) -> bool {
        self.out.is_empty() || self.out.ends_with('\n')
    }

    fn trim_end(&mut self) {
        let len = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(len);
        self.space = false;
    }

    fn line(&mut self) {
        self.end_line();
        if !self.at_line_start() {
            self.out.push('\n');
        }
        self.new_line();
    }

    fn paragraph(&mut self) {
        self.end_line();
        if !(self.out.is_empty() || self.out.ends_with("\n\n")) {
            self.out.push_str(if self.out.ends_with('\n') { "\n" } else { "\n\n" });
        }
        self.new_line();
    }

    fn finish(mut self) -> String {
        self.end_line();
        if let Some((at, _)) = self.open_heading {
            self.out.truncate(at);
        }
        self.out.trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drop_caps_are_glued_back_on() {
        let html = r#"<p><span class="dropcap">T</span></p><p>urkey, Poland and Hungary voted.</p><p>A</p><p>B is next.</p>"#;
        assert_eq!(fragment_text(html), "Turkey, Poland and Hungary voted.\n\nA\n\nB is next.");
        let html = r#"<div><span class="drop-cap">T</span>urkey voted.</div>"#;
        assert_eq!(fragment_text(html), "Turkey voted.");
    }

    #[test]
    fn blocks_become_paragraphs_and_inline_text_runs_on() {
        let t = fragment_text(
            "<h2>Head</h2><p>One <b>bold</b>\n  word.</p><div>Two<br>lines</div><p> </p><p>Three</p>",
        );
        assert_eq!(t, "Head\n\nOne bold word.\n\nTwo\nlines\n\nThree");
    }

    #[test]
    fn list_items_get_bullets_even_around_nested_blocks() {
        let t = fragment_text("<p>Intro:</p><ul><li>First</li><li><p>Second</p></li></ul>");
        assert_eq!(t, "Intro:\n\n• First\n\n• Second");
    }

    #[test]
    fn scripts_media_forms_and_hidden_text_go() {
        let t = fragment_text(
            "<p>Kept.</p><script>var x=1;</script><figure><img src=a><figcaption>Cap</figcaption></figure>\
             <form><button>Subscribe</button></form><p hidden>Gone</p>\
             <p style=\"display: none\">Gone</p><span aria-hidden=\"true\">Gone</span><p>Also kept.</p>",
        );
        assert_eq!(t, "Kept.\n\nAlso kept.");
    }

    #[test]
    fn lines_that_are_only_links_go() {
        let t = fragment_text(
            "<p>Kept, with <a href=a>a link</a> inside.</p><p><a href=e>Ann Lee</a> reported.</p>\
             <p><b>Read more:</b> <a href=b>Another story entirely about something</a></p>\
             <ul><li><a href=c>Related headline</a></li></ul><h3><a href=d>Promo</a></h3>\
             <div><a href=e>World</a><br><a href=f>Business</a> | <a href=g>Markets</a><br>End.</div>",
        );
        assert_eq!(t, "Kept, with a link inside.\n\nAnn Lee reported.\n\nEnd.");
    }

    #[test]
    fn headings_that_head_nothing_go() {
        let t = fragment_text(
            "<h2>Kept</h2><p>Text.</p><h3>Empty</h3><h2>Also kept</h2><p>More.</p>\
             <h2>Section</h2><h3>Subsection</h3><p>Its text.</p>\
             <h2>Related</h2><ul><li><a href=a>Link only</a></li></ul>",
        );
        assert_eq!(t, "Kept\n\nText.\n\nAlso kept\n\nMore.\n\nSection\n\nSubsection\n\nIts text.");
    }

    #[test]
    fn entities_and_non_breaking_spaces_are_text() {
        assert_eq!(fragment_text("<p>Tom&nbsp;&amp;&nbsp;Jerry&rsquo;s</p>"), "Tom & Jerry’s");
    }

    #[test]
    fn table_rows_are_lines_and_cells_are_spaced() {
        let t = fragment_text("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>");
        assert_eq!(t, "a b\nc");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(10_000) + "deep" + &"</div>".repeat(10_000);
        assert_eq!(fragment_text(&html), "deep");
    }
}
