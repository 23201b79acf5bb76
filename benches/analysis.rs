//! Analysis speed: model loading, and segmentation + recognition + value
//! rules + resolution over real text, per core, and the cost per byte of
//! one long article against many short ones. Run with
//! `cargo bench --bench analysis` (reads ../shared/dev-data/ecb-dev/articles
//! when it is there, else sample-data). Targets (issues 3, 14): ≥ 3 MB of
//! text per second per core for the whole analysis; model loading under
//! 50 ms; one article costs the same per byte at 100 KB and at 8 MB.

use std::path::PathBuf;
use std::time::Instant;

use dateline::analysis::{self, ner::Recognizer};
use dateline::{corpus, index};

fn main() {
    let t = Instant::now();
    let recognizer = Recognizer::from_bytes(analysis::ner::MODEL_BYTES).expect("model loads");
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    drop(recognizer);

    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let ecb = root.join("../shared/dev-data/ecb-dev/articles");
    let source = if ecb.is_dir() { ecb } else { root.join("sample-data") };
    let corpus = corpus::load(std::slice::from_ref(&source));
    let bytes: usize = corpus.articles.iter().map(|a| a.body.len()).sum();
    // Warm the shared model so the timing is of analysis alone.
    let _ = analysis::analyze("Warm up.", None);

    let rounds = (20_000_000 / bytes.max(1)).clamp(1, 50);
    let t = Instant::now();
    let mut mentions = 0;
    for _ in 0..rounds {
        // One core: the per-article analysis, then resolution over the corpus.
        let analyses: Vec<_> =
            corpus.articles.iter().map(|a| analysis::analyze(&a.body, a.date)).collect();
        let ix = index::of_corpus(&corpus.articles, &analyses);
        mentions += analyses.iter().map(|a| a.mentions.len()).sum::<usize>() + ix.entities.len();
    }
    let secs = t.elapsed().as_secs_f64();
    let mb_per_s = (bytes * rounds) as f64 / secs / 1e6;
    println!(
        "source: {} ({} articles, {:.2} MB)",
        source.display(),
        corpus.articles.len(),
        bytes as f64 / 1e6
    );
    println!("model load: {load_ms:.1} ms (target < 50 ms)");
    println!(
        "analysis, one core: {mb_per_s:.2} MB/s over {rounds} rounds (target ≥ 3 MB/s); {mentions} mentions+entities"
    );
    resolution(&corpus);
    long_articles(&corpus);
}

/// Resolution across articles alone, on the corpus and on the corpus
/// repeated with its letters shifted per copy (a Caesar shift keeps each
/// copy's names and their likenesses, and keeps the copies apart): four
/// times the names should cost about four times as much.
fn resolution(corpus: &corpus::Corpus) {
    let analyses: Vec<_> =
        corpus.articles.iter().map(|a| analysis::analyze(&a.body, a.date)).collect();
    let shift = |text: &str, by: u8| -> String {
        text.chars()
            .map(|c| match c {
                'a'..='z' => ((c as u8 - b'a' + by) % 26 + b'a') as char,
                'A'..='Z' => ((c as u8 - b'A' + by) % 26 + b'A') as char,
                c => c,
            })
            .collect()
    };
    for copies in [1u8, 4] {
        let mut articles = Vec::new();
        let mut all = Vec::new();
        for c in 0..copies {
            for (a, an) in corpus.articles.iter().zip(&analyses) {
                let mut a = a.clone();
                a.body = shift(&a.body, c * 7);
                articles.push(a);
                all.push(an.clone());
            }
        }
        let t = Instant::now();
        let ix = index::of_corpus(&articles, &all);
        let secs = t.elapsed().as_secs_f64();
        println!(
            "resolution alone, {} articles: {:.1} ms ({} entities)",
            articles.len(),
            secs * 1e3,
            ix.entities.len()
        );
    }
}

/// One article made of the corpus' bodies joined, at growing lengths: the
/// cost per byte should stay flat (issue 14: it grew with the length).
fn long_articles(corpus: &corpus::Corpus) {
    let mut text = String::new();
    let max = 8_000_000;
    while text.len() < max {
        for a in &corpus.articles {
            text.push_str(&a.body);
            text.push_str("\n\n");
        }
    }
    let mut size = 100_000;
    while size <= max {
        let mut end = size.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let body = &text[..end];
        let t = Instant::now();
        let a = analysis::analyze(body, None);
        let secs = t.elapsed().as_secs_f64();
        println!(
            "one article of {:.1} MB: {:.2} s, {:.2} MB/s ({} mentions)",
            end as f64 / 1e6,
            secs,
            end as f64 / secs / 1e6,
            a.mentions.len()
        );
        size *= 4;
    }
}
