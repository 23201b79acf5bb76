//! Token features as 32-bit hashes.
//!
//! Each feature is a template id mixed with hashes of the strings it looks
//! at, so extraction allocates nothing per feature and the model stores no
//! strings. Training and tagging call the same code, which is what keeps the
//! hashes in step; changing a template means retraining.

use super::clusters::Path;
use super::gazetteer::GazBits;

use super::hashing::{HASH_SEED, hash_bytes};
pub use super::hashing::{hash_lower, hash_str, mix};

/// Per-token facts, computed once per token and shared by all templates.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenInfo {
    /// Lower-cased word, digits folded to 0.
    word: u64,
    /// Shape with runs kept up to 4: "Xxxx", "X.X.", "dddd".
    shape: u64,
    /// Shape with runs collapsed: "Xx", "X.X.", "d".
    short: u64,
    prefix: [u64; 3],
    suffix: [u64; 4],
    /// Length bucket 1, 2, 3, 4-6, 7+.
    len: u8,
    gaz: GazBits,
    /// The word's cluster bit-string prefixes (all 0: no cluster).
    cluster: Path,
    /// Starts with an upper-case letter.
    cap: bool,
    /// Where the token sits in its capitalised run (see [`mark_runs`]):
    /// 0 none, 1 alone, 2 first, 3 inside, 4 last.
    run_pos: u8,
    /// Run length, capped.
    run_len: u8,
    /// Word hashes and gazetteer `begin` bits of the run's first and last
    /// tokens: the head of "Maine Central Railroad" or "Gulf of Aden" is
    /// visible from every token of it.
    run_first: u64,
    run_last: u64,
    run_first_gaz: u16,
    run_last_gaz: u16,
}

fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        'a'
    } else {
        c
    }
}

impl TokenInfo {
    pub fn new(word: &str, gaz: GazBits, cluster: Path) -> Self {
        let (word_hash, prefix, suffix, shape, short, len) = if word.is_ascii() && word.len() < 64 {
            ascii_hashes(word)
        } else {
            unicode_hashes(word)
        };
        let cap = word.starts_with(char::is_uppercase);
        TokenInfo {
            word: word_hash,
            shape,
            short,
            prefix,
            suffix,
            len,
            gaz,
            cluster,
            cap,
            run_pos: 0,
            run_len: 0,
            run_first: 0,
            run_last: 0,
            run_first_gaz: 0,
            run_last_gaz: 0,
        }
    }
}

impl TokenInfo {
    /// The same token with gazetteer bits `gaz` (as [`TokenInfo::new`]
    /// with them would give).
    pub fn with_gaz(&self, gaz: GazBits) -> Self {
        TokenInfo { gaz, ..*self }
    }
}

type Hashes = (u64, [u64; 3], [u64; 4], u64, u64, u8);

/// The length bucket of a word of `n` characters: 1, 2, 3, 4-6, 7+.
fn len_bucket(n: usize) -> u8 {
    match n {
        0..=3 => n as u8,
        4..=6 => 4,
        _ => 5,
    }
}

/// The word, affix and shape hashes of a short ASCII word, the same values
/// as [`unicode_hashes`] gives it, without decoding characters or building
/// a list of them (most news words take this path).
fn ascii_hashes(word: &str) -> Hashes {
    let mut lower = [0u8; 64];
    let n = word.len();
    // The word hash's state after k + 1 bytes is the hash of the first
    // k + 1 bytes, so the prefixes come out of the same pass.
    let mut h = HASH_SEED;
    let mut heads = [0u64; 3];
    for (k, (l, &b)) in lower.iter_mut().zip(word.as_bytes()).enumerate() {
        *l = if b.is_ascii_digit() { b'0' } else { b.to_ascii_lowercase() };
        h = mix(h, *l as u64);
        if k < heads.len() {
            heads[k] = h;
        }
    }
    // A word shorter than a prefix is its own prefix.
    for head in heads.iter_mut().skip(n) {
        *head = h;
    }
    let lower = &lower[..n];
    let word_hash = h;
    let prefix = [mix(1, heads[0]), mix(2, heads[1]), mix(3, heads[2])];
    let mut suffix = [0u64; 4];
    for (k, s) in suffix.iter_mut().enumerate() {
        *s = mix(k as u64 + 11, hash_bytes(lower[n.saturating_sub(k + 1)..].iter().copied()));
    }
    let (shape, short) = shape_hashes(word.bytes().map(ascii_shape));
    (word_hash, prefix, suffix, shape, short, len_bucket(n))
}

/// [`shape_char`] of an ASCII byte, without the Unicode tables.
fn ascii_shape(b: u8) -> char {
    match b {
        b'A'..=b'Z' => 'X',
        b'a'..=b'z' => 'x',
        b'0'..=b'9' => 'd',
        _ => b as char,
    }
}

