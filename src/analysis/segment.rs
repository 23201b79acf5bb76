//! Sentences and tokens as byte spans into the text.
//!
//! Tokens follow the GMB training data (PTB-like): punctuation is split off,
//! "U.S." and known abbreviations keep their period, the possessive "'s" and
//! "n't" are split, hyphenated words and numbers with commas or decimals stay
//! whole, and every quote is a token of its own. The tagger was trained on
//! that tokenisation, so tagging quality depends on matching it.
//!
//! Sentences end at ., ! or ? (plus any closing quotes or brackets glued to
//! them) when the next token can start a sentence, at a blank line, at a
//! single newline after a heading or list item, and after a dateline such as
//! "WASHINGTON (AP) —".

use std::ops::Range;

/// One token: `text[start..end]`, always on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

/// One sentence: `text[start..end]` and its tokens `tokens[tokens]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Indices into [`Segmentation::tokens`]; empty once the tokens are
    /// let go ([`Segmentation::without_tokens`]).
    pub tokens: Range<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmentation {
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

impl Segmentation {
    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        self.tokens.get(s.tokens.clone()).unwrap_or_default()
    }

    /// The sentences alone. Tokens serve the tagger; nothing after the
    /// analysis reads them, and kept for a whole corpus they take some
    /// three times the text's size.
    pub fn without_tokens(mut self) -> Segmentation {
        self.tokens = Vec::new();
        for s in &mut self.sentences {
            s.tokens = 0..0;
        }
        self.sentences.shrink_to_fit();
        self
    }
}

/// Abbreviations that keep their final period. Lower-cased, without the
/// period. Single letters ("J.") and dotted acronyms ("U.S.") are handled by
/// shape, not by this list.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt",
    "adm", "cmdr", "gov", "sen", "rep", "rev", "fr", "st", "sr", "jr", "hon", "pres", "supt",
    "insp", "det", "gens", "sens", "reps", "messrs", "mmes", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun", "inc", "corp", "co", "ltd", "bros", "llc", "plc", "no", "nos",
    "vol", "vols", "pp", "fig", "ft", "mt", "ave", "blvd", "rd", "hwy", "dept", "univ", "assn",
    "est", "approx", "vs", "etc", "al", "ca", "cf", "ed", "eds", "op", "ibid", "ala", "ariz",
    "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la",
    "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "penn",
    "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
];

/// Abbreviations that are never the last word of a sentence: a title or
/// honorific always has a name after it ("Gen. Smith"). Other abbreviations
/// ("Inc.", "U.S.") may end a sentence when a sentence starter follows.
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt",
    "adm", "cmdr", "gov", "sen", "rep", "rev", "fr", "st", "hon", "pres", "supt", "insp", "det",
    "messrs", "mmes", "no", "nos", "vol", "pp", "fig", "mt", "vs", "cf",
];

/// Capitalised words that, after an abbreviation such as "U.S.", show that a
/// new sentence has begun ("... in the U.S. The ...").
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "So",
    "Yet",
    "However",
    "Meanwhile",
    "Officials",
    "Police",
    "Some",
    "Many",
    "No",
    "One",
    "For",
    "Last",
    "Earlier",
    "Later",
];

fn is_open_punct(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '“' | '‘' | '«' | '‹' | '„' | '¿' | '¡')
}

fn is_close_punct(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '”' | '’' | '»' | '›')
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '‹' | '›' | '„' | '`')
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '‒' | '―')
}

/// Characters split off the end of a word, one token each (periods are
/// handled separately because of abbreviations).
fn is_trailing_punct(c: char) -> bool {
    is_close_punct(c) || is_quote(c) || matches!(c, ',' | ';' | ':' | '!' | '?' | '…' | '*')
}

fn is_leading_punct(c: char) -> bool {
    is_open_punct(c) || is_quote(c) || matches!(c, '$' | '€' | '£' | '¥' | '#' | '*' | '…')
}

/// Split `text` into sentences and tokens.
pub fn segment(text: &str) -> Segmentation {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    tokenize(text, &mut tokens);
    let sentences = split_sentences(text, &tokens);
    Segmentation { sentences, tokens }
}

