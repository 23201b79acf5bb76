//! Train the NER tagger on GMB and write `models/ner.bin`.
//!
//! ```sh
//! # held-out figure: train on 90 %, score the other 10 % (every 10th sentence)
//! cargo run --release --example train_ner -- --heldout
//! # the shipped model: all of GMB
//! cargo run --release --example train_ner -- --out models/ner.bin
//! ```
//! Teacher labels (`tools/teacher_label.py`, built by
//! `tools/build-ner-model.sh`): `--teacher-conll PATH` (sentences, e.g. GMB
//! relabelled; with `--heldout` its every 10th sentence is left out too, so
//! give it GMB's sentences in GMB's order), `--teacher-docs PATH` (articles
//! with byte-span mentions, segmented here as dateline segments them),
//! `--no-gold` (train on teacher labels only).
//! Options: `--data PATH` (default the shared GMB file), `--epochs N`,
//! `--min-count N`, `--prune W`, `--word-dropout P`, `--seed N`, `--clusters PATH` (a
//! clusters file other than the embedded `data/clusters.txt`). Deterministic: same options, same bytes.

use std::io::{BufRead, BufReader};

use dateline::analysis::ner::clusters::Clusters;
use dateline::analysis::ner::doc_context::{DocContext, TRAIN_CHUNK};
use dateline::analysis::ner::model::Model;
use dateline::analysis::ner::tags::{self, LABELS};
use dateline::analysis::ner::train::{
    Example, Options, examples_from_spans, repair_coordinations, repair_group_words,
    repair_title_spans, train,
};
use dateline::analysis::ner::{Recognizer, Scratch};

const DEFAULT_DATA: &str = "/work/shared/dev-data/ner/gmb/train.conll.gz";

fn read_conll(path: &str) -> anyhow::Result<Vec<Example>> {
    let file = std::fs::File::open(path)?;
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut out = Vec::new();
    let (mut words, mut tagv) = (Vec::new(), Vec::new());
    for line in reader.lines() {
        let line = line?;
        if line.trim().is_empty() {
            if !words.is_empty() {
                out.push(Example {
                    words: std::mem::take(&mut words),
                    tags: std::mem::take(&mut tagv),
                    doc: out.len() / TRAIN_CHUNK,
                });
            }
            continue;
        }
        let (w, t) = line.split_once('\t').ok_or_else(|| anyhow::anyhow!("bad line: {line}"))?;
        words.push(w.to_string());
        tagv.push(tags::parse(t));
    }
    if !words.is_empty() {
        out.push(Example { words, tags: tagv, doc: out.len() / TRAIN_CHUNK });
    }
    Ok(out)
}