/// Shape with runs kept up to 4, and with runs collapsed.
fn shape_hashes(shapes: impl Iterator<Item = char>) -> (u64, u64) {
    let mut shape = 0xabcdu64;
    let mut short = 0x1234u64;
    let mut prev = '\0';
    let mut run = 0;
    for s in shapes {
        if s == prev {
            run += 1;
        } else {
            run = 1;
            short = mix(short, s as u64);
        }
        if run <= 4 {
            shape = mix(shape, s as u64);
        }
        prev = s;
    }
    (shape, short)
}

/// Any word: lower-cased by `char::to_lowercase`, affixes by characters.
fn unicode_hashes(word: &str) -> Hashes {
    let norm =
        word.chars().flat_map(char::to_lowercase).map(|c| if c.is_ascii_digit() { '0' } else { c });
    let mut lower = [0u8; 64];
    let mut n = 0;
    let mut buf = [0u8; 4];
    for c in norm {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            if n < lower.len() {
                lower[n] = b;
                n += 1;
            }
        }
    }
    // Long words are hashed in full; the fixed buffer is for affixes.
    let word_hash = if n < lower.len() {
        hash_bytes(lower[..n].iter().copied())
    } else {
        hash_bytes(word.to_lowercase().bytes())
    };
    let lower_str = std::str::from_utf8(&lower[..n]).unwrap_or("");
    let mut prefix = [0u64; 3];
    let mut suffix = [0u64; 4];
    let chars: Vec<(usize, char)> = lower_str.char_indices().collect();
    for (k, p) in prefix.iter_mut().enumerate() {
        let end = chars.get(k + 1).map_or(lower_str.len(), |&(i, _)| i);
        *p = mix(k as u64 + 1, hash_bytes(lower_str[..end].bytes()));
    }
    for (k, s) in suffix.iter_mut().enumerate() {
        let start = if chars.len() > k { chars[chars.len() - 1 - k].0 } else { 0 };
        *s = mix(k as u64 + 11, hash_bytes(lower_str[start..].bytes()));
    }

    let (shape, short) = shape_hashes(word.chars().map(shape_char));
    let len = len_bucket(chars.len());
    (word_hash, prefix, suffix, shape, short, len)
}

/// Lower-case words that may sit inside a run of capitalised words when a
/// capitalised word follows ("Bank of England", "Army of the Potomac",
/// "Procter & Gamble").
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "the" | "for" | "&" | "de" | "del" | "la" | "von" | "van" | "der" | "du" | "des"
    )
}

const MAX_RUN: usize = 8;

/// Mark runs of capitalised words (joined by connectors) in a sentence, so
/// every token of a run sees the run's first and last words.
pub fn mark_runs(words: &[&str], infos: &mut [TokenInfo]) {
    let n = infos.len().min(words.len());
    let mut i = 0;
    while i < n {
        if !infos[i].cap {
            i += 1;
            continue;
        }
        let mut end = i + 1; // exclusive
        let mut j = i + 1;
        while j < n && end - i < MAX_RUN {
            if infos[j].cap {
                end = j + 1;
                j += 1;
            } else if is_connector(words[j]) {
                j += 1;
            } else {
                break;
            }
        }
        let len = end - i;
        let (first, last) = (infos[i], infos[end - 1]);
        for (k, t) in infos[i..end].iter_mut().enumerate() {
            t.run_pos = if len == 1 {
                1
            } else if k == 0 {
                2
            } else if k + 1 == len {
                4
            } else {
                3
            };
            t.run_len = len.min(5) as u8;
            t.run_first = first.word;
            t.run_last = last.word;
            t.run_first_gaz = first.gaz.begin;
            t.run_last_gaz = last.gaz.begin;
        }
        i = end;
    }
}

/// Template ids. The numbers are part of the model format.
#[repr(u8)]
#[derive(Clone, Copy)]
enum T {
    Bias = 1,
    W0,
    Wm1,
    Wp1,
    Wm2,
    Wp2,
    S0,
    Sm1,
    Sp1,
    ShortM1S0,
    ShortS0P1,
    Prefix,
    Suffix,
    Wm1W0,
    W0Wp1,
    FirstShape,
    FirstWord,
    Gaz0,
    GazM1,
    GazP1,
    Wm1Short0,
    LenShort,
    ShortTri,
    Short0Wp1,
    Cluster0,
    ClusterM1,
    ClusterP1,
    FirstGaz,
    RunFirst,
    RunLast,
    RunFirstGaz,
    RunLastGaz,
    RunLenPos,
}

const PAD: TokenInfo = TokenInfo {
    word: 0x5eed_0001,
    shape: 0x5eed_0002,
    short: 0x5eed_0003,
    prefix: [0; 3],
    suffix: [0; 4],
    len: 0,
    gaz: GazBits { begin: 0, inside: 0 },
    cluster: [0; 4],
    cap: false,
    run_pos: 0,
    run_len: 0,
    run_first: 0,
    run_last: 0,
    run_first_gaz: 0,
    run_last_gaz: 0,
};

#[inline]
fn f(t: T, a: u64) -> u32 {
    let h = mix(mix(0x9e37_79b9, t as u64), a);
    (h >> 32) as u32 ^ h as u32
}

#[inline]
fn f2(t: T, a: u64, b: u64) -> u32 {
    f(t, mix(a, b))
}

