//! A run's work on its PATH arguments, stage by stage: list the files,
//! load the articles, analyse them, resolve entities, compare stories.
//! Each stage takes what the cache has (see [`crate::cache`]) and does the
//! rest on all cores, reporting progress as it goes; the cache is updated
//! with what was done.
//!
//! The command line runs the stages one after another; the reader runs
//! them on a worker thread and shows each result as it arrives.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::analysis::{self, Analysis};
use crate::cache::pack::Kind;
use crate::cache::records::{
    Depth, Stored, analysis_bytes, decode_analyses, decode_articles, encode_analyses,
    encode_articles,
};
use crate::cache::{self, Cache, CacheError, FileKey, Setting};
use crate::compare::{self, Comparison};
use crate::corpus::{self, Article, Corpus, FetchLimits, Loaded, Warning};
use crate::index::{self, Index};

/// Files read, or articles analysed, between two progress reports.
const CHUNK: usize = 128;

/// What a run will ask for, so the cache can tell how much to decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// The articles (`list`).
    Articles,
    /// Articles, their mentions and the entities (`entities`).
    Entities,
    /// Articles and the comparison (`compare`).
    Comparison,
    /// Everything (the reader).
    Everything,
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub cache: Setting,
    pub limits: FetchLimits,
}

/// Loading as it goes.
#[derive(Debug)]
pub enum Loading<'a> {
    /// Articles just read or taken from the cache, before ids are given
    /// and repeats removed: for showing, not for keeping.
    Read { articles: Vec<&'a Article>, files_done: usize },
}

/// The articles of the sources `which`, for [`Loading::Read`].
fn shown<'a>(results: &'a [Option<Vec<Loaded>>], which: &[usize]) -> Vec<&'a Article> {
    which
        .iter()
        .filter_map(|&i| results.get(i)?.as_ref())
        .flat_map(|arts| arts.iter().map(|a| &a.article))
        .collect()
}

/// An analysis as the later stages need it: no tokens (only the tagger
/// reads them), and no spare capacity.
fn compact(an: Analysis) -> Analysis {
    let Analysis { segmentation, mut mentions, mut values } = an;
    mentions.shrink_to_fit();
    values.shrink_to_fit();
    Analysis { segmentation: segmentation.without_tokens(), mentions, values }
}

/// What came from the cache and what was done afresh, so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheUse {
    pub files_cached: usize,
    pub files_read: usize,
    pub analyses_cached: usize,
    pub analyses_computed: usize,
    pub index_cached: bool,
    pub comparison_cached: bool,
}

