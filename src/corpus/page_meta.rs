//! The metadata an HTML page gives about itself. A JSON-LD news article comes
//! first (the most structured), then Open Graph and the other meta tags
//! publishing tools write; the canonical link or `og:url` is the url. The
//! `<title>` element is the extractor's fallback (see `html.rs`), since it
//! needs the site's name cut off.

use std::collections::HashMap;

use dom_query::Document;

use super::date::parse_date;
use super::jsonld;
use super::meta::{Meta, one_line};

/// Meta tag names read for each field, first found wins. Keys are the tag's
/// `property`, `name` or `itemprop`, lower-cased.
const TITLE_TAGS: &[&str] = &["og:title", "twitter:title", "dc.title"];
const OUTLET_TAGS: &[&str] = &["og:site_name", "dc.publisher"];
const DATE_TAGS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
    "parsely-pub-date",
    "sailthru.date",
];
const AUTHOR_TAGS: &[&str] = &["author", "article:author", "dc.creator", "parsely-author"];
const URL_TAGS: &[&str] = &["og:url"];

/// The page's metadata, and one message per field present but unreadable.
pub fn read(doc: &Document) -> (Meta, Vec<String>) {
    let tags = meta_tags(doc);
    let blocks = doc.select(r#"script[type="application/ld+json"]"#);
    let texts: Vec<String> = blocks.nodes().iter().map(|n| n.text().to_string()).collect();
    let ld = jsonld::article(texts.iter().map(String::as_str)).unwrap_or_default();
    let tag = |keys: &[&str]| keys.iter().find_map(|k| tags.get(*k).cloned());
    let mut problems = Vec::new();

    let outlet = ld.publisher.or_else(|| tag(OUTLET_TAGS)).map(|o| site_name(&one_line(&o)));
    // A one-word JSON-LD headline against a title tag of several words is
    // a placeholder the CMS left ("escenic", "headline"), not the title.
    let tagged = tag(TITLE_TAGS);
    let headline = ld.headline.filter(|h| {
        let several = |t: &str| t.split_whitespace().count() > 1;
        several(h) || !tagged.as_deref().is_some_and(several)
    });
    let title = headline.or(tagged).map(|t| {
        let t = one_line(&t);
        match &outlet {
            Some(o) => without_site_suffix(&t, o).to_string(),
            None => t,
        }
    });
    // Authors given as profile links are not names.
    let author = ld
        .author
        .or_else(|| {
            AUTHOR_TAGS.iter().filter_map(|k| tags.get(*k)).find(|a| !is_web_address(a)).cloned()
        })
        .map(|a| one_line(&a));
    let canonical = doc.select(r#"link[rel~="canonical"]"#).attr("href").map(|h| h.to_string());
    let url = [canonical, tag(URL_TAGS), ld.url]
        .into_iter()
        .flatten()
        .map(|u| u.trim().to_string())
        .find(|u| is_web_address(u));

    // JSON-LD's `dateCreated` comes after the page's published-time tags:
    // it is often a UTC timestamp a day past the date the outlet printed.
    let dates = ld
        .date
        .map(|d| ("datePublished", d))
        .into_iter()
        .chain(DATE_TAGS.iter().filter_map(|k| tags.get(*k).map(|v| (*k, v.clone()))))
        .chain(ld.created.map(|d| ("dateCreated", d)));
    let mut date = None;
    let mut unreadable = None;
    for (key, value) in dates {
        match parse_date(&value) {
            Some(d) => {
                date = Some(d);
                break;
            }
            None => {
                unreadable.get_or_insert((key, value));
            }
        }
    }
    if let (None, Some((key, value))) = (date, unreadable) {
        problems.push(format!("`{key}` {:?} is not a date", value.trim()));
    }
    (Meta { title, outlet, date, url, author }, problems)
}

/// `<meta>` contents by lower-cased `property`, `name` or `itemprop`, the
/// first of each kept; `<time itemprop="datePublished">` counts as one.
fn meta_tags(doc: &Document) -> HashMap<String, String> {
    let mut tags = HashMap::new();
    for node in doc.select("meta[content]").nodes() {
        let Some(content) = node.attr("content").filter(|c| !c.trim().is_empty()) else {
            continue;
        };
        for attr in ["property", "name", "itemprop"] {
            if let Some(key) = node.attr(attr) {
                tags.entry(key.trim().to_ascii_lowercase()).or_insert_with(|| content.to_string());
            }
        }
    }
    if let Some(when) = doc.select(r#"time[itemprop="datePublished"]"#).attr("datetime") {
        tags.entry("datepublished".to_string()).or_insert_with(|| when.to_string());
    }
    tags
}

/// A site's name from a whole site title, as some sites fill in
/// `og:site_name` ("WSVN 7News | Miami News, Weather, Sports | Fort
/// Lauderdale"): the part before the first bar.
fn site_name(o: &str) -> String {
    match o.split_once(" | ") {
        Some((head, _)) if !head.trim().is_empty() => head.trim().to_string(),
        _ => o.to_string(),
    }
}

fn is_web_address(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("http://") || s.starts_with("https://")
}

/// `title` without a trailing ` | Site`, ` - Site` or ` — Site` naming the
/// outlet, as many sites write their titles.
fn without_site_suffix<'a>(title: &'a str, outlet: &str) -> &'a str {
    for sep in [" | ", " - ", " — ", " – ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && tail.trim().eq_ignore_ascii_case(outlet.trim())
            && !head.trim().is_empty()
        {
            return head.trim_end();
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn meta(html: &str) -> (Meta, Vec<String>) {
        read(&Document::from(html))
    }

    #[test]
    fn cms_placeholders_and_site_titles_give_way() {
        let (m, _) = meta(
            r#"<head><meta property="og:title" content="Turkey and Poland sign the pact">
            <meta property="og:site_name" content="WSVN 7News | Miami News, Weather, Sports | Fort Lauderdale">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"escenic"}</script></head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Turkey and Poland sign the pact"));
        assert_eq!(m.outlet.as_deref(), Some("WSVN 7News"));
        // A one-word headline with nothing better stays.
        let (m, _) = meta(
            r#"<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Brexit"}</script></head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Brexit"));
    }

    #[test]
    fn open_graph_and_article_tags() {
        let (m, p) = meta(
            r#"<html><head><meta property="og:title" content="Dam Holds | River Weekly">
            <meta property="og:site_name" content="River Weekly">
            <meta property="article:published_time" content="2023-05-04T22:15:00-05:00">
            <meta property="article:author" content="https://river.example/staff/dee">
            <meta name="dc.creator" content="Dee Reporter">
            <link rel="canonical" href="https://river.example/dam">
            </head><body></body></html>"#,
        );
        assert!(p.is_empty());
        assert_eq!(m.title.as_deref(), Some("Dam Holds"));
        assert_eq!(m.outlet.as_deref(), Some("River Weekly"));
        assert_eq!(m.date, NaiveDate::from_ymd_opt(2023, 5, 4), "the date as written");
        assert_eq!(m.url.as_deref(), Some("https://river.example/dam"));
        assert_eq!(m.author.as_deref(), Some("Dee Reporter"));
    }

    #[test]
    fn json_ld_comes_first_and_a_bad_date_falls_through() {
        let (m, p) = meta(
            r#"<head><meta property="og:title" content="OG title">
            <meta property="article:published_time" content="2022-01-09">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"LD title",
              "datePublished":"last Tuesday","publisher":"LD Outlet"}</script></head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("LD title"));
        assert_eq!(m.outlet.as_deref(), Some("LD Outlet"));
        assert_eq!(m.date, NaiveDate::from_ymd_opt(2022, 1, 9));
        assert!(p.is_empty(), "a readable date was found: {p:?}");
    }

    #[test]
    fn a_published_time_tag_wins_over_json_ld_creation() {
        // A Fandom news page: created 01:18 UTC on the 24th, published (as
        // the page prints it) at 17:18 on the 23rd in California.
        let (m, _) = meta(
            r#"<head><meta property="article:published_time" content="2017-02-23T17:18:13-08:00">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
              "dateCreated":"2017-02-24T01:18:13Z"}</script></head>"#,
        );
        assert_eq!(m.date, NaiveDate::from_ymd_opt(2017, 2, 23));
        let (m, _) = meta(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
              "dateCreated":"2017-02-24T01:18:13Z"}</script>"#,
        );
        assert_eq!(m.date, NaiveDate::from_ymd_opt(2017, 2, 24), "creation, when nothing else");
    }

    #[test]
    fn an_unreadable_date_alone_is_reported() {
        let (m, p) = meta(r#"<meta name="pubdate" content="sometime soon">"#);
        assert_eq!(m.date, None);
        assert_eq!(p, [r#"`pubdate` "sometime soon" is not a date"#]);
    }

    #[test]
    fn site_suffixes_go_only_when_they_name_the_outlet() {
        assert_eq!(without_site_suffix("A - B | Daily", "Daily"), "A - B");
        assert_eq!(without_site_suffix("Left - Right", "Daily"), "Left - Right");
    }
}