/// Features `1..1 + WORD_FEATURES` of every token are those that name the
/// token's own word.
pub const WORD_FEATURES: usize = 3;

/// Append the features of token `i` of a sentence to `out`.
pub fn extract(toks: &[TokenInfo], i: usize, out: &mut Vec<u32>) {
    let at = |k: isize| -> &TokenInfo {
        let j = i as isize + k;
        if j < 0 || j as usize >= toks.len() { &PAD } else { &toks[j as usize] }
    };
    let (m2, m1, c, p1, p2) = (at(-2), at(-1), at(0), at(1), at(2));
    let first = i == 0;
    // Fixed runs of features go in as blocks: one capacity check a block
    // instead of one a feature. The order is the model format's.
    out.extend_from_slice(&[
        f(T::Bias, 0),
        // The word-identity features come first, WORD_FEATURES of them, so
        // training can drop them as a group (see `train::Options::word_dropout`).
        f(T::W0, c.word),
        f2(T::Wm1W0, m1.word, c.word),
        f2(T::W0Wp1, c.word, p1.word),
        f(T::Wm1, m1.word),
        f(T::Wp1, p1.word),
        f(T::Wm2, m2.word),
        f(T::Wp2, p2.word),
        f(T::S0, c.shape),
        f(T::Sm1, m1.shape),
        f(T::Sp1, p1.shape),
        f2(T::ShortM1S0, m1.short, c.short),
        f2(T::ShortS0P1, c.short, p1.short),
        f(T::Prefix, c.prefix[0]),
        f(T::Prefix, c.prefix[1]),
        f(T::Prefix, c.prefix[2]),
        f(T::Suffix, c.suffix[0]),
        f(T::Suffix, c.suffix[1]),
        f(T::Suffix, c.suffix[2]),
        f(T::Suffix, c.suffix[3]),
        f2(T::FirstShape, first as u64, c.short),
    ]);
    if first {
        out.push(f(T::FirstWord, c.word));
    }
    out.extend_from_slice(&[
        f2(T::Wm1Short0, m1.word, c.short),
        f2(T::LenShort, c.len as u64, c.short),
        f(T::ShortTri, mix(mix(m1.short, c.short), p1.short)),
        f2(T::Short0Wp1, c.short, p1.word),
    ]);
    gaz_features(T::Gaz0, c.gaz, c.short, out);
    if first {
        // Capitalised sentence-initial words are weak evidence; which list
        // they sit in ("common" lower-case word, given name) says more.
        gaz_features(T::FirstGaz, c.gaz, 0, out);
    }
    gaz_features(T::GazM1, m1.gaz, 0, out);
    gaz_features(T::GazP1, p1.gaz, 0, out);
    for (t, tok) in [(T::Cluster0, c), (T::ClusterM1, m1), (T::ClusterP1, p1)] {
        if tok.cluster.iter().all(|&p| p != 0) {
            // A listed word's path: all four prefixes, as one block.
            out.extend_from_slice(&tok.cluster.map(|p| f(t, p as u64)));
        } else {
            for &p in tok.cluster.iter().filter(|&&p| p != 0) {
                out.push(f(t, p as u64));
            }
        }
    }
    if c.run_pos > 1 {
        let pos = c.run_pos as u64;
        out.extend_from_slice(&[
            f2(T::RunFirst, pos, c.run_first),
            f2(T::RunLast, pos, c.run_last),
            f2(T::RunLenPos, pos, c.run_len as u64),
        ]);
        for (t, bits) in [(T::RunFirstGaz, c.run_first_gaz), (T::RunLastGaz, c.run_last_gaz)] {
            let mut b = bits;
            while b != 0 {
                let bit = b.trailing_zeros() as u64;
                b &= b - 1;
                out.push(f(t, pos * 64 + bit));
            }
        }
    }
}

/// One feature per gazetteer bit set, B and I apart, and (for the token
/// itself) the bit with its shape, so "Paris" and "PARIS" and "paris" can
/// weigh differently.
fn gaz_features(t: T, g: GazBits, short: u64, out: &mut Vec<u32>) {
    for (bits, tag) in [(g.begin, 1u64), (g.inside, 2u64)] {
        let mut b = bits;
        while b != 0 {
            let bit = b.trailing_zeros() as u64;
            b &= b - 1;
            out.push(f(t, tag * 64 + bit));
            if short != 0 {
                out.push(f2(t, tag * 64 + bit + 1000, short));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ASCII fast path must give the model's hashes exactly: a
    /// difference would silently change every feature of such words.
    #[test]
    fn ascii_path_hashes_as_the_unicode_path() {
        let long = "x".repeat(63);
        for w in ["", "a", "It", "USA", "Obama", "1990s", "$161-million", "U.S.", "co-op", &long] {
            assert_eq!(ascii_hashes(w), unicode_hashes(w), "{w:?}");
        }
    }

    #[test]
    fn ascii_shape_is_shape_char() {
        for b in 0..=127u8 {
            assert_eq!(ascii_shape(b), shape_char(b as char), "{b}");
        }
    }
}
