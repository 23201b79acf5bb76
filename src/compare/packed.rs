//! An article's lead sentences as facts see them ([`SentenceTerms`]),
//! packed for holding the whole corpus' at once until its stories are
//! lined up, and unpacked one story at a time.
//!
//! Preparing an article stages its sentences in fixed-size fields with its
//! chunk's own ids ([`Staged`]); once the ids are the corpus', they are
//! packed ([`Packed`]): every field a variable-length integer in one byte
//! list per article, spans as differences from the one before. A word
//! takes some 6 bytes instead of the 16 of fixed `u32` fields (40
//! unpacked): at 10,000 articles the fixed form held about 22 MB while
//! stories were clustered, most of the comparison's peak.

use super::facts::{Count, SentenceTerms, Word};

/// The distinct sense lists that packed words refer to, by id. Words share
/// a few thousand lists (one per WordNet lemma met), so a small id stands
/// for a 16-byte slice reference.
#[derive(Debug, Default)]
pub struct Senses {
    all: Vec<&'static [u32]>,
    /// By the slice's address and length: the same static slice is the
    /// same list (two equal lists at different addresses merely take two
    /// ids). Foldhash: it is looked up once per fact word of the corpus,
    /// and std's SipHash made that most of staging the sentences.
    ids: std::collections::HashMap<(usize, usize), u32, foldhash::fast::RandomState>,
}

impl Senses {
    fn id(&mut self, s: &'static [u32]) -> u32 {
        let key = (s.as_ptr() as usize, s.len());
        *self.ids.entry(key).or_insert_with(|| {
            self.all.push(s);
            (self.all.len() - 1) as u32
        })
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.all.len()
    }

    /// The list of `id`.
    pub fn list(&self, id: u32) -> &'static [u32] {
        self.all[id as usize]
    }

    /// The id in this table of `other`'s lists, in `other`'s id order.
    pub fn merge(&mut self, other: &Senses) -> Vec<u32> {
        other.all.iter().map(|&s| self.id(s)).collect()
    }
}

