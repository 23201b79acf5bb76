//! How alike two sentences of one story are: the words they share,
//! weighted by how rare each is among the story's sentences, by lemma or at
//! a lesser weight by WordNet sense, and the counts of people they give
//! after one happening. [`super::align`] builds rows from these figures.

use std::collections::HashMap as StdMap;

/// Maps keyed by word ids: a fast hash, as nothing depends on their order.
pub(super) type HashMap<K, V> = StdMap<K, V, foldhash::fast::RandomState>;

use super::facts::SentenceTerms;

/// Tuning, measured on `../shared/dev-data/facts-dev` and ECB+ dev (see
/// `tools/quality-compare.sh`).
#[derive(Debug, Clone)]
pub struct Params {
    /// Sentences per article that facts are looked for in.
    pub lead: usize,
    /// Two sentences that count the same thing after the same happening
    /// ("killing at least seven people" / "killed six people") are at
    /// least this alike: the count is the fact, whatever else they say.
    pub counted: f32,
    /// Two sentences at least this alike that share a figure written in
    /// digits ("$160 million", "6.1") are as alike as a seed pair.
    pub numeral_floor: f32,
    /// A pair at least this alike starts or joins a row.
    pub seed: f32,
    /// Every pair of a row is at least this alike...
    pub floor: f32,
    /// ...and the pairs between two groups that join are this alike on
    /// average.
    pub mean: f32,
    /// Headlines and first sentences state the story's main happening, so
    /// two of them are this much more alike.
    pub lead_boost: f32,
    pub lead_sentences: usize,
    /// Weight of a name against another word.
    pub name_weight: f32,
    /// Weight of a match by sense against one by lemma.
    pub sense_weight: f32,
    /// A sentence no more alike than this to any other article's is shown as
    /// what only its article states...
    pub single_below: f32,
    /// ...when it has at least this many words to say it.
    pub single_words: usize,
    /// Facts are lined up among at most this many articles of a story (its
    /// first, in story order), so that a story of hundreds stays quick:
    /// the matching compares every sentence of them with every other.
    pub max_articles: usize,
    /// The story's main-happening row takes the ledes that hold the two
    /// words shared by most ledes, when at least this share of them do
    /// (`super::main_event`); above 1, no such row.
    pub main_share: f32,
    /// Every two ledes of the main-happening row are at least this alike.
    pub main_floor: f32,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            lead: 20,
            counted: 0.3,
            numeral_floor: 0.15,
            seed: 0.3,
            floor: 0.1,
            mean: 0.2,
            lead_boost: 1.5,
            lead_sentences: 3,
            name_weight: 0.3,
            sense_weight: 0.8,
            single_below: 0.05,
            single_words: 5,
            max_articles: 24,
            main_share: 0.3,
            main_floor: 0.12,
        }
    }
}

