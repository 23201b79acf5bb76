//! Averaged structured perceptron training (Collins 2002), deterministic:
//! a fixed-seed shuffle per epoch and single-threaded updates, so the same
//! data and options give the same model bytes.

use super::decode::viterbi;
use super::doc_context::DocContext;
use super::features::WORD_FEATURES;
use super::model::Model;
use super::tags::{NUM_TAGS, O};
use super::{Lexicon, Scratch, sentence_features};

pub struct Options {
    pub epochs: usize,
    /// Features seen fewer times than this are dropped before training.
    pub min_count: u32,
    pub seed: u64,
    /// Averaged weights with |w| below this are pruned before writing.
    pub prune: f32,
    /// Probability of hiding a token's word-identity features in one
    /// training step, so the weights lean on shape, context and lists as
    /// well (words seen in GMB are not the words of other news).
    pub word_dropout: f32,
}

impl Default for Options {
    fn default() -> Self {
        Options { epochs: 8, min_count: 2, seed: 0x5eed, prune: 0.0, word_dropout: 0.0 }
    }
}

/// One training sentence: words, tag ids and the document it belongs to
/// (consecutive examples with one `doc` form a document).
pub struct Example {
    pub words: Vec<String>,
    pub tags: Vec<usize>,
    pub doc: usize,
}

/// Training sentences from one article labelled with byte spans
/// `(start, end, label index)` (a teacher's output): the body segmented as
/// dateline segments it at run time, each token tagged with the span that
/// contains it. A token straddling a span's edge is O (the tokenisations
/// disagree there). All sentences get document id `doc`.
pub fn examples_from_spans(
    text: &str,
    spans: &[(usize, usize, usize)],
    doc: usize,
) -> Vec<Example> {
    let mut spans = spans.to_vec();
    spans.sort_unstable();
    let seg = crate::analysis::segment::segment(text);
    let mut out = Vec::with_capacity(seg.sentences.len());
    for sent in &seg.sentences {
        let toks = seg.sentence_tokens(sent);
        let mut words = Vec::with_capacity(toks.len());
        let mut tags = Vec::with_capacity(toks.len());
        for t in toks {
            words.push(text.get(t.start..t.end).unwrap_or("").to_string());
            let k = spans.partition_point(|m| m.1 <= t.start);
            tags.push(match spans.get(k) {
                Some(&(s, e, label)) if s <= t.start && t.end <= e => {
                    if s == t.start {
                        super::tags::begin(label)
                    } else {
                        super::tags::inside(label)
                    }
                }
                _ => super::tags::O,
            });
        }
        out.push(Example { words, tags, doc });
    }
    out
}

struct Data {
    /// Feature indices of every token, flat; `u32::MAX` = dropped feature.
    feats: Vec<u32>,
    /// Token `k` of the corpus has `feats[tok_off[k]..tok_off[k + 1]]`.
    tok_off: Vec<usize>,
    /// Sentence `s` has tokens `sent_off[s]..sent_off[s + 1]`.
    sent_off: Vec<usize>,
    gold: Vec<usize>,
    keys: Vec<u32>,
}

/// Repair GMB's org and place spans that are a title and a person's name
/// ("General Musharraf", "King Gyanendra", "CIA Director Porter Goss"):
/// the title becomes O, the name a person, and what stands before the title
/// keeps its kind if it is a name ("CIA", not "Supreme Leader").
/// Left alone they teach the tagger that a title starts an org. Returns how
/// many spans changed.
pub fn repair_title_spans(lex: &Lexicon, ex: &mut Example) -> usize {
    use super::rules::{is_name_before_title, title_before_name};
    use super::tags::{begin, inside, spans};
    let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
    let mut gaz = Vec::new();
    lex.gazetteer.annotate(&words, &mut String::new(), &mut gaz);
    let mut changed = 0;
    for (s, e, label) in spans(&ex.tags) {
        if !matches!(label, 1 | 2) {
            continue;
        }
        let Some((t0, t1)) = title_before_name(&words, &gaz, s, e) else { continue };
        changed += 1;
        if t0 > s && !is_name_before_title(&words[s..t0], &gaz[s..t0]) {
            ex.tags[s..t0].fill(O);
        }
        ex.tags[t0..t1].fill(O);
        ex.tags[t1] = begin(0);
        ex.tags[t1 + 1..e].fill(inside(0));
    }
    changed
}

