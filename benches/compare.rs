//! Comparison speed: stories and facts over corpora of 1k, 10k and 100k
//! articles made of real sentences. Run with `cargo bench --bench compare`
//! (sizes: `-- 1000 10000`). Reads ../shared/dev-data/ecb-dev/articles when
//! it is there, else sample-data.
//!
//! Each generated article takes the sentences of one real article, in
//! order, plus two from another article of any topic, and a date
//! scattered over a year, so that the corpus grows without becoming
//! copies of itself. Analysis (needed before comparing) is timed apart.

use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use dateline::corpus::{self, Article};
use dateline::{analysis, compare};

/// A small deterministic generator (xorshift), so runs compare.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }
}

fn generate(seed: &[Article], n: usize) -> Vec<Article> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).expect("a date");
    (0..n)
        .map(|i| {
            let base = &seed[i % seed.len()];
            let other = &seed[rng.next() % seed.len()];
            let extra: Vec<&str> =
                other.body.split('\n').filter(|l| !l.is_empty()).take(2).collect();
            let body = format!("{}\n\n{}", base.body, extra.join("\n\n"));
            let mut a = base.clone();
            a.id = format!("g{i:06}");
            a.body = body;
            a.date = Some(start + chrono::Days::new((rng.next() % 365) as u64));
            a
        })
        .collect()
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let ecb = root.join("../shared/dev-data/ecb-dev/articles");
    let source = if ecb.is_dir() { ecb } else { root.join("sample-data") };
    let seed = corpus::load(std::slice::from_ref(&source)).articles;
    let sizes: Vec<usize> =
        std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect::<Vec<_>>();
    let sizes = if sizes.is_empty() { vec![1_000, 10_000, 100_000] } else { sizes };
    println!(
        "source: {} ({} articles); {} cores",
        source.display(),
        seed.len(),
        rayon::current_num_threads()
    );
    for n in sizes {
        let articles = generate(&seed, n);
        let mb = articles.iter().map(|a| a.body.len()).sum::<usize>() as f64 / 1e6;
        let t = Instant::now();
        let analyses = analysis::analyze_all(&articles);
        let analyse = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let cmp = compare::compare(&articles, &analyses);
        let secs = t.elapsed().as_secs_f64();
        let facts: usize = cmp.stories.iter().map(|s| s.facts.len()).sum();
        println!(
            "{n:>7} articles ({mb:.0} MB): analysis {analyse:.1} s, compare {secs:.2} s ({:.1} µs/article); {} stories, {facts} facts",
            secs * 1e6 / n as f64,
            cmp.stories.len()
        );
    }
}