/// One sentence as matching sees it.
pub(super) struct Sent {
    pub(super) doc: usize,
    pub(super) idx: usize,
    /// Distinct word keys, sorted.
    pub(super) keys: Vec<u32>,
    /// Distinct senses of those words, sorted.
    pub(super) senses: Vec<u32>,
    /// Per key (same order), its senses, weight and whether it is a name.
    pub(super) key_senses: Vec<&'static [u32]>,
    pub(super) key_weight: Vec<f32>,
    pub(super) key_name: Vec<bool>,
    pub(super) norm: f32,
    /// The happenings it counts people of: each happening word's senses
    /// and key.
    pub(super) counted: Vec<(&'static [u32], u32)>,
    /// Its words written with digits, sorted.
    pub(super) numerals: Vec<u32>,
    /// Bit sets of its keys and senses: most words of one sentence are not
    /// in the other, and a clear bit says so without a search.
    keys_seen: Bits,
    senses_seen: Bits,
}

/// A 256-bit set of hashed ids; a bit set means "maybe", a clear one "no".
#[derive(Default, Clone, Copy)]
struct Bits([u64; 4]);

impl Bits {
    fn of(ids: &[u32]) -> Self {
        let mut b = Bits::default();
        for &x in ids {
            let h = Self::bit(x);
            b.0[h >> 6] |= 1 << (h & 63);
        }
        b
    }
    fn bit(x: u32) -> usize {
        (x.wrapping_mul(0x9E37_79B1) >> 24) as usize
    }
    fn may_hold(&self, x: u32) -> bool {
        let h = Self::bit(x);
        self.0[h >> 6] & (1 << (h & 63)) != 0
    }
}

/// How alike the sentences of a story are, pair by pair.
pub(super) struct Sims {
    pub(super) n: usize,
    /// Row-major, n × n; 0 where two sentences share too little.
    pub(super) dense: Vec<f32>,
    /// The pairs (i < j) that are alike at all.
    pub(super) pairs: Vec<(u32, u32, f32)>,
}

impl Sims {
    pub(super) fn get(&self, i: usize, j: usize) -> f32 {
        self.dense[i * self.n + j]
    }
}

thread_local! {
    /// The last story's table, kept for the next one on this thread: a
    /// fresh table of a large story each time costs more than filling it.
    static DENSE: std::cell::RefCell<Vec<f32>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Drop for Sims {
    fn drop(&mut self) {
        let table = std::mem::take(&mut self.dense);
        DENSE.with(|d| *d.borrow_mut() = table);
    }
}

/// Word statistics of one story.
pub(super) struct Weights {
    pub(super) weight: HashMap<u32, f32>,
    pub(super) name: HashMap<u32, bool>,
}

impl Weights {
    pub(super) fn of(&self, k: u32) -> f32 {
        self.weight.get(&k).copied().unwrap_or(0.0)
    }
    pub(super) fn is_name(&self, k: u32) -> bool {
        self.name.get(&k).copied().unwrap_or(false)
    }
}

pub(super) fn sentences(docs: &[&[SentenceTerms]], p: &Params) -> Vec<Sent> {
    let mut out = Vec::new();
    for (doc, d) in docs.iter().enumerate() {
        for (idx, s) in d.iter().enumerate().take(p.lead) {
            // A sentence the article repeats word for word (a standfirst
            // that opens the body again) states its fact once: a copy
            // would line up a second, identical row.
            let same = |t: &SentenceTerms| {
                t.words.len() == s.words.len()
                    && t.words.iter().zip(&s.words).all(|(a, b)| a.key == b.key)
            };
            if !s.words.is_empty() && d[..idx].iter().any(same) {
                continue;
            }
            let mut words: Vec<(u32, &'static [u32])> =
                s.words.iter().map(|w| (w.key, w.senses)).collect();
            words.sort_by_key(|w| w.0);
            words.dedup_by_key(|w| w.0);
            let mut senses: Vec<u32> = words.iter().flat_map(|w| w.1.iter().copied()).collect();
            senses.sort_unstable();
            senses.dedup();
            // Each count of people belongs to the happening word nearest
            // it: in "a quake has injured three people" the three are
            // injured, not quaked.
            let mut near: Vec<(usize, usize, &super::facts::Word)> = Vec::new();
            for w in s.words.iter().filter(|w| w.happening) {
                let Some(c) = super::facts::count_for(s, (w.start, w.end)) else { continue };
                if !c.people {
                    continue;
                }
                let d = super::facts::distance((c.start, c.end), (w.start, w.end));
                match near.iter_mut().find(|n| n.0 == c.start) {
                    Some(n) if n.1 <= d => {}
                    Some(n) => *n = (c.start, d, w),
                    None => near.push((c.start, d, w)),
                }
            }
            let counted = near.iter().map(|&(_, _, w)| (w.senses, w.key)).collect();
            let keys: Vec<u32> = words.iter().map(|w| w.0).collect();
            // A date's figure matches only a date's: "Nov. 30" is not "$30,000".
            let mut numerals: Vec<u32> = s
                .words
                .iter()
                .filter(|w| w.numeric)
                .map(|w| if w.dated { w.key | DATED } else { w.key })
                .collect();
            numerals.sort_unstable();
            numerals.dedup();
            out.push(Sent {
                numerals,
                doc,
                idx,
                counted,
                keys_seen: Bits::of(&keys),
                senses_seen: Bits::of(&senses),
                keys,
                key_senses: words.iter().map(|w| w.1).collect(),
                key_weight: Vec::new(),
                key_name: Vec::new(),
                senses,
                norm: 0.0,
            });
        }
    }
    out
}

pub(super) fn weights(docs: &[&[SentenceTerms]], sents: &[Sent], p: &Params) -> Weights {
    let mut sf: HashMap<u32, u32> = HashMap::default();
    for s in sents {
        for &k in &s.keys {
            *sf.entry(k).or_default() += 1;
        }
    }
    // A word is a name where the story mostly writes it with a capital.
    let mut caps: HashMap<u32, (u32, u32)> = HashMap::default();
    for d in docs {
        for s in d.iter().take(p.lead) {
            for w in &s.words {
                let e = caps.entry(w.key).or_default();
                e.0 += u32::from(w.capital);
                e.1 += 1;
            }
        }
    }
    let name: HashMap<u32, bool> =
        caps.into_iter().map(|(k, (c, n))| (k, c > 0 && 2 * c >= n)).collect();
    let total = sents.len() as f32;
    let weight = sf
        .iter()
        .map(|(&k, &f)| {
            let idf = (1.0 + total / f as f32).ln();
            let w = idf * idf;
            (k, if name.get(&k).copied().unwrap_or(false) { w * p.name_weight } else { w })
        })
        .collect();
    Weights { weight, name }
}

/// How alike every pair of sentences from different articles is. Only
/// pairs that share two words or senses are measured: fewer can never match.
pub(super) fn similarities(sents: &[Sent], p: &Params) -> Sims {
    // Postings as one sorted list of (word or sense, sentence) each, so
    // that a story does not allocate a list per word.
    let postings = |of: fn(&Sent) -> &[u32]| -> Vec<(u32, u32)> {
        let mut all: Vec<(u32, u32)> = sents
            .iter()
            .enumerate()
            .flat_map(|(i, s)| of(s).iter().map(move |&k| (k, i as u32)))
            .collect();
        all.sort_unstable();
        all
    };
    let by_key = postings(|s| &s.keys);
    let by_sense = postings(|s| &s.senses);
    let list = |all: &'_ [(u32, u32)], k: u32| -> std::ops::Range<usize> {
        let lo = all.partition_point(|x| x.0 < k);
        lo..lo + all[lo..].partition_point(|x| x.0 == k)
    };
    let n = sents.len();
    let mut dense = DENSE.with(|d| std::mem::take(&mut *d.borrow_mut()));
    dense.clear();
    dense.resize(n * n, 0.0);
    let mut sims = Sims { n, dense, pairs: Vec::new() };
    let mut shared = vec![0u32; n];
    let mut touched: Vec<usize> = Vec::new();
    for (i, a) in sents.iter().enumerate() {
        let postings = a
            .keys
            .iter()
            .map(|&k| &by_key[list(&by_key, k)])
            .chain(a.senses.iter().map(|&x| &by_sense[list(&by_sense, x)]));
        for found in postings {
            // Each list is sorted by sentence: only those after `i` count.
            let after = found.partition_point(|&(_, j)| j as usize <= i);
            for &(_, j) in &found[after..] {
                let j = j as usize;
                if sents[j].doc != a.doc {
                    if shared[j] == 0 {
                        touched.push(j);
                    }
                    shared[j] += 1;
                }
            }
        }
        touched.sort_unstable();
        for &j in &touched {
            if shared[j] >= 2 {
                let v = similarity(a, &sents[j], p);
                if v > 0.0 {
                    sims.dense[i * n + j] = v;
                    sims.dense[j * n + i] = v;
                    sims.pairs.push((i as u32, j as u32, v));
                }
            }
            shared[j] = 0;
        }
        touched.clear();
    }
    sims
}

/// How alike two sentences are, 0 to 1: the geometric mean of the weighted
/// shares of each one's words that the other states.
fn similarity(a: &Sent, b: &Sent, p: &Params) -> f32 {
    let (Some(ca), Some(cb)) = (cover(a, b, p), cover(b, a, p)) else { return 0.0 };
    let mut v = (ca * cb).sqrt();
    if a.idx < p.lead_sentences && b.idx < p.lead_sentences {
        v = (v * p.lead_boost).min(1.0);
    }
    if counts_alike(a, b) {
        v = v.max(p.counted);
    }
    if v >= p.numeral_floor && shares_numeral(a, b) {
        v = v.max(p.seed);
    }
    v
}

/// Whether most of a row's reports (two at least), or all of them, are
/// another row's: the same fact again.
pub(super) fn mostly_in(row: &[usize], other: &[usize]) -> bool {
    let shared = row.iter().filter(|x| other.contains(x)).count();
    shared == row.len() || (shared >= 2 && 2 * shared > row.len())
}

/// Marks a figure of a date among [`Sent::numerals`]; vocabulary ids
/// stay far below it.
pub(super) const DATED: u32 = 1 << 31;

fn shares_numeral(a: &Sent, b: &Sent) -> bool {
    let numeral = |k: &u32| {
        a.numerals.binary_search(k).is_ok() || a.numerals.binary_search(&(k | DATED)).is_ok()
    };
    a.numerals.iter().any(|k| b.numerals.binary_search(k).is_ok())
        && a.keys
            .iter()
            .zip(&a.key_name)
            .any(|(k, &name)| !name && !numeral(k) && b.keys.binary_search(k).is_ok())
}

/// Whether two sentences count people after one happening, by the word or
/// by a sense of it ("injuring five people" / "two people were hurt").
fn counts_alike(a: &Sent, b: &Sent) -> bool {
    a.counted.iter().any(|&(sa, ka)| {
        b.counted.iter().any(|&(sb, kb)| ka == kb || sa.iter().any(|x| sb.contains(x)))
    })
}

/// The weighted share of `a`'s words that `b` states; None when `b` states
/// fewer than two of them, or only names.
fn cover(a: &Sent, b: &Sent, p: &Params) -> Option<f32> {
    let mut sum = 0.0;
    let mut matched = 0;
    let mut happening = false;
    for (x, (&k, senses)) in a.keys.iter().zip(&a.key_senses).enumerate() {
        let exact = b.keys_seen.may_hold(k) && b.keys.binary_search(&k).is_ok();
        let by_sense = !exact
            && senses
                .iter()
                .any(|&x| b.senses_seen.may_hold(x) && b.senses.binary_search(&x).is_ok());
        if !exact && !by_sense {
            continue;
        }
        matched += 1;
        happening |= !a.key_name[x];
        sum += a.key_weight[x] * if exact { 1.0 } else { p.sense_weight };
    }
    (matched >= 2 && happening && a.norm > 0.0).then(|| sum / a.norm)
}