/// Split GMB's org and place spans that join two names with "and" or "&"
/// ("India and Pakistan", "Fatah and Hamas"), where each side is a span
/// of its own at least twice elsewhere in the data; each side takes the
/// kind it mostly has alone. Names with "and" inside ("Food and Agriculture
/// Organization") have sides that never stand alone. Returns how many spans
/// changed.
pub fn repair_coordinations(examples: &mut [Example]) -> usize {
    use super::tags::{LABELS, begin, inside, spans};
    use std::collections::HashMap;
    let mut alone: HashMap<String, Vec<u32>> = HashMap::new();
    for ex in examples.iter() {
        for (s, e, l) in spans(&ex.tags) {
            alone.entry(ex.words[s..e].join(" ")).or_insert_with(|| vec![0; LABELS.len()])[l] += 1;
        }
    }
    let kind_alone = |words: &[String]| -> Option<usize> {
        let v = alone.get(&words.join(" "))?;
        let best = (0..v.len()).max_by_key(|&l| (v[l], std::cmp::Reverse(l)))?;
        (v.iter().sum::<u32>() >= 2).then_some(best)
    };
    let mut changed = 0;
    for ex in examples.iter_mut() {
        for (s, e, label) in spans(&ex.tags) {
            if !matches!(label, 1 | 2) {
                continue;
            }
            let joins: Vec<usize> =
                (s + 1..e - 1).filter(|&k| matches!(ex.words[k].as_str(), "and" | "&")).collect();
            let [k] = joins[..] else { continue };
            let (Some(a), Some(b)) = (kind_alone(&ex.words[s..k]), kind_alone(&ex.words[k + 1..e]))
            else {
                continue;
            };
            changed += 1;
            ex.tags[s] = begin(a);
            ex.tags[s + 1..k].fill(inside(a));
            ex.tags[k] = O;
            ex.tags[k + 1] = begin(b);
            ex.tags[k + 2..e].fill(inside(b));
        }
    }
    changed
}

/// Tag GMB's religious and ethnic group words that it left O ("Shi'ite"
/// is O 243 times and a group 65 times) as groups, as the kind is defined.
/// Returns how many tokens changed.
pub fn repair_group_words(ex: &mut Example) -> usize {
    use super::rules::is_group_word;
    use super::tags::{begin, inside, label_of};
    const GROUP: usize = 3;
    let mut changed = 0;
    for k in 0..ex.tags.len() {
        if ex.tags[k] == O && is_group_word(&ex.words[k]) {
            let after_group = k > 0 && label_of(ex.tags[k - 1]) == Some(GROUP);
            ex.tags[k] = if after_group { inside(GROUP) } else { begin(GROUP) };
            changed += 1;
        }
    }
    changed
}

fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

fn build_data(lex: &Lexicon, examples: &[Example], min_count: u32) -> Data {
    let mut scratch = Scratch::default();
    let mut feats = Vec::new();
    let mut tok_off = vec![0];
    let mut sent_off = vec![0];
    let mut gold = Vec::new();
    for group in examples.chunk_by(|a, b| a.doc == b.doc) {
        let doc = DocContext::build(&group.iter().map(|e| e.words.as_slice()).collect::<Vec<_>>());
        for (si, ex) in group.iter().enumerate() {
            let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
            for f in sentence_features(lex, &words, Some((&doc, si)), &mut scratch) {
                feats.extend(f);
                tok_off.push(feats.len());
            }
            gold.extend(&ex.tags);
            sent_off.push(gold.len());
        }
    }
    let mut counts: std::collections::HashMap<u32, u32> = Default::default();
    for &f in &feats {
        *counts.entry(f).or_insert(0) += 1;
    }
    let mut keys: Vec<u32> =
        counts.iter().filter(|&(_, &c)| c >= min_count).map(|(&k, _)| k).collect();
    keys.sort_unstable(); // deterministic index order
    let index: std::collections::HashMap<u32, u32> =
        keys.iter().enumerate().map(|(i, &k)| (k, i as u32)).collect();
    for f in &mut feats {
        *f = index.get(f).copied().unwrap_or(u32::MAX);
    }
    Data { feats, tok_off, sent_off, gold, keys }
}

