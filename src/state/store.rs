//! The reading state on disk: `state.json` in the user's data folder,
//! replaced atomically (a temporary file in the same folder, written,
//! synced, renamed over the old one, the folder synced), so a process killed
//! at any moment leaves the old state or the new one, never a mix. A file
//! that cannot be read as a state is moved aside with a warning, never
//! emptied in place; one that cannot be read at all, or that a newer
//! dateline wrote, is left alone and not saved over.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::{Key, ReadingState};

const FILE: &str = "state.json";
/// The format version written; a file with a higher one is left alone.
const VERSION: u32 = 1;

/// Why the reading state could not be read or saved. Each names the file.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("reading state {}: cannot read ({source}); it will not be saved over", .path.display())]
    Unreadable { path: PathBuf, source: io::Error },
    #[error("reading state {}: not a reading state ({reason}); moved aside to {}, starting afresh", .path.display(), .aside.display())]
    Corrupt { path: PathBuf, aside: PathBuf, reason: String },
    #[error("reading state {}: not a reading state ({reason}) and could not be moved aside ({source}); it will not be saved over", .path.display())]
    CorruptKept { path: PathBuf, reason: String, source: io::Error },
    #[error("reading state {}: written by a newer dateline (format {found}); it will not be saved over", .path.display())]
    Newer { path: PathBuf, found: u32 },
    #[error("reading state {}: not saved, the file is left as it was", .path.display())]
    ReadOnly { path: PathBuf },
    #[error("reading state {}: cannot save ({source})", .path.display())]
    Save { path: PathBuf, source: io::Error },
    #[error("no data folder for the reading state (no home folder?)")]
    NoFolder,
}

/// The file's shape: sorted lists of keys, so it diffs and reads well.
#[derive(Serialize, Deserialize)]
struct OnDisk {
    version: u32,
    #[serde(default)]
    read: Vec<Key>,
    #[serde(default)]
    starred: Vec<Key>,
}

/// Where the reading state lives: `$DATELINE_DATA_DIR` when set (tests,
/// portable setups), else the platform's data folder for dateline
/// (`~/.local/share/dateline` on Linux, `~/Library/Application
/// Support/dateline` on macOS, `%APPDATA%\dateline\data` on Windows).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("DATELINE_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "dateline").map(|p| p.data_dir().to_path_buf())
}

/// The reading state file of one data folder.
#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
    /// False when the file on disk must not be replaced (unreadable, or
    /// written by a newer dateline).
    writable: bool,
}

/// A store opened: the state found, and what was wrong with the file.
#[derive(Debug)]
pub struct Opened {
    pub store: Store,
    pub state: ReadingState,
    pub problem: Option<StateError>,
}

impl Store {
    /// Open the state in the default folder ([`data_dir`]).
    pub fn open_default() -> Result<Opened, StateError> {
        data_dir().map(|d| Store::open(&d)).ok_or(StateError::NoFolder)
    }

