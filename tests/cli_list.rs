//! `dateline list` as scripts see it: the JSON contract, the table, exit codes.

use std::process::{Command, Output};

use serde_json::Value;

fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .arg("--no-cache")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run dateline")
}

#[test]
fn list_json_contract_on_sample_data() {
    let out = dateline(&["list", "sample-data", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "no warnings on sample-data");
    let v: Value = serde_json::from_slice(&out.stdout).expect("stdout is one JSON document");
    let rows = v.as_array().expect("an array");
    assert_eq!(rows.len(), 5);
    for row in rows {
        let obj = row.as_object().expect("objects");
        let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["date", "id", "outlet", "path", "title", "url", "words"]);
        let id = obj["id"].as_str().expect("id is a string");
        assert_eq!(obj["path"], format!("sample-data/{id}.txt"));
        assert!(obj["title"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(obj["outlet"].is_string() || obj["outlet"].is_null());
        assert!(obj["url"].is_null());
        assert!(obj["words"].as_u64().is_some_and(|w| w > 100));
    }
    let dates: Vec<&str> = rows.iter().map(|r| r["date"].as_str().expect("dated")).collect();
    assert_eq!(dates, ["2024-08-06", "2024-08-05", "2024-08-05", "2024-01-23", "2023-11-22"]);
    assert_eq!(rows[0]["outlet"], "CNN");
    assert_eq!(rows[1]["outlet"], "Daily Caller News Foundation");
    assert_eq!(rows[2]["outlet"], Value::Null);
}

#[test]
fn undated_articles_come_last_in_json() {
    let out = dateline(&["list", "tests/fixtures/seeds", "--format", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let dates: Vec<&Value> = v.as_array().expect("array").iter().map(|r| &r["date"]).collect();
    assert_eq!(dates[..2], [&Value::from("2024-08-06"), &Value::from("2024-08-05")]);
    assert!(dates[2..].iter().all(|d| d.is_null()));
}

#[test]
fn list_table_on_sample_data() {
    let out = dateline(&["list", "sample-data"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "header and five rows:\n{text}");
    assert!(
        lines[0].starts_with("DATE") && lines[0].contains("OUTLET") && lines[0].contains("TITLE")
    );
    assert!(lines[1].starts_with("2024-08-06  CNN"), "{text}");
    assert!(lines[2].contains("DCNF"), "short outlet names: {text}");
    // Columns align: every title starts at the header's TITLE column.
    let col = lines[0].find("TITLE").expect("title column");
    assert!(lines[1..].iter().all(|l| l.is_char_boundary(col)), "{text}");
}

#[test]
fn warnings_go_to_stderr_naming_the_file() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("ok.txt"), "A plain article about rain.").expect("write");
    std::fs::write(dir.path().join("empty.txt"), "").expect("write");
    let out = dateline(&["list", dir.path().to_str().expect("utf-8 path"), "--format", "json"]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("empty.txt") && err.contains("empty file"), "{err}");
    let v: Value = serde_json::from_slice(&out.stdout).expect("stdout stays pure JSON");
    assert_eq!(v.as_array().map(Vec::len), Some(1));
}

#[test]
fn exit_codes() {
    let empty = tempfile::tempdir().expect("tmp");
    let out = dateline(&["list", empty.path().to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1), "nothing loaded");
    assert_eq!(dateline(&["list", "--format", "xml"]).status.code(), Some(2), "bad usage");
    assert_eq!(dateline(&["--no-such-flag"]).status.code(), Some(2));
}

/// A folder of articles whose titles and outlets are far wider than any
/// terminal.
fn wide_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    for i in 0..3 {
        let title: String = format!("Title {i} ") + &"wide words ".repeat(28);
        let outlet = format!("The Very Long Name Of Outlet Number {i} Weekly");
        let text = format!(
            "---\ntitle: {}\noutlet: {outlet}\ndate: 2024-05-0{}\n---\nRain fell on town {i}.\n",
            title.trim_end(),
            i + 1
        );
        std::fs::write(dir.path().join(format!("a-very-long-file-name-for-article-{i}.md")), text)
            .expect("write");
    }
    dir
}

#[test]
fn through_a_pipe_the_table_cuts_nothing() {
    let dir = wide_folder();
    let out = dateline(&["list", dir.path().to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(!text.contains('…'), "nothing cut:\n{text}");
    assert!(lines[0].ends_with("ID"), "the id column is there: {}", lines[0]);
    for (i, line) in lines[1..].iter().enumerate() {
        let k = 2 - i;
        assert!(unicode_width::UnicodeWidthStr::width(*line) > 300, "{line}");
        assert!(
            line.contains(&format!("The Very Long Name Of Outlet Number {k} Weekly")),
            "{line}"
        );
        assert!(line.contains(&format!("Title {k} {}", "wide words ".repeat(27).trim_end())));
        assert!(line.ends_with(&format!("a-very-long-file-name-for-article-{k}")), "{line}");
    }
    // Columns align: each starts where its heading does.
    for head in ["OUTLET", "WORDS", "TITLE", "ID"] {
        let col = lines[0].find(head).expect("heading");
        assert!(lines[1..].iter().all(|l| l.is_char_boundary(col)), "{head}:\n{text}");
    }
    let id_col = lines[0].find("ID").expect("ID");
    assert!(lines[1..].iter().all(|l| l[id_col..].starts_with("a-very-long")), "{text}");
}

#[test]
fn on_a_terminal_cells_are_cut_alike_on_every_row() {
    let dir = wide_folder();
    let corpus = dateline::corpus::load(&[dir.path().to_path_buf()]);
    let mut out = Vec::new();
    dateline::cli::list_table(&corpus, 100, &mut out).expect("print");
    let text = String::from_utf8(out).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.iter().all(|l| unicode_width::UnicodeWidthStr::width(*l) <= 100), "{text}");
    // Each cut cell ends in an ellipsis at the same column on every row.
    let ends: Vec<Vec<usize>> = lines[1..]
        .iter()
        .map(|l| {
            l.char_indices()
                .filter(|&(_, c)| c == '…')
                .map(|(at, _)| unicode_width::UnicodeWidthStr::width(&l[..at]))
                .collect()
        })
        .collect();
    assert!(!ends[0].is_empty(), "the wide cells are cut:\n{text}");
    assert!(ends.windows(2).all(|w| w[0] == w[1]), "cut alike:\n{text}");
}
