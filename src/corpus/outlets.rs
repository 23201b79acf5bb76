//! Known news outlets, their short forms, and how an article names the outlet
//! that published it: a dateline (`CNN —`, `(Reuters) -`, `WASHINGTON (AP) —`)
//! or an attribution (`told Fox News`, `confirmed to the DCNF`).
//!
//! A citation of another outlet ("according to Reuters") is not the
//! publisher, so only verbs by which a source speaks *to* the outlet count.

use std::sync::OnceLock;

use regex::Regex;

/// Canonical name, then the other names it goes by. Abbreviations are matched
/// case-sensitively, full names case-insensitively.
const OUTLETS: &[(&str, &[&str])] = &[
    ("CNN", &[]),
    ("Reuters", &[]),
    ("AP", &["Associated Press", "The Associated Press"]),
    ("AFP", &["Agence France-Presse", "Agence France Presse"]),
    ("Fox News", &["Fox News Digital"]),
    ("Daily Caller News Foundation", &["DCNF", "Daily Caller"]),
    ("BBC", &["BBC News"]),
    ("NBC News", &["NBC"]),
    ("ABC News", &["ABC"]),
    ("CBS News", &["CBS"]),
    ("NPR", &["National Public Radio"]),
    ("Al Jazeera", &["Al-Jazeera", "Aljazeera"]),
    ("The New York Times", &["New York Times", "NYT", "the Times"]),
    ("The Washington Post", &["Washington Post", "the Post"]),
    ("The Wall Street Journal", &["Wall Street Journal", "WSJ"]),
    ("The Guardian", &["Guardian"]),
    ("Bloomberg", &["Bloomberg News"]),
    ("Politico", &["POLITICO"]),
    ("Axios", &[]),
    ("The Hill", &[]),
    ("USA Today", &["USA TODAY"]),
    ("Los Angeles Times", &["LA Times", "L.A. Times"]),
    ("CNBC", &[]),
    ("MSNBC", &[]),
    ("Sky News", &[]),
    ("Voice of America", &["VOA"]),
    ("Deutsche Welle", &["DW"]),
    ("France 24", &[]),
    ("Xinhua", &["Xinhua News Agency"]),
    ("UPI", &["United Press International"]),
    ("Newsweek", &[]),
    ("The Independent", &[]),
    ("Financial Times", &["FT"]),
    ("The Times of Israel", &["Times of Israel"]),
    ("Haaretz", &[]),
    ("Breitbart News", &["Breitbart"]),
];

/// The canonical name of an outlet named `name`, if it is a known one.
pub fn canonical(name: &str) -> Option<&'static str> {
    let name = name.trim();
    OUTLETS.iter().find_map(|(canon, aliases)| {
        std::iter::once(canon).chain(aliases.iter()).any(|n| names_match(n, name)).then_some(*canon)
    })
}

/// The shortest common form of an outlet's name, for narrow columns
/// ("Daily Caller News Foundation" → "DCNF"). Unknown outlets are returned as given.
pub fn short_name(name: &str) -> &str {
    match canonical(name) {
        Some(canon) => OUTLETS
            .iter()
            .find(|(c, _)| *c == canon)
            .and_then(|(_, aliases)| {
                aliases
                    .iter()
                    .filter(|a| is_abbreviation(a) && a.len() < canon.len())
                    .min_by_key(|a| a.len())
            })
            .copied()
            .unwrap_or(canon),
        None => name,
    }
}

