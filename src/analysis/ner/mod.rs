//! Named-entity recognition: person, org, place and group mentions.
//!
//! An averaged-perceptron sequence tagger (features in [`features`], Viterbi
//! in [`decode`]) trained on GMB news (`examples/train_ner.rs`), with
//! gazetteer features ([`gazetteer`]) and rules around it ([`rules`]). The
//! model is embedded in the binary and loaded once, on first use.

pub mod brown;
pub mod clusters;
pub mod decode;
pub mod doc_context;
pub mod features;
pub mod gazetteer;
pub mod hashing;
pub mod model;
pub mod org_context;
pub mod plural_names;
pub mod rules;
pub mod tags;
pub mod train;
mod word_cache;
pub mod word_lists;

use std::sync::OnceLock;

use thiserror::Error;

use crate::analysis::Kind;
use crate::analysis::segment::{self, Segmentation};
use clusters::Clusters;
use doc_context::DocContext;
use features::TokenInfo;
use gazetteer::{GazBits, Gazetteer};
use model::Model;
use tags::NUM_TAGS;
use word_cache::{WordCache, prepare_cached};

/// The model committed under `models/`, built by `examples/train_ner.rs`.
pub static MODEL_BYTES: &[u8] = include_bytes!("../../../models/ner.bin");

#[derive(Debug, Error)]
pub enum NerError {
    #[error("bad NER model: {0}")]
    Model(&'static str),
    #[error("could not build the gazetteer: {0}")]
    Gazetteer(String),
}

pub use crate::analysis::Mention;

pub struct Recognizer {
    model: Model,
    lexicon: Lexicon,
}

/// What the features know about words besides the words themselves: list
/// membership and word clusters. Built from files embedded in the binary.
pub struct Lexicon {
    pub gazetteer: Gazetteer,
    pub clusters: Clusters,
}

impl Lexicon {
    pub fn build() -> Result<Self, NerError> {
        Ok(Lexicon { gazetteer: Gazetteer::build()?, clusters: Clusters::embedded() })
    }
}

/// Reusable per-call buffers, so tagging a sentence allocates little.
#[derive(Default)]
pub struct Scratch {
    gaz: Vec<GazBits>,
    join: String,
    infos: Vec<TokenInfo>,
    feats: Vec<u32>,
    emit: Vec<[f32; NUM_TAGS]>,
    path: Vec<usize>,
}

impl Recognizer {
    /// The embedded model, loaded on first call.
    ///
    /// # Panics
    /// If the embedded model is corrupt: that is a build defect, caught by
    /// the model-load test, not an input-dependent failure.
    pub fn shared() -> &'static Recognizer {
        static SHARED: OnceLock<Recognizer> = OnceLock::new();
        SHARED.get_or_init(|| match Recognizer::from_bytes(MODEL_BYTES) {
            Ok(r) => r,
            Err(e) => panic!("embedded NER model: {e}"),
        })
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, NerError> {
        Ok(Recognizer { model: Model::from_bytes(bytes)?, lexicon: Lexicon::build()? })
    }

