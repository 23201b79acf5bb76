//! PATH arguments → the files to read, in a stable order. Folders are read
//! recursively; hidden entries below a given folder are skipped.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::{Problem, Warning};

/// The files, each with its canonical path when it has one (the cache's
/// key: resolving a path costs a system call per component, so once).
pub fn files(paths: &[PathBuf], warnings: &mut Vec<Warning>) -> Vec<(PathBuf, Option<PathBuf>)> {
    let mut out = Vec::new();
    // The same file named twice (a folder and a file inside it) is read once.
    let mut seen = HashSet::new();
    let mut push = |p: PathBuf, out: &mut Vec<(PathBuf, Option<PathBuf>)>| {
        let canonical = std::fs::canonicalize(&p).ok();
        if seen.insert(canonical.clone().unwrap_or_else(|| p.clone())) {
            out.push((p, canonical));
        }
    };
    for root in paths {
        match std::fs::metadata(root) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                warnings.push(Warning::new(root, Problem::Missing));
            }
            Err(e) => warnings.push(Warning::new(root, Problem::Unreadable(e.to_string()))),
            Ok(m) if m.is_file() => push(root.clone(), &mut out),
            Ok(m) if !m.is_dir() => warnings.push(Warning::new(root, Problem::NotAFile)),
            Ok(_) => {
                let walker = WalkDir::new(root)
                    .follow_links(true)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| e.depth() == 0 || !is_hidden(e.path()));
                for entry in walker {
                    match entry {
                        Ok(e) if e.file_type().is_file() => push(e.into_path(), &mut out),
                        Ok(e) if e.file_type().is_dir() => {}
                        // Pipes, sockets, devices: reading one could block forever.
                        Ok(e) => warnings.push(Warning::new(e.into_path(), Problem::NotAFile)),
                        Err(e) => {
                            let path = e.path().unwrap_or(root).to_path_buf();
                            let gone = e
                                .io_error()
                                .is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound)
                                && std::fs::symlink_metadata(&path).is_err();
                            let problem = if e.loop_ancestor().is_some() {
                                Problem::LinkLoop
                            } else if gone {
                                // Listed, then gone before it could be looked at (a
                                // link to nowhere is still there: unreadable).
                                Problem::Vanished
                            } else {
                                Problem::Unreadable(
                                    e.io_error().map_or_else(|| e.to_string(), ToString::to_string),
                                )
                            };
                            warnings.push(Warning::new(path, problem));
                        }
                    }
                }
            }
        }
    }
    out
}

fn is_hidden(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
}
