//! Front matter at the very top of a text file: YAML between `---` lines or
//! TOML between `+++` lines.

use super::meta::{Field, Meta, read_meta};

/// What was found at the top of a file.
#[derive(Debug)]
pub struct Split<'a> {
    /// The metadata read from the front matter (empty when there is none).
    pub meta: Meta,
    /// The text after the front matter (the whole text when there is none).
    pub body: &'a str,
    /// Why the front matter could not be read in whole or in part.
    pub problems: Vec<String>,
}

pub fn split(text: &str) -> Split<'_> {
    let none = |problems| Split { meta: Meta::default(), body: text, problems };
    let Some((fence, lang)) = [("---", Lang::Yaml), ("+++", Lang::Toml)]
        .into_iter()
        .find(|(f, _)| first_line(text).trim_end() == *f)
    else {
        return none(Vec::new());
    };
    let after_open = &text[first_line(text).len()..];
    let after_open = after_open.strip_prefix('\n').unwrap_or(after_open);
    let Some((inner, body)) = find_close(after_open, fence, lang) else {
        return none(vec![format!(
            "front matter opened with `{fence}` is never closed; read as text"
        )]);
    };
    let mut problems = Vec::new();
    let meta = match lang {
        Lang::Yaml => yaml_meta(inner, &mut problems),
        Lang::Toml => toml_meta(inner, &mut problems),
    };
    Split { meta, body, problems }
}

#[derive(Clone, Copy)]
enum Lang {
    Yaml,
    Toml,
}

fn first_line(text: &str) -> &str {
    text.split('\n').next().unwrap_or("")
}

/// The front matter's inside and the text after its closing line.
fn find_close<'a>(text: &'a str, fence: &str, lang: Lang) -> Option<(&'a str, &'a str)> {
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_end();
        if t == fence || (matches!(lang, Lang::Yaml) && t == "...") {
            return Some((&text[..pos], &text[pos + line.len()..]));
        }
        pos += line.len();
    }
    None
}

fn yaml_meta(inner: &str, problems: &mut Vec<String>) -> Meta {
    use serde_yaml_ng::Value;
    if inner.trim().is_empty() {
        return Meta::default();
    }
    let map = match serde_yaml_ng::from_str::<Value>(inner) {
        Ok(Value::Mapping(m)) => m,
        Ok(_) => {
            problems.push("YAML front matter is not a mapping of keys; ignored".into());
            return Meta::default();
        }
        Err(e) => {
            problems.push(format!(
                "malformed YAML front matter ({e}); metadata inferred from the text"
            ));
            return Meta::default();
        }
    };
    let get = |k: &str| match map.get(k) {
        None | Some(Value::Null) => Field::Absent,
        Some(Value::String(s)) => Field::Text(s.clone()),
        Some(Value::Number(n)) => Field::Text(n.to_string()),
        Some(Value::Bool(_)) => Field::WrongType("a boolean"),
        Some(Value::Sequence(_)) => Field::WrongType("a list"),
        Some(Value::Mapping(_)) => Field::WrongType("a mapping"),
        Some(Value::Tagged(_)) => Field::WrongType("a tagged value"),
    };
    read_meta(get, problems)
}

fn toml_meta(inner: &str, problems: &mut Vec<String>) -> Meta {
    use toml::Value;
    let table = match inner.parse::<toml::Table>() {
        Ok(t) => t,
        Err(e) => {
            let msg = super::meta::one_line(&e.to_string());
            problems.push(format!(
                "malformed TOML front matter ({msg}); metadata inferred from the text"
            ));
            return Meta::default();
        }
    };
    let get = |k: &str| match table.get(k) {
        None => Field::Absent,
        Some(Value::String(s)) => Field::Text(s.clone()),
        Some(Value::Datetime(d)) => Field::Text(d.to_string()),
        Some(Value::Integer(n)) => Field::Text(n.to_string()),
        Some(Value::Float(n)) => Field::Text(n.to_string()),
        Some(Value::Boolean(_)) => Field::WrongType("a boolean"),
        Some(Value::Array(_)) => Field::WrongType("an array"),
        Some(Value::Table(_)) => Field::WrongType("a table"),
    };
    read_meta(get, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn yaml_front_matter() {
        let s = split("---\ntitle: \"A: b\"\nsource: CNN\ndate: 2024-08-06\n---\nBody here.\n");
        assert_eq!(s.meta.title.as_deref(), Some("A: b"));
        assert_eq!(s.meta.outlet.as_deref(), Some("CNN"));
        assert_eq!(s.meta.date, NaiveDate::from_ymd_opt(2024, 8, 6));
        assert_eq!(s.body, "Body here.\n");
        assert!(s.problems.is_empty());
    }

    #[test]
    fn toml_front_matter_with_native_date() {
        let s = split(
            "+++\ntitle = \"T\"\npublisher = \"Reuters\"\ndate = 2024-01-23T10:00:00Z\n+++\nText",
        );
        assert_eq!(s.meta.outlet.as_deref(), Some("Reuters"));
        assert_eq!(s.meta.date, NaiveDate::from_ymd_opt(2024, 1, 23));
        assert_eq!(s.body, "Text");
    }

    #[test]
    fn malformed_yaml_is_a_problem_and_body_survives() {
        let s = split("---\ntitle: [unclosed\n---\nBody");
        assert_eq!(s.meta, Meta::default());
        assert_eq!(s.body, "Body");
        assert!(s.problems[0].contains("malformed YAML"), "{:?}", s.problems);
    }

    #[test]
    fn wrong_types_and_impossible_dates_are_named() {
        let s = split("---\ntitle: [a, b]\ndate: 2024-02-30\noutlet: CNN\n---\nBody");
        assert_eq!(s.meta.outlet.as_deref(), Some("CNN"));
        assert_eq!(s.meta.title, None);
        assert_eq!(s.meta.date, None);
        let all = s.problems.join("; ");
        assert!(all.contains("`title` is a list"), "{all}");
        assert!(all.contains("`date` \"2024-02-30\" is not a date"), "{all}");
    }

    #[test]
    fn unclosed_or_absent_front_matter_is_text() {
        let s = split("---\nno close\n");
        assert_eq!(s.body, "---\nno close\n");
        assert_eq!(s.problems.len(), 1);
        let s = split("Plain text\n---\n");
        assert_eq!(s.body, "Plain text\n---\n");
        assert!(s.problems.is_empty());
    }

    #[test]
    fn crlf_front_matter() {
        let s = split("---\r\ntitle: T\r\n---\r\nBody");
        assert_eq!(s.meta.title.as_deref(), Some("T"));
        assert_eq!(s.body, "Body");
    }
}
