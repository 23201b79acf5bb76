//! Stories: articles about one event, found by average-link clustering of
//! weighted term vectors.
//!
//! Two articles about similar events share their topic words ("rehab",
//! "earthquake") but not who, where and how many, so names (capitalised
//! words) and numbers weigh more than other words, and the lead, where
//! news says what happened, more than the rest. Dates, when both articles
//! have one, weaken links between articles months apart (follow-ups weeks
//! later still belong to their story).
//!
//! Nothing compares every article with every other: each article's
//! neighbours come from an inverted index over its terms, skipping terms so
//! common that they cannot tell events apart, and only the best few
//! neighbours are kept, so clustering stays near-linear in the corpus size.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use chrono::NaiveDate;
use rayon::prelude::*;

use super::links::Links;

/// A sparse unit-length vector, sorted by term id.
pub type Vector = Vec<(u32, f32)>;

/// Tuning, measured on the ECB+ dev set (see `tools/quality-compare.sh`).
pub struct Params {
    /// Each term weighs its IDF to this power: terms of one event (who,
    /// where, how many) are rarer than those of its topic, which similar
    /// events share, and a power above 1 sets them further apart.
    pub idf_power: f32,
    /// Average-link similarity below which two clusters stay apart.
    pub cut: f32,
    /// Neighbours kept per article.
    pub neighbours: usize,
    /// Articles up to this many days apart may report one event at full
    /// similarity...
    pub max_days: i64,
    /// ...beyond it similarity fades: halved after this many more days,
    /// a third after twice as many, and so on (follow-ups weeks later still
    /// join; events months apart rarely do).
    pub fade_days: f32,
    /// Stories of at most this many articles are fragments: after
    /// clustering, each joins the bigger story it is most like...
    pub fragment: usize,
    /// ...if its mean similarity to that story's articles is at least this.
    pub attach: f32,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            idf_power: 1.5,
            cut: 0.2,
            neighbours: 40,
            max_days: 14,
            fade_days: 30.0,
            fragment: 3,
            attach: 0.1,
        }
    }
}

/// IDF-weighted unit vectors: `(1 + ln tf) · ln(N / df)^idf_power`. Terms found in
/// one article only cannot link two; terms in more than half of a large
/// corpus say nothing about which event.
///
/// `counts[i]`: article `i`'s term ids with their weights before IDF
/// (position, name and number boosts already applied), each id once. Each
/// becomes its vector in place, so the counts and the vectors are not
/// held side by side.
pub fn vectors(counts: Vec<Vector>, idf_power: f32) -> Vec<Vector> {
    let n = counts.len();
    let mut df: HashMap<u32, u32> = HashMap::new();
    for c in &counts {
        for &(t, _) in c {
            *df.entry(t).or_default() += 1;
        }
    }
    let common = if n >= 20 { (n / 2) as u32 } else { u32::MAX };
    counts
        .into_par_iter()
        .map(|mut v| {
            v.retain(|(t, _)| {
                let f = df[t];
                f > 1 && f <= common
            });
            for (t, c) in v.iter_mut() {
                let idf = ((n as f32 + 1.0) / df[t] as f32).ln().powf(idf_power);
                *c = (1.0 + (1.0 + *c).ln()) * idf;
            }
            normalise(&mut v);
            // Held until the stories are built: no spare room.
            v.shrink_to_fit();
            v
        })
        .collect()
}

fn normalise(v: &mut Vector) {
    v.sort_unstable_by_key(|&(t, _)| t);
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
}

