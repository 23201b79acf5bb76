//! Viterbi decoding over BIO tags, first-order, with I-X allowed only after
//! B-X or I-X (so every decoded sequence reads as well-formed spans).

use super::tags::{NUM_TAGS, allowed};

/// Best tag sequence for per-token emission scores and `trans` laid out as
/// in [`super::model::Model::trans`]. Writes into `out`.
pub fn viterbi(emit: &[[f32; NUM_TAGS]], trans: &[f32], out: &mut Vec<usize>) {
    out.clear();
    let n = emit.len();
    if n == 0 {
        return;
    }
    // Forbidden transitions as -inf in a copy of `trans`: the inner loop
    // then has no branch, and a forbidden step still never wins (-inf is
    // never > the running best, which starts at -inf).
    let mut tm = [f32::NEG_INFINITY; (NUM_TAGS + 1) * NUM_TAGS];
    for from in 0..=NUM_TAGS {
        for to in 0..NUM_TAGS {
            if allowed((from < NUM_TAGS).then_some(from), to) {
                tm[from * NUM_TAGS + to] = trans[from * NUM_TAGS + to];
            }
        }
    }
    let mut score = vec![[f32::NEG_INFINITY; NUM_TAGS]; n];
    let mut back = vec![[0u8; NUM_TAGS]; n];
    for t in 0..NUM_TAGS {
        if allowed(None, t) {
            score[0][t] = emit[0][t] + tm[NUM_TAGS * NUM_TAGS + t];
        }
    }
    for i in 1..n {
        let prev = score[i - 1];
        for t in 0..NUM_TAGS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for (p, &sp) in prev.iter().enumerate() {
                let s = sp + tm[p * NUM_TAGS + t];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            score[i][t] = best + emit[i][t];
            back[i][t] = arg;
        }
    }
    let mut t =
        (0..NUM_TAGS).max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b])).unwrap_or(0);
    out.resize(n, 0);
    for i in (0..n).rev() {
        out[i] = t;
        t = back[i][t] as usize;
    }
}
