//! Build the word clusters the NER tagger uses as features
//! (`data/clusters.txt`) by Brown clustering unlabelled news text: the words
//! of the GMB training sentences (tags ignored) and the ECB+ dev articles.
//! Never the wikigold evaluation set.
//!
//! ```sh
//! cargo run --release --example word_clusters -- --out data/clusters.txt
//! ```
//! Options: `--gmb PATH`, `--ecb DIR`, `--clusters N`, `--min-count N`.
//! Deterministic: the same text and options give the same file.

use std::io::{BufRead, BufReader, Write};

use dateline::analysis::ner::brown::{Corpus, brown};
use dateline::analysis::ner::clusters::normalize;
use dateline::analysis::segment::segment;

const GMB: &str = "/work/shared/dev-data/ner/gmb/train.conll.gz";
const ECB: &str = "/work/shared/dev-data/ecb-dev/articles";

/// The words of each GMB sentence.
fn add_gmb(path: &str, corpus: &mut Corpus) -> anyhow::Result<()> {
    let file = std::fs::File::open(path)?;
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut words: Vec<String> = Vec::new();
    for line in reader.lines() {
        let line = line?;
        match line.split_once('\t') {
            Some((w, _)) => words.push(normalize(w)),
            None if !words.is_empty() => {
                corpus.add_sentence(words.iter().map(String::as_str));
                words.clear();
            }
            None => {}
        }
    }
    if !words.is_empty() {
        corpus.add_sentence(words.iter().map(String::as_str));
    }
    Ok(())
}

/// The body of each article (front matter skipped), segmented as the
/// reader segments text.
fn add_articles(dir: &str, corpus: &mut Corpus) -> anyhow::Result<()> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for p in paths {
        let text = std::fs::read_to_string(&p)?;
        let body = text
            .strip_prefix("---\n")
            .and_then(|rest| rest.find("\n---\n").map(|i| &rest[i + 5..]))
            .unwrap_or(&text);
        let seg = segment(body);
        for s in &seg.sentences {
            let words: Vec<String> =
                seg.sentence_tokens(s).iter().map(|t| normalize(&body[t.start..t.end])).collect();
            corpus.add_sentence(words.iter().map(String::as_str));
        }
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get =
        |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let out = get("--out").unwrap_or_else(|| "data/clusters.txt".into());
    let clusters: usize = get("--clusters").map_or(Ok(64), |v| v.parse())?;
    let min_count: u64 = get("--min-count").map_or(Ok(3), |v| v.parse())?;
    let mut corpus = Corpus::default();
    add_gmb(&get("--gmb").unwrap_or_else(|| GMB.into()), &mut corpus)?;
    add_articles(&get("--ecb").unwrap_or_else(|| ECB.into()), &mut corpus)?;
    eprintln!("{} tokens", corpus.tokens());
    let t = std::time::Instant::now();
    let words = brown(&corpus, clusters, min_count);
    eprintln!("{} words in {clusters} clusters, {:.0}s", words.len(), t.elapsed().as_secs_f64());
    let mut f = std::io::BufWriter::new(std::fs::File::create(&out)?);
    writeln!(
        f,
        "# Brown clusters (bits<TAB>word), {clusters} clusters, words seen >= {min_count} times \
         in GMB + ECB+ dev text; built by examples/word_clusters.rs"
    )?;
    for w in &words {
        writeln!(f, "{}\t{}", w.bits, w.word)?;
    }
    f.flush()?;
    eprintln!("wrote {out}");
    Ok(())
}
