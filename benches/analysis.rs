//! Analysis speed: model loading, and segmentation + recognition + value
//! rules + resolution over real text, per core. Run with
//! `cargo bench --bench analysis` (reads ../shared/dev-data/ecb-dev/articles
//! when it is there, else sample-data). Targets (issue 3): ≥ 2 MB of text per
//! second per core for the whole analysis; model loading under 50 ms.

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
        "analysis, one core: {mb_per_s:.2} MB/s over {rounds} rounds (target ≥ 2 MB/s); {mentions} mentions+entities"
    );
}
