//! Facts: inside one story, the sentences of different articles that state
//! the same thing, one report per article ([`super::align`] lines them
//! up), and the counts a report gives.

/// One sentence of an article, as facts see it.
#[derive(Debug, Clone)]
pub struct SentenceTerms {
    pub start: usize,
    pub end: usize,
    /// The words facts are matched by: content words less reporting verbs
    /// and the words of datelines, by lemma.
    pub words: Vec<Word>,
    /// The number values in the sentence.
    pub numbers: Vec<Count>,
    /// Where the sentence breaks into clauses (commas, semicolons, dashes,
    /// brackets): a count across one is about something else.
    pub breaks: Vec<usize>,
    /// Names (person, org, place, group) in the sentence.
    pub names: usize,
}

/// A word facts are matched by.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// Vocabulary id of its lemma (WordNet's, else the term's stem).
    pub key: u32,
    /// Its WordNet senses ([`super::senses`]).
    pub senses: &'static [u32],
    pub start: usize,
    pub end: usize,
    /// Written with a capital other than at the start of its sentence.
    pub capital: bool,
    /// Names a happening ([`super::senses::happening`]).
    pub happening: bool,
    /// Written with digits ("160", "6.1"), and not a year.
    pub numeric: bool,
    /// Inside a date ("Nov. 30").
    pub dated: bool,
}

/// A number in a sentence and how precisely it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub start: usize,
    pub end: usize,
    /// 3 exact ("seven"), 2 bounded or approximate ("as many as seven",
    /// "about 300"), 1 vague ("several").
    pub precision: u8,
    /// What it counts ([`super::counts::what`]) as a vocabulary id:
    /// counts compare only with counts of the same thing.
    pub what: Option<u32>,
    /// It counts people (of any name: "people", "troops", "villagers").
    pub people: bool,
}

/// A fact before values and status: which sentence each article reports
/// it in, and the word it is anchored on.
#[derive(Debug, Clone, PartialEq)]
pub struct RawFact {
    /// The words most of its reports share, heaviest first.
    pub keys: Vec<u32>,
    /// Those of `keys` that are names in the story.
    pub names: Vec<u32>,
    /// (article position in the story, sentence index, anchor span).
    pub reports: Vec<RawReport>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawReport {
    pub article: usize,
    pub sentence: usize,
    /// The anchor word's span in the body, or the sentence's own span.
    pub anchor: (usize, usize),
}

/// Counts further than this (in bytes) from the key word are about
/// something else.
const COUNT_WITHIN: usize = 60;

/// The count a key word is about: the nearest number in the same clause,
/// within a few words.
pub fn count_for(s: &SentenceTerms, anchor: (usize, usize)) -> Option<Count> {
    s.numbers
        .iter()
        .filter(|c| {
            let (lo, hi) = if c.end <= anchor.0 { (c.end, anchor.0) } else { (anchor.1, c.start) };
            !s.breaks.iter().any(|&b| b >= lo && b < hi)
        })
        .map(|c| (distance((c.start, c.end), anchor), c))
        .filter(|&(d, _)| d <= COUNT_WITHIN)
        .min_by_key(|&(d, c)| (d, c.start))
        .map(|(_, c)| *c)
}

/// The count the fact's key words are about in `s`: over every occurrence
/// of a key in `keys`, the nearest count in the same clause.
pub fn count_for_keys(s: &SentenceTerms, keys: &[u32]) -> Option<Count> {
    s.words
        .iter()
        .filter(|w| keys.contains(&w.key))
        .filter_map(|w| {
            let c = count_for(s, (w.start, w.end))?;
            Some((distance((c.start, c.end), (w.start, w.end)), c))
        })
        .min_by_key(|&(d, c)| (d, c.start))
        .map(|(_, c)| c)
}

pub fn distance(a: (usize, usize), b: (usize, usize)) -> usize {
    if a.1 <= b.0 { b.0 - a.1 } else { a.0.saturating_sub(b.1) }
}

/// A span's end or start as stored by [`Packed`]: bodies are far below
/// 4 GiB (the loader caps an article at
/// [`crate::corpus::MAX_ARTICLE_BYTES`]), so a `u32` holds it; a
/// larger offset from elsewhere is clipped rather than wrapped.
fn offset(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// "No vocabulary id" in a packed count.
const NO_WHAT: u32 = u32::MAX;

/// One article's [`SentenceTerms`], packed for keeping the whole corpus'
/// at once until its stories are lined up: one list of words, counts and
/// breaks for the article, with spans as `u32` and senses as an id into a
/// [`Senses`] table. Unpacked ([`Packed::unpack`]) one story at a time.
/// (Unpacked, every word takes 40 bytes and every sentence three lists of
/// its own: at 10,000 articles some 70 MB held at once; packed, 16 bytes a
/// word and a count, 4 a break, 24 a sentence.)
#[derive(Debug, Clone, Default)]
pub struct Packed {
    sentences: Vec<PackedSentence>,
    words: Vec<PackedWord>,
    numbers: Vec<PackedCount>,
    breaks: Vec<u32>,
}

#[derive(Debug, Clone, Copy)]
struct PackedSentence {
    start: u32,
    end: u32,
    /// Where its words, counts and breaks end in the article's lists.
    words: u32,
    numbers: u32,
    breaks: u32,
    names: u32,
}

#[derive(Debug, Clone, Copy)]
struct PackedWord {
    key: u32,
    start: u32,
    end: u32,
    /// Senses id, shifted left four times, with `capital` in bit 0,
    /// `happening` in bit 1, `numeric` in bit 2 and `dated` in bit 3.
    senses: u32,
}

#[derive(Debug, Clone, Copy)]
struct PackedCount {
    start: u32,
    end: u32,
    what: u32,
    precision: u8,
    people: bool,
}

/// The distinct sense lists that packed words refer to, by id. Words share
/// a few thousand lists (one per WordNet lemma met), so an id of 4 bytes
/// stands for a 16-byte slice reference.
#[derive(Debug, Default)]
pub struct Senses {
    all: Vec<&'static [u32]>,
    /// By the slice's address and length: the same static slice is the
    /// same list (two equal lists at different addresses merely take two
    /// ids).
    ids: std::collections::HashMap<(usize, usize), u32>,
}

impl Senses {
    fn id(&mut self, s: &'static [u32]) -> u32 {
        let key = (s.as_ptr() as usize, s.len());
        *self.ids.entry(key).or_insert_with(|| {
            self.all.push(s);
            (self.all.len() - 1) as u32
        })
    }

    pub fn len(&self) -> usize {
        self.all.len()
    }

    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }

    /// The list of `id`, for merging one table into another.
    pub fn list(&self, id: u32) -> &'static [u32] {
        self.all[id as usize]
    }