    pub fn from_model(model: Model, lexicon: Lexicon) -> Self {
        Recognizer { model, lexicon }
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.lexicon.gazetteer
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Person, org, place and group mentions in `text`, in text order.
    pub fn recognize(&self, text: &str, seg: &Segmentation) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut scratch = Scratch::default();
        let sentences: Vec<Vec<&str>> = seg
            .sentences
            .iter()
            .map(|s| {
                seg.sentence_tokens(s)
                    .iter()
                    .map(|t| text.get(t.start..t.end).unwrap_or(""))
                    .collect()
            })
            .collect();
        let doc = DocContext::build(&sentences);
        // About one distinct word in two tokens; capped, as a long
        // article repeats more.
        let mut cache = WordCache::with_capacity((seg.tokens.len() / 2).min(1 << 14));
        for (si, sent) in seg.sentences.iter().enumerate() {
            let toks = seg.sentence_tokens(sent);
            let words = &sentences[si];
            prepare_cached(&self.lexicon, words, &mut scratch, &mut cache);
            let path = self.tag_prepared(words, Some((&doc, si)), &mut scratch).to_vec();
            let tags = tags::spans(&path);
            for (s, e, label) in tags {
                let Some(kind) = tags::kind_of(label) else { continue };
                let mut parts: Vec<_> =
                    rules::split_span(words, s, e, label).into_iter().map(|p| (p, kind)).collect();
                if kind == Kind::Org || kind == Kind::Place {
                    // Listed places split apart are places ("India and
                    // Pakistan" is often one org in GMB).
                    parts = parts
                        .into_iter()
                        .flat_map(|((s, e), k)| {
                            let split = gazetteer::split_listed_places(words, &scratch.gaz, s, e);
                            let k = if split.len() > 1 { Kind::Place } else { k };
                            split.into_iter().map(move |p| (p, k))
                        })
                        .collect();
                    if kind == Kind::Org {
                        parts = parts
                            .into_iter()
                            .flat_map(|((s, e), k)| {
                                rules::split_coordinated_org(words, s, e)
                                    .into_iter()
                                    .map(move |p| (p, k))
                            })
                            .collect();
                    }
                    parts = parts
                        .into_iter()
                        .flat_map(|(p, k)| split_title(words, &scratch.gaz, p, k))
                        .collect();
                }
                for ((s, e), mut kind) in parts {
                    let label = if kind == Kind::Person { 0 } else { label };
                    let Some((s, e)) = rules::clean_span(words, s, e, label) else { continue };
                    // A lone initial ("X." ending a sentence) names nobody
                    // by itself, and its period is the sentence's.
                    if e == s + 1 && is_initial(words[s]) {
                        continue;
                    }
                    if matches!(kind, Kind::Org | Kind::Place)
                        && gazetteer::looks_like_person(&words[s..e], &scratch.gaz[s..e])
                    {
                        kind = Kind::Person;
                    }
                    if kind == Kind::Org
                        && gazetteer::is_listed_place(&words[s..e], &scratch.gaz[s..e])
                    {
                        kind = Kind::Place;
                    }
                    if kind == Kind::Place
                        && rules::ends_in_org_word(&words[s..e])
                        && !gazetteer::is_listed_place(&words[s..e], &scratch.gaz[s..e])
                    {
                        kind = Kind::Org;
                    }
                    if kind == Kind::Group && rules::is_plural_acronym(&words[s..e]) {
                        continue;
                    }
                    if kind != Kind::Group
                        && (rules::is_event_name(&words[s..e])
                            || gazetteer::only_common_words(&words[s..e], &scratch.gaz[s..e]))
                    {
                        continue;
                    }
                    // Not into a mention of its own (date and misc spans are none).
                    let free = |k: usize| tags::label_of(path[k]).and_then(tags::kind_of).is_none();
                    let e = if kind == Kind::Person && e < words.len() && free(e) {
                        rules::with_name_suffix(words, e)
                    } else {
                        e
                    };
                    let s = if matches!(kind, Kind::Org | Kind::Place) {
                        rules::name_with_article(words, s)
                    } else {
                        s
                    };
                    out.push(Mention { start: toks[s].start, end: toks[e - 1].end, kind });
                }
            }
        }
        merge_group_into_org(text, &self.lexicon.gazetteer, &mut out);
        split_known_conjuncts(text, &mut out);
        coordinated_kinds(text, &mut out);
        org_context::orgs_by_context(text, &mut out);
        plural_names::plural_orgs(text, &self.lexicon.gazetteer, &mut out);
        consistent_kinds(text, &mut out);
        self.propagate(text, seg, &mut out);
        out
    }

