//! The README and the docs stay true. Every key the reader binds is
//! documented in the README; and every sample of a screen or an output in
//! README.md and docs/*.md is what the build gives. A sample sits between
//!
//! ```text
//! <!-- sample: SOURCE -->
//! …
//! <!-- /sample -->
//! ```
//!
//! where SOURCE is `snapshot NAME` (a view test's snapshot in
//! tests/snapshots/NAME.snap), `run ARGS [| head N]` (the binary's stdout
//! for `dateline ARGS`, run in the repository with no cache), `stderr ARGS
//! [| head N]` (its stderr), or `keys` (the keys table, from the default
//! keymap). `UPDATE_README=1 cargo test
//! --test readme` rewrites every sample from its source.

use std::path::{Path, PathBuf};
use std::process::Command;

use dateline::tui::keymap::Keymap;

const OPEN: &str = "<!-- sample: ";
const CLOSE: &str = "<!-- /sample -->";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// README.md and every docs/*.md, in a fixed order.
fn documents() -> Vec<PathBuf> {
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    docs.retain(|p| p.extension().is_some_and(|e| e == "md"));
    docs.sort();
    docs.insert(0, root().join("README.md"));
    docs
}

/// What the source gives, as it goes between the markers.
fn produce(source: &str) -> Result<String, String> {
    let (kind, rest) = source.split_once(' ').unwrap_or((source, ""));
    match kind {
        "snapshot" => {
            let path = root().join(format!("tests/snapshots/{}.snap", rest.trim()));
            let snap =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let body = snap.splitn(3, "---\n").nth(2).ok_or("a snapshot without a body")?;
            Ok(fenced("text", body.trim_end()))
        }
        "run" | "stderr" => {
            let (args, head) = match rest.split_once('|') {
                Some((a, h)) => {
                    let n = h.trim().strip_prefix("head").map(str::trim).unwrap_or("");
                    (a, Some(n.parse::<usize>().map_err(|_| format!("bad head in {source:?}"))?))
                }
                None => (rest, None),
            };
            let data = tempfile::tempdir().map_err(|e| e.to_string())?;
            let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
                .args(args.split_whitespace())
                .arg("--no-cache")
                .current_dir(root())
                .env("DATELINE_DATA_DIR", data.path())
                .env("DATELINE_CONFIG", data.path().join("none.toml"))
                .env_remove("NO_COLOR")
                .output()
                .map_err(|e| e.to_string())?;
            let text =
                String::from_utf8_lossy(if kind == "run" { &out.stdout } else { &out.stderr });
            let lines: Vec<&str> = text.lines().take(head.unwrap_or(usize::MAX)).collect();
            let info = if args.contains("--format json") { "json" } else { "text" };
            let info = if kind == "run" && args.trim_start().starts_with("config") {
                "toml"
            } else {
                info
            };
            Ok(fenced(info, lines.join("\n").trim_end()))
        }
        "keys" => Ok(keys_table()),
        _ => Err(format!("unknown sample source {source:?}")),
    }
}

fn fenced(info: &str, body: &str) -> String {
    format!("```{info}\n{body}\n```")
}

/// The keys table: a heading row per context, then a row per binding.
fn keys_table() -> String {
    let keymap = Keymap::default();
    let mut out = vec!["| key | does |".to_string(), "| --- | --- |".to_string()];
    for (ctx, bindings) in keymap.sections() {
        out.push(format!("| **{}** | |", ctx.title()));
        for b in bindings {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("`{k}`")).collect();
            out.push(format!("| {} | {} |", keys.join(" ").replace('|', "\\|"), b.help));
        }
    }
    out.join("\n")
}

/// Each sample of `text`: (source, byte range of the lines between the
/// markers).
fn samples(text: &str) -> Result<Vec<(String, std::ops::Range<usize>)>, String> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(OPEN).map(|i| from + i) {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let source = text[at + OPEN.len()..line_end]
            .trim()
            .strip_suffix("-->")
            .ok_or("a sample marker without its -->")?
            .trim()
            .to_string();
        let start = (line_end + 1).min(text.len());
        let end = text[start..].find(CLOSE).map(|i| start + i).ok_or("a sample left open")?;
        out.push((source, start..end));
        from = end + CLOSE.len();
    }
    Ok(out)
}

/// Check (or with `update`, rewrite) the samples of `path`; the list of
/// those that differ.
fn check(path: &Path, update: bool) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut stale = Vec::new();
    let mut rewritten = String::new();
    let mut last = 0;
    let found = samples(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    for (source, range) in found {
        let want = produce(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display())) + "\n";
        if text[range.clone()] != want {
            stale.push(format!("{}: sample `{source}` differs from the build", path.display()));
        }
        rewritten.push_str(&text[last..range.start]);
        rewritten.push_str(&want);
        last = range.end;
    }
    rewritten.push_str(&text[last..]);
    if update && rewritten != text {
        std::fs::write(path, rewritten).expect("rewrite the samples");
    }
    stale
}

