//! Bad input: every problem is one warning naming the file and the reason,
//! and the rest of the corpus loads. The whole hostile input matrix (empty,
//! binary, encodings, sizes, front matter, JSON, links, permissions, many
//! files, scripts) is in `hostile_input.rs`; these are the other cases.

use std::fs;
use std::path::{Path, PathBuf};

use dateline::corpus::{self, Corpus, FeedError, HtmlError, Problem};

const GOOD: &str = "---\ntitle: Good one\ndate: 2024-01-02\n---\nA good article about a flood.\n";

/// A folder holding one good article and the given bad files.
fn corpus_with(files: &[(&str, &[u8])]) -> (tempfile::TempDir, Corpus) {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("good.md"), GOOD).expect("write");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        fs::write(path, bytes).expect("write");
    }
    let c = corpus::load(&[dir.path().to_path_buf()]);
    (dir, c)
}

fn warning_for<'a>(c: &'a Corpus, name: &str) -> &'a corpus::Warning {
    let hits: Vec<_> = c.warnings.iter().filter(|w| w.path.ends_with(name)).collect();
    assert_eq!(hits.len(), 1, "one warning for {name}: {:?}", c.warnings);
    hits[0]
}

fn assert_good_loaded(c: &Corpus) {
    assert!(
        c.articles.iter().any(|a| a.title == "Good one"),
        "the good file loads: {:?}",
        c.articles
    );
}

#[test]
fn malformed_json() {
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let (_d, c) = corpus_with(&[
        ("broken.json", b"{\"title\": \"x\", \"body\": "),
        ("deep.json", deep.as_bytes()),
        ("types.json", br#"[{"title": 5, "body": "Five."}, {"title": "No body"}]"#),
        ("feed.jsonl", b"{\"body\":\"One.\"}\nnot json\n{\"body\":\"Two.\"}\n"),
    ]);
    let w = warning_for(&c, "broken.json").to_string();
    assert!(w.contains("invalid JSON") && w.contains("line 1"), "{w}");
    assert!(warning_for(&c, "deep.json").to_string().contains("invalid JSON"));
    assert!(warning_for(&c, "types.json").to_string().contains("item 2: no text"));
    assert!(warning_for(&c, "feed.jsonl").to_string().contains("line 2: invalid JSON"));
    let ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    for id in ["types-1", "feed-1", "feed-3"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    assert_good_loaded(&c);
}

#[test]
fn unreadable_files() {
    let (dir, _) = corpus_with(&[]);
    let locked = dir.path().join("locked.txt");
    fs::write(&locked, "Secret text.").expect("write");
    set_mode(&locked, 0o000);
    symlink(Path::new("nowhere.txt"), &dir.path().join("dangling.txt"));
    let c = corpus::load(&[dir.path().to_path_buf()]);
    assert!(matches!(warning_for(&c, "dangling.txt").problem, Problem::Unreadable(_)));
    // Root reads any file whatever its mode; only check where the mode binds.
    if fs::read(&locked).is_err() {
        assert!(matches!(warning_for(&c, "locked.txt").problem, Problem::Unreadable(_)));
    }
    set_mode(&locked, 0o644);
    assert_good_loaded(&c);
}

#[test]
fn symlink_loop_and_hidden_entries() {
    let (dir, _) =
        corpus_with(&[(".hidden/secret.txt", b"Hidden text."), (".notes.txt", b"Hidden.")]);
    fs::create_dir(dir.path().join("sub")).expect("mkdir");
    symlink(dir.path(), &dir.path().join("sub/loop"));
    let c = corpus::load(&[dir.path().to_path_buf()]);
    assert_eq!(warning_for(&c, "loop").problem, Problem::LinkLoop);
    assert_eq!(c.articles.len(), 1, "hidden entries skipped: {:?}", c.articles);
}

#[test]
fn pages_without_text_bad_feeds_and_unknown_files_are_skipped_with_a_reason() {
    let (_d, c) = corpus_with(&[
        ("page.html", b"<html></html>"),
        ("feed.rss", b"<rss/>"),
        ("cut.xml", b"<rss version=\"2.0\"><channel><title>T</title><item><title>A"),
        ("LICENSE", b"MIT"),
    ]);
    assert_eq!(warning_for(&c, "page.html").problem, Problem::Html(HtmlError::NoArticle));
    for name in ["feed.rss", "cut.xml"] {
        let w = warning_for(&c, name);
        assert!(matches!(w.problem, Problem::Feed(FeedError::Malformed(_))), "{w}");
        assert!(w.to_string().contains("not a readable feed"), "{w}");
    }
    assert_eq!(warning_for(&c, "LICENSE").problem, Problem::Unsupported(None));
    assert_good_loaded(&c);
}

#[test]
fn duplicate_bodies_kept_once_and_shared_stems_get_unique_ids() {
    let text = b"The same wire story, word for word.";
    let (dir, c) = corpus_with(&[
        ("a/story.txt", text),
        ("b/story.txt", text),
        ("b/story.md", b"Another story with the same stem."),
        ("c/story.txt", b"A third text under the same stem."),
    ]);
    let w = warning_for(&c, "b/story.txt");
    assert!(
        matches!(&w.problem, Problem::Duplicate(first) if first.ends_with("a/story.txt")),
        "{w}"
    );
    let mut ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), c.articles.len(), "ids unique: {ids:?}");
    assert!(ids.contains(&"story"), "the first keeps its stem: {ids:?}");
    // Stable across runs: loading again gives the same ids.
    let again = corpus::load(&[dir.path().to_path_buf()]);
    let ids_again: Vec<&str> = again.articles.iter().map(|a| a.id.as_str()).collect();
    let ids_first: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids_first, ids_again);
}

