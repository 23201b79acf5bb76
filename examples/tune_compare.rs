//! Score `compare` on a gold set over a grid of parameters, loading and
//! analysing the corpus once. How the defaults in `compare::stories::Params`
//! and `compare::facts::Params` were chosen (on the ECB+ dev set):
//!
//! ```text
//! cargo run --release --example tune_compare -- ../shared/dev-data/ecb-dev \
//!     --cut 0.12,0.14,0.16 --lead 6,10 --keys 20,40
//! ```
//! Needs python3 and `../shared/eval/score_compare.py`.

use std::path::PathBuf;
use std::process::Command;

use dateline::compare::{self, Params};
use dateline::{analysis, corpus};

fn list(args: &[String], name: &str, default: &str) -> Vec<f64> {
    let v = args
        .windows(2)
        .find(|w| w[0] == name)
        .map(|w| w[1].clone())
        .unwrap_or_else(|| default.to_string());
    v.split(',').map(|x| x.parse().expect("a number")).collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(args.first().expect("usage: tune_compare ECB_DEV_DIR [--cut a,b] ..."));
    let scorer = dir.join("../../eval/score_compare.py");
    let corpus = corpus::load(&[dir.join("articles")]);
    let analyses = analysis::analyze_all(&corpus.articles);
    let d = Params::default();
    for cut in list(&args, "--cut", &d.stories.cut.to_string()) {
        for lead in list(&args, "--lead", &d.facts.lead.to_string()) {
            for keys in list(&args, "--keys", &d.facts.keys.to_string()) {
                for share in list(&args, "--share", &d.facts.min_share.to_string()) {
                    for coh in list(&args, "--coherence", &d.facts.coherence.to_string()) {
                        let mut p = Params::default();
                        p.stories.cut = cut as f32;
                        p.facts.lead = lead as usize;
                        p.facts.keys = keys as usize;
                        p.facts.min_share = share as f32;
                        p.facts.coherence = coh as f32;
                        let cmp = compare::compare_with(&corpus.articles, &analyses, &p);
                        let out = std::env::temp_dir().join("dateline-tune.json");
                        let mut f = std::fs::File::create(&out).expect("temp file");
                        dateline::cli::compare::json(&corpus, &cmp, &mut f).expect("write");
                        let res = Command::new("python3")
                            .arg(&scorer)
                            .arg(dir.join("gold.json"))
                            .arg(&out)
                            .output()
                            .expect("python3");
                        let text = String::from_utf8_lossy(&res.stdout);
                        let fl = text.lines().find(|l| l.starts_with("fact links")).unwrap_or("");
                        println!(
                            "cut {cut} lead {lead} keys {keys} share {share} coherence {coh}: {} | {}",
                            text.lines().last().unwrap_or(""),
                            fl
                        );
                    }
                }
            }
        }
    }
}
