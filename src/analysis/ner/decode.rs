//! Viterbi decoding over BIO tags, first-order, with I-X allowed only after
//! B-X or I-X (so every decoded sequence reads as well-formed spans).

use super::tags::{NUM_TAGS, allowed};

/// Tags rounded up to a vector width.
const LANES: usize = 16;

/// Best tag sequence for per-token emission scores and `trans` laid out as
/// in [`super::model::Model::trans`]. Writes into `out`.
pub fn viterbi(emit: &[[f32; NUM_TAGS]], trans: &[f32], out: &mut Vec<usize>) {
    out.clear();
    let n = emit.len();
    if n == 0 {
        return;
    }
    // Forbidden transitions as -inf in a copy of `trans`, rows padded to
    // LANES: the inner loop then has no branch and a fixed width the
    // compiler turns into vector instructions. A forbidden step (or a pad
    // lane) never wins: -inf is never > the running best, which starts at
    // -inf.
    let mut tm = [[f32::NEG_INFINITY; LANES]; NUM_TAGS + 1];
    for (from, row) in tm.iter_mut().enumerate() {
        for (to, w) in row.iter_mut().enumerate().take(NUM_TAGS) {
            if allowed((from < NUM_TAGS).then_some(from), to) {
                *w = trans[from * NUM_TAGS + to];
            }
        }
    }
    let mut score = vec![[f32::NEG_INFINITY; LANES]; n];
    for t in 0..NUM_TAGS {
        if allowed(None, t) {
            score[0][t] = emit[0][t] + tm[NUM_TAGS][t];
        }
    }
    // Forward pass: best scores only (a max per lane, no argmax to carry).
    for i in 1..n {
        let prev = score[i - 1];
        let mut best = [f32::NEG_INFINITY; LANES];
        for (p, row) in tm[..NUM_TAGS].iter().enumerate() {
            let sp = prev[p];
            for t in 0..LANES {
                let s = sp + row[t];
                best[t] = if s > best[t] { s } else { best[t] };
            }
        }
        for t in 0..NUM_TAGS {
            score[i][t] = best[t] + emit[i][t];
        }
    }
    // Back pointers for the chosen path alone, found again from the same
    // sums in the same order (the first `from` with the best sum), so the
    // path is the one a pass that stored every back pointer would give.
    let mut t =
        (0..NUM_TAGS).max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b])).unwrap_or(0);
    out.resize(n, 0);
    for i in (1..n).rev() {
        out[i] = t;
        let mut best = f32::NEG_INFINITY;
        let mut arg = 0;
        for (p, row) in tm[..NUM_TAGS].iter().enumerate() {
            let s = score[i - 1][p] + row[t];
            if s > best {
                best = s;
                arg = p;
            }
        }
        t = arg;
    }
    out[0] = t;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The best allowed sequence by trying them all, on short sentences.
    fn brute_force(emit: &[[f32; NUM_TAGS]], trans: &[f32]) -> (f32, Vec<usize>) {
        let n = emit.len();
        let mut best = (f32::NEG_INFINITY, Vec::new());
        let mut seq = vec![0usize; n];
        loop {
            let mut ok = true;
            let mut s = 0.0;
            for i in 0..n {
                let from = if i == 0 { None } else { Some(seq[i - 1]) };
                ok &= allowed(from, seq[i]);
                s += emit[i][seq[i]] + trans[from.unwrap_or(NUM_TAGS) * NUM_TAGS + seq[i]];
            }
            if ok && s > best.0 {
                best = (s, seq.clone());
            }
            let Some(k) = (0..n).find(|&k| seq[k] + 1 < NUM_TAGS) else { break };
            seq[k] += 1;
            seq[..k].fill(0);
        }
        best
    }

    #[test]
    fn viterbi_finds_the_best_allowed_sequence() {
        // A fixed pseudo-random sequence of scores (xorshift), scores in
        // whole numbers so sums are exact and the best is unique or tied.
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % 17) as f32 - 8.0
        };
        for n in 1..=3 {
            for _ in 0..5 {
                let emit: Vec<[f32; NUM_TAGS]> =
                    (0..n).map(|_| std::array::from_fn(|_| next())).collect();
                let trans: Vec<f32> = (0..(NUM_TAGS + 1) * NUM_TAGS).map(|_| next()).collect();
                let mut out = Vec::new();
                viterbi(&emit, &trans, &mut out);
                let score: f32 = (0..n)
                    .map(|i| {
                        let from = if i == 0 { NUM_TAGS } else { out[i - 1] };
                        assert!(allowed((i > 0).then(|| out[i - 1]), out[i]));
                        emit[i][out[i]] + trans[from * NUM_TAGS + out[i]]
                    })
                    .sum();
                assert_eq!(score, brute_force(&emit, &trans).0, "{emit:?}");
            }
        }
    }
}