#[test]
fn samples_in_readme_and_docs_are_what_the_build_prints() {
    let update = std::env::var_os("UPDATE_README").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    let mut seen = 0;
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap_or_default();
        seen += samples(&text).map(|s| s.len()).unwrap_or(0);
        stale.extend(check(&doc, update));
    }
    assert!(seen >= 5, "the README and docs hold samples ({seen})");
    if !update {
        assert!(
            stale.is_empty(),
            "{}\nrun `UPDATE_README=1 cargo test --test readme` to refresh them",
            stale.join("\n")
        );
    }
}

#[test]
fn a_changed_sample_is_caught_and_rewritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = dir.path().join("doc.md");
    let good = format!("{OPEN}run list sample-data | head 2 -->\n{}\n{CLOSE}\n", {
        produce("run list sample-data | head 2").expect("runs")
    });
    std::fs::write(&doc, good.replace("433", "999")).expect("write");
    assert_eq!(check(&doc, false).len(), 1, "a wrong number is caught");
    assert_eq!(check(&doc, true).len(), 1);
    assert_eq!(std::fs::read_to_string(&doc).ok(), Some(good.clone()), "and rewritten");
    assert!(check(&doc, false).is_empty());
    assert!(good.contains("DATE") && good.contains("CNN"), "{good}");
}

#[test]
fn docs_keys_document_every_bound_key() {
    let keys = std::fs::read_to_string(root().join("docs/keys.md")).expect("docs/keys.md");
    let keymap =
        std::fs::read_to_string(root().join("src/tui/keymap-default.toml")).expect("keymap");
    let table: toml::Table = keymap.parse().expect("keymap parses");
    let mut checked = 0;
    for (context, entries) in &table {
        for entry in entries.as_array().expect("a list of bindings") {
            let help = entry["help"].as_str().expect("help text");
            let row =
                keys.lines().find(|l| l.starts_with("| `") && l.ends_with(&format!("| {help} |")));
            assert!(row.is_some(), "docs/keys.md lacks the {context} binding {help:?}");
            checked += 1;
        }
    }
    assert!(checked > 20, "the keymap was read ({checked} bindings)");
}

/// The README's short keys table is rows of the full one, word for word,
/// and holds the contract's keys, so it cannot drift from the keymap.
#[test]
fn readme_keys_are_rows_of_the_keymap() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let full = keys_table();
    let section = readme.split("## Keys").nth(1).expect("a Keys section");
    let section = section.split("\n## ").next().unwrap_or(section);
    let rows: Vec<&str> = section.lines().filter(|l| l.starts_with("| `")).collect();
    assert!(rows.len() >= 12, "{rows:?}");
    for row in &rows {
        assert!(full.lines().any(|l| l == *row), "README key row not in the keymap: {row}");
    }
    for key in ["`j`", "`k`", "`Enter`", "`Tab`", "`/`", "`e`", "`n`", "`N`", "`c`", "`?`", "`q`"] {
        assert!(rows.iter().any(|r| r.starts_with(&format!("| {key}"))), "README lacks {key}");
    }
}

/// No link in the README or docs points outside the repository, but to
/// the web: a reader of a clone has nothing at `../`. (Whether the file is
/// there is not asked: docs other branches write may not be merged yet.)
#[test]
fn links_stay_in_the_repository() {
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap_or_default();
        let rel = doc.strip_prefix(root()).unwrap_or(&doc);
        let base = rel.parent().unwrap_or(Path::new(""));
        for (at, _) in text.match_indices("](") {
            let target = text[at + 2..].split(')').next().unwrap_or("");
            let target = target.split('#').next().unwrap_or("");
            if target.is_empty() || target.starts_with("http://") || target.starts_with("https://")
            {
                continue;
            }
            // Depth below the repository's root, component by component.
            let mut depth: i32 = 0;
            let mut inside = !target.starts_with('/');
            for c in base.join(target).components() {
                match c {
                    std::path::Component::ParentDir => depth -= 1,
                    std::path::Component::Normal(_) => depth += 1,
                    _ => {}
                }
                inside &= depth >= 0;
            }
            assert!(inside, "{}: the link to {target:?} leaves the repository", rel.display());
        }
        assert!(
            !text.contains("shared/CONTRACT.md"),
            "{}: names the shared contract",
            rel.display()
        );
    }
}
