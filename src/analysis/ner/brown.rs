//! Brown clustering (Brown et al. 1992, "Class-based n-gram models of
//! natural language"), used offline to build the word clusters the tagger
//! reads as features (`examples/word_clusters.rs` writes them).
//!
//! The usual windowed variant: words enter in frequency order, each as a
//! cluster of its own; whenever `clusters + 1` are active, the two whose
//! merge loses the least average mutual information (AMI) of the class
//! bigram model are merged. When every word is in, the remaining clusters
//! are merged down to one, and that merge tree gives each cluster a bit
//! string ("0110..."): words sharing a long prefix behave alike, which is
//! what lets the tagger generalise from words it saw in training to words
//! it only saw in unlabelled text.
//!
//! Merge losses are kept for every pair and updated incrementally (only
//! the terms that involve the merged or added clusters change), so a step
//! costs O(clusters²) instead of O(clusters³).

use std::collections::HashMap;

/// Word sequences, interned. Sentences are kept apart: no bigram spans two.
#[derive(Default)]
pub struct Corpus {
    ids: HashMap<String, u32>,
    words: Vec<String>,
    counts: Vec<u64>,
    /// Word ids; `BREAK` between sentences.
    seq: Vec<u32>,
}

const BREAK: u32 = u32::MAX;
const NONE: usize = usize::MAX;

impl Corpus {
    pub fn add_sentence<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        for w in words {
            let id = match self.ids.get(w) {
                Some(&id) => id,
                None => {
                    let id = self.words.len() as u32;
                    self.ids.insert(w.to_string(), id);
                    self.words.push(w.to_string());
                    self.counts.push(0);
                    id
                }
            };
            self.counts[id as usize] += 1;
            self.seq.push(id);
        }
        self.seq.push(BREAK);
    }

    pub fn tokens(&self) -> usize {
        self.seq.iter().filter(|&&w| w != BREAK).count()
    }
}

/// One clustered word: its text, corpus count and cluster bit string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clustered {
    pub word: String,
    pub count: u64,
    pub bits: String,
}

/// `p·ln(p / (l·r))`, the AMI term of one class bigram; 0 for p = 0.
#[inline]
fn q(p: f64, l: f64, r: f64) -> f64 {
    if p > 0.0 { p * (p / (l * r)).ln() } else { 0.0 }
}

/// Statistics of the active clusters, in `k` slots.
struct State {
    k: usize,
    /// `p[s * k + t]`: probability of the class bigram (s, t).
    p: Vec<f64>,
    /// Left and right marginals (over all bigrams, entered words or not).
    pl: Vec<f64>,
    pr: Vec<f64>,
    /// `w[s * k + t]` = q(s,t) + q(t,s), and q(s,s) on the diagonal.
    w: Vec<f64>,
    /// `loss[s * k + t]` for s < t: AMI lost by merging s and t.
    loss: Vec<f64>,
    active: Vec<bool>,
}

impl State {
    fn new(k: usize) -> Self {
        State {
            k,
            p: vec![0.0; k * k],
            pl: vec![0.0; k],
            pr: vec![0.0; k],
            w: vec![0.0; k * k],
            loss: vec![0.0; k * k],
            active: vec![false; k],
        }
    }

    fn slots(&self) -> Vec<usize> {
        (0..self.k).filter(|&s| self.active[s]).collect()
    }

    fn w_of(&self, s: usize, t: usize) -> f64 {
        let k = self.k;
        if s == t {
            q(self.p[s * k + s], self.pl[s], self.pr[s])
        } else {
            q(self.p[s * k + t], self.pl[s], self.pr[t])
                + q(self.p[t * k + s], self.pl[t], self.pr[s])
        }
    }

    fn refresh_w(&mut self, s: usize, slots: &[usize]) {
        let k = self.k;
        for &t in slots {
            let v = self.w_of(s, t);
            self.w[s * k + t] = v;
            self.w[t * k + s] = v;
        }
    }

