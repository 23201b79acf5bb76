//! String hashes shared by the feature templates, the word clusters and the
//! document features. A module of its own, below all of them, so that none
//! of those needs another to hash a word.

/// FxHash-style mixing: fast, deterministic across runs and platforms.
#[inline]
pub fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95)
}

pub(crate) const HASH_SEED: u64 = 0xcbf2_9ce4_8422_2325;

pub(crate) fn hash_bytes(bytes: impl Iterator<Item = u8>) -> u64 {
    let mut h = HASH_SEED;
    for b in bytes {
        h = mix(h, b as u64);
    }
    h
}

pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.bytes())
}

/// `hash_str(&s.to_lowercase())` without building the string.
pub fn hash_lower(s: &str) -> u64 {
    if s.is_ascii() {
        // The same bytes as below, without decoding characters.
        return hash_bytes(s.bytes().map(|b| b.to_ascii_lowercase()));
    }
    let mut h = HASH_SEED;
    let mut buf = [0u8; 4];
    for c in s.chars().flat_map(char::to_lowercase) {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h = mix(h, b as u64);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_lower_is_the_hash_of_the_lower_case_word() {
        for w in ["", "Obama", "U.S.", "ÉCOLE", "İstanbul", "straße", "MIXED-case 42"] {
            assert_eq!(hash_lower(w), hash_str(&w.to_lowercase()), "{w:?}");
        }
    }
}
