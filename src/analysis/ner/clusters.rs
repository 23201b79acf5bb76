//! Word clusters as tagger features: each word of `data/clusters.txt`
//! (Brown clusters of unlabelled news, built by
//! `examples/word_clusters.rs`) maps to its cluster's bit string, seen by
//! the tagger as prefixes of several lengths, so coarse and fine classes
//! both count ("words like Ministry", "words like Ministry or Party").

use std::collections::HashMap;

use super::hashing::{hash_bytes, hash_str};

/// Prefix lengths of the bit string used as features; the last is the
/// whole string.
pub const PREFIXES: [usize; 4] = [4, 6, 10, usize::MAX];

/// Hashes of a word's bit-string prefixes (`PREFIXES` order); all 0 for a
/// word not in the table.
pub type Path = [u32; 4];

/// The clusters file committed under `data/`.
pub static CLUSTERS_TEXT: &str = include_str!("../../../data/clusters.txt");

pub struct Clusters {
    /// Word hash ([`hash_str`]) → index into `paths`: no string keys to
    /// hash and compare for every token; a fast hasher, the keys being
    /// hashes already.
    index: HashMap<u64, u32, foldhash::fast::RandomState>,
    paths: Vec<Path>,
}

/// The form words are clustered and looked up in: digits folded to 0, so
/// "1998" and "2004" are one word.
pub fn normalize(word: &str) -> String {
    word.chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).collect()
}

fn fnv(bytes: &[u8], seed: u32) -> u32 {
    let mut h = 0x811c_9dc5u32 ^ seed;
    for &b in bytes {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    h | 1 // never 0, which means "no cluster"
}

impl Clusters {
    /// Parse `bits<TAB>word` lines; `#` lines are comments.
    pub fn parse(text: &str) -> Self {
        let mut index = HashMap::default();
        let mut paths = Vec::new();
        let mut ids: HashMap<&str, u32> = HashMap::new();
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((bits, word)) = line.split_once('\t') else { continue };
            let id = *ids.entry(bits).or_insert_with(|| {
                let mut p = [0u32; 4];
                for (k, &n) in PREFIXES.iter().enumerate() {
                    p[k] = fnv(&bits.as_bytes()[..n.min(bits.len())], k as u32);
                }
                paths.push(p);
                paths.len() as u32 - 1
            });
            index.insert(hash_str(word), id);
        }
        Clusters { index, paths }
    }

    pub fn embedded() -> Self {
        Self::parse(CLUSTERS_TEXT)
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The word's cluster path; a word missing as written is looked up in
    /// lower case, then capitalised ("BAGHDAD" as "Baghdad").
    pub fn path(&self, word: &str) -> Path {
        if word.is_ascii() {
            return self.ascii_path(word);
        }
        let plain = !word.bytes().any(|b| b.is_ascii_digit());
        if plain && let Some(&i) = self.index.get(&hash_str(word)) {
            return self.paths[i as usize];
        }
        let norm = normalize(word);
        let id = self.index.get(&hash_str(&norm)).or_else(|| {
            let lower = norm.to_lowercase();
            self.index.get(&hash_str(&lower)).or_else(|| {
                let mut cs = lower.chars();
                let cap: String = cs.next().map(|c| c.to_uppercase().chain(cs).collect())?;
                self.index.get(&hash_str(&cap))
            })
        });
        id.map_or([0; 4], |&i| self.paths[i as usize])
    }

    /// [`Clusters::path`] of an ASCII word, the same lookups (the word
    /// with digits as 0, then lower case, then capitalised) hashed from
    /// the bytes without building the strings.
    fn ascii_path(&self, word: &str) -> Path {
        let norm = || word.bytes().map(|b| if b.is_ascii_digit() { b'0' } else { b });
        let get = |h: u64| self.index.get(&h);
        let id = get(hash_bytes(norm()))
            .or_else(|| get(hash_bytes(norm().map(|b| b.to_ascii_lowercase()))))
            .or_else(|| {
                let cap = norm().enumerate().map(|(i, b)| {
                    if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() }
                });
                if word.is_empty() { None } else { get(hash_bytes(cap)) }
            });
        id.map_or([0; 4], |&i| self.paths[i as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_shared_by_related_clusters() {
        let c = Clusters::parse("# x\n0110\tcat\n0110\tdog\n011000000001\tMinistry\n");
        assert_eq!(c.path("cat"), c.path("dog"));
        let (cat, min) = (c.path("cat"), c.path("Ministry"));
        assert_eq!(cat[0], min[0]);
        assert_ne!(cat[1], min[1]);
        assert_eq!(c.path("MINISTRY"), min);
        assert_eq!(c.path("unknown"), [0; 4]);
    }
}
