//! Articles for the comparison's tests: one sentence a line, its fact
//! words found as the comparison finds them.

use super::facts::SentenceTerms;
use super::terms::{Vocab, terms};
use super::words::fact_words;

/// The lines joined as one text, and each line's terms as one sentence.
pub(super) fn doc(lines: &[&str], v: &mut Vocab) -> (String, Vec<SentenceTerms>) {
    let text = lines.join("\n");
    let mut out = Vec::new();
    let mut start = 0;
    for line in lines {
        let end = start + line.len();
        let mut ts = Vec::new();
        terms(&text, start..end, &[start], v, &mut ts);
        let words = fact_words(&text, &ts, v);
        out.push(SentenceTerms { start, end, words, numbers: vec![], breaks: vec![], names: 0 });
        start = end + 1;
    }
    (text, out)
}
