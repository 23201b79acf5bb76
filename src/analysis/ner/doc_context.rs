//! Document-level features: what the other occurrences of a capitalised
//! word in the same document say about it ("context aggregation", Ratinov
//! and Roth 2009). One sentence often cannot tell a place from a person
//! ("Harrison said" / "in Harrison"); the rest of the article often can, and
//! a word seen in lower case elsewhere ("Reading ..." / "reading") is
//! likely no name at all.

use std::collections::HashMap;

use super::hashing::{hash_lower, hash_str, mix};

/// The keys are hashes already: std's SipHash over them was a cost of its
/// own. Nothing iterates these maps, so the hasher changes no output.
type Fast = foldhash::fast::RandomState;

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
    occ: HashMap<u64, Vec<Occurrence>, Fast>,
    /// Lower-case words present in the document (hashes).
    lower: std::collections::HashSet<u64, Fast>,
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

/// Up to [`MAX_OCCURRENCES`] occurrences nearest sentence `sent`, the
/// candidates being `list[..before]` and `list[after..]` (document order).
/// Order of choice: sentence distance, then earlier sentence, then earlier
/// token, the same as sorting them all by that key.
fn nearest(list: &[Occurrence], before: usize, after: usize, sent: usize) -> Vec<&Occurrence> {
    let dist = |o: &Occurrence| (o.sent as i64 - sent as i64).unsigned_abs();
    let (mut l, mut r) = (before, after);
    let mut near = Vec::with_capacity(MAX_OCCURRENCES);
    while near.len() < MAX_OCCURRENCES && (l > 0 || r < list.len()) {
        // Left items are earlier in the text, so they win ties. Among
        // left items at the same distance the earliest token comes first,
        // so a run of them in one sentence is taken from its start.
        let take_left = l > 0 && (r >= list.len() || dist(&list[l - 1]) <= dist(&list[r]));
        if take_left {
            let s = list[l - 1].sent;
            let first = list[..l].partition_point(|o| o.sent < s);
            let room = MAX_OCCURRENCES - near.len();
            near.extend(list[first..l].iter().take(room));
            l = first;
        } else {
            near.push(&list[r]);
            r += 1;
        }
    }
    near
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
        // The list is in document order: find this token's place by
        // binary search, then take the nearest occurrences outwards from
        // it, so a word seen thousands of times costs no more than one
        // seen nine times (a full scan made long articles quadratic).
        let key = (sent as u32, tok as u32);
        let at = list.partition_point(|o| (o.sent, o.tok) < key);
        let me = list.get(at).is_some_and(|o| (o.sent, o.tok) == key);
        let others = list.len() - me as usize;
        out.push(feat(D::Count, others.min(3) as u64));
        if others == 0 {
            return;
        }
        let near = nearest(list, at, if me { at + 1 } else { at }, sent);
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

    /// The outward walk picks what sorting every occurrence picked.
    #[test]
    fn nearest_matches_a_full_sort() {
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..300 {
            let mut list: Vec<Occurrence> = (0..next(30))
                .map(|_| Occurrence {
                    sent: next(12) as u32,
                    tok: next(6) as u32,
                    left: 0,
                    right: 0,
                    mid: true,
                })
                .collect();
            list.sort_by_key(|o| (o.sent, o.tok));
            list.dedup_by_key(|o| (o.sent, o.tok));
            let (sent, tok) = (next(12) as usize, next(6) as usize);
            let key = (sent as u32, tok as u32);
            let at = list.partition_point(|o| (o.sent, o.tok) < key);
            let me = list.get(at).is_some_and(|o| (o.sent, o.tok) == key);
            let got: Vec<(u32, u32)> = nearest(&list, at, at + me as usize, sent)
                .iter()
                .map(|o| (o.sent, o.tok))
                .collect();
            let mut want: Vec<(u32, u32)> =
                list.iter().map(|o| (o.sent, o.tok)).filter(|&k| k != key).collect();
            want.sort_by_key(|&(s, t)| ((s as i64 - sent as i64).abs(), s, t));
            want.truncate(MAX_OCCURRENCES);
            assert_eq!(
                got,
                want,
                "list {:?} at {key:?}",
                list.iter().map(|o| (o.sent, o.tok)).collect::<Vec<_>>()
            );
        }
    }

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
