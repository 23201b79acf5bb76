//! Files replaced whole: written to a hidden temporary file in the same
//! folder, synced, renamed over the old one, the folder synced. A process
//! killed at any moment leaves the old file or the new one, never a part;
//! the temporary names start with a dot, so the loader (which skips hidden
//! entries) never reads one, and the next writer removes those left behind.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

const PREFIX: &str = ".tmp-";
/// Temporary files older than this were left by a writer that was killed.
const STALE: Duration = Duration::from_secs(60);

/// Replace `path` with `bytes`, atomically.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let tmp = dir.join(temporary_name());
    let written = write_synced(&tmp, bytes).and_then(|()| fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    sync_dir(dir)
}

/// A name no other writer (another process, or this one earlier) uses.
fn temporary_name() -> String {
    static N: AtomicU64 = AtomicU64::new(0);
    format!("{PREFIX}{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed))
}

fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        // What someone follows and reads is their business alone.
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut f = options.open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// Temporary files of writers killed before they renamed them. Young ones
/// may belong to another dateline writing right now, so they stay.
pub fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let is_tmp = e.file_name().to_str().is_some_and(|n| n.starts_with(PREFIX));
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE);
        if is_tmp && old {
            let _ = fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_replaced_and_nothing_else_is_left() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("deeper/a.json");
        replace(&path, b"one").expect("write");
        replace(&path, b"two").expect("replace");
        assert_eq!(fs::read(&path).expect("read"), b"two");
        let names: Vec<_> = fs::read_dir(dir.path().join("deeper"))
            .expect("dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["a.json"]);
    }

    #[test]
    fn stale_temporaries_go_young_ones_stay() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (old, young) = (dir.path().join(".tmp-1-0"), dir.path().join(".tmp-2-0"));
        fs::write(&old, b"{").expect("write");
        fs::write(&young, b"{").expect("write");
        let long_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
        File::options()
            .write(true)
            .open(&old)
            .and_then(|f| f.set_modified(long_ago))
            .expect("age the file");
        remove_stale_temporaries(dir.path());
        assert!(!old.exists() && young.exists());
    }
}
