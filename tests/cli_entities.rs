//! `dateline entities --format json` as scripts see it (CONTRACT.md).

use std::collections::HashMap;
use std::process::Command;

use serde_json::Value;

fn entities_json(path: &str) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["entities", path, "--format", "json", "--no-cache"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run dateline");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON document")
}

#[test]
fn shape_spans_and_links() {
    let v = entities_json("sample-data");
    let articles = v["articles"].as_array().expect("articles");
    let entities = v["entities"].as_array().expect("entities");
    assert_eq!(articles.len(), 5);
    let by_id: HashMap<&str, &Value> =
        entities.iter().map(|e| (e["id"].as_str().expect("id"), e)).collect();
    let mut counted: HashMap<&str, u64> = HashMap::new();
    for a in articles {
        for key in ["id", "path", "title", "outlet", "date", "url", "words", "body", "mentions"] {
            assert!(a.get(key).is_some(), "article lacks {key}");
        }
        let body = a["body"].as_str().expect("body");
        let mut last_end = 0;
        for m in a["mentions"].as_array().expect("mentions") {
            let (start, end) =
                (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
            assert!(start < end && end <= body.len(), "span inside the body");
            assert!(body.is_char_boundary(start) && body.is_char_boundary(end));
            assert!(start >= last_end, "mentions in order, never overlapping");
            last_end = end;
            assert_eq!(m["text"].as_str(), Some(&body[start..end]), "text is the span");
            let kind = m["kind"].as_str().expect("kind");
            assert!(
                ["person", "org", "place", "group", "date", "number"].contains(&kind),
                "{kind}"
            );
            match m["entity"].as_str() {
                Some(e) => {
                    let entity = by_id.get(e).expect("mention links a listed entity");
                    *counted.entry(e).or_default() += 1;
                    assert!(entity["articles"].as_array().unwrap().contains(&a["id"]));
                }
                None => assert!(kind == "date" || kind == "number", "names link an entity"),
            }
        }
    }
    for e in entities {
        let id = e["id"].as_str().unwrap();
        assert_eq!(
            e["mentions"].as_u64(),
            counted.get(id).copied(),
            "{id}: count matches mentions"
        );
        assert!(e["name"].as_str().is_some_and(|n| !n.is_empty()));
        assert!(e["aliases"].as_array().is_some());
        assert!(["person", "org", "place", "group"].contains(&e["kind"].as_str().unwrap()));
    }
}

#[test]
fn sample_data_entities_readers_expect() {
    let v = entities_json("sample-data");
    let entities = v["entities"].as_array().expect("entities");
    let find = |alias: &str| {
        entities.iter().find(|e| {
            e["name"] == alias || e["aliases"].as_array().unwrap().iter().any(|a| a == alias)
        })
    };
    let austin = find("Lloyd Austin").expect("Lloyd Austin is an entity");
    assert_eq!(austin["kind"], "person");
    assert!(austin["articles"].as_array().unwrap().len() >= 2);
    // Numbers and dates are found with their hedges.
    let texts: Vec<&str> = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["mentions"].as_array().unwrap())
        .filter(|m| m["kind"] == "number" || m["kind"] == "date")
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    for expected in ["more than 150", "as many as seven", "2,500", "Monday", "at least 90"] {
        assert!(texts.iter().any(|t| t.eq_ignore_ascii_case(expected)), "{expected} in {texts:?}");
    }
}

/// Through a pipe the table cuts nothing: each entity's whole name and
/// every alias, as the JSON gives them.
#[test]
fn the_table_through_a_pipe_is_whole() {
    let v = entities_json("sample-data");
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["entities", "sample-data", "--no-cache"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run dateline");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let rows: Vec<&str> = text.lines().skip(1).collect();
    let entities = v["entities"].as_array().expect("entities");
    assert_eq!(rows.len(), entities.len(), "a row per entity:\n{text}");
    let mut with_aliases = 0;
    for (row, e) in rows.iter().zip(entities) {
        let name = e["name"].as_str().expect("name");
        assert!(row.contains(name), "{name} whole in {row:?}");
        let aliases: Vec<&str> =
            e["aliases"].as_array().expect("aliases").iter().filter_map(Value::as_str).collect();
        with_aliases += usize::from(!aliases.is_empty());
        assert!(row.ends_with(&aliases.join(" · ")), "every alias of {name} in {row:?}");
    }
    assert!(with_aliases > 0, "some entity has aliases to show");
    assert!(!text.contains('…'), "nothing cut:\n{text}");
}
