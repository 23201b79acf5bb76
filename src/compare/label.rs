//! A fact's label: a short phrase of one report's own words that names the
//! happening and a participant or value ("US personnel injured by rocket
//! attack", "three US troops killed"), never a lone common word and never
//! words picked from far apart.

use super::facts::SentenceTerms;

/// A label is at most this many words of running text.
const MAX_WORDS: usize = 6;

/// The label of a fact whose shared words are `keys` (heaviest first), as
/// the sentences `reports` state it; `is_name` tells a participant's name
/// from another word.
pub fn label(
    keys: &[u32],
    reports: &[(&SentenceTerms, &str)],
    is_name: &dyn Fn(u32) -> bool,
) -> String {
    // The shortest report is the most headline-like: it names the fact
    // with the fewest words around it.
    let mut order: Vec<usize> = (0..reports.len()).collect();
    order.sort_by_key(|&i| (reports[i].0.end - reports[i].0.start, i));
    let mut best: Option<(f32, String)> = None;
    for &i in &order {
        let (s, body) = reports[i];
        if let Some((score, text)) = window(keys, s, body, is_name)
            && best.as_ref().is_none_or(|b| score > b.0)
        {
            best = Some((score, text));
        }
    }
    best.map(|b| b.1).unwrap_or_default()
}

/// What a word of the run that is not a key costs its score.
const FILLER_COST: f32 = 0.15;

/// What a key that names a happening adds to a run's score: a label says
/// what happened.
const HAPPENING_BONUS: f32 = 0.75;

/// The best run of at most [`MAX_WORDS`] words of `s`, inside one clause,
/// that holds two keys or more, one of them not a name, scored by the keys'
/// ranks less the words between them.
fn window(
    keys: &[u32],
    s: &SentenceTerms,
    body: &str,
    is_name: &dyn Fn(u32) -> bool,
) -> Option<(f32, String)> {
    let text = body.get(s.start..s.end)?;
    // Words of running text as byte spans into the body.
    let spans: Vec<(usize, usize)> = text
        .split_whitespace()
        .map(|w| {
            let off = w.as_ptr() as usize - text.as_ptr() as usize;
            (s.start + off, s.start + off + w.len())
        })
        .collect();
    // Per running word, the rank weight of the key it holds.
    let weight: Vec<Option<(f32, bool)>> = spans
        .iter()
        .map(|&(a, b)| {
            s.words.iter().filter(|w| w.start >= a && w.end <= b).find_map(|w| {
                keys.iter().position(|&k| k == w.key).map(|r| {
                    let bonus = if w.happening { HAPPENING_BONUS } else { 0.0 };
                    (1.0 / (r as f32 + 1.0) + bonus, is_name(w.key))
                })
            })
        })
        .collect();
    let mut best: Option<(f32, usize, usize)> = None;
    for i in 0..spans.len() {
        let Some(_) = weight[i] else { continue };
        let mut score = 0.0;
        let mut count = 0;
        let mut happening = false;
        for j in i..spans.len().min(i + MAX_WORDS) {
            if j > i && ends_clause(&body[spans[j - 1].0..spans[j - 1].1]) {
                break;
            }
            match weight[j] {
                Some((w, name)) => {
                    score += w;
                    count += 1;
                    happening |= !name;
                    if count >= 2 && happening && best.is_none_or(|b| score > b.0) {
                        best = Some((score, i, j));
                    }
                }
                None => score -= FILLER_COST,
            }
        }
    }
    let (score, i, j) = best?;
    let phrase = &body[spans[i].0..spans[j].1];
    Some((score, tidy(phrase)))
}

/// Whether a running word ends its clause ("Monday," "said:" "base —").
fn ends_clause(word: &str) -> bool {
    word.ends_with([',', ';', ':', ')', '”', '"']) || matches!(word, "—" | "–" | "-")
}

/// The phrase without the punctuation that framed it in its sentence.
fn tidy(phrase: &str) -> String {
    let t = phrase.trim_matches(|c: char| !c.is_alphanumeric());
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::terms::{Vocab, terms};
    use super::super::words::fact_words;
    use super::*;

    fn sentence(text: &str, v: &mut Vocab) -> SentenceTerms {
        let mut ts = Vec::new();
        terms(text, 0..text.len(), &[0], v, &mut ts);
        let words = fact_words(text, &ts, v);
        SentenceTerms {
            start: 0,
            end: text.len(),
            words,
            numbers: vec![],
            breaks: vec![],
            names: 0,
        }
    }

    fn key(v: &mut Vocab, w: &str) -> u32 {
        v.id(w)
    }

    #[test]
    fn a_label_is_a_run_of_the_reports_own_words() {
        let mut v = Vocab::default();
        let a = "Several U.S. personnel were injured Monday in a suspected rocket attack on U.S. and coalition forces.";
        let b = "US personnel injured by rocket attack in Iraq";
        let sa = sentence(a, &mut v);
        let sb = sentence(b, &mut v);
        let keys: Vec<u32> =
            ["injure", "personnel", "rocket", "attack"].iter().map(|w| key(&mut v, w)).collect();
        let got = label(&keys, &[(&sa, a), (&sb, b)], &|_| false);
        assert_eq!(got, "personnel injured by rocket attack");
        assert!(b.contains(&got));
    }

    #[test]
    fn no_label_from_a_lone_word_or_names_alone() {
        let mut v = Vocab::default();
        let a = "The attack hit hard, and later on there was more news from Tehran about Baghdad.";
        let sa = sentence(a, &mut v);
        let keys = vec![key(&mut v, "attack")];
        assert_eq!(label(&keys, &[(&sa, a)], &|_| false), "");
        let names = vec![key(&mut v, "tehran"), key(&mut v, "baghdad")];
        assert_eq!(label(&names, &[(&sa, a)], &|_| true), "");
    }
}
