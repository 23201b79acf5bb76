//! An organisation told by the words around its name: "the Kataib Hezbollah
//! militia", "the proxy group Kataib Hezbollah", "Kataib Hezbollah, one of
//! the largest armed groups". Foreign-language names of armed groups are
//! rarely in any list and their words look like a person's name to the
//! tagger; the noun that English news puts beside them says what they are.

use crate::analysis::{Kind, Mention};

/// Nouns that, right beside a name, make it an organisation.
const ORG_NOUNS: &[&str] = &[
    "militia",
    "militias",
    "group",
    "groups",
    "faction",
    "factions",
    "movement",
    "organisation",
    "organization",
    "headquarters",
    "network",
    "coalition",
    "alliance",
    "party",
    "militants",
    "fighters",
    "insurgents",
    "rebels",
    "brigade",
    "brigades",
];

/// Nouns that make a name an organisation only right before it ("the band
/// Deadsy", "the firm Halvorsen"): in an appositive they are often what a
/// person works for (", a director at telecoms company Interoute"), and
/// after a capitalised word it is often a genre or a place ("a Jazz band").
const ADJACENT_NOUNS: &[&str] = &[
    "band",
    "bands",
    "company",
    "firm",
    "club",
    "team",
    "label",
    "newspaper",
    "magazine",
    "manufacturer",
    "brand",
];

fn is_org_noun(word: &str) -> bool {
    ORG_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(word))
}

fn is_adjacent_org_noun(word: &str) -> bool {
    is_org_noun(word) || ADJACENT_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(word))
}

/// The words of `text`, lower-cased on demand; `None` past the text.
fn words_after(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty())
}

/// Person mentions that stand beside an organisation noun become orgs:
/// the noun right after the name ("Kataib Hezbollah militia"), right
/// before it ("proxy group Kataib Hezbollah"), or heading an appositive
/// (", one of the largest armed groups", ", a Shiite militia").
pub fn orgs_by_context(text: &str, mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        if m.kind != Kind::Person {
            continue;
        }
        let (Some(before), Some(after)) = (text.get(..m.start), text.get(m.end..)) else {
            continue;
        };
        let next = words_after(after).next().map(|w| w.trim_end_matches([',', '.', ';', ':']));
        let prev = before.split_whitespace().next_back();
        if next.is_some_and(is_org_noun)
            || prev.is_some_and(is_adjacent_org_noun)
            || appositive(after)
        {
            m.kind = Kind::Org;
        }
    }
}

/// ", one of the … groups" / ", a … militia": an appositive right after
/// the name whose head (first noun before the next punctuation, within a
/// few words) is an organisation noun.
fn appositive(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(',') else { return false };
    let clause = rest.split([',', '.', ';', ':', '(', ')']).next().unwrap_or("");
    let words: Vec<&str> = words_after(clause).collect();
    let opens = match words.as_slice() {
        ["one", "of", "the", ..] => 3,
        ["a" | "an" | "the", ..] => 1,
        _ => return false,
    };
    words.iter().skip(opens).take(5).any(|w| is_org_noun(w))
        && !words.iter().skip(opens).take(5).any(|w| matches!(*w, "who" | "whose" | "of"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(text: &str, name: &str) -> Kind {
        let start = text.find(name).unwrap();
        let mut m = [Mention { start, end: start + name.len(), kind: Kind::Person }];
        orgs_by_context(text, &mut m);
        m[0].kind
    }

    #[test]
    fn a_noun_beside_the_name_makes_it_an_org() {
        assert_eq!(
            kind_of("forces hit the Kataib Hezbollah militia group.", "Kataib Hezbollah"),
            Kind::Org
        );
        assert_eq!(
            kind_of("the proxy group Kataib Hezbollah's attack", "Kataib Hezbollah"),
            Kind::Org
        );
        let s = "Kataib Hezbollah, one of the largest armed groups in the country, said.";
        assert_eq!(kind_of(s, "Kataib Hezbollah"), Kind::Org);
    }

    #[test]
    fn people_stay_people() {
        assert_eq!(kind_of("Ana Silva, a leader of the group, said.", "Ana Silva"), Kind::Person);
        assert_eq!(kind_of("Ana Silva said the group met.", "Ana Silva"), Kind::Person);
        assert_eq!(kind_of("Ana Silva, the mayor, said.", "Ana Silva"), Kind::Person);
        let s = "Ana Silva, a director at the shipping company Hallo, said.";
        assert_eq!(kind_of(s, "Ana Silva"), Kind::Person);
    }

    #[test]
    fn a_band_or_a_firm_right_before_the_name_makes_it_an_org() {
        assert_eq!(kind_of("songs by the punk band Ivo Tarn.", "Ivo Tarn"), Kind::Org);
        assert_eq!(kind_of("the firm Halvorsen Bakke said", "Halvorsen Bakke"), Kind::Org);
        assert_eq!(kind_of("a driving Jazz band played", "Jazz"), Kind::Person, "unchanged");
    }
}
