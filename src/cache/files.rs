//! `files.bin`: per file, its key (canonical path, size, modification
//! time) and the articles read from it, with their analyses when known.
//!
//! Reading checks the whole pack before handing anything out, decoding on
//! all cores; writing copies the records of unchanged files as they are
//! and encodes the rest, a chunk at a time, so neither needs the whole
//! pack in memory.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::codec::{Dec, Enc, Result as DecResult};
use super::pack::{Kind, PackError, PackReader, PackWriter};
use super::records::{CachedArticle, Depth, decode_articles};
use super::{ANALYSIS_VERSION, Cache, CacheError, FileKey};

/// Records decoded together: enough to keep both cores busy, few enough
/// to keep memory flat.
const BATCH: usize = 512;

pub fn encode_key(e: &mut Enc, key: &FileKey) {
    e.bytes(key.canonical.as_os_str().as_encoded_bytes());
    e.u(key.size);
    e.i(key.secs);
    e.u(u64::from(key.nanos));
}

/// The key at the start of a record, as raw parts, and the decoder after it.
fn decode_key<'a>(d: &mut Dec<'a>) -> DecResult<(&'a [u8], u64, i64, u64)> {
    Ok((d.bytes()?, d.u()?, d.i()?, d.u()?))
}

fn same(key: &FileKey, (_, size, secs, nanos): (&[u8], u64, i64, u64)) -> bool {
    key.size == size && key.secs == secs && u64::from(key.nanos) == nanos
}

/// What reading found.
#[derive(Debug, Default)]
pub struct Found {
    /// Per file (by position in `keys`), its cached articles.
    pub hits: HashMap<usize, Vec<CachedArticle>>,
    /// Records of files that are gone or changed: the pack needs rewriting.
    pub stale: bool,
}

/// The cached articles of every file in `keys` whose record matches its
/// key, decoded to `depth`, their paths set from `given`. A pack that is
/// damaged or foreign is reported on `cache` and yields nothing.
pub fn read(cache: &mut Cache, keys: &[Option<FileKey>], given: &[PathBuf], depth: Depth) -> Found {
    let path = cache.files_path();
    match try_read(&path, keys, given, depth) {
        Ok(found) => found,
        Err(PackError::Io(source)) => {
            cache.problem(CacheError::Read { path, source });
            Found::default()
        }
        Err(e) => {
            cache.problem(CacheError::unusable(&path, e));
            Found::default()
        }
    }
}

fn try_read(
    path: &Path,
    keys: &[Option<FileKey>],
    given: &[PathBuf],
    depth: Depth,
) -> Result<Found, PackError> {
    let Some(mut reader) = PackReader::open(path, Kind::Files, ANALYSIS_VERSION)? else {
        return Ok(Found::default());
    };
    let by_path: HashMap<&[u8], usize> = keys
        .iter()
        .enumerate()
        .filter_map(|(i, k)| Some((k.as_ref()?.canonical.as_os_str().as_encoded_bytes(), i)))
        .collect();
    let mut found = Found::default();
    let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH);
    let decode = |batch: &mut Vec<(usize, Vec<u8>)>, found: &mut Found| -> Result<(), PackError> {
        let decoded: Vec<DecResult<(usize, Vec<CachedArticle>)>> = batch
            .par_iter()
            .map(|(slot, bytes)| {
                let mut d = Dec::new(bytes);
                decode_key(&mut d)?;
                Ok((*slot, decode_articles(&mut d, &given[*slot], depth)?))
            })
            .collect();
        batch.clear();
        for r in decoded {
            let (slot, articles) = r.map_err(|e| PackError::Corrupt(e.0))?;
            found.hits.insert(slot, articles);
        }
        Ok(())
    };
    while let Some(record) = reader.next_record()? {
        let mut d = Dec::new(record);
        let k = decode_key(&mut d).map_err(|e| PackError::Corrupt(e.0))?;
        let slot = by_path.get(k.0).copied();
        match slot.and_then(|s| keys[s].as_ref().map(|key| (s, key))) {
            Some((s, key)) if same(key, k) && !found.hits.contains_key(&s) => {
                batch.push((s, record.to_vec()));
                if batch.len() >= BATCH {
                    decode(&mut batch, &mut found)?;
                }
            }
            _ => found.stale = true,
        }
    }
    decode(&mut batch, &mut found)?;
    Ok(found)
}

/// Write the pack for the files in `keys`: for each file, `fresh(i)` gives
/// its encoded articles when they must be (re)written; otherwise, where
/// `keep[i]`, its record is copied from the old pack. Files with neither
/// are left out. A failure is reported on `cache` (once) and leaves the
/// old pack in place.
pub fn write(
    cache: &mut Cache,
    keys: &[Option<FileKey>],
    keep: &[bool],
    fresh: &(dyn Fn(usize) -> Option<Vec<u8>> + Sync),
) {
    if !cache.make_folder() {
        return;
    }
    let path = cache.files_path();
    if let Err(source) = try_write(&path, keys, keep, fresh) {
        cache.problem(CacheError::Write { path, source });
    }
}

fn try_write(
    path: &Path,
    keys: &[Option<FileKey>],
    keep: &[bool],
    fresh: &(dyn Fn(usize) -> Option<Vec<u8>> + Sync),
) -> std::io::Result<()> {
    let mut w = PackWriter::create(path, Kind::Files, ANALYSIS_VERSION)?;
    // Unchanged files first, straight from the old pack (which was read
    // whole and checked earlier in this run; if it is unreadable now, those
    // records are simply left out).
    let by_path: HashMap<&[u8], usize> = keys
        .iter()
        .enumerate()
        .filter(|(i, _)| keep.get(*i).copied().unwrap_or(false))
        .filter_map(|(i, k)| Some((k.as_ref()?.canonical.as_os_str().as_encoded_bytes(), i)))
        .collect();
    if !by_path.is_empty()
        && let Ok(Some(mut old)) = PackReader::open(path, Kind::Files, ANALYSIS_VERSION)
    {
        let mut copied = vec![false; keys.len()];
        while let Ok(Some(record)) = old.next_record() {
            let mut d = Dec::new(record);
            let Ok(k) = decode_key(&mut d) else { break };
            if let Some(&s) = by_path.get(k.0)
                && !copied[s]
                && keys[s].as_ref().is_some_and(|key| same(key, k))
            {
                copied[s] = true;
                w.record(record)?;
            }
        }
    }
    let indices: Vec<usize> = (0..keys.len()).collect();
    for chunk in indices.chunks(BATCH) {
        let records: Vec<Vec<u8>> = chunk
            .par_iter()
            .filter_map(|&i| {
                let key = keys[i].as_ref()?;
                let payload = fresh(i)?;
                let mut e = Enc::default();
                encode_key(&mut e, key);
                e.buf.extend_from_slice(&payload);
                Some(e.buf)
            })
            .collect();
        for r in &records {
            w.record(r)?;
        }
    }
    w.finish()
}