/// Train and return the model file bytes.
pub fn train(
    lex: &Lexicon,
    examples: &[Example],
    opt: &Options,
    log: &mut dyn FnMut(String),
) -> Vec<u8> {
    let data = build_data(lex, examples, opt.min_count);
    let nf = data.keys.len();
    log(format!("{} sentences, {} tokens, {} features", examples.len(), data.gold.len(), nf));
    let nt = (NUM_TAGS + 1) * NUM_TAGS;
    let mut w = vec![0f32; nf * NUM_TAGS];
    let mut u = vec![0f32; nf * NUM_TAGS]; // sum of c * update, for averaging
    let mut tw = vec![0f32; nt];
    let mut tu = vec![0f32; nt];
    let mut c = 1f32;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = opt.seed | 1;
    let mut emit: Vec<[f32; NUM_TAGS]> = Vec::new();
    let mut pred = Vec::new();
    let mut drop: Vec<bool> = Vec::new();
    let mut drop_rng = (opt.seed ^ 0xd20b) | 1;
    let drop_cut = (opt.word_dropout.clamp(0.0, 1.0) * 10_000.0) as u64;
    for epoch in 0..opt.epochs {
        for i in (1..order.len()).rev() {
            let j = (xorshift(&mut rng) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut errors = 0usize;
        for &s in &order {
            let (t0, t1) = (data.sent_off[s], data.sent_off[s + 1]);
            emit.clear();
            drop.clear();
            for _ in t0..t1 {
                drop.push((xorshift(&mut drop_rng) % 10_000) < drop_cut);
            }
            for k in t0..t1 {
                let mut e = [0f32; NUM_TAGS];
                for (n, &f) in data.feats[data.tok_off[k]..data.tok_off[k + 1]].iter().enumerate() {
                    if f == u32::MAX || drop[k - t0] && (1..=WORD_FEATURES).contains(&n) {
                        continue;
                    }
                    let row = &w[f as usize * NUM_TAGS..(f as usize + 1) * NUM_TAGS];
                    for (a, b) in e.iter_mut().zip(row) {
                        *a += b;
                    }
                }
                emit.push(e);
            }
            viterbi(&emit, &tw, &mut pred);
            let gold = &data.gold[t0..t1];
            if pred.as_slice() != gold {
                let mut prev_g = NUM_TAGS;
                let mut prev_p = NUM_TAGS;
                for (k, (&g, &p)) in gold.iter().zip(&pred).enumerate() {
                    if g != p {
                        errors += 1;
                        let fs = &data.feats[data.tok_off[t0 + k]..data.tok_off[t0 + k + 1]];
                        for (n, &f) in fs.iter().enumerate() {
                            if f == u32::MAX || drop[k] && (1..=WORD_FEATURES).contains(&n) {
                                continue;
                            }
                            let b = f as usize * NUM_TAGS;
                            w[b + g] += 1.0;
                            u[b + g] += c;
                            w[b + p] -= 1.0;
                            u[b + p] -= c;
                        }
                    }
                    if g != p || prev_g != prev_p {
                        tw[prev_g * NUM_TAGS + g] += 1.0;
                        tu[prev_g * NUM_TAGS + g] += c;
                        tw[prev_p * NUM_TAGS + p] -= 1.0;
                        tu[prev_p * NUM_TAGS + p] -= c;
                    }
                    prev_g = g;
                    prev_p = p;
                }
            }
            c += 1.0;
        }
        log(format!("epoch {}: {} token errors", epoch + 1, errors));
    }
    // Averaged weights: w - u / c.
    let avg = |w: &[f32], u: &[f32]| -> Vec<f32> {
        w.iter().zip(u).map(|(&w, &u)| w - u / c).collect::<Vec<f32>>()
    };
    let mut aw = avg(&w, &u);
    let at = avg(&tw, &tu);
    for x in &mut aw {
        if x.abs() < opt.prune {
            *x = 0.0;
        }
    }
    let _ = O;
    Model::to_bytes(&data.keys, &aw, &at)
}
