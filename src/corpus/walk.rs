//! PATH arguments → the files to read, in a stable order. Folders are read
//! recursively; hidden entries below a given folder are skipped, and so are
//! folders plainly not articles (build output, installed packages), each
//! said once as a [`Problem::NotArticles`] warning.

use std::cell::RefCell;
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
                // Folders left out, said after the walk (the filter cannot
                // reach `warnings` while the loop below does).
                let left_out = RefCell::new(Vec::new());
                let walker = WalkDir::new(root)
                    .follow_links(true)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| {
                        if e.depth() == 0 {
                            return true;
                        }
                        if is_hidden(e.path()) {
                            return false;
                        }
                        let why = e.file_type().is_dir().then(|| not_articles(e.path())).flatten();
                        if let Some(why) = why {
                            left_out
                                .borrow_mut()
                                .push(Warning::new(e.path(), Problem::NotArticles(why)));
                        }
                        why.is_none()
                    });
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
                warnings.extend(left_out.into_inner());
            }
        }
    }
    out
}

fn is_hidden(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
}

/// Why the folder at `path` is plainly not articles, if it is: a cache or
/// build output (it holds a `CACHEDIR.TAG`, as Cargo's `target/` does),
/// installed packages, or a Python virtual environment. Reading one would
/// bury the real warnings under thousands of skipped files.
fn not_articles(path: &Path) -> Option<&'static str> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    match name {
        "node_modules" | "bower_components" => return Some("installed packages"),
        "__pycache__" => return Some("build output"),
        _ => {}
    }
    if path.join("CACHEDIR.TAG").is_file() {
        Some("build output")
    } else if path.join("pyvenv.cfg").is_file() {
        Some("installed packages")
    } else {
        None
    }
}
