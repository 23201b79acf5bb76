//! Per article, which short pieces of text (one, two and three bytes,
//! ASCII lower-cased) occur in its title, outlet or body, as a 4096-bit
//! set: the filter rules an article out without reading it when a piece of
//! the query is missing. Half a kilobyte an article; built on all cores by
//! the loader, off the UI thread.
//!
//! A set may say yes wrongly (pieces share bits), never no wrongly, so the
//! articles it lets through are still searched, and results are exact.

use rayon::prelude::*;

use crate::corpus::Article;

const WORDS: usize = 64;
const BITS: u32 = (WORDS * 64) as u32;

/// The sets of a whole corpus, article by article.
#[derive(Debug, Clone, Default)]
pub struct Grams {
    sets: Vec<[u64; WORDS]>,
}

/// A query's pieces, as bits to find set.
#[derive(Debug, Clone, Default)]
pub struct Needed {
    bits: Vec<(usize, u64)>,
}

fn bit(piece: &[u8]) -> u32 {
    let mut h: u32 = piece.len() as u32;
    for &b in piece {
        h = (h << 8) | u32::from(b.to_ascii_lowercase());
    }
    h.wrapping_mul(0x9E37_79B1) >> (32 - BITS.trailing_zeros())
}

fn add(set: &mut [u64; WORDS], text: &str) {
    let b = text.as_bytes();
    for i in 0..b.len() {
        for len in 1..=3 {
            if let Some(piece) = b.get(i..i + len) {
                let k = bit(piece);
                set[(k / 64) as usize] |= 1 << (k % 64);
            }
        }
    }
}

impl Grams {
    pub fn build(articles: &[Article]) -> Grams {
        let sets = articles
            .par_iter()
            .map(|a| {
                let mut set = [0u64; WORDS];
                add(&mut set, &a.title);
                add(&mut set, a.outlet.as_deref().unwrap_or(""));
                add(&mut set, &a.body);
                set
            })
            .collect();
        Grams { sets }
    }

    pub fn len(&self) -> usize {
        self.sets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sets.is_empty()
    }

    /// The pieces of `query` to look for; `None` when sets cannot rule
    /// anything out for it (a query beyond ASCII is matched with Unicode
    /// case folding, which the sets do not follow).
    pub fn needed(query: &str) -> Option<Needed> {
        if !query.is_ascii() || query.is_empty() {
            return None;
        }
        let mut bits: Vec<(usize, u64)> = Vec::new();
        let b = query.as_bytes();
        for i in 0..b.len() {
            for len in 1..=3 {
                if let Some(piece) = b.get(i..i + len) {
                    let k = bit(piece);
                    let (w, m) = ((k / 64) as usize, 1u64 << (k % 64));
                    match bits.iter_mut().find(|(x, _)| *x == w) {
                        Some((_, mask)) => *mask |= m,
                        None => bits.push((w, m)),
                    }
                }
            }
        }
        Some(Needed { bits })
    }

    /// Whether article `i` may contain the query (always, for an article
    /// the sets do not cover).
    pub fn may_contain(&self, i: usize, needed: &Needed) -> bool {
        self.sets.get(i).is_none_or(|set| needed.bits.iter().all(|&(w, m)| set[w] & m == m))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(title: &str, body: &str) -> Article {
        Article {
            id: String::new(),
            path: "a.txt".into(),
            title: title.into(),
            outlet: Some("Harbour Post".into()),
            date: None,
            url: None,
            author: None,
            body: body.into(),
        }
    }

    #[test]
    fn never_rules_out_an_article_that_matches() {
        let arts = [
            art("Rocket Attack", "Several were injured at the base on Monday."),
            art("Flood", "The river rose overnight."),
        ];
        let g = Grams::build(&arts);
        for q in ["rocket", "ROCKET", "ed at t", "harbour", "monday.", "r", "at", "post"] {
            let n = Grams::needed(q).expect("ascii");
            assert!(g.may_contain(0, &n), "{q}");
        }
        // A piece of the query that is nowhere in the second article.
        let n = Grams::needed("rocket").expect("ascii");
        assert!(!g.may_contain(1, &n), "rules out what cannot match");
        assert!(Grams::needed("évacués").is_none(), "Unicode queries are searched in full");
        assert!(g.may_contain(9, &n), "an article not covered is never ruled out");
    }
}
