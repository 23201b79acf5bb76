//! The on-disk cache: what a run learnt about a corpus, so the next run on
//! the same files skips the work.
//!
//! One folder per set of PATH arguments (under the platform's cache
//! folder, or `--cache-dir`) holds four packs ([`pack`]):
//! - `files.bin`: per file, keyed by its canonical path, size and
//!   modification time, the articles read from it;
//! - `analyses.bin`: per file, keyed alike, its articles' analyses (apart,
//!   so that what needs the articles alone reads no analysis);
//! - `index.bin`, `compare.bin`: the corpus' entities and its comparison,
//!   keyed by a fingerprint of the whole file set.
//!
//! Every pack carries the analysis version (a hash of the code and data
//! that produce what it stores, computed at build time), so a change to
//! any of them makes old packs foreign. A pack that is damaged, foreign or
//! from another version is reported once and rebuilt, never trusted; a
//! cache folder that cannot be written is reported once and the run goes
//! on without it.

pub mod codec;
pub mod corpus;
pub mod files;
pub mod pack;
pub mod records;

use crate::hash::Fnv;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// The analysis version: changes whenever loading, analysis, resolution,
/// comparison or this cache's code or data change (see `build.rs`).
pub const ANALYSIS_VERSION: &str = env!("DATELINE_ANALYSIS_VERSION");

/// Where the cache lives, as the command line says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Setting {
    /// The platform's cache folder (`~/.cache/dateline` on Linux).
    #[default]
    Default,
    /// `--cache-dir DIR`.
    Dir(PathBuf),
    /// `--no-cache`: neither read nor written.
    Off,
}

/// The platform's cache folder for dateline, if the platform has one.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "dateline").map(|d| d.cache_dir().to_path_buf())
}

/// A problem with the cache. None stops a run: the work is done afresh.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    #[error("no cache folder is known on this system; running without a cache")]
    NoFolder,
    #[error("cannot create the cache folder {}: {source}; the cache is not updated", .path.display())]
    Create { path: PathBuf, source: std::io::Error },
    #[error("cannot write {}: {source}; the cache is not updated", .path.display())]
    Write { path: PathBuf, source: std::io::Error },
    #[error("cannot read {}: {source}; rebuilt", .path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}: {reason}; rebuilt", .path.display())]
    Unusable { path: PathBuf, reason: String },
}

impl CacheError {
    /// The file or folder the problem is with.
    pub fn path(&self) -> Option<&Path> {
        match self {
            CacheError::NoFolder => None,
            CacheError::Create { path, .. }
            | CacheError::Write { path, .. }
            | CacheError::Read { path, .. }
            | CacheError::Unusable { path, .. } => Some(path),
        }
    }

    /// A pack that could not be used, as a warning.
    pub fn unusable(path: &Path, e: impl fmt::Display) -> CacheError {
        CacheError::Unusable { path: path.to_path_buf(), reason: e.to_string() }
    }
}

/// A file as the cache knows it: same key, same contents (as far as the
/// file system tells).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FileKey {
    pub canonical: PathBuf,
    pub size: u64,
    /// Modification time since the Unix epoch: seconds and nanoseconds.
    pub secs: i64,
    pub nanos: u32,
}

impl FileKey {
    /// The key of the file at `path` now, if it can be read.
    pub fn of(path: &Path) -> Option<FileKey> {
        FileKey::at(std::fs::canonicalize(path).ok()?)
    }

    /// The key of the file whose canonical path is `canonical`.
    pub fn at(canonical: PathBuf) -> Option<FileKey> {
        let meta = std::fs::metadata(&canonical).ok()?;
        let mtime = meta.modified().ok()?;
        let (secs, nanos) = match mtime.duration_since(UNIX_EPOCH) {
            Ok(d) => (i64::try_from(d.as_secs()).ok()?, d.subsec_nanos()),
            Err(e) => {
                let d = e.duration();
                (-i64::try_from(d.as_secs()).ok()? - 1, 1_000_000_000 - d.subsec_nanos())
            }
        };
        Some(FileKey { canonical, size: meta.len(), secs, nanos })
    }
}