/// Where each file's articles are, and whether its cache record is current.
#[derive(Debug, Clone)]
struct Slot {
    /// Its articles' positions in the loaded list.
    range: Range<usize>,
    state: SlotState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SlotState {
    /// From the cache.
    Hit,
    /// Read now, without problems: to be cached.
    Fresh,
    /// Read now with problems (read again next time, so its warning is
    /// given again), a URL, or a file whose key is unknown.
    Uncacheable,
}

/// One run's work. Build with [`Pipeline::start`], then call the stages in
/// order: [`load`](Pipeline::load), then any of
/// [`analyses`](Pipeline::analyses), [`index`](Pipeline::index),
/// [`comparison`](Pipeline::comparison).
#[derive(Debug)]
pub struct Pipeline {
    files: Vec<PathBuf>,
    urls: Vec<PathBuf>,
    listing: Vec<Warning>,
    limits: FetchLimits,
    keys: Vec<Option<FileKey>>,
    cache: Option<Cache>,
    /// Problems met before there was a cache to note them on.
    problems: Vec<CacheError>,
    /// Of the whole file set; `None` when it cannot be cached as a whole.
    fingerprint: Option<u64>,
    depth: Depth,
    /// How deep `analyses.bin` was read, once it was.
    read_depth: Option<Depth>,
    /// `analyses.bin` holds records of files gone or changed.
    stale: bool,
    slots: Vec<Slot>,
    /// Per loaded article: its index in the corpus, if it was kept.
    in_corpus: Vec<Option<usize>>,
    /// Per loaded article: its record in `analyses.bin` held its analysis.
    had: Vec<bool>,
    /// Per corpus article: its analysis from the cache, until taken.
    cached: Vec<Option<Analysis>>,
    /// Every analysis [`Pipeline::analyses`] gave was complete (not only
    /// mentions).
    full: bool,
    need: Need,
    /// Per corpus article, its analysis computed in this run, encoded for
    /// the cache, where only its mentions are kept in memory (`entities`).
    encoded: Vec<Option<Vec<u8>>>,
    /// Per corpus article, its analysis was computed (so is complete) in
    /// the last call of [`Pipeline::analyses`].
    computed: Vec<bool>,
    used: CacheUse,
}

impl Pipeline {
    /// List what `paths` name and open the cache. Nothing is read yet.
    pub fn start(paths: &[PathBuf], options: &Options, need: Need) -> Pipeline {
        let corpus::Sources { files, canonical, urls, warnings } = corpus::sources(paths);
        let keys: Vec<Option<FileKey>> = if options.cache == Setting::Off {
            vec![None; files.len()]
        } else {
            canonical.into_par_iter().map(|c| FileKey::at(c?)).collect()
        };
        let (cache, problem) = Cache::open(&options.cache, paths);
        let mut p = Pipeline {
            files,
            urls,
            listing: warnings,
            limits: options.limits,
            keys,
            cache,
            problems: problem.into_iter().collect(),
            fingerprint: None,
            depth: Depth::Full,
            read_depth: None,
            stale: false,
            slots: Vec::new(),
            in_corpus: Vec::new(),
            had: Vec::new(),
            cached: Vec::new(),
            full: true,
            need,
            encoded: Vec::new(),
            computed: Vec::new(),
            used: CacheUse::default(),
        };
        let whole = p.urls.is_empty() && p.keys.iter().all(Option::is_some);
        if p.cache.is_some() && whole {
            p.fingerprint = Some(cache::fingerprint(
                p.files.iter().map(PathBuf::as_path).zip(p.keys.iter().flatten()),
            ));
        }
        let mut holds = |kind| match (p.cache.as_mut(), p.fingerprint) {
            (Some(c), Some(fp)) => cache::corpus::holds(c, kind, fp),
            _ => false,
        };
        p.depth = match need {
            Need::Articles => Depth::Articles,
            // Resolving entities needs mentions alone.
            Need::Entities => Depth::Mentions,
            Need::Comparison if holds(Kind::Comparison) => Depth::Articles,
            Need::Everything if holds(Kind::Index) && holds(Kind::Comparison) => Depth::Mentions,
            _ => Depth::Full,
        };
        p
    }

    /// A pipeline with no files and no cache: it computes whatever it is
    /// asked for on the corpus it is given.
    pub fn detached() -> Pipeline {
        let mut p = Pipeline::start(
            &[],
            &Options { cache: Setting::Off, ..Options::default() },
            Need::Everything,
        );
        p.listing.clear();
        p
    }

    /// Files and URLs to read.
    pub fn sources(&self) -> usize {
        self.files.len() + self.urls.len()
    }