/// Tokens of `text`, without sentences.
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip whitespace (ASCII fast path, then Unicode).
        let c = match text[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut end = i;
        while end < bytes.len() {
            // An ASCII byte is its own character, without decoding.
            let ch = match bytes[end] {
                b @ 0..0x80 => b as char,
                _ => text[end..].chars().next().unwrap_or(' '),
            };
            if ch.is_whitespace() {
                break;
            }
            end += ch.len_utf8();
        }
        split_chunk(text, start, end, out);
        i = end;
    }
}

/// Split one whitespace-free chunk `text[start..end]` into tokens.
fn split_chunk(text: &str, mut start: usize, mut end: usize, out: &mut Vec<Token>) {
    // Leading punctuation, one token per char. "--" and dashes too.
    let mut lead = Vec::new();
    while start < end {
        let s = &text[start..end];
        let Some(c) = s.chars().next() else { break };
        if s.starts_with("--") {
            let n = s.bytes().take_while(|&b| b == b'-').count();
            lead.push(Token { start, end: start + n });
            start += n;
            continue;
        }
        // A straight apostrophe before a digit is a year ("'90s"); keep it.
        if c == '\'' && s[1..].starts_with(|d: char| d.is_ascii_digit()) {
            break;
        }
        if is_leading_punct(c) || is_dash(c) || (c == '-' && s.len() == 1) {
            lead.push(Token { start, end: start + c.len_utf8() });
            start += c.len_utf8();
        } else {
            break;
        }
    }
    out.extend(lead);

    // Trailing punctuation, collected backwards.
    let mut trail: Vec<Token> = Vec::new();
    loop {
        if start >= end {
            break;
        }
        let s = &text[start..end];
        let Some(c) = s.chars().next_back() else { break };
        if s.ends_with("--") {
            let n = s.bytes().rev().take_while(|&b| b == b'-').count();
            trail.push(Token { start: end - n, end });
            end -= n;
            continue;
        }
        if s.ends_with("...") {
            let n = s.bytes().rev().take_while(|&b| b == b'.').count();
            trail.push(Token { start: end - n, end });
            end -= n;
            continue;
        }
        if c == '.' {
            if keeps_period(&s[..s.len() - 1]) {
                break;
            }
            trail.push(Token { start: end - 1, end });
            end -= 1;
            continue;
        }
        if is_trailing_punct(c) || is_dash(c) {
            // "'s" and "’s" possessives are handled below; a lone quote at the
            // end after "s" ("parents'") is still a quote token here.
            trail.push(Token { start: end - c.len_utf8(), end });
            end -= c.len_utf8();
            continue;
        }
        break;
    }

    if start < end {
        split_word(text, start, end, out);
    }
    out.extend(trail.into_iter().rev());
}

/// Split inside a word: "'s", "n't", em dashes between words, and "/"-free
/// everything else stays whole (hyphens, decimals, thousands commas).
fn split_word(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let s = &text[start..end];
    // Most words are letters and digits alone: no dash, comma or clitic
    // can be in them (each needs a byte that is neither), so they are
    // whole without the checks below.
    if s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.push(Token { start, end });
        return;
    }
    // Dashes (not hyphens) and "--" inside a chunk separate words:
    // "war—and" is three tokens.
    if let Some((off, c)) = s
        .char_indices()
        .find(|&(o, c)| (is_dash(c) || (c == '-' && s[o..].starts_with("--")) || c == '…') && o > 0)
    {
        let dash_len = if c == '-' {
            s[off..].bytes().take_while(|&b| b == b'-').count()
        } else {
            c.len_utf8()
        };
        split_word(text, start, start + off, out);
        out.push(Token { start: start + off, end: start + off + dash_len });
        if start + off + dash_len < end {
            split_chunk(text, start + off + dash_len, end, out);
        }
        return;
    }
    // A comma inside a word that is not a thousands separator splits it.
    if let Some(off) = s.find(',') {
        let b = s.as_bytes();
        let digits_around = off > 0
            && b[off - 1].is_ascii_digit()
            && b.get(off + 1).is_some_and(|d| d.is_ascii_digit());
        if !digits_around {
            if off > 0 {
                split_word(text, start, start + off, out);
            }
            out.push(Token { start: start + off, end: start + off + 1 });
            if off + 1 < s.len() {
                split_chunk(text, start + off + 1, end, out);
            }
            return;
        }
    }
    // Clitics: "'s", "’s", "n't", "'re", "'ll", "'ve", "'d", "'m".
    let lower_tail = |n: usize| s.len() > n && s.is_char_boundary(s.len() - n);
    for clitic in ["n't", "n’t"] {
        if lower_tail(clitic.len()) && s[s.len() - clitic.len()..].eq_ignore_ascii_case(clitic) {
            let cut = end - clitic.len();
            out.push(Token { start, end: cut });
            out.push(Token { start: cut, end });
            return;
        }
    }
    for clitic in ["'s", "’s", "'re", "’re", "'ll", "’ll", "'ve", "’ve", "'d", "’d", "'m", "’m"]
    {
        if lower_tail(clitic.len()) && s[s.len() - clitic.len()..].eq_ignore_ascii_case(clitic) {
            let cut = end - clitic.len();
            out.push(Token { start, end: cut });
            out.push(Token { start: cut, end });
            return;
        }
    }
    // A possessive plural apostrophe "parents'" was split as a quote earlier.
    out.push(Token { start, end });
}

