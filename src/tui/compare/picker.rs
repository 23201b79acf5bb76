//! The story picker's state: every story, the newest first and on the same
//! day the larger first, narrowed by what is typed (each word of it found
//! in the title, an outlet or the dates, ignoring case).

use std::cmp::Reverse;

use chrono::{Datelike, NaiveDate};

use crate::cli::compare::column_names;
use crate::compare::Story;
use crate::corpus::Article;
use crate::tui::filter::Matcher;

/// The open story picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    /// What is typed; empty shows every story.
    pub query: String,
    /// The stories shown (indices into the comparison's stories), in order.
    pub shown: Vec<usize>,
    /// Index into `shown`.
    pub selected: usize,
    /// First entry of `shown` on screen.
    pub offset: usize,
}

impl Picker {
    /// Every story in order, `current` selected.
    pub fn new(stories: &[Story], current: usize) -> Picker {
        let shown = order(stories);
        let selected = shown.iter().position(|&s| s == current).unwrap_or(0);
        Picker { query: String::new(), shown, selected, offset: 0 }
    }

    /// Narrow to `query`. The selected story stays selected while it
    /// matches; otherwise the first match is.
    pub fn set_query(&mut self, stories: &[Story], arts: &[Article], query: String) {
        let keep = self.selected_story();
        let words: Vec<Matcher> = query.split_whitespace().map(Matcher::new).collect();
        self.shown = order(stories)
            .into_iter()
            .filter(|&i| words.is_empty() || matches(&stories[i], arts, &words))
            .collect();
        self.selected = keep.and_then(|k| self.shown.iter().position(|&s| s == k)).unwrap_or(0);
        self.offset = 0;
        self.query = query;
    }

    /// The selected story (index into the comparison's stories).
    pub fn selected_story(&self) -> Option<usize> {
        self.shown.get(self.selected).copied()
    }

    /// Move the selection by `n`, stopping at the ends.
    pub fn select_by(&mut self, n: i32) {
        let last = self.shown.len().saturating_sub(1);
        let step = usize::try_from(n.unsigned_abs()).unwrap_or(usize::MAX);
        self.selected = if n < 0 {
            self.selected.saturating_sub(step)
        } else {
            self.selected.saturating_add(step).min(last)
        };
    }
}

/// Stories by their last date, newest first (undated last), then by how
/// many articles they hold, most first; ties keep the comparison's order.
pub fn order(stories: &[Story]) -> Vec<usize> {
    let keys: Vec<(Option<NaiveDate>, usize)> =
        stories.iter().map(|s| (s.dates.map(|(_, last)| last), s.articles.len())).collect();
    ranked(&keys)
}

/// [`order`] of (last date, size) pairs.
fn ranked(keys: &[(Option<NaiveDate>, usize)]) -> Vec<usize> {
    let mut out: Vec<usize> = (0..keys.len()).collect();
    out.sort_by_key(|&i| {
        let (last, size) = keys[i];
        (last.is_none(), Reverse(last), Reverse(size), i)
    });
    out
}

/// Every word is in the story's title, one of its outlets or its dates.
fn matches(s: &Story, arts: &[Article], words: &[Matcher]) -> bool {
    let outlets = column_names(s, arts).join(" ");
    let dates = dates_label(s);
    words.iter().all(|m| m.is_match(&s.title) || m.is_match(&outlets) || m.is_match(&dates))
}

/// "6 Aug 2024", "5–6 Aug 2024", "30 Jul – 6 Aug 2024", "undated".
pub fn dates_label(s: &Story) -> String {
    let Some((a, b)) = s.dates else { return "undated".into() };
    if a == b {
        a.format("%-d %b %Y").to_string()
    } else if (a.year(), a.month()) == (b.year(), b.month()) {
        format!("{}–{}", a.day(), b.format("%-d %b %Y"))
    } else if a.year() == b.year() {
        format!("{} – {}", a.format("%-d %b"), b.format("%-d %b %Y"))
    } else {
        format!("{} – {}", a.format("%-d %b %Y"), b.format("%-d %b %Y"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn newest_first_then_larger_then_undated() {
        let keys = [
            (day(2024, 1, 5), 1),
            (day(2024, 8, 6), 1),
            (day(2024, 8, 6), 4),
            (None, 9),
            (day(2023, 11, 22), 2),
        ];
        assert_eq!(ranked(&keys), [2, 1, 0, 4, 3]);
    }

    #[test]
    fn selection_moves_within_the_shown_and_stops_at_the_ends() {
        let mut p = Picker { query: String::new(), shown: vec![4, 0, 2], selected: 1, offset: 0 };
        assert_eq!(p.selected_story(), Some(0));
        p.select_by(5);
        assert_eq!(p.selected_story(), Some(2));
        p.select_by(-9);
        assert_eq!(p.selected_story(), Some(4));
        p.shown.clear();
        p.select_by(1);
        assert_eq!(p.selected_story(), None);
    }
}
