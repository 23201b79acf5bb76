//! Plural nicknames are organisations: sports teams and bands ("the
//! Orioles", "the Bruins", "the Blue Jays" after "the Toronto Blue Jays").
//! The tagger reads such a word as a place or a group (it looks like a
//! plural of people, and teams are named after cities), while both the
//! OntoNotes and the CoNLL schemes tag it as an organisation.
//!
//! A mention qualifies when it is a capitalised plural and either follows
//! "the" (one word; "The" only where a sentence or line may open) or is the tail of a multi-word organisation
//! of the same article (one or two words). Plurals of peoples and parties
//! ("the Iranians", "the Democrats") and listed places or names ("the
//! Netherlands") stay as they are. The singular may be a listed name
//! ("Angel", "Falcon", "Bear"); families ("the Mitchells") are rare in news
//! and not told apart. Every mention of a
//! qualifying text in the article becomes an organisation.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::gazetteer::{self, Gazetteer};
use super::rules;
use crate::analysis::{Kind, Mention};

/// Plurals of political and ideological groups (OntoNotes NORP).
const PARTY_PLURALS: &[&str] = &[
    "Democrats",
    "Republicans",
    "Liberals",
    "Conservatives",
    "Socialists",
    "Communists",
    "Greens",
    "Tories",
    "Nationalists",
    "Loyalists",
    "Unionists",
    "Maoists",
    "Marxists",
    "Fascists",
    "Nazis",
    "Allies",
    "Crusaders",
];

/// A capitalised plural of letters: "Orioles", not "Glass", "Marcus" or
/// "Memphis".
fn is_plural_word(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else { return false };
    first.is_uppercase()
        && w.len() >= 4
        && chars.all(|c| c.is_lowercase() && c.is_alphabetic())
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
}

/// Single-word country names, sorted, for the demonym check.
fn countries() -> &'static [String] {
    static LIST: OnceLock<Vec<String>> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut v: Vec<String> = gazetteer::LISTS[0]
            .1
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.contains(' '))
            .map(str::to_string)
            .collect();
        v.sort();
        v
    })
}

/// Does some single-word country begin with `stem` ("Iran" for
/// "Iranians", "Afgh" for "Afghans")?
fn country_starts_with(stem: &str) -> bool {
    let list = countries();
    let i = list.partition_point(|c| c.as_str() < stem);
    list.get(i).is_some_and(|c| c.starts_with(stem))
}

/// A people's plural: "Iranians", "Germans", "Israelis", "Afghans".
fn is_demonym(w: &str) -> bool {
    ["ians", "ans", "is", "s"].iter().any(|suffix| {
        w.strip_suffix(suffix).is_some_and(|stem| stem.len() >= 4 && country_starts_with(stem))
    })
}

/// Could `w` be a team's or band's plural nickname?
fn nickname(gaz: &Gazetteer, w: &str) -> bool {
    is_plural_word(w)
        && gaz.word_bits(w) & gazetteer::NAMES == 0
        && !rules::is_group_word(w)
        && !rules::is_group_word(&w[..w.len() - 1])
        && !PARTY_PLURALS.contains(&w)
        && !is_demonym(w)
}

/// Turn place, group and person mentions that are plural nicknames into
/// organisations (see the module comment). `mentions` in text order.
pub fn plural_orgs(text: &str, gaz: &Gazetteer, mentions: &mut [Mention]) {
    let convertible = |k: Kind| matches!(k, Kind::Place | Kind::Group | Kind::Person);
    // Tails of multi-word organisations written in capitalised words.
    let mut tails: HashSet<&str> = HashSet::new();
    for m in mentions.iter().filter(|m| m.kind == Kind::Org) {
        let t = &text[m.start..m.end];
        if !t.split(' ').all(|w| w.starts_with(char::is_uppercase)) {
            continue;
        }
        let mut rest = t;
        while let Some((_, tail)) = rest.split_once(' ') {
            tails.insert(tail);
            rest = tail;
        }
    }
    let mut orgs: HashSet<&str> = HashSet::new();
    for m in mentions.iter().filter(|m| convertible(m.kind)) {
        let t = &text[m.start..m.end];
        let words = t.split(' ').count();
        let last = t.rsplit(' ').next().unwrap_or(t);
        if !nickname(gaz, last) || words > 2 {
            continue;
        }
        let before = &text[..m.start];
        // "the Orioles", and "The Orioles" opening a sentence or a line.
        let after_the = words == 1
            && (before.ends_with(" the ")
                || before.strip_suffix("The ").is_some_and(|b| {
                    b.is_empty() || b.ends_with(|c: char| c.is_whitespace() || c == '"' || c == '“')
                }));
        if after_the || tails.contains(t) {
            orgs.insert(t);
        }
    }
    if orgs.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if convertible(m.kind) && orgs.contains(&text[m.start..m.end]) {
            m.kind = Kind::Org;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, spans: &[(&str, Kind)]) -> Vec<Kind> {
        let gaz = Gazetteer::build().unwrap();
        let mut from = 0;
        let mut ms: Vec<Mention> = spans
            .iter()
            .map(|&(s, kind)| {
                let start = from + text[from..].find(s).expect("in the text");
                from = start + s.len();
                Mention { start, end: start + s.len(), kind }
            })
            .collect();
        plural_orgs(text, &gaz, &mut ms);
        ms.iter().map(|m| m.kind).collect()
    }

    #[test]
    fn a_plural_after_the_is_a_team() {
        let t = "The offer by the Herons beat Herons rivals; Kenya beat them.";
        let k =
            kinds(t, &[("Herons", Kind::Place), ("Herons", Kind::Group), ("Kenya", Kind::Place)]);
        assert_eq!(k, [Kind::Org, Kind::Org, Kind::Place]);
    }

    #[test]
    fn the_tail_of_a_team_is_the_team() {
        let t = "The Duluth Grey Owls won. Grey Owls fans cheered.";
        let k = kinds(t, &[("Duluth Grey Owls", Kind::Org), ("Grey Owls", Kind::Person)]);
        assert_eq!(k, [Kind::Org, Kind::Org]);
    }

    #[test]
    fn peoples_parties_and_places_stay() {
        let t = "the Iranians, the Democrats, the Netherlands, the Kurds and the Philippines";
        let spans = [
            ("Iranians", Kind::Group),
            ("Democrats", Kind::Group),
            ("Netherlands", Kind::Place),
            ("Kurds", Kind::Group),
            ("Philippines", Kind::Place),
        ];
        let k = kinds(t, &spans);
        assert_eq!(k, spans.map(|(_, k)| k));
    }

    #[test]
    fn demonyms_are_told_from_the_country_list() {
        assert!(is_demonym("Iranians"));
        assert!(is_demonym("Israelis"));
        assert!(is_demonym("Afghans"));
        assert!(!is_demonym("Orioles"));
        assert!(!is_demonym("Angels"));
    }
}
