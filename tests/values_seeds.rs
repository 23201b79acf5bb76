//! Prints every value found in the seed articles, for hand-checking
//! precision:
//!
//! ```text
//! cargo test --test values_seeds -- --nocapture
//! ```
//!
//! It asserts only what must hold for any text (spans on char boundaries,
//! in order, not overlapping); whether each value is right is judged by a
//! person reading the printout. `VALUES_DIR=some/folder` prints another
//! folder of `.txt` articles instead.

use std::path::PathBuf;

use chrono::NaiveDate;
use dateline::analysis::values::{ValueDetail, find_values};

/// Publication dates of the seed articles as stated in
/// tests/fixtures/seeds/README.md (metadata, used only to resolve relative
/// dates in the printout).
fn known_date(stem: &str) -> Option<NaiveDate> {
    let iso = match stem.get(..3)? {
        "000" => "2024-08-06",
        "001" => "2024-08-05",
        "002" => "2024-08-05",
        "003" => "2024-01-23",
        "004" => "2023-11-22",
        _ => return None,
    };
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok()
}

/// A leading "date YYYY-MM-DD" line or `date:` front-matter key.
fn header_date(text: &str) -> Option<NaiveDate> {
    text.lines().take(12).find_map(|l| {
        let l = l.trim().trim_start_matches("date").trim_start_matches(':').trim();
        NaiveDate::parse_from_str(l.get(..10)?, "%Y-%m-%d").ok()
    })
}

#[test]
fn print_values_of_seed_articles() {
    let dir = std::env::var("VALUES_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("read seed folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let (mut dates, mut numbers) = (0, 0);
    for path in files {
        let text = std::fs::read_to_string(&path).expect("read article");
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let date = header_date(&text).or_else(|| known_date(stem));
        println!("=== {stem} (article date {date:?})");
        let values = find_values(&text, date);
        let mut last_end = 0;
        for v in &values {
            assert!(v.start < v.end && v.end <= text.len() && v.start >= last_end);
            assert!(text.is_char_boundary(v.start) && text.is_char_boundary(v.end));
            last_end = v.end;
            let ctx_start = floor_boundary(&text, v.start.saturating_sub(40));
            let ctx_end = ceil_boundary(&text, (v.end + 30).min(text.len()));
            let ctx = text[ctx_start..ctx_end].replace('\n', " ");
            let what = match &v.detail {
                ValueDetail::Number { low, high, hedge, unit_or_noun } => {
                    numbers += 1;
                    let noun = unit_or_noun.map(|(a, b)| &text[a..b]).unwrap_or("-");
                    format!("NUM  {:?} low={low:?} high={high:?} noun={noun}", hedge)
                }
                ValueDetail::Date { resolved, .. } => {
                    dates += 1;
                    match resolved {
                        Some(r) if r.start == r.end => format!("DATE {}", r.start),
                        Some(r) => format!("DATE {}..{}", r.start, r.end),
                        None => "DATE unresolved".to_string(),
                    }
                }
            };
            println!("  {:<22} {:<55} | {}", format!("{:?}", v.text(&text)), what, ctx);
        }
    }
    println!("total: {dates} dates, {numbers} numbers");
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Throughput over the seed articles repeated to about 20 MB. Ignored by
/// default (run with `cargo test --release --test values_seeds -- --ignored
/// --nocapture`); the goal is at least 10 MB/s.
#[test]
#[ignore]
fn throughput() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut corpus = String::new();
    for e in std::fs::read_dir(dir).expect("seed folder").filter_map(Result::ok) {
        if e.path().extension().is_some_and(|x| x == "txt") {
            corpus.push_str(&std::fs::read_to_string(e.path()).expect("read"));
        }
    }
    let sentences: Vec<&str> = corpus.split_inclusive(['.', '\n']).collect();
    let date = NaiveDate::from_ymd_opt(2024, 8, 6);
    let start = std::time::Instant::now();
    let (mut bytes, mut found) = (0usize, 0usize);
    while bytes < 20_000_000 {
        for s in &sentences {
            found += find_values(s, date).len();
            bytes += s.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{:.1} MB/s ({found} values in {bytes} bytes, sentence by sentence)",
        bytes as f64 / secs / 1e6
    );
}
