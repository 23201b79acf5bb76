//! What `y` copies, as Markdown to paste into notes or a report: an
//! article's citation, or a fact's reports side by side.

use crate::compare::{Fact, Story};
use crate::corpus::Article;
use crate::display::clean;

/// `[Title](url), *Outlet*, 2024-08-06`: the title linked when the article
/// has an address, outlet and date when known.
pub fn citation(a: &Article) -> String {
    let title = escape(&one_line(&a.title));
    let mut out = match a.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        Some(url) => format!("[{title}]({})", link(url)),
        None => title,
    };
    if let Some(outlet) = a.outlet.as_deref().map(one_line).filter(|o| !o.is_empty()) {
        out.push_str(&format!(", *{}*", escape(&outlet)));
    }
    if let Some(d) = a.date {
        out.push_str(&format!(", {}", d.format("%Y-%m-%d")));
    }
    out
}

/// The fact's reports as a Markdown table, one row per outlet, the
/// compared value in bold where the outlets differ: the same rows
/// `dateline compare --format markdown` prints for it.
pub fn fact_reports(story: &Story, fact: &Fact, articles: &[Article]) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = crate::cli::compare::fact_markdown(story, fact, articles, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// Text on one line, control characters and runs of spaces as one space.
fn one_line(s: &str) -> String {
    clean(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Characters that would start Markdown markup, escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '[' | ']' | '*' | '_' | '`' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A link target that cannot end the link early: spaces, brackets and
/// control characters percent-encoded.
fn link(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' | '(' | ')' | '<' | '>' | '"' => out.push_str(&format!("%{:02X}", u32::from(c))),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn art(title: &str, outlet: Option<&str>, url: Option<&str>) -> Article {
        Article {
            id: "a".into(),
            path: "a.txt".into(),
            title: title.into(),
            outlet: outlet.map(Into::into),
            date: NaiveDate::from_ymd_opt(2024, 8, 6),
            url: url.map(Into::into),
            author: None,
            body: String::new(),
        }
    }

    #[test]
    fn citations_link_the_title() {
        let a = art("Rocket attack [update]", Some("CNN"), Some("https://x.test/a b(1)"));
        assert_eq!(
            citation(&a),
            "[Rocket attack \\[update\\]](https://x.test/a%20b%281%29), *CNN*, 2024-08-06"
        );
        let plain = Article { date: None, ..art("Plain\n title", None, None) };
        assert_eq!(citation(&plain), "Plain title");
    }
}
