//! The words the reader shows for an article's metadata, in one place so
//! the list, the reader and the layout agree.

use chrono::NaiveDate;

use crate::corpus::Article;
use crate::display::{self, clean};

/// Shown for an article without an outlet.
pub const UNKNOWN_OUTLET: &str = "(unknown)";

/// "Tue 6 Aug 2024", or "Undated".
pub fn day_label(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "Undated".to_string(), |d| d.format("%a %-d %b %Y").to_string())
}

/// The outlet, made safe to draw, or "(unknown)".
pub fn outlet(a: &Article) -> String {
    clean(a.outlet.as_deref().unwrap_or(UNKNOWN_OUTLET))
}

/// The outlet's short form for the narrow list column ("DCNF" for the
/// Daily Caller News Foundation), made safe to draw, or "(unknown)".
pub fn short_outlet(a: &Article) -> String {
    clean(a.outlet.as_deref().map_or(UNKNOWN_OUTLET, crate::corpus::outlets::short_name))
}

/// The parts of the meta line: outlet, day, word count.
pub fn meta_parts(a: &Article) -> [String; 3] {
    let words = a.words();
    let unit = if words == 1 { "word" } else { "words" };
    [outlet(a), day_label(a.date), format!("{words} {unit}")]
}

/// "CNN · Tue 6 Aug 2024 · 451 words", in as few lines of `width` columns
/// as it takes, broken only between parts (a part wider than a line is
/// cut by the view).
pub fn meta_lines(a: &Article, width: u16) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for part in meta_parts(a) {
        match lines.last_mut() {
            Some(l) if display::width(l) + 3 + display::width(&part) <= usize::from(width) => {
                l.push_str(" · ");
                l.push_str(&part);
            }
            _ => lines.push(part),
        }
    }
    lines
}

/// The entity panel's heading for a kind.
pub fn kind_heading(kind: crate::analysis::Kind) -> &'static str {
    use crate::analysis::Kind;
    match kind {
        Kind::Person => "People",
        Kind::Org => "Organisations",
        Kind::Place => "Places",
        Kind::Group => "Groups",
        Kind::Date => "Dates",
        Kind::Number => "Numbers",
    }
}