fn is_abbreviation(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

fn names_match(known: &str, found: &str) -> bool {
    if is_abbreviation(known) { known == found } else { known.eq_ignore_ascii_case(found) }
}

/// Every known name as a regex alternation, longest first so that
/// "Fox News Digital" wins over "Fox News".
fn alternation() -> String {
    let mut names: Vec<&str> =
        OUTLETS.iter().flat_map(|(c, a)| std::iter::once(*c).chain(a.iter().copied())).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.iter().map(|n| regex::escape(n)).collect::<Vec<_>>().join("|")
}

fn dateline_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // `(Reuters) -`, `WASHINGTON (AP) —`, `LONDON, Aug 5 (Reuters) -`: a
        // parenthesised name after a place and date; or a bare name at the
        // start or after at most three capitalised words (`Washington CNN —`).
        let names = alternation();
        Regex::new(&format!(
            r"^\s*(?:(?:[A-Z][A-Za-z0-9 .,'’/-]{{0,60}}?\s*)?\((?P<p>{names})\)|(?:\p{{Lu}}[\p{{L}}.'’]*(?:[ ,]+\p{{Lu}}[\p{{L}}.'’]*){{0,2}},?\s+)?(?P<b>{names}))\s*[—–-]{{1,2}}(?:\s|$)"
        ))
        .expect("dateline pattern is valid")
    })
}

fn attribution_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let names = alternation();
        Regex::new(&format!(
            r"\b(?:told|confirmed to|said to|speaking to|speaking with|spoke to|spoke with|in an interview with|in a statement to|(?:a |an )?(?:email|statement|comment)s? to)\s+(?:the\s+)?(?P<n>{names})\b"
        ))
        .expect("attribution pattern is valid")
    })
}

/// The outlet named by a dateline at the start of `line`, and the byte
/// length of the dateline (so a line holding only a dateline can be dropped).
pub fn dateline(line: &str) -> Option<(&'static str, usize)> {
    let caps = dateline_re().captures(line)?;
    let name = caps.name("p").or_else(|| caps.name("b"))?;
    // A bare name must stand at the start or after a capitalised place, and
    // names that are common words ("the Times") never form a dateline.
    if name.as_str().starts_with("the ") {
        return None;
    }
    Some((canonical(name.as_str())?, caps.get(0)?.end()))
}

/// The outlet a source speaks to in `text` ("told Fox News"), the most
/// frequent such outlet winning; ties go to the earliest.
pub fn attributed(text: &str) -> Option<&'static str> {
    let mut counts: Vec<(&'static str, usize, usize)> = Vec::new();
    for caps in attribution_re().captures_iter(text) {
        let Some(m) = caps.name("n") else { continue };
        let Some(canon) = canonical(m.as_str()) else { continue };
        match counts.iter_mut().find(|(c, _, _)| *c == canon) {
            Some(entry) => entry.1 += 1,
            None => counts.push((canon, 1, m.start())),
        }
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2))).map(|(c, _, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        assert_eq!(dateline("CNN —").map(|d| d.0), Some("CNN"));
        assert_eq!(dateline("WASHINGTON (AP) — Officials said").map(|d| d.0), Some("AP"));
        assert_eq!(dateline("LONDON, Aug 5 (Reuters) - Oil rose").map(|d| d.0), Some("Reuters"));
        assert_eq!(dateline("(Reuters) - Oil rose").map(|d| d.0), Some("Reuters"));
        assert_eq!(dateline("CNN reported that - no"), None);
        assert_eq!(dateline("Several U.S. personnel were injured"), None);
        assert_eq!(dateline("Washington CNN — The vote").map(|d| d.0), Some("CNN"));
        assert_eq!(dateline("Officials told CNN - a source"), None);
    }

    #[test]
    fn attributions_not_citations() {
        assert_eq!(attributed("an official told Fox News on Monday"), Some("Fox News"));
        assert_eq!(
            attributed("according to Reuters. A spokesperson told the DCNF. He told the DCNF."),
            Some("Daily Caller News Foundation")
        );
        assert_eq!(attributed("the strike, according to Reuters, hit"), None);
        assert_eq!(attributed("in a statement obtained by Shafaq News agency"), None);
    }

    #[test]
    fn names_and_short_forms() {
        assert_eq!(canonical("DCNF"), Some("Daily Caller News Foundation"));
        assert_eq!(canonical("dcnf"), None, "abbreviations are case-sensitive");
        assert_eq!(canonical("associated press"), Some("AP"));
        assert_eq!(short_name("Daily Caller News Foundation"), "DCNF");
        assert_eq!(short_name("CNN"), "CNN");
        assert_eq!(short_name("Some Local Paper"), "Some Local Paper");
    }
}
