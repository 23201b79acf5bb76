//! Article metadata as given by a source (front matter, JSON keys), and the
//! reading of its fields from loosely typed values.

use chrono::NaiveDate;

use super::date::parse_date;

/// Metadata fields; `None` where the source did not give them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
    pub author: Option<String>,
}

impl Meta {
    /// Fill the fields `self` lacks from `other`.
    pub fn or(self, other: Meta) -> Meta {
        Meta {
            title: self.title.or(other.title),
            outlet: self.outlet.or(other.outlet),
            date: self.date.or(other.date),
            url: self.url.or(other.url),
            author: self.author.or(other.author),
        }
    }
}

/// The keys read for each field, first found wins (CONTRACT.md, input formats).
pub const TITLE_KEYS: &[&str] = &["title", "headline"];
pub const OUTLET_KEYS: &[&str] = &["outlet", "source", "publisher", "site"];
pub const DATE_KEYS: &[&str] = &["date", "published", "published_at", "pubDate"];
pub const URL_KEYS: &[&str] = &["url", "link"];
pub const AUTHOR_KEYS: &[&str] = &["author", "byline"];
pub const BODY_KEYS: &[&str] = &["body", "text", "content"];

/// A field value reduced to what metadata needs: text, or a reason it is
/// not usable.
#[derive(Debug, Clone, PartialEq)]
pub enum Field {
    Text(String),
    Absent,
    WrongType(&'static str),
}

/// Build [`Meta`] from a lookup of fields by key, collecting one message per
/// field that is present but unusable (wrong type, impossible date).
pub fn read_meta(get: impl Fn(&str) -> Field, problems: &mut Vec<String>) -> Meta {
    let mut text = |keys: &[&str]| -> Option<(String, String)> {
        for &k in keys {
            match get(k) {
                Field::Text(s) if !s.trim().is_empty() => return Some((k.to_string(), s)),
                Field::WrongType(t) => problems.push(format!("`{k}` is {t}, expected text")),
                _ => {}
            }
        }
        None
    };
    let title = text(TITLE_KEYS).map(|(_, v)| one_line(&v));
    let outlet = text(OUTLET_KEYS).map(|(_, v)| one_line(&v));
    let url = text(URL_KEYS).map(|(_, v)| v.trim().to_string());
    let author = text(AUTHOR_KEYS).map(|(_, v)| one_line(&v));
    let date = match text(DATE_KEYS) {
        Some((k, v)) => {
            let d = parse_date(&v);
            if d.is_none() {
                problems.push(format!("`{k}` {:?} is not a date", v.trim()));
            }
            d
        }
        None => None,
    };
    Meta { title, outlet, date, url, author }
}

/// Collapse whitespace (newlines included) to single spaces.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