    /// The id in this table of `other`'s lists, in `other`'s id order.
    pub fn merge(&mut self, other: &Senses) -> Vec<u32> {
        other.all.iter().map(|&s| self.id(s)).collect()
    }
}

impl Packed {
    /// Appends `s` (its spans and ids as they are).
    pub fn push(&mut self, s: &SentenceTerms, senses: &mut Senses) {
        for w in &s.words {
            let flags = u32::from(w.capital)
                | (u32::from(w.happening) << 1)
                | (u32::from(w.numeric) << 2)
                | (u32::from(w.dated) << 3);
            self.words.push(PackedWord {
                key: w.key,
                start: offset(w.start),
                end: offset(w.end),
                senses: (senses.id(w.senses) << 4) | flags,
            });
        }
        self.numbers.extend(s.numbers.iter().map(|c| PackedCount {
            start: offset(c.start),
            end: offset(c.end),
            what: c.what.unwrap_or(NO_WHAT),
            precision: c.precision,
            people: c.people,
        }));
        self.breaks.extend(s.breaks.iter().map(|&b| offset(b)));
        self.sentences.push(PackedSentence {
            start: offset(s.start),
            end: offset(s.end),
            words: self.words.len() as u32,
            numbers: self.numbers.len() as u32,
            breaks: self.breaks.len() as u32,
            names: offset(s.names),
        });
    }

    /// No spare capacity left, once every sentence is in.
    pub fn shrink(&mut self) {
        self.sentences.shrink_to_fit();
        self.words.shrink_to_fit();
        self.numbers.shrink_to_fit();
        self.breaks.shrink_to_fit();
    }

    /// Vocabulary ids through `ids`, sense ids through `senses` (from
    /// [`Senses::merge`]).
    pub fn renumber(&mut self, ids: &[u32], senses: &[u32]) {
        for w in &mut self.words {
            w.key = ids[w.key as usize];
            w.senses = (senses[(w.senses >> 4) as usize] << 4) | (w.senses & 15);
        }
        for c in &mut self.numbers {
            if c.what != NO_WHAT {
                c.what = ids[c.what as usize];
            }
        }
    }

    /// The sentences as they were pushed.
    pub fn unpack(&self, senses: &Senses) -> Vec<SentenceTerms> {
        let (mut w, mut n, mut b) = (0, 0, 0);
        self.sentences
            .iter()
            .map(|s| {
                let words = self.words[w..s.words as usize]
                    .iter()
                    .map(|p| Word {
                        key: p.key,
                        senses: senses.list(p.senses >> 4),
                        start: p.start as usize,
                        end: p.end as usize,
                        capital: p.senses & 1 != 0,
                        happening: p.senses & 2 != 0,
                        numeric: p.senses & 4 != 0,
                        dated: p.senses & 8 != 0,
                    })
                    .collect();
                let numbers = self.numbers[n..s.numbers as usize]
                    .iter()
                    .map(|c| Count {
                        start: c.start as usize,
                        end: c.end as usize,
                        precision: c.precision,
                        what: (c.what != NO_WHAT).then_some(c.what),
                        people: c.people,
                    })
                    .collect();
                let breaks =
                    self.breaks[b..s.breaks as usize].iter().map(|&x| x as usize).collect();
                (w, n, b) = (s.words as usize, s.numbers as usize, s.breaks as usize);
                SentenceTerms {
                    start: s.start as usize,
                    end: s.end as usize,
                    words,
                    numbers,
                    breaks,
                    names: s.names as usize,
                }
            })
            .collect()
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
        let mut packed = Packed::default();
        packed.push(&a, &mut senses);
        packed.push(&b, &mut senses);
        packed.shrink();
        assert_eq!(senses.len(), 2);
        let back = packed.unpack(&senses);
        assert_eq!(format!("{back:?}"), format!("{:?}", [a.clone(), b.clone()]));

        // Into a table that already holds another list, ids mapped 3→0, 5→1.
        let mut global = Senses::default();
        global.id(&NONE);
        let map = global.merge(&senses);
        packed.renumber(&[9, 9, 9, 0, 9, 1], &map);
        let back = packed.unpack(&global);
        assert_eq!(back[0].words[0].key, 0);
        assert_eq!(back[0].words[1].key, 1);
        assert_eq!(back[0].numbers[0].what, Some(1));
        assert_eq!(back[1].numbers[0].what, None);
        assert!(std::ptr::eq(back[1].words[0].senses, &KILL[..]));
        assert!(back[1].words[0].capital && back[1].words[0].happening);
    }
}
