//! Any bytes at all, under every file type the loader reads: it never
//! panics, a file gives articles or a warning naming it (never silence),
//! and every article's text analyses into spans inside it on char
//! boundaries. Inputs: arbitrary bytes, arbitrary Unicode, format-shaped
//! soup, and the test fixtures with random edits.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use dateline::analysis::analyze;
use dateline::corpus;
use proptest::prelude::*;

const EXTS: [&str; 8] = ["txt", "md", "json", "jsonl", "html", "xml", "rss", "atom"];

/// Load `bytes` as `file.<ext>` and check what came back.
fn check(ext: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(format!("file.{ext}"));
    fs::write(&path, bytes).expect("write");
    let c = corpus::load(std::slice::from_ref(&path));
    assert!(
        !c.articles.is_empty() || c.warnings.iter().any(|w| w.path == path),
        ".{ext}: neither an article nor a warning"
    );
    for w in &c.warnings {
        assert_eq!(w.path, path, "warnings name the file");
        assert!(!w.to_string().is_empty());
    }
    for a in &c.articles {
        assert!(!a.body.trim().is_empty(), ".{ext}: an article with no text");
        assert!(!a.id.is_empty());
        check_spans(&a.body);
    }
}

fn check_spans(body: &str) {
    let an = analyze(body, None);
    let ok = |s: usize, e: usize| {
        s <= e && e <= body.len() && body.is_char_boundary(s) && body.is_char_boundary(e)
    };
    for t in &an.segmentation.tokens {
        assert!(ok(t.start, t.end), "token {t:?} in {body:?}");
    }
    for s in &an.segmentation.sentences {
        assert!(ok(s.start, s.end), "sentence {s:?} in {body:?}");
    }
    for m in &an.mentions {
        assert!(ok(m.start, m.end) && m.start < m.end, "mention {m:?} in {body:?}");
    }
    for v in &an.values {
        assert!(ok(v.start, v.end), "value {v:?} in {body:?}");
    }
}

fn ext() -> impl Strategy<Value = &'static str> {
    prop::sample::select(EXTS.to_vec())
}

/// Pieces that steer the loaders into their less-trodden paths.
fn soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("---\n".to_string()),
        Just("+++\n".to_string()),
        Just("title: ".to_string()),
        Just("date: 2024-02-30\n".to_string()),
        Just("title = \"".to_string()),
        Just("{\"title\": \"".to_string()),
        Just("\"body\": \"".to_string()),
        Just("[{".to_string()),
        Just("}]".to_string()),
        Just("\",".to_string()),
        Just("<html><body><article><p>".to_string()),
        Just("</p><p>".to_string()),
        Just("<script>".to_string()),
        Just("<!--".to_string()),
        Just("<rss version=\"2.0\"><channel><title>".to_string()),
        Just("<item><title>".to_string()),
        Just("<description><![CDATA[".to_string()),
        Just(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content type=\"html\">"
                .to_string()
        ),
        Just("&amp;&#x1F680;&#0;&bogus;".to_string()),
        Just("CNN — ".to_string()),
        Just("WASHINGTON (AP) — ".to_string()),
        Just("date 2024-08-06 ".to_string()),
        Just("Published: July 28, 2004 at 1:24 PM\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{feff}".to_string()),
        "[A-Z][a-z]{0,8} ",
        "\\PC{0,16}",
        ".{0,8}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// The HTML pages and feeds of the fixtures, read once.
fn fixtures() -> &'static [(String, Vec<u8>)] {
    static F: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    F.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut out = Vec::new();
        for sub in ["html", "feeds", "seeds"] {
            let mut paths: Vec<PathBuf> = fs::read_dir(root.join(sub))
                .expect("fixtures")
                .map(|e| e.expect("entry").path())
                .collect();
            paths.sort();
            for p in paths {
                let ext = ext_of(&p);
                out.push((ext, fs::read(&p).expect("read")));
            }
        }
        out
    })
}

fn ext_of(p: &Path) -> String {
    p.extension().map_or_else(|| "txt".to_string(), |e| e.to_string_lossy().into_owned())
}

/// A byte-level edit: (where, as a fraction of the length; what).
#[derive(Debug, Clone)]
enum Edit {
    Flip(f64, u8),
    Insert(f64, Vec<u8>),
    Delete(f64, usize),
    Cut(f64),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let at = 0.0..1.0f64;
    let edit = prop_oneof![
        (at.clone(), any::<u8>()).prop_map(|(a, b)| Edit::Flip(a, b)),
        (at.clone(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(a, b)| Edit::Insert(a, b)),
        (at.clone(), 1..64usize).prop_map(|(a, n)| Edit::Delete(a, n)),
        at.prop_map(Edit::Cut),
    ];
    prop::collection::vec(edit, 1..6)
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
    let pos = |f: f64, len: usize| ((len as f64) * f) as usize;
    for e in edits {
        let len = bytes.len();
        match e {
            Edit::Flip(f, b) => {
                if len > 0 {
                    bytes[pos(*f, len).min(len - 1)] ^= b | 1;
                }
            }
            Edit::Insert(f, ins) => {
                let at = pos(*f, len).min(len);
                bytes.splice(at..at, ins.iter().copied());
            }
            Edit::Delete(f, n) => {
                let at = pos(*f, len).min(len);
                bytes.drain(at..(at + n).min(len));
            }
            Edit::Cut(f) => bytes.truncate(pos(*f, len)),
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(ext in ext(), bytes in prop::collection::vec(any::<u8>(), 0..1500)) {
        check(ext, &bytes);
    }

    #[test]
    fn arbitrary_unicode(ext in ext(), text in any::<String>()) {
        check(ext, text.as_bytes());
    }

    #[test]
    fn format_shaped_soup(ext in ext(), text in soup()) {
        check(ext, text.as_bytes());
    }

    #[test]
    fn fixtures_with_random_edits(i in 0..64usize, edits in edits(), as_other in any::<bool>(), other in ext()) {
        let all = fixtures();
        let (ext, bytes) = &all[i % all.len()];
        // Also under another type's name: a feed read as a page, a page as JSON.
        let ext = if as_other { other } else { ext.as_str() };
        check(ext, &apply(bytes.clone(), &edits));
    }
}
