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
/// key). Resolving a path costs a system call per component, so inside a
/// folder it is resolved once, and a file reached through no link is that
/// folder's resolved path joined with the rest.
pub fn files(paths: &[PathBuf], warnings: &mut Vec<Warning>) -> Vec<(PathBuf, Option<PathBuf>)> {
    let mut out = Vec::new();
    // The same file named twice (a folder and a file inside it) is read once.
    let mut seen = HashSet::new();
    let mut push = |p: PathBuf, canonical: Option<PathBuf>, out: &mut Vec<_>| {
        let canonical = canonical.or_else(|| std::fs::canonicalize(&p).ok());
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
            Ok(m) if m.is_file() => push(root.clone(), None, &mut out),
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
                let resolved = std::fs::canonicalize(root).ok();
                // Per depth of the walk: whether a link was followed to get
                // there (then the file's path must be resolved itself).
                let mut linked: Vec<bool> = Vec::new();
                for entry in walker {
                    let through_link = |e: &walkdir::DirEntry, linked: &mut Vec<bool>| {
                        linked.truncate(e.depth());
                        let above = e.depth() > 0 && linked.last().copied().unwrap_or(true);
                        let l = above || (e.depth() > 0 && e.path_is_symlink());
                        linked.push(l);
                        l
                    };
                    match entry {
                        Ok(e) if e.file_type().is_file() => {
                            let l = through_link(&e, &mut linked);
                            let canonical = match (&resolved, e.path().strip_prefix(root)) {
                                (Some(r), Ok(rel)) if !l => Some(r.join(rel)),
                                _ => None,
                            };
                            push(e.into_path(), canonical, &mut out);
                        }
                        Ok(e) if e.file_type().is_dir() => {
                            through_link(&e, &mut linked);
                        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn each_file_has_the_canonical_path_the_system_gives_through_links_too() {
        let dir = tempfile::tempdir().expect("tmp");
        let root = dir.path().join("news");
        std::fs::create_dir_all(root.join("real/deep")).expect("mkdir");
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir_all(&elsewhere).expect("mkdir");
        std::fs::write(root.join("real/deep/a.txt"), "A.").expect("write");
        std::fs::write(root.join("b.txt"), "B.").expect("write");
        std::fs::write(elsewhere.join("c.txt"), "C.").expect("write");
        std::os::unix::fs::symlink(&elsewhere, root.join("linked")).expect("link a folder");
        std::os::unix::fs::symlink(root.join("b.txt"), root.join("real/to-b.txt"))
            .expect("link a file");
        // Given by a path with a `..` in it, and through a link itself.
        std::os::unix::fs::symlink(&root, dir.path().join("alias")).expect("link the root");
        for given in [root.join("real/.."), dir.path().join("alias")] {
            let mut warnings = Vec::new();
            let found = files(std::slice::from_ref(&given), &mut warnings);
            assert!(warnings.is_empty(), "{warnings:?}");
            // b.txt and real/to-b.txt are one file: read once.
            assert_eq!(found.len(), 3, "{found:?}");
            for (path, canonical) in &found {
                let want = std::fs::canonicalize(path).expect("resolves");
                assert_eq!(canonical.as_ref(), Some(&want), "{}", path.display());
            }
        }
    }
}
