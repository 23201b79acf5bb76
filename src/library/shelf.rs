//! The library's articles: one JSON file per article in `library/` in the
//! data folder, in the shape the loader reads (`title`, `outlet`, `date`,
//! `url`, `author`, `body`), so the library loads through the same pipeline
//! and cache as any folder. The file's name comes from the article's
//! address (else the feed's id for it, else its text), so an article is
//! stored once and an updated entry replaces its file.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic;
use crate::hash::Fnv;

pub const FOLDER: &str = "library";

/// One article as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    pub body: String,
    /// The feed it came from.
    #[serde(default)]
    pub feed: String,
    /// A hash of the entry as the feed last gave it: the same entry again
    /// is not fetched again; a changed one replaces the article.
    #[serde(default)]
    pub entry: String,
}

/// The folder of stored articles.
#[derive(Debug, Clone)]
pub struct Shelf {
    dir: PathBuf,
}

impl Shelf {
    pub fn new(data_dir: &Path) -> Shelf {
        Shelf { dir: data_dir.join(FOLDER) }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Make the folder, and clear what killed writers left in it.
    pub fn prepare(&self) -> io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        atomic::remove_stale_temporaries(&self.dir);
        Ok(())
    }

    pub fn path_of(&self, stem: &str) -> PathBuf {
        self.dir.join(format!("{stem}.json"))
    }

    /// The entry hash of the article stored under `stem`, if any.
    pub fn entry_of(&self, stem: &str) -> Option<String> {
        let bytes = fs::read(self.path_of(stem)).ok()?;
        serde_json::from_slice::<Stored>(&bytes).ok().map(|s| s.entry)
    }

    /// Store `article` under `stem`, replacing what was there; true when
    /// nothing was.
    pub fn put(&self, stem: &str, article: &Stored) -> io::Result<bool> {
        let path = self.path_of(stem);
        let new = !path.exists();
        let mut json = serde_json::to_vec_pretty(article).map_err(io::Error::other)?;
        json.push(b'\n');
        atomic::replace(&path, &json)?;
        Ok(new)
    }
}

/// The file name an article is stored under: from its address when it has
/// one, else from the feed's id for it, else from its title and text.
pub fn stem(feed: &str, url: Option<&str>, id: Option<&str>, title: &str, body: &str) -> String {
    match (url, id) {
        (Some(url), _) => format!("u{:016x}", hash(&[url.trim()])),
        (None, Some(id)) => format!("i{:016x}", hash(&[feed, id])),
        (None, None) => format!("c{:016x}", hash(&[title, body])),
    }
}

/// FNV-1a over the parts, each preceded by its length so that text moved
/// from one part to the next changes it; fixed forever, as names on disk
/// must be.
pub fn hash(parts: &[&str]) -> u64 {
    let mut h = Fnv::default();
    for part in parts {
        h.write(&(part.len() as u64).to_le_bytes());
        h.write(part.as_bytes());
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_stored_once_by_address_else_id_else_text() {
        let a = stem("f", Some("http://x.example/a"), Some("1"), "T", "B");
        assert_eq!(a, stem("g", Some(" http://x.example/a"), None, "Other", "Text"));
        assert!(a.starts_with('u'));
        let by_id = stem("f", None, Some("1"), "T", "B");
        assert_eq!(by_id, stem("f", None, Some("1"), "T2", "B2"));
        assert_ne!(by_id, stem("g", None, Some("1"), "T", "B"));
        let by_text = stem("f", None, None, "T", "B");
        assert_ne!(by_text, stem("f", None, None, "T", "B2"));
        assert_ne!(hash(&["ab", "c"]), hash(&["a", "bc"]));
    }

    #[test]
    fn a_stored_article_is_replaced_in_place() {
        let dir = tempfile::tempdir().expect("temp dir");
        let shelf = Shelf::new(dir.path());
        shelf.prepare().expect("folder");
        let first = Stored { body: "One.".into(), entry: "e1".into(), ..Stored::default() };
        assert!(shelf.put("u1", &first).expect("put"));
        assert_eq!(shelf.entry_of("u1").as_deref(), Some("e1"));
        let second = Stored { body: "Two.".into(), entry: "e2".into(), ..Stored::default() };
        assert!(!shelf.put("u1", &second).expect("replace"));
        assert_eq!(shelf.entry_of("u1").as_deref(), Some("e2"));
        assert_eq!(shelf.entry_of("u2"), None);
        assert_eq!(fs::read_dir(shelf.dir()).expect("dir").count(), 1);
    }
}
