//! `.json` and `.jsonl` files: one article object, an array of them, or one
//! per line. Keys per CONTRACT.md; a `source` may also be a `{"name": …}`
//! object as news APIs give it.

use serde_json::Value;

use super::item::Item;
use super::meta::{BODY_KEYS, Field, read_meta};

/// What a JSON file holds: its articles, whether it held several (ids then
/// carry the index), and one message per item or line that was skipped.
#[derive(Debug, Default)]
pub struct Parsed {
    pub items: Vec<Item>,
    pub many: bool,
    /// Read as JSON Lines: an item's index is its line.
    pub lines: bool,
    pub problems: Vec<String>,
}

/// Parse `text`; `lines` reads it as JSON Lines. A whole-file syntax error is
/// `Err` with the parser's message (line and column included).
pub fn parse(text: &str, lines: bool) -> Result<Parsed, String> {
    let mut parsed = Parsed::default();
    if lines {
        parsed.many = true;
        parsed.lines = true;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Value>(line) {
                Ok(v) => item(v, n + 1, &format!("line {}", n + 1), &mut parsed),
                Err(e) => parsed.problems.push(format!("line {}: invalid JSON ({e})", n + 1)),
            }
        }
        return Ok(parsed);
    }
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(values)) => {
            parsed.many = true;
            for (i, v) in values.into_iter().enumerate() {
                item(v, i + 1, &format!("item {}", i + 1), &mut parsed);
            }
            Ok(parsed)
        }
        Ok(v) => {
            item(v, 1, "the object", &mut parsed);
            Ok(parsed)
        }
        // Several objects one per line in a `.json` file are JSON Lines.
        Err(e) if e.is_syntax() && e.line() > 1 && looks_like_lines(text) => parse(text, true),
        Err(e) => Err(format!("invalid JSON ({e})")),
    }
}

fn looks_like_lines(text: &str) -> bool {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let first = lines.next().is_some_and(|l| serde_json::from_str::<Value>(l).is_ok());
    first && lines.next().is_some()
}

fn item(v: Value, index: usize, place: &str, parsed: &mut Parsed) {
    let Value::Object(map) = v else {
        parsed.problems.push(format!("{place}: not an article object; skipped"));
        return;
    };
    let get = |k: &str| field(map.get(k));
    let mut problems = Vec::new();
    let meta = read_meta(get, &mut problems);
    let body = BODY_KEYS.iter().find_map(|k| match map.get(*k) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        _ => None,
    });
    for p in problems {
        parsed.problems.push(format!("{place}: {p}"));
    }
    match body {
        Some(body) => parsed.items.push(Item { index, meta, body }),
        None => parsed
            .problems
            .push(format!("{place}: no text in `body`, `text` or `content`; skipped")),
    }
}

fn field(v: Option<&Value>) -> Field {
    match v {
        None | Some(Value::Null) => Field::Absent,
        Some(Value::String(s)) => Field::Text(s.clone()),
        Some(Value::Number(n)) => Field::Text(n.to_string()),
        // `{"name": "CNN"}` (news APIs), or a list of authors.
        Some(Value::Object(o)) => match o.get("name") {
            Some(Value::String(s)) => Field::Text(s.clone()),
            _ => Field::WrongType("an object"),
        },
        Some(Value::Array(a)) if a.iter().all(Value::is_string) && !a.is_empty() => {
            Field::Text(a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "))
        }
        Some(Value::Array(_)) => Field::WrongType("an array"),
        Some(Value::Bool(_)) => Field::WrongType("a boolean"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_object() {
        let p = parse(
            r#"{"title":"T","source":{"name":"BBC"},"date":"2024-01-02","text":"Body."}"#,
            false,
        )
        .unwrap();
        assert!(!p.many);
        assert_eq!(p.items[0].meta.outlet.as_deref(), Some("BBC"));
        assert_eq!(p.items[0].body, "Body.");
    }

    #[test]
    fn array_with_a_bad_item() {
        let p =
            parse(r#"[{"body":"A"}, 5, {"title":"no body"}, {"content":"C","date":true}]"#, false)
                .unwrap();
        assert!(p.many);
        assert_eq!(p.items.iter().map(|i| i.index).collect::<Vec<_>>(), [1, 4]);
        let all = p.problems.join("\n");
        assert!(all.contains("item 2: not an article object"), "{all}");
        assert!(all.contains("item 3: no text"), "{all}");
        assert!(all.contains("item 4: `date` is a boolean"), "{all}");
    }

    #[test]
    fn json_lines_and_syntax_errors() {
        let p = parse("{\"body\":\"A\"}\n{oops\n{\"body\":\"B\"}\n", true).unwrap();
        assert_eq!(p.items.len(), 2);
        assert!(p.problems[0].starts_with("line 2: invalid JSON"));
        assert!(parse("{\"body\": ", false).unwrap_err().contains("invalid JSON"));
        // One object per line in a .json file is read as JSON Lines.
        assert_eq!(parse("{\"body\":\"A\"}\n{\"body\":\"B\"}\n", false).unwrap().items.len(), 2);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(parse(&deep, false).is_err());
    }
}
