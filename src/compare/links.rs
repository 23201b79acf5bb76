//! The summed similarities from one cluster to the others, for average-link
//! clustering ([`super::stories::average_link`]): a list sorted by cluster
//! id, not a hash map. Every article's are held at once while the stories
//! are clustered, and a map took about twice the room (its buckets are a
//! power of two, each with a control byte): 8 MB at 10,000 articles.

/// Cluster id → summed similarity, sorted by id, each id once.
#[derive(Debug, Default)]
pub(super) struct Links(Vec<(u32, f32)>);

impl Links {
    /// Every cluster's links from `edges` (`(a, b, similarity)`, both
    /// ways), a pair given twice summed in the order given.
    pub(super) fn all(n: usize, edges: &[(u32, u32, f32)]) -> Vec<Links> {
        let mut degree = vec![0usize; n];
        for &(a, b, _) in edges {
            degree[a as usize] += 1;
            degree[b as usize] += 1;
        }
        let mut lists: Vec<Vec<(u32, f32)>> = degree.into_iter().map(Vec::with_capacity).collect();
        for &(a, b, s) in edges {
            lists[a as usize].push((b, s));
            lists[b as usize].push((a, s));
        }
        lists
            .into_iter()
            .map(|mut l| {
                // Stable: a repeated pair sums in the order given, as
                // adding each to a map entry would.
                l.sort_by_key(|e| e.0);
                let mut out: Vec<(u32, f32)> = Vec::with_capacity(l.len());
                // `0.0 + s`, as a map entry's default plus `s` gave (-0.0
                // becomes 0.0), so the clusters come out as they did.
                for (k, s) in l {
                    match out.last_mut() {
                        Some(last) if last.0 == k => last.1 += s,
                        _ => out.push((k, 0.0 + s)),
                    }
                }
                out.shrink_to_fit();
                Links(out)
            })
            .collect()
    }

    fn find(&self, k: u32) -> Result<usize, usize> {
        self.0.binary_search_by_key(&k, |e| e.0)
    }

    pub(super) fn get(&self, k: u32) -> Option<f32> {
        self.find(k).ok().map(|i| self.0[i].1)
    }

    pub(super) fn remove(&mut self, k: u32) {
        if let Ok(i) = self.find(k) {
            self.0.remove(i);
        }
    }

    pub(super) fn set(&mut self, k: u32, s: f32) {
        match self.find(k) {
            Ok(i) => self.0[i].1 = s,
            Err(i) => self.0.insert(i, (k, s)),
        }
    }

    /// `other`'s links added to these, but for `skip` (the id of this
    /// cluster, which `other` joins): a link to the same cluster sums.
    pub(super) fn absorb(&mut self, other: &Links, skip: u32) {
        let (a, b) = (&self.0, &other.0);
        let mut out = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            if j < b.len() && b[j].0 == skip {
                j += 1;
                continue;
            }
            match (a.get(i), b.get(j)) {
                (Some(&x), Some(&y)) if x.0 == y.0 => {
                    out.push((x.0, x.1 + y.1));
                    (i, j) = (i + 1, j + 1);
                }
                (Some(&x), Some(&y)) if x.0 < y.0 => {
                    out.push(x);
                    i += 1;
                }
                (Some(&x), None) => {
                    out.push(x);
                    i += 1;
                }
                (_, Some(&y)) => {
                    out.push((y.0, 0.0 + y.1));
                    j += 1;
                }
                (None, None) => break,
            }
        }
        out.shrink_to_fit();
        self.0 = out;
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = (u32, f32)> + '_ {
        self.0.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_sum_repeats_and_merge_by_id() {
        let all = Links::all(4, &[(0, 1, 0.5), (0, 2, 0.25), (1, 0, 0.5), (2, 3, 1.0)]);
        assert_eq!(all[0].0, vec![(1, 1.0), (2, 0.25)]);
        assert_eq!(all[1].0, vec![(0, 1.0)]);
        let mut a = Links(vec![(1, 1.0), (2, 0.25), (5, 2.0)]);
        a.absorb(&Links(vec![(0, 9.0), (2, 0.5), (3, 1.0)]), 0);
        assert_eq!(a.0, vec![(1, 1.0), (2, 0.75), (3, 1.0), (5, 2.0)]);
        a.remove(3);
        a.set(4, 3.0);
        a.set(1, 0.5);
        assert_eq!(a.iter().collect::<Vec<_>>(), vec![(1, 0.5), (2, 0.75), (4, 3.0), (5, 2.0)]);
        assert_eq!((a.get(2), a.get(3)), (Some(0.75), None));
    }
}
