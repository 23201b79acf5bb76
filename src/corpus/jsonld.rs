//! JSON-LD blocks (`<script type="application/ld+json">`): the news article a
//! page describes, with its publisher and authors resolved through `@id`
//! references the way publishing tools write them into a `@graph`.

use serde_json::Value;

use super::html_text::unescape;

/// What the page's JSON-LD says about its article; `None` where it is silent.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LdArticle {
    pub headline: Option<String>,
    /// `datePublished`.
    pub date: Option<String>,
    /// `dateCreated`: when the page was made, a weaker sign of the
    /// publication date than the page's own published-time tags.
    pub created: Option<String>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
}

/// The first news article (else any article or blog post) described by
/// `blocks`, the texts of the page's JSON-LD scripts. Blocks that are not
/// valid JSON are passed over: they are the page's, not the reader's, fault.
pub fn article<'a>(blocks: impl IntoIterator<Item = &'a str>) -> Option<LdArticle> {
    let values: Vec<Value> = blocks.into_iter().filter_map(parse_block).collect();
    let mut nodes = Vec::new();
    for v in &values {
        collect(v, &mut nodes, 0);
    }
    let found = nodes
        .iter()
        .find(|n| types(n).any(|t| t.ends_with("NewsArticle")))
        .or_else(|| nodes.iter().find(|n| types(n).any(is_article_type)))?;
    let names = |key: &str| names(found.get(key), &nodes);
    let text = |key: &str| found.get(key).and_then(Value::as_str).map(unescape);
    let url = text("url").or_else(|| match found.get("mainEntityOfPage") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(o @ Value::Object(_)) => o.get("@id").and_then(Value::as_str).map(str::to_string),
        _ => None,
    });
    Some(LdArticle {
        headline: text("headline").or_else(|| text("name")),
        date: text("datePublished"),
        created: text("dateCreated"),
        publisher: names("publisher").into_iter().next(),
        author: Some(names("author").join(", ")).filter(|s| !s.is_empty()),
        url: url.filter(|u| u.starts_with("http://") || u.starts_with("https://")),
    })
}

/// A script's text as JSON, tolerating what pages wrap it in (HTML comments,
/// CDATA markers) and raw line breaks inside strings.
fn parse_block(text: &str) -> Option<Value> {
    let mut t = text.trim();
    for (open, close) in [("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")] {
        if let Some(inner) = t.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            t = inner.trim();
        }
    }
    let t = t.trim_end_matches(';');
    serde_json::from_str(t).ok().or_else(|| {
        let flat: String =
            t.chars().map(|c| if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c }).collect();
        serde_json::from_str(&flat).ok()
    })
}

/// Every object at the top of a block, in arrays, in `@graph` or as a page's
/// `mainEntity`. Depth is bounded: these are shallow by design.
fn collect<'a>(v: &'a Value, nodes: &mut Vec<&'a Value>, depth: usize) {
    const MAX_DEPTH: usize = 4;
    if depth > MAX_DEPTH {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect(i, nodes, depth + 1)),
        Value::Object(map) => {
            nodes.push(v);
            for key in ["@graph", "mainEntity"] {
                if let Some(inner) = map.get(key) {
                    collect(inner, nodes, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn types(v: &Value) -> impl Iterator<Item = &str> {
    let t = v.get("@type");
    let one = t.and_then(Value::as_str);
    let many = t.and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str);
    one.into_iter().chain(many)
}

/// Schema.org's articles: `Article` and its kinds, `Report`, and the
/// postings (`BlogPosting`, `LiveBlogPosting`, `SocialMediaPosting`,
/// `DiscussionForumPosting`).
fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || t.ends_with("Posting") || t == "Report"
}

/// The names a field gives: a string, an object with a `name`, a reference
/// (`{"@id": …}`) to such an object elsewhere, or a list of these.
fn names(v: Option<&Value>, nodes: &[&Value]) -> Vec<String> {
    let one = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Object(o) => match o.get("name") {
                Some(Value::String(s)) => Some(s.clone()),
                _ => {
                    let id = o.get("@id").and_then(Value::as_str)?;
                    let target =
                        nodes.iter().find(|n| n.get("@id").and_then(Value::as_str) == Some(id))?;
                    target.get("name").and_then(Value::as_str).map(str::to_string)
                }
            },
            _ => None,
        }
    };
    let found: Vec<String> = match v {
        Some(Value::Array(items)) => items.iter().filter_map(one).collect(),
        Some(v) => one(v).into_iter().collect(),
        None => vec![],
    };
    found.iter().map(|s| unescape(s.trim())).filter(|s| !s.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_news_article() {
        let a = article([r#"{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Port reopens","datePublished":"2024-03-01T08:00:00+01:00",
            "publisher":{"@type":"Organization","name":"The Harbour Post"},
            "author":[{"@type":"Person","name":"A. Writer"},"B. Writer"],
            "mainEntityOfPage":{"@id":"https://example.com/port"}}"#])
        .unwrap();
        assert_eq!(a.headline.as_deref(), Some("Port reopens"));
        assert_eq!(a.date.as_deref(), Some("2024-03-01T08:00:00+01:00"));
        assert_eq!(a.publisher.as_deref(), Some("The Harbour Post"));
        assert_eq!(a.author.as_deref(), Some("A. Writer, B. Writer"));
        assert_eq!(a.url.as_deref(), Some("https://example.com/port"));
    }

    #[test]
    fn a_graph_with_references_and_entities() {
        let a = article([
            "not json at all",
            r##"<!-- {"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","@id":"https://x.org/a#page","name":"Page"},
              {"@type":["Article","NewsArticle"],"headline":"Mayor&#8217;s plan",
               "publisher":{"@id":"https://x.org/#org"},"author":{"@id":"https://x.org/#p1"},
               "url":"https://x.org/a"},
              {"@type":"Organization","@id":"https://x.org/#org","name":"Valley &amp; Hills News"},
              {"@type":"Person","@id":"https://x.org/#p1","name":"C. Reporter"}]} -->"##,
        ])
        .unwrap();
        assert_eq!(a.headline.as_deref(), Some("Mayor’s plan"));
        assert_eq!(a.publisher.as_deref(), Some("Valley & Hills News"));
        assert_eq!(a.author.as_deref(), Some("C. Reporter"));
        assert_eq!(a.url.as_deref(), Some("https://x.org/a"));
    }

    #[test]
    fn news_articles_win_over_other_articles_and_pages_without_one_give_none() {
        let a = article([
            r#"{"@type":"BlogPosting","headline":"Blog"}"#,
            r#"[{"@type":"Organization","name":"Org"},{"@type":"ReportageNewsArticle","headline":"News"}]"#,
        ])
        .unwrap();
        assert_eq!(a.headline.as_deref(), Some("News"));
        assert_eq!(article([r#"{"@type":"Organization","name":"Org"}"#]), None);
    }

    #[test]
    fn postings_are_articles_and_creation_is_not_publication() {
        // As Tumblr describes a post.
        let a = article([r#"{"@type":"SocialMediaPosting","headline":"Update 1.8",
            "datePublished":"2014-09-02T08:35:27-04:00","author":"mcupdate"}"#])
        .unwrap();
        assert_eq!(a.headline.as_deref(), Some("Update 1.8"));
        assert_eq!(a.date.as_deref(), Some("2014-09-02T08:35:27-04:00"));
        let a =
            article([r#"{"@type":"NewsArticle","dateCreated":"2017-02-24T01:18:13Z"}"#]).unwrap();
        assert_eq!((a.date, a.created.as_deref()), (None, Some("2017-02-24T01:18:13Z")));
    }
}
