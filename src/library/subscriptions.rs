//! The subscriptions: `feeds.json` in the data folder, one record per feed
//! with its name, the validators of its last answer and the result of its
//! last fetch. Replaced atomically, so it is always whole.

use std::fs;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{LibraryError, atomic};

pub const FILE: &str = "feeds.json";
const VERSION: u32 = 1;

/// One feed followed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    pub url: String,
    /// The outlet its articles are credited to (unless a page names its
    /// publisher).
    pub name: String,
    /// `ETag` and `Last-Modified` of the last full answer, sent back as
    /// `If-None-Match` / `If-Modified-Since`. Kept only once every entry
    /// of that answer is in the library, so an interrupted fetch asks again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// When it was last fetched (RFC 3339, UTC) and what came of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_fetch: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct OnDisk {
    version: u32,
    #[serde(default)]
    feeds: Vec<Subscription>,
}

/// The subscriptions of one data folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subscriptions {
    pub feeds: Vec<Subscription>,
}

impl Subscriptions {
    /// Read `dir/feeds.json`; none when the file does not exist.
    pub fn load(dir: &Path) -> Result<Subscriptions, LibraryError> {
        let path = dir.join(FILE);
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Subscriptions::default()),
            Err(source) => return Err(LibraryError::Read { path, source }),
        };
        let disk: OnDisk = serde_json::from_slice(&bytes)
            .map_err(|e| LibraryError::Corrupt { path: path.clone(), reason: e.to_string() })?;
        if disk.version > VERSION {
            return Err(LibraryError::Newer { path, found: disk.version });
        }
        Ok(Subscriptions { feeds: disk.feeds })
    }

    pub fn save(&self, dir: &Path) -> Result<(), LibraryError> {
        let path = dir.join(FILE);
        let disk = OnDisk { version: VERSION, feeds: self.feeds.clone() };
        let mut json = serde_json::to_vec_pretty(&disk).unwrap_or_default();
        json.push(b'\n');
        atomic::replace(&path, &json).map_err(|source| LibraryError::Write { path, source })
    }

    pub fn find(&self, url: &str) -> Option<&Subscription> {
        self.feeds.iter().find(|f| f.url == url)
    }

    /// Add a feed; false when its URL is followed already.
    pub fn add(&mut self, sub: Subscription) -> bool {
        if self.find(&sub.url).is_some() {
            return false;
        }
        self.feeds.push(sub);
        true
    }

    /// Remove the feeds whose URL is `what`, or whose name is (ignoring
    /// case); the ones removed.
    pub fn remove(&mut self, what: &str) -> Vec<Subscription> {
        let hit = |f: &Subscription| f.url == what || f.name.eq_ignore_ascii_case(what);
        let (gone, kept) = std::mem::take(&mut self.feeds).into_iter().partition(hit);
        self.feeds = kept;
        gone
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sub(url: &str, name: &str) -> Subscription {
        Subscription { url: url.into(), name: name.into(), ..Subscription::default() }
    }

    #[test]
    fn subscriptions_round_trip_and_are_removed_by_url_or_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(Subscriptions::load(dir.path()).expect("none yet"), Subscriptions::default());
        let mut s = Subscriptions::default();
        assert!(s.add(sub("http://a.example/feed", "Alpha News")));
        assert!(!s.add(sub("http://a.example/feed", "Again")));
        assert!(s.add(sub("http://b.example/rss", "Beta")));
        s.feeds[1].etag = Some("\"v1\"".into());
        s.save(dir.path()).expect("save");
        assert_eq!(Subscriptions::load(dir.path()).expect("load"), s);
        assert_eq!(s.remove("alpha news").len(), 1);
        assert_eq!(s.remove("http://b.example/rss").len(), 1);
        assert!(s.remove("nothing").is_empty() && s.feeds.is_empty());
    }

    #[test]
    fn a_broken_file_is_an_error_naming_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::write(dir.path().join(FILE), b"{\"version\": 1, \"feeds\": [").expect("write");
        let e = Subscriptions::load(dir.path()).expect_err("broken");
        assert!(e.to_string().contains("feeds.json"), "{e}");
    }
}
