//! The corpus generator (benches/support/gen.rs) writes what dateline
//! reads without a single warning, in every input format, with varied
//! outlets, dates and lengths, the same way every time.

#[path = "../benches/support/gen.rs"]
mod generator;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use dateline::corpus;

#[test]
fn the_generated_corpus_loads_with_zero_warnings_in_every_format() {
    let dir = tempfile::tempdir().expect("tmp");
    let seeds = generator::Seeds::load(Path::new(env!("CARGO_MANIFEST_DIR")));
    let made = generator::generate(&seeds, 1200, dir.path()).expect("generate");
    assert_eq!(made.articles, 1200);

    let c = corpus::load(&[dir.path().to_path_buf()]);
    let warnings: Vec<String> = c.warnings.iter().map(ToString::to_string).collect();
    assert!(warnings.is_empty(), "{} warnings:\n{}", warnings.len(), warnings.join("\n"));
    assert_eq!(c.articles.len(), 1200, "every article read, none a repeat");

    let (_, files) = generator::files_under(dir.path());
    assert_eq!(files.len(), made.files);
    let mut kinds = BTreeSet::new();
    for f in &files {
        let ext = f.extension().and_then(|e| e.to_str()).unwrap_or("").to_string();
        let head: String = fs::read_to_string(f).expect("text").chars().take(4).collect::<String>();
        kinds.insert(match (ext.as_str(), head.as_str()) {
            ("md", h) if h.starts_with("---") => "md+yaml".to_string(),
            ("md", h) if h.starts_with("+++") => "md+toml".to_string(),
            _ => ext,
        });
    }
    let want = ["atom", "html", "json", "jsonl", "md+toml", "md+yaml", "txt", "xml"];
    assert_eq!(kinds.iter().map(String::as_str).collect::<Vec<_>>(), want);

    let outlets: BTreeSet<_> = c.articles.iter().filter_map(|a| a.outlet.as_deref()).collect();
    assert!(outlets.len() >= 15, "outlets: {outlets:?}");
    let years: BTreeSet<_> =
        c.articles.iter().filter_map(|a| a.date).map(|d| d.format("%Y").to_string()).collect();
    assert!(years.len() >= 5, "years: {years:?}");
    assert!(c.articles.iter().any(|a| a.date.is_none()), "some undated");
    let words: Vec<usize> = c.articles.iter().map(|a| a.words()).collect();
    let (min, max) = (words.iter().min().copied(), words.iter().max().copied());
    assert!(min.zip(max).is_some_and(|(lo, hi)| hi > 6 * lo), "lengths {min:?}..{max:?}");
}

#[test]
fn the_same_n_gives_the_same_files() {
    let seeds = generator::Seeds::load(Path::new(env!("CARGO_MANIFEST_DIR")));
    let (a, b) = (tempfile::tempdir().expect("tmp"), tempfile::tempdir().expect("tmp"));
    generator::generate(&seeds, 150, a.path()).expect("generate");
    generator::generate(&seeds, 150, b.path()).expect("generate");
    let (fa, fb) = (generator::files_under(a.path()).1, generator::files_under(b.path()).1);
    assert_eq!(fa.len(), fb.len());
    for (x, y) in fa.iter().zip(&fb) {
        assert_eq!(x.strip_prefix(a.path()).ok(), y.strip_prefix(b.path()).ok());
        assert_eq!(fs::read(x).ok(), fs::read(y).ok(), "{}", x.display());
    }
}