    /// A name found once in an article is the same name where the tagger
    /// missed it: every other capitalised occurrence of a mention's token
    /// sequence (the first word exact, the rest in any case) that no
    /// mention covers becomes a mention of that kind.
    /// A single common word at the start of a sentence ("Reading ...") is
    /// left alone.
    fn propagate(&self, text: &str, seg: &segment::Segmentation, out: &mut Vec<Mention>) {
        use std::collections::HashMap;
        type Fast = foldhash::fast::RandomState;
        let toks = &seg.tokens;
        if out.is_empty() || toks.is_empty() {
            return;
        }
        let tok_text = |k: usize| text.get(toks[k].start..toks[k].end).unwrap_or("");
        let first_tok = |pos: usize| toks.partition_point(|t| t.start < pos);
        let mut covered = vec![false; toks.len()];
        // First token text -> (token count, kind), longest first.
        let mut names: HashMap<&str, Vec<(Vec<&str>, Kind)>, Fast> = HashMap::default();
        for m in out.iter() {
            let (a, mut b) = (first_tok(m.start), first_tok(m.start));
            while b < toks.len() && toks[b].end <= m.end {
                covered[b] = true;
                b += 1;
            }
            if m.kind == Kind::Group || a == b {
                continue;
            }
            let seq: Vec<&str> = (a..b).map(tok_text).collect();
            if !seq[0].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
                continue;
            }
            let list = names.entry(seq[0]).or_default();
            if !list.iter().any(|(s, _)| *s == seq) {
                list.push((seq, m.kind));
            }
        }
        for list in names.values_mut() {
            list.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        }
        let mut sent_start = vec![false; toks.len()];
        for s in &seg.sentences {
            if s.tokens.start < toks.len() {
                sent_start[s.tokens.start] = true;
            }
        }
        let mut added = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let hit = if covered[i] {
                None
            } else {
                names.get(tok_text(i)).and_then(|list| {
                    list.iter().find(|(seq, _)| {
                        let end = i + seq.len();
                        end <= toks.len()
                            && (i..end).all(|k| {
                                // After an exact first word, case may
                                // differ ("Al-Asad Air Base", "Al-Asad air
                                // base").
                                !covered[k]
                                    && (tok_text(k) == seq[k - i]
                                        || k > i && tok_text(k).eq_ignore_ascii_case(seq[k - i]))
                            })
                            && (end == i + 1 || toks[end - 1].end - toks[i].start < 200)
                            && !(seq.len() == 1
                                && sent_start[i]
                                && self.lexicon.gazetteer.is_common(seq[0]))
                    })
                })
            };
            match hit {
                Some((seq, kind)) => {
                    let end = i + seq.len();
                    added.push(Mention {
                        start: toks[i].start,
                        end: toks[end - 1].end,
                        kind: *kind,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        if !added.is_empty() {
            out.extend(added);
            out.sort_by_key(|m| (m.start, m.end));
        }
    }

    /// Tag one sentence of words; the tags live in `scratch`.
    pub fn tag_words<'s>(&self, words: &[&str], scratch: &'s mut Scratch) -> &'s [usize] {
        self.tag_words_in(words, None, scratch)
    }

    /// Tag sentence `doc.1` of a document, `words` being its words.
    pub fn tag_words_in<'s>(
        &self,
        words: &[&str],
        doc: Option<(&DocContext, usize)>,
        scratch: &'s mut Scratch,
    ) -> &'s [usize] {
        prepare(&self.lexicon, words, scratch);
        self.tag_prepared(words, doc, scratch)
    }

    /// [`Recognizer::tag_words_in`] after [`prepare`] (or
    /// [`prepare_cached`]) has filled `scratch` for `words`.
    fn tag_prepared<'s>(
        &self,
        words: &[&str],
        doc: Option<(&DocContext, usize)>,
        scratch: &'s mut Scratch,
    ) -> &'s [usize] {
        scratch.emit.clear();
        let scale = self.model.scale;
        for (i, word) in words.iter().enumerate() {
            scratch.feats.clear();
            features::extract(&scratch.infos, i, &mut scratch.feats);
            if let Some((doc, s)) = doc {
                doc.features(s, i, word, &mut scratch.feats);
            }
            let mut acc = [0i32; NUM_TAGS];
            self.model.emit(&scratch.feats, &mut acc);
            scratch.emit.push(acc.map(|v| v as f32 * scale));
        }
        decode::viterbi(&scratch.emit, &self.model.trans, &mut scratch.path);
        &scratch.path
    }
}

/// One capital letter and a period: "J.", "X.".
fn is_initial(word: &str) -> bool {
    let mut c = word.chars();
    matches!((c.next(), c.next(), c.next()), (Some(l), Some('.'), None) if l.is_uppercase())
}

/// An org or place span that is a title and a name ("General Manuel
/// Belgrano", "Hezbollah Commander Fouad Shukr") is a person, after the
/// part before the title if that is a name of its own.
fn split_title(
    words: &[&str],
    gaz: &[GazBits],
    (s, e): (usize, usize),
    kind: Kind,
) -> Vec<((usize, usize), Kind)> {
    match rules::title_before_name(words, gaz, s, e) {
        Some((t0, t1)) => {
            let mut v = Vec::with_capacity(2);
            if t0 > s && rules::is_name_before_title(&words[s..t0], &gaz[s..t0]) {
                v.push(((s, t0), kind));
            }
            v.push(((t1, e), Kind::Person));
            v
        }
        None => {
            let e = rules::cut_trailing_title(words, s, e);
            if e > s { vec![((s, e), kind)] } else { Vec::new() }
        }
    }
}

