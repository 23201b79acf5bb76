//! Document-level features: what the other occurrences of a capitalised
//! word in the same document say about it ("context aggregation", Ratinov
//! and Roth 2009). One sentence often cannot tell a place from a person
//! ("Harrison said" / "in Harrison"); the rest of the article often can, and
//! a word seen in lower case elsewhere ("Reading ..." / "reading") is
//! likely no name at all.

use std::collections::HashMap;

use super::features::{hash_lower, hash_str, mix};

/// At most this many other occurrences are read per word, the nearest
/// first, so long documents cost no more than short ones per token.
const MAX_OCCURRENCES: usize = 8;

/// Sentences taken together as one document when training on sentences
/// without document boundaries (GMB): consecutive sentences mostly come
/// from one short news story.
pub const TRAIN_CHUNK: usize = 8;

#[derive(Clone, Copy)]
struct Occurrence {
    sent: u32,
    tok: u32,
    left: u64,
    right: u64,
    /// Not the first token of its sentence: capitalisation is evidence.
    mid: bool,
}

/// The occurrences of capitalised words in one document.
#[derive(Default)]
pub struct DocContext {
    /// By word hash ([`hash_str`]).
    occ: HashMap<u64, Vec<Occurrence>>,
    /// Lower-case words present in the document (hashes).
    lower: std::collections::HashSet<u64>,
}

fn starts_upper(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
}

fn ctx_word<W: AsRef<str>>(w: Option<&W>) -> u64 {
    match w {
        Some(w) => hash_lower(w.as_ref()),
        None => 0x05ee_d0bd,
    }
}

/// Feature ids: kept apart from the sentence templates by a seed.
#[repr(u64)]
#[derive(Clone, Copy)]
enum D {
    Left = 1,
    Right,
    SeenMid,
    SeenLower,
    Count,
}

#[inline]
fn feat(t: D, a: u64) -> u32 {
    let h = mix(mix(0x0d0c_c0de, t as u64), a);
    (h >> 32) as u32 ^ h as u32
}

impl DocContext {
    /// Index a document given as sentences of words.
    pub fn build<S: AsRef<[W]>, W: AsRef<str>>(sentences: &[S]) -> Self {
        let mut doc = DocContext::default();
        for (s, words) in sentences.iter().enumerate() {
            let words = words.as_ref();
            for (k, w) in words.iter().enumerate() {
                let w = w.as_ref();
                if !starts_upper(w) {
                    if w.starts_with(char::is_lowercase) {
                        doc.lower.insert(hash_str(w));
                    }
                    continue;
                }
                let o = Occurrence {
                    sent: s as u32,
                    tok: k as u32,
                    left: if k == 0 { 0x05ee_d0b5 } else { ctx_word(words.get(k - 1)) },
                    right: ctx_word(words.get(k + 1)),
                    mid: k > 0,
                };
                doc.occ.entry(hash_str(w)).or_default().push(o);
            }
        }
        doc
    }

    /// Append the document features of token `tok` (text `word`) of
    /// sentence `sent`.
    pub fn features(&self, sent: usize, tok: usize, word: &str, out: &mut Vec<u32>) {
        if !starts_upper(word) {
            return;
        }
        if self.lower.contains(&hash_lower(word)) {
            out.push(feat(D::SeenLower, 1));
        }
        let Some(list) = self.occ.get(&hash_str(word)) else { return };
        let me = list.iter().position(|o| o.sent as usize == sent && o.tok as usize == tok);
        let others = list.len() - me.is_some() as usize;
        out.push(feat(D::Count, others.min(3) as u64));
        if others == 0 {
            return;
        }
        // Nearest occurrences first (by sentence distance; earlier on ties).
        let mut near: Vec<&Occurrence> =
            list.iter().enumerate().filter(|&(k, _)| Some(k) != me).map(|(_, o)| o).collect();
        near.sort_by_key(|o| ((o.sent as i64 - sent as i64).abs(), o.sent, o.tok));
        near.truncate(MAX_OCCURRENCES);
        let mut mid = false;
        let start = out.len();
        for o in near {
            out.push(feat(D::Left, o.left));
            out.push(feat(D::Right, o.right));
            mid |= o.mid;
        }
        // The same context seen twice is one feature.
        let tail = &mut out[start..];
        tail.sort_unstable();
        let mut n = 0;
        for k in 0..tail.len() {
            if k == 0 || tail[k] != tail[k - 1] {
                tail[n] = tail[k];
                n += 1;
            }
        }
        out.truncate(start + n);
        if mid {
            out.push(feat(D::SeenMid, 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_occurrences_give_context_and_own_does_not() {
        let doc = DocContext::build(&[
            vec!["Harrison", "said", "so"],
            vec!["They", "live", "in", "Harrison", "."],
            vec!["reading", "is", "fun"],
            vec!["Reading", "is", "fun"],
        ]);
        let mut a = Vec::new();
        doc.features(0, 0, "Harrison", &mut a);
        assert!(a.contains(&feat(D::Left, hash_str("in"))));
        assert!(!a.contains(&feat(D::Right, hash_str("said"))));
        assert!(a.contains(&feat(D::SeenMid, 1)));
        let mut b = Vec::new();
        doc.features(3, 0, "Reading", &mut b);
        assert!(b.contains(&feat(D::SeenLower, 1)));
        assert!(b.contains(&feat(D::Count, 0)));
    }
}