    /// Open the state kept in `dir` (which need not exist yet). Never fails:
    /// a problem comes back with an empty state and says what became of the
    /// file.
    pub fn open(dir: &Path) -> Opened {
        let path = dir.join(FILE);
        remove_stale_temporaries(dir);
        let fresh = |writable, problem| Opened {
            store: Store { path: path.clone(), writable },
            state: ReadingState::default(),
            problem,
        };
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return fresh(true, None),
            Err(source) => {
                return fresh(false, Some(StateError::Unreadable { path: path.clone(), source }));
            }
        };
        match serde_json::from_slice::<OnDisk>(&bytes) {
            Ok(disk) if disk.version > VERSION => {
                fresh(false, Some(StateError::Newer { path: path.clone(), found: disk.version }))
            }
            Ok(disk) => Opened {
                store: Store { path: path.clone(), writable: true },
                state: ReadingState {
                    read: disk.read.into_iter().collect(),
                    starred: disk.starred.into_iter().collect(),
                },
                problem: None,
            },
            Err(e) => {
                let reason = e.to_string();
                match move_aside(&path) {
                    Ok(aside) => {
                        fresh(true, Some(StateError::Corrupt { path: path.clone(), aside, reason }))
                    }
                    Err(source) => fresh(
                        false,
                        Some(StateError::CorruptKept { path: path.clone(), reason, source }),
                    ),
                }
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Replace the file with `state`, atomically.
    pub fn save(&self, state: &ReadingState) -> Result<(), StateError> {
        if !self.writable {
            return Err(StateError::ReadOnly { path: self.path.clone() });
        }
        let disk = OnDisk {
            version: VERSION,
            read: state.read.iter().cloned().collect(),
            starred: state.starred.iter().cloned().collect(),
        };
        let mut json = serde_json::to_vec_pretty(&disk).unwrap_or_default();
        json.push(b'\n');
        self.replace(&json).map_err(|source| StateError::Save { path: self.path.clone(), source })
    }

    fn replace(&self, bytes: &[u8]) -> io::Result<()> {
        crate::replace::replace(&self.path, bytes, &format!("{FILE}.tmp-"))
    }
}

/// Move a broken file to `state.json.corrupt-<seconds since 1970>` (with a
/// counter when that is taken), where the user can look at it.
fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let secs = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let base = format!("{FILE}.corrupt-{secs}");
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut aside = dir.join(&base);
    let mut n = 1;
    while aside.exists() {
        aside = dir.join(format!("{base}-{n}"));
        n += 1;
    }
    fs::rename(path, &aside)?;
    Ok(aside)
}

/// Temporary files of writers killed before they renamed them.
fn remove_stale_temporaries(dir: &Path) {
    crate::replace::remove_stale(dir, &format!("{FILE}.tmp-"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::File;

    fn key(s: &str) -> Key {
        Key(s.to_string())
    }

    #[test]
    fn a_missing_file_is_an_empty_state_and_saves_round_trip() {
        let dir = tempfile::tempdir().expect("temp dir");
        let sub = dir.path().join("not/yet");
        let opened = Store::open(&sub);
        assert!(opened.problem.is_none());
        assert_eq!(opened.state, ReadingState::default());
        let mut s = ReadingState::default();
        s.set_read(&key("t1"), true);
        s.set_starred(&key("u2"), true);
        opened.store.save(&s).expect("save");
        let again = Store::open(&sub);
        assert!(again.problem.is_none(), "{:?}", again.problem);
        assert_eq!(again.state, s);
        // Nothing but the state is left behind.
        let names: Vec<_> = fs::read_dir(&sub)
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["state.json"]);
    }

    #[test]
    fn a_corrupt_file_is_moved_aside_never_emptied() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE);
        fs::write(&path, b"{\"version\": 1, \"read\": [\"t1\", ").expect("write");
        let opened = Store::open(dir.path());
        let Some(StateError::Corrupt { aside, .. }) = &opened.problem else {
            panic!("a corrupt state is reported: {:?}", opened.problem);
        };
        assert_eq!(fs::read(aside).expect("aside kept"), b"{\"version\": 1, \"read\": [\"t1\", ");
        let msg = opened.problem.as_ref().map(ToString::to_string).unwrap_or_default();
        assert!(msg.contains("state.json") && msg.contains("corrupt-"), "{msg}");
        assert!(!path.exists());
        // The store works afresh.
        opened.store.save(&ReadingState::default()).expect("save");
        assert!(Store::open(dir.path()).problem.is_none());
    }

    #[test]
    fn a_newer_format_is_left_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE);
        fs::write(&path, br#"{"version": 9, "read": [], "stars": {}}"#).expect("write");
        let opened = Store::open(dir.path());
        assert!(matches!(opened.problem, Some(StateError::Newer { found: 9, .. })));
        assert!(matches!(
            opened.store.save(&ReadingState::default()),
            Err(StateError::ReadOnly { .. })
        ));
        assert_eq!(fs::read(&path).expect("kept"), br#"{"version": 9, "read": [], "stars": {}}"#);
    }

    #[test]
    fn stale_temporaries_go_young_ones_stay() {
        let dir = tempfile::tempdir().expect("temp dir");
        let old = dir.path().join("state.json.tmp-1-0");
        let young = dir.path().join("state.json.tmp-2-0");
        fs::write(&old, b"{").expect("write");
        fs::write(&young, b"{").expect("write");
        let long_ago = SystemTime::now() - std::time::Duration::from_secs(3600);
        File::options()
            .write(true)
            .open(&old)
            .and_then(|f| f.set_modified(long_ago))
            .expect("age the file");
        let _ = Store::open(dir.path());
        assert!(!old.exists() && young.exists());
    }
}