    /// What cluster `c` contributes to the loss of merging `i` and `j`:
    /// its terms with `i` and `j` apart, less its terms with them merged.
    #[inline]
    fn delta(&self, i: usize, j: usize, c: usize) -> f64 {
        let k = self.k;
        let (pic, pci, pjc, pcj) =
            (self.p[i * k + c], self.p[c * k + i], self.p[j * k + c], self.p[c * k + j]);
        if pic == 0.0 && pci == 0.0 && pjc == 0.0 && pcj == 0.0 {
            return 0.0;
        }
        let merged = q(pic + pjc, self.pl[i] + self.pl[j], self.pr[c])
            + q(pci + pcj, self.pl[c], self.pr[i] + self.pr[j]);
        self.w[i * k + c] + self.w[j * k + c] - merged
    }

    /// The loss of merging `i` and `j`, from scratch.
    fn full_loss(&self, i: usize, j: usize, slots: &[usize]) -> f64 {
        let k = self.k;
        let mut l = 0.0;
        for &c in slots {
            if c != i && c != j {
                l += self.delta(i, j, c);
            }
        }
        let pmm = self.p[i * k + i] + self.p[i * k + j] + self.p[j * k + i] + self.p[j * k + j];
        l + self.w[i * k + i] + self.w[j * k + j] + self.w[i * k + j]
            - q(pmm, self.pl[i] + self.pl[j], self.pr[i] + self.pr[j])
    }

    /// Add `c` to (or, with `sign` -1, take it from) the loss of every
    /// active pair that does not involve `c` or the slots in `skip`.
    fn shift_losses(&mut self, c: usize, sign: f64, slots: &[usize], skip: &[usize]) {
        let k = self.k;
        for (a, &i) in slots.iter().enumerate() {
            if i == c || skip.contains(&i) {
                continue;
            }
            for &j in &slots[a + 1..] {
                if j == c || skip.contains(&j) {
                    continue;
                }
                self.loss[i * k + j] += sign * self.delta(i, j, c);
            }
        }
    }

    fn refresh_losses(&mut self, s: usize, slots: &[usize]) {
        let k = self.k;
        for &t in slots {
            if t != s {
                let (i, j) = (s.min(t), s.max(t));
                self.loss[i * k + j] = self.full_loss(i, j, slots);
            }
        }
    }

    /// Make `s` active, its statistics already set.
    fn activate(&mut self, s: usize) {
        let slots = self.slots();
        self.refresh_w(s, &slots);
        let k = self.k;
        let v = self.w_of(s, s);
        self.w[s * k + s] = v;
        self.shift_losses(s, 1.0, &slots, &[]);
        self.active[s] = true;
        let slots = self.slots();
        self.refresh_losses(s, &slots);
    }

    /// The active pair with the least loss (first in slot order on ties).
    fn best_pair(&self) -> (usize, usize) {
        let slots = self.slots();
        let mut best = (f64::INFINITY, 0, 0);
        for (a, &i) in slots.iter().enumerate() {
            for &j in &slots[a + 1..] {
                let l = self.loss[i * self.k + j];
                if l < best.0 {
                    best = (l, i, j);
                }
            }
        }
        (best.1, best.2)
    }

    /// Merge `b` into `a` (a < b); `b` becomes free.
    fn merge(&mut self, a: usize, b: usize) {
        let k = self.k;
        let slots = self.slots();
        self.shift_losses(a, -1.0, &slots, &[b]);
        self.shift_losses(b, -1.0, &slots, &[a]);
        let self_pair =
            self.p[a * k + a] + self.p[a * k + b] + self.p[b * k + a] + self.p[b * k + b];
        for &c in &slots {
            if c != a && c != b {
                self.p[a * k + c] += self.p[b * k + c];
                self.p[c * k + a] += self.p[c * k + b];
            }
        }
        self.p[a * k + a] = self_pair;
        self.pl[a] += self.pl[b];
        self.pr[a] += self.pr[b];
        self.clear(b);
        let slots = self.slots();
        self.refresh_w(a, &slots);
        self.shift_losses(a, 1.0, &slots, &[]);
        self.refresh_losses(a, &slots);
    }