#[test]
fn missing_path() {
    let c = corpus::load(&[PathBuf::from("/definitely/not/here")]);
    assert_eq!(c.warnings.len(), 1);
    assert_eq!(c.warnings[0].problem, Problem::Missing);
    assert!(c.warnings[0].to_string().starts_with("/definitely/not/here: "));
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).expect("symlink");
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

#[test]
fn truncated_and_mangled_pages_and_feeds_never_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut sources = Vec::new();
    for sub in ["html", "feeds"] {
        for entry in fs::read_dir(root.join(sub)).expect("fixtures") {
            let path = entry.expect("entry").path();
            sources.push((path.clone(), fs::read(&path).expect("read")));
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, bytes) in &sources {
        let name = path.file_name().expect("name");
        let target = dir.path().join(name);
        const CUTS: usize = 24;
        for k in 1..CUTS {
            let cut = bytes.len() * k / CUTS;
            // Cut, and cut with the rest's bytes shifted (tags broken mid-name).
            for mangled in [bytes[..cut].to_vec(), [&bytes[..cut], &bytes[cut + 1..]].concat()] {
                fs::write(&target, &mangled).expect("write");
                let c = corpus::load(std::slice::from_ref(&target));
                assert!(
                    !c.articles.is_empty() || !c.warnings.is_empty(),
                    "{} cut at {cut}: neither an article nor a reason",
                    path.display()
                );
            }
        }
    }
}

/// A checkout after a build: articles, a Cargo `target/` of object files,
/// a `node_modules/`, a stray binary type and one truly bad file.
fn build_checkout() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    fs::write(root.join("good.md"), GOOD).expect("write");
    fs::write(root.join("broken.json"), b"{ not json").expect("write");
    let target = root.join("target/release/deps");
    fs::create_dir_all(&target).expect("mkdir");
    fs::write(root.join("target/CACHEDIR.TAG"), b"Signature: 8a477f597d28d172789f06886806bc55")
        .expect("write");
    for i in 0..40 {
        fs::write(target.join(format!("x{i}.o")), b"\x7fELF\0\0").expect("write");
    }
    fs::create_dir_all(root.join("node_modules/pkg")).expect("mkdir");
    fs::write(root.join("node_modules/pkg/README.md"), GOOD).expect("write");
    for i in 0..5 {
        fs::write(root.join(format!("p{i}.o")), b"\x7fELF").expect("write");
    }
    fs::write(root.join("notes.d"), b"dep: file").expect("write");
    fs::write(root.join("a.d"), b"dep: file").expect("write");
    dir
}

fn run(dir: &Path, extra: &[&str]) -> (String, String) {
    let data = tempfile::tempdir().expect("temp dir");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["list", "--no-cache"])
        .args(extra)
        .arg(dir)
        .env("DATELINE_DATA_DIR", data.path())
        .output()
        .expect("run dateline");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

#[test]
fn build_folders_are_skipped_and_said_once() {
    let dir = build_checkout();
    let c = corpus::load(&[dir.path().to_path_buf()]);
    // The package's README is not an article of this corpus.
    assert_eq!(c.articles.len(), 1, "{:?}", c.articles);
    let skipped: Vec<_> =
        c.warnings.iter().filter(|w| matches!(w.problem, Problem::NotArticles(_))).collect();
    assert_eq!(skipped.len(), 2, "{:?}", c.warnings);
    assert!(skipped.iter().any(|w| w.path.ends_with("target")));
    assert!(skipped.iter().any(|w| w.path.ends_with("node_modules")));
    // Nothing inside them was looked at.
    assert!(!c.warnings.iter().any(|w| w.path.to_string_lossy().contains("deps")));
    // Named on the command line, a build folder is read.
    let inside = corpus::load(&[dir.path().join("target")]);
    assert_eq!(inside.warnings.len(), 41, "{:?}", inside.warnings);
}

#[test]
fn stderr_sums_up_repeats_and_verbose_lists_each() {
    let dir = build_checkout();
    let (_, err) = run(dir.path(), &[]);
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines.iter().any(|l| l.contains("broken.json: ") && l.ends_with("; skipped")),
        "the real problem keeps its line:\n{err}"
    );
    assert!(
        lines.contains(&"warning: 7 files of unsupported types skipped (.o 5, .d 2)"),
        "one line for the repeats:\n{err}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("warning: 2 folders of build output or packages skipped")),
        "{err}"
    );
    assert!(lines.iter().any(|l| l.contains("--verbose")), "{err}");
    assert_eq!(lines.len(), 4, "{err}");
    let (_, all) = run(dir.path(), &["--verbose"]);
    assert_eq!(all.lines().filter(|l| l.contains("unsupported file type")).count(), 7, "{all}");
    assert_eq!(all.lines().count(), 10, "{all}");
}
