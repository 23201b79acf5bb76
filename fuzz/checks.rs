//! What each fuzz target runs and checks, shared by the cargo-fuzz targets
//! (`fuzz_targets/*.rs`) and the stable driver (`examples/fuzz_stable.rs`).
//! A check that fails panics, which both report as a crash.

use std::path::Path;

use dateline::analysis::analyze;
use dateline::corpus;

/// The targets, by name (the stable driver runs them all).
#[allow(dead_code)] // not used by the single-target cargo-fuzz binaries
pub const TARGETS: [&str; 5] = ["text", "json", "html", "feed", "analysis"];

/// Run target `name` on `data`.
pub fn run(name: &str, data: &[u8]) {
    match name {
        "text" => {
            load("fuzz.md", data);
            load("fuzz.txt", data);
        }
        "json" => {
            load("fuzz.json", data);
            load("fuzz.jsonl", data);
        }
        "html" => load("fuzz.html", data),
        "feed" => load("fuzz.xml", data),
        "analysis" => analysis(data),
        other => panic!("no fuzz target {other:?}"),
    }
}

/// The loader never panics and never stays silent: a file gives articles
/// or a warning naming it; every article has text within the size limit.
fn load(name: &str, data: &[u8]) {
    let path = Path::new(name);
    let c = corpus::load_bytes(path, data);
    assert!(
        !c.articles.is_empty() || !c.warnings.is_empty(),
        "{name}: neither articles nor a warning"
    );
    for w in &c.warnings {
        assert_eq!(w.path, path, "warnings name the file");
    }
    for a in &c.articles {
        assert!(!a.body.trim().is_empty(), "{name}: an article without text");
        assert!(a.body.len() <= corpus::MAX_ARTICLE_BYTES, "{name}: over the size limit");
        assert!(!a.id.is_empty(), "{name}: an article without an id");
    }
}

/// Every sentence, token, mention and value is a span inside the text, on
/// char boundaries; mentions are ordered and apart.
fn analysis(data: &[u8]) {
    let body = String::from_utf8_lossy(data);
    let an = analyze(&body, chrono::NaiveDate::from_ymd_opt(2024, 8, 6));
    let ok = |s: usize, e: usize| {
        s <= e && e <= body.len() && body.is_char_boundary(s) && body.is_char_boundary(e)
    };
    for t in &an.segmentation.tokens {
        assert!(ok(t.start, t.end) && t.start < t.end, "token {t:?}");
    }
    for s in &an.segmentation.sentences {
        assert!(ok(s.start, s.end), "sentence {s:?}");
        assert!(s.tokens.end <= an.segmentation.tokens.len(), "sentence tokens {s:?}");
    }
    let mut last = 0;
    for m in &an.mentions {
        assert!(ok(m.start, m.end) && m.start < m.end, "mention {m:?}");
        assert!(m.start >= last, "mentions ordered and apart");
        last = m.end;
    }
    for v in &an.values {
        assert!(ok(v.start, v.end), "value {v:?}");
    }
}