/// A nationality right before a descriptive org name is part of it
/// ("German Air Force", "Spanish Foreign Ministry"): GMB tags the adjective
/// as a group of its own, the usual scheme takes the whole name as the org.
/// Descriptive: two or more words, the first a common word or the last an
/// org word; a proper name keeps the adjective out ("Lebanese Hezbollah").
fn merge_group_into_org(text: &str, gaz: &Gazetteer, out: &mut Vec<Mention>) {
    let descriptive = |m: &Mention| {
        let t = &text[m.start..m.end];
        t.split_once(' ').is_some_and(|(first, _)| gaz.is_common(first))
            || t.rsplit_once(' ').is_some_and(|(_, last)| rules::is_org_word(last))
    };
    // One pass into a new list: removing in place made long articles
    // quadratic.
    let mut res: Vec<Mention> = Vec::with_capacity(out.len());
    for &b in out.iter() {
        match res.last_mut() {
            Some(a)
                if a.kind == Kind::Group
                    && b.kind == Kind::Org
                    && text.get(a.end..b.start) == Some(" ")
                    && descriptive(&b) =>
            {
                a.end = b.end;
                a.kind = Kind::Org;
            }
            _ => res.push(b),
        }
    }
    *out = res;
}

/// A span "A and B" (or "A & B") where A or B is a mention of its own
/// elsewhere in the article is two names ("Hamas and Fatah" after "Hamas"
/// alone). Each side keeps the kind it has alone, else the span's kind.
fn split_known_conjuncts(text: &str, out: &mut Vec<Mention>) {
    use std::collections::HashMap;
    type Fast = foldhash::fast::RandomState;
    let alone: HashMap<&str, Kind, Fast> =
        out.iter().map(|m| (&text[m.start..m.end], m.kind)).collect();
    let mut res = Vec::with_capacity(out.len());
    for m in out.iter() {
        let t = &text[m.start..m.end];
        let split = [" and ", " & "].iter().find_map(|sep| {
            let (a, b) = t.split_once(sep)?;
            (alone.contains_key(a) || alone.contains_key(b)).then_some((a, b, sep.len()))
        });
        match split {
            Some((a, b, n)) if m.kind != Kind::Group => {
                let ka = alone.get(a).copied().unwrap_or(m.kind);
                let kb = alone.get(b).copied().unwrap_or(m.kind);
                res.push(Mention { start: m.start, end: m.start + a.len(), kind: ka });
                res.push(Mention { start: m.start + a.len() + n, end: m.end, kind: kb });
            }
            _ => res.push(*m),
        }
    }
    *out = res;
}

/// Names in one list share a kind: in "France, Ireland, Scotland and
/// Wales" or "Ann Lee, Bo Ray and Cy Oda", a member tagged apart from the
/// rest takes the kind most members got. Lists of three or more person,
/// org or place names, joined by commas, "and", "or" or "&".
fn coordinated_kinds(text: &str, mentions: &mut [Mention]) {
    let joined = |a: &Mention, b: &Mention| {
        a.end <= b.start
            && matches!(
                text[a.end..b.start].trim(),
                "," | "and" | "or" | "&" | ", and" | ", or" | ", &"
            )
    };
    let named = |k: Kind| matches!(k, Kind::Person | Kind::Org | Kind::Place);
    let mut i = 0;
    while i < mentions.len() {
        let mut j = i + 1;
        while j < mentions.len()
            && named(mentions[j - 1].kind)
            && named(mentions[j].kind)
            && joined(&mentions[j - 1], &mentions[j])
        {
            j += 1;
        }
        if j - i >= 3 {
            let mut votes = [0usize; 3];
            for m in &mentions[i..j] {
                votes[match m.kind {
                    Kind::Person => 0,
                    Kind::Org => 1,
                    _ => 2,
                }] += 1;
            }
            let best = (0..3).max_by_key(|&k| votes[k]).unwrap_or(0);
            if votes[best] * 2 > j - i {
                let kind = [Kind::Person, Kind::Org, Kind::Place][best];
                for m in &mut mentions[i..j] {
                    m.kind = kind;
                }
            }
        }
        i = j;
    }
}

