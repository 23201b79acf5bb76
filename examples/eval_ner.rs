//! Run segmentation + recognition over a folder of `.txt` articles (YAML
//! front matter stripped), write predictions in the `entities` JSON shape,
//! and report throughput and model load time.
//!
//! ```sh
//! cargo run --release --example eval_ner -- /work/shared/dev-data/ner/wikigold/docs /tmp/pred.json
//! python3 /work/shared/eval/score_entities.py \
//!     /work/shared/dev-data/ner/wikigold/gold.json /tmp/pred.json --by-kind --partial
//! ```
//! `--repeat N` runs the timing loop N times over the texts (speed only);
//! `--model PATH` scores a model file instead of the embedded one (to
//! compare a freshly trained model without rebuilding), `--clusters PATH`
//! with the clusters file it was trained with.

use std::time::Instant;

use dateline::analysis::ner::clusters::Clusters;
use dateline::analysis::ner::model::Model;
use dateline::analysis::ner::{Lexicon, MODEL_BYTES, Recognizer};
use dateline::analysis::segment::segment;
use serde_json::json;

/// The body: the text after the closing `---` of a leading YAML block.
fn body(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("---\n") else { return text };
    match rest.find("\n---\n") {
        Some(i) => &rest[i + 5..],
        None => rest.strip_suffix("\n---").map_or(text, |_| ""),
    }
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir =
        args.first().cloned().unwrap_or_else(|| "/work/shared/dev-data/ner/wikigold/docs".into());
    let out = args.get(1).cloned().unwrap_or_else(|| "/tmp/pred.json".into());
    let repeat: usize = match args.iter().position(|a| a == "--repeat") {
        Some(i) => args.get(i + 1).map_or(Ok(1), |v| v.parse())?,
        None => 1,
    };

    let model = match args.iter().position(|a| a == "--model") {
        Some(i) => std::fs::read(args.get(i + 1).ok_or_else(|| anyhow::anyhow!("--model PATH"))?)?,
        None => MODEL_BYTES.to_vec(),
    };
    let t = Instant::now();
    let mut lex = Lexicon::build()?;
    if let Some(i) = args.iter().position(|a| a == "--clusters") {
        let path = args.get(i + 1).ok_or_else(|| anyhow::anyhow!("--clusters PATH"))?;
        lex.clusters = Clusters::parse(&std::fs::read_to_string(path)?);
    }
    let rec = Recognizer::from_model(Model::from_bytes(&model)?, lex);
    let load = t.elapsed();
    eprintln!(
        "model: {} bytes, {} features, loaded (with gazetteer) in {:.1} ms",
        model.len(),
        rec.model().len(),
        load.as_secs_f64() * 1e3
    );

    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut docs = Vec::new();
    for p in &paths {
        let text = std::fs::read_to_string(p)?;
        let b = body(&text).strip_suffix('\n').unwrap_or(body(&text)).to_string();
        docs.push((p.clone(), b));
    }

    let mut articles = Vec::new();
    for (p, b) in &docs {
        let seg = segment(b);
        let mentions: Vec<_> = rec
            .recognize(b, &seg)
            .iter()
            .map(|m| json!({"start": m.start, "end": m.end, "text": &b[m.start..m.end], "kind": m.kind.as_str(), "entity": ""}))
            .collect();
        let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        articles.push(
            json!({"id": stem, "path": p.to_string_lossy(), "body": b, "mentions": mentions}),
        );
    }
    std::fs::write(&out, serde_json::to_string(&json!({"articles": articles, "entities": []}))?)?;

    // Throughput: segmentation + recognition only, no I/O or JSON.
    let bytes: usize = docs.iter().map(|(_, b)| b.len()).sum::<usize>() * repeat;
    let mut tokens = 0usize;
    let mut n = 0usize;
    let t = Instant::now();
    for _ in 0..repeat {
        for (_, b) in &docs {
            let seg = segment(b);
            tokens += seg.tokens.len();
            n += rec.recognize(b, &seg).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    eprintln!(
        "{} docs, {:.2} MB, {} tokens, {} mentions in {:.3}s: {:.2} MB/s, {:.0}k tokens/s (one thread)",
        docs.len(),
        bytes as f64 / 1e6,
        tokens,
        n,
        secs,
        bytes as f64 / 1e6 / secs,
        tokens as f64 / 1e3 / secs
    );
    eprintln!("wrote {out}");
    Ok(())
}
