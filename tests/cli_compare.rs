//! `dateline compare` as scripts and readers see it (CONTRACT.md): the JSON
//! shape, spans that point into the bodies `entities` gives, the sample
//! stories and the facts they must line up, and the markdown and table
//! printers.

use std::collections::{HashMap, HashSet};
use std::process::{Command, Output};

use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .arg("--no-cache")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run dateline")
}

fn json(args: &[&str]) -> Value {
    let out = run(args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON document")
}

fn bodies() -> HashMap<String, String> {
    let v = json(&["entities", "sample-data", "--format", "json"]);
    v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap().to_string(), a["body"].as_str().unwrap().to_string()))
        .collect()
}

fn stem(id: &str) -> &str {
    &id[..3]
}

#[test]
fn shape_and_spans_follow_the_contract() {
    let v = json(&["compare", "sample-data", "--format", "json"]);
    let bodies = bodies();
    let stories = v["stories"].as_array().expect("stories");
    let mut seen = HashSet::new();
    let mut fact_ids = HashSet::new();
    for s in stories {
        assert!(s["id"].as_str().unwrap().starts_with('s'));
        assert!(!s["title"].as_str().unwrap().is_empty());
        let articles: Vec<&str> =
            s["articles"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
        assert!(!articles.is_empty());
        for a in &articles {
            assert!(seen.insert(a.to_string()), "{a} is in two stories");
        }
        for f in s["facts"].as_array().expect("facts") {
            assert!(fact_ids.insert(f["id"].as_str().unwrap().to_string()), "fact ids unique");
            assert!(!f["label"].as_str().unwrap().is_empty());
            let status = f["status"].as_str().unwrap();
            let reports = f["reports"].as_array().unwrap();
            assert_eq!(status == "single", reports.len() == 1, "single means one report");
            assert!(["agree", "differ", "single"].contains(&status));
            let mut per_article = HashSet::new();
            for r in reports {
                let id = r["article"].as_str().unwrap();
                assert!(articles.contains(&id), "a report's article is in its story");
                assert!(per_article.insert(id), "one report per article per fact");
                assert!(r.get("outlet").is_some());
                let body = &bodies[id];
                let (start, end) =
                    (r["start"].as_u64().unwrap() as usize, r["end"].as_u64().unwrap() as usize);
                assert!(start < end && end <= body.len());
                assert_eq!(r["sentence"].as_str(), Some(&body[start..end]), "sentence is the span");
                for val in r["values"].as_array().unwrap() {
                    for key in ["text", "kind", "low", "high", "start", "end"] {
                        assert!(val.get(key).is_some(), "value lacks {key}");
                    }
                    let (vs, ve) = (
                        val["start"].as_u64().unwrap() as usize,
                        val["end"].as_u64().unwrap() as usize,
                    );
                    assert!(start <= vs && ve <= end, "a value lies inside its sentence");
                    assert_eq!(val["text"].as_str(), Some(&body[vs..ve]));
                }
            }
        }
    }
    assert_eq!(seen.len(), 5, "every article in exactly one story");
}

/// The story holding article `stem`.
fn story_of<'a>(v: &'a Value, stem_: &str) -> &'a Value {
    v["stories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["articles"].as_array().unwrap().iter().any(|a| stem(a.as_str().unwrap()) == stem_)
        })
        .expect("a story")
}

fn stems(story: &Value) -> Vec<&str> {
    let mut v: Vec<&str> =
        story["articles"].as_array().unwrap().iter().map(|a| stem(a.as_str().unwrap())).collect();
    v.sort();
    v
}

/// The compared value of each report of a fact, as (text, low, high).
fn compared(f: &Value) -> Vec<(String, Option<f64>, Option<f64>)> {
    f["reports"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| {
            r["values"].as_array().unwrap().iter().find(|v| v["compared"] == true).map(|v| {
                (v["text"].as_str().unwrap().to_lowercase(), v["low"].as_f64(), v["high"].as_f64())
            })
        })
        .collect()
}

