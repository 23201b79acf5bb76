//! How names are compared: the words of a name normalised for spelling,
//! punctuation, articles and generic designators, acronyms, and a
//! transliteration-tolerant likeness.

use crate::analysis::Kind;

/// Arabic definite articles written before a name ("al-Asad", "el-Sisi").
const ARTICLES: &[&str] = &["al", "el"];

/// Words that say what sort of place a name is rather than which one; they
/// are left out when places are compared ("Al Asad Airbase" ~ "al-Asad").
const PLACE_GENERIC: &[&str] = &[
    "air", "base", "airbase", "airfield", "airport", "city", "town", "village", "province",
    "district", "region", "county", "camp", "outpost",
];

/// The words of a name: lower case, hyphens and slashes as spaces, full stops
/// and apostrophes dropped ("U.S." → "us", "Shi'ite" → "shiite"), a
/// possessive and a leading "the" removed.
pub fn words(name: &str) -> Vec<String> {
    let name = name.trim();
    let name = ["'s", "’s", "'", "’"].iter().find_map(|p| name.strip_suffix(p)).unwrap_or(name);
    let mut cleaned = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '-' | '–' | '—' | '/' | '_' => cleaned.push(' '),
            '.' | '\'' | '’' | '‘' | '"' | '“' | '”' | ',' | '(' | ')' => {}
            c => cleaned.extend(c.to_lowercase()),
        }
    }
    let mut out: Vec<String> = cleaned.split_whitespace().map(str::to_string).collect();
    if out.len() > 1 && out[0] == "the" {
        out.remove(0);
    }
    out
}

/// Head words that make a name a facility or settlement, whatever a tagger
/// called it: "Al Asad Air Base" is a place even when tagged an organisation.
const PLACE_HEADS: &[&str] = &["base", "airbase", "airfield", "airport", "camp", "outpost"];

/// The kind a name's own words give it, if they decide it.
pub fn kind_by_head(words: &[String]) -> Option<Kind> {
    (words.len() >= 2 && words.last().is_some_and(|w| PLACE_HEADS.contains(&w.as_str())))
        .then_some(Kind::Place)
}

/// The words that identify a name among others of its kind: articles and,
/// for places, generic designators left out (unless nothing else is left).
pub fn core(words: &[String], kind: Kind) -> Vec<String> {
    let dropped =
        |w: &str| ARTICLES.contains(&w) || (kind == Kind::Place && PLACE_GENERIC.contains(&w));
    let core: Vec<String> = words.iter().filter(|w| !dropped(w.as_str())).cloned().collect();
    if core.is_empty() { words.to_vec() } else { core }
}

/// Whether `long` ends its name with an article and then `short_core`:
/// "al-Asad" / "Asad" inside "Ain al-Asad base". Arabic names are commonly
/// cut to their article and last part.
pub fn article_tail(short_core: &[String], long: &[String]) -> bool {
    if short_core.is_empty() || long.len() <= short_core.len() + 1 {
        return false;
    }
    long.windows(short_core.len() + 1)
        .skip(1)
        .any(|w| ARTICLES.contains(&w[0].as_str()) && w[1..] == *short_core)
}

/// Words too common inside names to make an acronym letter.
const ACRONYM_SKIP: &[&str] = &["of", "and", "the", "for", "de", "la", "du", "&"];

/// The initials of a multi-word name ("Daily Caller News Foundation" → "dcnf").
pub fn initials(words: &[String]) -> Option<String> {
    let letters: String = words
        .iter()
        .filter(|w| !ACRONYM_SKIP.contains(&w.as_str()))
        .filter_map(|w| w.chars().next())
        .collect();
    (letters.chars().count() >= 2 && words.len() >= 2).then_some(letters)
}

/// Whether a surface form is written as an acronym: capitals (and dots) only.
pub fn is_acronym(surface: &str) -> bool {
    let letters: Vec<char> = surface.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2
        && letters.iter().all(|c| c.is_uppercase())
        && surface.chars().all(|c| c.is_alphabetic() || c == '.' || c == '&')
}