/// Articles labelled by the teacher (the scorer's gold shape): each body
/// segmented as dateline segments it, a token tagged with the mention that
/// contains it. Numbers are O (rules find them); a token that straddles a
/// mention's edge is O. Each article is one document, `doc` ids from
/// `first_doc` on.
fn read_docs(path: &str, first_doc: usize) -> anyhow::Result<Vec<Example>> {
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let docs = json["docs"].as_object().ok_or_else(|| anyhow::anyhow!("{path}: no docs"))?;
    let mut names: Vec<&String> = docs.keys().collect();
    names.sort();
    let mut out = Vec::new();
    for (d, name) in names.into_iter().enumerate() {
        let doc = &docs[name];
        let text = doc["text"].as_str().unwrap_or("");
        let mut spans: Vec<(usize, usize, usize)> = Vec::new();
        for m in doc["mentions"].as_array().into_iter().flatten() {
            let label = LABELS.iter().position(|l| Some(*l) == m["kind"].as_str());
            let (Some(s), Some(e), Some(label)) = (m["start"].as_u64(), m["end"].as_u64(), label)
            else {
                continue;
            };
            spans.push((s as usize, e as usize, label));
        }
        out.extend(examples_from_spans(text, &spans, first_doc + d));
    }
    Ok(out)
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get =
        |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let heldout = args.iter().any(|a| a == "--heldout");
    let data = get("--data").unwrap_or_else(|| DEFAULT_DATA.to_string());
    let out = get("--out").unwrap_or_else(|| {
        if heldout { "/tmp/ner-heldout.bin".into() } else { "models/ner.bin".into() }
    });
    let mut opt = Options::default();
    if let Some(v) = get("--epochs") {
        opt.epochs = v.parse()?;
    }
    if let Some(v) = get("--min-count") {
        opt.min_count = v.parse()?;
    }
    if let Some(v) = get("--word-dropout") {
        opt.word_dropout = v.parse()?;
    }
    if let Some(v) = get("--seed") {
        opt.seed = v.parse()?;
    }
    if let Some(v) = get("--prune") {
        opt.prune = v.parse()?;
    }

    let mut lex = dateline::analysis::ner::Lexicon::build()?;
    if let Some(path) = get("--clusters") {
        lex.clusters = Clusters::parse(&std::fs::read_to_string(path)?);
    }
    let mut all = read_conll(&data)?;
    let gold_len = all.len();
    // Repairs of GMB's systematic tag errors (see the functions); the
    // held-out sentences are repaired too, so they score the same scheme.
    let titles: usize = all.iter_mut().map(|ex| repair_title_spans(&lex, ex)).sum();
    let coordinated = repair_coordinations(&mut all);
    let groups: usize = all.iter_mut().map(repair_group_words).sum();
    eprintln!(
        "repaired {titles} title + name spans, {coordinated} coordinated spans, {groups} group words"
    );
    let is_test = |i: usize| heldout && i % 10 == 9;
    let all_words: Vec<Vec<String>> =
        if heldout { all.iter().map(|e| e.words.clone()).collect() } else { Vec::new() };
    let mut test_set = Vec::new();
    let mut train_set = Vec::new();
    let no_gold = args.iter().any(|a| a == "--no-gold");
    for (i, ex) in all.drain(..).enumerate() {
        if is_test(i) {
            test_set.push((i, ex))
        } else if !no_gold {
            train_set.push(ex)
        }
    }
    let mut next_doc = gold_len / TRAIN_CHUNK + 1;
    if let Some(path) = get("--teacher-conll") {
        let teacher = read_conll(&path)?;
        eprintln!("{path}: {} teacher sentences", teacher.len());
        for (i, mut ex) in teacher.into_iter().enumerate() {
            if !is_test(i) {
                ex.doc += next_doc;
                train_set.push(ex);
            }
        }
        next_doc = train_set.last().map_or(next_doc, |e| e.doc + 1);
    }
    if let Some(path) = get("--teacher-docs") {
        let teacher = read_docs(&path, next_doc)?;
        eprintln!("{path}: {} teacher sentences", teacher.len());
        train_set.extend(teacher);
    }
    let t = std::time::Instant::now();
    let bytes = train(&lex, &train_set, &opt, &mut |m| eprintln!("{m}"));
    eprintln!("trained in {:.1}s, model {} bytes -> {out}", t.elapsed().as_secs_f64(), bytes.len());
    std::fs::write(&out, &bytes)?;

    if heldout {
        let rec = Recognizer::from_model(Model::from_bytes(&bytes)?, lex);
        let mut scratch = Scratch::default();
        // (tp, fp, fn) per label, exact span match.
        let mut counts = vec![(0usize, 0usize, 0usize); LABELS.len()];
        for (i, ex) in &test_set {
            let first = i / TRAIN_CHUNK * TRAIN_CHUNK;
            let chunk = &all_words[first..(first + TRAIN_CHUNK).min(all_words.len())];
            let doc = DocContext::build(chunk);
            let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
            let pred = tags::spans(rec.tag_words_in(&words, Some((&doc, i - first)), &mut scratch));
            let gold = tags::spans(&ex.tags);
            for p in &pred {
                if gold.contains(p) { counts[p.2].0 += 1 } else { counts[p.2].1 += 1 }
            }
            for g in &gold {
                if !pred.contains(g) {
                    counts[g.2].2 += 1;
                }
            }
        }
        let prf = |(tp, fp, fn_): (usize, usize, usize)| {
            let p = tp as f64 / (tp + fp).max(1) as f64;
            let r = tp as f64 / (tp + fn_).max(1) as f64;
            (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
        };
        println!("GMB held-out (every 10th sentence, {} sentences), exact span:", test_set.len());
        let mut micro = (0, 0, 0);
        for (k, l) in LABELS.iter().enumerate() {
            let (p, r, f) = prf(counts[k]);
            println!("  {l:7} P {p:.3} R {r:.3} F1 {f:.3}");
            if k < 4 {
                micro.0 += counts[k].0;
                micro.1 += counts[k].1;
                micro.2 += counts[k].2;
            }
        }
        let (p, r, f) = prf(micro);
        println!("  micro (person/org/place/group) P {p:.3} R {r:.3} F1 {f:.3}");
    }
    Ok(())
}