/// One name, one kind per article: a mention text takes the kind most of
/// its mentions got (ties: the first), and a one-word mention that is the
/// last word of a multi-word person ("Varga" after "Ada Varga") is a person
/// (a group too: no people is named like a person's surname),
/// and one that ends a multi-word organisation is that organisation, not a
/// group ("Angels" after "the Los Angeles Angels"). The tagger decides each sentence alone; the article as a whole is better
/// evidence.
fn consistent_kinds(text: &str, mentions: &mut [Mention]) {
    use std::collections::HashMap;
    type Fast = foldhash::fast::RandomState;
    let mut votes: HashMap<&str, [u32; 4], Fast> = HashMap::default();
    let slot = |k: Kind| match k {
        Kind::Person => 0,
        Kind::Org => 1,
        Kind::Place => 2,
        _ => 3,
    };
    let mut surnames: HashMap<&str, (), Fast> = HashMap::default();
    let mut org_heads: HashMap<&str, (), Fast> = HashMap::default();
    for m in mentions.iter() {
        let t = &text[m.start..m.end];
        votes.entry(t).or_default()[slot(m.kind)] += 1;
        if let Some((_, last)) = t.rsplit_once(' ') {
            match m.kind {
                Kind::Person => {
                    surnames.insert(last, ());
                }
                Kind::Org => {
                    org_heads.insert(last, ());
                }
                _ => {}
            }
        }
    }
    let kinds = [Kind::Person, Kind::Org, Kind::Place, Kind::Group];
    for m in mentions.iter_mut() {
        let t = &text[m.start..m.end];
        if m.kind == Kind::Group {
            if !t.contains(' ') && org_heads.contains_key(t) {
                m.kind = Kind::Org;
            } else if !t.contains(' ') && surnames.contains_key(t) {
                // "Cheeks" after "Maurice Cheeks": no people's name.
                m.kind = Kind::Person;
            }
            continue;
        }
        if !t.contains(' ') && surnames.contains_key(t) {
            m.kind = Kind::Person;
            continue;
        }
        if let Some(v) = votes.get(t) {
            let own = v[slot(m.kind)];
            if let Some(best) = (0..3).max_by_key(|&k| (v[k], std::cmp::Reverse(k)))
                && v[best] > own
            {
                m.kind = kinds[best];
            }
        }
    }
}

/// Token facts for one sentence (gazetteer bits and clusters included)
/// into `scratch`.
pub fn prepare(lex: &Lexicon, words: &[&str], scratch: &mut Scratch) {
    lex.gazetteer.annotate(words, &mut scratch.join, &mut scratch.gaz);
    scratch.infos.clear();
    for (w, g) in words.iter().zip(&scratch.gaz) {
        scratch.infos.push(TokenInfo::new(w, *g, lex.clusters.path(w)));
    }
    features::mark_runs(words, &mut scratch.infos);
}

/// Features of every token of a sentence, for training: one list per
/// token. `doc`: the sentence's document and its index there.
pub fn sentence_features(
    lex: &Lexicon,
    words: &[&str],
    doc: Option<(&DocContext, usize)>,
    scratch: &mut Scratch,
) -> Vec<Vec<u32>> {
    prepare(lex, words, scratch);
    (0..words.len())
        .map(|i| {
            let mut v = Vec::with_capacity(48);
            features::extract(&scratch.infos, i, &mut v);
            if let Some((doc, s)) = doc {
                doc.features(s, i, words[i], &mut v);
            }
            v
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, s: &str, nth: usize, kind: Kind) -> Mention {
        let start = text.match_indices(s).nth(nth).expect("in the text").0;
        Mention { start, end: start + s.len(), kind }
    }

    #[test]
    fn a_group_that_ends_an_organisation_is_that_organisation() {
        let t = "The Portland Herons lost. The Herons said Kenyans and Herons fans agreed.";
        let mut ms = vec![
            at(t, "Portland Herons", 0, Kind::Org),
            at(t, "Herons", 1, Kind::Group),
            at(t, "Kenyans", 0, Kind::Group),
        ];
        consistent_kinds(t, &mut ms);
        assert_eq!(ms[1].kind, Kind::Org);
        assert_eq!(ms[2].kind, Kind::Group, "no organisation ends with it");
    }

    #[test]
    fn a_group_that_ends_a_persons_name_is_that_person() {
        let t = "Coach Ida Brandvold left. Brandvold said Kenyans agreed.";
        let mut ms = vec![
            at(t, "Ida Brandvold", 0, Kind::Person),
            at(t, "Brandvold", 1, Kind::Group),
            at(t, "Kenyans", 0, Kind::Group),
        ];
        consistent_kinds(t, &mut ms);
        assert_eq!(ms[1].kind, Kind::Person);
        assert_eq!(ms[2].kind, Kind::Group);
    }
}