    fn clear(&mut self, s: usize) {
        let k = self.k;
        self.active[s] = false;
        for t in 0..k {
            self.p[s * k + t] = 0.0;
            self.p[t * k + s] = 0.0;
            self.w[s * k + t] = 0.0;
            self.w[t * k + s] = 0.0;
        }
        self.pl[s] = 0.0;
        self.pr[s] = 0.0;
    }
}

/// Cluster the words seen at least `min_count` times into `clusters`
/// clusters. Deterministic: words enter by count, then by text. Returns
/// the clustered words sorted by bit string, then by count (descending).
pub fn brown(corpus: &Corpus, clusters: usize, min_count: u64) -> Vec<Clustered> {
    brown_checked(corpus, clusters, min_count, false)
}

fn brown_checked(corpus: &Corpus, clusters: usize, min_count: u64, check: bool) -> Vec<Clustered> {
    let clusters = clusters.max(1);
    // Vocabulary in entry order; `rank[id]` is NONE for rare words.
    let mut vocab: Vec<usize> =
        (0..corpus.words.len()).filter(|&w| corpus.counts[w] >= min_count).collect();
    vocab.sort_by(|&a, &b| {
        corpus.counts[b].cmp(&corpus.counts[a]).then_with(|| corpus.words[a].cmp(&corpus.words[b]))
    });
    let mut rank = vec![NONE; corpus.words.len()];
    for (r, &w) in vocab.iter().enumerate() {
        rank[w] = r;
    }
    // Word bigrams among the vocabulary; a rare word breaks the chain.
    let mut pairs: HashMap<(usize, usize), u64> = HashMap::new();
    for win in corpus.seq.windows(2) {
        if win[0] == BREAK || win[1] == BREAK {
            continue;
        }
        let (a, b) = (rank[win[0] as usize], rank[win[1] as usize]);
        if a != NONE && b != NONE {
            *pairs.entry((a, b)).or_insert(0) += 1;
        }
    }
    let total = pairs.values().sum::<u64>().max(1) as f64;
    let n = vocab.len();
    let mut right: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    let mut left: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    let mut pl = vec![0.0; n];
    let mut pr = vec![0.0; n];
    let mut sorted: Vec<_> = pairs.into_iter().collect();
    sorted.sort_unstable();
    for ((a, b), c) in sorted {
        let p = c as f64 / total;
        right[a].push((b, p));
        left[b].push((a, p));
        pl[a] += p;
        pr[b] += p;
    }

    let k = clusters + 1;
    let mut st = State::new(k);
    let mut slot_of = vec![NONE; n];
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); k];
    let verify = |st: &State| {
        if !check {
            return;
        }
        let slots = st.slots();
        for (a, &i) in slots.iter().enumerate() {
            for &j in &slots[a + 1..] {
                let full = st.full_loss(i, j, &slots);
                let inc = st.loss[i * k + j];
                assert!((full - inc).abs() < 1e-9, "loss({i},{j}) {inc} != {full}");
            }
        }
    };
    for word in 0..n {
        let s = (0..k).find(|&s| !st.active[s]).unwrap_or(0);
        slot_of[word] = s;
        members[s].push(word);
        st.pl[s] = pl[word];
        st.pr[s] = pr[word];
        for &(u, p) in &right[word] {
            if slot_of[u] != NONE {
                st.p[s * k + slot_of[u]] += p;
            }
        }
        for &(u, p) in &left[word] {
            if slot_of[u] != NONE && u != word {
                st.p[slot_of[u] * k + s] += p;
            }
        }
        st.activate(s);
        verify(&st);
        if st.slots().len() == k {
            let (a, b) = st.best_pair();
            st.merge(a, b);
            for w in std::mem::take(&mut members[b]) {
                slot_of[w] = a;
                members[a].push(w);
            }
            verify(&st);
        }
    }

    // Merge what is left down to one cluster, recording the tree.
    // Nodes: one leaf per final cluster, then one per merge.
    let mut node_of = vec![NONE; k];
    let mut children: Vec<Option<(usize, usize)>> = Vec::new();
    let mut leaf_of_slot = vec![NONE; k];
    for s in st.slots() {
        node_of[s] = children.len();
        leaf_of_slot[s] = children.len();
        children.push(None);
    }
    while st.slots().len() > 1 {
        let (a, b) = st.best_pair();
        st.merge(a, b);
        verify(&st);
        children.push(Some((node_of[a], node_of[b])));
        node_of[a] = children.len() - 1;
        node_of[b] = NONE;
    }
    let mut bits = vec![String::new(); children.len()];
    for node in (0..children.len()).rev() {
        if let Some((l, r)) = children[node] {
            bits[l] = format!("{}0", bits[node]);
            bits[r] = format!("{}1", bits[node]);
        }
    }
    let mut out = Vec::with_capacity(n);
    for (s, list) in members.iter().enumerate() {
        if leaf_of_slot[s] == NONE {
            continue;
        }
        let b = &bits[leaf_of_slot[s]];
        for &w in list {
            let id = vocab[w];
            out.push(Clustered {
                word: corpus.words[id].clone(),
                count: corpus.counts[id],
                bits: if b.is_empty() { "0".into() } else { b.clone() },
            });
        }
    }
    out.sort_by(|a, b| {
        a.bits.cmp(&b.bits).then(b.count.cmp(&a.count)).then_with(|| a.word.cmp(&b.word))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(text: &str) -> Corpus {
        let mut c = Corpus::default();
        for line in text.lines() {
            c.add_sentence(line.split_whitespace());
        }
        c
    }

    const TEXT: &str = "the cat sat on the mat\nthe dog sat on the rug\na cat ran to a house\n\
        a dog ran to the mat\nthe cat ate the fish\nthe dog ate a bone\nmy cat sat on my rug\n\
        my dog ran to my house\nthe bird sat on a tree\na bird ate the fish";

    #[test]
    fn incremental_losses_match_recomputed_ones() {
        // `check` asserts after every step that each pair's kept loss
        // equals the loss computed from scratch.
        let out = brown_checked(&corpus(TEXT), 3, 1, true);
        assert_eq!(out.len(), 17);
    }

    #[test]
    fn words_in_the_same_contexts_share_a_cluster() {
        let out = brown(&corpus(TEXT), 4, 1);
        let bits = |w: &str| out.iter().find(|c| c.word == w).map(|c| c.bits.clone());
        assert_eq!(bits("cat"), bits("dog"));
        assert_ne!(bits("cat"), bits("the"));
    }

    #[test]
    fn merge_loss_is_the_drop_in_mutual_information() {
        // Three clusters with made-up bigram probabilities: the loss kept
        // for a pair is the AMI before their merge less the AMI after it.
        let mut st = State::new(3);
        let p = [[0.2, 0.1, 0.05], [0.05, 0.3, 0.1], [0.05, 0.05, 0.1]];
        for (s, row) in p.iter().enumerate() {
            st.p[s * 3..s * 3 + 3].copy_from_slice(row);
            st.pl[s] = row.iter().sum();
            st.pr[s] = p.iter().map(|r| r[s]).sum();
        }
        for s in 0..3 {
            st.activate(s);
        }
        let ami = |st: &State| {
            let mut t = 0.0;
            for s in st.slots() {
                for u in st.slots() {
                    t += q(st.p[s * 3 + u], st.pl[s], st.pr[u]);
                }
            }
            t
        };
        let before = ami(&st);
        let loss = st.loss[1];
        st.merge(0, 1);
        assert!((before - ami(&st) - loss).abs() < 1e-12);
    }
}