/// A span's end or start as stored: bodies are far below 4 GiB (the
/// loader caps an article at [`crate::corpus::MAX_ARTICLE_BYTES`]), so a
/// `u32` holds it; a larger offset from elsewhere is clipped rather than
/// wrapped.
fn offset(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// A word's flags, in the low bits of its senses id.
const CAPITAL: u32 = 1;
const HAPPENING: u32 = 2;
const NUMERIC: u32 = 4;
const DATED: u32 = 8;
const FLAG_BITS: u32 = 4;
const FLAGS: u32 = (1 << FLAG_BITS) - 1;

/// A word as stored.
#[derive(Debug, Clone, Copy)]
struct RawWord {
    key: u32,
    start: u32,
    end: u32,
    /// Senses id shifted left by [`FLAG_BITS`], the flags below.
    senses: u32,
}

/// A count as stored: `what` is the vocabulary id plus one, 0 for none.
#[derive(Debug, Clone, Copy)]
struct RawCount {
    start: u32,
    end: u32,
    what: u32,
    precision: u8,
    people: bool,
}

/// A sentence as staged: its span, its names, and where its words, counts
/// and breaks end in the article's lists.
#[derive(Debug, Clone, Copy)]
struct Layout {
    start: u32,
    end: u32,
    names: u32,
    words: u32,
    numbers: u32,
    breaks: u32,
}

/// One article's sentences as prepared, ids its chunk's own: packed
/// ([`Staged::pack`]) once the chunk's ids are mapped to the corpus'.
#[derive(Debug, Default)]
pub struct Staged {
    sentences: Vec<Layout>,
    words: Vec<RawWord>,
    numbers: Vec<RawCount>,
    breaks: Vec<u32>,
}

impl Staged {
    /// Appends `s` (its spans and ids as they are).
    pub fn push(&mut self, s: &SentenceTerms, senses: &mut Senses) {
        for w in &s.words {
            let flags = [
                (w.capital, CAPITAL),
                (w.happening, HAPPENING),
                (w.numeric, NUMERIC),
                (w.dated, DATED),
            ]
            .iter()
            .filter(|(on, _)| *on)
            .fold(0, |f, (_, bit)| f | bit);
            self.words.push(RawWord {
                key: w.key,
                start: offset(w.start),
                end: offset(w.end),
                senses: (senses.id(w.senses) << FLAG_BITS) | flags,
            });
        }
        self.numbers.extend(s.numbers.iter().map(|c| RawCount {
            start: offset(c.start),
            end: offset(c.end),
            what: c.what.map_or(0, |w| w.wrapping_add(1)),
            precision: c.precision,
            people: c.people,
        }));
        self.breaks.extend(s.breaks.iter().map(|&b| offset(b)));
        self.sentences.push(Layout {
            start: offset(s.start),
            end: offset(s.end),
            names: offset(s.names),
            words: self.words.len() as u32,
            numbers: self.numbers.len() as u32,
            breaks: self.breaks.len() as u32,
        });
    }

    /// Packed, vocabulary ids through `ids` and sense ids through `senses`
    /// (from [`Senses::merge`]). Each sentence's start is told from the
    /// last one's end; words, counts and breaks each from the one before,
    /// the first from the sentence's start.
    pub fn pack(&self, ids: &[u32], senses: &[u32]) -> Packed {
        let mut out = Vec::with_capacity(self.words.len() * 8 + self.sentences.len() * 8);
        let (mut prev, mut w, mut n, mut b) = (0, 0, 0, 0);
        for l in &self.sentences {
            let words = &self.words[w..l.words as usize];
            let numbers = &self.numbers[n..l.numbers as usize];
            let breaks = &self.breaks[b..l.breaks as usize];
            (w, n, b) = (l.words as usize, l.numbers as usize, l.breaks as usize);
            put(&mut out, delta(prev, l.start));
            put(&mut out, delta(l.start, l.end));
            for x in [l.names as usize, words.len(), numbers.len(), breaks.len()] {
                put(&mut out, x as u64);
            }
            let mut at = l.start;
            for w in words {
                put(&mut out, u64::from(ids[w.key as usize]));
                put(&mut out, delta(at, w.start));
                put(&mut out, delta(w.start, w.end));
                let sense = senses[(w.senses >> FLAG_BITS) as usize];
                put(&mut out, u64::from((sense << FLAG_BITS) | (w.senses & FLAGS)));
                at = w.start;
            }
            let mut at = l.start;
            for c in numbers {
                put(&mut out, delta(at, c.start));
                put(&mut out, delta(c.start, c.end));
                let what = if c.what == 0 { 0 } else { ids[c.what as usize - 1] + 1 };
                put(&mut out, u64::from(what));
                put(&mut out, (u64::from(c.precision) << 1) | u64::from(c.people));
                at = c.start;
            }
            let mut at = l.start;
            for &x in breaks {
                put(&mut out, delta(at, x));
                at = x;
            }
            prev = l.end;
        }
        out.shrink_to_fit();
        Packed { bytes: out }
    }
}

/// One article's [`SentenceTerms`], packed ([`Staged::pack`]) and unpacked
/// ([`Packed::unpack`]) as they were, senses as an id into a [`Senses`]
/// table.
#[derive(Debug, Clone, Default)]
pub struct Packed {
    bytes: Vec<u8>,
}

impl Packed {
    /// The sentences as they were staged.
    pub fn unpack(&self, senses: &Senses) -> Vec<SentenceTerms> {
        let mut r = Reader { bytes: &self.bytes, at: 0 };
        let mut out = Vec::new();
        let mut prev = 0;
        while !r.done() {
            let start = undelta(prev, r.next());
            let end = undelta(start, r.next());
            let names = r.next() as usize;
            let (nw, nn, nb) = (r.next() as usize, r.next() as usize, r.next() as usize);
            let mut at = start;
            let words = (0..nw)
                .map(|_| {
                    let key = r.u32();
                    let ws = undelta(at, r.next());
                    let we = undelta(ws, r.next());
                    let s = r.u32();
                    at = ws;
                    Word {
                        key,
                        senses: senses.list(s >> FLAG_BITS),
                        start: ws as usize,
                        end: we as usize,
                        capital: s & CAPITAL != 0,
                        happening: s & HAPPENING != 0,
                        numeric: s & NUMERIC != 0,
                        dated: s & DATED != 0,
                    }
                })
                .collect();
            let mut at = start;
            let numbers = (0..nn)
                .map(|_| {
                    let cs = undelta(at, r.next());
                    let ce = undelta(cs, r.next());
                    let what = r.u32();
                    let x = r.next();
                    at = cs;
                    Count {
                        start: cs as usize,
                        end: ce as usize,
                        precision: (x >> 1) as u8,
                        what: what.checked_sub(1),
                        people: x & 1 != 0,
                    }
                })
                .collect();
            let mut at = start;
            let breaks = (0..nb)
                .map(|_| {
                    at = undelta(at, r.next());
                    at as usize
                })
                .collect();
            out.push(SentenceTerms {
                start: start as usize,
                end: end as usize,
                words,
                numbers,
                breaks,
                names,
            });
            prev = end;
        }
        out
    }
}

/// Appends `x` in LEB128: seven bits a byte, low first.
fn put(out: &mut Vec<u8>, mut x: u64) {
    while x >= 0x80 {
        out.push((x as u8) | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

/// `to - from` as an unsigned number, small for small differences either
/// way (zigzag): spans are mostly in text order, but nothing relies on it.
fn delta(from: u32, to: u32) -> u64 {
    let d = i64::from(to) - i64::from(from);
    ((d << 1) ^ (d >> 63)) as u64
}

fn undelta(from: u32, d: u64) -> u32 {
    let d = ((d >> 1) as i64) ^ -((d & 1) as i64);
    (i64::from(from) + d) as u32
}

/// Reads back what [`put`] wrote.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn next(&mut self) -> u64 {
        let (mut x, mut shift) = (0u64, 0);
        loop {
            let b = self.bytes[self.at];
            self.at += 1;
            x |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return x;
            }
            shift += 7;
        }
    }

    fn u32(&mut self) -> u32 {
        self.next() as u32
    }

    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static KILL: [u32; 2] = [7, 9];
    static NONE: [u32; 0] = [];

    fn word(key: u32, senses: &'static [u32], at: usize, capital: bool, happening: bool) -> Word {
        Word {
            key,
            senses,
            start: at,
            end: at + 4,
            capital,
            happening,
            numeric: false,
            dated: false,
        }
    }

    #[test]
    fn packed_sentences_unpack_as_they_were_and_renumber_their_ids() {
        let a = SentenceTerms {
            start: 0,
            end: 40,
            words: vec![word(3, &KILL, 2, false, true), word(5, &NONE, 10, true, false)],
            numbers: vec![Count { start: 20, end: 25, precision: 3, what: Some(5), people: true }],
            breaks: vec![18, 30],
            names: 1,
        };
        let b = SentenceTerms {
            start: 41,
            end: 90,
            words: vec![word(5, &KILL, 50, true, true)],
            numbers: vec![Count { start: 60, end: 62, precision: 1, what: None, people: false }],
            breaks: Vec::new(),
            names: 0,
        };
        let mut senses = Senses::default();
        let mut staged = Staged::default();
        staged.push(&a, &mut senses);
        staged.push(&b, &mut senses);
        assert_eq!(senses.len(), 2);
        let same: Vec<u32> = (0..6).collect();
        let back = staged.pack(&same, &[0, 1]).unpack(&senses);
        assert_eq!(format!("{back:?}"), format!("{:?}", [a.clone(), b.clone()]));

        // Into a table that already holds another list, ids mapped 3→0, 5→1.
        let mut global = Senses::default();
        global.id(&NONE);
        let map = global.merge(&senses);
        let back = staged.pack(&[9, 9, 9, 0, 9, 1], &map).unpack(&global);
        assert_eq!(back[0].words[0].key, 0);
        assert_eq!(back[0].words[1].key, 1);
        assert_eq!(back[0].numbers[0].what, Some(1));
        assert_eq!(back[1].numbers[0].what, None);
        assert!(std::ptr::eq(back[1].words[0].senses, &KILL[..]));
        assert!(back[1].words[0].capital && back[1].words[0].happening);
    }

    #[test]
    fn spans_out_of_order_and_far_apart_come_back_as_they_were() {
        let far = u32::MAX as usize;
        let a = SentenceTerms {
            start: 1000,
            end: 70_000,
            words: vec![
                word(700_000, &KILL, 69_000, true, false),
                word(1, &NONE, 1002, false, false),
            ],
            numbers: vec![Count {
                start: far,
                end: far,
                precision: 2,
                what: Some(0),
                people: false,
            }],
            breaks: vec![60_000, 1001],
            names: 300,
        };
        let b = SentenceTerms { start: 10, end: 20, ..a.clone() };
        let mut senses = Senses::default();
        let mut staged = Staged::default();
        staged.push(&a, &mut senses);
        staged.push(&b, &mut senses);
        let same: Vec<u32> = (0..700_001).collect();
        let back = staged.pack(&same, &[0, 1]).unpack(&senses);
        assert_eq!(format!("{back:?}"), format!("{:?}", [a, b]));
        assert!(Staged::default().pack(&[], &[]).unpack(&senses).is_empty());
    }
}
