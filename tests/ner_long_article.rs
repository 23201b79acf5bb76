//! One long article costs about what the same text costs as short
//! articles, per byte (issue 14: a 4 MB article took 60× longer per byte
//! than 400 short ones). The bound is generous, the sizes small enough for
//! a debug build; `cargo bench --bench analysis` measures up to 6 MB.

use std::time::{Duration, Instant};

use dateline::analysis::analyze;

/// News-like text, dense in names, in which the same capitalised words
/// come back thousands of times, as they do in a long article: the case
/// that was quadratic (each occurrence looked at all the others).
fn article(bytes: usize) -> String {
    let sample = [
        "Teixeira told Silva in Boston that Reuters and Baghdad mattered, Teixeira said.",
        "Silva met Teixeira, Reuters and Hezbollah in Baghdad on Monday, Boston said.",
        "The Red Sox offered Teixeira more than 150 million dollars, Silva said in Lisbon.",
        "Officials in Baghdad said Kataib Hezbollah fired two rockets at Boston last week.",
    ];
    let mut out = String::with_capacity(bytes + 200);
    let mut k = 0usize;
    while out.len() < bytes {
        out.push_str(sample[k % sample.len()]);
        // A paragraph break now and then, like real articles.
        out.push_str(if k % 7 == 6 { "\n\n" } else { " " });
        k += 1;
    }
    out
}

fn best_of_3(f: impl Fn()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn a_long_article_costs_the_same_per_byte_as_short_ones() {
    let short = article(10_000);
    let long = article(10_000 * 12);
    let many = best_of_3(|| {
        for _ in 0..12 {
            std::hint::black_box(analyze(&short, None));
        }
    });
    let one = best_of_3(|| {
        std::hint::black_box(analyze(&long, None));
    });
    let ratio = one.as_secs_f64() / many.as_secs_f64().max(1e-9);
    // Linear: about 1. The quadratic steps made this over 5 at this size.
    assert!(ratio < 3.0, "one long article took {ratio:.1}× the time of 12 short ones");
}

#[test]
fn a_long_article_finds_what_its_parts_find() {
    let short = article(5_000);
    let long = short.repeat(20);
    let a = analyze(&short, None).mentions.len();
    let b = analyze(&long, None).mentions.len();
    // Document features may change a few decisions, not the scale.
    assert!(b >= a * 18 && b <= a * 22, "{a} mentions in 5 KB, {b} in 100 KB");
}

/// Document features cost the same per token in a long document as in a
/// short one, however often a word recurs (they once read every other
/// occurrence of the word: quadratic in its count).
#[test]
fn document_features_cost_the_same_per_token_at_any_length() {
    use dateline::analysis::ner::doc_context::DocContext;
    let sentence = ["Teixeira", "told", "Silva", "in", "Boston", "that", "Reuters", "said", "."];
    let cost = |n: usize| {
        let sentences = vec![sentence.to_vec(); n];
        let doc = DocContext::build(&sentences);
        best_of_3(|| {
            let mut out = Vec::new();
            for s in 0..n {
                for (k, w) in sentence.iter().enumerate() {
                    out.clear();
                    doc.features(s, k, w, &mut out);
                    std::hint::black_box(&out);
                }
            }
        })
        .as_secs_f64()
            / n as f64
    };
    let (short, long) = (cost(200), cost(8_000));
    let ratio = long / short.max(1e-12);
    // Linear: about 1, and up to 5 measured on a loaded machine (a long
    // document's tables leave the caches); a full scan of the occurrences
    // made this about 40.
    assert!(ratio < 10.0, "per-token cost {ratio:.1}× higher in a 40× longer document");
}