/// Does `word` (the chunk before a final period) keep the period?
fn keeps_period(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    // Dotted acronyms and initials: "U.S", "J", "p.m", "anti-U.S".
    let core = word.rsplit('-').next().unwrap_or(word);
    if is_dotted(core) {
        return true;
    }
    if word.len() <= 6 && word.chars().all(|c| c.is_ascii_alphabetic()) {
        let lower = word.to_ascii_lowercase();
        return ABBREVIATIONS.contains(&lower.as_str());
    }
    false
}

/// "U.S" / "J" / "a.m": letters separated by single periods, each part one
/// letter long (or the whole thing a single letter).
fn is_dotted(s: &str) -> bool {
    !s.is_empty()
        && s.split('.').all(|p| {
            let mut cs = p.chars();
            matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
        })
}

fn token_str<'a>(text: &'a str, t: &Token) -> &'a str {
    &text[t.start..t.end]
}

fn is_sentence_final(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "..." | "…" | "?!" | "!?")
        || s.bytes().all(|b| b == b'.' || b == b'!' || b == b'?') && !s.is_empty()
}

/// Could a token begin a sentence?
fn can_start(s: &str) -> bool {
    match s.chars().next() {
        Some(c) => !c.is_lowercase() || s == "iPhone",
        None => false,
    }
}

/// How a stretch of text between two tokens breaks: 0 no newline, 1 single
/// newline, 2 a blank line.
fn newline_break(gap: &str) -> u8 {
    let mut n = 0u8;
    for b in gap.bytes() {
        if b == b'\n' {
            n += 1;
            if n >= 2 {
                return 2;
            }
        }
    }
    n
}

fn is_list_marker(s: &str) -> bool {
    matches!(s, "-" | "*" | "•" | "–" | "—" | "·")
        || (s.len() <= 3
            && s.trim_end_matches(['.', ')']).bytes().all(|b| b.is_ascii_digit())
            && s.len() > 1
            && s.ends_with(['.', ')']))
}

fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    if tokens.is_empty() {
        return sentences;
    }
    let mut first = 0usize; // first token of the current sentence
    let mut line_start_tok = 0usize; // first token of the current line
    let mut i = 0usize;
    while i < tokens.len() {
        let tok = token_str(text, &tokens[i]);
        let mut end_here = false;
        let mut last = i; // last token of the sentence if it ends here

        if is_sentence_final(tok) {
            // Absorb closing quotes and brackets glued to the final mark.
            while last + 1 < tokens.len() {
                let next = &tokens[last + 1];
                let nstr = token_str(text, next);
                let glued = next.start == tokens[last].end;
                let closing = nstr.chars().all(|c| is_close_punct(c) || is_quote(c));
                if glued && closing {
                    last += 1;
                } else {
                    break;
                }
            }
            end_here = match tokens.get(last + 1) {
                None => true,
                Some(next) => {
                    let gap = &text[tokens[last].end..next.start];
                    newline_break(gap) > 0 || can_start(token_str(text, next))
                }
            };
        } else if tok.ends_with('.') && tok.len() > 1 {
            // An abbreviation may end a sentence: "... in the U.S. The ...".
            // At a line end, an initial or abbreviation ends the sentence too
            // (a paragraph per line is the common layout); titles never do.
            let stem = tok.trim_end_matches('.').to_ascii_lowercase();
            if !NEVER_FINAL.contains(&stem.as_str()) {
                end_here = match tokens.get(i + 1) {
                    None => true,
                    Some(next) => {
                        let gap = &text[tokens[i].end..next.start];
                        newline_break(gap) > 0
                            || (!is_single_initial(tok)
                                && SENTENCE_STARTERS.contains(&token_str(text, next)))
                    }
                };
            }
        } else if is_dateline_end(text, tokens, first, i, line_start_tok) {
            end_here = true;
        }

        // Line breaks: a blank line always ends a sentence; a single newline
        // does after a heading or before/after a list item.
        if !end_here && let Some(next) = tokens.get(last + 1) {
            let gap = &text[tokens[last].end..next.start];
            match newline_break(gap) {
                2 => end_here = true,
                1 => {
                    let line = &text[tokens[line_start_tok].start..tokens[last].end];
                    let next_str = token_str(text, next);
                    let heading = line.len() <= 70
                        && !tok.ends_with([',', ';', ':'])
                        && can_start(next_str)
                        && !line.contains(". ");
                    let list = is_list_marker(token_str(text, &tokens[line_start_tok]))
                        || is_list_marker(next_str);
                    end_here = heading || list;
                }
                _ => {}
            }
        }

        if let Some(next) = tokens.get(last + 1)
            && newline_break(&text[tokens[last].end..next.start]) > 0
        {
            line_start_tok = last + 1;
        }

        if end_here {
            sentences.push(Sentence {
                start: tokens[first].start,
                end: tokens[last].end,
                tokens: first..last + 1,
            });
            first = last + 1;
        }
        i = last + 1;
    }
    if first < tokens.len() {
        sentences.push(Sentence {
            start: tokens[first].start,
            end: tokens[tokens.len() - 1].end,
            tokens: first..tokens.len(),
        });
    }
    sentences
}

fn is_single_initial(tok: &str) -> bool {
    let mut cs = tok.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// Is token `i` the dash that closes a dateline ("WASHINGTON (AP) —",
/// "CNN —", "LONDON, England (Reuters) -") opening the current sentence?
fn is_dateline_end(
    text: &str,
    tokens: &[Token],
    first: usize,
    i: usize,
    line_start: usize,
) -> bool {
    let tok = token_str(text, &tokens[i]);
    let dash = matches!(tok, "—" | "–" | "-" | "--" | "―");
    if !dash || i == first || first != line_start || i - first > 8 {
        return false;
    }
    // Something must follow on the same line.
    match tokens.get(i + 1) {
        Some(next) if newline_break(&text[tokens[i].end..next.start]) == 0 => {}
        _ => return false,
    }
    let mut strong = false;
    let mut depth = 0i32;
    for t in &tokens[first..i] {
        let s = token_str(text, t);
        match s {
            "(" => depth += 1,
            ")" => {
                depth -= 1;
                strong = true;
            }
            "," | "." => {}
            _ => {
                let Some(c) = s.chars().next() else { return false };
                if !c.is_uppercase() {
                    return false;
                }
                let letters = s.chars().filter(|c| c.is_alphabetic()).count();
                if letters >= 2 && s.chars().all(|c| !c.is_lowercase()) {
                    strong = true;
                }
            }
        }
    }
    strong && depth == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        segment(text).tokens.iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn splits_punctuation_like_ptb() {
        assert_eq!(toks("Hello, world."), ["Hello", ",", "world", "."]);
        assert_eq!(toks("the U.S. said"), ["the", "U.S.", "said"]);
        assert_eq!(toks("Iran's army"), ["Iran", "'s", "army"]);
        assert_eq!(toks("didn't"), ["did", "n't"]);
        assert_eq!(toks("1,200.5 pro-democracy"), ["1,200.5", "pro-democracy"]);
        assert_eq!(toks("\"Yes,\" he said"), ["\"", "Yes", ",", "\"", "he", "said"]);
        assert_eq!(toks("“Yes”"), ["“", "Yes", "”"]);
        assert_eq!(toks("$200 (about)"), ["$", "200", "(", "about", ")"]);
        assert_eq!(toks("war—and"), ["war", "—", "and"]);
    }
}
