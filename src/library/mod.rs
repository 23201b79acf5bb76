//! The library: the feeds a user follows and every article fetched from
//! them, kept in the data folder (`$DATELINE_DATA_DIR` when set):
//! `feeds.json` (subscriptions, the validators of their last answers, the
//! result of their last fetch) and `library/` (one JSON file per article,
//! which loads like any folder). No terminal here.

mod atomic;
mod fetcher;
mod hosts;
pub mod opml;
mod shelf;
mod subscriptions;

use std::io;
use std::path::{Path, PathBuf};

pub use fetcher::{Event, FeedReport, FetchOptions, Outcome, fetch_all};
pub use shelf::{FOLDER, Stored};
pub use subscriptions::{Subscription, Subscriptions};

/// Why the library could not be read or written. Each names the file.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("{}: cannot read ({source})", .path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{}: cannot write ({source})", .path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("{}: not a subscriptions file ({reason}); fix or remove it", .path.display())]
    Corrupt { path: PathBuf, reason: String },
    #[error("{}: written by a newer dateline (format {found}); left alone", .path.display())]
    Newer { path: PathBuf, found: u32 },
    #[error("no data folder (no home folder?); set DATELINE_DATA_DIR")]
    NoFolder,
}

/// The data folder: `$DATELINE_DATA_DIR` when set, else the platform's.
pub fn data_dir() -> Result<PathBuf, LibraryError> {
    crate::state::data_dir().ok_or(LibraryError::NoFolder)
}

/// The folder of the library's articles in `data_dir`.
pub fn articles_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(FOLDER)
}

/// What to read when no PATH is given: the library when there are
/// subscriptions, else the current folder.
pub fn default_paths() -> Vec<PathBuf> {
    let subscribed =
        data_dir().ok().filter(|d| Subscriptions::load(d).is_ok_and(|s| !s.feeds.is_empty()));
    match subscribed {
        Some(d) => vec![articles_dir(&d)],
        None => vec![PathBuf::from(".")],
    }
}
