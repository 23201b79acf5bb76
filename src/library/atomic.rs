//! The library's files, replaced whole ([`crate::replace`]). The
//! temporary names start with a dot, so the loader (which skips hidden
//! entries) never reads one.

use std::io;
use std::path::Path;

const PREFIX: &str = ".tmp-";

/// Replace `path` with `bytes`, atomically.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    crate::replace::replace(path, bytes, PREFIX)
}

/// Temporary files of writers killed before they renamed them.
pub fn remove_stale_temporaries(dir: &Path) {
    crate::replace::remove_stale(dir, PREFIX);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::{self, File};
    use std::time::Duration;

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
