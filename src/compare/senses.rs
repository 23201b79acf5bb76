//! Lemmas and word senses from WordNet (`data/senses.txt`, built by
//! `tools/build_senses.py`), so that reports match on what a word means,
//! not only on how it is spelled: "quake" meets "earthquake", "died" meets
//! "death", "injured" meets "injury".

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../data/senses.txt");

struct Senses {
    /// Lemma → its senses (small integers, shared between lemmas).
    senses: HashMap<&'static str, Vec<u32>>,
    /// Lemmas that are verbs, and nouns of acts and events.
    verbs: std::collections::HashSet<&'static str>,
    events: std::collections::HashSet<&'static str>,
    /// Irregular form → lemma ("fled" → "flee").
    forms: HashMap<&'static str, &'static str>,
}

fn table() -> &'static Senses {
    static T: OnceLock<Senses> = OnceLock::new();
    T.get_or_init(|| {
        let mut senses = HashMap::new();
        let mut forms = HashMap::new();
        let mut verbs = std::collections::HashSet::new();
        let mut events = std::collections::HashSet::new();
        let mut in_forms = false;
        for line in TABLE.lines() {
            if line == "#forms" {
                in_forms = true;
                continue;
            }
            if line.starts_with('#') {
                continue;
            }
            let Some((word, rest)) = line.split_once('\t') else { continue };
            if in_forms {
                forms.insert(word, rest);
                continue;
            }
            let (ids, flags) = rest.split_once('\t').unwrap_or((rest, ""));
            if flags.contains('v') {
                verbs.insert(word);
            }
            if flags.contains('e') {
                events.insert(word);
            }
            senses.insert(word, ids.split(' ').filter_map(|s| s.parse().ok()).collect());
        }
        Senses { senses, verbs, events, forms }
    })
}

/// The WordNet lemma of a lower-case word with its senses, when the table
/// knows it: the word itself, an irregular form's lemma, or the word less
/// a regular ending ("injuries" → "injury", "escaped" → "escape",
/// "stopped" → "stop").
pub fn lemma(word: &str) -> Option<(&'static str, &'static [u32])> {
    let t = table();
    let found = |w: &str| t.senses.get_key_value(w).map(|(k, v)| (*k, v.as_slice()));
    if let Some(hit) = found(word) {
        return Some(hit);
    }
    if let Some(base) = t.forms.get(word) {
        return Some((base, t.senses.get(base).map_or(&[][..], Vec::as_slice)));
    }
    let mut candidates: Vec<String> = Vec::new();
    if let Some(b) = word.strip_suffix("ies") {
        candidates.push(format!("{b}y"));
    }
    if let Some(b) = word.strip_suffix("es") {
        candidates.push(b.to_string());
    }
    if let Some(b) = word.strip_suffix('s') {
        candidates.push(b.to_string());
    }
    for suffix in ["ed", "ing"] {
        if let Some(b) = word.strip_suffix(suffix) {
            candidates.push(b.to_string());
            candidates.push(format!("{b}e"));
            let bytes = b.as_bytes();
            if bytes.len() > 2 && bytes[bytes.len() - 1] == bytes[bytes.len() - 2] {
                candidates.push(b[..b.len() - 1].to_string());
            }
            if suffix == "ed"
                && let Some(stem) = b.strip_suffix('i')
            {
                candidates.push(format!("{stem}y"));
            }
        }
    }
    candidates.iter().find_map(|c| found(c))
}

/// Whether a lower-case word names a happening: a noun of an act or an
/// event ("attack", "arson", "quake"), or a verb written as one
/// ("injured", "fled", "killing"), not a bare form that may be a noun
/// ("base", "air").
pub fn happening(word: &str) -> bool {
    let t = table();
    let Some((lemma, _)) = lemma(word) else { return false };
    t.events.contains(lemma)
        || (t.verbs.contains(lemma)
            && word != lemma
            && (word.ends_with("ed") || word.ends_with("ing") || t.forms.contains_key(word)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shares(a: &str, b: &str) -> bool {
        let (Some((_, x)), Some((_, y))) = (lemma(a), lemma(b)) else { return false };
        x.iter().any(|s| y.contains(s))
    }

    #[test]
    fn regular_and_irregular_forms_find_their_lemma() {
        assert_eq!(lemma("injuries").map(|l| l.0), Some("injury"));
        assert_eq!(lemma("escaped").map(|l| l.0), Some("escape"));
        assert_eq!(lemma("fled").map(|l| l.0), Some("flee"));
        assert_eq!(lemma("stopped").map(|l| l.0), Some("stop"));
    }

    #[test]
    fn happenings_are_acts_events_and_inflected_verbs() {
        for w in ["attack", "arson", "quake", "injured", "fled", "killing"] {
            assert!(happening(w), "{w}");
        }
        for w in ["base", "air", "personnel", "official"] {
            assert!(!happening(w), "{w}");
        }
    }

    #[test]
    fn words_of_one_meaning_share_a_sense() {
        assert!(shares("quake", "earthquake"));
        assert!(shares("died", "death"));
        assert!(shares("injured", "injury"));
        // Sharing a spelling is not sharing a meaning.
        assert!(!shares("fire", "earthquake"));
        assert!(!shares("offer", "escape"));
    }
}
