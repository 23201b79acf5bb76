//! A small word scanner: raw text → tokens with byte offsets.
//!
//! The value rules need only a few distinctions (words, digit groups,
//! single punctuation marks, "U.S."-style abbreviations), so this is written
//! by hand instead of depending on the tokeniser that is built elsewhere:
//! the rules keep working whatever that tokeniser decides about hyphens or
//! abbreviations, and the scan stays a single pass with one allocation for
//! the lower-cased copy and one for the tokens.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum TokKind {
    /// Letters only: "Monday", "several", "Haniyeh".
    Word,
    /// ASCII digits with optional thousands groups and one decimal part:
    /// "2,500", "1.5", "17".
    Num(NumInfo),
    /// A digit group followed directly by letters: "22nd", "1990s", "5km",
    /// "2bn". `split` is the byte offset where the letters begin.
    NumSuffix { num: NumInfo, split: usize },
    /// Letters and digits mixed any other way: "H5N1", "G7", "MH17".
    Code,
    /// Single letters joined by dots: "U.S.", "a.m.", "D.C." (final dot
    /// included).
    Abbrev,
    /// Any other single non-space character.
    Punct(char),
}

/// The parsed value of a digit group.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NumInfo {
    pub value: f64,
    /// Digits before the decimal point (commas not counted).
    pub int_digits: u8,
    pub has_comma: bool,
    pub has_decimal: bool,
}

impl NumInfo {
    /// A whole number written without separators, such as a year or a day.
    pub fn is_plain_int(&self) -> bool {
        !self.has_comma && !self.has_decimal
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// A line break separates this token from the previous one; phrases
    /// never run across one.
    pub line_before: bool,
}

/// The scanned text: the tokens plus an ASCII-lower-cased copy of the text
/// (same byte offsets, so `lower[tok.start..tok.end]` is the token's
/// lower-case form).
pub(crate) struct Scan<'a> {
    pub text: &'a str,
    pub lower: String,
    pub toks: Vec<Tok>,
}

impl<'a> Scan<'a> {
    pub fn new(text: &'a str) -> Scan<'a> {
        Scan { text, lower: text.to_ascii_lowercase(), toks: tokenize(text) }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Lower-case text of token `i`, or "" past either end.
    pub fn lw(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.lower[t.start..t.end],
            None => "",
        }
    }

    /// Lower-case text of the token `back` places before `i`, or "".
    pub fn lw_before(&self, i: usize, back: usize) -> &str {
        if back == 0 || i < back { "" } else { self.lw(i - back) }
    }

    /// Original text of token `i`, or "".
    pub fn raw(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.text[t.start..t.end],
            None => "",
        }
    }

    pub fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn is_word(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(TokKind::Word))
    }

    /// Token `i` is the word `w` (lower-case).
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.lw(i) == w
    }

    pub fn punct(&self, i: usize) -> Option<char> {
        match self.kind(i) {
            Some(TokKind::Punct(c)) => Some(c),
            _ => None,
        }
    }

    pub fn num(&self, i: usize) -> Option<NumInfo> {
        match self.kind(i) {
            Some(TokKind::Num(n)) => Some(n),
            _ => None,
        }
    }

    /// Token `j` follows token `j - 1` with no space between them.
    pub fn tight(&self, j: usize) -> bool {
        match self.toks.get(j) {
            Some(t) => j > 0 && !t.space_before,
            None => false,
        }
    }

    /// Token `j` exists and continues the phrase of token `j - 1` (same
    /// line).
    pub fn joined(&self, j: usize) -> bool {
        match self.toks.get(j) {
            Some(t) => j > 0 && !t.line_before,
            None => false,
        }
    }

    /// The word starts with an upper-case letter.
    pub fn capitalized(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Token `i` begins a sentence or line (nothing before it, or a line
    /// break, or sentence punctuation, possibly followed by an opening
    /// quote).
    pub fn sentence_start(&self, i: usize) -> bool {
        let mut j = i;
        loop {
            if j == 0 || self.toks[j].line_before {
                return true;
            }
            match self.punct(j - 1) {
                Some('.' | '!' | '?' | ':' | ';') => return true,
                Some('"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '–') => j -= 1,
                _ => return false,
            }
        }
    }
}

fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 5 + 4);
    let mut i = 0;
    let mut space_before = false;
    let mut line_before = false;
    while i < bytes.len() {
        // An ASCII byte is its own character, without decoding.
        let ch = match bytes[i] {
            b @ 0..0x80 => b as char,
            _ => {
                let Some(ch) = text[i..].chars().next() else { break };
                ch
            }
        };
        let w = ch.len_utf8();
        if ch.is_whitespace() {
            space_before = true;
            line_before |= ch == '\n' || ch == '\u{2028}' || ch == '\u{2029}';
            i += w;
            continue;
        }
        let start = i;
        let kind;
        if ch.is_alphanumeric() {
            let (end, k) = scan_alnum(text, start);
            i = end;
            kind = k;
        } else {
            i += w;
            kind = TokKind::Punct(ch);
        }
        toks.push(Tok { start, end: i, kind, space_before, line_before });
        space_before = false;
        line_before = false;
    }
    join_abbrevs(text, &mut toks);
    toks
}

