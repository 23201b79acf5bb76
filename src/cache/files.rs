//! The per-file packs, keyed by each file's canonical path, size and
//! modification time: `files.bin` holds the articles read from each file,
//! `analyses.bin` their analyses. Kept apart so that `list` reads the
//! articles alone, and the analyses are read only by what needs them.
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
use super::{ANALYSIS_VERSION, Cache, CacheError, FileKey};

/// Records decoded together: enough to keep both cores busy, few enough
/// to keep memory flat.
const BATCH: usize = 512;

/// Where the per-file pack of `kind` lives.
pub fn path_of(cache: &Cache, kind: Kind) -> PathBuf {
    match kind {
        Kind::Analyses => cache.analyses_path(),
        _ => cache.files_path(),
    }
}

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
#[derive(Debug)]
pub struct Found<T> {
    /// Per file (by position in `keys`), what its record held.
    pub hits: HashMap<usize, T>,
    /// Records of files that are gone or changed: the pack needs rewriting.
    pub stale: bool,
}

impl<T> Default for Found<T> {
    fn default() -> Self {
        Found { hits: HashMap::new(), stale: false }
    }
}

/// A record's payload (after its key) decoded, for the file at a position.
pub type Decode<'a, T> = dyn Fn(usize, &mut Dec<'_>) -> DecResult<T> + Sync + 'a;

/// What the pack of `kind` holds for every file in `keys` whose record
/// matches its key, as `decode` reads it. A pack that is damaged or
/// foreign is reported on `cache` and yields nothing.
pub fn read<T: Send>(
    cache: &mut Cache,
    kind: Kind,
    keys: &[Option<FileKey>],
    decode: &Decode<'_, T>,
) -> Found<T> {
    let path = path_of(cache, kind);
    match try_read(&path, kind, keys, decode) {
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

fn try_read<T: Send>(
    path: &Path,
    kind: Kind,
    keys: &[Option<FileKey>],
    decode: &Decode<'_, T>,
) -> Result<Found<T>, PackError> {
    let Some(mut reader) = PackReader::open(path, kind, ANALYSIS_VERSION)? else {
        return Ok(Found::default());
    };
    let by_path: HashMap<&[u8], usize> = keys
        .iter()
        .enumerate()
        .filter_map(|(i, k)| Some((k.as_ref()?.canonical.as_os_str().as_encoded_bytes(), i)))
        .collect();
    let mut found = Found::default();
    let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH);
    // Buffers of decoded batches, reused: a fresh one per record would map
    // and unmap the large ones every time.
    let mut spare: Vec<Vec<u8>> = Vec::new();
    let flush = |batch: &mut Vec<(usize, Vec<u8>)>,
                 spare: &mut Vec<Vec<u8>>,
                 found: &mut Found<T>|
     -> Result<(), PackError> {
        let decoded: Vec<DecResult<(usize, T)>> = batch
            .par_iter()
            .map(|(slot, bytes)| {
                let mut d = Dec::new(bytes);
                decode_key(&mut d)?;
                Ok((*slot, decode(*slot, &mut d)?))
            })
            .collect();
        spare.extend(batch.drain(..).map(|(_, b)| b));
        for r in decoded {
            let (slot, value) = r.map_err(|e| PackError::Corrupt(e.0))?;
            found.hits.insert(slot, value);
        }
        Ok(())
    };
    let mut taken = vec![false; keys.len()];
    while let Some(record) = reader.next_record()? {
        let mut d = Dec::new(record);
        let k = decode_key(&mut d).map_err(|e| PackError::Corrupt(e.0))?;
        let slot = by_path.get(k.0).copied();
        match slot.and_then(|s| keys[s].as_ref().map(|key| (s, key))) {
            Some((s, key)) if same(key, k) && !taken[s] => {
                taken[s] = true;
                let mut buf = spare.pop().unwrap_or_default();
                buf.clear();
                buf.extend_from_slice(record);
                batch.push((s, buf));
                if batch.len() >= BATCH {
                    flush(&mut batch, &mut spare, &mut found)?;
                }
            }
            _ => found.stale = true,
        }
    }
    flush(&mut batch, &mut spare, &mut found)?;
    Ok(found)
}

/// Write the pack of `kind` for the files in `keys`: for each file,
/// `fresh(i)` gives its encoded payload when it must be (re)written;
/// otherwise, where `keep[i]`, its record is copied from the old pack.
/// Files with neither are left out. A failure is reported on `cache`
/// (once) and leaves the old pack in place.
pub fn write(
    cache: &mut Cache,
    kind: Kind,
    keys: &[Option<FileKey>],
    keep: &[bool],
    fresh: &(dyn Fn(usize) -> Option<Vec<u8>> + Sync),
) {
    if !cache.make_folder() {
        return;
    }
    let path = path_of(cache, kind);
    if let Err(source) = try_write(&path, kind, keys, keep, fresh) {
        cache.problem(CacheError::Write { path, source });
    }
}

fn try_write(
    path: &Path,
    kind: Kind,
    keys: &[Option<FileKey>],
    keep: &[bool],
    fresh: &(dyn Fn(usize) -> Option<Vec<u8>> + Sync),
) -> std::io::Result<()> {
    let mut w = PackWriter::create(path, kind, ANALYSIS_VERSION)?;
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
        && let Ok(Some(mut old)) = PackReader::open(path, kind, ANALYSIS_VERSION)
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
