//! The tagger's per-article cache of each word's own facts (hashes,
//! cluster path), so a word repeated in an article is hashed once.

use std::collections::HashMap;

use super::features::{self, TokenInfo};
use super::gazetteer::GazBits;
use super::{Lexicon, Scratch};

/// Each word's hashes and cluster path, by its text, for one article: half
/// of an article's tokens repeat an earlier word, and these are the same
/// wherever it stands (only the gazetteer bits and runs depend on the
/// neighbours, and are set per token).
#[derive(Default)]
pub(super) struct WordCache<'t> {
    /// Word → index into `infos`: small entries, cheap to rehash.
    index: HashMap<&'t str, u32, foldhash::fast::RandomState>,
    infos: Vec<TokenInfo>,
}

impl<'t> WordCache<'t> {
    pub(super) fn with_capacity(n: usize) -> Self {
        WordCache {
            index: HashMap::with_capacity_and_hasher(n, Default::default()),
            infos: Vec::with_capacity(n),
        }
    }
}

/// [`super::prepare`], taking each word's own facts from `cache` when the
/// article had the word before: the same `TokenInfo`s, computed once a word.
#[inline]
pub(super) fn prepare_cached<'t>(
    lex: &Lexicon,
    words: &[&'t str],
    scratch: &mut Scratch,
    cache: &mut WordCache<'t>,
) {
    lex.gazetteer.annotate(words, &mut scratch.join, &mut scratch.gaz);
    scratch.infos.clear();
    for (&w, g) in words.iter().zip(&scratch.gaz) {
        let infos = &mut cache.infos;
        let k = *cache.index.entry(w).or_insert_with(|| {
            infos.push(TokenInfo::new(w, GazBits::default(), lex.clusters.path(w)));
            infos.len() as u32 - 1
        });
        scratch.infos.push(cache.infos[k as usize].with_gaz(*g));
    }
    features::mark_runs(words, &mut scratch.infos);
}

#[cfg(test)]
mod tests {
    use super::super::prepare;
    use super::*;

    /// Cached or not, every token gets the same facts, gazetteer bits and
    /// runs included (a repeated word in another list or run).
    #[test]
    fn cached_tokens_are_prepared_tokens() {
        let lex = Lexicon::build().expect("lexicon");
        let sentences: [&[&str]; 3] = [
            &["Bank", "of", "England", "said", "on", "Monday", "."],
            &["The", "bank", "said", "England", "won", "1998", "."],
            &["Paris", "and", "PARIS", "and", "paris", "said", "Bank", "."],
        ];
        let (mut plain, mut cached) = (Scratch::default(), Scratch::default());
        let mut cache = WordCache::default();
        for words in sentences {
            prepare(&lex, words, &mut plain);
            prepare_cached(&lex, words, &mut cached, &mut cache);
            assert_eq!(format!("{:?}", plain.infos), format!("{:?}", cached.infos), "{words:?}");
        }
    }
}
