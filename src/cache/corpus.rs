//! `index.bin` and `compare.bin`: the corpus' entities and its comparison,
//! valid for one fingerprint of the whole file set (first record), then
//! stored a run of entities or stories per record.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::codec::{Corrupt, Dec, Enc};
use super::pack::{Kind, PackError, PackReader, PackWriter};
use super::records::{
    comparison, decode_entities, decode_stories, decode_story_of, encode_entities, encode_stories,
    encode_story_of, index_of,
};
use super::{ANALYSIS_VERSION, Cache, CacheError};
use crate::compare::Comparison;
use crate::corpus::Article;
use crate::index::Index;

const ENTITIES_PER_RECORD: usize = 2048;
const STORIES_PER_RECORD: usize = 256;
/// Tags of the records after the first in `compare.bin`.
const STORIES: u8 = 0;
const STORY_OF: u8 = 1;

fn path_of(cache: &Cache, kind: Kind) -> PathBuf {
    match kind {
        Kind::Comparison => cache.compare_path(),
        _ => cache.index_path(),
    }
}

fn head(fingerprint: u64, articles: usize) -> Vec<u8> {
    let mut e = Enc::default();
    e.u(fingerprint);
    e.n(articles);
    e.buf
}

/// Open the pack of `kind` if it holds the corpus with this fingerprint
/// (and this many articles, when given); damage is reported on `cache`.
fn open(
    cache: &mut Cache,
    kind: Kind,
    fingerprint: u64,
    articles: Option<usize>,
) -> Option<(PackReader, PathBuf)> {
    let path = path_of(cache, kind);
    let opened = (|| -> Result<Option<PackReader>, PackError> {
        let Some(mut r) = PackReader::open(&path, kind, ANALYSIS_VERSION)? else {
            return Ok(None);
        };
        let first = r.next_record()?.ok_or(PackError::Corrupt("empty"))?;
        let mut d = Dec::new(first);
        let (fp, n) = (d.u().map_err(corrupt)?, d.n().map_err(corrupt)?);
        Ok((fp == fingerprint && articles.is_none_or(|a| a == n)).then_some(r))
    })();
    report(cache, &path, opened).flatten().map(|r| (r, path))
}

fn report<T>(cache: &mut Cache, path: &Path, r: Result<T, PackError>) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(PackError::Io(source)) => {
            cache.problem(CacheError::Read { path: path.to_path_buf(), source });
            None
        }
        Err(e) => {
            cache.problem(CacheError::unusable(path, e));
            None
        }
    }
}

/// Whether the pack of `kind` holds this corpus (without reading it all).
pub fn holds(cache: &mut Cache, kind: Kind, fingerprint: u64) -> bool {
    open(cache, kind, fingerprint, None).is_some()
}

/// The rest of a pack's records, each checked, and the pack complete.
fn all_records(r: &mut PackReader) -> Result<Vec<Vec<u8>>, PackError> {
    let mut out = Vec::new();
    while let Some(record) = r.next_record()? {
        out.push(record.to_vec());
    }
    Ok(out)
}

fn corrupt(e: Corrupt) -> PackError {
    PackError::Corrupt(e.0)
}

/// The cached entities of this corpus; `mentions[a]` is how many mentions
/// article `a` has (to check the entities against and to rebuild
/// `entity_of`).
pub fn read_index(cache: &mut Cache, fingerprint: u64, mentions: &[usize]) -> Option<Index> {
    let (mut r, path) = open(cache, Kind::Index, fingerprint, Some(mentions.len()))?;
    let read = (|| -> Result<Index, PackError> {
        let records = all_records(&mut r)?;
        let decoded: Vec<Result<Vec<_>, Corrupt>> = records
            .par_iter()
            .map(|record| {
                let mut run = Vec::new();
                decode_entities(&mut Dec::new(record), mentions, &mut run)?;
                Ok(run)
            })
            .collect();
        let mut entities = Vec::new();
        for run in decoded {
            entities.extend(run.map_err(corrupt)?);
        }
        Ok(index_of(entities, mentions))
    })();
    report(cache, &path, read)
}

pub fn write_index(cache: &mut Cache, fingerprint: u64, articles: usize, index: &Index) {
    let records = std::iter::once(head(fingerprint, articles)).chain(
        index.entities.chunks(ENTITIES_PER_RECORD).map(|chunk| {
            let mut e = Enc::default();
            encode_entities(&mut e, chunk);
            e.buf
        }),
    );
    write(cache, Kind::Index, records);
}

/// The cached comparison of this corpus.
pub fn read_comparison(
    cache: &mut Cache,
    fingerprint: u64,
    articles: &[Article],
) -> Option<Comparison> {
    let (mut r, path) = open(cache, Kind::Comparison, fingerprint, Some(articles.len()))?;
    let read = (|| -> Result<Comparison, PackError> {
        // Checked whole first, then the runs of stories decoded on all cores.
        let records = all_records(&mut r)?;
        let (last, runs) = records.split_last().ok_or(PackError::Corrupt("no stories"))?;
        let decoded: Vec<Result<Vec<_>, Corrupt>> = runs
            .par_iter()
            .map(|record| {
                let mut d = Dec::new(record);
                if d.byte()? != STORIES {
                    return Err(Corrupt("unknown record"));
                }
                let mut stories = Vec::new();
                decode_stories(&mut d, articles, &mut stories)?;
                Ok(stories)
            })
            .collect();
        let mut stories = Vec::new();
        for run in decoded {
            stories.extend(run.map_err(corrupt)?);
        }
        let mut d = Dec::new(last);
        if d.byte().map_err(corrupt)? != STORY_OF {
            return Err(PackError::Corrupt("no stories"));
        }
        let story_of = decode_story_of(&mut d, articles.len(), stories.len()).map_err(corrupt)?;
        Ok(comparison(stories, story_of))
    })();
    report(cache, &path, read)
}

pub fn write_comparison(cache: &mut Cache, fingerprint: u64, articles: usize, cmp: &Comparison) {
    let stories = cmp.stories.chunks(STORIES_PER_RECORD).map(|chunk| {
        let mut e = Enc::default();
        e.byte(STORIES);
        encode_stories(&mut e, chunk);
        e.buf
    });
    let mut tail = Enc::default();
    tail.byte(STORY_OF);
    encode_story_of(&mut tail, &cmp.story_of);
    let records = std::iter::once(head(fingerprint, articles))
        .chain(stories)
        .chain(std::iter::once(tail.buf));
    write(cache, Kind::Comparison, records);
}

fn write(cache: &mut Cache, kind: Kind, records: impl Iterator<Item = Vec<u8>>) {
    if !cache.make_folder() {
        return;
    }
    let path = path_of(cache, kind);
    let result = (|| -> std::io::Result<()> {
        let mut w = PackWriter::create(&path, kind, ANALYSIS_VERSION)?;
        for r in records {
            w.record(&r)?;
        }
        w.finish()
    })();
    if let Err(source) = result {
        cache.problem(CacheError::Write { path, source });
    }
}
