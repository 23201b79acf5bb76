//! Files replaced whole: written to a temporary file in the same folder,
//! synced, renamed over the old one, the folder synced. A process killed at
//! any moment leaves the old file or the new one, never a part; the next
//! writer removes the temporary files a killed one left behind. Used by the
//! reading state and the library.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Temporary files older than this were left by a writer that was killed.
const STALE: Duration = Duration::from_secs(60);

/// Replace `path` with `bytes`, atomically, through a temporary file in the
/// same folder whose name starts with `prefix`.
pub fn replace(path: &Path, bytes: &[u8], prefix: &str) -> io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let tmp = dir.join(temporary_name(prefix));
    let written = write_synced(&tmp, bytes).and_then(|()| fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    sync_dir(dir)
}

/// A name no other writer (another process, or this one earlier) uses.
fn temporary_name(prefix: &str) -> String {
    static N: AtomicU64 = AtomicU64::new(0);
    format!("{prefix}{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed))
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
pub fn remove_stale(dir: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let is_tmp = e.file_name().to_str().is_some_and(|n| n.starts_with(prefix));
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