/// Scans one run of letters and digits starting at `start`; digit groups
/// may carry thousands commas and one decimal point.
fn scan_alnum(text: &str, start: usize) -> (usize, TokKind) {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut has_alpha = false;
    let mut has_digit = false;
    // Where the leading digit group ends (None while still in it).
    let mut digits_end: Option<usize> = None;
    let mut has_decimal = false;
    let mut digit_after_alpha = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            has_digit = true;
            if has_alpha {
                digit_after_alpha = true;
            }
            i += 1;
            continue;
        }
        // Separators only inside the leading digit group.
        if !has_alpha && has_digit && digits_end.is_none() {
            if b == b',' && is_thousands_group(bytes, i + 1) && !has_decimal {
                i += 1;
                continue;
            }
            if b == b'.' && !has_decimal && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                has_decimal = true;
                i += 1;
                continue;
            }
        }
        if b.is_ascii() {
            // An ASCII byte is its own character: a letter continues the
            // run (digits were taken above), anything else ends it.
            if !b.is_ascii_alphabetic() {
                break;
            }
            if !has_alpha && has_digit {
                digits_end = Some(i);
            }
            has_alpha = true;
            i += 1;
            continue;
        }
        let Some(ch) = text[i..].chars().next() else { break };
        if ch.is_alphanumeric() {
            if !has_alpha && has_digit {
                digits_end = Some(i);
            }
            has_alpha = true;
            i += ch.len_utf8();
            continue;
        }
        break;
    }
    let end = i;
    if !has_digit {
        return (end, TokKind::Word);
    }
    let starts_with_digit = bytes[start].is_ascii_digit();
    if !starts_with_digit || digit_after_alpha {
        return (end, TokKind::Code);
    }
    let num_end = digits_end.unwrap_or(end);
    let num = parse_num(&text[start..num_end]);
    match digits_end {
        None => (end, TokKind::Num(num)),
        Some(split) => (end, TokKind::NumSuffix { num, split }),
    }
}

/// Exactly three digits follow, and then no further digit.
fn is_thousands_group(bytes: &[u8], at: usize) -> bool {
    bytes.len() >= at + 3
        && bytes[at..at + 3].iter().all(u8::is_ascii_digit)
        && !bytes.get(at + 3).is_some_and(u8::is_ascii_digit)
}

fn parse_num(s: &str) -> NumInfo {
    let mut clean = String::with_capacity(s.len());
    let mut int_digits = 0u8;
    let mut seen_dot = false;
    let mut has_comma = false;
    for c in s.chars() {
        match c {
            ',' => has_comma = true,
            '.' => {
                seen_dot = true;
                clean.push('.');
            }
            _ => {
                if !seen_dot {
                    int_digits = int_digits.saturating_add(1);
                }
                clean.push(c);
            }
        }
    }
    NumInfo {
        // Only ASCII digits and one dot reach here, so parsing cannot
        // fail; a failure would mean a scanner bug, and NaN keeps it
        // harmless (NaN never compares equal, so no rule accepts it).
        value: clean.parse::<f64>().unwrap_or(f64::NAN),
        int_digits,
        has_comma,
        has_decimal: seen_dot,
    }
}

/// Joins "U" "." "S" "." into one `Abbrev` token "U.S.": single letters
/// each followed directly by a dot, at least two of them.
fn join_abbrevs(text: &str, toks: &mut Vec<Tok>) {
    let single_letter =
        |t: &Tok| t.kind == TokKind::Word && text[t.start..t.end].chars().count() == 1;
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let mut j = i;
        let mut pairs = 0;
        while j + 1 < toks.len()
            && single_letter(&toks[j])
            && toks[j + 1].kind == TokKind::Punct('.')
            && !toks[j + 1].space_before
            && (j == i || !toks[j].space_before)
        {
            pairs += 1;
            j += 2;
        }
        if pairs >= 2 {
            out.push(Tok {
                start: toks[i].start,
                end: toks[j - 1].end,
                kind: TokKind::Abbrev,
                space_before: toks[i].space_before,
                line_before: toks[i].line_before,
            });
            i = j;
        } else {
            out.push(toks[i]);
            i += 1;
        }
    }
    *toks = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(String, TokKind)> {
        let sc = Scan::new(s);
        (0..sc.len()).map(|i| (sc.raw(i).to_string(), sc.toks[i].kind)).collect()
    }

    #[test]
    fn digit_groups() {
        let k = kinds("2,500 troops, 1.5 million, 1,2 and 3.");
        assert_eq!(k[0].0, "2,500");
        assert!(matches!(k[0].1, TokKind::Num(n) if n.value == 2500.0));
        assert!(matches!(k[3].1, TokKind::Num(n) if n.value == 1.5));
        assert_eq!(k[6].0, "1");
        assert_eq!(k[10].0, "3");
    }

    #[test]
    fn codes_suffixes_abbrevs() {
        let k = kinds("H5N1 22nd U.S. AC-130 é");
        assert_eq!(k[0].1, TokKind::Code);
        assert!(matches!(k[1].1, TokKind::NumSuffix { .. }));
        assert_eq!((k[2].0.as_str(), k[2].1), ("U.S.", TokKind::Abbrev));
        assert_eq!(k[3].1, TokKind::Word);
        assert_eq!(k[4].1, TokKind::Punct('-'));
        assert_eq!(k[6].1, TokKind::Word);
    }
}