    /// Read every file (the cache's first) and finish the corpus: ids,
    /// repeats removed, newest first. `on` sees each batch as it comes
    /// and may stop the work by returning false (`None` then).
    pub fn load(&mut self, on: &mut dyn FnMut(Loading<'_>) -> bool) -> Option<Corpus> {
        let given = &self.files;
        let decode = |slot: usize, d: &mut cache::codec::Dec<'_>| decode_articles(d, &given[slot]);
        let mut found = match self.cache.as_mut() {
            Some(c) => cache::files::read(c, Kind::Files, &self.keys, &decode),
            None => cache::files::Found::default(),
        };
        let stale = found.stale;
        self.used.files_cached = found.hits.len();
        self.used.files_read = self.files.len() + self.urls.len() - found.hits.len();
        let n = self.files.len();
        let mut results: Vec<Option<Vec<Loaded>>> = vec![None; n];
        let mut states = vec![SlotState::Uncacheable; n + self.urls.len()];
        let mut problems: Vec<Vec<corpus::Problem>> = vec![Vec::new(); n + self.urls.len()];
        let mut done = 0;
        // What the cache had, shown first, a chunk at a time.
        let hits: Vec<usize> = (0..n).filter(|i| found.hits.contains_key(i)).collect();
        for chunk in hits.chunks(CHUNK * 8) {
            for &i in chunk {
                states[i] = SlotState::Hit;
                results[i] = Some(found.hits.remove(&i).unwrap_or_default());
            }
            done += chunk.len();
            if !on(Loading::Read { articles: shown(&results, chunk), files_done: done }) {
                return None;
            }
        }
        // The rest from disk, on all cores.
        let misses: Vec<usize> = (0..n).filter(|&i| results[i].is_none()).collect();
        for chunk in misses.chunks(CHUNK) {
            let read: Vec<(Vec<Loaded>, Vec<corpus::Problem>)> =
                chunk.par_iter().map(|&i| corpus::read_file(&self.files[i])).collect();
            for (&i, (loaded, probs)) in chunk.iter().zip(read) {
                states[i] = if probs.is_empty() && self.keys[i].is_some() {
                    SlotState::Fresh
                } else {
                    SlotState::Uncacheable
                };
                results[i] = Some(loaded);
                problems[i] = probs;
            }
            done += chunk.len();
            if !on(Loading::Read { articles: shown(&results, chunk), files_done: done }) {
                return None;
            }
        }
        for (u, url) in self.urls.iter().enumerate() {
            let (loaded, probs) = corpus::read_url(url, self.limits);
            results.push(Some(loaded));
            problems[n + u] = probs;
            done += 1;
            if !on(Loading::Read { articles: shown(&results, &[n + u]), files_done: done }) {
                return None;
            }
        }

        // In source order, as `corpus::load` gives them.
        let mut warnings = std::mem::take(&mut self.listing);
        let mut loaded = Vec::new();
        let mut positions = Vec::new();
        self.slots.clear();
        let sources = self.files.iter().chain(&self.urls);
        for (((source, result), state), probs) in sources.zip(results).zip(states).zip(problems) {
            let start = loaded.len();
            for l in result.unwrap_or_default() {
                positions.push(l.index);
                loaded.push(l);
            }
            self.slots.push(Slot { range: start..loaded.len(), state });
            corpus::warn(source, probs, &mut warnings);
        }
        let finished = corpus::finish(loaded, warnings);
        self.in_corpus = vec![None; positions.len()];
        for (c, &o) in finished.origin.iter().enumerate() {
            self.in_corpus[o] = Some(c);
        }
        self.had = vec![false; positions.len()];
        self.cached = Vec::new();
        // The repeats left out are needed only to write their files'
        // records, now: nothing keeps them after.
        let dropped: HashMap<usize, Article> = finished.dropped.into_iter().collect();
        self.save_articles(&finished.corpus, &dropped, &positions, stale);
        Some(finished.corpus)
    }

    /// Every article's analysis, in corpus order: from the cache where it
    /// has them (only the mentions when the corpus' entities and comparison
    /// are cached too), the rest computed on all cores. `on(start, batch,
    /// done)` sees each batch; returning false stops the work.
    pub fn analyses(
        &mut self,
        corpus: &Corpus,
        on: &mut dyn FnMut(usize, &[Analysis], usize) -> bool,
    ) -> Option<Vec<Analysis>> {
        let n = corpus.articles.len();
        self.read_analyses(corpus);
        self.cached.resize_with(n, || None);
        // Nothing will be compared: keep the mentions, and the rest only
        // encoded for the cache (a fraction of its size in memory).
        let slim = self.need == Need::Entities;
        if slim {
            self.encoded = vec![None; n];
        }
        self.computed = vec![false; n];
        let mut from_cache = 0;
        let mut out: Vec<Analysis> = Vec::with_capacity(n);
        for start in (0..n).step_by(CHUNK) {
            let end = (start + CHUNK).min(n);
            let batch: Vec<Analysis> = self.cached[start..end]
                .par_iter_mut()
                .zip(&corpus.articles[start..end])
                .map(|(c, a)| match c.take() {
                    Some(an) => (an, None),
                    None => {
                        let an = analysis::analyze(&a.body, a.date);
                        if slim {
                            let bytes = analysis_bytes(&an);
                            (Analysis { mentions: an.mentions, ..Analysis::default() }, Some(bytes))
                        } else {
                            (compact(an), Some(Vec::new()))
                        }
                    }
                })
                .collect::<Vec<_>>()
                .into_iter()
                .enumerate()
                .map(|(k, (an, computed))| {
                    match computed {
                        None => from_cache += 1,
                        Some(bytes) => {
                            self.computed[start + k] = true;
                            if slim {
                                self.encoded[start + k] = Some(bytes);
                            }
                        }
                    }
                    an
                })
                .collect();
            out.extend(batch);
            if !on(start, &out[start..end], end) {
                return None;
            }
        }
        self.used.analyses_cached += from_cache;
        self.used.analyses_computed += n - from_cache;
        // Mentions-only analyses came from the cache, or only mentions are
        // kept: enough to show, not to compare or to store.
        self.full = !slim && (self.depth != Depth::Mentions || from_cache == 0);
        self.save_analyses(Some(&out));
        Some(out)
    }

    /// The corpus' entities: cached, or resolved now (and cached).
    pub fn index(&mut self, corpus: &Corpus, analyses: &[Analysis]) -> Index {
        let counts: Vec<usize> = analyses.iter().map(|a| a.mentions.len()).collect();
        if let (Some(c), Some(fp)) = (self.cache.as_mut(), self.fingerprint)
            && counts.len() == corpus.articles.len()
            && let Some(ix) = cache::corpus::read_index(c, fp, &counts)
        {
            self.used.index_cached = true;
            return ix;
        }
        let ix = index::of_corpus(&corpus.articles, analyses);
        if let (Some(c), Some(fp)) = (self.cache.as_mut(), self.fingerprint) {
            cache::corpus::write_index(c, fp, corpus.articles.len(), &ix);
        }
        ix
    }

    /// The corpus' stories and facts: cached, or compared now (and
    /// cached). Comparing needs complete analyses: those given when they
    /// are, else computed here.
    pub fn comparison(&mut self, corpus: &Corpus, analyses: Option<&[Analysis]>) -> Comparison {
        if let (Some(c), Some(fp)) = (self.cache.as_mut(), self.fingerprint)
            && let Some(cmp) = cache::corpus::read_comparison(c, fp, &corpus.articles)
        {
            self.used.comparison_cached = true;
            return cmp;
        }
        let cmp = match analyses {
            Some(a) if self.full && a.len() == corpus.articles.len() => {
                compare::compare(&corpus.articles, a)
            }
            _ => {
                // Complete analyses: the cache's, the rest computed (and
                // the files' records completed with them).
                self.depth = Depth::Full;
                let all = self.analyses(corpus, &mut |_, _, _| true).unwrap_or_default();
                compare::compare(&corpus.articles, &all)
            }
        };
        if let (Some(c), Some(fp)) = (self.cache.as_mut(), self.fingerprint) {
            cache::corpus::write_comparison(c, fp, corpus.articles.len(), &cmp);
        }
        cmp
    }

    /// Problems with the cache since the last call, each to be reported once.
    pub fn cache_problems(&mut self) -> Vec<CacheError> {
        let mut out = std::mem::take(&mut self.problems);
        if let Some(c) = self.cache.as_mut() {
            out.extend(c.take_problems());
        }
        out
    }

    /// Whether the analyses [`Pipeline::analyses`] gave are complete (not
    /// only their mentions, as the cache gives when nothing needs more).
    pub fn complete_analyses(&self) -> bool {
        self.full
    }

    /// What came from the cache so far.
    pub fn cache_use(&self) -> CacheUse {
        self.used
    }

    /// The cache folder in use, if any.
    pub fn cache_dir(&self) -> Option<&std::path::Path> {
        self.cache.as_ref().map(Cache::dir)
    }

    /// Update `files.bin`: records for the files read now, the others
    /// kept as they are; written only when something changed.
    fn save_articles(
        &mut self,
        corpus: &Corpus,
        dropped: &HashMap<usize, Article>,
        positions: &[Option<usize>],
        stale: bool,
    ) {
        let Some(cache) = self.cache.as_mut() else { return };
        let files = &self.slots[..self.files.len()];
        let rewrite: Vec<bool> = files.iter().map(|s| s.state == SlotState::Fresh).collect();
        if !stale && !rewrite.contains(&true) {
            return;
        }
        let keep: Vec<bool> = files.iter().map(|s| s.state == SlotState::Hit).collect();
        let in_corpus = &self.in_corpus;
        let fresh = |i: usize| -> Option<Vec<u8>> {
            if !rewrite[i] {
                return None;
            }
            let mut arts: Vec<(&Article, Option<usize>)> = Vec::new();
            for li in files[i].range.clone() {
                let article = match in_corpus[li] {
                    Some(ci) => corpus.articles.get(ci)?,
                    None => dropped.get(&li)?,
                };
                arts.push((article, positions[li]));
            }
            let mut e = cache::codec::Enc::default();
            encode_articles(&mut e, &arts);
            Some(e.buf)
        };
        cache::files::write(cache, Kind::Files, &self.keys, &keep, &fresh);
    }

    /// Take from `analyses.bin` what it has for the corpus' articles, to
    /// the depth asked for, unless taken to that depth already.
    fn read_analyses(&mut self, corpus: &Corpus) {
        if self.depth == Depth::Articles || self.read_depth.is_some_and(|d| d >= self.depth) {
            return;
        }
        let Some(cache) = self.cache.as_mut() else { return };
        self.read_depth = Some(self.depth);
        // Each file's articles' text, to check the analyses against; none
        // for repeats left out (nothing is wanted of them).
        let bodies: Vec<Vec<Option<&str>>> = self
            .slots
            .iter()
            .map(|s| {
                s.range
                    .clone()
                    .map(|li| self.in_corpus[li].map(|ci| corpus.articles[ci].body.as_str()))
                    .collect()
            })
            .collect();
        let depth = self.depth;
        let decode = |slot: usize, d: &mut cache::codec::Dec<'_>| {
            decode_analyses(d, bodies.get(slot).map_or(&[], Vec::as_slice), depth)
        };
        let found = cache::files::read(cache, Kind::Analyses, &self.keys, &decode);
        self.stale |= found.stale;
        self.cached.resize_with(corpus.articles.len(), || None);
        for (slot, analyses) in found.hits {
            let range = self.slots[slot].range.clone();
            for (li, an) in range.zip(analyses) {
                self.had[li] = an.is_some();
                if let (Some(ci), Some(an)) = (self.in_corpus[li], an) {
                    self.cached[ci] = Some(an);
                }
            }
        }
    }

