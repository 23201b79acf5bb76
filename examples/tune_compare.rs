//! Score `compare` on a gold set over a grid of parameters, loading and
//! analysing the corpus once. How the defaults in `compare::stories::Params`
//! and `compare::align::Params` were chosen (on the ECB+ dev set and on
//! facts-dev, whose every sentence is annotated):
//!
//! ```text
//! cargo run --release --example tune_compare -- ../shared/dev-data/facts-dev \
//!     --seed 0.2,0.25,0.3 --floor 0.05,0.1 --mean 0.15,0.2
//! ```
//! Each line gives `score_compare.py`'s figures and, after `rows:`,
//! `score_rows.py`'s. `--gold-stories` takes the stories from the gold
//! file, to score facts apart from story errors. Needs python3 and
//! `../shared/eval/`.

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
    let rows_scorer = dir.join("../../eval/score_rows.py");
    let corpus = corpus::load(&[dir.join("articles")]);
    let analyses = analysis::analyze_all(&corpus.articles);
    let d = Params::default();
    // Each knob with its values; every combination is scored.
    let knobs: Vec<(&str, Vec<f64>)> = vec![
        ("--idf-power", list(&args, "--idf-power", &d.stories.idf_power.to_string())),
        ("--cut", list(&args, "--cut", &d.stories.cut.to_string())),
        ("--fragment", list(&args, "--fragment", &d.stories.fragment.to_string())),
        ("--attach", list(&args, "--attach", &d.stories.attach.to_string())),
        ("--lead", list(&args, "--lead", &d.facts.lead.to_string())),
        ("--seed", list(&args, "--seed", &d.facts.seed.to_string())),
        ("--floor", list(&args, "--floor", &d.facts.floor.to_string())),
        ("--mean", list(&args, "--mean", &d.facts.mean.to_string())),
        ("--lead-boost", list(&args, "--lead-boost", &d.facts.lead_boost.to_string())),
        ("--name-weight", list(&args, "--name-weight", &d.facts.name_weight.to_string())),
        ("--sense-weight", list(&args, "--sense-weight", &d.facts.sense_weight.to_string())),
        ("--single-below", list(&args, "--single-below", &d.facts.single_below.to_string())),
        ("--max-articles", list(&args, "--max-articles", &d.facts.max_articles.to_string())),
        ("--main-share", list(&args, "--main-share", &d.facts.main_share.to_string())),
        ("--main-floor", list(&args, "--main-floor", &d.facts.main_floor.to_string())),
    ];
    // `--gold-stories`: facts measured on the gold stories, apart from
    // story errors.
    let given = args.iter().any(|a| a == "--gold-stories").then(|| {
        let text = std::fs::read_to_string(dir.join("gold.json")).expect("gold.json");
        let gold: serde_json::Value = serde_json::from_str(&text).expect("gold JSON");
        let mut by: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
        for (i, a) in corpus.articles.iter().enumerate() {
            let stem =
                a.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let story = gold["docs"][&stem]["story"].as_str().unwrap_or(&stem).to_string();
            by.entry(story).or_default().push(i);
        }
        by.into_values().collect::<Vec<_>>()
    });
    let total: usize = knobs.iter().map(|k| k.1.len()).product();
    for mut n in 0..total {
        let mut p = Params { given: given.clone(), ..Params::default() };
        let mut name = String::new();
        for (knob, values) in &knobs {
            let v = values[n % values.len()];
            n /= values.len();
            name.push_str(&format!("{} {v} ", &knob[2..]));
            match *knob {
                "--idf-power" => p.stories.idf_power = v as f32,
                "--cut" => p.stories.cut = v as f32,
                "--fragment" => p.stories.fragment = v as usize,
                "--attach" => p.stories.attach = v as f32,
                "--lead" => p.facts.lead = v as usize,
                "--seed" => p.facts.seed = v as f32,
                "--floor" => p.facts.floor = v as f32,
                "--mean" => p.facts.mean = v as f32,
                "--lead-boost" => p.facts.lead_boost = v as f32,
                "--name-weight" => p.facts.name_weight = v as f32,
                "--sense-weight" => p.facts.sense_weight = v as f32,
                "--single-below" => p.facts.single_below = v as f32,
                "--main-share" => p.facts.main_share = v as f32,
                "--main-floor" => p.facts.main_floor = v as f32,
                _ => p.facts.max_articles = v as usize,
            }
        }
        let cmp = compare::compare_with(&corpus.articles, &analyses, &p);
        let out = std::env::temp_dir().join("dateline-tune.json");
        let mut f = std::fs::File::create(&out).expect("temp file");
        dateline::cli::compare::json(&corpus, &cmp, &mut f).expect("write");
        let score = |script: &PathBuf| {
            let res = Command::new("python3")
                .arg(script)
                .arg(dir.join("gold.json"))
                .arg(&out)
                .output()
                .expect("python3");
            String::from_utf8_lossy(&res.stdout).into_owned()
        };
        let text = score(&scorer);
        let fl = text.lines().find(|l| l.starts_with("fact links")).unwrap_or("");
        let rows = score(&rows_scorer);
        println!(
            "{name}: {} | {} | rows: {}",
            text.lines().last().unwrap_or(""),
            fl,
            rows.lines().last().unwrap_or("")
        );
    }
}