pub fn cosine(a: &Vector, b: &Vector) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// The similarity graph: for each article its best neighbours, as
/// `(i, j, similarity)` with `i < j`.
pub fn neighbours(
    vecs: &[Vector],
    dates: &[Option<NaiveDate>],
    p: &Params,
) -> Vec<(u32, u32, f32)> {
    let n = vecs.len();
    // Postings only for terms rare enough to block on: a term in thousands
    // of articles would make candidate generation quadratic again.
    let cap = 200.max((n as f64).sqrt() as usize);
    let mut postings: HashMap<u32, Vec<u32>> = HashMap::new();
    for (i, v) in vecs.iter().enumerate() {
        for &(t, _) in v {
            postings.entry(t).or_default().push(i as u32);
        }
    }
    postings.retain(|_, v| v.len() <= cap);
    let edges: Vec<Vec<(u32, u32, f32)>> = (0..n)
        .into_par_iter()
        .map_init(
            || vec![0f32; n],
            |score, i| {
                let mut touched: Vec<u32> = Vec::new();
                for &(t, w) in &vecs[i] {
                    if let Some(list) = postings.get(&t) {
                        for &j in list {
                            if j as usize != i {
                                if score[j as usize] == 0.0 {
                                    touched.push(j);
                                }
                                score[j as usize] += w;
                            }
                        }
                    }
                }
                // Rank candidates by the blocked overlap, then score the
                // best exactly.
                touched.sort_unstable_by(|a, b| score[*b as usize].total_cmp(&score[*a as usize]));
                // Every article's list is held until the graph is whole:
                // no room for more than it can take (pushing one at a
                // time left 64 places for 40 edges).
                let mut out = Vec::with_capacity(touched.len().min(p.neighbours));
                for &j in touched.iter().take(p.neighbours) {
                    let mut s = cosine(&vecs[i], &vecs[j as usize]);
                    if let (Some(a), Some(b)) = (dates[i], dates[j as usize]) {
                        let over = ((a - b).num_days().abs() - p.max_days).max(0) as f32;
                        s /= 1.0 + over / p.fade_days;
                    }
                    if s > 0.0 {
                        out.push(((i as u32).min(j), (i as u32).max(j), s));
                    }
                }
                for &j in &touched {
                    score[j as usize] = 0.0;
                }
                out
            },
        )
        .collect();
    // Each article chose its own best neighbours, so a pair may come twice.
    // Sized exactly (collecting the flattened lists doubled its room as it
    // grew), each list let go once copied, and no spare room after the
    // repeats go: the graph is held while the stories are clustered.
    let mut all: Vec<(u32, u32, f32)> = Vec::with_capacity(edges.iter().map(Vec::len).sum());
    for e in edges {
        all.extend(e);
    }
    all.sort_unstable_by_key(|e| (e.0, e.1));
    all.dedup_by_key(|e| (e.0, e.1));
    all.shrink_to_fit();
    all
}

#[derive(PartialEq)]
struct Candidate {
    sim: f32,
    a: u32,
    b: u32,
}

impl Eq for Candidate {}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sim.total_cmp(&other.sim).then_with(|| other.a.cmp(&self.a)).then(other.b.cmp(&self.b))
    }
}

/// Average-link agglomerative clustering over a sparse similarity graph
/// (missing edges count as 0): repeatedly join the two clusters with the
/// highest mean similarity while it is at least `cut`. Returns clusters of
/// indices, each sorted.
pub fn average_link(n: usize, edges: &[(u32, u32, f32)], cut: f32) -> Vec<Vec<usize>> {
    // Sum of similarities between two live clusters, keyed by their ids.
    let mut links = Links::all(n, edges);
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut alive = vec![true; n];
    let mut heap: BinaryHeap<Candidate> = edges
        .iter()
        .filter(|e| e.2 >= cut)
        .map(|&(a, b, s)| Candidate { sim: s, a: a.min(b), b: a.max(b) })
        .collect();
    while let Some(Candidate { sim, a, b }) = heap.pop() {
        let (ai, bi) = (a as usize, b as usize);
        if !alive[ai] || !alive[bi] {
            continue;
        }
        let sum = links[ai].get(b).unwrap_or(0.0);
        let avg = sum / (members[ai].len() * members[bi].len()) as f32;
        // A stale entry: the pair's average changed since it was queued.
        if (avg - sim).abs() > 1e-6 {
            continue;
        }
        // Merge b into a.
        alive[bi] = false;
        let moved = std::mem::take(&mut members[bi]);
        members[ai].extend(moved);
        let b_links = std::mem::take(&mut links[bi]);
        links[ai].remove(b);
        links[ai].absorb(&b_links, a);
        for (k, _) in b_links.iter().filter(|&(k, _)| k != a) {
            let total = links[ai].get(k).unwrap_or(0.0);
            links[k as usize].remove(b);
            links[k as usize].set(a, total);
        }
        let size_a = members[ai].len();
        for (k, s) in links[ai].iter() {
            let avg = s / (size_a * members[k as usize].len()) as f32;
            if avg >= cut {
                heap.push(Candidate { sim: avg, a: a.min(k), b: a.max(k) });
            }
        }
    }
    let mut out: Vec<Vec<usize>> = members
        .into_iter()
        .zip(alive)
        .filter(|(_, live)| *live)
        .map(|(mut m, _)| {
            m.sort_unstable();
            m
        })
        .collect();
    out.sort_by_key(|m| m[0]);
    out
}