/// The cache for one run: its folder (one per set of PATH arguments), and
/// what went wrong with it so far.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    writable: bool,
    problems: Vec<CacheError>,
    /// Files already reported on: each is reported once a run.
    reported: std::collections::HashSet<PathBuf>,
}

impl Cache {
    /// The cache for a run on `roots` (the PATH arguments), or `None` when
    /// it is off or has no folder (with the reason).
    pub fn open(setting: &Setting, roots: &[PathBuf]) -> (Option<Cache>, Option<CacheError>) {
        let base = match setting {
            Setting::Off => return (None, None),
            Setting::Dir(d) => d.clone(),
            Setting::Default => match default_dir() {
                Some(d) => d,
                None => return (None, Some(CacheError::NoFolder)),
            },
        };
        let dir = base.join(format!("corpus-{:016x}", roots_key(roots)));
        let cache =
            Cache { dir, writable: true, problems: Vec::new(), reported: Default::default() };
        (Some(cache), None)
    }

    /// Make the folder before the first write; a failure is noted once and
    /// stops writing.
    pub fn make_folder(&mut self) -> bool {
        if !self.writable {
            return false;
        }
        match std::fs::create_dir_all(&self.dir) {
            Ok(()) => true,
            Err(source) => {
                self.writable = false;
                self.problem(CacheError::Create { path: self.dir.clone(), source });
                false
            }
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn files_path(&self) -> PathBuf {
        self.dir.join("files.bin")
    }

    pub fn analyses_path(&self) -> PathBuf {
        self.dir.join("analyses.bin")
    }

    pub fn index_path(&self) -> PathBuf {
        self.dir.join("index.bin")
    }

    pub fn compare_path(&self) -> PathBuf {
        self.dir.join("compare.bin")
    }

    /// Note a problem, to be reported once: one per file, and after a
    /// write fails no more writes are tried (the rest would fail too).
    pub fn problem(&mut self, e: CacheError) {
        if matches!(e, CacheError::Write { .. }) {
            if !self.writable {
                return;
            }
            self.writable = false;
        }
        if let Some(p) = e.path()
            && !self.reported.insert(p.to_path_buf())
        {
            return;
        }
        self.problems.push(e);
    }

    pub fn writable(&self) -> bool {
        self.writable
    }

    /// The problems noted since the last call.
    pub fn take_problems(&mut self) -> Vec<CacheError> {
        std::mem::take(&mut self.problems)
    }
}

/// A hash of the PATH arguments as the file system resolves them, naming
/// the run's cache folder.
fn roots_key(roots: &[PathBuf]) -> u64 {
    let mut h = Fnv::default();
    for r in roots {
        let canonical = std::fs::canonicalize(r).unwrap_or_else(|_| r.clone());
        h.write(canonical.as_os_str().as_encoded_bytes());
        h.write(&[0]);
    }
    h.finish()
}

/// The fingerprint of a whole file set: every file as given and as
/// resolved, with its size and time, in order, and the analysis version.
/// Equal fingerprints mean the same corpus, article for article.
pub fn fingerprint<'a>(files: impl IntoIterator<Item = (&'a Path, &'a FileKey)>) -> u64 {
    let mut h = Fnv::default();
    h.write(ANALYSIS_VERSION.as_bytes());
    for (given, key) in files {
        h.write(given.as_os_str().as_encoded_bytes());
        h.write(&[0]);
        h.write(key.canonical.as_os_str().as_encoded_bytes());
        h.write(&[0]);
        h.write(&key.size.to_le_bytes());
        h.write(&key.secs.to_le_bytes());
        h.write(&key.nanos.to_le_bytes());
    }
    h.finish()
}