#[test]
fn the_sample_stories_and_facts() {
    let v = json(&["compare", "sample-data", "--format", "json"]);
    let attack = story_of(&v, "000");
    assert_eq!(stems(attack), ["000", "001", "002"]);
    assert_eq!(stems(story_of(&v, "003")), ["003"]);
    assert_eq!(stems(story_of(&v, "004")), ["004"]);

    let facts = attack["facts"].as_array().unwrap();
    let across = |f: &&Value| f["reports"].as_array().unwrap().len() == 3;
    // The injured count: "several" in two outlets, "as many as seven" in
    // the third, lined up and marked as differing.
    let injured = facts
        .iter()
        .filter(across)
        .find(|f| {
            f["reports"]
                .as_array()
                .unwrap()
                .iter()
                .all(|r| r["sentence"].as_str().unwrap().contains("injured"))
        })
        .expect("an injured fact across the three");
    assert_eq!(injured["status"], "differ");
    let counts = compared(injured);
    assert!(counts.iter().any(|c| c.0 == "as many as seven" && c.2 == Some(7.0)), "{counts:?}");
    assert!(counts.iter().any(|c| c.0 == "several"), "{counts:?}");
    // The three troops killed in Jordan: the same count everywhere.
    let killed = facts
        .iter()
        .filter(across)
        .find(|f| {
            f["reports"]
                .as_array()
                .unwrap()
                .iter()
                .all(|r| r["sentence"].as_str().unwrap().contains("killed"))
        })
        .expect("a killed fact across the three");
    assert_eq!(killed["status"], "agree");
    let counts = compared(killed);
    assert_eq!(counts.len(), 3, "{counts:?}");
    assert!(counts.iter().all(|c| c.1 == Some(3.0) && c.2 == Some(3.0)), "{counts:?}");
    // Singles come after every shared fact.
    let first_single = facts.iter().position(|f| f["status"] == "single").unwrap_or(facts.len());
    assert!(facts[first_single..].iter().all(|f| f["status"] == "single"));
    // A one-article story has only singles.
    assert!(
        story_of(&v, "003")["facts"].as_array().unwrap().iter().all(|f| f["status"] == "single")
    );
}

#[test]
fn markdown_is_a_table_per_story() {
    let out = run(&["compare", "sample-data", "--format", "markdown"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let headings = text.lines().filter(|l| l.starts_with("## s")).count();
    assert_eq!(headings, 3, "{text}");
    assert!(text.contains("| fact | DCNF | (unknown) | CNN |"), "{text}");
    // Every table row has the same number of cells as its header.
    for block in text.split("## ").skip(1) {
        let rows: Vec<&str> = block.lines().filter(|l| l.starts_with('|')).collect();
        let cells = |l: &str| l.replace("\\|", "").matches('|').count();
        assert!(rows.len() >= 3, "header, rule and at least one fact");
        assert!(rows.iter().all(|r| cells(r) == cells(rows[0])), "{block}");
    }
    // Differing values are emphasised.
    assert!(text.contains("**as many as seven**"), "{text}");
}

#[test]
fn table_fits_the_width_and_marks_status() {
    let out = run(&["compare", "sample-data"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    // Through a pipe nothing is cut: the story lines keep their dates and
    // counts (a terminal's width cuts with `…`).
    let heading = text.lines().next().unwrap_or_default();
    assert!(heading.contains(" – ") && heading.ends_with(" articles"), "{heading}");
    assert!(!text.lines().any(|l| l.ends_with('…')), "{text}");
    assert!(text.contains("  ≠ "), "{text}");
    assert!(text.contains("  = "), "{text}");
    assert!(text.contains("  · "), "{text}");
}

#[test]
fn a_bad_format_is_a_usage_error() {
    let out = run(&["compare", "sample-data", "--format", "yaml"]);
    assert_eq!(out.status.code(), Some(2));
}