/// Average link keeps apart an article whose links to its story are weak
/// on average (a short piece, a follow-up with new names) and leaves it a
/// story of its own, or of two. Such fragments join the bigger story they
/// are most like, when their mean similarity to its articles reaches
/// `attach`; fragments never join each other here, so this cannot chain.
pub fn attach_fragments(
    clusters: Vec<Vec<usize>>,
    edges: &[(u32, u32, f32)],
    fragment: usize,
    attach: f32,
) -> Vec<Vec<usize>> {
    let n = clusters.iter().map(Vec::len).sum::<usize>();
    let mut of = vec![0usize; n];
    for (c, m) in clusters.iter().enumerate() {
        for &a in m {
            of[a] = c;
        }
    }
    let small = |c: usize| clusters[c].len() <= fragment;
    // Per fragment, the summed similarity to each bigger cluster.
    let mut sums: HashMap<usize, HashMap<usize, f32>> = HashMap::new();
    for &(a, b, s) in edges {
        let (ca, cb) = (of[a as usize], of[b as usize]);
        if small(ca) && !small(cb) {
            *sums.entry(ca).or_default().entry(cb).or_default() += s;
        }
        if small(cb) && !small(ca) {
            *sums.entry(cb).or_default().entry(ca).or_default() += s;
        }
    }
    let mut into: Vec<usize> = (0..clusters.len()).collect();
    for (frag, targets) in &sums {
        let best = targets
            .iter()
            .map(|(&c, &sum)| (c, sum / (clusters[*frag].len() * clusters[c].len()) as f32))
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        if let Some((c, avg)) = best
            && avg >= attach
        {
            into[*frag] = c;
        }
    }
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); clusters.len()];
    for (c, m) in clusters.into_iter().enumerate() {
        out[into[c]].extend(m);
    }
    let mut out: Vec<Vec<usize>> = out
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(|mut m| {
            m.sort_unstable();
            m
        })
        .collect();
    out.sort_by_key(|m| m[0]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_link_joins_close_pairs_and_keeps_weak_links_apart() {
        let edges = [(0, 1, 0.9), (1, 2, 0.8), (0, 2, 0.7), (2, 3, 0.2), (3, 4, 0.6)];
        let c = average_link(5, &edges, 0.3);
        assert_eq!(c, vec![vec![0, 1, 2], vec![3, 4]]);
    }

    #[test]
    fn average_link_uses_the_mean_not_the_best_link() {
        // 2 is close to 0 but unrelated to 1: mean (0.5 + 0) / 2 < 0.3.
        let edges = [(0, 1, 0.9), (0, 2, 0.5)];
        assert_eq!(average_link(3, &edges, 0.3), vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn a_weakly_linked_article_joins_the_story_it_is_most_like() {
        // 0-1-2 are a story; 3 is weakly like it, 4 like nothing.
        let edges = [(0, 1, 0.9), (1, 2, 0.8), (0, 2, 0.7), (0, 3, 0.3), (2, 3, 0.2)];
        let c = average_link(5, &edges, 0.5);
        assert_eq!(c, vec![vec![0, 1, 2], vec![3], vec![4]]);
        // Mean similarity of 3 to the story: (0.3 + 0 + 0.2) / 3.
        assert_eq!(attach_fragments(c.clone(), &edges, 1, 0.15), vec![vec![0, 1, 2, 3], vec![4]]);
        assert_eq!(attach_fragments(c, &edges, 1, 0.2), vec![vec![0, 1, 2], vec![3], vec![4]]);
    }

    #[test]
    fn fragments_do_not_join_each_other() {
        let edges = [(0, 1, 0.3)];
        let c = vec![vec![0], vec![1]];
        assert_eq!(attach_fragments(c, &edges, 1, 0.1), vec![vec![0], vec![1]]);
    }

    #[test]
    fn a_higher_idf_power_weighs_a_rare_shared_term_over_a_common_one() {
        // Term 1 is in four articles (a topic), term 2 in two (an event's
        // participant); 0 shares 2 with 1 and 1 with 2.
        let counts = || -> Vec<Vector> {
            vec![
                vec![(1, 1.0), (2, 1.0)],
                vec![(2, 1.0), (3, 1.0)],
                vec![(1, 1.0), (4, 1.0)],
                vec![(1, 1.0), (3, 1.0)],
                vec![(1, 1.0), (4, 1.0)],
            ]
        };
        let ratio = |power| {
            let v = vectors(counts(), power);
            cosine(&v[0], &v[1]) / cosine(&v[0], &v[2])
        };
        assert!(ratio(1.0) > 1.0);
        assert!(ratio(1.5) > ratio(1.0) * 1.2, "{} vs {}", ratio(1.5), ratio(1.0));
    }

    #[test]
    fn dates_far_apart_weaken_a_link() {
        let v: Vec<Vector> = vec![vec![(1, 1.0)], vec![(1, 1.0)], vec![(1, 1.0)]];
        let d = |s: &str| Some(s.parse::<NaiveDate>().unwrap());
        let dates = [d("2024-08-05"), d("2024-08-06"), d("2024-01-20")];
        let e = neighbours(&v, &dates, &Params::default());
        let sim = |a, b| e.iter().find(|x| x.0 == a && x.1 == b).map(|x| x.2).unwrap();
        assert!((sim(0, 1) - 1.0).abs() < 1e-6);
        assert!(sim(0, 2) < 0.2, "197 days apart");
    }
}