    /// Update `analyses.bin`: records for files that now have analyses
    /// their record lacked; the others kept as they are.
    fn save_analyses(&mut self, analyses: Option<&[Analysis]>) {
        let Some(cache) = self.cache.as_mut() else { return };
        // What each corpus article's record can hold: its analysis encoded
        // already, or complete in memory, or nothing.
        let stored = |ci: usize| -> Stored<'_> {
            if let Some(Some(bytes)) = self.encoded.get(ci) {
                return Stored::Encoded(bytes);
            }
            // Computed now, complete even where the rest are not.
            let complete =
                self.full || (self.need != Need::Entities && self.computed.get(ci) == Some(&true));
            match analyses.and_then(|a| a.get(ci)) {
                Some(an) if complete => Stored::Analysis(an),
                _ => Stored::None,
            }
        };
        let has = |ci: usize| !matches!(stored(ci), Stored::None);
        // A file's record is rewritten when it gains analyses: some article
        // of it in the corpus had none stored and has one now.
        let gains = |s: &Slot| {
            s.range.clone().any(|li| self.in_corpus[li].is_some_and(|ci| !self.had[li] && has(ci)))
        };
        let files = &self.slots[..self.files.len()];
        let rewrite: Vec<bool> =
            files.iter().map(|s| s.state != SlotState::Uncacheable && gains(s)).collect();
        if !self.stale && !rewrite.contains(&true) {
            return;
        }
        let keep: Vec<bool> = files
            .iter()
            .zip(&rewrite)
            .map(|(s, &r)| s.state != SlotState::Uncacheable && !r)
            .collect();
        let fresh = |i: usize| -> Option<Vec<u8>> {
            if !rewrite[i] {
                return None;
            }
            // Repeats are kept without analysis: the record then says
            // "not analysed" and is completed if they ever stand alone.
            let arts: Vec<Stored<'_>> = files[i]
                .range
                .clone()
                .map(|li| self.in_corpus[li].map_or(Stored::None, stored))
                .collect();
            let mut e = cache::codec::Enc::default();
            encode_analyses(&mut e, &arts);
            Some(e.buf)
        };
        cache::files::write(cache, Kind::Analyses, &self.keys, &keep, &fresh);
        self.stale = false;
        let had: Vec<(usize, bool)> = rewrite
            .iter()
            .enumerate()
            .filter(|(_, r)| **r)
            .flat_map(|(i, _)| self.slots[i].range.clone())
            .map(|li| (li, self.in_corpus[li].is_some_and(has)))
            .collect();
        for (li, h) in had {
            self.had[li] = h;
        }
        self.encoded = Vec::new();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analyses_let_their_tokens_go_and_compare_as_complete_ones() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-data");
        let corpus = corpus::load(&[dir]);
        let complete = analysis::analyze_all(&corpus.articles);
        let mut p = Pipeline::detached();
        let kept = p.analyses(&corpus, &mut |_, _, _| true).expect("analysed");
        assert!(p.complete_analyses());
        assert!(complete.iter().any(|a| !a.segmentation.tokens.is_empty()));
        for (k, c) in kept.iter().zip(&complete) {
            assert!(k.segmentation.tokens.is_empty());
            assert!(k.segmentation.sentences.iter().all(|s| s.tokens.is_empty()));
            let starts = |a: &Analysis| -> Vec<(usize, usize)> {
                a.segmentation.sentences.iter().map(|s| (s.start, s.end)).collect()
            };
            assert_eq!(starts(k), starts(c));
            assert_eq!((&k.mentions, &k.values), (&c.mentions, &c.values));
        }
        let a = compare::compare(&corpus.articles, &kept);
        let b = compare::compare(&corpus.articles, &complete);
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
    }
}
