//! Reading state: which articles the user has read and which they starred,
//! kept across runs in the user's data folder ([`Store`]).
//!
//! Articles are known by a [`Key`] made from what they are, never from where
//! they lie, so the marks survive moving or renaming the corpus folder.
//! No terminal here: the reader asks, marks and saves.

mod store;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

pub use store::{Opened, StateError, Store, data_dir};

use crate::corpus::Article;

/// An article's identity for its reading state: a hash of its address when
/// it has one, else of its title, outlet, date and text. Not its path or id,
/// which change when the corpus folder is renamed or reorganised.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Key(String);

impl Key {
    pub fn of(a: &Article) -> Key {
        match a.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            Some(url) => Key(format!("u{:016x}", stable_hash(&[url.as_bytes()]))),
            None => {
                let date = a.date.map(|d| d.to_string()).unwrap_or_default();
                let parts = [
                    a.title.as_bytes(),
                    a.outlet.as_deref().unwrap_or("").as_bytes(),
                    date.as_bytes(),
                    a.body.as_bytes(),
                ];
                Key(format!("t{:016x}", stable_hash(&parts)))
            }
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// FNV-1a over the parts, each preceded by its length so that moving text
/// from one part to the next changes the hash. Its value never changes
/// across runs, platforms or Rust versions (std's hasher promises none of
/// that), which a key kept on disk needs.
fn stable_hash(parts: &[&[u8]]) -> u64 {
    let mut h = crate::hash::Fnv::default();
    for part in parts {
        let len = u64::try_from(part.len()).unwrap_or(u64::MAX);
        h.write(&len.to_le_bytes());
        h.write(part);
    }
    h.finish()
}

/// The marks: articles read and articles starred, by key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadingState {
    pub read: BTreeSet<Key>,
    pub starred: BTreeSet<Key>,
}

impl ReadingState {
    pub fn is_read(&self, k: &Key) -> bool {
        self.read.contains(k)
    }

    pub fn is_starred(&self, k: &Key) -> bool {
        self.starred.contains(k)
    }

    /// Mark read or unread; true when that changed anything.
    pub fn set_read(&mut self, k: &Key, read: bool) -> bool {
        set(&mut self.read, k, read)
    }

    /// Star or unstar; true when that changed anything.
    pub fn set_starred(&mut self, k: &Key, starred: bool) -> bool {
        set(&mut self.starred, k, starred)
    }
}

fn set(marks: &mut BTreeSet<Key>, k: &Key, on: bool) -> bool {
    if on { marks.insert(k.clone()) } else { marks.remove(k) }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn article(path: &str, url: Option<&str>) -> Article {
        Article {
            id: "x".into(),
            path: PathBuf::from(path),
            title: "Floods".into(),
            outlet: Some("CNN".into()),
            date: chrono::NaiveDate::from_ymd_opt(2024, 8, 6),
            url: url.map(Into::into),
            author: None,
            body: "The river rose.".into(),
        }
    }

    #[test]
    fn keys_ignore_the_path_and_follow_the_content() {
        let a = article("news/a.txt", None);
        let moved = Article { id: "other".into(), ..article("renamed/deeper/b.txt", None) };
        assert_eq!(Key::of(&a), Key::of(&moved));
        let edited = Article { body: "The river fell.".into(), ..a.clone() };
        assert_ne!(Key::of(&a), Key::of(&edited));
        // With an address, the address alone decides.
        let u = article("a.txt", Some("https://example.com/floods"));
        let u2 = Article {
            body: "Updated text.".into(),
            ..article("b.txt", Some(" https://example.com/floods "))
        };
        assert_eq!(Key::of(&u), Key::of(&u2));
        assert_ne!(Key::of(&u), Key::of(&a));
    }

    #[test]
    fn keys_are_fixed_forever() {
        // Written to users' disks: a change here loses their marks.
        assert_eq!(
            Key::of(&article("a.txt", None)).as_str(),
            Key::of(&article("a.txt", None)).as_str()
        );
        assert_eq!(stable_hash(&[b"abc"]), stable_hash(&[b"abc"]));
        assert_ne!(stable_hash(&[b"ab", b"c"]), stable_hash(&[b"a", b"bc"]));
        assert_eq!(format!("{:016x}", stable_hash(&[b""])), "a8c7f832281a39c5");
    }

    #[test]
    fn marks_report_changes() {
        let k = Key::of(&article("a.txt", None));
        let mut s = ReadingState::default();
        assert!(s.set_read(&k, true));
        assert!(!s.set_read(&k, true));
        assert!(s.is_read(&k) && !s.is_starred(&k));
        assert!(s.set_starred(&k, true) && s.is_starred(&k));
        assert!(s.set_read(&k, false) && !s.is_read(&k));
    }
}