/// Spellings of one name in another script's transliteration: vowels after
/// the first letter dropped, doubled letters collapsed, q/k and ph/f alike
/// ("Hezbollah", "Hizballah" → "hzblh").
pub fn skeleton(word: &str) -> String {
    let word = word.replace("ph", "f").replace('q', "k");
    let mut out = String::new();
    for (i, c) in word.chars().enumerate() {
        if i > 0 && "aeiouy".contains(c) {
            continue;
        }
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Two names of one kind spelled differently ("Qaeda" / "Qaida",
/// "Hezbollah" / "Hizballah"): same number of words, same initial, close in
/// length, and either the same consonant skeleton or very alike letter by letter.
pub fn alike(a: &[String], b: &[String]) -> bool {
    if a.len() != b.len() || a == b {
        return a == b;
    }
    a.iter().zip(b).all(|(x, y)| {
        if x == y {
            return true;
        }
        let (lx, ly) = (x.chars().count(), y.chars().count());
        if lx < 5 || ly < 5 || lx.abs_diff(ly) > 1 || x.chars().next() != y.chars().next() {
            return false;
        }
        let (sx, sy) = (skeleton(x), skeleton(y));
        let jw = strsim::jaro_winkler(x, y);
        (sx == sy && (sx.len() >= 4 || jw >= 0.85)) || jw >= 0.92
    })
}

/// Arabic designators that lead an organisation's name and the English
/// word that ends its translation ("Kataib Hezbollah" = "Hezbollah
/// Brigades", "Jaish al-Mahdi" = "Mahdi Army").
pub(crate) const DESIGNATORS: &[(&str, &str)] = &[
    ("kataib", "brigades"),
    ("katib", "brigades"),
    ("katibat", "battalion"),
    ("liwa", "brigade"),
    ("jaish", "army"),
    ("harakat", "movement"),
    ("hizb", "party"),
    ("jabhat", "front"),
    ("saraya", "companies"),
];

/// One name in Arabic form and in English translation: the Arabic
/// designator first, the English one last, the same name between (an
/// Arabic article dropped): "Kataib Hezbollah" / "Hezbollah Brigades".
pub fn translated(a: &[String], b: &[String]) -> bool {
    let one_way = |ar: &[String], en: &[String]| {
        let (Some((d, rest)), Some((last, name))) = (ar.split_first(), en.split_last()) else {
            return false;
        };
        let rest: Vec<&String> =
            rest.iter().filter(|w| !matches!(w.as_str(), "al" | "el")).collect();
        DESIGNATORS.iter().any(|(x, y)| x == d && y == last)
            && !name.is_empty()
            && rest.len() == name.len()
            && rest
                .iter()
                .zip(name)
                .all(|(x, y)| *x == y || alike(std::slice::from_ref(*x), std::slice::from_ref(y)))
    };
    one_way(a, b) || one_way(b, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        words(s)
    }

    #[test]
    fn words_normalise_punctuation_and_articles() {
        assert_eq!(w("U.S. Central Command"), ["us", "central", "command"]);
        assert_eq!(w("Al-Asad air base"), ["al", "asad", "air", "base"]);
        assert_eq!(w("the Pentagon’s"), ["pentagon"]);
        assert_eq!(w("Shi'ite"), ["shiite"]);
    }

    #[test]
    fn place_cores_drop_generic_words() {
        let core_of = |s: &str| core(&w(s), Kind::Place);
        assert_eq!(core_of("Al-Asad air base"), ["asad"]);
        assert_eq!(core_of("Al Asad Airbase"), ["asad"]);
        assert_eq!(core_of("Ain al-Asad base"), ["ain", "asad"]);
        assert_eq!(core(&w("Air Base"), Kind::Place), ["air", "base"], "never empty");
        assert_eq!(core(&w("Central Command"), Kind::Org), ["central", "command"]);
    }

    #[test]
    fn article_tails() {
        assert!(article_tail(&w("Asad"), &w("Ain al-Asad base")));
        assert!(!article_tail(&w("Hezbollah"), &w("Kataib Hezbollah")));
        assert!(!article_tail(&w("Asad"), &w("al-Asad")), "the article must follow a first part");
    }

    #[test]
    fn acronyms() {
        assert_eq!(initials(&w("Daily Caller News Foundation")).as_deref(), Some("dcnf"));
        assert_eq!(initials(&w("Islamic Revolutionary Guard Corps")).as_deref(), Some("irgc"));
        assert_eq!(initials(&w("United States")).as_deref(), Some("us"));
        assert!(is_acronym("DCNF") && is_acronym("U.S.") && !is_acronym("Iraq"));
    }

    #[test]
    fn transliterations_are_alike_but_neighbours_are_not() {
        assert!(alike(&w("Hezbollah"), &w("Hizballah")));
        assert!(translated(&w("Kataib Hezbollah"), &w("Hezbollah Brigades")));
        assert!(translated(&w("Hezbollah Brigades"), &w("Kata'ib Hizballah")));
        assert!(!translated(&w("Kataib Hezbollah"), &w("Hezbollah")));
        assert!(!translated(&w("Kataib Hezbollah"), &w("Hamas Brigades")));
        assert!(alike(&w("al-Qaeda"), &w("al-Qaida")));
        assert!(!alike(&w("Austria"), &w("Australia")));
        assert!(!alike(&w("Iran"), &w("Iraq")));
        assert!(!alike(&w("Kataib Hezbollah"), &w("Hezbollah")));
    }
}
